#pragma once
// The one painter of the timeline: the widget, PNG, SVG and PDF exports all go through paint(), so what the
// learner sees is what lands in their notes. It draws only the visible window (binary search per lane) and
// aggregates what is narrower than a pixel: one rectangle per pixel column, coloured by the band at the
// column's middle, with a dark "busy" strip when several states share the column; one mark of a kind per
// column. A frame therefore costs O(lanes * pixels * log events), whatever the trace size. A stack lane (a
// group of asyncio tasks) is a stacked bar per pixel column: how many members are in each state at the
// column's middle.
//
// It draws every kind of lane the same way, from the lane's shape and its bands' colours, and asks the lane's
// family (LaneBuilder) only for words: labels of bands wide enough for them, tooltips, a stack's layers.
//
// The zoom's width must be the layout's plot width (the caller keeps them in step).

#include <QPainter>
#include <QString>
#include <QStringList>
#include <vector>
#include <cstdint>

#include "timeline/Axis.h"
#include "timeline/Lane.h"
#include "timeline/TimelineLayout.h"
#include "timeline/TimelineModel.h"
#include "timeline/ZoomState.h"

namespace lockstep::timeline {

struct PaintOptions {
    std::uint32_t cursor = 0;  // step under the cursor line (0: no cursor)
    int laneScroll = 0;        // pixels of lanes scrolled off the top
    QString title;             // drawn when the layout has a title row
    QString caption;           // drawn after the title, in grey
    // Cause → effect arrows: every one in the window, or (false) only those from or to the cursor's step.
    // With no cursor there is no step to choose by, so all are drawn.
    bool allCauses = false;
    // When set, receives one sentence per cause arrow drawn (the SVG export writes them as the arrows' titles).
    QStringList* causeTexts = nullptr;
};

// What lies under a point of the plot.
struct Hit {
    int lane = -1;
    int band = -1;  // index into the lane's bands, or -1
    int mark = -1;  // index into the lane's marks of markKind, or -1
    int transfer = -1;  // index into the model's transfers: an arrow of a message between processes, or -1
    int cause = -1;     // index into the derivation's causal links: a cause → effect arrow, or -1
    MarkKind markKind = MarkKind::Switch;
    bool onName = false;     // in the names column (a group's name there expands or collapses it)
    Pos position = 0;        // position under the point
    std::uint32_t step = 0;  // the step a click there moves the cursor to (0: none)
};

class TimelinePainter {
public:
    TimelinePainter(const TimelineModel& model, const ZoomState& zoom, Axis axis)
        : model_(model), zoom_(zoom), axis_(axis) {}

    void paint(QPainter& p, const TimelineLayout& layout, const PaintOptions& options) const;

    // `options` says which cause arrows are shown (only shown ones are hit).
    Hit hitTest(const TimelineLayout& layout, int laneScroll, const QPoint& point,
                const PaintOptions& options = {}) const;
    QString tooltip(const Hit& hit) const;

    // x of a step's cursor line relative to the plot's left edge: the middle of the step's column on the
    // step axis, the step's instant on the time axis.
    double stepX(std::uint32_t step) const;

    // A message's arrow: a dot at the sender, a head at the receiver; a white halo keeps it readable on bands.
    // A cause → effect arrow: dashed and charcoal, a square at the cause.
    enum class ArrowKind { Message, Cause };
    static void drawArrow(QPainter& p, const QPointF& from, const QPointF& to, bool halo,
                          ArrowKind kind = ArrowKind::Message);

    // Where a label of `textWidth` pixels goes inside `where` (a band's visible part) so that no mark centred
    // at one of `marks` (x positions, sorted) within `clearance` pixels covers it: `where` itself when the
    // centred text is clear, else the widest stretch between the marks (empty when there is none).
    static QRect clearOfMarks(const QRect& where, int textWidth, const std::vector<double>& marks, double clearance);

private:
    void paintHeader(QPainter& p, const TimelineLayout& l) const;
    void paintLane(QPainter& p, const TimelineLayout& l, const Lane& lane, const QRect& row) const;
    void paintBands(QPainter& p, const Lane& lane, int left, int top, int height) const;
    // The x of every mark of the lane in sight that is drawn over the band's middle (all but switches).
    std::vector<double> labelledMarks(const Lane& lane, int left) const;
    void paintCounts(QPainter& p, const Lane& lane, int left, int top, int height) const;
    void paintStack(QPainter& p, const Lane& lane, int left, int top, int height) const;
    void paintName(QPainter& p, const Lane& lane, const QRect& name) const;
    // The step at an instant (a tick on the time axis) within a few pixels of x, or -1.
    int nearestTick(const Lane& lane, double x) const;
    void paintMarks(QPainter& p, const Lane& lane, int left, const QRect& row) const;
    // Arrows of the messages between processes shown in the window, one per pixel path (many messages
    // between the same lanes in the same columns are one arrow), labelled with the message when few.
    void paintTransfers(QPainter& p, const TimelineLayout& l, int laneScroll) const;
    // Where a transfer's arrow runs on screen; false when a lane of it is hidden, or it stays in one lane.
    bool transferLine(const TimelineLayout& l, int laneScroll, const Transfer& t, QPointF& from, QPointF& to) const;
    // The transfers whose arrows may cross the window: those received in it or later (receives come in order).
    std::size_t firstVisibleTransfer() const;
    void paintLegend(QPainter& p, const TimelineLayout& l) const;
    // A bracket under each stretch a thread held a lock (Lock, RLock; not the GIL), on the thread's lane.
    void paintCriticalSections(QPainter& p, const TimelineLayout& l, int laneScroll) const;
    // The causal links shown: indices into the derivation's list, as the options choose.
    std::vector<std::size_t> shownCauses(const PaintOptions& o) const;
    void paintCauses(QPainter& p, const TimelineLayout& l, const PaintOptions& o) const;
    bool causeLine(const TimelineLayout& l, int laneScroll, const CausalLink& c, QPointF& from, QPointF& to) const;
    // The row where one end of a link shows: the task's lane, else the loop's or the actor's (-1: hidden).
    int causeRow(ActorId actor, ObjectId task) const;

    const TimelineModel& model_;
    const ZoomState& zoom_;
    Axis axis_;
};

}  // namespace lockstep::timeline
