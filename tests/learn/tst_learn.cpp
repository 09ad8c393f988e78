// Challenges, predictions, lessons and `lockstep check`: the goal language (parsing, moments and ends, the step a
// goal is decided at), lesson files (read back, rejected with line and field), the campaign (every challenge
// winnable by a schedule exploration finds and replays, every "prevent it" fix holding in every schedule, every
// prediction's choices holding the real answer), and the commands that play and check them.

#include "common/TestMain.h"
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include "cli/Cli.h"
#include "gui/MainWindow.h"
#include "learn/LearnPanel.h"
#include "learn/Progress.h"
#include "panels/ScenarioBrowser.h"
#include "panels/ScenarioCatalogModel.h"
#include "panels/SchedulerBar.h"
#include "style/Glyphs.h"
#include "common/ScenarioTrace.h"
#include "learn/ChallengeSearch.h"
#include "learn/Lesson.h"
#include "lockstep/Goal.h"
#include "lockstep/ReplayToken.h"
#include "lockstep/TraceModel.h"
#include "lockstep/python/Program.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;
using namespace lockstep::app;
using lockstep::testing::runScenario;

namespace {

struct CliResult {
    int code = -1;
    QString out;
    QString err;
};

CliResult runLockstep(const QStringList& args) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LANG", "C");
    env.insert("LC_ALL", "C");
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LOCKSTEP_BINARY), args);
    if (!p.waitForFinished(300000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return CliResult{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                  QString::fromUtf8(p.readAllStandardError())};
}

QString sourceFile(const QString& relative) { return QStringLiteral(LOCKSTEP_SOURCE_DIR "/") + relative; }

Goal goalOf(const char* text) {
    std::string why;
    const std::optional<Goal> g = Goal::parse(text, &why);
    if (!g) qWarning() << "goal does not parse:" << text << QString::fromStdString(why);
    return g.value_or(Goal{});
}

// The step of the n-th (1-based) acquisition of `object` in the trace, 0 when there is none.
std::uint32_t nthAcquireStep(const Trace& t, const std::string& object, int n) {
    const TraceModel model(t);
    int seen = 0;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == Op::Acquire && e.result == lockstep::Result::Acquired && e.object != kNoObject && t.object(e.object).name == object &&
            ++seen == n)
            return model.stepOfEvent(i);
    }
    return 0;
}

// Runs what a replay token says, to its end.
std::unique_ptr<testing::Run> replay(WorkerPool& pool, const std::string& token, const scenarios::Scenario& scenario) {
    std::string id, why;
    RunConfig config;
    if (!decodeReplayToken(token, id, config, why)) {
        qWarning() << "replay token does not decode:" << QString::fromStdString(why);
        return nullptr;
    }
    auto run = std::make_unique<testing::Run>();
    scenario.opener()(pool, run->trace, config, nullptr)->runToEnd();
    return run;
}

QByteArray goodLesson() {
    return R"({
  "lockstep_lesson": 1,
  "title": {"en": "Two threads, one counter", "ru": "Два потока, один счётчик"},
  "text": "Read, add, write.",
  "challenges": [
    {
      "name": "lose-one",
      "title": {"en": "Lose one", "ru": "Потеряйте одно"},
      "task": "Make the counter end below 2.",
      "goal": "counter < 2",
      "max_steps": 40,
      "manual_only": true,
      "hints": ["Read twice before writing.", {"en": "T1, T2, then T1", "ru": "T1, T2, потом T1"}],
      "explanation": "Both read 0."
    },
    {
      "name": "keep-both",
      "kind": "prevent",
      "title": "Keep both",
      "task": "Fix it.",
      "goal": "counter != 2",
      "explanation": "A lock.",
      "fix": {"program": "fixed.py"}
    }
  ],
  "predictions": [
    {
      "name": "final",
      "question": {"en": "What will it print?", "ru": "Что напечатает?"},
      "answer": "counter",
      "explanation": "It depends."
    }
  ]
}
)";
}

}  // namespace

class TestLearn : public QObject {
    Q_OBJECT

private:
    WorkerPool pool_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);  // the progress of the test, not the user's
        QCoreApplication::setOrganizationName("LockstepTests");
        QCoreApplication::setApplicationName("tst_learn");
        progress::reset();
    }
    void parsesGoals_data();
    void parsesGoals();
    void refusesBadGoals_data();
    void refusesBadGoals();
    void decidesMomentsAtTheirStep();
    void decidesEndsWhenTheRunEnds();
    void namesWhatARunLacks();
    void answersPredictions();
    void checkFindsTheLostUpdate();
    void checkProvesTheLockedCounter();
    void checkRefusesBadInput();
    void checkAProgram();
    void programLessonVerifies();
    void windowPlaysAChallenge();
    void windowAsksAPrediction();
    void windowOpensAProgramsLesson();
    void mutatedLessonsAreRefused();
    void lessonRoundTrips();
    void refusesBadLessons_data();
    void refusesBadLessons();
    void campaignCoversTheCourse();
    void campaignChallengesAreWinnable_data();
    void campaignChallengesAreWinnable();
    void campaignPredictionsOfferTheAnswer_data();
    void campaignPredictionsOfferTheAnswer();
    void runPlaysAChallenge();
};

void TestLearn::parsesGoals_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("moments");
    QTest::newRow("final value") << "counter == 30" << false;
    QTest::newRow("negative") << "balance > -5" << false;
    QTest::newRow("text") << "status() == 'deadlock'" << false;
    QTest::newRow("state") << "deadlock" << false;
    QTest::newRow("moment") << "holding(sem) >= 3" << true;
    QTest::newRow("range") << "inside(7-9) >= 2" << true;
    QTest::newRow("never") << "not races() >= 1" << false;
    QTest::newRow("kleene") << "holding(sem) >= 3 or deadlock" << true;
    QTest::newRow("nested") << "(counter < 2 and not stuck) or waiting('q') >= 1 and items(q) == 0" << true;
    QTest::newRow("variable named like a state") << "finished == 1" << false;
}

