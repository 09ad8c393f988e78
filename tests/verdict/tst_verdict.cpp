// The verdict of a run: the same scenario run one after the other (each thread to completion, in start order)
// as the reference; the items core derives from the two (a lost update against the sequential value, an outcome
// that matches, a deadlock, a stuck run, no comparison possible, an uncaught error, a data race); their words in
// English and Russian; and the verdict of a Python program on the command line.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "cli/Cli.h"
#include "common/TestMain.h"
#include "lockstep/RunSession.h"
#include "lockstep/TraceModel.h"
#include "lockstep/Verdict.h"
#include "lockstep/WorkerPool.h"
#include "lockstep/scenarios/Registry.h"
#include "view/OneAfterAnother.h"
#include "view/VerdictText.h"

using namespace lockstep;
using lockstep::app::VerdictText;

namespace {

WorkerPool& workerPool() {
    static WorkerPool pool;
    return pool;
}

// A scenario run with its defaults, the way `lockstep run ID` runs it, its one-after-the-other run and the
// verdict of the two.
struct Judged {
    std::unique_ptr<Trace> trace = std::make_unique<Trace>();
    std::unique_ptr<Trace> sequential;
    std::unique_ptr<TraceModel> model;
    Verdict verdict;

    ActorId actor(const char* name) const { return trace->findActor(name); }
    ObjectId object(const char* name) const { return trace->findObject(name); }
    QString words(std::size_t item) const { return VerdictText::sentence(verdict.items.at(item), verdict, *model); }
    QString russian(std::size_t item) const {
        app::installTranslations("ru");
        const QString text = words(item);
        app::installTranslations("en");
        return text;
    }
};

std::unique_ptr<Judged> judge(const char* id) {
    const scenarios::Scenario* s = scenarios::find(id);
    if (!s) return nullptr;
    auto j = std::make_unique<Judged>();
    RunConfig config;
    s->defaults.applyTo(config);
    std::unique_ptr<RunSession> run = s->opener()(workerPool(), *j->trace, config, nullptr);
    run->runToEnd();
    run->teardown();
    j->sequential = app::runOneAfterAnother(workerPool(), *s, config);
    j->model = std::make_unique<TraceModel>(*j->trace);
    j->verdict = deriveVerdict(*j->model, j->sequential.get());
    return j;
}

std::string finalValue(const Trace& trace, const char* name) {
    for (const FinalValue& v : trace.outcome().shared)
        if (trace.object(v.object).name == name) return v.text;
    return "?";
}

}  // namespace

