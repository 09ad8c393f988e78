// Golden tests of the command line: exit codes, messages, and the keys and values of its JSON.

#include "common/TestMain.h"
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

#include <sys/stat.h>

#include "cli/SummaryJson.h"
#include "lockstep/Api.h"
#include "lockstep/Thread.h"
#include "lockstep/scenarios/Registry.h"
#include "lockstep/Execution.h"
#include "lockstep/mp/Multiprocessing.h"

namespace {

namespace mp = lockstep::mp;

// Child processes (this test binary started again in its worker mode).
void exitsWith(const mp::Args& a) { mp::exit(static_cast<int>(a.at(0).asInt())); }
LOCKSTEP_PROCESS_TARGET(exitsWith);

void sleepsLong(const mp::Args&) { lockstep::sleep(std::chrono::seconds(100)); }
LOCKSTEP_PROCESS_TARGET(sleepsLong);

struct Result {
    int code = -1;
    QString out;
    QString err;
};

struct How {
    bool noDisplay = false;  // no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM: a machine without a screen
    QString stdoutFile;      // standard output goes there instead of to the test (e.g. /dev/full)
};

Result runLockstep(const QStringList& args, const How& how = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LANG", "C");
    env.insert("LC_ALL", "C");
    if (how.noDisplay)
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) env.remove(name);
    p.setProcessEnvironment(env);
    if (!how.stdoutFile.isEmpty()) p.setStandardOutputFile(how.stdoutFile);
    p.start(QStringLiteral(LOCKSTEP_BINARY), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return Result{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
                  QString::fromUtf8(p.readAllStandardError())};
}

// Writes a program into `dir` and returns its path ("" when it cannot be written).
QString writeProgram(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    const QString path = dir.path() + "/" + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size()) return {};
    return path;
}

