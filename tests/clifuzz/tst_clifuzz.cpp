// Fuzzing the command line in this process: random and mutated command lines and replay tokens go to the
// same entry point main() uses (lockstep::app::runInProcess: every command, and the window's arguments up to
// the window itself). Whatever they are, the program must not crash (ASan watches in CI), must not hang (a
// watchdog asks a slow case to stop, as Ctrl+C would, and fails the test if it does not), must exit with 0,
// 1, 2 or 130, and must say something on every non-zero exit.
//
// Seeded and bounded in time: case i is generated from (seed, i) alone, so a failure names the case and
//   LOCKSTEP_FUZZ_SEED=<seed> LOCKSTEP_FUZZ_CASE=<i> tst_clifuzz
// runs exactly that one again. LOCKSTEP_FUZZ_SECONDS sets the budget (default 45; past 300 s, raise QtTest's
// own limit too: QTEST_FUNCTION_TIMEOUT, in milliseconds).

#include "common/TestMain.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>

#include "cli/Cli.h"
#include "cli/WindowArgs.h"
#include "lockstep/scenarios/Registry.h"

namespace {

using lockstep::app::runInProcess;

std::int64_t envNumber(const char* name, std::int64_t fallback) {
    bool ok = false;
    const std::int64_t v = qEnvironmentVariable(name).toLongLong(&ok);
    return ok ? v : fallback;
}

// Values that have broken parsers before, or sit on a bound.
const QStringList kInteresting{
    "", "0", "1", "-1", "2", "8", "9", "255", "256", "65533", "65534", "65535", "65536", "2147483647", "2147483648",
    "-2147483649", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808", "18446744073709551615",
    "18446744073709551616", "99999999999999999999999999", "1e9", "1e400", "nan", "inf", "-0", "+5", " 5 ", "0x10", "1.5",
    ".", "..", "1ns", "999ns", "1us", "1µs", "0.001ms", "10ms", "0.5s", "10s", "11s", "10000000", "10000001",
    "1000000000", "T1", "T2", "MainThread", "Nobody", "T1,T2,T1", ",,,", "0,1,2", "70000", "a=b", "=", "=5",
    "threads=0", "threads=8", "threads=9", "tasks=-5", "bytecode=1", "on", "off", "maybe", "rr", "random", "coop",
    "manual", "dfs", "pct", "en", "ru", "de", "steps", "time", "learn", "full", "-", "--", "--help", "\xef\xbf\xbd", "\t", "%s%n",
    QString(3000, 'A'), "ls1", "ls1:", ":::::::::::", "ls1:race-counter-sleep:rr:1:1:0:10000000:5000000:1000000:-:-"};

const QStringList kOptionsWithValue{"--policy", "--seed", "--cores", "--gil", "--quantum", "--max-steps", "--param",
                                    "--schedule", "--replay", "--trace", "--export", "--width", "--axis", "--strategy",
                                    "--runs", "--max-preemptions", "--depth", "--threads", "--lang", "--steps",
                                    "--screenshot", "--layout"};
const QStringList kFlags{"--summary", "--events", "--story", "--json", "--no-reduction", "--explore", "--help", "-h",
                         "--version", "--bogus", "-x"};
const QStringList kCommands{"run", "explore", "compare", "list", "help", "rn", "runn", "explor", "lst", "",
                            "race-counter-sleep", "--help", "--version", "fly"};

class Generator {
public:
    Generator(quint64 seed, quint64 index, const QStringList& paths, const QStringList& tokens,
              const QStringList& corpus)
        : rng_(static_cast<quint32>(seed * 2654435761u + index * 40503u + 1)),
          rngHigh_(static_cast<quint32>((seed ^ (index << 17)) + index)),
          paths_(paths), tokens_(tokens), corpus_(corpus) {}

    QStringList next() {
        QStringList args{"lockstep"};
        switch (below(10)) {
            case 0: args << randomLine(); break;
            case 1: case 2: args << mutateToken(); break;
            default: args << mutateLine(); break;
        }
        return args;
    }

private:
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(rng_.bounded(static_cast<quint32>(n))); }
    template <typename T>
    const T& pick(const QList<T>& list) { return list[below(static_cast<int>(list.size()))]; }

    QString scenarioId() {
        const auto& all = lockstep::scenarios::all();
        if (below(6) == 0) return pick(paths_);
        QString id = QString::fromStdString(all[static_cast<std::size_t>(below(static_cast<int>(all.size())))].id);
        if (below(8) == 0) id = mangle(id);
        return id;
    }

