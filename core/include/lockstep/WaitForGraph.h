#pragma once
// The wait-for graph at one step: actors and objects as nodes, "waits for" edges from a blocked actor to the
// object it waits on, "held by" edges from an object to whoever keeps its waiters waiting. Edges on a deadlock
// cycle the run has reached by that step are marked. Built from a RunState alone (ids, no names), so the
// window, the command line and the story all see the same graph.

#include <cstdint>
#include <vector>

#include "lockstep/RunState.h"
#include "lockstep/Trace.h"

namespace lockstep {

struct WaitForGraph {
    struct Node {
        bool isActor = true;
        ActorId actor = kNoActor;
        ObjectId object = kNoObject;
        ActorState state = ActorState::NotStarted;  // actors only
        bool onCycle = false;
    };
    enum class EdgeKind : std::uint8_t { WaitsFor, HeldBy };
    struct Edge {
        int from = 0;  // node indices
        int to = 0;
        EdgeKind kind = EdgeKind::WaitsFor;
        bool onCycle = false;
    };

    std::vector<Node> nodes;
    std::vector<Edge> edges;

    // Only actors and objects that take part in a wait, or in a hold that someone waits for, are nodes: a graph
    // of everything would hide the few edges that matter. `cycles` are the trace's (the state says which one
    // the run has reached). The lookups below are linear: they are for tests and tooltips.
    static WaitForGraph build(const RunState& state, const std::vector<DeadlockCycle>& cycles);

    int actorNode(ActorId a) const;
    int objectNode(ObjectId o) const;
    const Edge* edge(int from, int to) const;
};

}  // namespace lockstep
