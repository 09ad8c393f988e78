#include "lockstep/Api.h"

#include <unistd.h>

#include "lockstep/mp/Detail.h"

// In a child process (multiprocessing) there is no engine: each function asks the scheduler through the
// child's link, which carries out the same operation on the child's stand-in actor there.
using lockstep::mp::detail::Call;
using lockstep::mp::detail::childLink;

namespace lockstep {

void sleep(std::chrono::nanoseconds d) {
    if (childLink()) {
        mp::detail::call(Call::Sleep, {static_cast<long long>(d.count())});
        return;
    }
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.sleepFor(me, d.count());
}

void work(std::chrono::nanoseconds d) {
    if (childLink()) {
        mp::detail::call(Call::Work, {static_cast<long long>(d.count())});
        return;
    }
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.workFor(me, d.count());
}

void line(int n) {
    if (auto* link = childLink()) {
        link->line = n;
        return;
    }
    Execution& ex = Execution::current();
    const ActorId me = ex.self();
    if (me != kNoActor) ex.setLine(me, static_cast<std::uint16_t>(n));
}

void printText(std::string_view text) {
    if (childLink()) {
        mp::detail::call(Call::Print, {text});
        return;
    }
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.record(me, Op::Print, kNoObject, Result::Ok, ex.text(text), TraceEvent::ArgIsString);
    ex.yieldPoint(me);
}

ThreadRef current_thread() {
    if (childLink()) return ThreadRef{"MainThread", kNoActor, static_cast<std::int64_t>(::gettid())};
    Execution& ex = Execution::current();
    const ActorId me = ex.self();
    return ThreadRef{ex.actorName(me), me, ex.actorTid(me)};
}

double monotonic() {
    if (childLink()) return toSeconds(mp::detail::call(Call::Now, {}).asInt());
    return toSeconds(Execution::current().now());
}

std::int64_t randint(std::int64_t lo, std::int64_t hi) {
    if (childLink()) return mp::detail::call(Call::Random, {static_cast<long long>(lo), static_cast<long long>(hi)}).asInt();
    Execution& ex = Execution::current();
    if (hi < lo) std::swap(lo, hi);
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<std::int64_t>(ex.nextRandom() % span);
}

}  // namespace lockstep
