#include "timeline/LaneBuilder.h"

#include <algorithm>

namespace lockstep::timeline {

bool LaneContext::actorInCycle(ActorId a) const {
    return cycle && std::find(cycle->actors.begin(), cycle->actors.end(), a) != cycle->actors.end();
}

bool LaneContext::objectInCycle(ObjectId o) const {
    return cycle && std::find(cycle->objects.begin(), cycle->objects.end(), o) != cycle->objects.end();
}

std::size_t copyCounts(const std::vector<CountPoint>& from, std::size_t seen, std::vector<CountPoint>& out) {
    const std::size_t redo = seen > 0 ? seen - 1 : 0;
    out.resize(std::min(redo, out.size()));
    out.insert(out.end(), from.begin() + std::ptrdiff_t(std::min(redo, from.size())), from.end());
    return from.size();
}

void TailedLanes::dropTails(std::vector<Lane>& lanes) const {
    for (const Entry& e : settled_) lanes[std::size_t(e.lane)].bands.resize(e.settled);
}

void TailedLanes::settle(std::vector<Lane>& lanes) {
    for (Entry& e : settled_) {
        e.changedFrom = e.settled;
        e.settled = lanes[std::size_t(e.lane)].bands.size();
    }
}

void TailedLanes::finish(std::vector<Lane>& lanes) {
    for (const Entry& e : settled_) lanes[std::size_t(e.lane)].finish(e.changedFrom);
}

}  // namespace lockstep::timeline
