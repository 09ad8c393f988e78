#include "lockstep/Trace.h"

#include <algorithm>

namespace lockstep {

void Trace::clear() {
    events_.clear();
    stepFirst_.clear();
    strings_.clear();
    actors_.clear();
    objects_.clear();
    stringIds_.clear();
    decisions_.clear();
    cycles_.clear();
    outcome_ = RunOutcome{};
}

std::uint32_t Trace::intern(std::string_view s) {
    auto it = stringIds_.find(std::string(s));
    if (it != stringIds_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.emplace_back(s);
    stringIds_.emplace(std::string(s), id);
    return id;
}

ActorId Trace::addActor(ActorInfo info) {
    const auto id = static_cast<ActorId>(actors_.size());
    actors_.emplace_back(std::move(info));
    return id;
}

ObjectId Trace::addObject(ObjectInfo info) {
    const auto id = static_cast<ObjectId>(objects_.size());
    objects_.emplace_back(std::move(info));
    return id;
}

int Trace::addCycle(DeadlockCycle c) {
    cycles_.push_back(std::move(c));
    return static_cast<int>(cycles_.size()) - 1;
}

std::uint32_t Trace::stepOfEvent(std::size_t eventIndex) const {
    // Binary search over the first-event index of every step: the last step starting at or before the event.
    std::uint32_t lo = 0, hi = stepCount();
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (stepFirst_[mid] <= eventIndex) lo = mid + 1;
        else hi = mid;
    }
    return lo;  // steps are 1-based: lo is the count of steps starting at or before the event
}

std::string_view Trace::argText(const TraceEvent& e) const {
    if (!(e.flags & TraceEvent::ArgIsString)) return {};
    const auto id = static_cast<std::uint32_t>(e.arg);
    return id < strings_.size() ? std::string_view(strings_[id]) : std::string_view{};
}

}  // namespace lockstep
