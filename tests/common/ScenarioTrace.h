#pragma once
// What the scenario tests read from a finished run: printed lines, events of an operation, final values, end
// times, semaphore peaks; and how they run a scenario and build their (policy, seed) rows.

#include <QtTest>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Execution.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::testing {

using lockstep::scenarios::Scenario;

constexpr Nanos kSecond = 1'000'000'000;
constexpr Nanos kMilli = 1'000'000;

using ParamList = std::vector<std::pair<std::string, std::int64_t>>;

// One finished run: the trace and its outcome.
struct Run {
    Trace trace;
    const RunOutcome& outcome() const { return trace.outcome(); }
};

struct Printed {
    Nanos time;
    std::string actor;
    std::string text;
};

inline std::string actorName(const Trace& t, const TraceEvent& e) {
    return e.actor == kNoActor ? std::string() : t.actor(e.actor).name;
}

inline std::string objName(const Trace& t, const TraceEvent& e) {
    return e.object == kNoObject ? std::string() : t.object(e.object).name;
}

inline std::vector<Printed> printed(const Trace& t) {
    std::vector<Printed> out;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == Op::Print) out.push_back({e.time, actorName(t, e), std::string(t.argText(e))});
    }
    return out;
}

inline std::vector<Printed> printedContaining(const Trace& t, const std::string& part) {
    std::vector<Printed> out;
    for (const Printed& p : printed(t))
        if (p.text.find(part) != std::string::npos) out.push_back(p);
    return out;
}

// Events of one operation (and result) on the object called `object` ("" for any object).
inline std::vector<TraceEvent> events(const Trace& t, Op op, std::optional<Result> result, const std::string& object = {}) {
    std::vector<TraceEvent> out;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op != op || (result && e.result != *result)) continue;
        if (!object.empty() && objName(t, e) != object) continue;
        out.push_back(e);
    }
    return out;
}

inline std::optional<std::string> sharedValue(const Trace& t, const std::string& name) {
    for (const FinalValue& v : t.outcome().shared)
        if (t.object(v.object).name == name) return v.text;
    return std::nullopt;
}

inline std::optional<ActorId> actorByName(const Trace& t, const std::string& name) {
    for (std::size_t a = 0; a < t.actorCount(); ++a)
        if (t.actor(static_cast<ActorId>(a)).name == name) return static_cast<ActorId>(a);
    return std::nullopt;
}

// The run-level "Done" event of an actor (the time it ended).
inline std::optional<Nanos> endTime(const Trace& t, const std::string& actor) {
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == Op::Run && e.result == Result::Done && actorName(t, e) == actor) return e.time;
    }
    return std::nullopt;
}

inline int listingLines(const Scenario& s) {
    int n = static_cast<int>(std::count(s.listing.begin(), s.listing.end(), '\n'));
    if (!s.listing.empty() && s.listing.back() != '\n') ++n;
    return n;
}

inline QString policyLabel(PolicyKind k, std::uint64_t seed) {
    if (k == PolicyKind::Random) return QStringLiteral("random-%1").arg(seed);
    return QString::fromStdString(policyName(k));
}

// How many slots of a semaphore are taken at most, following its acquire and release events in order.
inline int peakTaken(const Trace& t, const std::string& object) {
    int taken = 0;
    int peak = 0;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (objName(t, e) != object) continue;
        if (e.op == Op::Acquire && e.result == Result::Acquired) peak = std::max(peak, ++taken);
        if (e.op == Op::Release && e.result == Result::Ok) --taken;
    }
    return peak;
}

// Rows (policy, seed): round-robin, cooperative, then the random policy with seeds 1..randomSeeds.
inline void addPolicyRows(int randomSeeds, quint64 coopSeed = 1) {
    QTest::addColumn<PolicyKind>("policy");
    QTest::addColumn<quint64>("seed");
    QTest::newRow("rr") << PolicyKind::RoundRobin << quint64(1);
    QTest::newRow("coop") << PolicyKind::Cooperative << coopSeed;
    for (quint64 seed = 1; seed <= quint64(randomSeeds); ++seed)
        QTest::newRow(qPrintable(QStringLiteral("random-%1").arg(seed))) << PolicyKind::Random << seed;
}

// Runs a scenario to its end; policy and seed default to the scenario's own defaults. nullptr if unknown.
inline std::unique_ptr<Run> runScenario(WorkerPool& pool, const std::string& id,
                                        std::optional<PolicyKind> policy = std::nullopt,
                                        std::optional<std::uint64_t> seed = std::nullopt,
                                        const ParamList& params = {}, std::optional<int> cores = std::nullopt,
                                        std::optional<bool> gil = std::nullopt) {
    const scenarios::Scenario* s = scenarios::find(id);
    if (!s) return nullptr;
    auto r = std::make_unique<Run>();
    RunConfig cfg;
    cfg.policy = policy.value_or(s->defaults.policy);
    cfg.seed = seed.value_or(s->defaults.seed);
    cfg.cores = cores.value_or(s->defaults.cores);
    cfg.gil = gil.value_or(s->defaults.gil);
    cfg.params = params;
    s->opener()(pool, r->trace, cfg, nullptr)->runToEnd();  // a Python program runs in the runner's child
    return r;
}

// Printed lines as a QStringList, so a failed comparison shows the line that differs.
inline QStringList texts(const Trace& t) {
    QStringList out;
    for (const Printed& p : printed(t)) out << QString::fromStdString(p.text);
    return out;
}

// Base of the scenario test suites: a worker pool shared by their runs, and run(), which stops the test
// program on an id the catalogue does not have (a typo in a test, not a failure of the scenario).
class ScenarioSuite : public QObject {
protected:
    WorkerPool pool_;
    std::unique_ptr<Run> run(const std::string& id, std::optional<PolicyKind> policy = std::nullopt,
                             std::optional<std::uint64_t> seed = std::nullopt, const ParamList& params = {}) {
        auto r = runScenario(pool_, id, policy, seed, params);
        if (!r) qFatal("unknown scenario %s", id.c_str());
        return r;
    }
};

}  // namespace lockstep::testing

Q_DECLARE_METATYPE(lockstep::PolicyKind)
Q_DECLARE_METATYPE(lockstep::RunStatus)
