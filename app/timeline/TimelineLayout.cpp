#include "timeline/TimelineLayout.h"

#include <QFontMetrics>
#include <algorithm>

#include "timeline/TimelineModel.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

namespace {

// Lays the entries out left to right, wrapping; returns the height used.
int flow(std::vector<LegendEntry>& entries, const QRect& area, const QFontMetrics& fm) {
    // Tight enough that a run's legend takes two rows or so at 1366 pixels: every row is one lane fewer.
    const int h = fm.height() + 3, gap = 11, swatch = 12;
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
    int numerousRows = 0;
    qsizetype longestNumerous = 0;
    for (int i = 0; i < m.laneCount(); ++i) {
        const Lane& lane = m.lane(i);
        const QString title = lane.title();
        // A lane of the deadlock cycle is painted bold but measured plain, as it always was, so the names column
        // keeps its width when a cycle appears.
        int extra = lane.indent;
        if (lane.numerous) {
            if (++numerousRows > 100 && title.size() <= longestNumerous) continue;
            longestNumerous = std::max(longestNumerous, title.size());
            extra += 6;  // the room task titles have always had
        }
        nameWidth = std::max(nameWidth, (lane.bold ? boldMetrics : fm).horizontalAdvance(title) + extra);
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
        l.legendEntries = m.legend();
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
