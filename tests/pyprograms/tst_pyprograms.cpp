// Every listing is runnable (issue 7): each built-in scenario's listing, run as the learner's own Python program
// by the embedded interpreter, behaves as the scenario does. Both run under the same configurations
// (round-robin, cooperative, random seeds 1..3; the scenario's cores and GIL) and the OUTCOME SETS over those
// runs are compared: run status, final values of the shared variables, threads' end states, printed lines
// (where the scenario's are the same in every run) and the end time (likewise). Where CPython genuinely
// differs from the built-in model, kDifferences (exceptions()) says which fact differs for which scenario and why;
// everything else is still compared. The multiprocessing listings run too: their children are real forks of the
// program's process under the same scheduler.

#include <QtTest>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "common/ScenarioTrace.h"
#include "lockstep/python/Program.h"

using namespace lockstep;
using namespace lockstep::testing;

namespace {

// The facts of one run that the comparison looks at.
struct Facts {
    std::string status;
    Nanos endTime = 0;
    std::map<std::string, std::string> shared;  // shared variable -> final value
    std::map<std::string, std::string> ends;    // actor name -> end state
    QStringList lines;                          // printed lines (stdout and stderr), sorted: a multiset
    std::map<std::string, int> semaphorePeaks;  // semaphore -> most slots taken at once
    int processes = 0;                          // child processes started
};

// What differs between a scenario and its listing run by CPython, for one scenario. Every field left at its
// default means "compare it".
struct Difference {
    const char* why;
    bool lines = true;    // compare printed lines (when the scenario's are deterministic)
    bool endTime = true;  // compare the end time (when the scenario's is deterministic)
    bool ends = true;     // compare end states of same-named actors
    bool endsSubset = false;  // the program's end states over the runs need only be among the scenario's
    std::set<std::string> endsSkipped;  // actors whose end states are not compared
    // Shared values whose SETS over the five runs may differ: the program's values must then each be one of
    // `allowed` (when given) rather than the same set as the scenario's five runs.
    std::map<std::string, std::set<std::string>> sharedAllowed;
    std::set<std::string> sharedSkipped;  // not comparable at all (e.g. the program has no such global)
    // Rewrites a printed line of the program before comparing (e.g. CPython's thread names).
    std::function<QString(const QString&)> normalise;
    // Program actor names -> scenario actor names.
    std::map<std::string, std::string> actorNames;
    // The program cannot end in Python mode: it busy-waits on the clock, which only sleeps advance there.
    // The test then checks that it spins at these lines until the step limit.
    std::set<int> spinsAtLines;
};

const std::map<std::string, Difference>& exceptions();

std::string upper(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// The listing with each given parameter's `NAME = value` line set to the given value. Empty with `error` set
// when the listing has no such line.
std::string withParams(const scenarios::Scenario& s, const ParamList& params, std::string& error) {
    std::string text = s.listing;
    for (const auto& [key, value] : params) {
        const std::string head = upper(key) + " = ";
        std::size_t at = text.compare(0, head.size(), head) == 0 ? 0 : text.find('\n' + head);
        if (at != 0 && at != std::string::npos) ++at;
        if (at == std::string::npos) {
            error = "the listing has no line '" + head + "...'";
            return {};
        }
        const std::size_t end = text.find('\n', at);
        text.replace(at, end - at, head + std::to_string(value));
    }
    return text;
}

Facts factsOf(const Trace& t) {
    Facts f;
    f.status = std::string(runStatusName(t.outcome().status));
    f.endTime = t.outcome().endTime;
    for (const FinalValue& v : t.outcome().shared) f.shared[t.object(v.object).name] = v.text;
    for (std::size_t a = 0; a < t.actorCount(); ++a) {
        const ActorInfo& info = t.actor(static_cast<ActorId>(a));
        f.ends[info.name] = std::string(endStateName(info.endState));
        f.processes += info.kind == ActorKind::Process;
    }
    f.lines = texts(t);
    f.lines.sort();
    for (std::size_t o = 0; o < t.objectCount(); ++o) {
        const ObjectInfo& info = t.object(static_cast<ObjectId>(o));
        if (info.kind == ObjectKind::Semaphore || info.kind == ObjectKind::BoundedSemaphore)
            f.semaphorePeaks[info.name] = peakTaken(t, info.name);
    }
    return f;
}

std::string join(const std::set<std::string>& s) {
    std::string out = "{";
    for (const std::string& x : s) out += (out.size() > 1 ? " | " : "") + x;
    return out + "}";
}

struct Config {
    PolicyKind policy;
    std::uint64_t seed;
};

const Config kConfigs[] = {{PolicyKind::RoundRobin, 1}, {PolicyKind::Cooperative, 1}, {PolicyKind::Random, 1},
                           {PolicyKind::Random, 2}, {PolicyKind::Random, 3}};

// Rows: every built-in scenario with its default parameters, plus a few with others.
struct Row {
    std::string id;
    ParamList params;
};

std::vector<Row> rows() {
    std::vector<Row> out;
    for (const scenarios::Scenario& s : scenarios::all()) {
        // 10000 tasks are a minute of stepping line by line; 300 show the same (each task once, one sleep).
        if (s.id == "async-gather-many") out.push_back({s.id, {{"tasks", 300}}});
        // 400 ms of countdown is 16 million lines, each a step, in threads; 20 ms shows the same.
        else if (s.id == "gil-cpu-bound") out.push_back({s.id, {{"work_ms", 20}}});
        else out.push_back({s.id, {}});
    }
    // Other values of the parameters the listings expose as constants, where they change the behaviour.
    const std::vector<Row> more = {
        {"daemon-threads", {{"mode", 1}}},         {"daemon-threads", {{"mode", 2}}},
        {"thread-subclass", {{"subclass", 0}}},    {"point-atomicity", {{"mode", 1}}},
        {"point-atomicity", {{"mode", 2}}},        {"condition-notify-all", {{"wake_all", 0}}},
        {"gil-cpu-bound", {{"work_ms", 20}, {"processes", 1}}}, {"process-shared-value", {{"lock", 0}}},
        {"async-never-awaited", {{"await_it", 1}}}, {"async-sleep-zero", {{"sleep_zero", 0}}},
        {"async-chain", {{"chains", 2}, {"max_s", 3}}},
        // (mode=1 is left out: its crunch() spins on time.process_time(), real CPU time, for 2 real seconds a
        // run while the virtual clock stands still.)
        {"async-blocking-call", {{"mode", 2}}},
    };
    out.insert(out.end(), more.begin(), more.end());
    return out;
}

QString rowName(const Row& r) {
    QString name = QString::fromStdString(r.id);
    for (const auto& [k, v] : r.params) name += QStringLiteral(" %1=%2").arg(QString::fromStdString(k)).arg(v);
    return name;
}

// A printed line with every number replaced by '#': its shape, when the numbers (times, values) vary.
QString shape(QString line) {
    static const QRegularExpression number(QStringLiteral("\\d+(\\.\\d+)?"));
    return line.replace(number, QStringLiteral("#"));
}

}  // namespace

Q_DECLARE_METATYPE(ParamList)

class TestPyPrograms : public QObject {
    Q_OBJECT
    WorkerPool pool_;

