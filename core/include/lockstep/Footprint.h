#pragma once
// What one transition touched: the steps an actor takes between two scheduling decisions, as the explorer's
// partial-order reduction sees them. Two transitions of different actors are dependent (their order may
// change what happens) when both touch one thing and at least one of them writes it, when both draw random
// numbers (one generator serves the whole run, in execution order), or when both compute on the virtual
// cores (bursts compete for cores and the GIL).

#include <cstdint>
#include <utility>
#include <vector>

#include "lockstep/Types.h"

namespace lockstep {

struct Footprint {
    // A thing is an engine object (its ObjectId), or, with kForeign set, a thing a library on top of the engine
    // numbers itself: a Python program's module globals and objects (see Execution::noteTouch).
    static constexpr std::uint64_t kForeign = std::uint64_t{1} << 63;

    // (thing, written), sorted by thing, each thing once; see finish().
    std::vector<std::pair<std::uint64_t, bool>> touched;
    bool random = false;
    bool cpu = false;
    bool writes = false;  // some entry of touched is written (a quick way out of dependsOn for readers)

    void touch(std::uint64_t thing, bool write) { touched.emplace_back(thing, write); }
    // Sorts and merges what touch() collected (written wins over read).
    void finish();
    bool dependsOn(const Footprint& other) const;
    bool operator==(const Footprint&) const = default;
};

}  // namespace lockstep
