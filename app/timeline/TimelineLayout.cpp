#include "timeline/TimelineLayout.h"

#include <QFontMetrics>
#include <algorithm>

#include "style/StateNames.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

namespace {

std::vector<LegendEntry> makeLegendEntries(const TimelineModel& m) {
    std::vector<LegendEntry> out;
    for (ActorState s : {ActorState::Running, ActorState::Ready, ActorState::Blocked, ActorState::Sleeping,
                         ActorState::Computing, ActorState::Done})
        out.push_back({LegendEntry::Type::State, int(s), style::StateNames::actor(s), {}});
    // Future states only when there are future lanes: the other runs keep their legend short.
    if (m.hasFutures())
        for (FutureState s : {FutureState::Pending, FutureState::Running, FutureState::Finished, FutureState::Failed,
                              FutureState::Cancelled})
            out.push_back({LegendEntry::Type::Future, int(s), TimelineStrings::futureLegend(s), {}});
    if (m.hasTasks()) {
        for (TaskState s : {TaskState::Pending, TaskState::Ready, TaskState::Running, TaskState::Waiting,
                            TaskState::Done, TaskState::Failed, TaskState::Cancelled})
            out.push_back({LegendEntry::Type::Task, int(s), TimelineStrings::taskLegend(s), {}});
        out.push_back({LegendEntry::Type::Loop, 0, TimelineStrings::loopLegend(), {}});
    }
    // Processes only in runs that have them, as above.
    if (m.hasProcesses()) {
        out.push_back({LegendEntry::Type::Transfer, 0, TimelineStrings::transferLegend(), {}});
        out.push_back({LegendEntry::Type::FailedExit, 0, TimelineStrings::failedExitLegend(), {}});
    }
    out.push_back({LegendEntry::Type::Holder, 0, TimelineStrings::holderLegend(), {}});
    out.push_back({LegendEntry::Type::Count, 0, TimelineStrings::countLegend(), {}});
    out.push_back({LegendEntry::Type::Cycle, 0, TimelineStrings::cycleLegend(), {}});
    for (MarkKind k : {MarkKind::Switch, MarkKind::Raise, MarkKind::Deadlock, MarkKind::Race, MarkKind::Wait,
                       MarkKind::Woken, MarkKind::Timeout, MarkKind::Notify, MarkKind::Set, MarkKind::Clear})
        out.push_back({LegendEntry::Type::Mark, int(k), TimelineStrings::markName(k), {}});
    if (m.hasProcesses())
        out.push_back({LegendEntry::Type::Mark, int(MarkKind::Exit), TimelineStrings::markName(MarkKind::Exit), {}});
    return out;
}

// Lays the entries out left to right, wrapping; returns the height used.
int flow(std::vector<LegendEntry>& entries, const QRect& area, const QFontMetrics& fm) {
    const int h = fm.height() + 4, gap = 14, swatch = 12;
    int x = area.left(), y = area.top() + 4;
    for (LegendEntry& e : entries) {
        const int w = swatch + 4 + fm.horizontalAdvance(e.text);
        if (x > area.left() && x + w > area.right()) {
            x = area.left();
            y += h;
        }
        e.rect = QRect(x, y, w, h);
        x += w + gap;
    }
    return entries.empty() ? 0 : y + h + 4 - area.top();
}

}  // namespace

QFont TimelineLayout::defaultFont() {
    QFont f;
    f.setPixelSize(12);
    return f;
}

TimelineLayout TimelineLayout::compute(const QRect& outer, const TimelineModel& m, const QFont& font,
                                       bool withTitle, bool withLegend) {
    const QFontMetrics fm(font);
    TimelineLayout l;
    l.outer = outer;
    l.laneHeight = std::max(22, fm.height() + 8);
    int nameWidth = fm.horizontalAdvance(TimelineStrings::axisTitle(Axis::Time));
    // Thousands of task rows (an expanded group) have titles of a few shapes: past the first hundred, only a
    // title with more characters than any measured may be wider, so only those are measured.
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    int taskRows = 0;
    qsizetype longestTask = 0;
    for (int i = 0; i < m.laneCount(); ++i) {
        const Lane& lane = m.lane(i);
        const QString title = TimelineStrings::laneTitle(lane);
        int extra = 0;
        if (lane.kind == LaneKind::Task) {
            if (++taskRows > 100 && title.size() <= longestTask) continue;
            longestTask = std::max(longestTask, title.size());
            extra = (lane.inGroup ? 12 : 0) + 6;  // indent, colour stripe
        } else if (lane.kind == LaneKind::TaskGroup) {
            nameWidth = std::max(nameWidth, boldMetrics.horizontalAdvance(title) + 12);
            continue;
        } else if (lane.kind == LaneKind::Process || (lane.processLane && !lane.nested)) {
            nameWidth = std::max(nameWidth, boldMetrics.horizontalAdvance(title));  // a process: bold
            continue;
        } else if (lane.nested) {
            extra = 12;  // indented under its process
        }
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(title) + extra);
    }
    nameWidth = std::clamp(nameWidth + 16, 64, std::max(64, std::min(240, outer.width() / 3)));

    int top = outer.top();
    if (withTitle) {
        QFont bold = font;
        bold.setBold(true);
        const int h = QFontMetrics(bold).height() + 8;
        l.title = QRect(outer.left(), top, outer.width(), h);
        top += h;
    }
    const int headerHeight = fm.height() + 10;
    int bottom = outer.bottom() + 1;
    if (withLegend) {
        l.legendEntries = makeLegendEntries(m);
        const QRect area(outer.left() + 8, 0, outer.width() - 16, 1);
        const int h = flow(l.legendEntries, area, fm);
        for (LegendEntry& e : l.legendEntries) e.rect.translate(0, bottom - h);
        l.legend = QRect(outer.left(), bottom - h, outer.width(), h);
        bottom -= h;
    }
    const int plotLeft = outer.left() + nameWidth, plotRight = outer.right() - 8;
    l.header = QRect(plotLeft, top, std::max(1, plotRight - plotLeft + 1), headerHeight);
    l.names = QRect(outer.left(), top + headerHeight, nameWidth, std::max(0, bottom - top - headerHeight));
    l.plot = QRect(plotLeft, top + headerHeight, l.header.width(), l.names.height());
    return l;
}

int TimelineLayout::preferredHeight(int width, const TimelineModel& m, const QFont& font, bool withTitle,
                                    bool withLegend) {
    // The layout of a 1-pixel-high rectangle gives the fixed parts; the lanes add their own height.
    const TimelineLayout probe = compute(QRect(0, 0, width, 10000), m, font, withTitle, withLegend);
    return 10000 - probe.plot.height() + probe.contentHeight(m.laneCount()) + 4;
}

int TimelineLayout::laneAt(int y, int scroll, int laneCount) const {
    if (y < plot.top() || y > plot.bottom()) return -1;
    const int lane = (y - plot.top() + scroll) / laneHeight;
    return lane < laneCount ? lane : -1;
}

}  // namespace lockstep::timeline