    QString mangle(QString s) {
        const int edits = 1 + below(3);
        for (int e = 0; e < edits; ++e) {
            const int at = s.isEmpty() ? 0 : below(static_cast<int>(s.size()));
            switch (below(4)) {
                case 0: if (!s.isEmpty()) s.remove(at, 1); break;
                case 1: s.insert(at, QChar(static_cast<char16_t>(0x20 + below(0x5f)))); break;
                case 2: if (!s.isEmpty()) s[at] = QChar(static_cast<char16_t>(0x20 + below(0x5f))); break;
                default: s.insert(at, pick(kInteresting).left(8)); break;
            }
        }
        return s;
    }

    QString value(const QString& option) {
        if (below(3) == 0) return pick(kInteresting);
        if (option == "--trace" || option == "--export" || option == "--screenshot") return pick(paths_);
        if (option == "--replay") return below(2) ? pick(tokens_) : mutateToken().value(2);
        if (option == "--param") {
            static const QStringList keys{"threads", "tasks", "by1", "delay_ms", "bytecode", "work_ms", "slots",
                                          "io_thread", "items", "speed", ""};
            return pick(keys) + "=" + pick(kInteresting);
        }
        return pick(kInteresting);
    }

    QStringList randomLine() {
        QStringList args;
        args << pick(kCommands);
        if (below(3)) args << scenarioId();
        const int n = below(6);
        for (int i = 0; i < n; ++i) {
            if (below(3) == 0) {
                args << pick(kFlags);
            } else {
                const QString& option = pick(kOptionsWithValue);
                if (below(5) == 0) args << option + "=" + value(option);
                else args << option << value(option);
            }
        }
        return args;
    }

    QStringList mutateLine() {
        QStringList args = pick(corpus_).split(' ', Qt::SkipEmptyParts);
        const int edits = 1 + below(3);
        for (int e = 0; e < edits; ++e) {
            const int at = args.isEmpty() ? 0 : below(static_cast<int>(args.size()));
            switch (below(7)) {
                case 0: if (!args.isEmpty()) args.removeAt(at); break;
                case 1: if (!args.isEmpty()) args.insert(at, args[at]); break;
                case 2: if (!args.isEmpty()) args[at] = pick(kInteresting); break;
                case 3: if (!args.isEmpty()) args[at] = mangle(args[at]); break;
                case 4: {
                    const QString& option = pick(kOptionsWithValue);
                    args.insert(at, value(option));
                    args.insert(at, option);
                    break;
                }
                case 5: args.insert(at, pick(kFlags)); break;
                default: if (args.size() > 1) args[1] = scenarioId(); break;
            }
        }
        return args;
    }

    // A replay token with some of its fields replaced, dropped, repeated or garbled.
    QStringList mutateToken() {
        QStringList fields = pick(tokens_).split(':');
        const int edits = 1 + below(3);
        for (int e = 0; e < edits; ++e) {
            const int at = below(static_cast<int>(fields.size()));
            switch (below(8)) {
                case 0: fields[at] = pick(kInteresting); break;
                case 1: fields[at] = mangle(fields[at]); break;
                case 2: fields.removeAt(at); break;
                case 3: fields.insert(at, fields[at]); break;
                case 4: fields[at] = QString::number(rngHigh_.generate64()); break;
                case 5: {
                    // decisions: numbers and repeats, some far out of any run
                    QStringList decisions;
                    const int n = 1 + below(6);
                    for (int d = 0; d < n; ++d) {
                        QString entry = below(4) ? QString::number(below(6)) : pick(kInteresting);
                        if (below(3) == 0) entry += "x" + (below(2) ? QString::number(below(100) + 1) : pick(kInteresting));
                        decisions << entry;
                    }
                    fields[fields.size() - 1] = decisions.join('.');
                    break;
                }
                case 6: {
                    static const QStringList params{"threads=0", "threads=200", "tasks=-5", "speed=3", "by1=10,by1=11",
                                                    "delay_ms=100000", "bytecode=7", "=", "a", "threads=9223372036854775807"};
                    if (fields.size() > 9) fields[9] = pick(params);
                    break;
                }
                default: if (fields.size() > 1) fields[1] = scenarioId(); break;
            }
        }
        QStringList args{below(4) ? "run" : "explore"};
        args << "--replay" << fields.join(':');
        if (below(3) == 0) args << "--summary";
        if (below(4) == 0) args << "--max-steps" << pick(kInteresting);
        return args;
    }

    QRandomGenerator rng_;
    QRandomGenerator rngHigh_;
    const QStringList& paths_;
    const QStringList& tokens_;
    const QStringList& corpus_;
};

