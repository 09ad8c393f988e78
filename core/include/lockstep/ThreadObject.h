#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "lockstep/SyncObject.h"

namespace lockstep {

// The engine side of a Thread: its actor once started, and the joiners waiting in its wait queue.
class ThreadObject : public SyncObject {
public:
    std::string name;
    bool daemon = false;
    bool started = false;
    bool finished = false;
    ActorId actor = kNoActor;

    ActorId holder() const override { return started && !finished ? actor : kNoActor; }
    // Called by the engine when the actor has ended: every joiner is woken.
    void onFinished();
    // The waiting part of join(timeout) (Thread's and Process's), in the caller's step: returns at once when
    // the actor has ended, else waits until it does or the timeout passes.
    void joinIn(ActorId me, std::optional<std::chrono::nanoseconds> timeout);
};

}  // namespace lockstep
