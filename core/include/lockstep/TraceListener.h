#pragma once
// Sees every change to a Trace as it is made, in the order it is made. A run in another process (a learner's
// Python program in the runner's child) streams its trace this way: replaying the same calls in the same order
// on another Trace gives an identical trace.
//
// Rows returned by actorMut(), objectMut() and outcomeMut() are changed by the caller after the call, so for
// them the listener only hears which row is about to change; it reads the row later (before the next change
// it forwards, or when asked to flush).

#include <cstdint>
#include <string_view>

#include "lockstep/Types.h"

namespace lockstep {

struct TraceEvent;
struct ActorInfo;
struct ObjectInfo;
struct DeadlockCycle;
struct DataRace;

class TraceListener {
public:
    virtual ~TraceListener() = default;
    virtual void onClear() = 0;
    virtual void onBeginStep() = 0;
    virtual void onMarkChoice() = 0;
    virtual void onAdd(const TraceEvent& e) = 0;          // the event as given to add(), before its flags are set
    virtual void onIntern(std::string_view s) = 0;         // only strings the trace did not have
    virtual void onAddActor(const ActorInfo& info) = 0;
    virtual void onAddObject(const ObjectInfo& info) = 0;
    virtual void onAddCycle(const DeadlockCycle& c) = 0;
    virtual void onAddRace(const DataRace& r) = 0;
    virtual void onActorChanging(ActorId a) = 0;
    virtual void onObjectChanging(ObjectId o) = 0;
    virtual void onOutcomeChanging() = 0;
};

}  // namespace lockstep
