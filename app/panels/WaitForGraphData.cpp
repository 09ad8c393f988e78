#include "panels/WaitForGraphData.h"

#include "panels/InspectorState.h"

#include <algorithm>
#include <unordered_map>

namespace lockstep::app {

WaitForGraphData WaitForGraphData::build(const InspectorState& state, const std::vector<StateInterval>& states) {
    WaitForGraphData g;
    const Trace* trace = state.trace();
    if (!trace) return g;
    // Node lookups go through these indices so that a thousand threads queued on one semaphore cost a
    // thousand edges, not a million comparisons.
    std::vector<int> actorIndex(trace->actorCount(), -1);
    std::unordered_map<ObjectId, int> objectIndex;
    const auto addActor = [&](ActorId a) {
        if (a >= actorIndex.size()) return -1;
        if (actorIndex[a] >= 0) return actorIndex[a];
        Node node;
        node.actor = a;
        node.name = QString::fromStdString(trace->actor(a).name);
        node.state = a < states.size() ? states[a].state : ActorState::NotStarted;
        g.nodes.push_back(node);
        return actorIndex[a] = static_cast<int>(g.nodes.size()) - 1;
    };
    const auto addObject = [&](ObjectId o) {
        if (const auto it = objectIndex.find(o); it != objectIndex.end()) return it->second;
        Node node;
        node.isActor = false;
        node.object = o;
        node.name = o < trace->objectCount() ? QString::fromStdString(trace->object(o).name) : QString();
        g.nodes.push_back(node);
        return objectIndex[o] = static_cast<int>(g.nodes.size()) - 1;
    };

    // Waiting actors first, in id order, so the layout stays put from one step to the next.
    for (ActorId a = 0; a < trace->actorCount(); ++a)
        if (state.waitingOn(a) != kNoObject) addActor(a);
    // Each waited-on object once, with its waiters and its holders; both lists are free of repeats, so the
    // edges are too.
    for (ObjectId o : state.waitedOn()) {
        const int on = addObject(o);
        for (ActorId w : state.waiters(o))
            if (const int an = addActor(w); an >= 0) g.edges.push_back(Edge{an, on, EdgeKind::WaitsFor, false});
        for (ActorId h : state.holders(o))
            if (const int hn = addActor(h); hn >= 0) g.edges.push_back(Edge{on, hn, EdgeKind::HeldBy, false});
    }

    const int cycle = state.deadlockCycle();
    if (cycle >= 0 && static_cast<std::size_t>(cycle) < trace->cycles().size()) {
        const DeadlockCycle& c = trace->cycles()[static_cast<std::size_t>(cycle)];
        const std::size_t n = std::min(c.actors.size(), c.objects.size());
        const auto mark = [&](int from, int to, EdgeKind kind) {
            if (from < 0 || to < 0) return;
            for (Edge& e : g.edges)
                if (e.from == from && e.to == to) {
                    e.onCycle = true;
                    return;
                }
            // The cycle is the engine's verdict: draw it even where the replayed state lacks the edge.
            g.edges.push_back(Edge{from, to, kind, true});
        };
        for (std::size_t i = 0; i < n; ++i) {
            // actors[i] waits for objects[i], which actors[i+1] (cyclically) holds.
            const int a = addActor(c.actors[i]);
            const int o = addObject(c.objects[i]);
            const int next = addActor(c.actors[(i + 1) % n]);
            mark(a, o, EdgeKind::WaitsFor);
            mark(o, next, EdgeKind::HeldBy);
            for (int node : {a, o})
                if (node >= 0) g.nodes[static_cast<std::size_t>(node)].onCycle = true;
        }
    }
    return g;
}

int WaitForGraphData::actorNode(ActorId a) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].isActor && nodes[i].actor == a) return static_cast<int>(i);
    return -1;
}

int WaitForGraphData::objectNode(ObjectId o) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (!nodes[i].isActor && nodes[i].object == o) return static_cast<int>(i);
    return -1;
}

const WaitForGraphData::Edge* WaitForGraphData::edge(int from, int to) const {
    for (const Edge& e : edges)
        if (e.from == from && e.to == to) return &e;
    return nullptr;
}

}  // namespace lockstep::app
