#include "lockstep/Api.h"


namespace lockstep {

void sleep(std::chrono::nanoseconds d) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.sleepFor(me, d.count());
}

void work(std::chrono::nanoseconds d) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.workFor(me, d.count());
}

void line(int n) {
    Execution& ex = Execution::current();
    const ActorId me = ex.self();
    if (me != kNoActor) ex.setLine(me, static_cast<std::uint16_t>(n));
}

void printText(std::string_view text) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    ex.record(me, Op::Print, kNoObject, Result::Ok, ex.text(text), TraceEvent::ArgIsString);
    ex.yieldPoint(me);
}

ThreadRef current_thread() {
    Execution& ex = Execution::current();
    const ActorId me = ex.self();
    return ThreadRef{ex.actorName(me), me, ex.actorTid(me)};
}

double monotonic() { return toSeconds(Execution::current().now()); }

std::int64_t randint(std::int64_t lo, std::int64_t hi) {
    Execution& ex = Execution::current();
    if (hi < lo) std::swap(lo, hi);
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<std::int64_t>(ex.nextRandom() % span);
}

}  // namespace lockstep
