#pragma once
// The learner's own Python program as a scenario: CPython (libpython3.11) embedded, one sub-interpreter per
// run, every Python thread a real OS thread and an actor of the scheduler, threading's primitives the
// engine's, time on the virtual clock. A loaded program is found by scenarios::find(id) like a built-in one,
// so the window, the command line, the explorer and the exports treat both alike.

#include <string>

#include "lockstep/scenarios/Scenario.h"

namespace lockstep::python {

// The scenario parameter that makes every bytecode instruction of the learner's code a scheduling point
// (0: every line, the default).
inline constexpr const char* kBytecodeParam = "bytecode";
// The scenario parameter that makes the learner's Python code take virtual CPU time, calibrated against
// CPython (1, the default), so CPU-bound threads compete for cores and the GIL; 0: only sleeps and timeouts
// move the clock.
inline constexpr const char* kCpuParam = "cpu";
// The wall clock's reading when a run starts, in whole seconds since 1970: time.time(), datetime.now() and
// logging's timestamps go on from it with the virtual clock. It defaults to the moment the program was loaded,
// so every run of one exploration reads the same dates, and a replay token carries it.
inline constexpr const char* kStartParam = "start";
// A program's default step limit (a built-in scenario's is RunConfig's).
inline constexpr std::uint32_t kProgramMaxSteps = 5'000'000;

// The largest program loadProgram reads: far more than a learner writes, far less than would strain memory.
inline constexpr long kMaxProgramBytes = 1 << 20;

// Reads and compiles `path` (syntax errors are reported as CPython words them) and registers it as a
// scenario whose id is the absolute path. Loading the same path again replaces the text (the editor saved
// it). Returns nullptr and sets `error` when the file is not a regular file (a directory, a FIFO, a
// device), is larger than kMaxProgramBytes, cannot be read or does not compile.
const scenarios::Scenario* loadProgram(const std::string& path, std::string& error);

// The same from text: `path` names the program (its directory is where its own modules are looked up; it
// need not exist). Used for the editor's unsaved text and for the built-in listings run as programs.
const scenarios::Scenario* loadSource(const std::string& path, const std::string& source, std::string& error);

// Whether a command-line argument names a Python program rather than a scenario id.
bool looksLikeProgram(const std::string& arg);

}  // namespace lockstep::python