void TestLearn::parsesGoals() {
    QFETCH(QString, text);
    QFETCH(bool, moments);
    std::string why;
    const std::optional<Goal> g = Goal::parse(text.toStdString(), &why);
    QVERIFY2(g.has_value(), why.c_str());
    QCOMPARE(g->hasMoments(), moments);
    QCOMPARE(QString::fromStdString(g->text()), text);
}

void TestLearn::refusesBadGoals_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("no value") << "counter <" << "column 10: expected a value";
    QTest::newRow("bare name") << "counter" << "'counter' alone is not a goal";
    QTest::newRow("unknown function") << "holds(sem) >= 1" << "'holds' is not a function";
    QTest::newRow("bad range") << "inside(9-7) >= 1" << "expected inside(LINE or FIRST-LAST)";
    QTest::newRow("open text") << "x == 'abc" << "has no closing";
    QTest::newRow("stray") << "counter = 3" << "'=' is not part of the goal language";
    QTest::newRow("unclosed") << "(deadlock or stuck" << "expected ')'";
    QTest::newRow("trailing") << "deadlock stuck" << "unexpected 'stuck'";
    QTest::newRow("a value is no goal") << "3" << "expected a comparison (== != < <= > >=) after the value";
    QTest::newRow("nth without k") << "nth(sem) == 'T1'" << "expected nth(OBJECT, k)";
    QTest::newRow("huge line") << "inside(1-99999999999999999999) >= 1" << "expected inside(LINE or FIRST-LAST)";
}

void TestLearn::refusesBadGoals() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    std::string why;
    QVERIFY(!Goal::parse(text.toStdString(), &why).has_value());
    QVERIFY2(QString::fromStdString(why).contains(message), why.c_str());
}

void TestLearn::decidesMomentsAtTheirStep() {
    // Semaphore(3), seven threads: the third thread in fills it; nobody ever makes a fourth.
    auto run = runScenario(pool_, "semaphore-groups");
    QVERIFY(run);
    const TraceModel model(run->trace);
    GoalMonitor m({goalOf("holding(slots) >= 3"), goalOf("holding(slots) >= 4"), goalOf("not holding(slots) >= 4"),
                   goalOf("waiting(slots) >= 1"), goalOf("holding(slots) >= 3 or deadlock"), goalOf("alive() == 8")});
    m.follow(model);
    const std::uint32_t third = nthAcquireStep(run->trace, "slots", 3);
    QVERIFY(third > 0);
    QCOMPARE(m.truth(0), Truth::True);
    QCOMPARE(m.decidedAt(0), third);
    QCOMPARE(m.truth(1), Truth::False);
    QCOMPARE(m.decidedAt(1), model.steps());
    QCOMPARE(m.truth(2), Truth::True);   // never four
    QCOMPARE(m.truth(3), Truth::True);   // the fourth thread waits
    QVERIFY(m.decidedAt(3) > third);
    QCOMPARE(m.truth(4), Truth::True);   // won at the moment, not at the end
    QCOMPARE(m.decidedAt(4), third);
    QCOMPARE(m.truth(5), Truth::True);   // MainThread and seven workers at once
    for (std::size_t g = 0; g < m.size(); ++g) QVERIFY2(m.problem(g).empty(), m.problem(g).c_str());

    // Followed step by step as a window does, the decision comes at the same step.
    Trace partial;
    const scenarios::Scenario* s = scenarios::find("semaphore-groups");
    RunConfig config;
    s->defaults.applyTo(config);
    auto session = s->opener()(pool_, partial, config, nullptr);
    TraceModel live;
    GoalMonitor follower({goalOf("holding(slots) >= 3"), goalOf("holding(slots) >= 4")});
    while (!session->ended()) {
        StopRequest r;
        r.untilStep = partial.stepCount() + 1;
        session->advance(r);
        live.advance(partial);
        follower.follow(live);
        if (!live.ended()) QCOMPARE(follower.truth(1), Truth::Unknown);
    }
    session->teardown();
    QCOMPARE(follower.truth(0), Truth::True);
    QCOMPARE(follower.decidedAt(0), third);
    QCOMPARE(follower.truth(1), Truth::False);
}

void TestLearn::decidesEndsWhenTheRunEnds() {
    auto run = runScenario(pool_, "deadlock-two-locks");
    QVERIFY(run);
    QCOMPARE(run->outcome().status, RunStatus::Deadlock);
    const TraceModel model(run->trace);
    GoalMonitor m({goalOf("deadlock"), goalOf("finished"), goalOf("not deadlock and not stuck"),
                   goalOf("waiting(lock_a) >= 1 and waiting(lock_b) >= 1"), goalOf("status() == 'deadlock'"),
                   goalOf("holding(lock_a) == 1 or finished")});
    m.follow(model);
    QCOMPARE(m.truth(0), Truth::True);
    QCOMPARE(m.decidedAt(0), model.steps());
    QCOMPARE(m.truth(1), Truth::False);
    QCOMPARE(m.truth(2), Truth::False);
    QCOMPARE(m.truth(3), Truth::True);  // both wait at the same moment: the cycle
    QCOMPARE(m.truth(4), Truth::True);
    QCOMPARE(m.truth(5), Truth::True);
    QVERIFY(m.decidedAt(5) < model.steps());

    // Final values: numbers compare as numbers, texts only for equality.
    auto race = runScenario(pool_, "race-counter-sleep");
    const TraceModel rm(race->trace);
    const std::string counter = testing::sharedValue(race->trace, "counter").value_or("?");
    GoalMonitor values({goalOf(("counter == " + counter).c_str()), goalOf("counter < 30"), goalOf("counter >= 10"),
                        goalOf("counter == 'x'"), goalOf("races() >= 1"), goalOf("uncaught() == 0 and errors() == 0")});
    values.follow(rm);
    QCOMPARE(values.truth(0), Truth::True);
    QCOMPARE(values.truth(1), Truth::True);
    QCOMPARE(values.truth(2), Truth::True);
    QCOMPARE(values.truth(3), Truth::False);
    QCOMPARE(values.truth(4), Truth::True);
    QCOMPARE(values.truth(5), Truth::True);
}

