#pragma once
// One row of the timeline, as the one painter sees every row: flat arrays sorted by position on both axes (time
// never goes back as steps go on), reached by index. Bands are state or ownership intervals, marks are instants,
// counts a step chart, stacks a make-up by state. firstBand()/bandEnd() binary-search the visible window, so a
// frame costs O(pixels * log n), not O(events).
//
// A lane says how it is drawn (its shape, its name's look, each band's colour, fixed when the band is made) but
// not what its bands mean: that is the data of its kind of lane, kept beside the bands by LaneOf, and told by
// the lane's family (a LaneBuilder: labels, tooltips, legend).

#include <QRgb>
#include <QString>
#include <array>
#include <cstdint>
#include <vector>

#include "lockstep/TraceModel.h"
#include "timeline/Axis.h"

namespace lockstep::timeline {

class LaneBuilder;
class TimelineModel;

// What a lane's row holds, top to bottom.
enum class LaneShape : std::uint8_t {
    Bands,            // state or ownership bands over the whole row
    BandsOverCounts,  // bands, and a step chart of counts in a strip below (a lock's waiters, a loop's ready queue)
    Counts,           // a step chart over the whole row (waiters, a queue's length)
    Stack,            // per pixel column, how many members are in each state (a group of tasks)
    Heading,          // nothing: it heads the lanes under it
};

// A triangle before the name of a lane that shows or hides lanes under it.
enum class Disclosure : std::uint8_t { None, Collapsed, Expanded };

// An interval of a lane, and how it is drawn.
struct Band {
    std::uint32_t beginStep = 0, endStep = 0;
    Nanos begin = 0, end = 0;
    QRgb fill = 0;           // its colour, from its family; transparent: nothing drawn, no label
    bool highlight = false;  // part of the deadlock cycle: outlined and hatched
    bool tick = false;       // a step that takes no virtual time: on the time axis, a tick at its instant
    bool held = false;       // who holds something (a lock, a slot, the GIL, a core): outlined, a tick where it
                             // begins, its name inside; its fill is the holders' neutral one, never a state's
};

// The end (step) of a band still open: an asyncio task's current state, which reaches past the end of the run
// (time: kForever). Painting clips it to the window; tooltips to the run.
inline constexpr std::uint32_t kOpenStep = TraceModel::kOpenStep;

// How many members of a group are in each state, from a step (and instant) on: a stack lane's chart.
struct StateCounts {
    std::uint32_t step = 0;
    Nanos time = 0;
    std::array<std::int32_t, std::size_t(TaskState::Count_)> count{};
};

// Instants on a lane are the derivation's incidents (a switch, a raise, a wait, a notify...).
using MarkKind = IncidentKind;
using Mark = Incident;
inline constexpr std::size_t kMarkKinds = kIncidentKinds;

inline Pos beginOf(const Band& b, Axis a) {
    return a == Axis::Steps ? Pos(b.beginStep) : b.begin;
}
inline Pos endOf(const Band& b, Axis a) {
    return a == Axis::Steps ? Pos(b.endStep) : b.end;
}
inline Pos posOf(const Mark& m, Axis a) {
    return a == Axis::Steps ? Pos(m.step) : m.time;
}
inline Pos posOf(const CountPoint& c, Axis a) {
    return a == Axis::Steps ? Pos(c.step) : c.time;
}
inline Pos posOf(const StateCounts& c, Axis a) {
    return a == Axis::Steps ? Pos(c.step) : c.time;
}

class Lane {
public:
    virtual ~Lane() = default;

    // ---- what it is
    const LaneBuilder* family = nullptr;  // the family that made it, and tells what its bands mean
    QString name;
    ObjectId object = kNoObject;  // the object it shows (a lock, a semaphore, a queue, a future, a task...)
    LaneShape shape = LaneShape::Bands;

    // ---- how its name shows
    bool inCycle = false;  // an actor or object of the deadlock cycle: bold, in the cycle's colour
    bool bold = false;     // a heading, a process, a group
    int indent = 0;        // pixels the name is indented: under a heading or a group, after a disclosure triangle
    bool guide = false;    // a guide line down the side of the names under a heading
    Disclosure disclosure = Disclosure::None;
    // One of thousands of lanes alike (tasks): past the first hundred, the layout measures only names longer
    // than any it measured.
    bool numerous = false;

    // ---- what it holds
    bool ticks = false;        // some bands are ticks (Band::tick)
    bool objectMarks = true;   // takes the marks of waits, notifies, sets and clears on its object
    bool endTag = false;       // the last band's label shows at the lane's end even when the band is too narrow
    std::vector<Band> bands;
    std::array<std::vector<Mark>, kMarkKinds> marks;
    std::vector<CountPoint> counts;  // value from each point on (a step chart)
    int countMax = 0;
    std::vector<StateCounts> states;  // stack lanes: the make-up from each point on

    // ---- what its family says about it
    QString title() const;
    QString bandLabel(const TimelineModel& m, std::size_t band) const;
    QString bandTooltip(const TimelineModel& m, std::size_t band, Axis axis = Axis::Steps) const;
    QString markTooltip(const TimelineModel& m, const Mark& mark) const;

    // Keeps the first n bands (and what they show).
    virtual void truncate(std::size_t n) = 0;
    // Whether `other` is a lane of the same kind showing the same data (its bands' and its own); what Lane
    // itself holds is compared by the caller.
    virtual bool sameData(const Lane& other) const = 0;

    // Call once the arrays are filled or extended (bands from `fromBand` on are new): builds the running
    // maxima of band ends, which make "first band ending after x" a binary search even on lanes with gaps
    // (cores). Marks arrive in trace order, so sorted; bands too except on core lanes, where the bursts of
    // several actors arrive actor by actor: those get sorted.
    void finish(std::size_t fromBand = 0);

    // Visible bands are [firstBand(a, begin), bandEnd(a, end)).
    std::size_t firstBand(Axis a, Pos begin) const;
    std::size_t bandEnd(Axis a, Pos end) const;
    // First band of [from, to) that begins at or after p (the bands drawn in one pixel column are skipped
    // with it).
    std::size_t firstBandFrom(Axis a, std::size_t from, std::size_t to, Pos p) const;
    // The band covering p with a non-zero length on this axis, or -1.
    int bandAt(Axis a, Pos p) const;

    // Marks of a kind at or after p.
    std::size_t firstMark(MarkKind k, Axis a, Pos p) const;
    std::size_t markCount(MarkKind k) const { return marks[static_cast<std::size_t>(k)].size(); }
    const Mark& mark(MarkKind k, std::size_t i) const { return marks[static_cast<std::size_t>(k)][i]; }
    // Count points at or after p; the value at p (0 before the first point).
    std::size_t firstCount(Axis a, Pos p) const;
    int countAt(Axis a, Pos p) const;
    // Stack lanes: state points at or after p; the make-up at p (nullptr before the first point).
    std::size_t firstStates(Axis a, Pos p) const;
    const StateCounts* statesAt(Axis a, Pos p) const;

    bool empty() const;

protected:
    static bool beginsBefore(const Band& x, const Band& y);
    // Orders the bands by their beginning, keeping equal ones in order (and what they show with them).
    virtual void sortBands();

private:
    std::vector<std::uint32_t> maxEndStep_;
    std::vector<Nanos> maxEndTime_;
    // countMax over the points before the last (only the last point may still change: a step's value is
    // rewritten until the step ends), so finish() reads only new points.
    std::size_t countsSeen_ = 0;
    int settledCountMax_ = 0;
};

}  // namespace lockstep::timeline