QJsonObject json(const QString& text) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError) qWarning() << "not JSON:" << error.errorString() << text.left(300);
    return doc.object();
}

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    // `lockstep diff`: two schedules of race-counter-sleep part at the decision their stories first differ at, and
    // end with different counters; a run against itself differs in nothing.
    void diffFindsWhereTwoRunsPart() {
        const Result explored = runLockstep({"explore", "race-counter-sleep", "--param", "delay_ms=0", "--json"});
        QCOMPARE(explored.code, 0);
        const QJsonArray outcomes = json(explored.out)["outcomes"].toArray();
        QVERIFY(outcomes.size() >= 2);
        const QString a = outcomes[0].toObject()["replay"].toString();
        const QString b = outcomes[1].toObject()["replay"].toString();
        const Result r = runLockstep({"diff", a, b, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject d = json(r.out);
        QCOMPARE(d["same_setup"].toBool(), true);
        QCOMPARE(d["same_schedule"].toBool(), false);
        QCOMPARE(d["same_outcome"].toBool(), false);
        const int step = d["divergence"].toObject()["step"].toInt();
        QVERIFY(step > 0);
        // The two stories: alike up to that step, then a different thread takes the next one.
        const QStringList storyA = runLockstep({"run", "--replay", a, "--story"}).out.split('\n');
        const QStringList storyB = runLockstep({"run", "--replay", b, "--story"}).out.split('\n');
        const auto header = [](const QStringList& story, int n) {
            for (const QString& line : story)
                if (line.startsWith(QStringLiteral("Step %1,").arg(n))) return line;
            return QString();
        };
        for (int s = 1; s <= step; ++s) QCOMPARE(header(storyA, s), header(storyB, s));
        QVERIFY(header(storyA, step + 1) != header(storyB, step + 1));
        // "Step 11, t = 0 s, T1, line 10: ...": the thread each let run.
        const auto ranBy = [](const QString& line, const QString& actor) {
            return line.contains(", " + actor + ",") || line.endsWith(", " + actor);
        };
        QVERIFY(ranBy(header(storyA, step + 1), d["divergence"].toObject()["a"].toString()));
        QVERIFY(ranBy(header(storyB, step + 1), d["divergence"].toObject()["b"].toString()));
        // The counters differ as the two outcomes say.
        const QJsonArray values = d["values"].toArray();
        QCOMPARE(values[0].toObject()["name"].toString(), QStringLiteral("counter"));
        QCOMPARE(values[0].toObject()["a"].toString(),
                 QString::number(outcomes[0].toObject()["outcome"].toObject()["shared"].toObject()["counter"].toInt()));
        QCOMPARE(values[0].toObject()["b"].toString(),
                 QString::number(outcomes[1].toObject()["outcome"].toObject()["shared"].toObject()["counter"].toInt()));
        QCOMPARE(d["only_in_a"].toArray().size(), 1);
        QVERIFY(d["only_in_a"].toArray()[0].toString().startsWith("MainThread: counter = "));

        // A run and itself.
        const QJsonObject same = json(runLockstep({"diff", a, a, "--json"}).out);
        QCOMPARE(same["same_schedule"].toBool(), true);
        QCOMPARE(same["same_outcome"].toBool(), true);
        QVERIFY(!same.contains("divergence"));
        QVERIFY(same["only_in_a"].toArray().isEmpty() && same["only_in_b"].toArray().isEmpty());
        const Result words = runLockstep({"diff", a, a});
        QVERIFY2(words.out.contains("the same schedule: every decision alike") && words.out.contains("the same outcome"),
                 qPrintable(words.out));

        // Bad input.
        QCOMPARE(runLockstep({"diff", a}).code, 2);
        const Result bad = runLockstep({"diff", a, "ls1:nonsense"});
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.startsWith("lockstep: B: "), qPrintable(bad.err));
    }

    // A Python program where a scenario id goes: run, --summary with the module globals under "shared",
    // explore; a missing file or a syntax error is a bad command line (exit 2) that says what is wrong.
    void pythonProgram() {
        QTemporaryDir dir;
        const QString path =
            writeProgram(dir, "counter.py",
                         "import threading\n\ntotal = 0\nlock = threading.Lock()\n\ndef add():\n    global total\n"
                         "    for _ in range(3):\n        with lock:\n            total += 1\n\n"
                         "ts = [threading.Thread(target=add) for _ in range(2)]\nfor t in ts:\n    t.start()\n"
                         "for t in ts:\n    t.join()\nprint('total', total)\n");
        QVERIFY(!path.isEmpty());
        const Result r = runLockstep({"run", path, "--summary"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o["status"].toString(), QString("finished"));
        QCOMPARE(o["shared"].toObject()["total"].toDouble(), 6.0);
        QCOMPARE(o["output"].toArray().last().toObject()["text"].toString(), QString("total 6"));
        QCOMPARE(o["actors"].toArray().size(), 3);
        QCOMPARE(o["scenario"].toString(), QFileInfo(path).absoluteFilePath());
        // A program's loops step every line: its default step limit is 5,000,000 (in the token, before the
        // parameters), a built-in scenario's 1,000,000.
        QVERIFY2(o["replay"].toString().contains(":5000000:bytecode=0,cpu=1,start="), qPrintable(o["replay"].toString()));

        const Result e = runLockstep({"explore", path, "--runs", "20", "--strategy", "random"});
        QCOMPARE(e.code, 0);
        QVERIFY2(e.out.contains("finished total=6"), qPrintable(e.out));

        const Result missing = runLockstep({"run", dir.path() + "/nope.py"});
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains("cannot open") && missing.err.contains("nope.py"), qPrintable(missing.err));

        const QString bad = dir.path() + "/bad.py";
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("print('a'\n");
        }
        const Result syntax = runLockstep({"run", bad});
        QCOMPARE(syntax.code, 2);
        QVERIFY2(syntax.err.contains("SyntaxError: '(' was never closed"), qPrintable(syntax.err));
    }

    void exitCodes_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("errorPattern");
        QTest::newRow("help") << QStringList{"help"} << 0 << "";
        QTest::newRow("--help") << QStringList{"--help"} << 0 << "";
        QTest::newRow("run --help") << QStringList{"run", "--help"} << 0 << "";
        QTest::newRow("list") << QStringList{"list"} << 0 << "";
        QTest::newRow("run") << QStringList{"run", "race-counter-sleep"} << 0 << "";
        QTest::newRow("deadlock is a result") << QStringList{"run", "deadlock-two-locks"} << 0 << "";
        QTest::newRow("unknown scenario") << QStringList{"run", "race-counter"} << 2 << "unknown scenario 'race-counter'.*Did you mean 'race-counter-sleep'";
        QTest::newRow("no scenario") << QStringList{"run"} << 2 << "name a scenario";
        QTest::newRow("unknown option") << QStringList{"run", "race-counter-sleep", "--speed", "3"} << 2 << "Unknown option";
        QTest::newRow("bad policy") << QStringList{"run", "race-counter-sleep", "--policy", "fair"} << 2 << "rr, random, coop, manual";
        QTest::newRow("bad seed") << QStringList{"run", "race-counter-sleep", "--seed", "x1"} << 2 << "--seed";
        QTest::newRow("bad cores") << QStringList{"run", "race-counter-sleep", "--cores", "9"} << 2 << "from 1 to 8";
        QTest::newRow("bad gil") << QStringList{"run", "race-counter-sleep", "--gil", "maybe"} << 2 << "neither on nor off";
        QTest::newRow("bad quantum") << QStringList{"run", "race-counter-sleep", "--quantum", "fast"} << 2 << "10ms";
        QTest::newRow("bad max-steps") << QStringList{"run", "race-counter-sleep", "--max-steps", "0"} << 2 << "--max-steps";
        QTest::newRow("unknown param") << QStringList{"run", "race-counter-sleep", "--param", "speed=3"} << 2 << "by1, by2, delay_ms";
        QTest::newRow("param out of range") << QStringList{"run", "race-counter-sleep", "--param", "delay_ms=-5"} << 2 << "from 0 to";
        QTest::newRow("bad replay") << QStringList{"run", "--replay", "nonsense"} << 2 << "11 fields";
        QTest::newRow("bad runs") << QStringList{"explore", "race-counter-sleep", "--runs", "0"} << 2 << "--runs";
        QTest::newRow("bad strategy") << QStringList{"explore", "race-counter-sleep", "--strategy", "bfs"} << 2 << "dfs, random or pct";
        QTest::newRow("bad bound") << QStringList{"explore", "race-counter-sleep", "--max-preemptions", "-1"} << 2 << "--max-preemptions";
        QTest::newRow("bound without dfs") << QStringList{"explore", "race-counter-sleep", "--strategy", "pct", "--max-preemptions", "2"} << 2 << "belong to --strategy dfs";
        QTest::newRow("bad depth") << QStringList{"explore", "race-counter-sleep", "--strategy", "pct", "--depth", "0"} << 2 << "--depth";
        QTest::newRow("unknown command help") << QStringList{"help", "fly"} << 2 << "list, run, explore";
        QTest::newRow("bad lang") << QStringList{"list", "--lang", "de"} << 2 << "en or ru";
        QTest::newRow("compare --help") << QStringList{"help", "compare"} << 0 << "";
        QTest::newRow("compare without threads param") << QStringList{"compare", "threads-start-join"} << 2 << "does not take.*gil-cpu-bound";
        QTest::newRow("compare --param threads") << QStringList{"compare", "gil-cpu-bound", "--param", "threads=3"} << 2 << "--threads 1,2,4";
        QTest::newRow("compare bad threads") << QStringList{"compare", "gil-cpu-bound", "--threads", "1,0"} << 2 << "--threads: '0'.*from 1 to 8";
        QTest::newRow("compare bad gil") << QStringList{"compare", "gil-cpu-bound", "--gil", "on,maybe"} << 2 << "--gil: 'maybe'";
        QTest::newRow("compare bad cores") << QStringList{"compare", "gil-cpu-bound", "--cores", "9"} << 2 << "--cores: '9'";
        QTest::newRow("compare takes no schedule") << QStringList{"compare", "gil-cpu-bound", "--schedule", "T1"} << 2 << "schedule";
        QTest::newRow("schedule number no run has") << QStringList{"run", "race-counter-sleep", "--schedule", "T1,70000"} << 2
                                                    << "--schedule: entry 2, '70000', is no thread number a run can have \\(0 to 65533\\)\n";
        QTest::newRow("quantum too long") << QStringList{"run", "race-counter-sleep", "--quantum", "11s"} << 2
                                          << "--quantum: '11s' is not a quantum from 1us to 10s\n";
        QTest::newRow("explore takes no schedule") << QStringList{"explore", "race-counter-sleep", "--schedule", "T1"} << 2
                                                   << "--schedule: explore makes its own choices";
        QTest::newRow("token cores 9") << QStringList{"run", "--replay", "ls1:race-counter-sleep:rr:1:9:0:10000000:5000000:1000000:-:-"} << 2
                                       << "--replay: the token's cores: '9' is not a number of cores from 1 to 8\n";
        QTest::newRow("token malformed number") << QStringList{"run", "--replay", "ls1:race-counter-sleep:rr:1:1:0:10ms:5000000:1000000:-:-"} << 2
                                                << "--replay: field 7 of the replay token, the quantum in ns, is '10ms', not a whole number that fits";
        QTest::newRow("token parameter twice") << QStringList{"run", "--replay", "ls1:race-counter-sleep:rr:1:1:0:10000000:5000000:1000000:by1=1,by1=2:-"} << 2
                                               << "--replay: the token's parameters: 'by1' is given twice";
        // Checked before the run: bad input, like any other argument that cannot work.
        QTest::newRow("unwritable trace") << QStringList{"run", "race-counter-sleep", "--trace", "/nonexistent/dir/t.json"} << 2 << "--trace: cannot write '/nonexistent/dir/t.json': no such directory: /nonexistent/dir";
    }
    void exitCodes() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, errorPattern);
        const Result r = runLockstep(args);
        QCOMPARE(r.code, code);
        if (!errorPattern.isEmpty()) {
            QVERIFY2(r.err.contains(QRegularExpression(errorPattern)), qPrintable(r.err));
            QVERIFY(r.err.startsWith("lockstep: "));
        }
    }

    // Issue 15: every case the careful tester found, with the exact command, exit code and message it gets now.
    // %DIR% stands for a directory holding loop.py (an endless loop), folder.py (a directory) and fifo.py (a
    // FIFO); the whole of standard error is compared.
    void foundInIssue15_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("noDisplay");
        QTest::addColumn<QString>("stdoutFile");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString quantum = "is not a quantum from 1us to 10s (a shorter one cuts CPU bursts into more slices "
                                "than a trace can hold)";
        auto row = [](const char* name, const QStringList& args, int code, const QString& message) {
            QTest::newRow(name) << args << false << QString() << code << message;
        };
        row("run --quantum 1ns", {"run", "gil-cpu-bound", "--quantum", "1ns"}, 2,
            "lockstep: --quantum: '1ns' " + quantum);
        row("run --quantum 10ns", {"run", "gil-cpu-bound", "--quantum", "10ns"}, 2,
            "lockstep: --quantum: '10ns' " + quantum);
        row("compare --quantum 1ns", {"compare", "gil-cpu-bound", "--quantum", "1ns"}, 2,
            "lockstep: --quantum: '1ns' " + quantum);
        row("explore --quantum 1ns", {"explore", "gil-cpu-bound", "--quantum", "1ns"}, 2,
            "lockstep: --quantum: '1ns' " + quantum);
        row("--max-steps 1000000000 on an endless loop", {"run", "%DIR%/loop.py", "--max-steps", "1000000000"}, 2,
            "lockstep: --max-steps: '1000000000' is not a number of steps from 1 to 10000000 (a longer run's trace "
            "would not fit in memory)");
        row("token threads=0", {"run", "--replay", "ls1:gil-cpu-bound:rr:1:4:1:10000000:5000000:1000000:threads=0,"
                                                   "work_ms=400,io_thread=1,io_ms=50,processes=0:-"},
            2, "lockstep: --replay: the token's parameters: threads must be a whole number from 1 to 8, not '0'");
        row("token quantum 0", {"run", "--replay", "ls1:gil-cpu-bound:rr:1:4:1:0:5000000:1000000:-:-"}, 2,
            "lockstep: --replay: the token's quantum: '0ns' " + quantum);
        row("token switch interval 0", {"run", "--replay", "ls1:gil-cpu-bound:rr:1:4:1:10000000:0:1000000:-:-"}, 2,
            "lockstep: --replay: the token's switch interval: '0ns' is not a GIL switch interval from 1us to 10s");
        row("token decision 1x100000000",
            {"run", "--replay", "ls1:race-counter-sleep:rr:1:1:0:10000000:5000000:1000000:-:1x100000000"}, 2,
            "lockstep: --replay: the replay token has more decisions than its step limit of 1000000 allows (a "
            "decision follows each step)");
        row("token thread-local threads=200",
            {"run", "--replay", "ls1:thread-local:rr:1:1:0:10000000:5000000:1000000:threads=200:-"}, 2,
            "lockstep: --replay: the token's parameters: threads must be a whole number from 1 to 8, not '200'");
        row("token async-gather-many tasks=-5",
            {"run", "--replay", "ls1:async-gather-many:rr:1:1:0:10000000:5000000:1000000:tasks=-5:-"}, 2,
            "lockstep: --replay: the token's parameters: tasks must be a whole number from 1 to 20000, not '-5'");
        row("token unknown parameter",
            {"run", "--replay", "ls1:race-counter-sleep:rr:1:1:0:10000000:5000000:1000000:speed=3:-"}, 2,
            "lockstep: --replay: the token's parameters: scenario 'race-counter-sleep' has no parameter 'speed'; its "
            "parameters are: by1, by2, delay_ms");
        row("token decision names no thread",
            {"run", "--replay", "ls1:race-counter-sleep:rr:1:1:0:10000000:5000000:1000000:-:0x2.9"}, 2,
            "lockstep: --replay: the token's decisions do not fit this run (was it edited?): schedule entry 3 names "
            "'9', which is no thread of this run; at step 4 the choices are: T1, T2");
        row("--schedule Nobody", {"run", "race-counter-sleep", "--policy", "manual", "--schedule", "Nobody"}, 2,
            "lockstep: --schedule: schedule entry 1 names 'Nobody', which is no thread of this run; at step 2 the "
            "choices are: MainThread, T1");
        row("--trace /dev/full", {"run", "race-counter-sleep", "--trace", "/dev/full"}, 1,
            "lockstep: writing the trace to '/dev/full' failed: No space left on device");
        // Found by the fuzz test: a FIFO nobody reads made the trace's open() wait forever.
        row("--trace to a FIFO nobody reads", {"run", "race-counter-sleep", "--trace", "%DIR%/fifo.py"}, 1,
            "lockstep: cannot write the trace to '%DIR%/fifo.py': no program reads from this FIFO");
        row("directory as program", {"run", "%DIR%/folder.py"}, 2,
            "lockstep: %DIR%/folder.py is a directory, not a program; give a Python file, e.g. prog.py");
        row("FIFO as program", {"run", "%DIR%/fifo.py"}, 2,
            "lockstep: %DIR%/fifo.py is a FIFO (named pipe), not a program; give a Python file, e.g. prog.py");
        row("/dev/zero as program", {"run", "/dev/zero"}, 2,
            "lockstep: /dev/zero is a character device, not a program; give a Python file, e.g. prog.py");
        QTest::newRow("mistyped command without a display")
            << QStringList{"rn", "race-counter-sleep"} << true << QString() << 2
            << "lockstep: unknown command 'rn'. Did you mean 'run'? The commands are list, run, explore, check, challenges, diff, compare, help; "
               "'lockstep ID' opens the window on scenario ID";
        QTest::newRow("--summary > /dev/full") << QStringList{"run", "race-counter-sleep", "--summary"} << false
                                                << "/dev/full" << 1
                                                << "lockstep: writing to standard output failed: No space left on device";
    }
    void foundInIssue15() {
        QFETCH(QStringList, args);
        QFETCH(bool, noDisplay);
        QFETCH(QString, stdoutFile);
        QFETCH(int, code);
        QFETCH(QString, message);
        QTemporaryDir dir;
        {
            QFile loop(dir.filePath("loop.py"));
            QVERIFY(loop.open(QIODevice::WriteOnly));
            loop.write("x = 0\nwhile True:\n    x += 1\n");
        }
        QVERIFY(QDir(dir.path()).mkdir("folder.py"));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath("fifo.py")).constData(), 0600), 0);
        for (QString& a : args) a.replace("%DIR%", dir.path());
        message.replace("%DIR%", dir.path());
        const Result r = runLockstep(args, How{noDisplay, stdoutFile});
        QCOMPARE(r.code, code);
        QCOMPARE(r.err, message + "\n");
        // Refused before the run: nothing of a run was printed.
        if (code == 2) QCOMPARE(r.out, QString());
    }

    // The window's command line is read before any window is tried: a typo is an error even with no display,
    // and a valid line without a display is refused with a message instead of Qt's abort.
    void windowArgumentsWithoutDisplay() {
        const How noDisplay{true, {}};
        Result r = runLockstep({"race-countr-sleep"}, noDisplay);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, QStringLiteral("lockstep: unknown scenario 'race-countr-sleep'. Did you mean "
                                       "'race-counter-sleep'? Run 'lockstep list' to see all %1 scenarios. The commands "
                                       "are list, run, explore, check, challenges, diff, compare, help (see 'lockstep help').\n")
                            .arg(lockstep::scenarios::all().size()));
        r = runLockstep({"race-counter-sleep", "--quantum", "0"}, noDisplay);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith("lockstep: --quantum: '0' is not a quantum from 1us to 10s"), qPrintable(r.err));
        r = runLockstep({"race-counter-sleep", "--screenshot", "/nonexistent/dir/shot.png"}, noDisplay);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, QStringLiteral("lockstep: --screenshot: cannot write '/nonexistent/dir/shot.png': no such "
                                       "directory: /nonexistent/dir\n"));
        r = runLockstep({"race-counter-sleep", "--layout", "wide"}, noDisplay);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, QStringLiteral("lockstep: --layout: 'wide' is neither learn nor full\n"));
        r = runLockstep({"--bogus"}, noDisplay);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, QStringLiteral("lockstep: Unknown option 'bogus'. (see 'lockstep --help')\n"));
        r = runLockstep({"race-counter-sleep"}, noDisplay);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith("lockstep: the window needs a display, and none is set"), qPrintable(r.err));
    }

    // Ctrl+C: the run stops, prints what it has, and the exit code says it was interrupted (130).
    void interruptedRunExits130_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("run") << QStringList{"run", "%DIR%/loop.py", "--max-steps", "10000000"}
                             << "lockstep: interrupted at step \\d+; the run was stopped and every thread unwound\n$";
        QTest::newRow("explore") << QStringList{"explore", "%DIR%/loop.py", "--max-steps", "10000000"}
                                 << "lockstep: interrupted after 0 schedules; the results so far follow\n$";
        QTest::newRow("compare") << QStringList{"compare", "gil-cpu-bound", "--param", "work_ms=5000", "--quantum", "1us"}
                                 << "lockstep: interrupted after \\d+ of 12 runs; the results so far are above\n$";
    }
    void interruptedRunExits130() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        {
            QFile loop(dir.filePath("loop.py"));
            QVERIFY(loop.open(QIODevice::WriteOnly));
            loop.write("x = 0\nwhile True:\n    x += 1\n");
        }
        for (QString& a : args) a.replace("%DIR%", dir.path());
        QProcess p;
        p.start(QStringLiteral(LOCKSTEP_BINARY), args);
        QVERIFY(p.waitForStarted());
        // Wait until the command line has taken over SIGINT (its handler shows in /proc), then a little more
        // so the run is under way; either way the answer must be the same.
        const QString status = QStringLiteral("/proc/%1/status").arg(p.processId());
        auto catchesSigint = [&] {
            QFile f(status);
            if (!f.open(QIODevice::ReadOnly)) return false;
            for (const QByteArray& line : f.readAll().split('\n'))
                if (line.startsWith("SigCgt:")) return (line.mid(7).trimmed().toULongLong(nullptr, 16) & (1ull << (SIGINT - 1))) != 0;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(catchesSigint(), 30000);
        QTest::qWait(500);
        ::kill(static_cast<pid_t>(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QRegularExpression(message)), qPrintable(err));
        QVERIFY(!p.readAllStandardOutput().isEmpty());  // what was done so far
    }

    // explore tells a clean finish from one whose main thread died of an uncaught exception.
    void exploreCountsUncaughtErrors() {
        QTemporaryDir dir;
        const QString path = dir.filePath("raises.py");
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("import threading\nx = 0\ndef f():\n    global x\n    x = 1\nt = threading.Thread(target=f)\n"
                    "t.start()\nif x == 0:\n    raise ValueError('too early')\nt.join()\n");
        }
        const Result r = runLockstep({"explore", path, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = json(r.out);
        QCOMPARE(o["exhaustive"].toBool(), true);
        QCOMPARE(o["distinct"].toInt(), 2);
        QSet<QString> seen;
        for (const auto& v : o["outcomes"].toArray()) {
            const QJsonObject outcome = v.toObject()["outcome"].toObject();
            QCOMPARE(outcome["status"].toString(), QStringLiteral("finished"));
            QCOMPARE(outcome["shared"].toObject()["x"].toInt(), 1);
            const QJsonArray uncaught = outcome["uncaught"].toArray();
            seen.insert(uncaught.isEmpty() ? QStringLiteral("clean")
                                           : uncaught[0].toObject()["thread"].toString() + " " +
                                                 uncaught[0].toObject()["type"].toString());
        }
        QCOMPARE(seen, (QSet<QString>{"clean", "MainThread ValueError"}));
        const Result text = runLockstep({"explore", path});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QRegularExpression("finished x=1 uncaught ValueError in MainThread\n")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QRegularExpression("finished x=1\n")), qPrintable(text.out));
    }

    // A run that reaches its trace's capacity ends with status trace-limit and says how to get a longer run;
    // nothing is thrown. (The real capacity, 32 Mi events, takes minutes to fill: this run is given 5000.)
    void traceLimitIsAStatus() {
        lockstep::WorkerPool pool;
        lockstep::Trace trace;
        lockstep::RunConfig config;
        config.gil = true;
        config.quantum = lockstep::RunConfig::kMinQuantum;
        config.switchInterval = lockstep::RunConfig::kMinQuantum;
        config.maxEvents = 5000;
        {
            lockstep::Execution ex(pool, trace, config, [] {
                auto burn = [] { lockstep::work(std::chrono::seconds(1)); };
                lockstep::Thread a(burn, {.name = "A"}), b(burn, {.name = "B"});
                a.start();
                b.start();
                a.join();
                b.join();
            });
            ex.runToEnd();
        }
        QCOMPARE(trace.outcome().status, lockstep::RunStatus::TraceLimit);
        QVERIFY(trace.eventCount() >= 5000);
        QVERIFY2(trace.eventCount() < 5100, qPrintable(QString::number(trace.eventCount())));
        const QJsonObject o = lockstep::app::summaryJson(trace, "two-bursts", config, false);
        QCOMPARE(o["status"].toString(), QStringLiteral("trace-limit"));
        QVERIFY2(o["message"].toString().startsWith(
                     QStringLiteral("the trace is full: it holds 5000 events at step %1, as many as a run may record. A "
                                    "longer run needs fewer events per step: a longer --quantum")
                         .arg(trace.outcome().steps)),
                 qPrintable(o["message"].toString()));
        for (const auto& a : o["actors"].toArray())
            QCOMPARE(a.toObject()["end_state"].toString(), QStringLiteral("running"));
    }

    // The bounds a run is held to are in the help, as the constants that enforce them say.
    void helpNamesTheBounds() {
        const Result run = runLockstep({"help", "run"});
        QCOMPARE(run.code, 0);
        const QString text = run.out.simplified();
        QVERIFY2(text.contains("CPU bursts, 1us to 10s (default 10ms)"), qPrintable(text));
        QVERIFY2(text.contains("after this many steps, 1 to 10000000 (default 1000000; 5000000 for a Python program)"), qPrintable(text));
        QVERIFY2(text.contains("with status trace-limit, when its trace holds 33554432 events"), qPrintable(text));
        const Result general = runLockstep({"help"});
        QVERIFY2(general.out.contains("130 interrupted (Ctrl+C)"), qPrintable(general.out));
        QVERIFY2(general.out.simplified().contains("--quantum from 1us to 10s"), qPrintable(general.out));
    }

    void listJson() {
        const Result r = runLockstep({"list", "--json", "--lang", "en"});
        QCOMPARE(r.code, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(list.size() >= 13);
        QSet<QString> ids;
        for (const auto& v : list) {
            const QJsonObject s = v.toObject();
            for (const char* key : {"id", "family", "family_title", "title", "description", "params", "listing"})
                QVERIFY2(s.contains(key), key);
            ids.insert(s["id"].toString());
        }
        for (const char* id : {"threads-start-join", "race-increment-double", "race-counter-sleep", "lock-counter",
                               "lock-vs-rlock", "deadlock-two-locks", "deadlock-ordered", "deadlock-self",
                               "semaphore-groups", "bounded-semaphore-pool", "event-set-wait",
                               "condition-producer-consumer", "queue-producer-consumers"})
            QVERIFY2(ids.contains(id), id);
    }

    // Every title and description has a Russian translation, and switching the language changes them.
    void listRussian() {
        const Result en = runLockstep({"list", "--json", "--lang", "en"});
        const Result ru = runLockstep({"list", "--json", "--lang", "ru"});
        QCOMPARE(ru.code, 0);
        const QJsonArray a = QJsonDocument::fromJson(en.out.toUtf8()).array();
        const QJsonArray b = QJsonDocument::fromJson(ru.out.toUtf8()).array();
        QCOMPARE(a.size(), b.size());
        static const QRegularExpression cyrillic("[\\x{0400}-\\x{04FF}]");
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject e = a[i].toObject(), r = b[i].toObject();
            for (const char* key : {"title", "description", "family_title"}) {
                QVERIFY2(r[key].toString().contains(cyrillic), qPrintable(r["id"].toString() + " " + key));
                QVERIFY(r[key].toString() != e[key].toString());
            }
            const QJsonArray params = r["params"].toArray();
            for (const auto& p : params)
                QVERIFY2(p.toObject()["label"].toString().contains(cyrillic), qPrintable(r["id"].toString()));
        }
    }

    void summaryKeys() {
        const Result r = runLockstep({"run", "race-counter-sleep", "--policy", "random", "--seed", "7", "--summary"});
        QCOMPARE(r.code, 0);
        const QJsonObject s = json(r.out);
        for (const char* key : {"scenario", "policy", "seed", "cores", "status", "end_time", "steps", "switches",
                                "actors", "shared", "output", "errors", "races", "replay"})
            QVERIFY2(s.contains(key), key);
        // The lost update is a data race on the counter between T1 and T2.
        const QJsonArray races = s["races"].toArray();
        QVERIFY(!races.isEmpty());
        for (const auto& r : races) {
            const QJsonObject race = r.toObject();
            QCOMPARE(race["object"].toString(), QStringLiteral("counter"));
            for (const char* side : {"first", "second"})
                for (const char* key : {"step", "actor", "access"}) QVERIFY(race[side].toObject().contains(key));
        }
        QVERIFY(json(runLockstep({"run", "lock-counter", "--summary"}).out)["races"].toArray().isEmpty());
        QCOMPARE(s["scenario"].toString(), QStringLiteral("race-counter-sleep"));
        QCOMPARE(s["policy"].toString(), QStringLiteral("random"));
        QCOMPARE(s["seed"].toInt(), 7);
        QCOMPARE(s["status"].toString(), QStringLiteral("finished"));
        QCOMPARE(s["end_time"].toDouble(), 0.1);
        const int counter = s["shared"].toObject()["counter"].toInt();
        QVERIFY2(counter == 10 || counter == 20, qPrintable(QString::number(counter)));
        const QJsonArray actors = s["actors"].toArray();
        QCOMPARE(actors.size(), 3);
        QSet<qint64> tids;
        for (const auto& a : actors) {
            const QJsonObject o = a.toObject();
            for (const char* key : {"name", "kind", "tid", "pid", "end_state"}) QVERIFY2(o.contains(key), key);
            QCOMPARE(o["end_state"].toString(), QStringLiteral("finished"));
            tids.insert(o["tid"].toInteger());
        }
        QCOMPARE(tids.size(), 3);  // each actor ran on its own OS thread
        const QJsonArray output = s["output"].toArray();
        QCOMPARE(output.size(), 1);
        QCOMPARE(output[0].toObject()["text"].toString(), QStringLiteral("counter = %1").arg(counter));
        QCOMPARE(output[0].toObject()["actor"].toString(), QStringLiteral("MainThread"));
    }

    // The verdict of race-counter-sleep: its lost update, the value one after the other (30) and the two stores'
    // steps; and in --events each load and store carries its value.
    void summaryHasVerdict() {
        const Result r = runLockstep({"run", "race-counter-sleep", "--summary", "--events"});
        QCOMPARE(r.code, 0);
        const QJsonObject s = json(r.out);
        const QJsonObject verdict = s["verdict"].toObject();
        QCOMPARE(verdict["kind"].toString(), QStringLiteral("lost_update"));
        QCOMPARE(verdict["steps"].toArray(), (QJsonArray{11, 13}));
        QCOMPARE(verdict["sequential"].toObject()["status"].toString(), QStringLiteral("finished"));
        QCOMPARE(verdict["sequential"].toObject()["shared"].toObject()["counter"].toInt(), 30);
        const QJsonObject lost = verdict["items"].toArray().first().toObject();
        QCOMPARE(lost["object"].toString(), QStringLiteral("counter"));
        QCOMPARE(lost["value"].toInt(), 20);
        QCOMPARE(lost["sequential"].toInt(), 30);
        QCOMPARE(lost["lost_store"].toObject()["actor"].toString(), QStringLiteral("T1"));
        QCOMPARE(lost["overwritten_by"].toObject()["actor"].toString(), QStringLiteral("T2"));
        QCOMPARE(verdict["sentences"].toArray().first().toString(),
                 QStringLiteral("counter = 20; run one after the other it would be 30: an update was lost (T1's store "
                                "at step 11 was overwritten by T2's at step 13)."));
        QStringList stores;
        for (const auto& e : s["events"].toArray()) {
            const QJsonObject o = e.toObject();
            if (o["op"].toString() == "store") stores << QString::number(o["value"].toInt());
            if (o["op"].toString() == "load") QVERIFY(o.contains("value"));
        }
        QCOMPARE(stores, (QStringList{"10", "20"}));

        // The plain report ends with the verdict, in the language asked for.
        const Result plain = runLockstep({"run", "lock-counter", "--lang", "ru"});
        QCOMPARE(plain.code, 0);
        QVERIFY2(plain.out.contains(QString::fromUtf8("  verdict: counter = 30: так же, как если бы потоки выполнялись "
                                                      "один за другим.\n")),
                 qPrintable(plain.out));
        QCOMPARE(runLockstep({"run", "lock-counter", "--summary", "--lang", "ru"}).code, 2);
    }

    void eventsUsePythonNames() {
        const Result r = runLockstep({"run", "deadlock-two-locks", "--summary", "--events"});
        QCOMPARE(r.code, 0);
        const QJsonObject s = json(r.out);
        QCOMPARE(s["status"].toString(), QStringLiteral("deadlock"));
        const QJsonArray cycle = s["deadlock"].toObject()["cycle"].toArray();
        QCOMPARE(cycle.size(), 2);
        for (const auto& c : cycle)
            for (const char* key : {"actor", "waits_for", "held_by"}) QVERIFY(c.toObject().contains(key));
        QSet<QString> ops, results;
        for (const auto& e : s["events"].toArray()) {
            const QJsonObject o = e.toObject();
            for (const char* key : {"step", "t", "actor", "op", "object", "result"}) QVERIFY2(o.contains(key), key);
            ops.insert(o["op"].toString());
            results.insert(o["result"].toString());
        }
        for (const char* op : {"acquire", "start", "join", "sleep", "run"}) QVERIFY2(ops.contains(op), op);
        for (const char* res : {"acquired", "blocked", "woken", "ok"}) QVERIFY2(results.contains(res), res);
    }

    void errorsListed() {
        const Result r = runLockstep({"run", "bounded-semaphore-pool", "--summary"});
        QCOMPARE(r.code, 0);
        const QJsonArray errors = json(r.out)["errors"].toArray();
        bool found = false;
        for (const auto& e : errors) {
            const QJsonObject o = e.toObject();
            for (const char* key : {"t", "actor", "type", "message"}) QVERIFY2(o.contains(key), key);
            if (o["type"].toString() == "ValueError" && o["message"].toString().contains("released too many times"))
                found = true;
        }
        QVERIFY(found);
    }

    // An asyncio run lists its tasks (main and three workers), each with its coroutine and final state, and
    // counts them by state.
    void summaryListsTasks() {
        const Result r = runLockstep({"run", "async-three-workers", "--summary"});
        QCOMPARE(r.code, 0);
        const QJsonObject o = json(r.out);
        const QJsonArray tasks = o["tasks"].toArray();
        QCOMPARE(tasks.size(), 4);
        QCOMPARE(tasks[0].toObject()["name"].toString(), QString("Task-1"));
        QCOMPARE(tasks[0].toObject()["coro"].toString(), QString("main"));
        for (const auto& t : tasks) {
            QCOMPARE(t.toObject()["state"].toString(), QString("done"));
            QVERIFY(t.toObject()["exception"].isNull());
        }
        QCOMPARE(tasks[1].toObject()["coro"].toString(), QString("worker"));
        QCOMPARE(o["task_counts"].toObject()["done"].toInt(), 4);
        QCOMPARE(o["task_counts"].toObject()["cancelled"].toInt(), 0);
        // A threads-only run has no tasks key.
        QVERIFY(!json(runLockstep({"run", "lock-counter", "--summary"}).out).contains("tasks"));
    }

    // A run with multiprocessing lists its processes: name, pid, exit code (null until it ended, -N when
    // signal N ended it, null pid and exit code for one never started).
    void summaryListsProcesses() {
        lockstep::WorkerPool pool;
        lockstep::Trace trace;
        {
            lockstep::Execution ex(pool, trace, lockstep::RunConfig{}, [] {
                mp::Process three(&exitsWith, {3}, {.name = "three"});
                mp::Process victim(&sleepsLong, {}, {.name = "victim"});
                mp::Process idle(&exitsWith, {0}, {.name = "idle"});
                three.start();
                victim.start();
                three.join();
                victim.terminate();
                victim.join();
            });
            ex.runToEnd();
        }
        const QJsonObject o = lockstep::app::summaryJson(trace, "processes", lockstep::RunConfig{}, false);
        const QJsonArray processes = o["processes"].toArray();
        QCOMPARE(processes.size(), 3);
        const QJsonObject three = processes[0].toObject(), victim = processes[1].toObject(), idle = processes[2].toObject();
        QCOMPARE(three["name"].toString(), QStringLiteral("three"));
        QCOMPARE(three["exitcode"].toInt(), 3);
        QCOMPARE(three["pid"].toInteger(), trace.actor(trace.findActor("three")).pid);
        QVERIFY(three["pid"].toInteger() != QCoreApplication::applicationPid());
        QCOMPARE(victim["exitcode"].toInt(), -15);
        QVERIFY(victim["pid"].toInteger() > 0 && victim["pid"] != three["pid"]);
        QCOMPARE(idle["name"].toString(), QStringLiteral("idle"));
        QVERIFY(idle["pid"].isNull());
        QVERIFY(idle["exitcode"].isNull());
        for (const auto& p : processes) QCOMPARE(p.toObject().keys(), (QStringList{"exitcode", "name", "pid"}));

        // The command line says the same of a scenario's processes; a run without any has no such key.
        const QJsonObject pipe = json(runLockstep({"run", "process-pipe", "--summary"}).out);
        const QJsonArray listed = pipe["processes"].toArray();
        QCOMPARE(listed.size(), 2);
        for (const auto& p : listed) {
            QCOMPARE(p.toObject()["exitcode"].toInt(), 0);
            QVERIFY(p.toObject()["pid"].toInteger() > 0);
        }
        QVERIFY(!json(runLockstep({"run", "lock-counter", "--summary"}).out).contains("processes"));
    }

    // A replay token reproduces the run exactly, whatever policy produced it.
    void replayReproduces() {
        const Result first = runLockstep({"run", "race-increment-double", "--policy", "random", "--seed", "11", "--summary", "--events"});
        const QJsonObject a = json(first.out);
        const Result again = runLockstep({"run", "--replay", a["replay"].toString(), "--summary", "--events"});
        QCOMPARE(again.code, 0);
        const QJsonObject b = json(again.out);
        QCOMPARE(b["events"].toArray().size(), a["events"].toArray().size());
        QCOMPARE(b["shared"], a["shared"]);
        QVERIFY(b["events"] == a["events"]);
        QCOMPARE(b["replay"].toString(), a["replay"].toString());
    }

    void scheduleForcesChoices() {
        // The first decision with a choice is right after MainThread starts T1: forcing T1 switches to it.
        const Result r = runLockstep({"run", "race-counter-sleep", "--policy", "manual", "--schedule", "T1", "--summary", "--events"});
        QCOMPARE(r.code, 0);
        const QJsonObject s = json(r.out);
        QCOMPARE(s["status"].toString(), QStringLiteral("finished"));
        QString firstSwitch;
        for (const auto& e : s["events"].toArray())
            if (e.toObject()["op"] == "switch") {
                firstSwitch = e.toObject()["actor"].toString();
                break;
            }
        QCOMPARE(firstSwitch, QStringLiteral("T1"));
        // A schedule that names no thread of the run is bad input, not a run that ended in error.
        const Result bad = runLockstep({"run", "race-counter-sleep", "--policy", "manual", "--schedule", "T9", "--summary"});
        QCOMPARE(bad.code, 2);
        QCOMPARE(bad.out, QString());
        QCOMPARE(bad.err, QStringLiteral("lockstep: --schedule: schedule entry 1 names 'T9', which is no thread of this "
                                         "run; at step 2 the choices are: MainThread, T1\n"));
    }

    void exploreJson() {
        const Result r = runLockstep({"explore", "race-counter-sleep", "--strategy", "random", "--runs", "300", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject s = json(r.out);
        for (const char* key : {"scenario", "runs", "distinct", "outcomes"}) QVERIFY2(s.contains(key), key);
        QCOMPARE(s["runs"].toInt(), 300);
        QSet<int> values;
        int total = 0;
        for (const auto& o : s["outcomes"].toArray()) {
            const QJsonObject x = o.toObject();
            values.insert(x["outcome"].toObject()["shared"].toObject()["counter"].toInt());
            total += x["count"].toInt();
            // each outcome's replay token reproduces it
            const QJsonObject replay = json(runLockstep({"run", "--replay", x["replay"].toString(), "--summary"}).out);
            QCOMPARE(replay["shared"], x["outcome"].toObject()["shared"]);
        }
        QCOMPARE(total, 300);
        QCOMPARE(values, (QSet<int>{10, 20}));
        QCOMPARE(s["distinct"].toInt(), 2);
        QCOMPARE(s["exhaustive"].toBool(), false);
        QCOMPARE(s["strategy"].toString(), QStringLiteral("random"));
    }

    // The default strategy is the systematic one: it proves the lock version always gives 30 and says so,
    // and finds all four outcomes of the add-or-double race.
    void exploreDfsIsExhaustive() {
        const QJsonObject lock = json(runLockstep({"explore", "lock-counter", "--json"}).out);
        QCOMPARE(lock["strategy"].toString(), QStringLiteral("dfs"));
        QCOMPARE(lock["exhaustive"].toBool(), true);
        QCOMPARE(lock["distinct"].toInt(), 1);
        QCOMPARE(lock["outcomes"].toArray()[0].toObject()["outcome"].toObject()["shared"].toObject()["counter"].toInt(), 30);
        const QJsonObject race = json(runLockstep({"explore", "race-increment-double", "--json"}).out);
        QCOMPARE(race["exhaustive"].toBool(), true);
        QSet<int> xs;
        for (const auto& o : race["outcomes"].toArray())
            xs.insert(o.toObject()["outcome"].toObject()["shared"].toObject()["x"].toInt());
        QCOMPARE(xs, (QSet<int>{3, 4, 5, 6}));
        // Plain DFS finds the same and needs more runs; a bound or a budget makes the answer "not exhaustive".
        const QJsonObject plain = json(runLockstep({"explore", "race-increment-double", "--no-reduction", "--runs", "100000", "--json"}).out);
        QCOMPARE(plain["exhaustive"].toBool(), true);
        QCOMPARE(plain["distinct"].toInt(), 4);
        QVERIFY(plain["runs"].toInt() > race["runs"].toInt());
        const QJsonObject bounded = json(runLockstep({"explore", "race-increment-double", "--max-preemptions", "0", "--json"}).out);
        QCOMPARE(bounded["exhaustive"].toBool(), false);
        QVERIFY(bounded["not_exhaustive_because"].toString().contains("preemption bound 0"));
        const Result text = runLockstep({"explore", "race-increment-double", "--runs", "3"});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains("not exhaustive: stopped at --runs 3"), qPrintable(text.out));
    }

    void chromeTrace() {
        QTemporaryDir dir;
        const QString path = dir.filePath("t.json");
        const Result r = runLockstep({"run", "deadlock-two-locks", "--trace", path});
        QCOMPARE(r.code, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject t = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray events = t["traceEvents"].toArray();
        QVERIFY(events.size() > 10);
        QSet<QString> threadNames, phases;
        for (const auto& e : events) {
            const QJsonObject o = e.toObject();
            phases.insert(o["ph"].toString());
            if (o["name"] == "thread_name") threadNames.insert(o["args"].toObject()["name"].toString());
        }
        QVERIFY(phases.contains("X") && phases.contains("i") && phases.contains("M"));
        bool t1 = false, lock = false;
        for (const QString& n : threadNames) {
            t1 = t1 || n.startsWith("T1 (tid ");
            lock = lock || n == "lock_a";
        }
        QVERIFY2(t1 && lock, qPrintable(QStringList(threadNames.values()).join(", ")));
    }

    // `run --export` draws the timeline without a window, in the format the extension names.
    void exportTimeline_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("magic");
        QTest::newRow("png") << "t.png" << QByteArray("\x89PNG");
        QTest::newRow("svg") << "t.svg" << QByteArray("<?xml");
        QTest::newRow("pdf") << "t.pdf" << QByteArray("%PDF");
    }
    void exportTimeline() {
        QFETCH(QString, file);
        QFETCH(QByteArray, magic);
        QTemporaryDir dir;
        const QString path = dir.filePath(file);
        const Result r = runLockstep({"run", "semaphore-groups", "--export", path, "--width", "1200"});
        QCOMPARE(r.code, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith(magic));
        if (file.endsWith(".svg")) {
            for (const char* lane : {"MainThread", "T1", "T7", "slots"}) QVERIFY2(bytes.contains(lane), lane);
        }
        if (file.endsWith(".png")) {
            QImage image;
            QVERIFY(image.loadFromData(bytes));
            QCOMPARE(image.width(), 1200);
        }
    }
    // Slide-ready: the scenario's title in the chosen language and a caption (how it ended, policy, seed,
    // steps); --scale draws larger in the same width; --steps-range exports a part of the run.
    void exportForSlides() {
        QTemporaryDir dir;
        const QString en = dir.filePath("en.svg"), ru = dir.filePath("ru.svg");
        QCOMPARE(runLockstep({"run", "race-counter-sleep", "--export", en}).code, 0);
        QCOMPARE(runLockstep({"run", "race-counter-sleep", "--export", ru, "--lang", "ru"}).code, 0);
        const auto read = [](const QString& path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        const QString enSvg = read(en), ruSvg = read(ru);
        QVERIFY2(enSvg.contains("Lost update: read, sleep, write"), qPrintable(enSvg.left(2000)));
        QVERIFY(enSvg.contains(QString("finished · round-robin, seed 1 · 17 steps")));
        QVERIFY(ruSvg.contains(QString("Потерянное обновление: чтение, пауза, запись")));
        // The SVG breaks a line of mixed scripts into runs of text: each run on its own.
        for (const QString& piece : {QString("завершён · циклическая ("), QString("зерно 1 · 17 шагов")})
            QVERIFY2(ruSvg.contains(piece), qPrintable(piece));

        const QString one = dir.filePath("one.png"), two = dir.filePath("two.png"), half = dir.filePath("half.png");
        QCOMPARE(runLockstep({"run", "race-counter-sleep", "--export", one, "--width", "1200"}).code, 0);
        QCOMPARE(runLockstep({"run", "race-counter-sleep", "--export", two, "--width", "1200", "--scale", "2"}).code, 0);
        QCOMPARE(runLockstep({"run", "race-counter-sleep", "--export", half, "--width", "600"}).code, 0);
        QImage a(one), b(two), c(half);
        QCOMPARE(a.width(), 1200);
        QCOMPARE(b.width(), 1200);
        // Scale 2 at 1200 px is the 600-px picture drawn twice as large.
        QCOMPARE(b.height(), 2 * c.height());
        QVERIFY(b.height() > a.height());

        const QString part = dir.filePath("part.svg");
        QCOMPARE(runLockstep({"run", "race-counter-sleep", "--export", part, "--steps-range", "9:13"}).code, 0);
        QVERIFY(read(part).contains("T2"));
        Result r = runLockstep({"run", "race-counter-sleep", "--export", part, "--steps-range", "9:99"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("the run has 17 steps: steps 9 to 99 are not all in it"), qPrintable(r.err));
        for (const QStringList& bad : {QStringList{"--steps-range", "0:3"}, QStringList{"--steps-range", "5"},
                                       QStringList{"--steps-range", "9:3"}, QStringList{"--scale", "9"},
                                       QStringList{"--scale", "x"}, QStringList{"--scale", "4", "--width", "400"}}) {
            r = runLockstep(QStringList{"run", "race-counter-sleep", "--export", part} + bad);
            QVERIFY2(r.code == 2, qPrintable(bad.join(' ') + ": " + r.err));
        }
        QCOMPARE(runLockstep({"run", "race-counter-sleep", "--scale", "2"}).code, 2);  // --scale needs --export
    }

    void exportErrors() {
        QTemporaryDir dir;
        QCOMPARE(runLockstep({"run", "semaphore-groups", "--export", dir.filePath("t.bmp")}).code, 2);
        QCOMPARE(runLockstep({"run", "semaphore-groups", "--export", dir.filePath("t.png"), "--width", "5"}).code, 2);
        // An unwritable path is found before the run: nothing runs, nothing is printed but the reason.
        const Result r = runLockstep({"run", "semaphore-groups", "--export", "/nonexistent/dir/t.png"});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.endsWith("lockstep: --export: cannot write '/nonexistent/dir/t.png': no such directory: "
                                "/nonexistent/dir\n"),
                 qPrintable(r.err));
    }

    // `compare` runs gil-cpu-bound per thread count x GIL x cores; its JSON holds every run's numbers, the
    // same a single `run` of that setting gives.
    // A learner's program is compared with the threads it starts, the GIL on and off, on 1 and 2 cores: two
    // threads computing a function take as long as the single run with the GIL on, and half that with it off on
    // 2 cores (a free-threaded Python).
    void compareAProgram() {
        QTemporaryDir dir;
        const QString path =
            writeProgram(dir, "cpu.py",
                         "import threading\n\ndef crunch(n):\n    total = 0\n    for i in range(n):\n        total += i\n\n"
                         "ts = [threading.Thread(target=crunch, args=(5000,)) for _ in range(2)]\nfor t in ts:\n"
                         "    t.start()\nfor t in ts:\n    t.join()\n");
        QVERIFY(!path.isEmpty());
        const Result r = runLockstep({"compare", path, "--json"});
        QCOMPARE(r.code, 0);
        const QJsonArray runs = json(r.out)["runs"].toArray();
        QCOMPARE(runs.size(), 4);
        QMap<QString, double> elapsed;
        for (const auto& v : runs) {
            const QJsonObject run = v.toObject();
            QVERIFY(run["threads"].isNull());  // the program's own
            QCOMPARE(run["status"].toString(), QStringLiteral("finished"));
            QVERIFY(run["cpu_time"].toDouble() > 0);
            elapsed[QStringLiteral("%1/%2").arg(run["gil"].toBool() ? "on" : "off").arg(run["cores"].toInt())] =
                run["elapsed"].toDouble();
        }
        QCOMPARE(elapsed.keys(), (QStringList{"off/1", "off/2", "on/1", "on/2"}));
        QCOMPARE(elapsed["on/2"], elapsed["on/1"]);
        QCOMPARE(elapsed["off/1"], elapsed["on/1"]);
        QVERIFY2(elapsed["off/2"] < 0.6 * elapsed["on/1"], qPrintable(r.out));
        const Result table = runLockstep({"compare", path});
        QVERIFY2(table.out.contains("speed-up: against the GIL on 1 core"), qPrintable(table.out));
        QVERIFY2(table.out.contains("    own  off      2"), qPrintable(table.out));
        const Result refused = runLockstep({"compare", path, "--threads", "1,2"});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains("starts the threads it starts"), qPrintable(refused.err));
    }

    void compareJson() {
        const Result r = runLockstep({"compare", "gil-cpu-bound", "--param", "io_thread=0", "--json"});
        QCOMPARE(r.code, 0);
        const QJsonObject c = json(r.out);
        for (const char* key : {"scenario", "policy", "seed", "quantum", "switch_interval", "params", "runs"})
            QVERIFY2(c.contains(key), key);
        QCOMPARE(c["scenario"].toString(), QStringLiteral("gil-cpu-bound"));
        QVERIFY(!c["params"].toObject().contains("threads"));  // each run sets its own
        QCOMPARE(c["params"].toObject()["io_thread"].toInt(), 0);
        const QJsonArray runs = c["runs"].toArray();
        QCOMPARE(runs.size(), 12);
        QMap<QString, double> elapsed;
        for (const auto& v : runs) {
            const QJsonObject run = v.toObject();
            for (const char* key : {"threads", "gil", "cores", "status", "elapsed", "speedup", "cpu_time", "core_busy",
                                    "gil_wait", "core_wait", "gil_handovers"})
                QVERIFY2(run.contains(key), key);
            QCOMPARE(run["status"].toString(), QStringLiteral("finished"));
            QCOMPARE(run["core_busy"].toArray().size(), run["cores"].toInt());
            QCOMPARE(run["cpu_time"].toDouble(), 0.4);
            elapsed[QStringLiteral("%1/%2/%3").arg(run["threads"].toInt()).arg(run["gil"].toBool() ? "on" : "off").arg(run["cores"].toInt())] =
                run["elapsed"].toDouble();
        }
        QCOMPARE(elapsed.size(), 12);
        for (const char* cores : {"1", "4"})
            QVERIFY(elapsed[QStringLiteral("4/on/%1").arg(cores)] >= elapsed[QStringLiteral("1/on/%1").arg(cores)]);
        QCOMPARE(elapsed["4/off/4"], elapsed["1/off/4"] / 4);
        QCOMPARE(elapsed["4/off/1"], elapsed["1/off/1"]);
        // The same setting run on its own ends at the same virtual time.
        const QJsonObject single = json(runLockstep({"run", "gil-cpu-bound", "--param", "io_thread=0", "--param", "threads=2",
                                                  "--gil", "off", "--cores", "4", "--summary"}).out);
        QCOMPARE(single["end_time"].toDouble(), elapsed["2/off/4"]);
    }

    void compareTable() {
        const Result r = runLockstep({"compare", "gil-cpu-bound", "--threads", "1,4", "--gil", "off", "--cores", "4"});
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split('\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.first().startsWith("gil-cpu-bound: 2 runs, policy rr, seed 1"), qPrintable(lines.first()));
        const int header = int(lines.indexOf(QRegularExpression("^threads +GIL +cores +elapsed +speed-up.*")));
        QVERIFY2(header > 0, qPrintable(r.out));
        QCOMPARE(lines.size(), header + 3);
        QVERIFY2(lines[header + 1].contains(QRegularExpression("^ +1 +off +4 +0\\.4\\d\\d s +x1\\.00 ")), qPrintable(lines[header + 1]));
        QVERIFY2(lines[header + 2].contains(QRegularExpression("^ +4 +off +4 +0\\.1\\d\\d s +x3\\.9\\d ")), qPrintable(lines[header + 2]));
        QVERIFY(lines[header + 2].contains("finished"));
    }

    void humanOutput() {
        const Result r = runLockstep({"run", "threads-start-join"});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("threads-start-join: finished at t=2.000 s"), qPrintable(r.out));
        QVERIFY(r.out.contains("replay: ls1:threads-start-join:"));
        // A run cut off at its step limit says so, and its values are the ones it had then, not final ones.
        const Result cut = runLockstep({"run", "lock-counter", "--max-steps", "10"});
        QCOMPARE(cut.code, 0);
        QVERIFY2(cut.out.contains("step-limit") && cut.out.contains("reached the step limit of 10 steps"), qPrintable(cut.out));
        QVERIFY2(cut.out.contains("(when the run stopped)"), qPrintable(cut.out));
        QVERIFY2(!r.out.contains("(when the run stopped)"), qPrintable(r.out));
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestCli)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_cli.moc"