void TestLearn::namesWhatARunLacks() {
    auto run = runScenario(pool_, "race-counter-sleep");
    const TraceModel model(run->trace);
    GoalMonitor m({goalOf("countr == 3"), goalOf("holding(sem) >= 1"), goalOf("blocked(T9) == 1"),
                   goalOf("counter > 'a'")});
    m.follow(model);
    for (std::size_t g = 0; g < m.size(); ++g) QCOMPARE(m.truth(g), Truth::False);
    QVERIFY2(QString::fromStdString(m.problem(0)).contains("'countr' is no shared variable of this run (it has: counter)"),
             m.problem(0).c_str());
    QVERIFY2(QString::fromStdString(m.problem(1)).contains("no lock, semaphore, queue or other object named 'sem'"),
             m.problem(1).c_str());
    QVERIFY2(QString::fromStdString(m.problem(1)).contains("its threads: MainThread, T1, T2"), m.problem(1).c_str());
    QVERIFY2(QString::fromStdString(m.problem(2)).contains("no thread named 'T9'"), m.problem(2).c_str());
    QVERIFY2(QString::fromStdString(m.problem(3)).contains("not both numbers"), m.problem(3).c_str());
}

void TestLearn::answersPredictions() {
    auto run = runScenario(pool_, "semaphore-groups");
    const TraceModel model(run->trace);
    // Who got the semaphore, in order, read from the trace's acquisitions.
    QStringList order;
    for (std::size_t i = 0; i < run->trace.eventCount(); ++i) {
        const TraceEvent& e = run->trace.event(i);
        if (e.op == Op::Acquire && e.result == lockstep::Result::Acquired && run->trace.object(e.object).name == "slots")
            order << QString::fromStdString(run->trace.actor(e.actor).name);
    }
    QCOMPARE(order.size(), 7);
    auto answer = [&](const char* text) {
        std::string why;
        const std::optional<Goal> g = Goal::parseValue(text, &why);
        if (!g) return QStringLiteral("parse: ") + QString::fromStdString(why);
        std::string problem;
        const std::string a = answerOf(*g, model, &problem);
        return problem.empty() ? QString::fromStdString(a) : QStringLiteral("problem: ") + QString::fromStdString(problem);
    };
    QCOMPARE(answer("nth(slots, 4)"), order[3]);
    QCOMPARE(answer("order(slots)"), order.join(","));
    QCOMPARE(answer("nth(slots, 9)"), QStringLiteral("nobody"));
    QCOMPARE(answer("time()"), QString::number(toSeconds(model.endTime())));
    QCOMPARE(answer("printed('enters')"), QStringLiteral("7"));
    QCOMPARE(answer("status()"), QStringLiteral("finished"));
    QVERIFY(answer("nth(nothing, 1)").startsWith("problem: "));
}

void TestLearn::checkFindsTheLostUpdate() {
    // Without a lock, two threads adding 10 and 20 can end at 10 or 20; check says so and shows how.
    const CliResult r = runLockstep({"check", "race-counter-sleep", "--param", "delay_ms=0", "--expect", "counter == 30",
                                  "--no-deadlock", "--json"});
    QCOMPARE(r.code, 1);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc["holds"].toBool(), false);
    QCOMPARE(doc["exhaustive"].toBool(), true);
    const QJsonArray expectations = doc["expectations"].toArray();
    QCOMPARE(expectations.size(), 2);
    QCOMPARE(expectations[0].toObject()["holds"].toBool(), false);
    QVERIFY(expectations[0].toObject()["schedules_breaking"].toInt() > 0);
    QCOMPARE(expectations[1].toObject()["goal"].toString(), QStringLiteral("no deadlock"));
    QCOMPARE(expectations[1].toObject()["holds"].toBool(), true);
    const QJsonObject example = doc["counterexample"].toObject();
    QCOMPARE(example["expectations"].toArray().at(0).toString(), QStringLiteral("counter == 30"));
    QVERIFY(!example["story"].toArray().isEmpty());
    QVERIFY(example["story"].toArray().at(example["story"].toArray().size() - 1).toString().contains("finished"));
    // The counterexample's token replays to a run that breaks the expectation.
    const CliResult replayed = runLockstep({"run", "--replay", example["replay"].toString(), "--summary"});
    QCOMPARE(replayed.code, 0);
    const QJsonObject summary = QJsonDocument::fromJson(replayed.out.toUtf8()).object();
    QVERIFY(summary["shared"].toObject()["counter"].toInt() != 30);
    QCOMPARE(example["outcome"].toString(),
             QStringLiteral("finished, counter = %1").arg(summary["shared"].toObject()["counter"].toInt()));

    // In words: what broke, the token and the story.
    const CliResult words = runLockstep({"check", "race-counter-sleep", "--param", "delay_ms=0", "--expect", "counter == 30"});
    QCOMPARE(words.code, 1);
    QVERIFY2(words.out.contains("BROKEN: counter == 30"), qPrintable(words.out));
    QVERIFY(words.out.contains("exhaustive: the "));
    QVERIFY(words.out.contains("counterexample: counter == 30 broken"));
    QVERIFY(words.out.contains("  replay: ls1:race-counter-sleep:"));
    QVERIFY(words.out.contains("wrote counter"));
}

