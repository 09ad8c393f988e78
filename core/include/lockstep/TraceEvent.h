#pragma once

#include <cstdint>

#include "lockstep/Types.h"

namespace lockstep {

// One entry of the trace: 24 bytes, so a million events cost 24 MB. Steps and scheduling decisions cost
// nothing more: the first event of each step carries StepStart, and when the decision before that step had
// more than one candidate it carries Chosen as well (the chosen actor is that event's actor).
struct TraceEvent {
    enum Flag : std::uint8_t {
        ArgIsString = 1,  // arg is an index into the trace's string table
        ArgIsMicros = 2,  // arg is a duration in microseconds (sleep, work, timeouts)
        ToStderr = 4,     // a printed line that went to standard error (an uncaught exception's report)
        HasTimeout = 8,   // a blocking call with a timeout
        StepStart = 16,   // the first event of a step
        Chosen = 32,      // with StepStart: the decision before this step had more than one candidate
    };

    Nanos time = 0;
    ObjectId object = kNoObject;
    std::int32_t arg = 0;  // meaning depends on op: a value, a slot index, a string id, a duration, an actor
    ActorId actor = kNoActor;
    Op op = Op::Run;
    Result result = Result::Ok;
    std::uint16_t line = 0;  // listing line the actor was on (0: none)
    std::uint8_t core = 0;
    std::uint8_t flags = 0;
};
static_assert(sizeof(TraceEvent) == 24, "TraceEvent must stay compact");

}  // namespace lockstep
