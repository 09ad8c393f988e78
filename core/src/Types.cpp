#include "lockstep/Types.h"

#include <array>

namespace lockstep {

namespace {
template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::string_view, N>& names, E e) {
    static_assert(N == static_cast<std::size_t>(E::Count_), "every enumerator needs a name");
    const auto i = static_cast<std::size_t>(e);
    return i < N ? names[i] : std::string_view("?");
}
}  // namespace

std::string_view opName(Op op) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(Op::Count_)> names{
        "create", "start", "run", "join", "acquire", "release", "wait", "wait_for", "notify", "notify_all",
        "set", "clear", "put", "get", "task_done", "join_queue", "sleep", "work", "load", "store", "print",
        "raise", "switch", "cancel", "deadlock", "yield", "race", "submit", "set_running_or_notify_cancel",
        "set_result", "set_exception", "result", "exception", "as_completed", "shutdown", "resume", "await", "callback",
        "send", "recv", "signal", "exit", "locals"};
    return nameOf(names, op);
}

std::string_view resultName(Result r) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(Result::Count_)> names{
        "ok", "acquired", "blocked", "woken", "timeout", "failed", "error", "started", "done", "preempted",
        "handover", "aborted", "cancelled"};
    return nameOf(names, r);
}

std::string_view actorKindName(ActorKind k) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(ActorKind::Count_)> names{
        "main-thread", "thread", "process"};
    return nameOf(names, k);
}

std::string_view objectKindName(ObjectKind k) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(ObjectKind::Count_)> names{
        "Thread", "Lock",  "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition",
        "Queue",  "Barrier", "Timer", "Shared", "ThreadLocal", "GIL", "Future", "ThreadPoolExecutor", "Task",
        "EventLoop", "asyncio.Future", "callback", "asyncio.Lock", "asyncio.Event", "asyncio.Semaphore",
        "asyncio.Queue", "Process", "Connection", "multiprocessing.Queue", "Value", "Array", "Manager", "DictProxy",
        "ListProxy", "Pool", "ProcessPoolExecutor"};
    return nameOf(names, k);
}

std::string_view endStateName(EndState s) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(EndState::Count_)> names{
        "running", "finished", "error", "blocked", "killed", "not-started"};
    return nameOf(names, s);
}

std::string_view runStatusName(RunStatus s) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(RunStatus::Count_)> names{
        "running", "finished", "deadlock", "stuck", "step-limit", "trace-limit", "error", "aborted", "crashed",
        "frozen"};
    return nameOf(names, s);
}

std::string_view futureStateName(FutureState s) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(FutureState::Count_)> names{
        "pending", "running", "finished", "failed", "cancelled"};
    return nameOf(names, s);
}

std::string_view taskStateName(TaskState s) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(TaskState::Count_)> names{
        "pending", "ready", "running", "waiting", "done", "failed", "cancelled"};
    return nameOf(names, s);
}

}  // namespace lockstep
