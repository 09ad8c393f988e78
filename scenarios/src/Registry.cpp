#include "lockstep/scenarios/Registry.h"

#include "lockstep/Execution.h"

#include <deque>
#include <memory>
#include <mutex>

namespace lockstep::scenarios {

OpenRun Scenario::opener() const {
    if (openElsewhere) return openElsewhere;
    const Scenario* s = this;
    return [s](WorkerPool& pool, Trace& trace, const RunConfig& config,
               std::unique_ptr<Policy> policy) -> std::unique_ptr<RunSession> {
        const Params p = s->resolve(config.params);
        auto ex = std::make_unique<Execution>(pool, trace, config, [s, p] { s->main(p); });
        ex->usePolicy(std::move(policy));
        return ex;
    };
}

Params Scenario::resolve(const std::vector<std::pair<std::string, std::int64_t>>& given) const {
    std::vector<std::pair<std::string, std::int64_t>> values;
    for (const ParamSpec& p : params) {
        std::int64_t v = p.defaultValue;
        for (const auto& [k, x] : given)
            if (k == p.key) v = x;
        values.emplace_back(p.key, v);
    }
    return Params(std::move(values));
}

const std::vector<Scenario>& all() {
    static const std::vector<Scenario> scenarios = [] {
        std::vector<Scenario> out;
        addThreadScenarios(out);
        addRaceScenarios(out);
        addSyncScenarios(out);
        addPoolScenarios(out);
        addGilScenarios(out);
        addProcessScenarios(out);
        addAsyncBasics(out);
        addAsyncCoordination(out);
        return out;
    }();
    return scenarios;
}

namespace {
struct Programs {
    std::mutex mutex;                               // the window and a background explorer may both load
    std::deque<std::unique_ptr<Scenario>> loaded;  // never shrinks: pointers handed out stay valid
};
Programs& programs() {
    static Programs p;
    return p;
}
}  // namespace

const Scenario* find(const std::string& id) {
    for (const Scenario& s : all())
        if (s.id == id) return &s;
    Programs& p = programs();
    std::lock_guard lock(p.mutex);
    for (auto it = p.loaded.rbegin(); it != p.loaded.rend(); ++it)
        if ((*it)->id == id) return it->get();
    return nullptr;
}

const Scenario* addProgram(Scenario program) {
    Programs& p = programs();
    std::lock_guard lock(p.mutex);
    p.loaded.push_back(std::make_unique<Scenario>(std::move(program)));
    return p.loaded.back().get();
}

const std::vector<std::string>& families() {
    static const std::vector<std::string> ids{"threads", "races", "sync", "pools", "processes", "asyncio"};
    return ids;
}

const char* familyTitle(const std::string& family) {
    if (family == "threads") return QT_TRANSLATE_NOOP("Scenario", "Threads: start, join, names, daemons");
    if (family == "races") return QT_TRANSLATE_NOOP("Scenario", "Races and locks");
    if (family == "sync") return QT_TRANSLATE_NOOP("Scenario", "Semaphores, events, conditions, queues");
    if (family == "pools") return QT_TRANSLATE_NOOP("Scenario", "Pools, futures and the GIL");
    if (family == "processes") return QT_TRANSLATE_NOOP("Scenario", "Processes: separate memory, pipes, queues");
    if (family == "asyncio") return QT_TRANSLATE_NOOP("Scenario", "asyncio: coroutines on one thread");
    return "";
}

}  // namespace lockstep::scenarios
