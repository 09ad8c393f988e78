#pragma once
// What the process tests check about the child processes a run leaves: none alive, none a zombie.

#include <QtTest>

#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include "lockstep/Execution.h"
#include "lockstep/mp/Multiprocessing.h"

namespace lockstep::testing {

// Alive and not a zombie: /proc/<pid>/stat's state is not Z.
inline bool processExists(std::int64_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    if (!stat) return false;
    std::string content((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = content.rfind(')');
    return close != std::string::npos && content.size() > close + 2 && content[close + 2] != 'Z';
}

// Children of this process, zombies included (they are what a missing waitpid leaves).
inline int childCount() {
    int n = 0;
    std::ifstream children("/proc/self/task/" + std::to_string(::getpid()) + "/children");
    std::string pid;
    while (children >> pid) ++n;
    return n;
}

// Stops a run of `body` after every one of its `steps` steps (0 to steps) and tears it down: no child may be
// left, running or as a zombie. Returns the step that left one, or -1.
inline long firstStepLeavingAChild(WorkerPool& pool, const std::function<void()>& body, std::uint32_t steps) {
    for (std::uint32_t stop = 0; stop <= steps; ++stop) {
        Trace t;
        {
            Execution ex(pool, t, RunConfig{}, body);
            ex.advance(StopRequest{.untilStep = stop});
            ex.teardown();
        }
        if (!mp::liveChildren().empty() || childCount() != 0) return static_cast<long>(stop);
    }
    return -1;
}

}  // namespace lockstep::testing
