#pragma once
// Where a learner's Python program runs: never in Lockstep's own process (the window, the command line, a
// test), but in the runner, a small process this binary starts once (`--lockstep-runner`) with the
// interpreter initialised and the usual standard library imported. Each run is a fork() of the runner, so it
// starts at once with fresh module state; the child runs the program under its own engine, with real threads,
// and streams its trace back into a Trace of this process (see RemoteRun). Whatever the program does (crash,
// os._exit, a signal, real code that never returns), this process survives and the run ends with a status
// that says what happened.

#include <chrono>
#include <string>

namespace lockstep::python {

// Call first thing in main(): when this process was started as the runner, runs it and returns its exit code;
// otherwise returns -1 at once.
int runRunnerIfRequested(int argc, char** argv);

// How runs are contained. The sandbox runs the runner under bubblewrap: no network, the file system read-only
// except a scratch directory (the program's working directory), tighter limits on memory, files and processes.
struct RunnerSettings {
    bool sandbox = false;
    // A thread that stays inside one scheduling point longer than this (real time: a blocking system call, a
    // long computation in C) ends the run as frozen.
    std::chrono::milliseconds freezeLimit{5000};
};
void setRunnerSettings(const RunnerSettings& settings);
RunnerSettings runnerSettings();

// Whether the sandbox can be used here (bubblewrap installed and allowed to make namespaces); `why` says
// what is missing when it cannot.
bool sandboxAvailable(std::string* why = nullptr);

// Ctrl+C: every run in progress stops at its next scheduling point, and one that does not reach it soon (it
// is frozen in real code) is killed. Async-signal-safe.
void interruptRuns();

}  // namespace lockstep::python