void TestLearn::checkProvesTheLockedCounter() {
    const CliResult r = runLockstep({"check", "lock-counter", "--param", "delay_ms=0", "--expect", "counter == 30",
                                  "--no-deadlock", "--no-race", "--expect", "not holding(lock) >= 2"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("lock-counter: every expectation holds"), qPrintable(r.out));
    QVERIFY(r.out.contains("holds:  counter == 30 (in all "));
    QVERIFY(r.out.contains("holds:  no data race"));
    QVERIFY(r.out.contains("exhaustive: the "));
    QVERIFY(!r.out.contains("counterexample"));

    // A bound makes it no proof, and the output says so.
    const CliResult bounded = runLockstep({"check", "lock-counter", "--expect", "counter == 30", "--max-preemptions", "0",
                                        "--json"});
    QCOMPARE(bounded.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(bounded.out.toUtf8()).object();
    QCOMPARE(doc["holds"].toBool(), true);
    QCOMPARE(doc["exhaustive"].toBool(), false);
    QVERIFY(doc["not_exhaustive_because"].toString().contains("preemption bound 0"));
}

void TestLearn::checkRefusesBadInput() {
    CliResult r = runLockstep({"check", "race-counter-sleep"});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("check needs something to check"));
    r = runLockstep({"check", "race-counter-sleep", "--expect", "counter =="});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--expect 'counter ==': column 11: expected a value"), qPrintable(r.err));
    r = runLockstep({"check", "race-counter-sleep", "--expect", "countr == 30"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("'countr' is no shared variable of this run (it has: counter)"), qPrintable(r.err));
    r = runLockstep({"check", "no-such-scenario", "--no-deadlock"});
    QCOMPARE(r.code, 2);
    r = runLockstep({"check", "race-counter-sleep", "--no-deadlock", "--schedule", "T1"});
    QCOMPARE(r.code, 2);
}

void TestLearn::checkAProgram() {
    // The lesson example: two threads adding 1 twice with a read, a sleep(0) and a write.
    const CliResult lost = runLockstep({"check", sourceFile("docs/examples/lost_update.py"), "--expect", "counter == 4",
                                        "--no-deadlock", "--json"});
    QCOMPARE(lost.code, 1);
    const QJsonObject doc = QJsonDocument::fromJson(lost.out.toUtf8()).object();
    QCOMPARE(doc["holds"].toBool(), false);
    QCOMPARE(doc["exhaustive"].toBool(), true);
    const QJsonObject example = doc["counterexample"].toObject();
    QVERIFY(example["outcome"].toString().startsWith("finished, counter = "));
    QVERIFY(!example["outcome"].toString().endsWith("= 4"));
    // Its token replays the program (its source is in the token) to the same lost update.
    const CliResult replayed = runLockstep({"run", "--replay", example["replay"].toString(), "--summary"});
    QCOMPARE(replayed.code, 0);
    QCOMPARE(QStringLiteral("finished, counter = %1")
                 .arg(QJsonDocument::fromJson(replayed.out.toUtf8()).object()["shared"].toObject()["counter"].toInt()),
             example["outcome"].toString());

    const CliResult fixed = runLockstep({"check", sourceFile("docs/examples/lost_update_fixed.py"), "--expect",
                                         "counter == 4", "--no-deadlock", "--no-race"});
    QCOMPARE(fixed.code, 0);
    QVERIFY2(fixed.out.contains("every expectation holds"), qPrintable(fixed.out));
    QVERIFY(fixed.out.contains("exhaustive: the "));
    QVERIFY(fixed.out.contains("every schedule this program can have"));
}

void TestLearn::programLessonVerifies() {
    // The lesson next to the program: listed, and every challenge winnable, its fix holding, its prediction fair.
    const CliResult r = runLockstep({"challenges", sourceFile("docs/examples/lost_update.py"), "--verify", "--json"});
    QCOMPARE(r.code, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray challenges = doc["challenges"].toArray();
    QVERIFY(challenges.size() >= 2);
    bool prevent = false;
    for (const QJsonValue& v : challenges) {
        const QJsonObject c = v.toObject();
        QVERIFY2(c["verified"].toObject()["ok"].toBool(), qPrintable(c["name"].toString()));
        QVERIFY(c["verified"].toObject()["winning"].toInt() > 0);
        if (c["kind"].toString() == "prevent") {
            prevent = true;
            QCOMPARE(c["verified"].toObject()["fix_holds"].toBool(), true);
            QCOMPARE(c["verified"].toObject()["fix_exhaustive"].toBool(), true);
        }
    }
    QVERIFY(prevent);
    const QJsonObject prediction = doc["predictions"].toArray().at(0).toObject();
    const QStringList choices = [&] {
        QStringList out;
        for (const QJsonValue& v : prediction["verified"].toObject()["choices"].toArray()) out << v.toString();
        return out;
    }();
    QCOMPARE(choices, (QStringList{"2", "3", "4"}));
    QCOMPARE(prediction["verified"].toObject()["one_after_another"].toString(), QStringLiteral("4"));

    // A program without a lesson, and a lesson file given directly.
    QTemporaryDir dir;
    QFile prog(dir.filePath("alone.py"));
    QVERIFY(prog.open(QIODevice::WriteOnly));
    prog.write("print('hi')\n");
    prog.close();
    const CliResult none = runLockstep({"challenges", prog.fileName()});
    QCOMPARE(none.code, 2);
    QVERIFY2(none.err.contains("has no lesson: write one in"), qPrintable(none.err));
    const CliResult direct = runLockstep({"challenges", sourceFile("docs/examples/lost_update.lesson.json")});
    QCOMPARE(direct.code, 0);
    QVERIFY(direct.out.contains("lost_update.py"));
}

void TestLearn::windowPlaysAChallenge() {
    progress::reset();
    MainWindow window;
    window.show();
    LearnPanel* panel = window.learnPanel();
    QVERIFY(panel);
    // The winning schedule exploration finds, made by hand: the choice at every decision, through the bar.
    const Challenge* c = campaign().challenge("lost-update");
    LessonRun run;
    QString error;
    QVERIFY(lessonRun(c->scenario, c->params, nullptr, run, error));
    run.config.policy = PolicyKind::Manual;
    const GoalSearch s = searchGoal(run, c->goal, c->maxSteps);
    QVERIFY(s.possible());
    auto winner = replay(pool_, s.replay, *run.scenario);
    QVERIFY(panel->startChallenge("lost-update"));
    window.waitForEngine();
    QCOMPARE(window.view().config.policy, PolicyKind::Manual);
    QVERIFY2(panel->statusText().contains("Playing"), qPrintable(panel->statusText()));
    // Make the winner's choices one by one, as a learner clicking the scheduler bar.
    std::size_t decision = 0;
    const std::vector<Decision>& choices = winner->trace.decisions();
    for (int guard = 0; guard < 200 && !window.view().ended; ++guard) {
        if (window.view().candidates.size() > 1) {
            QVERIFY(decision < choices.size());
            emit window.schedulerBar()->actorChosen(choices[decision++].chosen);
        } else {
            window.stepForward();
        }
        window.waitForEngine();
    }
    QVERIFY(window.view().ended);
    QVERIFY2(panel->statusText().contains(QStringLiteral("Won at step %1").arg(s.shortest)), qPrintable(panel->statusText()));
    QVERIFY(progress::won("lost-update"));
    QVERIFY(!progress::winningSchedule("lost-update").isEmpty());
    // The browser shows it: one of the scenario's challenges won.
    const QModelIndex row = window.browser()->catalog()->indexOfScenario("race-counter-sleep");
    QVERIFY2(row.data(Qt::DisplayRole).toString().endsWith(QStringLiteral(" 1/%1").arg(row.data(ScenarioCatalogModel::ChallengeCountRole).toInt())),
             qPrintable(row.data(Qt::DisplayRole).toString()));
    QCOMPARE(row.data(ScenarioCatalogModel::ChallengesWonRole).toInt(), 1);

    // Hints: the lesson's first, then exploration's answer.
    panel->startChallenge("lost-update");
    window.waitForEngine();
    for (std::size_t k = 0; k < c->hints.size(); ++k) panel->nextHint();
    QVERIFY(panel->hintText().contains(c->hints.back().en));
    panel->nextHint();
    panel->waitForSearch();
    QVERIFY2(panel->hintText().contains("It is possible"), qPrintable(panel->hintText()));
    QVERIFY(panel->hintText().contains(QStringLiteral("at step %1").arg(s.shortest)));

    // Prevent it: the broken version does it; "check my fix" on the fixed setup proves the goal impossible.
    QVERIFY(panel->startChallenge("lock-the-counter"));
    window.waitForEngine();
    const Challenge* prevent = campaign().challenge("lock-the-counter");
    LessonRun fixed;
    QVERIFY(fixRun(*prevent, campaign(), nullptr, fixed, error));
    window.load(RunSetup{fixed.scenario, fixed.config}, 0);
    window.waitForEngine();
    panel->askExploration();
    panel->waitForSearch();
    QVERIFY2(panel->hintText().contains("Your fix holds"), qPrintable(panel->hintText()));
    QVERIFY(progress::won("lock-the-counter"));
    progress::reset();
}

void TestLearn::windowAsksAPrediction() {
    MainWindow window;
    window.show();
    LearnPanel* panel = window.learnPanel();
    QVERIFY(panel->startPrediction("race-counter-final"));
    panel->waitForSearch();
    const QStringList choices = panel->choices();
    QVERIFY2(choices.size() >= 2, qPrintable(choices.join(" | ")));
    // Answer what one after the other gives: the run on screen (round-robin) says otherwise or agrees; either way
    // the panel tells the real answer, read from the run.
    const Prediction* p = campaign().prediction("race-counter-final");
    panel->answer(int(choices.indexOf("30")));
    for (int k = 0; k < 100 && !window.view().ended; ++k) {
        QTest::qWait(50);
        window.waitForEngine();
    }
    QVERIFY(window.view().ended);
    QString problem;
    const QString real = predictionAnswer(p->answer, *window.view().model, &problem);
    QVERIFY(choices.contains(real));
    const QString result = panel->resultText();
    QVERIFY2(result.contains(real == "30" ? QStringLiteral("Right: the run gave 30.")
                                          : QStringLiteral("This run gave %1; you said 30.").arg(real)),
             qPrintable(result));
    QVERIFY(result.contains(p->explanation.en.left(30)));
    QVERIFY(result.contains("Every schedule explored:"));
}

void TestLearn::windowOpensAProgramsLesson() {
    // A program with a lesson beside it: the lesson's words and challenges are in the Learn panel.
    MainWindow window;
    QStringList messages;
    window.setMessageHook([&](const QString& title, const QString& text) { messages << title + ": " + text; });
    window.show();
    QVERIFY(window.openProgram(sourceFile("docs/examples/lost_update.py")));
    window.waitForEngine();
    QVERIFY2(messages.isEmpty(), qPrintable(messages.join("\n")));
    LearnPanel* panel = window.learnPanel();
    QVERIFY(panel->lessonText().contains("Lost updates in a Python program"));
    QStringList names;
    for (int k = 0; k < panel->list()->topLevelItemCount(); ++k)
        for (int c = 0; c < panel->list()->topLevelItem(k)->childCount(); ++c)
            names << panel->list()->topLevelItem(k)->child(c)->data(0, Qt::UserRole + 2).toString();
    QVERIFY2(names.contains("lose-two") && names.contains("lock-it") && names.contains("lost-update-final"),
             qPrintable(names.join(", ")));
    // Its challenge runs the program itself, with the manual policy.
    QVERIFY(panel->startChallenge("lose-two"));
    window.waitForEngine();
    QVERIFY(!window.view().scenario->sourcePath.empty());
    QCOMPARE(window.view().config.policy, PolicyKind::Manual);

    // A malformed lesson: the window says which line and field, and the program still opens.
    QTemporaryDir dir;
    QFile prog(dir.filePath("broken.py"));
    QVERIFY(prog.open(QIODevice::WriteOnly));
    prog.write("counter = 0\nprint(counter)\n");
    prog.close();
    QFile lesson(dir.filePath("broken.lesson.json"));
    QVERIFY(lesson.open(QIODevice::WriteOnly));
    lesson.write("{\n  \"lockstep_lesson\": 1,\n  \"title\": \"x\",\n  \"challenges\": [{\"name\": \"a\", \"title\": \"t\", "
                 "\"task\": \"t\", \"goal\": \"counter <\", \"explanation\": \"e\"}]\n}\n");
    lesson.close();
    QVERIFY(window.openProgram(prog.fileName()));
    window.waitForEngine();
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages[0].contains("broken.lesson.json:4: challenges[0].goal: column 10: expected a value"),
             qPrintable(messages[0]));
    QVERIFY(panel->lessonText().isEmpty());
}

void TestLearn::mutatedLessonsAreRefused() {
    // Bytes changed, dropped and repeated at random: every file is read or refused with "FILE:LINE: ...", never a
    // crash or a hang.
    const QByteArray good = goodLesson();
    std::uint64_t seed = 20261207;
    auto next = [&seed] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<quint32>(seed >> 33);
    };
    const QByteArray alphabet = "{}[]\":,0123456789-. atrue\\\n";
    int refused = 0;
    for (int round = 0; round < 1500; ++round) {
        QByteArray text = good;
        const int edits = 1 + int(next() % 4);
        for (int e = 0; e < edits; ++e) {
            const int at = int(next() % quint32(text.size()));
            switch (next() % 3) {
                case 0: text[at] = alphabet[int(next() % quint32(alphabet.size()))]; break;
                case 1: text.remove(at, 1 + int(next() % 8)); break;
                default: text.insert(at, text.mid(int(next() % quint32(text.size())), int(next() % 12))); break;
            }
        }
        QString error;
        const std::optional<Lesson> lesson = parseLesson(text, "/x/m.lesson.json", false, error);
        if (lesson) continue;
        ++refused;
        static const QRegularExpression kWhere(QStringLiteral("^m\\.lesson\\.json:\\d+: \\S"));
        QVERIFY2(kWhere.match(error).hasMatch(), qPrintable(error));
    }
    QVERIFY(refused > 1000);
}

void TestLearn::lessonRoundTrips() {
    QTemporaryDir dir;
    const QString path = dir.filePath("counter.lesson.json");
    QString error;
    const std::optional<Lesson> lesson = parseLesson(goodLesson(), path, false, error);
    QVERIFY2(lesson.has_value(), qPrintable(error));
    QCOMPARE(lesson->title.en, QStringLiteral("Two threads, one counter"));
    QCOMPARE(lesson->title.in("ru"), QStringLiteral("Два потока, один счётчик"));
    QCOMPARE(lesson->text.in("ru"), QStringLiteral("Read, add, write."));  // no Russian: the English
    QCOMPARE(lesson->challenges.size(), std::size_t(2));
    const Challenge& c = lesson->challenges[0];
    QCOMPARE(c.name, QStringLiteral("lose-one"));
    QCOMPARE(c.goal.text(), std::string("counter < 2"));
    QCOMPARE(c.maxSteps, 40u);
    QVERIFY(c.manualOnly);
    QVERIFY(!c.prevent);
    QCOMPARE(c.hints.size(), std::size_t(2));
    QCOMPARE(c.hints[1].in("ru"), QStringLiteral("T1, T2, потом T1"));
    QCOMPARE(c.line, 6);
    QVERIFY(lesson->challenges[1].prevent);
    QCOMPARE(lesson->challenges[1].fixProgram, QStringLiteral("fixed.py"));
    QCOMPARE(lesson->predictions.size(), std::size_t(1));
    QCOMPARE(lesson->predictions[0].answer.text(), std::string("counter"));
    QCOMPARE(lessonPathFor("/tmp/x/counter.py"), QStringLiteral("/tmp/x/counter.lesson.json"));

    // Written out by `lockstep challenges --json` and read again, it is the same lesson.
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(goodLesson());
    f.close();
    const CliResult r = runLockstep({"challenges", path, "--json"});
    QCOMPARE(r.code, 0);
    const std::optional<Lesson> again = parseLesson(r.out.toUtf8(), path, false, error);
    QVERIFY2(again.has_value(), qPrintable(error + "\n" + r.out));
    QCOMPARE(again->challenges.size(), lesson->challenges.size());
    for (std::size_t k = 0; k < lesson->challenges.size(); ++k) {
        const Challenge& a = lesson->challenges[k];
        const Challenge& b = again->challenges[k];
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.goal.text(), a.goal.text());
        QCOMPARE(b.title.en, a.title.en);
        QCOMPARE(b.title.ru, a.title.ru);
        QCOMPARE(b.task.en, a.task.en);
        QCOMPARE(b.prevent, a.prevent);
        QCOMPARE(b.maxSteps, a.maxSteps);
        QCOMPARE(b.manualOnly, a.manualOnly);
        QCOMPARE(b.hints.size(), a.hints.size());
        QCOMPARE(b.fixProgram, a.fixProgram);
        QCOMPARE(b.explanation.en, a.explanation.en);
    }
    QCOMPARE(again->predictions[0].question.ru, lesson->predictions[0].question.ru);
    QCOMPARE(again->predictions[0].answer.text(), lesson->predictions[0].answer.text());
}

