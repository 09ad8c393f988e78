#pragma once
// A synthetic trace of one million events for the timeline and analysis benchmarks: 8 threads switching at
// every step, two locks, a queue and sleeps, each thread going round acquire+put, release, sleep, get+wake.

#include <string>

#include "lockstep/Trace.h"

namespace lockstep::bench {

inline constexpr int kActors = 8;
inline constexpr std::size_t kEvents = 1'000'000;

struct Synthetic {
    Trace trace;
    ObjectId locks[2] = {};
    ObjectId queue = 0;
    ActorId prev = 0;
    int step = 0;

    Synthetic() {
        for (int a = 0; a < kActors; ++a) trace.addActor(ActorInfo{"T" + std::to_string(a)});
        locks[0] = trace.addObject(ObjectInfo{"lock_a", ObjectKind::Lock, 0});
        locks[1] = trace.addObject(ObjectInfo{"lock_b", ObjectKind::Lock, 0});
        queue = trace.addObject(ObjectInfo{"queue", ObjectKind::Queue, 0});
        while (trace.eventCount() < kEvents) addStep();
        trace.outcomeMut().status = RunStatus::Running;
    }

    // One step: a switch to the next actor, then one operation of its four-phase cycle.
    void addStep() {
        const auto a = ActorId(step % kActors);
        const int phase = (step / kActors) % 4;
        const Nanos t = Nanos(step) * 1000;
        trace.beginStep();
        TraceEvent e;
        e.time = t;
        e.actor = a;
        e.op = Op::Switch;
        e.arg = prev;
        trace.add(e);
        e.arg = 0;
        switch (phase) {
            case 0:
                e.op = Op::Acquire;
                e.object = locks[a % 2];
                e.result = Result::Acquired;
                trace.add(e);
                e.op = Op::Put;
                e.object = queue;
                e.result = Result::Ok;
                break;
            case 1:
                e.op = Op::Release;
                e.object = locks[a % 2];
                e.result = Result::Ok;
                break;
            case 2:
                e.op = Op::Sleep;
                e.result = Result::Blocked;
                e.object = kNoObject;
                break;
            default:
                e.op = Op::Get;
                e.object = queue;
                e.result = Result::Ok;
                trace.add(e);
                e.op = Op::Sleep;
                e.object = kNoObject;
                e.result = Result::Woken;
                break;
        }
        trace.add(e);
        prev = a;
        ++step;
    }
};

inline Synthetic& synthetic() {
    static Synthetic s;
    return s;
}

}  // namespace lockstep::bench
