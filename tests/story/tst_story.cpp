// The story of a step: the structured sentences core derives from a trace (values read and written, lost
// updates, locks asked for, taken and released, sleeps and switch reasons, joins, queues, deadlocks), the
// words StoryText gives them in English and Russian, and `lockstep run --story` on the command line.

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <functional>
#include <memory>

#include "cli/Cli.h"
#include "common/TestMain.h"
#include "lockstep/Execution.h"
#include "lockstep/Story.h"
#include "lockstep/TraceModel.h"
#include "lockstep/WorkerPool.h"
#include "lockstep/scenarios/Registry.h"
#include "view/StoryText.h"

using namespace lockstep;
using lockstep::app::StoryText;

namespace {

WorkerPool& workerPool() {
    static WorkerPool pool;
    return pool;
}

// A scenario run with its defaults (round-robin, seed 1), the way `lockstep run ID` runs it.
struct Run {
    std::unique_ptr<Trace> trace = std::make_unique<Trace>();
    std::unique_ptr<TraceModel> model;
    // Every step's sentences, with the step each came from.
    std::vector<std::pair<std::uint32_t, StorySentence>> story;

    ActorId actor(const char* name) const { return trace->findActor(name); }
    ObjectId object(const char* name) const { return trace->findObject(name); }
    // The first sentence (from step `from` on) that passes `match`, or nullptr.
    const StorySentence* find(const std::function<bool(const StorySentence&)>& match,
                              std::uint32_t* step = nullptr, std::uint32_t from = 1) const {
        for (const auto& [k, s] : story)
            if (k >= from && match(s)) {
                if (step) *step = k;
                return &s;
            }
        return nullptr;
    }
    const StorySentence* find(StoryKind kind, ActorId actor, std::uint32_t* step = nullptr) const {
        return find([&](const StorySentence& s) { return s.kind == kind && s.actor == actor; }, step);
    }
    QString words(const StorySentence& s) const { return StoryText::sentence(s, *model); }
};

std::unique_ptr<Run> run(const char* id) {
    auto r = std::make_unique<Run>();
    const scenarios::Scenario* s = scenarios::find(id);
    if (!s) return nullptr;
    RunConfig config;
    s->defaults.applyTo(config);
    const scenarios::Params p = s->resolve(config.params);
    Execution ex(workerPool(), *r->trace, config, [s, p] { s->main(p); });
    ex.runToEnd();
    ex.teardown();
    r->model = std::make_unique<TraceModel>(*r->trace);
    StoryTeller teller(*r->model);
    for (std::uint32_t step = 1; step <= r->model->steps(); ++step)
        for (const StorySentence& sentence : teller.storyOf(step)) r->story.emplace_back(step, sentence);
    return r;
}

// The sentence in Russian, then English again for the rest of the test.
QString russian(const Run& r, const StorySentence& s) {
    app::installTranslations("ru");
    const QString text = r.words(s);
    app::installTranslations("en");
    return text;
}

}  // namespace

