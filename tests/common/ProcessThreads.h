#pragma once
// How many OS threads this process has now: the tests' way to see that nothing is left running.

#include <filesystem>
#include <system_error>

namespace lockstep::testing {

inline int processThreadCount() {
    int n = 0;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator("/proc/self/task", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
        ++n;
    return n;
}

}  // namespace lockstep::testing
