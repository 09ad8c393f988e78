#pragma once
// The wait-for graph at one step as plain values: actors and objects as nodes, "waits for" edges from a
// blocked actor to the object it waits on, "held by" edges from an object to whoever keeps its waiters
// waiting. Edges on a deadlock cycle the run has reached by that step are marked. Kept apart from the widget
// so the graph can be checked without pixels.

#include <QString>

#include <cstdint>
#include <vector>

#include "lockstep/TraceAnalysis.h"

namespace lockstep::app {

class InspectorState;

struct WaitForGraphData {
    struct Node {
        bool isActor = true;
        ActorId actor = kNoActor;
        ObjectId object = kNoObject;
        QString name;
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

    // Built from the synchronisation state and the actor states at the same step. Only actors and objects
    // that take part in a wait, or in a hold that someone waits for, are nodes: a graph of everything
    // would hide the few edges that matter. The lookups below are linear: they are for tests and tooltips.
    static WaitForGraphData build(const InspectorState& state, const std::vector<StateInterval>& states);

    int actorNode(ActorId a) const;
    int objectNode(ObjectId o) const;
    const Edge* edge(int from, int to) const;
};

}  // namespace lockstep::app