class TestStory : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { app::installTranslations("en"); }

    // Both threads read 0, T1 writes 10, T2 writes 20 over it without having read it: T1's update is lost.
    void raceCounterSleepLosesAnUpdate() {
        const auto r = run("race-counter-sleep");
        QVERIFY(r);
        const ActorId main = r->actor("MainThread"), t1 = r->actor("T1"), t2 = r->actor("T2");
        const ObjectId counter = r->object("counter");
        for (ActorId t : {t1, t2}) {
            const StorySentence* read = r->find(StoryKind::Read, t);
            QVERIFY(read);
            QCOMPARE(read->object, counter);
            QCOMPARE(read->value, std::string("0"));
        }
        std::uint32_t t1Step = 0, t2Step = 0;
        const StorySentence* w1 = r->find(StoryKind::Wrote, t1, &t1Step);
        QVERIFY(w1);
        QCOMPARE(w1->value, std::string("10"));
        QCOMPARE(w1->other, main);  // over the first value, 0
        QCOMPARE(w1->oldValue, std::string("0"));
        const StorySentence* w2 = r->find(StoryKind::Wrote, t2, &t2Step);
        QVERIFY(w2);
        QCOMPARE(w2->value, std::string("20"));
        QCOMPARE(w2->other, t1);
        QCOMPARE(w2->oldValue, std::string("10"));
        QCOMPARE(w2->otherStep, t1Step);
        QCOMPARE(r->words(*w2), QString("T2 wrote counter = 20 over T1's 10."));
        QCOMPARE(russian(*r, *w2),
                 QString("T2 записал counter = 20 поверх значения 10, которое записал T1."));

        // T1's store is no lost update (MainThread's 0 is what it read); T2's is.
        QVERIFY(!r->find(StoryKind::LostUpdate, t1));
        std::uint32_t lostStep = 0;
        const StorySentence* lost = r->find(StoryKind::LostUpdate, t2, &lostStep);
        QVERIFY(lost);
        QCOMPARE(lostStep, t2Step);
        QCOMPARE(lost->object, counter);
        QCOMPARE(lost->other, t1);
        QCOMPARE(lost->oldValue, std::string("10"));
        QCOMPARE(lost->otherStep, t1Step);
        QCOMPARE(
            r->words(*lost),
            QString("T2 never read T1's 10 (written in step %1) before writing over it: T1's update is lost.")
                .arg(t1Step));
        QCOMPARE(
            russian(*r, *lost),
            QString("T2 так и не прочитал значение 10, которое записал T1 (шаг %1), и записал поверх него: "
                    "обновление потока T1 потеряно.")
                .arg(t1Step));
        const StorySentence* read = r->find(StoryKind::Read, t1);
        QCOMPARE(r->words(*read), QString("T1 read counter = 0."));
        QCOMPARE(russian(*r, *read), QString("T1 прочитал counter = 0."));
    }

    // T1 sleeps, so the scheduler switches to T2; the sentence says why, in both languages.
    void aSleepIsTheReasonForASwitch() {
        const auto r = run("race-counter-sleep");
        QVERIFY(r);
        const ActorId t1 = r->actor("T1"), t2 = r->actor("T2");
        std::uint32_t sleptStep = 0, switchStep = 0;
        const StorySentence* slept = r->find(StoryKind::Slept, t1, &sleptStep);
        QVERIFY(slept);
        QCOMPARE(slept->micros, std::int64_t(100000));
        QCOMPARE(r->words(*slept), QString("T1 went to sleep for 0.1 s."));
        QCOMPARE(russian(*r, *slept), QString("T1 заснул на 0,1 с."));
        const StorySentence* sw = r->find(StoryKind::Switched, t2, &switchStep);
        QVERIFY(sw);
        QCOMPARE(switchStep, sleptStep);
        QCOMPARE(sw->other, t1);
        QCOMPARE(sw->reason, SwitchReason::Slept);
        QCOMPARE(r->words(*sw), QString("T1 went to sleep, so the scheduler switched to T2."));
        QCOMPARE(russian(*r, *sw), QString("T1 заснул, поэтому планировщик переключился на T2."));
        // A thread that finished hands the core on for that reason.
        const StorySentence* ended = r->find([&](const StorySentence& s) {
            return s.kind == StoryKind::Switched && s.other == t1 && s.actor == t2 &&
                   s.reason == SwitchReason::Ended;
        });
        QVERIFY(ended);
    }

    // T1 holds lock_a and asks for lock_b; T2 holds lock_b and asks for lock_a: a cycle.
    void deadlockTwoLocks() {
        const auto r = run("deadlock-two-locks");
        QVERIFY(r);
        const ActorId t1 = r->actor("T1"), t2 = r->actor("T2");
        const ObjectId a = r->object("lock_a"), b = r->object("lock_b");
        const StorySentence* asked = r->find(StoryKind::AskedForHeld, t1);
        QVERIFY(asked);
        QCOMPARE(asked->object, b);
        QCOMPARE(asked->other, t2);
        QCOMPARE(r->words(*asked),
                 QString("T1 asked for lock_b, which T2 holds: T1 is now blocked, waiting for lock_b."));
        QCOMPARE(russian(*r, *asked), QString("T1 пытается захватить lock_b, но lock_b удерживает T2: теперь "
                                              "T1 заблокирован и ожидает lock_b."));
        const StorySentence* blocked =
            r->find([&](const StorySentence& s) { return s.kind == StoryKind::Switched && s.other == t1; },
                    nullptr, 13);
        QVERIFY(blocked);
        QCOMPARE(blocked->reason, SwitchReason::Blocked);
        const StorySentence* cycle =
            r->find([](const StorySentence& s) { return s.kind == StoryKind::Deadlock; });
        QVERIFY(cycle);
        QCOMPARE(cycle->actors.size(), std::size_t(2));
        QCOMPARE(cycle->objects.size(), std::size_t(2));
        for (std::size_t i = 0; i < 2; ++i) QCOMPARE(cycle->objects[i], cycle->actors[i] == t1 ? b : a);
        const QString en = r->words(*cycle);
        QVERIFY2(en.startsWith("Deadlock: ") && en.contains("T1 waits for lock_b") &&
                     en.contains("T2 waits for lock_a"),
                 qPrintable(en));
        const QString ru = russian(*r, *cycle);
        QVERIFY2(ru.startsWith(QString("Взаимоблокировка: ")) && ru.contains(QString("T1 ожидает lock_b")),
                 qPrintable(ru));
    }

    // T2 waits for the lock T1 holds; T1's release makes T2 ready; with the lock, no update is lost.
    void lockCounterAcquireReleaseWake() {
        const auto r = run("lock-counter");
        QVERIFY(r);
        const ActorId t1 = r->actor("T1"), t2 = r->actor("T2");
        const ObjectId lock = r->object("lock");
        const StorySentence* acquired = r->find(StoryKind::Acquired, t1);
        QVERIFY(acquired);
        QCOMPARE(acquired->object, lock);
        QCOMPARE(r->words(*acquired), QString("T1 acquired lock."));
        QCOMPARE(russian(*r, *acquired), QString("T1 захватил lock."));
        const StorySentence* asked = r->find(StoryKind::AskedForHeld, t2);
        QVERIFY(asked);
        QCOMPARE(asked->other, t1);
        const StorySentence* released = r->find(StoryKind::Released, t1);
        QVERIFY(released);
        QCOMPARE(released->object, lock);
        QCOMPARE(released->other, t2);
        QCOMPARE(r->words(*released),
                 QString("T1 released lock: T2, which was waiting for it, is ready again."));
        QCOMPARE(russian(*r, *released),
                 QString("T1 освободил lock: T2, который этого ожидал, снова готов."));
        // T2's release wakes nobody.
        const StorySentence* last = r->find(StoryKind::Released, t2);
        QVERIFY(last);
        QCOMPARE(last->other, kNoActor);
        QVERIFY(!r->find([](const StorySentence& s) { return s.kind == StoryKind::LostUpdate; }));
        const StorySentence* w2 = r->find(StoryKind::Wrote, t2);
        QVERIFY(w2);
        QCOMPARE(w2->value, std::string("30"));
        QCOMPARE(w2->oldValue, std::string("10"));
    }

    // The main thread starts two threads, waits in join for the first, is woken when it ends.
    void threadsStartAndJoin() {
        const auto r = run("threads-start-join");
        QVERIFY(r);
        const ActorId main = r->actor("MainThread"), w1 = r->actor("worker-1");
        const StorySentence* started = r->find(StoryKind::StartedThread, main);
        QVERIFY(started);
        QCOMPARE(started->other, w1);
        QCOMPARE(r->words(*started), QString("MainThread started worker-1: worker-1 is ready to run."));
        QCOMPARE(russian(*r, *started),
                 QString("MainThread запустил worker-1: worker-1 готов к работе."));
        const StorySentence* waits = r->find(StoryKind::Blocked, main);
        QVERIFY(waits);
        QCOMPARE(waits->op, Op::Join);
        QCOMPARE(waits->other, w1);
        QCOMPARE(r->words(*waits),
                 QString("MainThread waits for worker-1 to finish (join): MainThread is blocked."));
        QCOMPARE(russian(*r, *waits),
                 QString("MainThread ждёт завершения worker-1 (join): MainThread заблокирован."));
        std::uint32_t endStep = 0, wokenStep = 0;
        QVERIFY(r->find(StoryKind::Ended, w1, &endStep));
        const StorySentence* woken = r->find(StoryKind::Woken, main, &wokenStep);
        QVERIFY(woken);
        QCOMPARE(woken->op, Op::Join);
        QCOMPARE(woken->other, w1);
        QCOMPARE(wokenStep, endStep);
        QCOMPARE(r->words(*woken), QString("MainThread is ready again: worker-1 has finished."));
    }

    // Items go into a queue and come out, each with who put it there; a consumer waits on the empty queue.
    void queueProducersAndConsumers() {
        const auto r = run("queue-producer-consumers");
        QVERIFY(r);
        const ActorId producer = r->actor("producer-1");
        const ObjectId q = r->object("q");
        const StorySentence* put = r->find(StoryKind::Put, producer);
        QVERIFY(put);
        QCOMPARE(put->object, q);
        QCOMPARE(put->value, std::string("0"));
        QCOMPARE(r->words(*put), QString("producer-1 put 0 into q."));
        QCOMPARE(russian(*r, *put), QString("producer-1 положил 0 в q."));
        const StorySentence* got =
            r->find([&](const StorySentence& s) { return s.kind == StoryKind::Got && s.value == "0"; });
        QVERIFY(got);
        QCOMPARE(got->other, producer);
        QCOMPARE(r->words(*got), QString("%1 took 0 out of q (producer-1 put it there).")
                                     .arg(QString::fromStdString(r->model->actor(got->actor).name)));
        const StorySentence* empty =
            r->find([](const StorySentence& s) { return s.kind == StoryKind::Blocked && s.op == Op::Get; });
        QVERIFY(empty);
        QCOMPARE(empty->object, q);
    }

    // An asyncio task pauses in sleep(0), goes back to the ready queue, is resumed and ends: the loop's
    // thread does not end with it.
    void asyncioTasksPauseAndResume() {
        const auto r = run("async-sleep-zero");
        QVERIFY(r);
        const ActorId main = r->actor("MainThread");
        const ObjectId task = r->object("Task-2");
        auto about = [&](StoryKind kind) {
            return r->find([&](const StorySentence& s) { return s.kind == kind && s.object == task; });
        };
        const StorySentence* started = about(StoryKind::TaskResumed);
        QVERIFY(started);
        QCOMPARE(started->actor, main);
        QCOMPARE(started->result, Result::Started);
        const StorySentence* paused = about(StoryKind::TaskAwaited);
        QVERIFY(paused);
        QCOMPARE(paused->awaited, kNoObject);
        QCOMPARE(paused->micros, std::int64_t(0));
        QCOMPARE(r->words(*paused), QString("Task-2 paused at an await: asyncio.sleep(0)."));
        QCOMPARE(russian(*r, *paused), QString("Task-2 остановилась на await: asyncio.sleep(0)."));
        QVERIFY(about(StoryKind::TaskReady));
        const StorySentence* done = about(StoryKind::TaskEnded);
        QVERIFY(done);
        QCOMPARE(done->result, Result::Done);
        QCOMPARE(r->words(*done), QString("Task-2 is done."));
        // Task-1 awaits the gather of the two.
        const StorySentence* gather = r->find([&](const StorySentence& s) {
            return s.kind == StoryKind::TaskAwaited && s.object == r->object("Task-1");
        });
        QVERIFY(gather);
        QCOMPARE(gather->awaited, r->object("gather"));
        // Only the loop's thread itself finishes once, at the very end.
        int ended = 0;
        for (const auto& [step, s] : r->story) ended += s.kind == StoryKind::Ended;
        QCOMPARE(ended, 1);
    }

    // A message sent through one end of a Pipe is received on the other, with who sent it.
    void pipeMessages() {
        const auto r = run("process-pipe");
        QVERIFY(r);
        const ActorId sender = r->actor("sender"), receiver = r->actor("receiver");
        const StorySentence* sent = r->find(StoryKind::Sent, sender);
        QVERIFY(sent);
        QCOMPARE(sent->value, std::string("'message 1'"));
        QCOMPARE(r->words(*sent), QString("sender sent 'message 1' through Connection-1."));
        const StorySentence* got = r->find(StoryKind::Received, receiver);
        QVERIFY(got);
        QCOMPARE(got->value, std::string("'message 1'"));
        QCOMPARE(got->other, sender);
        QCOMPARE(russian(*r, *got),
                 QString("receiver получил 'message 1' на Connection-2 (отправил sender)."));
        const StorySentence* waits = r->find(StoryKind::Blocked, receiver);
        QVERIFY(waits);
        QCOMPARE(waits->op, Op::Recv);
        const StorySentence* exited =
            r->find([](const StorySentence& s) { return s.kind == StoryKind::ProcessExited; });
        QVERIFY(exited);
        QCOMPARE(exited->code, 0);
    }

    // A semaphore with no free slot: a plain wait (no single holder to name); a release lets a waiter go on.
    void semaphoreSlots() {
        const auto r = run("semaphore-groups");
        QVERIFY(r);
        const ObjectId semaphore = r->object("slots");
        const StorySentence* waits = r->find(StoryKind::Blocked, r->actor("T4"));
        QVERIFY(waits);
        QCOMPARE(waits->op, Op::Acquire);
        QCOMPARE(waits->object, semaphore);
        QCOMPARE(r->words(*waits), QString("T4 waits for slots, which has no free slot: T4 is blocked."));
        QCOMPARE(russian(*r, *waits), QString("T4 ждёт slots, но свободных мест нет: T4 заблокирован."));
        QVERIFY(!r->find([](const StorySentence& s) { return s.kind == StoryKind::AskedForHeld; }));
        const StorySentence* released = r->find([&](const StorySentence& s) {
            return s.kind == StoryKind::Released && s.object == semaphore && s.other != kNoActor;
        });
        QVERIFY(released);
    }

    // CPU-bound threads under the GIL: each burst runs on a core until its time slice is over, then the GIL
    // is handed on, and a switch for that reason says so.
    void gilTimeSlices() {
        const auto r = run("gil-cpu-bound");
        QVERIFY(r);
        const ActorId t1 = r->actor("T1");
        const StorySentence* computes = r->find([&](const StorySentence& s) {
            return s.kind == StoryKind::Computing && s.actor == t1 && s.result == Result::Started;
        });
        QVERIFY(computes);
        QCOMPARE(computes->micros, std::int64_t(200000));
        QCOMPARE(r->words(*computes),
                 QString("T1 computes on core %1 (0.2 s of work left).").arg(computes->core));
        const StorySentence* over = r->find(StoryKind::SliceOver, t1);
        QVERIFY(over);
        QVERIFY(over->micros < 200000);
        QCOMPARE(russian(*r, *over),
                 QString("Квант времени T1 истёк, осталось работы на 0,195 с: поток отдаёт своё ядро."));
        const StorySentence* handed = r->find([&](const StorySentence& s) {
            return s.kind == StoryKind::Released && s.actor == t1 && s.result == Result::Handover;
        });
        QVERIFY(handed);
        QCOMPARE(r->words(*handed),
                 QString("T1 handed GIL on: its switch interval is over and another thread waits for it."));
    }

    // The story of one step alone (without a teller kept) is the same as the teller's.
    void oneStepAloneEqualsTheTellers() {
        const auto r = run("race-counter-sleep");
        QVERIFY(r);
        std::uint32_t step = 0;
        QVERIFY(r->find(StoryKind::LostUpdate, r->actor("T2"), &step));
        const std::vector<StorySentence> alone = storyOf(*r->model, step);
        QCOMPARE(alone.size(), std::size_t(3));
        QCOMPARE(alone[1].kind, StoryKind::LostUpdate);
        QVERIFY(storyOf(*r->model, 0).empty());
        // Told backwards, every step's story is the one told forwards.
        StoryTeller backwards(*r->model);
        for (std::uint32_t k = r->model->steps(); k >= 1; --k) {
            std::vector<StorySentence> forwards;
            for (const auto& [at, sentence] : r->story)
                if (at == k) forwards.push_back(sentence);
            QVERIFY2(backwards.storyOf(k) == forwards, qPrintable(QString("step %1").arg(k)));
        }
        QVERIFY(storyOf(*r->model, r->model->steps() + 1).empty());
    }

