#pragma once
// A vector clock: for each actor, how many of its release steps are known to have happened before. The
// race detector orders accesses to shared variables with them (happens-before through locks, starts,
// joins, events, conditions, queues, semaphores and barriers).

#include <algorithm>
#include <cstdint>
#include <vector>

#include "lockstep/Types.h"

namespace lockstep {

class VectorClock {
public:
    std::uint32_t at(ActorId a) const { return a < c_.size() ? c_[a] : 0; }
    void set(ActorId a, std::uint32_t v) {
        if (a >= c_.size()) c_.resize(static_cast<std::size_t>(a) + 1, 0);
        c_[a] = v;
    }
    void tick(ActorId a) { set(a, at(a) + 1); }
    // this = max(this, other), component by component
    void join(const VectorClock& other) {
        if (other.c_.size() > c_.size()) c_.resize(other.c_.size(), 0);
        for (std::size_t i = 0; i < other.c_.size(); ++i) c_[i] = std::max(c_[i], other.c_[i]);
    }
    void clear() { c_.clear(); }

private:
    std::vector<std::uint32_t> c_;
};

}  // namespace lockstep
