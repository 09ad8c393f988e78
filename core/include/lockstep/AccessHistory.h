#pragma once
// What the race detector remembers of one shared variable: its last store and, since then, the last load
// of each actor, each with the step it happened at and the accessing actor's epoch (its own vector-clock
// component at that moment).

#include <cstdint>
#include <optional>
#include <vector>

#include "lockstep/Types.h"

namespace lockstep {

struct AccessHistory {
    struct Entry {
        ActorId actor = kNoActor;
        std::uint32_t epoch = 0;
        std::uint32_t step = 0;
    };
    std::optional<Entry> lastWrite;
    std::vector<Entry> reads;  // one per actor that loaded since the last store
};

}  // namespace lockstep