void TestLearn::refusesBadLessons_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << "\"goal\": \"counter < 2\"," << "\"goal\": \"counter < 2\",,"
                              << "counter.lesson.json:10: not valid JSON";
    QTest::newRow("bad goal") << "\"goal\": \"counter < 2\"" << "\"goal\": \"counter <\""
                              << "counter.lesson.json:10: challenges[0].goal: column 10: expected a value";
    QTest::newRow("misspelt field") << "\"max_steps\": 40" << "\"max_step\": 40"
                                    << "counter.lesson.json:11: challenges[0].max_step: unknown field 'max_step'";
    QTest::newRow("bad steps") << "\"max_steps\": 40" << "\"max_steps\": -4"
                               << "counter.lesson.json:11: challenges[0].max_steps: must be a whole number";
    QTest::newRow("missing task") << "\"task\": \"Make the counter end below 2.\"," << ""
                                  << "counter.lesson.json:6: challenges[0].task: missing";
    QTest::newRow("bad kind") << "\"kind\": \"prevent\"" << "\"kind\": \"stop\""
                              << "counter.lesson.json:18: challenges[1].kind: must be \"make\" or \"prevent\"";
    QTest::newRow("no fix") << "\"fix\": {\"program\": \"fixed.py\"}" << "\"fix\": 3"
                            << "counter.lesson.json:23: challenges[1].fix: a \"prevent\" challenge needs its reference fix";
    QTest::newRow("same name") << "\"name\": \"keep-both\"" << "\"name\": \"lose-one\""
                               << "counter.lesson.json:17: challenges[1].name: 'lose-one' is the name of an earlier one too";
    QTest::newRow("bad answer") << "\"answer\": \"counter\"" << "\"answer\": \"nth(q)\""
                                << "counter.lesson.json:30: predictions[0].answer: column 6: expected nth(OBJECT, k)";
    QTest::newRow("newer") << "\"lockstep_lesson\": 1" << "\"lockstep_lesson\": 3"
                           << "counter.lesson.json:2: lockstep_lesson: this lesson is of format 3, written for a newer Lockstep";
    QTest::newRow("no english") << "{\"en\": \"Lose one\", \"ru\": \"Потеряйте одно\"}" << "{\"ru\": \"Потеряйте одно\"}"
                                << "counter.lesson.json:8: challenges[0].title.en: missing or empty";
    QTest::newRow("huge parameter") << "\"max_steps\": 40" << "\"max_steps\": 40, \"params\": {\"x\": 1e30}"
                                    << "counter.lesson.json:11: challenges[0].params.x: must be a whole number";
    QTest::newRow("scenario in a lesson") << "\"name\": \"final\"," << "\"name\": \"final\", \"scenario\": \"lock-counter\","
                                          << "counter.lesson.json:28: predictions[0].scenario: a lesson file's challenges";
}