class TestVerdict : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { app::installTranslations("en"); }

    // One after the other, T1 reads, sleeps and writes before T2 begins: the counter ends at 30, and no step of
    // T2 comes before T1's last.
    void oneAfterAnotherRunsEachThreadToTheEnd() {
        const auto j = judge("race-counter-sleep");
        QVERIFY(j);
        const Trace& seq = *j->sequential;
        QCOMPARE(seq.outcome().status, RunStatus::Finished);
        QCOMPARE(finalValue(seq, "counter"), std::string("30"));
        const ActorId t1 = seq.findActor("T1"), t2 = seq.findActor("T2");
        std::size_t lastOfT1 = 0, firstOfT2 = seq.eventCount();
        for (std::size_t i = 0; i < seq.eventCount(); ++i) {
            const TraceEvent& e = seq.event(i);
            if (e.actor == t1) lastOfT1 = i;
            if (e.actor == t2 && e.op != Op::Switch) firstOfT2 = std::min(firstOfT2, i);
        }
        QVERIFY2(lastOfT1 < firstOfT2, qPrintable(QStringLiteral("%1 %2").arg(lastOfT1).arg(firstOfT2)));
        // The sequential settings: cooperative, no forced schedule, same parameters.
        RunConfig config;
        config.policy = PolicyKind::Random;
        config.schedule = {"T2"};
        config.params = {{"by1", 5}};
        const RunConfig c = oneAfterAnotherConfig(config);
        QCOMPARE(c.policy, PolicyKind::Cooperative);
        QVERIFY(c.schedule.empty());
        QVERIFY(c.oneAfterAnother);
        QCOMPARE(c.params, config.params);
    }

    // race-counter-sleep: both threads read 0, T1 stores 10 at step 11, T2 stores 20 over it at step 13.
    void raceCounterSleepLostAnUpdate() {
        const auto j = judge("race-counter-sleep");
        QVERIFY(j);
        const Verdict& v = j->verdict;
        QVERIFY(v.compared);
        QCOMPARE(v.sequentialStatus, RunStatus::Finished);
        QVERIFY(!v.items.empty());
        const VerdictItem& lost = v.items.front();
        QCOMPARE(lost.kind, VerdictKind::Differs);
        QVERIFY(lost.lost);
        QCOMPARE(lost.object, j->object("counter"));
        QCOMPARE(lost.value, std::string("20"));
        QCOMPARE(lost.sequentialValue, std::string("30"));
        QCOMPARE(lost.other, j->actor("T1"));
        QCOMPARE(lost.otherStep, 11u);
        QCOMPARE(lost.actor, j->actor("T2"));
        QCOMPARE(lost.step, 13u);
        QCOMPARE(lost.lostCount, 1u);
        QCOMPARE(v.step(), 13u);
        QCOMPARE(j->words(0), QString("counter = 20; run one after the other it would be 30: an update was lost "
                                      "(T1's store at step 11 was overwritten by T2's at step 13)."));
        QCOMPARE(j->russian(0), QString("counter = 20; если выполнить потоки один за другим, было бы 30: обновление "
                                        "потеряно (запись потока T1 на шаге 11 затёрта записью потока T2 на шаге 13)."));
        // The data race behind it follows, once for the variable.
        QCOMPARE(v.items.size(), std::size_t(2));
        QCOMPARE(v.items[1].kind, VerdictKind::Race);
        QCOMPARE(v.items[1].object, j->object("counter"));
        QCOMPARE(j->words(1), QString("Data race on counter: T2's load at step 9 and T1's store at step 11, with "
                                      "nothing ordering them."));
        QCOMPARE(j->russian(1), QString("Гонка данных на counter: чтение потока T2 на шаге 9 и запись потока T1 на "
                                        "шаге 11, и ничто их не упорядочивает."));
        QCOMPARE(v.sequential, (std::vector<SequentialValue>{{"counter", "30", true}}));
    }

    // point-atomicity: y differs from its one-after-the-other value without a lost update (a reader saw the two
    // writers' halves in another order); the verdict points at the store that left the value.
    void differsWithoutALostUpdatePointsAtTheLastStore() {
        const auto j = judge("point-atomicity");
        QVERIFY(j);
        const VerdictItem* differs = nullptr;
        for (const VerdictItem& item : j->verdict.items)
            if (item.kind == VerdictKind::Differs) differs = &item;
        QVERIFY(differs);
        QVERIFY(!differs->lost);
        QCOMPARE(differs->object, j->object("y"));
        QCOMPARE(differs->value, finalValue(*j->trace, "y"));
        QCOMPARE(differs->sequentialValue, finalValue(*j->sequential, "y"));
        QVERIFY(differs->value != differs->sequentialValue);
        QVERIFY(differs->step > 0);
        std::uint32_t lastStore = 0;
        ActorId writer = kNoActor;
        for (std::size_t i = 0; i < j->trace->eventCount(); ++i) {
            const TraceEvent& e = j->trace->event(i);
            if (e.op == Op::Store && e.object == differs->object) {
                lastStore = j->model->stepOfEvent(i);
                writer = e.actor;
            }
        }
        QCOMPARE(differs->step, lastStore);
        QCOMPARE(differs->actor, writer);
        const std::size_t index = std::size_t(differs - j->verdict.items.data());
        QCOMPARE(j->words(index),
                 QString("y = %1; run one after the other it would be %2: the order in which the threads' steps "
                         "interleaved changed the result (the last store was %3's at step %4).")
                     .arg(QString::fromStdString(differs->value), QString::fromStdString(differs->sequentialValue),
                          QString::fromStdString(j->trace->actor(writer).name))
                     .arg(lastStore));
    }

    void lockCounterMatchesOneAfterAnother() {
        const auto j = judge("lock-counter");
        QVERIFY(j);
        QCOMPARE(j->verdict.items.size(), std::size_t(1));
        QCOMPARE(j->verdict.items.front().kind, VerdictKind::AsSequential);
        QCOMPARE(j->words(0), QString("counter = 30: the same as with the threads run one after the other."));
        QCOMPARE(j->russian(0), QString("counter = 30: так же, как если бы потоки выполнялись один за другим."));
    }

    void deadlockNamesTheCycleAndItsStep() {
        const auto j = judge("deadlock-two-locks");
        QVERIFY(j);
        const VerdictItem& d = j->verdict.items.front();
        QCOMPARE(d.kind, VerdictKind::Deadlock);
        QCOMPARE(d.step, j->trace->cycles().front().step);
        QCOMPARE(d.step, 14u);
        QCOMPARE(d.actors, (std::vector<ActorId>{j->actor("T2"), j->actor("T1")}));
        QCOMPARE(d.objects, (std::vector<ObjectId>{j->object("lock_a"), j->object("lock_b")}));
        QCOMPARE(j->words(0), QString("Deadlock at step 14: T2 waits for lock_a, held by T1; T1 waits for lock_b, "
                                      "held by T2."));
        QCOMPARE(j->russian(0), QString("Взаимная блокировка на шаге 14: T2 ждёт lock_a, который держит T1; T1 ждёт "
                                        "lock_b, который держит T2."));
        // A run that did not finish is not compared with final values.
        for (const VerdictItem& item : j->verdict.items)
            QVERIFY(item.kind != VerdictKind::Differs && item.kind != VerdictKind::AsSequential);
    }

    void stuckNamesWhoWaitsOnWhat() {
        const auto j = judge("condition-producer-consumer");
        QVERIFY(j);
        QCOMPARE(j->trace->outcome().status, RunStatus::Stuck);
        const VerdictItem& s = j->verdict.items.front();
        QCOMPARE(s.kind, VerdictKind::Stuck);
        QCOMPARE(s.step, j->trace->outcome().steps);
        QVERIFY(!s.actors.empty());
        QCOMPARE(s.actors.size(), s.objects.size());
        for (ObjectId o : s.objects) QCOMPARE(o, j->object("cond"));
        QVERIFY2(j->words(0).startsWith(QStringLiteral("Stuck at step %1: no thread can go on").arg(s.step)),
                 qPrintable(j->words(0)));
    }

    // Producers and consumers need each other at the same time: one after the other, the first consumer waits
    // forever for an item from a producer started after it. No sequential value is made up.
    void noComparisonWhenOneAfterAnotherCannotFinish() {
        const auto j = judge("queue-producer-consumers");
        QVERIFY(j);
        QCOMPARE(j->trace->outcome().status, RunStatus::Finished);
        QCOMPARE(j->verdict.sequentialStatus, RunStatus::Stuck);
        const VerdictItem& n = j->verdict.items.front();
        QCOMPARE(n.kind, VerdictKind::NoSequential);
        QVERIFY(n.waitsForLater);
        QVERIFY(j->words(0).startsWith(QStringLiteral("There is no one-after-the-other outcome to compare with")));
        QVERIFY(j->russian(0).startsWith(QStringLiteral("Сравнить не с чем")));
    }

    // Without a one-after-the-other run there is nothing to compare: only what the run itself shows.
    void noReferenceNoComparison() {
        const auto j = judge("race-counter-sleep");
        QVERIFY(j);
        const Verdict v = deriveVerdict(*j->model, nullptr);
        QVERIFY(!v.compared);
        QCOMPARE(v.items.size(), std::size_t(1));
        QCOMPARE(v.items.front().kind, VerdictKind::Race);
    }

    // A finished run without shared variables has nothing to compare: no second run is needed, and the verdict
    // says the run finished.
    void nothingToCompareWithoutSharedVariables() {
        const auto j = judge("thread-pool-futures");
        QVERIFY(j);
        QVERIFY(!verdictComparesValues(*j->trace));
        QVERIFY(verdictComparesValues(*judge("race-counter-sleep")->trace));
        QVERIFY(!verdictComparesValues(*judge("deadlock-two-locks")->trace));
        const Verdict v = deriveVerdict(*j->model, nullptr);
        QCOMPARE(v.items.size(), std::size_t(1));
        QCOMPARE(v.items.front().kind, VerdictKind::Finished);
        QCOMPARE(VerdictText::sentence(v.items.front(), v, *j->model),
                 QString("The run finished, with no shared variable to compare with the threads run one after the other."));
    }