// Asks a case that runs too long to stop (as Ctrl+C does), and gives up on the process when even that fails.
class Watchdog {
public:
    Watchdog(std::chrono::milliseconds patience, std::chrono::milliseconds hang)
        : patience_(patience), hang_(hang), thread_([this] { loop(); }) {}
    ~Watchdog() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    void begin(const QString& description) {
        std::lock_guard lock(mutex_);
        current_ = description;
        started_ = std::chrono::steady_clock::now();
        running_ = true;
        interrupts_ = 0;
    }
    int end() {
        std::lock_guard lock(mutex_);
        running_ = false;
        return interrupts_;
    }

private:
    void loop() {
        std::unique_lock lock(mutex_);
        while (!stop_) {
            wake_.wait_for(lock, std::chrono::milliseconds(100));
            if (!running_) continue;
            const auto elapsed = std::chrono::steady_clock::now() - started_;
            if (elapsed > hang_) {
                std::fprintf(stderr, "FUZZ HANG: still running after the interrupt: %s\n", qPrintable(current_));
                std::fflush(stderr);
                std::abort();
            }
            // Asked again every half second: an interrupt that lands before the case looks for one is not lost.
            if (elapsed > patience_ + interrupts_ * std::chrono::milliseconds(500)) {
                ++interrupts_;
                lockstep::app::requestInterrupt();
            }
        }
    }

    const std::chrono::milliseconds patience_;
    const std::chrono::milliseconds hang_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    bool running_ = false;
    int interrupts_ = 0;
    QString current_;
    std::chrono::steady_clock::time_point started_;
    std::thread thread_;
};

QString describe(quint64 seed, std::int64_t index, const QStringList& args) {
    QStringList quoted;
    for (const QString& a : args.mid(1)) quoted << "'" + QString(a).replace("'", "'\\''") + "'";
    return QStringLiteral("case %1 (LOCKSTEP_FUZZ_SEED=%2 LOCKSTEP_FUZZ_CASE=%1): lockstep %3")
        .arg(index)
        .arg(seed)
        .arg(quoted.join(' ').left(600));
}

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

}  // namespace

