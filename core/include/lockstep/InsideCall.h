#pragma once
// A learner's Python program waits on objects it never made: t.start() waits on the thread's `_started` Event,
// q.put() on the queue's `not_full` Condition (ObjectInfo::internal). With the standard library's internals
// hidden, every view (story, code view header, scheduler bar) names the learner's call the thread is inside
// instead; this is where that call is found, once, for all of them.
//
// The call is read off the learner's line the thread is on (a Python program's events carry the line of the
// innermost frame in the learner's file, so that is the line whose call went into the library).

#include <cstdint>
#include <string>
#include <string_view>

#include "lockstep/Types.h"

namespace lockstep {

class TraceModel;

struct InsideCall {
    std::uint16_t line = 0;  // the learner's line (0: not known)
    std::string call;        // the call on it as written, arguments left out: "q.put()"; empty when none is found
    friend bool operator==(const InsideCall&, const InsideCall&) = default;
};

// The call a line of Python makes that a wait is most likely inside: the most deeply nested call, the last of
// those at one depth (Python evaluates a chain left to right, so `Thread(target=f).start()` waits in start()),
// with its arguments left out: "q.put()" for `q.put(item, timeout=2)`, "Thread(…).start()" for the chain.
// Empty when the line calls nothing (`with lock:`).
std::string callOnLine(std::string_view code);

// Line `line` (1-based) of a listing, without its line break; empty when there is none.
std::string_view listingLine(std::string_view listing, int line);

// Whether `object` is one the views hide while internals are hidden.
bool isInternal(const TraceModel& model, ObjectId object);

// The learner's call an actor waiting at `line` is inside (the listing is the program's text).
InsideCall insideCall(std::string_view listing, std::uint16_t line);

}  // namespace lockstep
