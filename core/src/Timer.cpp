#include "lockstep/Timer.h"

namespace lockstep {

Timer::Timer(std::chrono::nanoseconds interval, std::function<void()> function, ThreadOptions options)
    : Thread(std::function<void()>{}, std::move(options)), finished_(name() + ".finished") {
    Event finished = finished_;
    target_ = [finished, interval, function]() mutable {
        finished.wait(interval);
        if (!finished.is_set() && function) function();
        finished.set();
    };
}

}  // namespace lockstep
