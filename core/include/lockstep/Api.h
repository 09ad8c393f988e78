#pragma once
// Free functions a scenario calls, named after Python's: time.sleep, print, threading.current_thread...

#include <chrono>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "lockstep/Execution.h"
#include "lockstep/Repr.h"

namespace lockstep {

// time.sleep(d): the thread sleeps d of virtual time; sleep(0) only gives up the rest of its turn.
void sleep(std::chrono::nanoseconds d);
// A CPU burst of d: the thread needs a core (and the GIL, when it is on) for d of virtual time, and is
// preempted at quantum boundaries under a preemptive policy.
void work(std::chrono::nanoseconds d);
// The listing line the calling thread is on; every event it records until the next call carries it.
void line(int n);
// print(...) with Python's spacing: arguments separated by one space.
void printText(std::string_view text);
template <typename... Args>
void print(const Args&... args) {
    std::string out;
    [[maybe_unused]] bool first = true;  // not out.empty(): print("", "x") is " x"
    ((out += (first ? "" : " "), out += str(args), first = false), ...);
    printText(out);
}

struct ThreadRef {
    std::string name;
    ActorId ident = kNoActor;
    std::int64_t nativeId = 0;  // the OS thread id
};
ThreadRef current_thread();
// Virtual time since the run began, in seconds (time.monotonic()).
double monotonic();
// A random integer in [lo, hi] drawn from the run's seed (random.randint), the same on every run.
std::int64_t randint(std::int64_t lo, std::int64_t hi);

}  // namespace lockstep
