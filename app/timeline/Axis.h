#pragma once
// The two horizontal axes of the timeline. Steps is the default while stepping: many steps happen at the same
// virtual instant, so on the time axis they would all collapse into one pixel.

#include <cstdint>

namespace lockstep::timeline {

enum class Axis : std::uint8_t { Steps, Time };

// A position on an axis: a step number (step s covers [s, s+1)) or virtual nanoseconds.
using Pos = std::int64_t;

}  // namespace lockstep::timeline
