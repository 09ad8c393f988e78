#pragma once
// threading.Timer(interval, function): a thread that waits `interval`, then calls `function` unless
// cancel() came first.

#include <chrono>
#include <functional>

#include "lockstep/Event.h"
#include "lockstep/Thread.h"

namespace lockstep {

class Timer : public Thread {
public:
    Timer(std::chrono::nanoseconds interval, std::function<void()> function, ThreadOptions options = {});
    void cancel() { finished_.set(); }

private:
    Event finished_;
};

}  // namespace lockstep