    const scenarios::Scenario* program(const scenarios::Scenario& s, const ParamList& params, const QString& row) {
        std::string error;
        const std::string text = withParams(s, params, error);
        if (text.empty()) {
            qWarning("%s: %s", qPrintable(row), error.c_str());
            return nullptr;
        }
        QString file = row;
        file.replace(' ', '_').replace('=', '_').replace('-', '_');
        const scenarios::Scenario* p = python::loadSource("/tmp/lockstep-pyprograms/" + file.toStdString() + ".py", text, error);
        if (!p) qWarning("%s does not load: %s", qPrintable(row), error.c_str());
        return p;
    }

    std::vector<Facts> runAll(const scenarios::Scenario& s, const std::string& id, const ParamList& params) {
        std::vector<Facts> out;
        for (const Config& c : kConfigs) {
            auto r = runScenario(pool_, id, c.policy, c.seed, params, s.defaults.cores, s.defaults.gil);
            out.push_back(factsOf(r->trace));
        }
        return out;
    }

private slots:
    void listing_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<ParamList>("params");
        for (const Row& r : rows()) QTest::newRow(qPrintable(rowName(r))) << QString::fromStdString(r.id) << r.params;
    }

    void listing() {
        QFETCH(QString, id);
        QFETCH(ParamList, params);
        const scenarios::Scenario* s = scenarios::find(id.toStdString());
        QVERIFY(s);
        const scenarios::Scenario* p = program(*s, params, QTest::currentDataTag());
        QVERIFY(p);

        static const Difference kNone{"no known difference"};
        auto found = exceptions().find(QTest::currentDataTag());  // a row's own entry, else the scenario's
        if (found == exceptions().end()) found = exceptions().find(s->id);
        const Difference& ex = found == exceptions().end() ? kNone : found->second;

        if (!ex.spinsAtLines.empty()) {
            // One run is enough to show the spin: the built-in scenario ends, the program reaches the step limit
            // with every step of its last stretch on the busy-wait's lines and no update of the counter made.
            auto want = runScenario(pool_, s->id, PolicyKind::RoundRobin, 1, params, s->defaults.cores, s->defaults.gil);
            QCOMPARE(want->outcome().status, RunStatus::Finished);
            auto got = runScenario(pool_, p->id, PolicyKind::RoundRobin, 1, params, s->defaults.cores, s->defaults.gil);
            QCOMPARE(got->outcome().status, RunStatus::StepLimit);
            // the clock moved by the spinning's own CPU time only: in bursts, never a sleep or a timeout
            QVERIFY(events(got->trace, Op::Sleep, std::nullopt).empty());
            std::set<int> lastLines;
            const auto yields = events(got->trace, Op::Yield, std::nullopt);
            QVERIFY(yields.size() > 1000);
            for (std::size_t i = yields.size() - 1000; i < yields.size(); ++i) lastLines.insert(int(yields[i].arg));
            QCOMPARE(lastLines, ex.spinsAtLines);
            return;
        }

        const std::vector<Facts> want = runAll(*s, s->id, params);
        const std::vector<Facts> got = runAll(*s, p->id, params);
        if (qEnvironmentVariableIsSet("PYPROGRAMS_SHOW")) {
            for (std::size_t i = 0; i < want.size(); ++i) {
                for (const auto* f : {&want[i], &got[i]}) {
                    std::string sh, en;
                    for (const auto& [k, v] : f->shared) sh += k + "=" + v + " ";
                    for (const auto& [k, v] : f->ends) en += k + ":" + v + " ";
                    qInfo("%s %s end=%lld shared: %s\n   ends: %s\n   lines: %s", f == &want[i] ? "SCEN" : "PROG",
                          f->status.c_str(), (long long)f->endTime, sh.c_str(), en.c_str(),
                          qPrintable(f->lines.join(" / ")));
                }
            }
        }
        auto setOf = [](const std::vector<Facts>& fs, auto get) {
            std::set<std::string> out;
            for (const Facts& f : fs) out.insert(get(f));
            return out;
        };
        // Run status.
        const auto statusWant = setOf(want, [](const Facts& f) { return f.status; });
        const auto statusGot = setOf(got, [](const Facts& f) { return f.status; });
        QVERIFY2(statusWant == statusGot, qPrintable(QStringLiteral("status: scenario %1, program %2")
                                                         .arg(join(statusWant).c_str(), join(statusGot).c_str())));
        QStringList compared{"status"};  // the facts compared, for the message of a row that compares too few

        // Shared values: every variable the scenario reports.
        std::set<std::string> names;
        for (const Facts& f : want)
            for (const auto& [k, v] : f.shared) names.insert(k);
        for (const std::string& name : names) {
            if (ex.sharedSkipped.count(name)) continue;
            auto value = [&name](const Facts& f) {
                const auto it = f.shared.find(name);
                return it == f.shared.end() ? std::string("<none>") : it->second;
            };
            const auto a = setOf(want, value);
            const auto b = setOf(got, value);
            const auto allowed = ex.sharedAllowed.find(name);
            if (allowed != ex.sharedAllowed.end()) {
                for (const std::string& v : b)
                    QVERIFY2(allowed->second.count(v), qPrintable(QStringLiteral("%1 = %2 is not one of %3")
                                                                    .arg(name.c_str(), v.c_str(), join(allowed->second).c_str())));
            } else {
                QVERIFY2(a == b, qPrintable(QStringLiteral("final %1: scenario %2, program %3")
                                                .arg(name.c_str(), join(a).c_str(), join(b).c_str())));
            }
            compared << QString::fromStdString("shared " + name);
        }

        // End states of the actors both runs name alike.
        if (ex.ends) {
            std::set<std::string> actors;
            for (const Facts& f : want)
                for (const auto& [k, v] : f.ends) actors.insert(k);
            for (const std::string& name : actors) {
                if (ex.endsSkipped.count(name)) continue;
                std::string programName = name;
                for (const auto& [from, to] : ex.actorNames)
                    if (to == name) programName = from;
                auto state = [](const std::string& n) {
                    return [n](const Facts& f) {
                        const auto it = f.ends.find(n);
                        return it == f.ends.end() ? std::string("<none>") : it->second;
                    };
                };
                const auto b = setOf(got, state(programName));
                if (b.count("<none>")) continue;  // the program has no actor of that name
                const auto a = setOf(want, state(name));
                QVERIFY2(ex.endsSubset ? std::includes(a.begin(), a.end(), b.begin(), b.end()) : a == b, qPrintable(QStringLiteral("end state of %1: scenario %2, program %3")
                                                .arg(name.c_str(), join(a).c_str(), join(b).c_str())));
                compared << QString::fromStdString("end state " + name);
            }
        }

        // The most slots of each semaphore taken at once (a semaphore of the same name in both).
        std::set<std::string> semaphores;
        for (const Facts& f : want)
            for (const auto& [k, v] : f.semaphorePeaks) semaphores.insert(k);
        for (const std::string& name : semaphores) {
            auto peak = [&name](const Facts& f) {
                const auto it = f.semaphorePeaks.find(name);
                return it == f.semaphorePeaks.end() ? std::string("<none>") : std::to_string(it->second);
            };
            const auto b = setOf(got, peak);
            if (b.count("<none>")) continue;
            const auto a = setOf(want, peak);
            QVERIFY2(a == b, qPrintable(QStringLiteral("peak of %1: scenario %2, program %3")
                                            .arg(name.c_str(), join(a).c_str(), join(b).c_str())));
            compared << QString::fromStdString("peak " + name);
        }

        // Printed lines, as multisets (rewritten alike on both sides where the table says how), where the
        // scenario prints the same in every run; else their shapes (numbers masked) where those are the same.
        auto linesOf = [&ex](const Facts& f, bool masked) {
            QStringList out;
            for (const QString& l : f.lines) {
                const QString n = ex.normalise ? ex.normalise(l) : l;
                out << (masked ? shape(n) : n);
            }
            out.sort();
            return out;
        };
        if (ex.lines) {
            for (bool masked : {false, true}) {
                const auto linesWant = setOf(want, [&](const Facts& f) { return linesOf(f, masked).join('\n').toStdString(); });
                if (linesWant.size() != 1) continue;
                for (const Facts& f : got) QCOMPARE(linesOf(f, masked), linesOf(want.front(), masked));
                compared << (masked ? "line shapes" : "lines");
                break;
            }
        }

        // The end time, where the scenario's is the same in every run: the program's is later by the CPU time of
        // its own instructions (the "cpu" parameter), which for these short listings is well under a millisecond,
        // and by what starting its processes costs (at most 1 ms of the parent's to fork each, and 40 ms of the
        // child's to start a new interpreter, as the listings' spawn start method does in CPython).
        const auto endWant = setOf(want, [](const Facts& f) { return std::to_string(f.endTime); });
        if (ex.endTime && endWant.size() == 1) {
            const Nanos scenarioEnd = want.front().endTime;
            for (const Facts& f : got)
                QVERIFY2(f.endTime >= scenarioEnd && f.endTime - scenarioEnd < 1'000'000 + f.processes * 41'000'000LL,
                         qPrintable(QStringLiteral("the program ended at %1 ns, the scenario at %2 ns")
                                        .arg(f.endTime)
                                        .arg(scenarioEnd)));
            compared << "end time";
        }
        // Status and at least one more fact.
        if (qEnvironmentVariableIsSet("PYPROGRAMS_SHOW")) qInfo("compared: %s", qPrintable(compared.join(", ")));
        QVERIFY2(compared.size() >= 2, "nothing but the status was compared");
    }
};

