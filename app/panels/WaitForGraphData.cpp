#include "panels/WaitForGraphData.h"

#include "lockstep/InsideCall.h"

namespace lockstep::app {

WaitForGraphData WaitForGraphData::build(const TraceModel& model, const RunState& state, bool showInternals) {
    WaitForGraphData g;
    const lockstep::WaitForGraph graph = lockstep::WaitForGraph::build(state, model.cycles());
    const auto hidden = [&](const lockstep::WaitForGraph::Node& n) {
        return !showInternals && !n.isActor && isInternal(model, n.object);
    };
    // Node indices in the graph shown (-1: left out), for the edges.
    std::vector<int> shownAs(graph.nodes.size(), -1);
    for (std::size_t i = 0, shown = 0; i < graph.nodes.size(); ++i)
        if (!hidden(graph.nodes[i])) shownAs[i] = int(shown++);
    for (Edge e : graph.edges) {
        if (shownAs[std::size_t(e.from)] < 0 || shownAs[std::size_t(e.to)] < 0) continue;
        e.from = shownAs[std::size_t(e.from)];
        e.to = shownAs[std::size_t(e.to)];
        g.edges.push_back(e);
    }
    g.nodes.reserve(graph.nodes.size());
    for (const lockstep::WaitForGraph::Node& n : graph.nodes) {
        if (hidden(n)) continue;
        Node node;
        node.isActor = n.isActor;
        node.actor = n.actor;
        node.object = n.object;
        node.state = n.state;
        node.onCycle = n.onCycle;
        if (n.isActor && n.actor < model.actorCount()) node.name = QString::fromStdString(model.actor(n.actor).name);
        else if (!n.isActor && n.object < model.objectCount())
            node.name = QString::fromStdString(model.object(n.object).name);
        g.nodes.push_back(node);
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