#ifdef LOCKSTEP_BINARY
    // The command line's story of race-counter-sleep, word for word up to the lost update.
    // Waits on futures, conditions and events are told by what they wait for, in both languages.
    void waitsSayWhatTheyWaitFor() {
        const auto story = [](const char* id, const char* lang) {
            QProcess p;
            p.start(QStringLiteral(LOCKSTEP_BINARY), {"run", id, "--story", "--lang", lang});
            p.waitForFinished(120000);
            return QString::fromUtf8(p.readAllStandardOutput());
        };
        const QString futures = story("thread-pool-futures", "en");
        QVERIFY2(futures.contains("  MainThread waits in as_completed() for the next future to finish: MainThread is "
                                  "blocked.\n"),
                 qPrintable(futures));
        QVERIFY2(!futures.contains("waits on ?"), qPrintable(futures));
        QVERIFY(story("thread-pool-futures", "ru")
                    .contains(QString("  MainThread ждёт в as_completed(), пока завершится следующий future: MainThread "
                                      "заблокирован.\n")));
        QVERIFY(story("condition-notify-all", "en")
                    .contains("consumer-1 waits on condition cond, letting go of its lock: consumer-1 is blocked until "
                              "another thread notifies it.\n"));
        QVERIFY(story("event-set-wait", "ru").contains(QString("waiter ждёт, пока событие ready будет установлено")));
    }

    // A header quotes its line's statement: without the listing's comment (but with a # a string holds), on
    // one line, and nothing for a line the listing does not have.
    void headerQuotesTheLine() {
        const QStringList listing{"x = 1  # set it", "print('# not a comment', \"it's\")  # but this is",
                                  "    y = " + QString(80, QLatin1Char('z'))};
        QCOMPARE(StoryText::codeOf(listing, 1), QString("x = 1"));
        QCOMPARE(StoryText::codeOf(listing, 2), QString("print('# not a comment', \"it's\")"));
        const QString cut = StoryText::codeOf(listing, 3);
        QCOMPARE(cut.size(), 60);
        QVERIFY(cut.startsWith("y = zzz"));
        QVERIFY(cut.endsWith(QChar(0x2026)));
        QVERIFY(StoryText::codeOf(listing, 0).isEmpty());
        QVERIFY(StoryText::codeOf(listing, 4).isEmpty());
    }

    void commandLineStory() {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LANG", "C");
        env.insert("LC_ALL", "C");
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LOCKSTEP_BINARY), {"run", "race-counter-sleep", "--story", "--lang", "en"});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString expected =
            "Step 1, t = 0 s, MainThread\n"
            "  MainThread began running.\n"
            "  MainThread created counter = 0.\n"
            "  MainThread created T1.\n"
            "  MainThread created T2.\n"
            "Step 2, t = 0 s, MainThread, line 14: t1.start(); t2.start()\n"
            "  MainThread started T1: T1 is ready to run.\n"
            "Step 3, t = 0 s, MainThread, line 14: t1.start(); t2.start()\n"
            "  MainThread started T2: T2 is ready to run.\n"
            "Step 4, t = 0 s, MainThread, line 15: t1.join(); t2.join()\n"
            "  MainThread waits for T1 to finish (join): MainThread is blocked.\n"
            "  MainThread has to wait, so the scheduler switched to T1. (More than one thread was ready; the "
            "policy "
            "picked T1.)\n"
            "Step 5, t = 0 s, T1\n"
            "  T1 began running.\n"
            "Step 6, t = 0 s, T1, line 8: seen = counter\n"
            "  T1 read counter = 0.\n"
            "Step 7, t = 0 s, T1, line 9: time.sleep(0.1)\n"
            "  T1 went to sleep for 0.1 s.\n"
            "  T1 went to sleep, so the scheduler switched to T2.\n"
            "Step 8, t = 0 s, T2\n"
            "  T2 began running.\n"
            "Step 9, t = 0 s, T2, line 8: seen = counter\n"
            "  T2 read counter = 0.\n"
            "Step 10, t = 0 s, T2, line 9: time.sleep(0.1)\n"
            "  T2 went to sleep for 0.1 s.\n"
            "  T1 woke up: its sleep is over, it is ready again.\n"
            "  T2 woke up: its sleep is over, it is ready again.\n"
            "  T2 went to sleep, so the scheduler switched to T1. (More than one thread was ready; the "
            "policy picked "
            "T1.)\n"
            "Step 11, t = 0.1 s, T1, line 10: counter = seen + by\n"
            "  T1 wrote counter = 10 over MainThread's 0.\n"
            "  Nothing orders this write to counter after T2's read in step 9: a data race.\n"
            "Step 12, t = 0.1 s, T1, line 10: counter = seen + by\n"
            "  T1 finished: its function returned.\n"
            "  MainThread is ready again: T1 has finished.\n"
            "  T1 has finished, so the scheduler switched to T2. (More than one thread was ready; the policy "
            "picked "
            "T2.)\n"
            "Step 13, t = 0.1 s, T2, line 10: counter = seen + by\n"
            "  T2 wrote counter = 20 over T1's 10.\n"
            "  T2 never read T1's 10 (written in step 11) before writing over it: T1's update is lost.\n"
            "  Nothing orders this access to counter after T1's write in step 11: a data race.\n";
        QCOMPARE(out.left(expected.size()), expected);
        // The usual report follows the story.
        QVERIFY(out.contains("race-counter-sleep: finished at t=0.100 s after 17 steps"));

        // Russian on request; a wrong language or --story with --summary is bad input.
        p.start(QStringLiteral(LOCKSTEP_BINARY), {"run", "race-counter-sleep", "--story", "--lang", "ru"});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput())
                    .contains(QString(
                        "Шаг 13, t = 0,1 с, T2, строка 10: counter = seen + by\n  T2 записал counter = 20 поверх значения 10, "
                        "которое записал T1.\n")));
        for (const QStringList& bad : {QStringList{"run", "race-counter-sleep", "--story", "--lang", "de"},
                                       QStringList{"run", "race-counter-sleep", "--story", "--summary"},
                                       QStringList{"run", "race-counter-sleep", "--summary", "--lang", "ru"}}) {
            p.start(QStringLiteral(LOCKSTEP_BINARY), bad);
            QVERIFY(p.waitForFinished(120000));
            QCOMPARE(p.exitCode(), 2);
        }
    }

    // A Python program's story: its lines are scheduling points, and its unlocked read-sleep-write loses an
    // update.
    void pythonProgramStory() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("race.py");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "import threading, time\n"
            "counter = 0\n"
            "def work(n):\n"
            "    global counter\n"
            "    v = counter\n"
            "    time.sleep(0.1)\n"
            "    counter = v + n\n"
            "a = threading.Thread(target=work, args=(10,), name='A')\n"
            "b = threading.Thread(target=work, args=(20,), name='B')\n"
            "a.start(); b.start(); a.join(); b.join()\n"
            "print(counter)\n");
        f.close();
        QProcess p;
        p.start(QStringLiteral(LOCKSTEP_BINARY), {"run", path, "--story", "--lang", "en"});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains("  A read counter = 0.\n") && out.contains("  B read counter = 0.\n"),
                 qPrintable(out));
        QVERIFY2(
            out.contains("  A is at line 5: a scheduling point, where the scheduler may switch threads.\n"),
            qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(
                     "  (A|B) never read (A|B)'s (10|20) \\(written in step \\d+\\) before "
                     "writing over it: (A|B)'s update is lost.\n")),
                 qPrintable(out));
        // The frames' locals, as each line leaves them (and in Russian).
        QVERIFY2(out.contains("  In work(), A now has n = 10, v = 0.\n") && out.contains("  In work(), B now has n = 20.\n"),
                 qPrintable(out));
        QVERIFY2(out.contains("Step ") && out.contains(", A, line 5: v = counter\n"), qPrintable(out));
        p.start(QStringLiteral(LOCKSTEP_BINARY), {"run", path, "--story", "--lang", "ru"});
        QVERIFY(p.waitForFinished(120000));
        const QString ru = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(ru.contains(QString("  В work() у A теперь n = 10, v = 0.\n")), qPrintable(ru));
        QVERIFY2(ru.contains(QString("A заснул на 0,1 с.")), qPrintable(ru));
    }
#endif
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestStory)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()

#include "tst_story.moc"
