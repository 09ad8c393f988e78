#include "lockstep/ObjectTraits.h"

#include <array>

namespace lockstep {

namespace {

constexpr ObjectTraits traitsOf(ObjectKind k) {
    using F = ObjectFamily;
    using L = LaneFamily;
    switch (k) {
        case ObjectKind::Thread:
        case ObjectKind::Timer: return {F::Thread, L::None, false, false, false, false};
        case ObjectKind::Lock:
        case ObjectKind::RLock:
        case ObjectKind::Gil: return {F::Lock, L::Hold, true, false, false, false};
        case ObjectKind::Semaphore:
        case ObjectKind::BoundedSemaphore: return {F::Semaphore, L::Slots, false, true, false, false};
        case ObjectKind::Event:
        case ObjectKind::Condition:
        case ObjectKind::Barrier: return {F::Signal, L::Signal, false, false, false, false};
        case ObjectKind::Queue: return {F::Queue, L::Queue, false, false, false, false};
        case ObjectKind::Shared: return {F::Shared, L::None, false, false, false, false};
        case ObjectKind::Future: return {F::Future, L::Future, false, false, false, false};
        case ObjectKind::ThreadPoolExecutor:
        case ObjectKind::ProcessPoolExecutor:
        case ObjectKind::Pool: return {F::Executor, L::None, false, false, false, false};
        case ObjectKind::AsyncTask:
        case ObjectKind::AsyncFuture: return {F::Task, L::Task, false, false, true, false};
        case ObjectKind::AsyncCallback: return {F::Callback, L::None, false, false, true, false};
        case ObjectKind::EventLoop: return {F::EventLoop, L::None, false, false, false, false};
        case ObjectKind::AsyncLock:
        case ObjectKind::AsyncEvent:
        case ObjectKind::AsyncSemaphore:
        case ObjectKind::AsyncQueue: return {F::AsyncPrimitive, L::None, false, false, true, false};
        case ObjectKind::Process: return {F::Process, L::None, false, false, false, false};
        case ObjectKind::Connection:
        case ObjectKind::ProcessQueue: return {F::Channel, L::None, false, false, false, true};
        case ObjectKind::SharedValue:
        case ObjectKind::SharedArray: return {F::SharedMemory, L::None, false, false, false, false};
        case ObjectKind::ThreadLocal:
        case ObjectKind::Manager:
        case ObjectKind::DictProxy:
        case ObjectKind::ListProxy:
        case ObjectKind::Count_: break;
    }
    return {};
}

constexpr auto kTable = [] {
    std::array<ObjectTraits, std::size_t(ObjectKind::Count_) + 1> t{};
    for (std::size_t k = 0; k < t.size(); ++k) t[k] = traitsOf(ObjectKind(k));
    return t;
}();

}  // namespace

const ObjectTraits& objectTraits(ObjectKind kind) {
    const auto k = std::size_t(kind);
    return kTable[k < kTable.size() ? k : kTable.size() - 1];
}

}  // namespace lockstep
