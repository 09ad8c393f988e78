#include "lockstep/Verdict.h"

#include <set>

#include "lockstep/RunState.h"
#include "lockstep/Story.h"
#include "lockstep/TraceModel.h"

namespace lockstep {

namespace {

const FinalValue* finalValueNamed(const Trace& trace, const std::string& name) {
    for (const FinalValue& v : trace.outcome().shared)
        if (v.object < trace.objectCount() && trace.object(v.object).name == name) return &v;
    return nullptr;
}

// How the run ended, when it did not finish: the first item, since nothing after it makes sense without it.
void addEnding(const TraceModel& run, std::vector<VerdictItem>& items) {
    const RunOutcome& o = run.outcome();
    VerdictItem item;
    item.step = o.steps;
    item.status = o.status;
    item.message = o.message;
    switch (o.status) {
        case RunStatus::Finished:
        case RunStatus::Running:
            return;
        case RunStatus::Deadlock:
            if (o.deadlockCycle >= 0 && std::size_t(o.deadlockCycle) < run.cycles().size()) {
                const DeadlockCycle& c = run.cycles()[std::size_t(o.deadlockCycle)];
                item.kind = VerdictKind::Deadlock;
                item.step = c.step;
                item.actors = c.actors;
                item.objects = c.objects;
                break;
            }
            item.kind = VerdictKind::Unfinished;
            break;
        case RunStatus::Stuck: {
            // Who waits on what when everything stopped (threads that never got to run are not waiting).
            item.kind = VerdictKind::Stuck;
            const RunState& last = run.head();
            for (ActorId a = 0; a < run.actorCount(); ++a) {
                const StateInterval& s = last.actor(a).state;
                if (s.state != ActorState::Blocked) continue;
                item.actors.push_back(a);
                item.objects.push_back(s.object);
            }
            break;
        }
        default:
            item.kind = VerdictKind::Unfinished;
            break;
    }
    items.push_back(std::move(item));
}

}  // namespace

RunConfig oneAfterAnotherConfig(const RunConfig& config) {
    RunConfig c = config;
    c.policy = PolicyKind::Cooperative;
    c.schedule.clear();
    c.oneAfterAnother = true;
    return c;
}

bool verdictComparesValues(const Trace& run) {
    return run.outcome().status == RunStatus::Finished && !run.outcome().shared.empty();
}

Verdict deriveVerdict(const TraceModel& run, const Trace* oneAfterAnother) {
    Verdict v;
    const Trace* trace = run.trace();
    if (!trace || !run.ended()) return v;
    addEnding(run, v.items);

    for (const RaisedError& e : run.head().errors()) {
        if (!e.uncaught) continue;
        VerdictItem item;
        item.kind = VerdictKind::Uncaught;
        item.actor = e.actor;
        item.step = e.step;
        item.value = run.text(e.text);
        v.items.push_back(std::move(item));
    }

    if (oneAfterAnother) {
        v.compared = true;
        v.sequentialStatus = oneAfterAnother->outcome().status;
        for (const FinalValue& f : oneAfterAnother->outcome().shared)
            if (f.object < oneAfterAnother->objectCount())
                v.sequential.push_back(SequentialValue{oneAfterAnother->object(f.object).name, f.text, f.numeric});
    }
    // Final values mean something only when both runs finished; a run that did not finish was told above.
    if (oneAfterAnother && run.outcome().status == RunStatus::Finished) {
        if (v.sequentialStatus != RunStatus::Finished) {
            VerdictItem item;
            item.kind = VerdictKind::NoSequential;
            item.status = v.sequentialStatus;
            item.message = oneAfterAnother->outcome().message;
            if (item.status == RunStatus::Stuck)
                for (ActorId a = 0; a < oneAfterAnother->actorCount(); ++a)
                    if (oneAfterAnother->actor(a).endState == EndState::Running) item.waitsForLater = true;
            v.items.push_back(std::move(item));
        } else {
            // The story already knows which stores lost an update: the verdict names the first on each variable.
            StoryTeller teller(run);
            const std::vector<LostUpdate> lost = teller.lostUpdates();
            bool allSame = true;
            for (const FinalValue& f : run.outcome().shared) {
                if (f.object >= run.objectCount()) continue;
                const FinalValue* seq = finalValueNamed(*oneAfterAnother, run.object(f.object).name);
                if (!seq || seq->text == f.text) continue;
                allSame = false;
                VerdictItem item;
                item.kind = VerdictKind::Differs;
                item.object = f.object;
                item.value = f.text;
                item.sequentialValue = seq->text;
                item.numeric = f.numeric && seq->numeric;
                for (const LostUpdate& l : lost) {
                    if (l.object != f.object) continue;
                    if (!item.lost) {
                        item.lost = true;
                        item.actor = l.writer;
                        item.step = l.step;
                        item.other = l.lostWriter;
                        item.otherStep = l.lostStep;
                    }
                    ++item.lostCount;
                }
                if (!item.lost) {
                    // No lost update to blame: the step to look at is the store that left the value.
                    for (std::size_t i = run.events(); i-- > 0;) {
                        const TraceEvent& e = trace->event(i);
                        if (e.op != Op::Store || e.object != f.object || e.result != Result::Ok) continue;
                        item.actor = e.actor;
                        item.step = run.stepOfEvent(i);
                        break;
                    }
                }
                v.items.push_back(std::move(item));
            }
            if (allSame) v.items.push_back(VerdictItem{});  // AsSequential: nothing to point at
        }
    }

    // One race per variable: the first says where to look; the rest are usually the same two lines again.
    std::set<ObjectId> raced;
    for (const DataRace& r : run.races()) {
        if (!raced.insert(r.object).second) continue;
        VerdictItem item;
        item.kind = VerdictKind::Race;
        item.object = r.object;
        item.actor = r.second.actor;
        item.step = r.second.step;
        item.write = r.second.write;
        item.other = r.first.actor;
        item.otherStep = r.first.step;
        item.otherWrote = r.first.write;
        v.items.push_back(std::move(item));
    }
    if (v.items.empty() && run.outcome().status == RunStatus::Finished) v.items.push_back(VerdictItem{VerdictKind::Finished});
    return v;
}

}  // namespace lockstep
