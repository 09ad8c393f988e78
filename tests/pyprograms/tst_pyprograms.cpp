// Every listing is runnable (issue 7): each built-in scenario's listing, run as the learner's own Python program
// by the embedded interpreter, behaves as the scenario does. Both run under the same configurations
// (round-robin, cooperative, random seeds 1..3; the scenario's cores and GIL) and the OUTCOME SETS over those
// runs are compared: run status, final values of the shared variables, threads' end states, printed lines
// (where the scenario's are the same in every run) and the end time (likewise). Where CPython genuinely
// differs from the built-in model, kDifferences (exceptions()) says which fact differs for which scenario and why;
// everything else is still compared. The multiprocessing listings document that Python mode refuses them.

#include <QtTest>

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
};

// What differs between a scenario and its listing run by CPython, for one scenario. Every field left at its
// default means "compare it".
struct Difference {
    const char* why;
    bool lines = true;    // compare printed lines (when the scenario's are deterministic)
    bool endTime = true;  // compare the end time (when the scenario's is deterministic)
    bool ends = true;     // compare end states of same-named actors
    // Shared values whose SETS over the five runs may differ: the program's values must then each be one of
    // `allowed` (when given) rather than the same set as the scenario's five runs.
    std::map<std::string, std::set<std::string>> sharedAllowed;
    std::set<std::string> sharedSkipped;  // not comparable at all (e.g. the program has no such global)
    // Rewrites a printed line of the program before comparing (e.g. CPython's thread names).
    std::function<QString(const QString&)> normalise;
    // Program actor names -> scenario actor names.
    std::map<std::string, std::string> actorNames;
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
    }
    f.lines = texts(t);
    f.lines.sort();
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
    for (const scenarios::Scenario& s : scenarios::all()) out.push_back({s.id, {}});
    return out;
}

QString rowName(const Row& r) {
    QString name = QString::fromStdString(r.id);
    for (const auto& [k, v] : r.params) name += QStringLiteral(" %1=%2").arg(QString::fromStdString(k)).arg(v);
    return name;
}

const char* kRefusal =
    "ImportError: not supported yet: multiprocessing in a Python program run by Lockstep (its child processes "
    "would run outside the scheduler and show wrong timings); the built-in 'processes' scenarios show "
    "multiprocessing";

bool refused(const scenarios::Scenario& s, const ParamList& params) {
    if (std::string(s.family) == "processes") return true;
    return s.id == "gil-cpu-bound" && s.resolve(params).get("processes", 0) == 1;
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

        if (refused(*s, params)) {
            // Python mode refuses multiprocessing at import: the program's main thread ends with that error
            // printed to stderr, and nothing else runs.
            auto r = runScenario(pool_, p->id, PolicyKind::RoundRobin, 1, {}, s->defaults.cores, s->defaults.gil);
            QCOMPARE(std::string(runStatusName(r->outcome().status)), std::string("finished"));
            QCOMPARE(r->trace.actor(0).endState, EndState::Error);
            QStringList errors;
            for (std::size_t i = 0; i < r->trace.eventCount(); ++i) {
                const TraceEvent& e = r->trace.event(i);
                if (e.op == Op::Print && (e.flags & TraceEvent::ToStderr)) errors << QString::fromUtf8(r->trace.argText(e).data(), int(r->trace.argText(e).size()));
            }
            QCOMPARE(errors.size(), 1);
            QVERIFY2(errors.first().startsWith("Traceback (most recent call last):\n"), qPrintable(errors.first()));
            QCOMPARE(errors.first().split('\n').last(), QString(kRefusal));
            QCOMPARE(texts(r->trace).size(), 1);  // the traceback is all it printed
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
        static const Difference kNone{"no known difference"};
        const auto found = exceptions().find(s->id);
        const Difference& ex = found == exceptions().end() ? kNone : found->second;

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
        int compared = 1;

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
            ++compared;
        }

        // End states of the actors both runs name alike.
        if (ex.ends) {
            std::set<std::string> actors;
            for (const Facts& f : want)
                for (const auto& [k, v] : f.ends) actors.insert(k);
            for (const std::string& name : actors) {
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
                QVERIFY2(a == b, qPrintable(QStringLiteral("end state of %1: scenario %2, program %3")
                                                .arg(name.c_str(), join(a).c_str(), join(b).c_str())));
                ++compared;
            }
        }

        // Printed lines, as multisets, where the scenario prints the same in every run.
        const auto linesWant = setOf(want, [](const Facts& f) { return f.lines.join('\n').toStdString(); });
        if (ex.lines && linesWant.size() == 1) {
            for (const Facts& f : got) {
                QStringList lines = f.lines;
                if (ex.normalise)
                    for (QString& l : lines) l = ex.normalise(l);
                lines.sort();
                QCOMPARE(lines, want.front().lines);
            }
            ++compared;
        }

        // The end time, where the scenario's is the same in every run.
        const auto endWant = setOf(want, [](const Facts& f) { return std::to_string(f.endTime); });
        if (ex.endTime && endWant.size() == 1) {
            for (const Facts& f : got) QCOMPARE(f.endTime, want.front().endTime);
            ++compared;
        }
        // Status and at least one more fact.
        QVERIFY2(compared >= 2, "nothing but the status was compared");
    }
};

namespace {

const std::map<std::string, Difference>& exceptions() {
    static const std::map<std::string, Difference> table = {};
    return table;
}

}  // namespace

QTEST_GUILESS_MAIN(TestPyPrograms)
#include "tst_pyprograms.moc"
