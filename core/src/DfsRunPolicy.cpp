#include "DfsRunPolicy.h"

#include <algorithm>

#include "lockstep/RunSession.h"
#include "lockstep/Trace.h"

namespace lockstep {

namespace {

bool contains(const std::vector<ActorId>& v, ActorId a) { return std::find(v.begin(), v.end(), a) != v.end(); }

bool asleep(const std::vector<SleepingActor>& sleep, ActorId a) {
    return std::any_of(sleep.begin(), sleep.end(), [a](const SleepingActor& s) { return s.actor == a; });
}

}  // namespace

DfsRunPolicy::DfsRunPolicy(const RunRequest& request, const Trace& trace, RunReport& report)
    : request_(request), trace_(trace), report_(report), sleep_(request.sleep) {}

ActorId DfsRunPolicy::pick(const DecisionContext& ctx) {
    const std::size_t k = report_.path.size();
    if (k > 0) closeTransition(k - 1, ctx.randomDraws);
    RunReport::Step step;
    step.candidates.assign(ctx.candidates.begin(), ctx.candidates.end());
    step.current = ctx.current;
    step.currentCanGoOn = ctx.currentRunnable && !ctx.yielding && contains(step.candidates, ctx.current);
    if (k < request_.prefix.size()) {
        // Once a replayed choice is not possible the run is not the one asked for; it goes on only to end.
        if (!report_.diverged && !contains(step.candidates, request_.prefix[k])) report_.diverged = true;
        step.chosen = report_.diverged ? step.candidates.front() : request_.prefix[k];
    } else {
        step.sleep = sleep_;
        if (step.currentCanGoOn && !asleep(sleep_, ctx.current)) {
            step.chosen = ctx.current;
        } else {
            for (ActorId c : step.candidates)
                if (!asleep(sleep_, c)) {
                    step.chosen = c;
                    break;
                }
        }
        if (step.chosen == kNoActor) {
            // Every way on starts with a transition whose order against everything since was tried already.
            report_.sleepBlocked = true;
            closedLast_ = true;
            return kNoActor;
        }
    }
    eventBegin_.push_back(trace_.eventCount());
    drawsBefore_.push_back(ctx.randomDraws);
    report_.path.push_back(std::move(step));
    return report_.path.back().chosen;
}

void DfsRunPolicy::finish(std::uint64_t finalDraws) {
    if (closedLast_ || report_.path.empty()) return;
    closedLast_ = true;
    closeTransition(report_.path.size() - 1, finalDraws);
}

void DfsRunPolicy::closeTransition(std::size_t k, std::uint64_t drawsNow) {
    if (!request_.footprints || !run_) return;
    Footprint& f = report_.path[k].footprint;
    f.random = drawsNow > drawsBefore_[k];
    const std::size_t end = trace_.eventCount();
    for (std::size_t e = eventBegin_[k]; e < end; ++e) {
        const TraceEvent& ev = trace_.event(e);
        if (ev.op == Op::Work) f.cpu = true;
        if (ev.object == kNoObject) continue;
        // A load of a Shared variable (and the race report that follows it) only reads; everything else, on
        // any object, counts as a write.
        const bool shared = trace_.object(ev.object).kind == ObjectKind::Shared;
        f.touch(ev.object, !shared || (ev.op != Op::Load && ev.op != Op::Race));
    }
    // Silent reads and touches name the number of decisions taken before them: k + 1 during transition k.
    const auto& silent = run_->silentReads();
    for (; silentCursor_ < silent.size() && silent[silentCursor_].decisions <= k + 1; ++silentCursor_)
        if (silent[silentCursor_].decisions == k + 1) f.touch(silent[silentCursor_].object, false);
    const auto& touches = run_->touches();
    for (; touchCursor_ < touches.size() && touches[touchCursor_].decisions <= k + 1; ++touchCursor_)
        if (touches[touchCursor_].decisions == k + 1) f.touch(touches[touchCursor_].thing, touches[touchCursor_].write);
    f.finish();
    // A sleeping actor wakes when a transition dependent on its next one has run: its order against that
    // transition has not been tried. The request's sleep set starts to apply at the transition of the last
    // prefix choice.
    if (k + 1 >= request_.prefix.size())
        std::erase_if(sleep_, [&](const SleepingActor& s) { return s.next.dependsOn(f); });
}

}  // namespace lockstep
