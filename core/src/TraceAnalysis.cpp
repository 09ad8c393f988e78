#include "lockstep/TraceAnalysis.h"

#include <algorithm>

namespace lockstep {

std::vector<std::vector<StateInterval>> TraceAnalysis::actorStates() const {
    std::vector<std::vector<StateInterval>> lanes(model_.actorCount());
    for (std::size_t a = 0; a < lanes.size(); ++a) {
        lanes[a] = model_.actorStates(ActorId(a));
        lanes[a].push_back(model_.actorStateNow(ActorId(a)));
    }
    return lanes;
}

std::vector<HoldInterval> TraceAnalysis::holds(ObjectId object) const {
    std::vector<HoldInterval> out = model_.holds(object);
    const auto open = model_.holdsNow(object);
    out.insert(out.end(), open.begin(), open.end());
    std::stable_sort(out.begin(), out.end(), [](const HoldInterval& a, const HoldInterval& b) {
        return a.beginStep != b.beginStep ? a.beginStep < b.beginStep : a.slot < b.slot;
    });
    return out;
}

std::vector<CountPoint> TraceAnalysis::waiters(ObjectId object) const { return model_.waiterCounts(object); }

std::vector<FutureInterval> TraceAnalysis::futureStates(ObjectId future) const {
    std::vector<FutureInterval> out = model_.futureStates(future);
    FutureInterval now;
    if (model_.futureStateNow(future, now)) out.push_back(now);
    return out;
}

std::vector<std::vector<TaskInterval>> TraceAnalysis::taskStates() const {
    std::vector<std::vector<TaskInterval>> out(model_.objectCount());
    for (ObjectId o : model_.taskObjects()) {
        out[o] = model_.taskStates(o);
        TaskInterval now;
        if (model_.taskStateNow(o, now)) out[o].push_back(now);
    }
    return out;
}

std::vector<StateInterval> TraceAnalysis::statesAt(std::uint32_t step) const {
    const RunState state = model_.stateAt(step);
    std::vector<StateInterval> out(model_.actorCount());
    for (std::size_t a = 0; a < out.size(); ++a) out[a] = state.actor(ActorId(a)).state;
    return out;
}

std::string TraceAnalysis::sharedValueAt(ObjectId object, std::uint32_t step) const {
    return model_.text(model_.stateAt(step).object(object).value);
}

}  // namespace lockstep