void TestLearn::refusesBadLessons() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);
    QByteArray text = goodLesson();
    QVERIFY2(text.contains(from.toUtf8()), qPrintable(from));
    text.replace(from.toUtf8(), to.toUtf8());
    QString error;
    QVERIFY(!parseLesson(text, "/somewhere/counter.lesson.json", false, error).has_value());
    QVERIFY2(error.startsWith(message), qPrintable(error));

    // The command line says the same, as bad input.
    QTemporaryDir dir;
    QFile f(dir.filePath("counter.lesson.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    const CliResult r = runLockstep({"challenges", f.fileName()});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TestLearn::campaignCoversTheCourse() {
    QVERIFY2(campaignError().isEmpty(), qPrintable(campaignError()));
    const Lesson& c = campaign();
    QVERIFY2(c.challenges.size() >= 24, qPrintable(QString::number(c.challenges.size())));
    // In the course's order: chapters never go back.
    const QStringList chapters = campaignChapters();
    qsizetype last = 0;
    QSet<QString> seen;
    for (const Challenge& ch : c.challenges) {
        const qsizetype at = chapters.indexOf(ch.chapter);
        QVERIFY2(at >= last, qPrintable(ch.name));
        last = at;
        seen << ch.chapter;
        for (const LessonText* t : {&ch.title, &ch.task, &ch.explanation}) QVERIFY2(!t->ru.isEmpty(), qPrintable(ch.name));
        for (const LessonText& h : ch.hints) QVERIFY2(!h.ru.isEmpty(), qPrintable(ch.name));
        QVERIFY2(!ch.hints.empty(), qPrintable(ch.name));
    }
    for (const QString& chapter : chapters) QVERIFY2(seen.contains(chapter), qPrintable(chapter));
    QVERIFY(std::count_if(c.challenges.begin(), c.challenges.end(), [](const Challenge& ch) { return ch.prevent; }) >= 3);
    // A prediction for every family of scenarios.
    QSet<QString> families;
    for (const Prediction& p : c.predictions) {
        families << QString::fromUtf8(scenarios::find(p.scenario.toStdString())->family);
        QVERIFY2(!p.question.ru.isEmpty() && !p.explanation.ru.isEmpty(), qPrintable(p.name));
    }
    for (const std::string& family : scenarios::families())
        QVERIFY2(families.contains(QString::fromStdString(family)), family.c_str());

    // `lockstep challenges` lists them all, in both languages.
    const CliResult en = runLockstep({"challenges", "--lang", "en"});
    QCOMPARE(en.code, 0);
    const CliResult ru = runLockstep({"challenges", "--lang", "ru"});
    QCOMPARE(ru.code, 0);
    for (const Challenge& ch : c.challenges) {
        QVERIFY(en.out.contains(ch.name));
        QVERIFY(en.out.contains(ch.title.en));
        QVERIFY(ru.out.contains(ch.title.ru));
    }
    const CliResult json = runLockstep({"challenges", "--json"});
    QCOMPARE(json.code, 0);
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object()["challenges"].toArray().size(),
             qsizetype(c.challenges.size()));
}

