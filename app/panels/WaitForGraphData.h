#pragma once
// The wait-for graph at one step (lockstep::WaitForGraph, derived in core) with the names the widget draws.
// Kept apart from the widget so the graph can be checked without pixels.

#include <QString>

#include <cstdint>
#include <vector>

#include "lockstep/RunState.h"
#include "lockstep/TraceModel.h"
#include "lockstep/WaitForGraph.h"

namespace lockstep::app {

struct WaitForGraphData {
    struct Node {
        bool isActor = true;
        ActorId actor = kNoActor;
        ObjectId object = kNoObject;
        QString name;
        ActorState state = ActorState::NotStarted;  // actors only
        bool onCycle = false;
    };
    using EdgeKind = lockstep::WaitForGraph::EdgeKind;
    using Edge = lockstep::WaitForGraph::Edge;

    std::vector<Node> nodes;
    std::vector<Edge> edges;

    // The graph of `state` (a state of `model`'s run), named from the model's rows. Without `showInternals`,
    // the standard library's own objects (ObjectInfo::internal) and their edges are left out; whoever waits on
    // one or holds one stays. The lookups below are linear: they are for tests and tooltips.
    static WaitForGraphData build(const TraceModel& model, const RunState& state, bool showInternals = true);

    int actorNode(ActorId a) const;
    int objectNode(ObjectId o) const;
    const Edge* edge(int from, int to) const;
};

}  // namespace lockstep::app
