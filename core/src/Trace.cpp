#include "lockstep/Trace.h"

#include <algorithm>

namespace lockstep {

void Trace::clear() {
    if (listener_) listener_->onClear();
    events_.clear();
    stepIndex_.clear();
    stepCount_.store(0, std::memory_order_release);
    stepPending_ = false;
    choicePending_ = false;
    strings_.clear();
    actors_.clear();
    objects_.clear();
    stringIds_.clear();
    overflowString_ = UINT32_MAX;
    dropped_ = 0;
    cycles_.clear();
    races_.clear();
    outcome_ = RunOutcome{};
    ++revision_;
}

std::uint32_t Trace::intern(std::string_view s) {
    auto it = stringIds_.find(std::string(s));
    if (it != stringIds_.end()) return it->second;
    // The last slot of the storage is kept for one text that every later string shares.
    constexpr std::size_t storage = (std::size_t{1} << 10) * kStringChunks;
    if (strings_.size() + 1 >= storage) {
        if (overflowString_ == UINT32_MAX) {
            constexpr std::string_view kNotKept = "(text not kept: the trace was full)";
            if (listener_) listener_->onIntern(kNotKept);  // a trace that follows this one fills up alike
            overflowString_ = static_cast<std::uint32_t>(strings_.size());
            strings_.emplace_back(kNotKept);
        }
        return overflowString_;
    }
    if (listener_) listener_->onIntern(s);
    const auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.emplace_back(s);
    stringIds_.emplace(std::string(s), id);
    return id;
}

ActorId Trace::addActor(ActorInfo info) {
    if (listener_) listener_->onAddActor(info);
    const auto id = static_cast<ActorId>(actors_.size());
    ++revision_;
    actors_.emplace_back(std::move(info));
    return id;
}

ObjectId Trace::addObject(ObjectInfo info) {
    if (listener_) listener_->onAddObject(info);
    const auto id = static_cast<ObjectId>(objects_.size());
    ++revision_;
    objects_.emplace_back(std::move(info));
    return id;
}

int Trace::addRace(DataRace r) {
    ++revision_;
    if (listener_) listener_->onAddRace(r);
    races_.push_back(r);
    return static_cast<int>(races_.size()) - 1;
}

int Trace::addCycle(DeadlockCycle c) {
    ++revision_;
    if (listener_) listener_->onAddCycle(c);
    cycles_.push_back(std::move(c));
    return static_cast<int>(cycles_.size()) - 1;
}

void Trace::beginStep() {
    if (listener_) listener_->onBeginStep();
    // Every step records at least one event; should one ever not, a filler keeps its StepStart. (A listener
    // hears only the beginStep: replaying it adds the same filler.)
    if (stepPending_) {
        TraceListener* listener = listener_;
        listener_ = nullptr;
        add(TraceEvent{.op = Op::Yield});
        listener_ = listener;
    }
    stepPending_ = true;
    stepCount_.store(stepCount_.load(std::memory_order_relaxed) + 1, std::memory_order_release);
}

void Trace::add(TraceEvent e) {
    if (events_.size() >= (std::size_t{1} << 14) * kEventChunks) {
        ++dropped_;
        return;
    }
    if (listener_) listener_->onAdd(e);
    if (stepPending_) {
        e.flags |= TraceEvent::StepStart;
        if (choicePending_) e.flags |= TraceEvent::Chosen;
        if ((stepCount() - 1) % kStepIndexEvery == 0) stepIndex_.push_back(static_cast<std::uint32_t>(events_.size()));
        stepPending_ = false;
        choicePending_ = false;
    }
    events_.push_back(e);
}

std::string Trace::fullness(std::size_t maxEvents) const {
    if (eventCount() >= maxEvents) return std::to_string(maxEvents) + " events";
    if (strings_.size() >= kMaxStrings) return std::to_string(kMaxStrings) + " distinct texts";
    if (objects_.size() >= kMaxObjects) return std::to_string(kMaxObjects) + " objects";
    return {};
}

std::size_t Trace::stepBegin(std::uint32_t s) const {
    const std::size_t n = events_.size();
    if (s == 0) return 0;
    const std::size_t k = (s - 1) / kStepIndexEvery;
    if (k >= stepIndex_.size()) return n;
    std::size_t i = stepIndex_[k];
    for (std::uint32_t cur = static_cast<std::uint32_t>(k * kStepIndexEvery + 1); cur < s; ++cur) {
        do {
            ++i;
        } while (i < n && !(events_[i].flags & TraceEvent::StepStart));
        if (i >= n) return n;
    }
    return i;
}

std::uint32_t Trace::stepOfEvent(std::size_t eventIndex) const {
    // The last indexed step starting at or before the event, then the StepStart flags up to it.
    std::size_t lo = 0, hi = stepIndex_.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (stepIndex_[mid] <= eventIndex) lo = mid + 1;
        else hi = mid;
    }
    if (lo == 0) return 0;
    std::uint32_t step = static_cast<std::uint32_t>((lo - 1) * kStepIndexEvery + 1);
    for (std::size_t i = stepIndex_[lo - 1] + 1; i <= eventIndex && i < events_.size(); ++i)
        if (events_[i].flags & TraceEvent::StepStart) ++step;
    return step;
}

std::vector<Decision> Trace::decisions() const {
    std::vector<Decision> out;
    std::uint32_t step = 0;
    const std::size_t n = events_.size();
    for (std::size_t i = 0; i < n; ++i) {
        const TraceEvent& e = events_[i];
        if (!(e.flags & TraceEvent::StepStart)) continue;
        ++step;
        if (e.flags & TraceEvent::Chosen) out.push_back(Decision{step - 1, e.actor});
    }
    return out;
}

ActorId Trace::findActor(std::string_view name) const {
    for (std::size_t a = 0; a < actors_.size(); ++a)
        if (actors_[a].name == name) return static_cast<ActorId>(a);
    return kNoActor;
}

ObjectId Trace::findObject(std::string_view name) const {
    for (std::size_t o = 0; o < objects_.size(); ++o)
        if (objects_[o].name == name) return static_cast<ObjectId>(o);
    return kNoObject;
}

std::string_view Trace::argText(const TraceEvent& e) const {
    if (!(e.flags & TraceEvent::ArgIsString)) return {};
    const auto id = static_cast<std::uint32_t>(e.arg);
    return id < strings_.size() ? std::string_view(strings_[id]) : std::string_view{};
}

}  // namespace lockstep
