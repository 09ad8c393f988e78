#include "lockstep/TraceSnapshot.h"

namespace lockstep {

TraceSnapshot TraceSnapshot::of(const Trace& trace, const TraceSnapshot& previous) {
    TraceSnapshot s;
    s.events = trace.eventCount();
    if (previous.rows && previous.rows->revision == trace.revision() &&
        previous.rows->actors.size() == trace.actorCount() && previous.rows->objects.size() == trace.objectCount()) {
        s.rows = previous.rows;
        return s;
    }
    auto rows = std::make_shared<TraceRows>();
    rows->revision = trace.revision();
    rows->actors.reserve(trace.actorCount());
    for (std::size_t a = 0; a < trace.actorCount(); ++a) rows->actors.push_back(trace.actor(ActorId(a)));
    rows->objects.reserve(trace.objectCount());
    for (std::size_t o = 0; o < trace.objectCount(); ++o) rows->objects.push_back(trace.object(ObjectId(o)));
    rows->cycles = trace.cycles();
    rows->races = trace.races();
    rows->outcome = trace.outcome();
    s.rows = std::move(rows);
    return s;
}

TraceSnapshot TraceSnapshot::of(const Trace& trace) { return of(trace, TraceSnapshot{}); }

namespace {
const std::vector<DeadlockCycle> kNoCycles;
const std::vector<DataRace> kNoRaces;
const RunOutcome kNoOutcome;
}  // namespace

const std::vector<DeadlockCycle>& TraceSnapshot::cycles() const { return rows ? rows->cycles : kNoCycles; }
const std::vector<DataRace>& TraceSnapshot::races() const { return rows ? rows->races : kNoRaces; }
const RunOutcome& TraceSnapshot::outcome() const { return rows ? rows->outcome : kNoOutcome; }

}  // namespace lockstep
