#pragma once
// Where each part of the timeline goes inside a rectangle: title, lane names column (it never scrolls
// horizontally), axis header, lanes, legend. Shared by painting and hit-testing, and by the exporter to size
// an image that holds every lane.

#include <QFont>
#include <QRect>
#include <QString>
#include <vector>

#include "timeline/LegendEntry.h"

namespace lockstep::timeline {

class TimelineModel;

class TimelineLayout {
public:
    static TimelineLayout compute(const QRect& outer, const TimelineModel& m, const QFont& font,
                                  bool withTitle, bool withLegend);
    // The height that shows every lane at this width.
    static int preferredHeight(int width, const TimelineModel& m, const QFont& font, bool withTitle,
                               bool withLegend);
    // The font every part uses: pixel-sized, so an export at 72 dpi (PDF) and a screen agree.
    static QFont defaultFont();

    QRect outer, title, header, names, plot, legend;
    int laneHeight = 22;
    std::vector<LegendEntry> legendEntries;

    int laneTop(int lane, int scroll) const { return plot.top() + lane * laneHeight - scroll; }
    // The lane under y (in the lanes area), or -1.
    int laneAt(int y, int scroll, int laneCount) const;
    int contentHeight(int laneCount) const { return laneCount * laneHeight; }
};

}  // namespace lockstep::timeline
