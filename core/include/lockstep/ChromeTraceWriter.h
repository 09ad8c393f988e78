#pragma once
// Writes a trace in the Chrome Trace Event format (JSON), which Perfetto and chrome://tracing open.
// Process 1 holds one track per actor (state intervals as complete events, operations as instant events);
// process 2 holds one track per lock and semaphore slot (who holds it). Timestamps are virtual microseconds.

#include <ostream>
#include <string>

#include "lockstep/Trace.h"

namespace lockstep {

void writeChromeTrace(const Trace& trace, const std::string& title, std::ostream& out);

}  // namespace lockstep