#ifdef LOCKSTEP_BINARY
    // A Python program whose worker dies of a ValueError: the verdict names the thread, the exception and the
    // step, and compares the counter with its value one after the other.
    void uncaughtErrorInAProgram() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("fail.py");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "import threading\n"
            "counter = 0\n"
            "def work():\n"
            "    global counter\n"
            "    counter = counter + 1\n"
            "    raise ValueError('no more work')\n"
            "t = threading.Thread(target=work, name='W')\n"
            "t.start(); t.join()\n"
            "print(counter)\n");
        f.close();
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LANG", "C");
        env.insert("LC_ALL", "C");
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LOCKSTEP_BINARY), {"run", path, "--summary"});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject verdict = QJsonDocument::fromJson(p.readAllStandardOutput()).object()["verdict"].toObject();
        QCOMPARE(verdict["kind"].toString(), QStringLiteral("uncaught_error"));
        const QJsonObject item = verdict["items"].toArray().first().toObject();
        QCOMPARE(item["actor"].toString(), QStringLiteral("W"));
        QCOMPARE(item["exception"].toString(), QStringLiteral("ValueError: no more work"));
        const int step = verdict["steps"].toArray().first().toInt();
        QVERIFY(step > 0);
        QCOMPARE(verdict["sentences"].toArray().first().toString(),
                 QStringLiteral("W died of an uncaught exception at step %1: ValueError: no more work.").arg(step));
        QCOMPARE(verdict["sequential"].toObject()["shared"].toObject()["counter"].toInt(), 1);

        p.start(QStringLiteral(LOCKSTEP_BINARY), {"run", path, "--lang", "ru"});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("  verdict: W завершился из-за неперехваченного исключения на шаге %1: "
                                             "ValueError: no more work.\n")
                                  .arg(step)),
                 qPrintable(out));
    }
#endif
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestVerdict)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_verdict.moc"
