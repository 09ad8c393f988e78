#include "lockstep/WaitForGraph.h"

#include <algorithm>
#include <unordered_map>

namespace lockstep {

WaitForGraph WaitForGraph::build(const RunState& state, const std::vector<DeadlockCycle>& cycles) {
    WaitForGraph g;
    // Node lookups go through these indices so that a thousand threads queued on one semaphore cost a
    // thousand edges, not a million comparisons.
    std::vector<int> actorIndex(state.actorCount(), -1);
    std::unordered_map<ObjectId, int> objectIndex;
    const auto addActor = [&](ActorId a) {
        if (a == kNoActor) return -1;
        if (a >= actorIndex.size()) actorIndex.resize(std::size_t(a) + 1, -1);
        if (actorIndex[a] >= 0) return actorIndex[a];
        Node node;
        node.actor = a;
        node.state = state.actor(a).state.state;
        g.nodes.push_back(node);
        return actorIndex[a] = int(g.nodes.size()) - 1;
    };
    const auto addObject = [&](ObjectId o) {
        if (const auto it = objectIndex.find(o); it != objectIndex.end()) return it->second;
        Node node;
        node.isActor = false;
        node.object = o;
        g.nodes.push_back(node);
        return objectIndex[o] = int(g.nodes.size()) - 1;
    };

    // Waiting actors first, in id order, so the layout stays put from one step to the next.
    for (ActorId a = 0; a < state.actorCount(); ++a) {
        const StateInterval& s = state.actor(a).state;
        if (s.state == ActorState::Blocked && s.object != kNoObject) addActor(a);
    }
    // Each waited-on object once, with its waiters and its holders; both lists are free of repeats, so the
    // edges are too.
    for (ObjectId o : state.waitedOn()) {
        const int on = addObject(o);
        for (ActorId w : state.object(o).waiters)
            if (const int an = addActor(w); an >= 0) g.edges.push_back(Edge{an, on, EdgeKind::WaitsFor, false});
        for (ActorId h : state.holders(o))
            if (const int hn = addActor(h); hn >= 0) g.edges.push_back(Edge{on, hn, EdgeKind::HeldBy, false});
    }

    const int cycle = state.deadlockCycle();
    if (cycle >= 0 && std::size_t(cycle) < cycles.size()) {
        const DeadlockCycle& c = cycles[std::size_t(cycle)];
        const std::size_t n = std::min(c.actors.size(), c.objects.size());
        const auto mark = [&](int from, int to, EdgeKind kind) {
            if (from < 0 || to < 0) return;
            for (Edge& e : g.edges)
                if (e.from == from && e.to == to) {
                    e.onCycle = true;
                    return;
                }
            // The cycle is the engine's verdict: draw it even where the state lacks the edge.
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
                if (node >= 0) g.nodes[std::size_t(node)].onCycle = true;
        }
    }
    return g;
}

int WaitForGraph::actorNode(ActorId a) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].isActor && nodes[i].actor == a) return int(i);
    return -1;
}

int WaitForGraph::objectNode(ObjectId o) const {
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (!nodes[i].isActor && nodes[i].object == o) return int(i);
    return -1;
}

const WaitForGraph::Edge* WaitForGraph::edge(int from, int to) const {
    for (const Edge& e : edges)
        if (e.from == from && e.to == to) return &e;
    return nullptr;
}

}  // namespace lockstep