void TestLearn::campaignChallengesAreWinnable_data() {
    QTest::addColumn<QString>("name");
    for (const Challenge& c : campaign().challenges) QTest::newRow(qPrintable(c.name)) << c.name;
}

void TestLearn::campaignChallengesAreWinnable() {
    QFETCH(QString, name);
    const Lesson& lesson = campaign();
    const Challenge& c = *lesson.challenge(name);
    LessonRun run;
    QString error;
    QVERIFY2(lessonRun(c.scenario, c.params, nullptr, run, error), qPrintable(error));
    // Winnable: some schedule reaches the goal (the search stops at the first it finds).
    const GoalSearch s = searchGoal(run, c.goal, c.maxSteps, 3000, nullptr, 0, true);
    QVERIFY2(s.problem.isEmpty(), qPrintable(s.problem));
    QVERIFY2(s.possible(), qPrintable(QStringLiteral("%1 schedules, none wins").arg(s.schedules)));
    QVERIFY(s.shortest > 0);
    if (c.maxSteps > 0) QVERIFY(s.shortest <= c.maxSteps);
    // The quickest winning schedule, replayed, wins at the step the search said.
    auto replayed = replay(pool_, s.replay, *run.scenario);
    QVERIFY(replayed);
    const TraceModel model(replayed->trace);
    GoalMonitor monitor({c.goal});
    const ChallengeProgress p = challengeProgress(c, monitor, model);
    QCOMPARE(p.truth, Truth::True);
    QCOMPARE(p.step, s.shortest);
    if (c.prevent) {
        // The reference fix holds in every schedule.
        LessonRun fixed;
        QVERIFY2(fixRun(c, lesson, nullptr, fixed, error), qPrintable(error));
        const GoalSearch f = searchGoal(fixed, c.goal, 0, 5000);
        QVERIFY2(f.problem.isEmpty(), qPrintable(f.problem));
        QVERIFY2(f.exhaustive, qPrintable(QStringLiteral("the fix's search ran %1 schedules and was cut short").arg(f.schedules)));
        QVERIFY2(!f.possible(), qPrintable(QStringLiteral("the fix fails in %1 of %2 schedules").arg(f.winning).arg(f.schedules)));
    }
}

