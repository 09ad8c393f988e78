#pragma once

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
};

}  // namespace lockstep