class TestCliFuzz : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        // Output files a mutation names by accident land here, not beside the test.
        QDir::setCurrent(dir_.path());
        writeFile(dir_.filePath("counter.py"),
                  "import threading\ntotal = 0\ndef add():\n    global total\n    for _ in range(3):\n        total += 1\n"
                  "ts = [threading.Thread(target=add) for _ in range(2)]\nfor t in ts:\n    t.start()\nfor t in ts:\n"
                  "    t.join()\nprint(total)\n");
        writeFile(dir_.filePath("loop.py"), "x = 0\nwhile True:\n    x += 1\n");
        writeFile(dir_.filePath("raises.py"), "import threading\ndef f():\n    raise ValueError('no')\n"
                                              "t = threading.Thread(target=f)\nt.start()\nt.join()\nraise KeyError(1)\n");
        writeFile(dir_.filePath("syntax.py"), "def (:\n");
        writeFile(dir_.filePath("big.py"), QByteArray((1 << 20) + 10, '#'));
        QDir(dir_.path()).mkdir("folder.py");
        QVERIFY(::mkfifo(QFile::encodeName(dir_.filePath("fifo.py")).constData(), 0600) == 0);
        paths_ = QStringList{dir_.filePath("counter.py"), dir_.filePath("loop.py"), dir_.filePath("raises.py"),
                             dir_.filePath("syntax.py"), dir_.filePath("big.py"), dir_.filePath("folder.py"),
                             dir_.filePath("fifo.py"), dir_.filePath("missing.py"), dir_.filePath("out.json"),
                             dir_.filePath("out.png"), dir_.filePath("out.svg"), "/dev/null", "/dev/zero", "/dev/full",
                             "/nonexistent/x.json", "/", dir_.path()};
        corpus_ = QStringList{
            "run race-counter-sleep",
            "run race-increment-double --policy random --seed 4 --summary",
            "run deadlock-two-locks --summary --events",
            "run race-counter-sleep --policy manual --schedule T1,T2",
            "run semaphore-groups --max-steps 50 --summary",
            "run gil-cpu-bound --gil on --quantum 1ms --param threads=2",
            "run thread-local --param threads=3",
            "run async-gather-two --summary",
            "run process-pipe --summary",
            "run lock-counter --trace " + dir_.filePath("out.json"),
            "run threads-start-join --export " + dir_.filePath("out.svg") + " --width 800",
            "run " + dir_.filePath("counter.py") + " --summary",
            "run " + dir_.filePath("raises.py"),
            "run " + dir_.filePath("loop.py") + " --max-steps 300",
            "explore race-increment-double --json",
            "explore lock-counter --strategy random --runs 20",
            "explore " + dir_.filePath("raises.py") + " --runs 5 --json",
            "explore race-counter-sleep --strategy pct --runs 10 --depth 2",
            "explore race-increment-double --max-preemptions 1",
            "compare gil-cpu-bound --threads 1,2 --gil on --cores 1",
            "list --json --lang ru",
            "list",
            "help run",
            "race-counter-sleep --steps 4",
            "race-counter-sleep --axis time --lang ru --screenshot " + dir_.filePath("shot.png"),
            dir_.filePath("counter.py") + " --steps 2",
        };
        // Real tokens, so that mutations start from something the reader accepts.
        for (const QString& line : {QStringLiteral("run race-counter-sleep --policy random --seed 3 --summary"),
                                    QStringLiteral("run gil-cpu-bound --gil on --cores 4 --summary"),
                                    QStringLiteral("run thread-local --summary"),
                                    QStringLiteral("run async-gather-many --param tasks=5 --summary")}) {
            QString out, err;
            QCOMPARE(runInProcess(QStringList{"lockstep"} + line.split(' '), out, err), 0);
            const QString token = QJsonDocument::fromJson(out.toUtf8()).object()["replay"].toString();
            QVERIFY2(token.startsWith("ls1:"), qPrintable(err));
            tokens_ << token;
        }
        tokens_ << "ls1:" + dir_.filePath("counter.py") + ":random:1:1:0:10000000:5000000:1000000:bytecode=0:-";
    }

    void fuzz() {
        const quint64 seed = static_cast<quint64>(envNumber("LOCKSTEP_FUZZ_SEED", 15));
        const std::int64_t only = envNumber("LOCKSTEP_FUZZ_CASE", -1);
        const std::int64_t budgetMs = envNumber("LOCKSTEP_FUZZ_SECONDS", 45) * 1000;
        // A case may take a few seconds of honest work (a long exploration) before it is asked to stop; once
        // asked, it has two minutes: stopping is quick, but printing a long partial run (--events) is not.
        Watchdog watchdog(std::chrono::seconds(3), std::chrono::seconds(120));
        std::map<int, int> codes;
        QElapsedTimer clock;
        clock.start();
        std::int64_t cases = 0, interruptedByWatchdog = 0;
        qint64 slowestMs = -1;
        QString slowest;
        for (std::int64_t i = only >= 0 ? only : 0; only >= 0 ? i == only : clock.elapsed() < budgetMs; ++i) {
            const QStringList args = Generator(seed, static_cast<quint64>(i), paths_, tokens_, corpus_).next();
            const QString what = describe(seed, i, args);
            QString out, err;
            watchdog.begin(what);
            QElapsedTimer caseClock;
            caseClock.start();
            const int code = runInProcess(args, out, err);
            interruptedByWatchdog += watchdog.end() > 0 ? 1 : 0;
            if (caseClock.elapsed() > slowestMs) {
                slowestMs = caseClock.elapsed();
                slowest = what;
            }
            ++cases;
            // The window's arguments that would open it count as accepted.
            const int exit = code == lockstep::app::kOpenWindow ? 0 : code;
            ++codes[exit];
            if (only >= 0) qInfo().noquote() << what << "\nexit" << code << "\nstdout:" << out.left(2000) << "\nstderr:" << err.left(2000);
            QVERIFY2(exit == 0 || exit == 1 || exit == 2 || exit == 130,
                     qPrintable(QStringLiteral("exit code %1 from %2\n%3").arg(code).arg(what, err.left(500))));
            if (exit != 0)
                QVERIFY2(err.contains("lockstep: ") && err.trimmed().size() > QStringLiteral("lockstep:").size(),
                         qPrintable(QStringLiteral("no message with exit %1 from %2").arg(exit).arg(what)));
            // An exception that reached the top is a bug, whatever the input.
            QVERIFY2(!err.contains("internal error"), qPrintable(what + "\n" + err.left(500)));
        }
        QStringList tally;
        for (const auto& [code, n] : codes) tally << QStringLiteral("exit %1: %2").arg(code).arg(n);
        qInfo().noquote() << QStringLiteral("clifuzz: %1 cases in %2 s (seed %3), %4 stopped by the watchdog's "
                                            "interrupt; %5; slowest %6 ms: %7")
                                 .arg(cases)
                                 .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
                                 .arg(seed)
                                 .arg(interruptedByWatchdog)
                                 .arg(tally.join(", "))
                                 .arg(slowestMs)
                                 .arg(slowest);
        QVERIFY(cases > 0);
    }

private:
    QTemporaryDir dir_;
    QStringList paths_;
    QStringList tokens_;
    QStringList corpus_;
};

#define main lockstepQTestMain
QTEST_MAIN(TestCliFuzz)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_clifuzz.moc"