void TestLearn::campaignPredictionsOfferTheAnswer_data() {
    QTest::addColumn<QString>("name");
    for (const Prediction& p : campaign().predictions) QTest::newRow(qPrintable(p.name)) << p.name;
}

void TestLearn::campaignPredictionsOfferTheAnswer() {
    QFETCH(QString, name);
    const Prediction& p = *campaign().prediction(name);
    LessonRun run;
    QString error;
    QVERIFY2(lessonRun(p.scenario, p.params, nullptr, run, error), qPrintable(error));
    const PredictionChoices choices = predictionChoices(run, p.answer, 2000, nullptr, 0, p.extraChoices);
    QVERIFY2(choices.problem.isEmpty(), qPrintable(choices.problem));
    if (!choices.sequential.isEmpty()) QVERIFY(choices.choices.contains(choices.sequential));
    for (const QString& extra : p.extraChoices) QVERIFY(choices.choices.contains(extra));
    // The run the learner watches after answering: the scenario's own.
    Trace trace;
    run.scenario->opener()(pool_, trace, run.config, nullptr)->runToEnd();
    const TraceModel model(trace);
    QString problem;
    const QString real = predictionAnswer(p.answer, model, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(choices.choices.contains(real), qPrintable(real + " not in " + choices.choices.join(" | ")));
    QVERIFY2(choices.choices.size() >= 2, qPrintable(choices.choices.join(" | ")));
}

void TestLearn::runPlaysAChallenge() {
    // Round-robin without a delay: T1 reads and writes before T2 starts, no update is lost; interleaved reads lose one.
    const Challenge* c = campaign().challenge("lost-update");
    QVERIFY(c);
    LessonRun run;
    QString error;
    QVERIFY(lessonRun(c->scenario, c->params, nullptr, run, error));
    const GoalSearch s = searchGoal(run, c->goal, c->maxSteps);
    QVERIFY(s.possible());
    CliResult r = runLockstep({"run", "--challenge", "lost-update", "--replay", QString::fromStdString(s.replay)});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("challenge lost-update: won at step %1").arg(s.shortest)), qPrintable(r.out));
    QVERIFY(r.out.contains(c->explanation.en.left(20)));
    r = runLockstep({"run", "--challenge", "lost-update", "--replay", QString::fromStdString(s.replay), "--summary"});
    const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object()["challenge"].toObject();
    QCOMPARE(summary["won"].toBool(), true);
    QCOMPARE(summary["step"].toInt(), int(s.shortest));
    r = runLockstep({"run", "--challenge", "no-such-one"});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("no challenge named 'no-such-one' in the campaign"));
    r = runLockstep({"run", "lock-counter", "--challenge", "lost-update"});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("is played on race-counter-sleep, not lock-counter"));
}

#define main lockstepQTestMain
QTEST_MAIN(TestLearn)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()

#include "tst_learn.moc"
