#include "lockstep/Story.h"

#include <algorithm>

#include "lockstep/ObjectTraits.h"
#include "lockstep/RunState.h"
#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"

namespace lockstep {

namespace {

bool isVariable(ObjectKind k) {
    return k == ObjectKind::Shared || k == ObjectKind::SharedValue || k == ObjectKind::SharedArray;
}

ObjectKind kindOf(const TraceModel& model, ObjectId o) {
    return o < model.objectCount() ? model.object(o).kind : ObjectKind::Count_;
}

// Why `previous` stopped running. What it did in the step comes first: a thread that went to sleep may be
// awake again by the time of the switch (the clock moved on to its wake-up), and it still gave up the core
// because it slept. Without such an event, its state just before the switch tells.
SwitchReason reasonFor(const Trace& trace, std::size_t begin, std::size_t at, const RunState& before,
                       ActorId previous) {
    for (std::size_t j = at; j-- > begin;) {
        const TraceEvent& e = trace.event(j);
        if (e.actor != previous) continue;
        if (e.op == Op::Sleep && e.result == Result::Blocked) return SwitchReason::Slept;
        if (e.op == Op::Work && e.result == Result::Preempted) return SwitchReason::SliceOver;
        if (e.op == Op::Run &&
            (e.result == Result::Done || e.result == Result::Error || e.result == Result::Aborted))
            return SwitchReason::Ended;
        if (e.result == Result::Blocked && e.op != Op::Deadlock) return SwitchReason::Blocked;
    }
    const ActorNow& p = before.actor(previous);
    if (p.ended || p.state.state == ActorState::Done) return SwitchReason::Ended;
    if (p.state.state == ActorState::Sleeping) return SwitchReason::Slept;
    if (p.state.state == ActorState::Blocked) return SwitchReason::Blocked;
    return SwitchReason::Preempted;
}

}  // namespace

void StoryTeller::catchUp() {
    if (generation_ != model_.generation() || scanned_ > model_.events()) {
        generation_ = model_.generation();
        scanned_ = 0;
        step_ = 0;
        lastStore_.clear();
        lastLoad_.clear();
        stores_.clear();
        state_ = RunState{};
    }
    const Trace* trace = model_.trace();
    if (!trace) return;
    for (; scanned_ < model_.events(); ++scanned_) {
        const TraceEvent& e = trace->event(scanned_);
        if (e.flags & TraceEvent::StepStart) ++step_;
        const bool access = e.op == Op::Load || e.op == Op::Store || e.op == Op::Create;
        if (!access || e.result != Result::Ok || e.actor == kNoActor) continue;
        if (!isVariable(kindOf(model_, e.object))) continue;
        if (lastStore_.size() <= e.object) {
            lastStore_.resize(std::size_t(e.object) + 1);
            lastLoad_.resize(std::size_t(e.object) + 1);
        }
        if (e.op == Op::Create) {
            // The first value is what the first store writes over (a store then says "over MainThread's 0").
            lastStore_[e.object] =
                LastStore{std::uint32_t(scanned_), step_, e.actor, EventText::of(e).text(*trace), true};
            continue;
        }
        std::vector<std::int64_t>& loads = lastLoad_[e.object];
        if (loads.size() <= e.actor) loads.resize(std::size_t(e.actor) + 1, -1);
        if (e.op == Op::Load) {
            loads[e.actor] = std::int64_t(scanned_);
            continue;
        }
        LastStore& last = lastStore_[e.object];
        StoreFacts facts;
        facts.event = std::uint32_t(scanned_);
        facts.step = step_;
        if (last.any) {
            facts.previousWriter = last.actor;
            facts.previousStep = last.step;
            facts.previousValue = last.value;
            // The writer read the variable, but before the other thread's store: what it stores was computed
            // from an older value, so the other store is gone without anyone having seen it. A store by a
            // thread that never read the variable is a plain overwrite, not a lost update.
            const std::int64_t read = loads[e.actor];
            facts.lost = last.actor != e.actor && read >= 0 && read < std::int64_t(last.event);
        }
        stores_.push_back(facts);
        last.event = std::uint32_t(scanned_);
        last.step = step_;
        last.actor = e.actor;
        last.value = EventText::of(e).text(*trace);
        last.any = true;
    }
}

const StoryTeller::StoreFacts* StoryTeller::storeAt(std::uint32_t event) const {
    const auto it = std::lower_bound(stores_.begin(), stores_.end(), event,
                                     [](const StoreFacts& f, std::uint32_t ev) { return f.event < ev; });
    return it != stores_.end() && it->event == event ? &*it : nullptr;
}

std::vector<StorySentence> StoryTeller::storyOf(std::uint32_t step) {
    std::vector<StorySentence> out;
    const Trace* trace = model_.trace();
    if (!trace || step == 0 || step > model_.steps()) return out;
    catchUp();
    const std::size_t begin = model_.stepBegin(step);
    const std::size_t end = std::min(model_.stepEnd(step), model_.events());
    model_.moveTo(state_, step - 1);
    RunState& state = state_;
    std::vector<char> told(end - begin, 0);  // events already told as part of an earlier sentence
    // Whether the scheduler had a choice after this step: the next step's first event says so.
    const bool choiceAfter = end < model_.events() && (trace->event(end).flags & TraceEvent::Chosen);

    for (std::size_t i = begin; i < end; ++i) {
        const TraceEvent& e = trace->event(i);
        if (told[i - begin]) {
            state.apply(*trace, model_.snapshot(), i);
            continue;
        }
        StorySentence s;
        s.actor = e.actor;
        s.object = e.object;
        s.op = e.op;
        s.result = e.result;
        const ObjectKind kind = kindOf(model_, e.object);
        const std::string text = EventText::of(e).text(*trace);
        auto add = [&](StoryKind k) {
            s.kind = k;
            s.internal = isInternal(model_, s.object);
            if (s.internal && s.isWait()) s.inside = insideCall(listing_, e.line);
            out.push_back(s);
        };
        // A wait ends, a wait begins: the same words for every call that can block.
        auto waitResult = [&]() -> bool {
            switch (e.result) {
                case Result::Blocked:
                    add(StoryKind::Blocked);
                    return true;
                case Result::Woken:
                    add(StoryKind::Woken);
                    return true;
                case Result::Timeout:
                    add(StoryKind::TimedOut);
                    return true;
                default:
                    return false;
            }
        };
        const bool asyncio = kind != ObjectKind::Count_ && objectTraits(kind).asyncio;
        switch (e.op) {
            case Op::Run:
                if (asyncio) {
                    // A task or asyncio future ended: the loop's thread goes on.
                    if (e.result == Result::Error) s.value = text;
                    add(StoryKind::TaskEnded);
                } else if (e.result == Result::Started)
                    add(StoryKind::Began);
                else if (e.result == Result::Done)
                    add(StoryKind::Ended);
                else if (e.result == Result::Error) {
                    s.value = text;
                    add(StoryKind::Failed);
                } else
                    add(StoryKind::Other);
                break;
            case Op::Create:
                if (isVariable(kind)) s.value = text;
                add(StoryKind::Created);
                break;
            case Op::Start:
                s.other = e.arg >= 0 ? ActorId(e.arg) : kNoActor;
                add(StoryKind::StartedThread);
                break;
            case Op::Join:
                s.other = state.object(e.object).actor;
                if (e.result == Result::Ok)
                    add(StoryKind::Joined);
                else if (!waitResult())
                    add(StoryKind::Other);
                break;
            case Op::Acquire:
                if (e.result == Result::Acquired) {
                    add(StoryKind::Acquired);
                } else if (e.result == Result::Blocked) {
                    // A lock has one holder to name; a semaphore with no free slot is told as a plain wait.
                    const bool oneHolder = kind != ObjectKind::Count_ && objectTraits(kind).holder;
                    const std::vector<ActorId> holders =
                        oneHolder ? state.holders(e.object) : std::vector<ActorId>{};
                    if (!holders.empty()) {
                        s.other = holders.front();
                        add(StoryKind::AskedForHeld);
                    } else {
                        add(StoryKind::Blocked);
                    }
                } else if (!waitResult()) {
                    add(StoryKind::Other);
                }
                break;
            case Op::Release:
                if (e.result == Result::Ok || e.result == Result::Handover) {
                    // The waiter this release let go is woken later in the same step: one sentence for both.
                    for (std::size_t j = i + 1; j < end; ++j) {
                        const TraceEvent& w = trace->event(j);
                        if (w.object == e.object && w.result == Result::Woken) {
                            s.other = w.actor;
                            told[j - begin] = 1;
                            break;
                        }
                    }
                    add(StoryKind::Released);
                } else {
                    add(StoryKind::Other);
                }
                break;
            case Op::Load:
                if (e.result == Result::Ok && isVariable(kind)) {
                    s.value = text;
                    add(StoryKind::Read);
                } else {
                    add(StoryKind::Other);
                }
                break;
            case Op::Store:
                s.value = text;
                if (const StoreFacts* f = storeAt(std::uint32_t(i))) {
                    s.other = f->previousWriter;
                    s.otherStep = f->previousStep;
                    s.oldValue = f->previousValue;
                    add(StoryKind::Wrote);
                    if (f->lost) add(StoryKind::LostUpdate);
                } else {
                    add(StoryKind::Wrote);
                }
                break;
            case Op::Race:
                if (e.arg >= 0 && std::size_t(e.arg) < model_.races().size()) {
                    const DataRace& r = model_.races()[std::size_t(e.arg)];
                    s.object = r.object;
                    s.other = r.first.actor;
                    s.otherStep = r.first.step;
                    s.otherWrote = r.first.write;
                    add(StoryKind::Raced);
                }
                break;
            case Op::Sleep:
                if (e.result == Result::Blocked) {
                    s.micros = (e.flags & TraceEvent::ArgIsMicros) ? e.arg : 0;
                    add(StoryKind::Slept);
                } else if (e.result == Result::Woken || e.result == Result::Timeout) {
                    add(StoryKind::WokeFromSleep);
                } else if (e.result == Result::Ok) {
                    add(StoryKind::SleptZero);
                } else {
                    add(StoryKind::Other);
                }
                break;
            case Op::Switch: {
                const auto previous = ActorId(e.arg);
                if (previous == e.actor) break;
                s.other = previous;
                s.reason = reasonFor(*trace, begin, i, state, previous);
                s.choice = choiceAfter;
                add(StoryKind::Switched);
                break;
            }
            case Op::Put:
                if (e.result == Result::Ok) {
                    s.value = text;
                    add(StoryKind::Put);
                } else if (!waitResult()) {
                    add(StoryKind::Other);
                }
                break;
            case Op::Get:
                if (e.result == Result::Ok) {
                    s.value = text;
                    const ObjectNow& q = state.object(e.object);
                    if (!q.items.empty()) s.other = q.items.front().from;
                    add(StoryKind::Got);
                } else if (!waitResult()) {
                    add(StoryKind::Other);
                }
                break;
            case Op::Work:
                s.micros = (e.flags & TraceEvent::ArgIsMicros) ? e.arg : 0;
                s.core = e.core;
                if (e.result == Result::Ok || e.result == Result::Started)
                    add(StoryKind::Computing);
                else if (e.result == Result::Preempted)
                    add(StoryKind::SliceOver);
                else if (e.result == Result::Done)
                    add(StoryKind::ComputeDone);
                else
                    add(StoryKind::Other);
                break;
            case Op::Resume:
                add(StoryKind::TaskResumed);
                break;
            case Op::Callback:
                add(StoryKind::CallbackRan);
                break;
            case Op::Await:
                if (e.result == Result::Blocked) {
                    if (e.flags & TraceEvent::ArgIsMicros)
                        s.micros = e.arg;
                    else if (e.arg >= 0)
                        s.awaited = ObjectId(e.arg);
                    add(StoryKind::TaskAwaited);
                } else if (e.result == Result::Woken || e.result == Result::Timeout) {
                    add(StoryKind::TaskReady);
                } else {
                    add(StoryKind::Other);
                }
                break;
            case Op::Send:
                if (e.result == Result::Ok) {
                    s.value = text;
                    add(StoryKind::Sent);
                } else if (!waitResult()) {
                    add(StoryKind::Other);
                }
                break;
            case Op::Recv:
                if (e.result == Result::Ok) {
                    s.value = text;
                    const ObjectNow& end = state.object(e.object);
                    if (!end.items.empty()) s.other = end.items.front().from;
                    add(StoryKind::Received);
                } else if (!waitResult()) {
                    add(StoryKind::Other);
                }
                break;
            case Op::Exit:
                s.code = e.arg;
                add(StoryKind::ProcessExited);
                break;
            case Op::Set:
                add(StoryKind::Set);
                break;
            case Op::Clear:
                add(StoryKind::Cleared);
                break;
            case Op::Notify:
            case Op::NotifyAll:
                add(StoryKind::Notified);
                break;
            case Op::Print:
                s.value = text;
                add(StoryKind::Printed);
                break;
            case Op::Raise:
                s.value = text;
                add(StoryKind::Raised);
                break;
            case Op::Yield:
                // A program's scheduling point (a step per line); a step with no event of its own gets an
                // empty one, which tells nothing.
                if (e.actor != kNoActor) {
                    s.line = e.line;
                    add(StoryKind::AtLine);
                }
                break;
            case Op::Locals:
                // Leaving a function clears them: that tells nothing the next line does not.
                if (!text.empty()) {
                    s.value = text;
                    add(StoryKind::LocalsChanged);
                }
                break;
            case Op::Deadlock:
                if (e.arg >= 0 && std::size_t(e.arg) < model_.cycles().size()) {
                    const DeadlockCycle& c = model_.cycles()[std::size_t(e.arg)];
                    s.actors = c.actors;
                    s.objects = c.objects;
                }
                add(StoryKind::Deadlock);
                break;
            default:
                if (!waitResult()) add(StoryKind::Other);
                break;
        }
        state.apply(*trace, model_.snapshot(), i);
    }
    return out;
}

std::vector<LostUpdate> StoryTeller::lostUpdates() {
    catchUp();
    std::vector<LostUpdate> out;
    const Trace* trace = model_.trace();
    if (!trace) return out;
    for (const StoreFacts& f : stores_) {
        if (!f.lost) continue;
        const TraceEvent& e = trace->event(f.event);
        out.push_back(LostUpdate{e.object, f.previousWriter, f.previousStep, f.previousValue, e.actor, f.step,
                                 EventText::of(e).text(*trace)});
    }
    return out;
}

std::vector<StorySentence> storyOf(const TraceModel& model, std::uint32_t step, std::string listing) {
    StoryTeller teller(model, std::move(listing));
    return teller.storyOf(step);
}

}  // namespace lockstep