namespace {

const std::map<std::string, Difference>& exceptions() {
    // CPython 3.10+ names an unnamed thread after its target: "Thread-1 (worker)" where the model says "Thread-1".
    static const QRegularExpression targetSuffix(QStringLiteral("(Thread-\\d+) \\(\\w+\\)"));
    // CPython's warnings module writes "FILE:LINE: RuntimeWarning: TEXT", the source line and a tracemalloc hint;
    // the scenario prints only "RuntimeWarning: TEXT".
    static const QRegularExpression warning(QStringLiteral("^.*:\\d+: (\\w+Warning: [^\\n]*)\\n.*$"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const std::map<std::string, Difference> table = {
        {"gil-cpu-bound",
         {.why = "the countdown's CPU time is Lockstep's cost model of CPython on this machine (about 21 ns a pass, "
                 "as /usr/bin/python3.11 here: 0.096 s for 4,000,000 passes), not the listing's PASSES_PER_MS "
                 "(50 ns a pass): the program ends sooner, and its io thread parses fewer replies meanwhile",
          .lines = false,
          .endTime = false}},
        {"process-manager",
         {.why = "the program's children compute before they append (a spawned child imports the program again, "
                 "on its own core), so on the virtual clock they reach the manager in the order they were started "
                 "more often than the scenario's; the list holds the three items in one of the orders possible",
          .sharedAllowed = {{"scores", {"{'key0': 0, 'key1': 10, 'key2': 20}", "{'key0': 0, 'key2': 20, 'key1': 10}", "{'key1': 10, 'key0': 0, 'key2': 20}", "{'key1': 10, 'key2': 20, 'key0': 0}", "{'key2': 20, 'key0': 0, 'key1': 10}", "{'key2': 20, 'key1': 10, 'key0': 0}"}},
                            {"names", {"['item-0', 'item-1', 'item-2']", "['item-0', 'item-2', 'item-1']", "['item-1', 'item-0', 'item-2']", "['item-1', 'item-2', 'item-0']", "['item-2', 'item-0', 'item-1']", "['item-2', 'item-1', 'item-0']"}}}}},
        {"process-shared-value lock=0",
         {.why = "the program's children compute before they add (a spawned child imports the program again, "
                 "which takes CPU time of its own core), so on the virtual clock their unlocked updates rarely "
                 "overlap as the scenario's do; the value is one of those a lost update can give",
          .sharedAllowed = {{"Value-1", {"500", "600", "700", "800", "900", "1000"}}}}},
        {"thread-names",
         {.why = "CPython names the unnamed threads Thread-1 (worker), Thread-2 (worker)",
          .normalise = [](const QString& l) { return QString(l).replace(targetSuffix, QStringLiteral("\\1")); },
          .actorNames = {{"Thread-1 (worker)", "Thread-1"}, {"Thread-2 (worker)", "Thread-2"}}}},
        {"race-increment-double",
         {.why = "the program steps line by line, the scenario at its own points: the random seeds find other "
                 "interleavings, so only the possible values are compared (6 or 5 serial, 3 or 4 lost update)",
          .sharedAllowed = {{"x", {"3", "4", "5", "6"}}}}},
        {"lock-counter-many",
         {.why = "busy() spins on time.perf_counter(); CPU work takes no virtual time in Python mode (only sleeps "
                 "do), so the loop never ends",
          .spinsAtLines = {10, 11}}},
        {"point-atomicity",
         {.why = "the point's coordinates are attributes of an object, not module globals: no shared values to "
                 "compare (the printed lines' shapes and the end states still are)",
          .sharedSkipped = {"x", "y"}}},
        {"semaphore-active-pool",
         {.why = "random.randint draws differ from the engine's generator: other work times, so who is inside at "
                 "once and the end time differ (the peak of the semaphore and the end states still compare)",
          .lines = false,
          .endTime = false}},
        {"condition-notify-all wake_all=0",
         {.why = "CPython's Thread.start() waits until the new thread runs, so consumer-1 always waits first and "
                 "notify() wakes it; the scenario's random runs also start consumer-2 first",
          .endsSubset = true}},
        {"condition-producer-consumer",
         {.why = "no one stops the consumers: CPython's main thread waits for them at exit (threading._shutdown) "
                 "and the program hangs there, so the program's MainThread ends blocked in that wait; the "
                 "scenario's main thread just ends (the consumers' end states still compare)",
          .endsSkipped = {"MainThread"}}},
        {"async-never-awaited",
         {.why = "CPython's warning names the file and line and adds the source line and a tracemalloc hint",
          .normalise = [](const QString& l) { return QString(l).replace(warning, QStringLiteral("\\1")); }}},
        {"async-run-nested",
         {.why = "CPython's warning names the file and line and adds the source line and a tracemalloc hint",
          .normalise = [](const QString& l) { return QString(l).replace(warning, QStringLiteral("\\1")); }}},
        {"async-queue",
         {.why = "CPython's event loop keeps its timers in a heap: of two consumers waking at the same moment, "
                 "either may run first and take the next item, so which consumer handles which item differs "
                 "(every item is still handled once, at the same times)",
          .normalise = [](const QString& l) {
              return QString(l).replace(QRegularExpression(QStringLiteral("^consumer-\\d: handled")),
                                        QStringLiteral("consumer-?: handled"));
          }}},
    };
    return table;
}

}  // namespace

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestPyPrograms)
#undef main
#include "common/TestMain.h"
LOCKSTEP_CHILD_AWARE_MAIN()

#include "tst_pyprograms.moc"
