#include "timeline/TimelinePainter.h"

#include <QFontMetrics>
#include <QLineF>
#include <QPainterPath>
#include <QSet>
#include <algorithm>
#include <cmath>

#include "timeline/Palette.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

namespace {

const QColor kGrid(0xE4, 0xE4, 0xE4);
const QColor kNamesBackground(0xF3, 0xF3, 0xF3);
const QColor kAltRow(0xFA, 0xFA, 0xFA);
const QColor kBusy(0, 0, 0, 110);
const QColor kProcessHeading(0xE8, 0xEE, 0xF5);

// Consecutive pixel columns of one colour become one rectangle: at full zoom-out most of a lane is a few
// long runs, so the painter issues a few hundred fills per frame, not one per column.
class RunBatcher {
public:
    RunBatcher(QPainter& p, int left, int top, int height) : p_(p), left_(left), top_(top), height_(height) {}
    ~RunBatcher() { flush(); }
    void add(Pos c0, Pos c1, const QColor& colour, bool busy) {
        if (c1 <= c0 || colour.alpha() == 0) {
            flush();
            return;
        }
        if (c0 == end_ && colour == colour_ && busy == busy_) {
            end_ = c1;
            return;
        }
        flush();
        begin_ = c0;
        end_ = c1;
        colour_ = colour;
        busy_ = busy;
    }
    void flush() {
        if (end_ > begin_) {
            const QRect r(left_ + int(begin_), top_, int(end_ - begin_), height_);
            p_.fillRect(r, colour_);
            if (busy_) p_.fillRect(QRect(r.left(), top_, r.width(), std::max(2, height_ / 5)), kBusy);
        }
        begin_ = end_ = 0;
    }

private:
    QPainter& p_;
    int left_, top_, height_;
    Pos begin_ = 0, end_ = 0;
    QColor colour_;
    bool busy_ = false;
};

QColor bandColour(const Lane& lane, const Band& b) {
    if (lane.kind == LaneKind::Actor) {
        // A child process that crashed, raised or was killed: its end stands out.
        if (b.state == ActorState::Done && lane.exited && lane.exitCode != 0) return Palette::failedExitColor();
        return Palette::stateColor(b.state);
    }
    if (lane.kind == LaneKind::Future) return Palette::futureColor(b.future);
    if (lane.kind == LaneKind::Task) return Palette::taskColor(b.task);
    if (lane.kind == LaneKind::Loop) return Palette::loopColor(b.shade);
    return Palette::actorColor(b.actor);
}

// Names in bold: a process (its heading, or the one lane of a child), a group of tasks, a lane of the deadlock.
bool boldName(const Lane& lane) {
    return lane.inCycle || lane.kind == LaneKind::TaskGroup || lane.kind == LaneKind::Process ||
           (lane.processLane && !lane.nested);
}

// Steps of a task or of a loop take no virtual time: on the time axis they are ticks at their instant.
bool isInstantTick(const Lane& lane, const Band& b) {
    return lane.kind == LaneKind::Loop || (lane.kind == LaneKind::Task && b.task == TaskState::Running);
}

// 1, 2 or 5 times a power of ten, at least `minimum`.
Pos niceStep(double minimum) {
    if (minimum <= 1) return 1;
    const double p = std::pow(10.0, std::floor(std::log10(minimum)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= minimum) return Pos(m * p);
    return Pos(10 * p);
}

}  // namespace

double TimelinePainter::stepX(std::uint32_t step) const {
    if (axis_ == Axis::Steps) return (zoom_.xOf(step) + zoom_.xOf(Pos(step) + 1)) / 2;
    return zoom_.xOf(model_.stepTime(step));
}

void TimelinePainter::paint(QPainter& p, const TimelineLayout& l, const PaintOptions& o) const {
    p.save();
    p.setFont(TimelineLayout::defaultFont());
    p.fillRect(l.outer, Qt::white);
    const QFontMetrics fm(p.font());

    if (!l.title.isEmpty() && !o.title.isEmpty()) {
        QFont bold = p.font();
        bold.setBold(true);
        p.setFont(bold);
        p.setPen(Qt::black);
        p.drawText(l.title.adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignVCenter, o.title);
        p.setFont(TimelineLayout::defaultFont());
    }
    paintHeader(p, l);

    // Lanes: only the rows inside the lanes area.
    const QRect lanesArea(l.outer.left(), l.plot.top(), l.outer.width(), l.plot.height());
    p.save();
    p.setClipRect(lanesArea);
    const int first = std::max(0, o.laneScroll / l.laneHeight);
    for (int i = first; i < model_.laneCount(); ++i) {
        const int top = l.laneTop(i, o.laneScroll);
        if (top > l.plot.bottom()) break;
        const QRect row(l.plot.left(), top, l.plot.width(), l.laneHeight);
        if (i % 2) p.fillRect(row, kAltRow);
        p.setPen(kGrid);
        p.drawLine(l.outer.left(), row.bottom(), l.plot.right(), row.bottom());
        p.save();
        p.setClipRect(row.intersected(l.plot));
        paintLane(p, l, model_.lane(i), row);
        p.restore();

        // The names column stays put whatever the zoom: it is painted over the lane's left edge.
        paintName(p, model_.lane(i), QRect(l.names.left(), top, l.names.width(), l.laneHeight));
    }
    p.setPen(QColor(0xBB, 0xBB, 0xBB));
    p.drawLine(l.names.right(), l.header.top(), l.names.right(), l.plot.bottom());
    p.restore();
    if (!model_.transfers().empty()) {
        p.save();
        p.setClipRect(l.plot);
        paintTransfers(p, l, o.laneScroll);
        p.restore();
    }

    // Cursor: a line through the header and the lanes, and a triangle in the header.
    if (o.cursor > 0 && o.cursor <= model_.stepCount()) {
        const double x = l.plot.left() + stepX(o.cursor);
        if (x >= l.plot.left() && x <= l.plot.right() + 1) {
            p.save();
            p.setClipRect(
                QRect(l.plot.left(), l.header.top(), l.plot.width(), l.header.height() + l.plot.height()));
            p.setPen(QPen(Qt::black, 2));
            p.drawLine(QPointF(x, l.header.top()), QPointF(x, l.plot.bottom()));
            p.setBrush(Qt::black);
            p.setPen(Qt::NoPen);
            const double y = l.header.bottom() - 7;
            p.drawPolygon(QPolygonF({QPointF(x - 5, y), QPointF(x + 5, y), QPointF(x, y + 7)}));
            p.restore();
        }
    }
    if (!l.legend.isEmpty()) paintLegend(p, l);
    p.restore();
}

void TimelinePainter::paintName(QPainter& p, const Lane& lane, const QRect& name) const {
    p.fillRect(name.adjusted(0, 0, 0, -1), kNamesBackground);
    QRect text = name.adjusted(6, 0, -4, 0);
    if (lane.kind == LaneKind::TaskGroup) {
        // A disclosure triangle: pointing right when collapsed, down when the tasks are shown.
        const QPointF c(text.left() + 4.5, name.center().y() + 0.5);
        const QPolygonF shape =
            lane.expanded ? QPolygonF({c + QPointF(-4, -2.5), c + QPointF(4, -2.5), c + QPointF(0, 3)})
                          : QPolygonF({c + QPointF(-2.5, -4), c + QPointF(-2.5, 4), c + QPointF(3, 0)});
        p.save();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x44, 0x44, 0x44));
        p.drawPolygon(shape);
        p.restore();
        text.setLeft(text.left() + 12);
    } else if (lane.kind == LaneKind::Task && lane.inGroup) {
        text.setLeft(text.left() + 12);  // under its group's name
    } else if (lane.nested) {
        // Under its process's heading, with a guide line down the side of the process's threads.
        p.fillRect(QRect(text.left() + 3, name.top(), 2, name.height()), QColor(0xB8, 0xC4, 0xD4));
        text.setLeft(text.left() + 12);
    }
    if (lane.kind == LaneKind::Process) p.fillRect(name.adjusted(0, 0, 0, -1), kProcessHeading);
    QFont f = TimelineLayout::defaultFont();
    f.setBold(boldName(lane));
    p.setFont(f);
    p.setPen(lane.inCycle ? Palette::cycleColor() : QColor(Qt::black));
    p.drawText(
        text, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(f).elidedText(TimelineStrings::laneTitle(lane), Qt::ElideRight, text.width() - 2));
    p.setFont(TimelineLayout::defaultFont());
}

void TimelinePainter::paintHeader(QPainter& p, const TimelineLayout& l) const {
    const QFontMetrics fm(p.font());
    p.setPen(Qt::black);
    p.drawText(QRect(l.outer.left() + 6, l.header.top(), l.names.width() - 8, l.header.height()),
               Qt::AlignLeft | Qt::AlignVCenter, TimelineStrings::axisTitle(axis_));
    p.save();
    p.setClipRect(
        QRect(l.header.left(), l.header.top(), l.header.width(), l.header.height() + l.plot.height()));
    // About one label per 100 pixels, on round numbers.
    const double unitsPerPixel = double(zoom_.span()) / zoom_.width();
    const Pos step = niceStep(unitsPerPixel * (axis_ == Axis::Steps ? 70 : 110));
    Pos t = (zoom_.begin() + step - 1) / step * step;
    if (t < zoom_.begin()) t += step;
    for (; t < zoom_.end(); t += step) {
        const double x =
            l.plot.left() + (axis_ == Axis::Steps ? (zoom_.xOf(t) + zoom_.xOf(t + 1)) / 2 : zoom_.xOf(t));
        p.setPen(kGrid);
        p.drawLine(QPointF(x, l.plot.top()), QPointF(x, l.plot.bottom()));
        p.setPen(Qt::black);
        p.drawLine(QPointF(x, l.header.bottom() - 4), QPointF(x, l.header.bottom()));
        const QString text = axis_ == Axis::Steps ? QString::number(t) : TimelineStrings::seconds(t, step);
        const int w = fm.horizontalAdvance(text);
        p.drawText(QPointF(std::clamp(x - w / 2.0, double(l.header.left()),
                                      std::max(double(l.header.left()), l.header.right() - double(w))),
                           l.header.top() + fm.ascent() + 3),
                   text);
    }
    p.restore();
    p.setPen(QColor(0xBB, 0xBB, 0xBB));
    p.drawLine(l.outer.left(), l.header.bottom(), l.plot.right(), l.header.bottom());
}

void TimelinePainter::paintLane(QPainter& p, const TimelineLayout&, const Lane& lane,
                                const QRect& row) const {
    const int inner = row.height() - 4;
    switch (lane.kind) {
        case LaneKind::Lock: {
            // The owner band above, the number of waiters as a step chart in a strip below it.
            const int strip = std::max(4, inner / 4);
            paintBands(p, lane, row.left(), row.top() + 2, inner - strip - 1);
            paintCounts(p, lane, row.left(), row.top() + 2 + inner - strip, strip);
            break;
        }
        case LaneKind::Queue:
        case LaneKind::SemaphoreWaiting:
        case LaneKind::Signal:
            paintCounts(p, lane, row.left(), row.top() + 2, inner);
            break;
        case LaneKind::TaskGroup:
            paintGroup(p, lane, row.left(), row.top() + 2, inner);
            break;
        case LaneKind::Process:
            p.fillRect(row, kProcessHeading);  // a heading: its threads' lanes below say what it does
            break;
        case LaneKind::Loop:
            if (lane.countMax > 0) {
                // What runs above, the ready queue's length in a strip below, as a lock's waiters.
                const int strip = std::max(4, inner / 4);
                paintBands(p, lane, row.left(), row.top() + 2, inner - strip - 1);
                paintCounts(p, lane, row.left(), row.top() + 2 + inner - strip, strip);
            } else {
                paintBands(p, lane, row.left(), row.top() + 2, inner);
            }
            break;
        default:
            paintBands(p, lane, row.left(), row.top() + 2, inner);
            break;
    }
    paintMarks(p, lane, row.left(), row);
}

void TimelinePainter::paintBands(QPainter& p, const Lane& lane, int left, int top, int height) const {
    const Pos zb = zoom_.begin(), ze = zoom_.end();
    // Ticks (steps at an instant) may sit on the window's first instant, and on the run's last one, which is
    // the range's end: those are included.
    const bool ticks = lane.kind == LaneKind::Loop || lane.kind == LaneKind::Task;
    const bool atRunEnd = ticks && ze == zoom_.rangeEnd();
    const std::size_t last = lane.bandEnd(axis_, atRunEnd ? ze + 1 : ze);
    std::size_t i = lane.firstBand(axis_, ticks ? zb - 1 : zb);
    Pos clipFrom = zb;  // what lies left of it was drawn by an aggregated column
    struct Label {
        QRect rect;
        const Band* band;
    };
    std::vector<Label> labels, highlights;
    struct Tick {
        int column;
        const Band* band;
    };
    std::vector<Tick> tickList;
    {
        RunBatcher runs(p, left, top, height);
        while (i < last) {
            const Band& b = lane.bands[i];
            const Pos p0 = std::max(beginOf(b, axis_), clipFrom), p1 = std::min(endOf(b, axis_), ze);
            if (p1 <= p0) {
                const Pos at = beginOf(b, axis_);
                if (isInstantTick(lane, b) && endOf(b, axis_) == at && at >= clipFrom &&
                    (at < ze || atRunEnd)) {
                    // A step that took no virtual time: a tick at its instant, one per column.
                    const Pos c = std::min<Pos>(zoom_.columnOf(at), zoom_.width() - 2),
                              next = zoom_.positionAtColumn(c + 1);
                    tickList.push_back({int(c), &b});
                    const std::size_t j = std::max(lane.firstBandFrom(axis_, i + 1, last, next), i + 1);
                    i = endOf(lane.bands[j - 1], axis_) > next ? std::max(j - 1, i + 1) : j;
                    continue;
                }
                ++i;
                continue;
            }
            const Pos c0 = zoom_.columnOf(p0), c1 = zoom_.columnOf(p1);
            if (c1 > c0) {
                runs.add(c0, c1, bandColour(lane, b), false);
                const QRect r(left + int(c0), top, int(c1 - c0), height);
                if (r.width() > 30) labels.push_back({r, &b});
                if (b.highlight) highlights.push_back({r, &b});
                ++i;
                continue;
            }
            // Band i ends inside column c0: every band beginning in this column shares it.
            const Pos next = zoom_.positionAtColumn(c0 + 1);
            const std::size_t j = std::max(lane.firstBandFrom(axis_, i, last, next), i + 1);
            const Pos mid = (p0 + next) / 2;
            const std::size_t k = std::max(lane.firstBandFrom(axis_, i, j, mid + 1), i + 1) - 1;
            const Band& sample = lane.bands[k];
            runs.add(c0, c0 + 1, bandColour(lane, sample), j - i > 1);
            if (sample.highlight) highlights.push_back({QRect(left + int(c0), top, 1, height), &sample});
            clipFrom = next;
            i = endOf(lane.bands[j - 1], axis_) > next ? j - 1 : j;
        }
    }
    for (const Tick& t : tickList)
        p.fillRect(QRect(left + t.column, top, 2, height), bandColour(lane, *t.band));
    // The deadlock cycle: outlined and hatched, under the labels so they stay readable.
    if (!highlights.empty()) {
        p.save();
        p.setBrush(QBrush(QColor(0, 0, 0, 120), Qt::BDiagPattern));
        p.setPen(QPen(Qt::black, 2));
        for (const Label& h : highlights) p.drawRect(QRectF(h.rect).adjusted(1, 1, -1, -1));
        p.restore();
    }
    const QFontMetrics fm(p.font());
    bool exitShown = false;  // a child process's "done" band has its exit code written in it
    for (const Label& lb : labels) {
        if (lane.kind == LaneKind::Actor && lb.band->state == ActorState::NotStarted) continue;
        QString text = TimelineStrings::bandLabel(model_, lane, *lb.band);
        QRect visible = lb.rect.intersected(QRect(left, top, zoom_.width(), height));
        // A child's exit code goes right of the mark of its exit, which sits at the band's left edge.
        if (lane.kind == LaneKind::Actor && lane.exited && lb.band->state == ActorState::Done &&
            lane.markCount(MarkKind::Exit) > 0) {
            const Mark& exit = lane.mark(MarkKind::Exit, lane.markCount(MarkKind::Exit) - 1);
            const double x = left + (axis_ == Axis::Steps ? stepX(exit.step) : zoom_.xOf(exit.time));
            visible.setLeft(std::max(visible.left(), int(x) + 7));
        }
        // A label that names what an actor waits on, or a future's worker or result, may not fit where its
        // state alone ("blocked", "running") does.
        if (fm.horizontalAdvance(text) + 8 > visible.width())
            text = TimelineStrings::shortBandLabel(model_, lane, *lb.band);
        if (fm.horizontalAdvance(text) + 8 > visible.width()) continue;
        const QColor fill = bandColour(lane, *lb.band);
        if (lb.band->highlight) {
            // A plain backing behind the text, so the hatch does not cut through the letters.
            const int w = fm.horizontalAdvance(text) + 6;
            p.fillRect(
                QRect(visible.center().x() - w / 2, visible.center().y() - fm.height() / 2, w, fm.height()),
                fill);
        }
        p.setPen(Palette::textOn(fill));
        p.drawText(visible, Qt::AlignCenter, text);
        if (lb.band->state == ActorState::Done) exitShown = true;
    }
    // A child process's exit code belongs at the end of its lane even when its "done" band is too narrow for
    // it (a child terminated just before the run ended): then it is a tag in the band's colour, just before
    // the mark of the exit.
    if (lane.kind == LaneKind::Actor && lane.exited && !exitShown && !lane.bands.empty()) {
        const Band& done = lane.bands.back();
        // On the time axis a child that ended at the run's last instant has a "done" band of no width there.
        const bool atRunEnd = beginOf(done, axis_) == ze && ze == zoom_.rangeEnd();
        if (done.state == ActorState::Done && endOf(done, axis_) >= zb && (beginOf(done, axis_) < ze || atRunEnd)) {
            const QString text = TimelineStrings::exitLabel(lane);
            const int w = fm.horizontalAdvance(text) + 8;
            int right = left + int(zoom_.columnOf(std::min(endOf(done, axis_), ze)));
            if (lane.markCount(MarkKind::Exit) > 0) {  // just left of the exit's mark, which stays in sight
                const Mark& exit = lane.mark(MarkKind::Exit, lane.markCount(MarkKind::Exit) - 1);
                const double x = axis_ == Axis::Steps ? stepX(exit.step) : zoom_.xOf(exit.time);
                right = std::min(right, left + int(std::min(x, zoom_.width() - 2.0)) - 6);
            }
            const QRect tag(right - w - 1, top + 1, w, height - 2);
            if (tag.left() >= left) {
                const QColor fill = bandColour(lane, done);
                p.fillRect(tag, fill);
                p.setPen(QColor(0x88, 0x88, 0x88));
                p.setBrush(Qt::NoBrush);
                p.drawRect(tag.adjusted(0, 0, -1, -1));
                p.setPen(Palette::textOn(fill));
                p.drawText(tag, Qt::AlignCenter, text);
            }
        }
    }
}

void TimelinePainter::paintCounts(QPainter& p, const Lane& lane, int left, int top, int height) const {
    if (lane.counts.empty() || lane.countMax <= 0) return;
    const Pos zb = zoom_.begin(), ze = zoom_.end();
    const double scale = double(height) / lane.countMax;
    const QColor colour = Palette::countColor();
    auto fill = [&](Pos c0, Pos c1, int value) {
        if (c1 <= c0 || value <= 0) return;
        const int h = std::max(1, int(std::lround(value * scale)));
        p.fillRect(QRect(left + int(c0), top + height - h, int(c1 - c0), h), colour);
    };
    int value = lane.countAt(axis_, zb);
    Pos col = 0;
    std::size_t i = lane.firstCount(axis_, zb + 1);
    while (i < lane.counts.size() && posOf(lane.counts[i], axis_) < ze) {
        const Pos c = zoom_.columnOf(posOf(lane.counts[i], axis_));
        fill(col, c, value);
        // Points in the same column: show the highest, so a short peak stays visible when zoomed out.
        const std::size_t j = std::max(lane.firstCount(axis_, zoom_.positionAtColumn(c + 1)), i + 1);
        int peak = value;
        for (std::size_t k = i; k < j && k < i + 64; ++k) peak = std::max(peak, lane.counts[k].value);
        fill(c, c + 1, peak);
        value = lane.counts[j - 1].value;
        col = c + 1;
        i = j;
    }
    fill(col, zoom_.width(), value);
}

void TimelinePainter::paintGroup(QPainter& p, const Lane& lane, int left, int top, int height) const {
    if (lane.states.empty() || height <= 0) return;
    // Bottom to top: the ended tasks, then the waiting, then those the loop is about to run or runs.
    static constexpr std::array<TaskState, std::size_t(TaskState::Count_)> kStack{
        TaskState::Done,    TaskState::Failed, TaskState::Cancelled, TaskState::Waiting,
        TaskState::Pending, TaskState::Ready,  TaskState::Running};
    auto drawColumns = [&](int c0, int c1, const StateCounts& sc) {
        long total = 0;
        for (std::int32_t n : sc.count) total += std::max(0, n);
        if (total <= 0) return;
        // Every state present gets a pixel at least, so one running task among ten thousand still shows.
        std::array<int, kStack.size()> h{};
        int used = 0;
        std::size_t largest = 0;
        for (std::size_t k = 0; k < kStack.size(); ++k) {
            const int n = std::max(0, sc.count[std::size_t(kStack[k])]);
            if (n == 0) continue;
            h[k] = std::max(1, int(double(n) * height / double(total)));
            used += h[k];
            if (h[k] > h[largest]) largest = k;
        }
        // Rounding (and the one-pixel minimum) is settled on the largest part.
        h[largest] = std::max(1, h[largest] + height - used);
        int y = top + height;
        for (std::size_t k = 0; k < kStack.size(); ++k) {
            if (h[k] == 0) continue;
            const int bottom = y;
            y = std::max(top, y - h[k]);
            if (bottom > y)
                p.fillRect(QRect(left + c0, y, c1 - c0, bottom - y), Palette::taskColor(kStack[k]));
        }
    };
    struct Label {
        int c0, c1;
        const StateCounts* counts;
    };
    std::vector<Label> labels;
    auto dominant = [](const StateCounts* sc) {
        return sc ? int(std::max_element(sc->count.begin(), sc->count.end()) - sc->count.begin()) : -1;
    };
    // Columns showing the same point are one run: a zoomed-in group is a few wide rectangles. A label
    // spans the columns where one state has the most tasks, and tells the make-up at its middle.
    const int width = zoom_.width();
    std::vector<const StateCounts*> samples(std::size_t(std::max(0, width)), nullptr);
    int runStart = 0, labelStart = 0;
    const StateCounts* runCounts = nullptr;
    for (int c = 0; c <= width; ++c) {
        const StateCounts* sc = nullptr;
        if (c < width) {
            const Pos p0 = zoom_.positionAtColumn(c), p1 = zoom_.positionAtColumn(c + 1);
            sc = samples[std::size_t(c)] = lane.statesAt(axis_, p0 + std::max<Pos>(0, p1 - p0 - 1) / 2);
        }
        if (c == width || dominant(sc) != dominant(c > 0 ? samples[std::size_t(c - 1)] : nullptr)) {
            const StateCounts* middle =
                c > labelStart ? samples[std::size_t((labelStart + c - 1) / 2)] : nullptr;
            if (middle) labels.push_back({labelStart, c, middle});
            labelStart = c;
        }
        if (c < width && sc == runCounts) continue;
        if (runCounts) drawColumns(runStart, c, *runCounts);
        runStart = c;
        runCounts = sc;
    }
    const QFontMetrics fm(p.font());
    for (const Label& lb : labels) {
        const int w = lb.c1 - lb.c0;
        if (w < 40) continue;
        QString text = TimelineStrings::groupSummary(*lb.counts);
        if (fm.horizontalAdvance(text) + 12 > w)
            text = text.section(QStringLiteral(", "), 0, 0);  // the largest
        const int tw = fm.horizontalAdvance(text) + 6;
        if (tw + 6 > w) continue;
        // On a light backing: the bar under the text has several colours.
        const QRect r(left + lb.c0 + (w - tw) / 2, top + (height - fm.height()) / 2, tw, fm.height());
        p.fillRect(r, QColor(255, 255, 255, 200));
        p.setPen(Qt::black);
        p.drawText(r, Qt::AlignCenter, text);
    }
}

void TimelinePainter::paintMarks(QPainter& p, const Lane& lane, int left, const QRect& row) const {
    const Pos ze = zoom_.end();
    const qreal size = std::min<qreal>(row.height() * 0.45, 10);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    for (std::size_t k = 0; k < kMarkKinds; ++k) {
        const auto kind = MarkKind(k);
        const std::size_t n = lane.markCount(kind);
        if (n == 0) continue;
        // A switch mark sits on the top edge of the lane, so it never hides the state under it.
        const qreal y = kind == MarkKind::Switch ? row.top() + size / 2 + 1 : row.center().y() + 0.5;
        const Pos skip = std::max<Pos>(1, Pos(size * 0.6));
        std::size_t i = lane.firstMark(kind, axis_, zoom_.begin());
        while (i < n) {
            const Mark& m = lane.mark(kind, i);
            const Pos pos = posOf(m, axis_);
            if (pos >= ze) break;
            const double x = left + (axis_ == Axis::Steps ? stepX(m.step) : zoom_.xOf(pos));
            drawMark(p, kind, QPointF(x, y), size,
                     kind == MarkKind::Exit ? Palette::exitMarkColor(lane.exitCode) : QColor());
            // Marks closer than about their own width would only overdraw each other: skip to the next free
            // spot, so a dense run of switches becomes a dotted line of a few hundred shapes, not thousands.
            i = std::max(lane.firstMark(kind, axis_, zoom_.positionAtColumn(zoom_.columnOf(pos) + skip)),
                         i + 1);
        }
    }
    p.restore();
}

void TimelinePainter::drawMark(QPainter& p, MarkKind kind, const QPointF& c, qreal s, QColor colour) {
    const qreal h = s / 2;
    if (!colour.isValid()) colour = Palette::markColor(kind);
    p.setPen(QPen(Qt::black, 1));
    p.setBrush(colour);
    switch (kind) {
        case MarkKind::Switch:
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::black);
            p.drawPolygon(QPolygonF({QPointF(c.x() - h * 0.7, c.y() - h), QPointF(c.x() + h * 0.7, c.y() - h),
                                     QPointF(c.x(), c.y() + h * 0.4)}));
            break;
        case MarkKind::Raise:
            p.drawPolygon(QPolygonF(
                {QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y() + h), QPointF(c.x() - h, c.y() + h)}));
            break;
        case MarkKind::Race:
            // An hourglass: two accesses meeting with nothing between them.
            p.drawPolygon(QPolygonF({QPointF(c.x() - h, c.y() - h), QPointF(c.x() + h, c.y() - h),
                                     QPointF(c.x() - h, c.y() + h), QPointF(c.x() + h, c.y() + h)}));
            break;
        case MarkKind::Deadlock:
            p.drawEllipse(c, h, h);
            p.setPen(QPen(Qt::white, 1.5));
            p.drawLine(QPointF(c.x() - h * 0.5, c.y() - h * 0.5), QPointF(c.x() + h * 0.5, c.y() + h * 0.5));
            p.drawLine(QPointF(c.x() - h * 0.5, c.y() + h * 0.5), QPointF(c.x() + h * 0.5, c.y() - h * 0.5));
            break;
        case MarkKind::Wait:
            p.setBrush(Qt::white);
            p.setPen(QPen(colour, 2));
            p.drawEllipse(c, h * 0.8, h * 0.8);
            break;
        case MarkKind::Woken:
            p.drawEllipse(c, h * 0.8, h * 0.8);
            break;
        case MarkKind::Timeout:
            p.setBrush(Qt::white);
            p.setPen(QPen(colour, 2));
            p.drawRect(QRectF(c.x() - h * 0.7, c.y() - h * 0.7, h * 1.4, h * 1.4));
            break;
        case MarkKind::Notify:
            p.drawPolygon(QPolygonF(
                {QPointF(c.x() - h, c.y() - h), QPointF(c.x() + h, c.y() - h), QPointF(c.x(), c.y() + h)}));
            break;
        case MarkKind::Set:
        case MarkKind::Clear:
            if (kind == MarkKind::Clear) {
                p.setBrush(Qt::white);
                p.setPen(QPen(colour, 2));
            }
            p.drawPolygon(QPolygonF({QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y()),
                                     QPointF(c.x(), c.y() + h), QPointF(c.x() - h, c.y())}));
            break;
        case MarkKind::Exit:
            // A "stop" square.
            p.drawRect(QRectF(c.x() - h * 0.8, c.y() - h * 0.8, h * 1.6, h * 1.6));
            break;
        case MarkKind::Count_:
            break;
    }
}

void TimelinePainter::paintLegend(QPainter& p, const TimelineLayout& l) const {
    p.save();
    p.setPen(QColor(0xBB, 0xBB, 0xBB));
    p.drawLine(l.legend.topLeft(), l.legend.topRight());
    for (const LegendEntry& e : l.legendEntries) {
        const QRect swatch(e.rect.left(), e.rect.center().y() - 6, 12, 12);
        switch (e.type) {
            case LegendEntry::Type::State:
                p.fillRect(swatch, Palette::stateColor(ActorState(e.value)));
                p.setPen(QColor(0x88, 0x88, 0x88));
                p.setBrush(Qt::NoBrush);
                p.drawRect(swatch.adjusted(0, 0, -1, -1));
                break;
            case LegendEntry::Type::Future:
                p.fillRect(swatch, Palette::futureColor(FutureState(e.value)));
                p.setPen(QColor(0x88, 0x88, 0x88));
                p.setBrush(Qt::NoBrush);
                p.drawRect(swatch.adjusted(0, 0, -1, -1));
                break;
            case LegendEntry::Type::Task:
                p.fillRect(swatch, Palette::taskColor(TaskState(e.value)));
                p.setPen(QColor(0x88, 0x88, 0x88));
                p.setBrush(Qt::NoBrush);
                p.drawRect(swatch.adjusted(0, 0, -1, -1));
                break;
            case LegendEntry::Type::Loop:
                p.fillRect(swatch.adjusted(0, 0, -6, 0), Palette::loopColor(true));
                p.fillRect(swatch.adjusted(6, 0, 0, 0), Palette::loopColor(false));
                break;
            case LegendEntry::Type::Holder:
                p.fillRect(swatch.adjusted(0, 0, -6, 0), Palette::actorColor(0));
                p.fillRect(swatch.adjusted(6, 0, 0, 0), Palette::actorColor(1));
                break;
            case LegendEntry::Type::Count:
                p.fillRect(QRect(swatch.left(), swatch.top() + 6, 4, 6), Palette::countColor());
                p.fillRect(QRect(swatch.left() + 4, swatch.top() + 2, 4, 10), Palette::countColor());
                p.fillRect(QRect(swatch.left() + 8, swatch.top() + 8, 4, 4), Palette::countColor());
                break;
            case LegendEntry::Type::Cycle:
                p.fillRect(swatch, Palette::stateColor(ActorState::Blocked));
                p.setBrush(QBrush(Qt::black, Qt::BDiagPattern));
                p.setPen(QPen(Qt::black, 2));
                p.drawRect(QRectF(swatch).adjusted(1, 1, -1, -1));
                break;
            case LegendEntry::Type::Mark:
                p.setRenderHint(QPainter::Antialiasing, true);
                drawMark(p, MarkKind(e.value), QPointF(swatch.center()) + QPointF(0.5, 0.5), 10);
                p.setRenderHint(QPainter::Antialiasing, false);
                break;
            case LegendEntry::Type::Transfer:
                p.setRenderHint(QPainter::Antialiasing, true);
                drawArrow(p, QPointF(swatch.left() + 1, swatch.top() + 2), QPointF(swatch.right(), swatch.bottom()),
                          false);
                p.setRenderHint(QPainter::Antialiasing, false);
                break;
            case LegendEntry::Type::FailedExit:
                p.fillRect(swatch, Palette::failedExitColor());
                p.setPen(QColor(0x88, 0x88, 0x88));
                p.setBrush(Qt::NoBrush);
                p.drawRect(swatch.adjusted(0, 0, -1, -1));
                break;
        }
        p.setPen(Qt::black);
        p.drawText(QRect(e.rect.left() + 16, e.rect.top(), e.rect.width() - 16, e.rect.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, e.text);
    }
    p.restore();
}

Hit TimelinePainter::hitTest(const TimelineLayout& l, int laneScroll, const QPoint& pt) const {
    Hit hit;
    if (l.names.contains(pt)) {
        hit.lane = l.laneAt(pt.y(), laneScroll, model_.laneCount());
        hit.onName = hit.lane >= 0;
        return hit;
    }
    if (!l.plot.contains(pt)) return hit;
    hit.lane = l.laneAt(pt.y(), laneScroll, model_.laneCount());
    const double x = pt.x() - l.plot.left() + 0.5;
    hit.position = zoom_.positionAtX(x);
    hit.step = model_.stepAt(axis_, hit.position);
    if (hit.lane < 0) return hit;
    const Lane& lane = model_.lane(hit.lane);

    // Marks first (they are drawn on top): the nearest within 5 pixels.
    double best = 5.5;
    for (std::size_t k = 0; k < kMarkKinds; ++k) {
        const auto kind = MarkKind(k);
        const std::size_t n = lane.markCount(kind);
        for (std::size_t i = lane.firstMark(kind, axis_, zoom_.positionAtX(x - 8)); i < n; ++i) {
            const Mark& m = lane.mark(kind, i);
            if (posOf(m, axis_) > zoom_.positionAtX(x + 8)) break;
            const double mx = axis_ == Axis::Steps ? stepX(m.step) : zoom_.xOf(m.time);
            if (std::abs(mx - x) < best) {
                best = std::abs(mx - x);
                hit.mark = int(i);
                hit.markKind = kind;
            }
        }
    }
    // Arrows (drawn over the bands): the nearest within 4 pixels, unless a mark is nearer (on the time axis a
    // message often goes at the instant of a switch); a click goes to its receive.
    const auto& transfers = model_.transfers();
    double bestArrow = 4.5;
    if (hit.mark >= 0) {
        const QRect row(l.plot.left(), l.laneTop(hit.lane, laneScroll), l.plot.width(), l.laneHeight);
        const qreal size = std::min<qreal>(row.height() * 0.45, 10);
        const Mark& m = lane.mark(hit.markKind, std::size_t(hit.mark));
        const double mx = l.plot.left() + (axis_ == Axis::Steps ? stepX(m.step) : zoom_.xOf(m.time));
        const double my = hit.markKind == MarkKind::Switch ? row.top() + size / 2 + 1 : row.center().y() + 0.5;
        bestArrow = std::min(bestArrow, QLineF(QPointF(mx, my), QPointF(pt)).length());
    }
    for (std::size_t i = firstVisibleTransfer(); i < transfers.size(); ++i) {
        QPointF a, b;
        if (!transferLine(l, laneScroll, transfers[i], a, b)) continue;
        const QPointF d = b - a;
        const double len2 = QPointF::dotProduct(d, d);
        const double u = len2 > 0 ? std::clamp(QPointF::dotProduct(QPointF(pt) - a, d) / len2, 0.0, 1.0) : 0.0;
        const QPointF nearest = a + u * d;
        const double dist = QLineF(nearest, QPointF(pt)).length();
        if (dist < bestArrow) {
            bestArrow = dist;
            hit.transfer = int(i);
        }
    }
    if (hit.transfer >= 0) {
        hit.mark = -1;
        hit.step = transfers[std::size_t(hit.transfer)].toStep;
        return hit;
    }
    if (hit.mark >= 0) {
        hit.step = lane.mark(hit.markKind, std::size_t(hit.mark)).step;
        return hit;
    }
    hit.band = lane.bandAt(axis_, hit.position);
    if (lane.kind == LaneKind::Loop || lane.kind == LaneKind::Task) {
        // A tick (a step at an instant) near the mouse wins over the band it sits on.
        const int tick = nearestTick(lane, x);
        if (tick >= 0) hit.band = tick;
    }
    if (hit.band >= 0) {
        const Band& b = lane.bands[std::size_t(hit.band)];
        // On the time axis many steps share an instant: a click lands on a step inside the band.
        const std::uint32_t lastStep = std::max(b.beginStep, std::min(b.endStep - 1, model_.stepCount()));
        hit.step = std::clamp(hit.step, std::max(b.beginStep, 1u), std::max(lastStep, 1u));
    }
    return hit;
}

int TimelinePainter::nearestTick(const Lane& lane, double x) const {
    const Pos from = zoom_.positionAtX(x - 4), to = zoom_.positionAtX(x + 4);
    int best = -1;
    double bestDistance = 4.5;
    std::size_t i = lane.firstBandFrom(axis_, 0, lane.bands.size(), from);
    for (int seen = 0; i < lane.bands.size() && seen < 4096; ++i, ++seen) {
        const Band& b = lane.bands[i];
        const Pos at = beginOf(b, axis_);
        if (at > to) break;
        if (endOf(b, axis_) != at || !isInstantTick(lane, b)) continue;
        const double d = std::abs(zoom_.xOf(at) - x);
        if (d < bestDistance) {
            bestDistance = d;
            best = int(i);
        }
    }
    return best;
}

QString TimelinePainter::tooltip(const Hit& hit) const {
    if (hit.lane < 0) return {};
    const Lane& lane = model_.lane(hit.lane);
    // A process's heading, or the name of a child's lane: which process it is and, once it ended, how.
    if (lane.kind == LaneKind::Process || (hit.onName && lane.processLane && !lane.nested))
        return TimelineStrings::processTooltip(model_, lane);
    if (hit.onName) {
        if (lane.kind != LaneKind::TaskGroup) return {};
        return TimelineStrings::laneTitle(lane) + QLatin1Char('\n') +
               (lane.expanded ? TimelineStrings::tr("click the name to hide its tasks")
                              : TimelineStrings::tr("click the name to show its tasks"));
    }
    if (lane.kind == LaneKind::TaskGroup)
        return TimelineStrings::groupTooltip(model_, lane, lane.statesAt(axis_, hit.position), hit.step);
    if (hit.mark >= 0)
        return TimelineStrings::markTooltip(model_, lane, lane.mark(hit.markKind, std::size_t(hit.mark)));
    if (hit.transfer >= 0)
        return TimelineStrings::transferTooltip(model_, model_.transfers()[std::size_t(hit.transfer)]);
    QString text;
    if (hit.band >= 0) {
        const Band& b = lane.bands[std::size_t(hit.band)];
        if (lane.kind == LaneKind::Loop && beginOf(b, axis_) == endOf(b, axis_)) {
            // Every step the loop took at this instant, in order.
            std::size_t first = std::size_t(hit.band), last = first + 1;
            const Pos at = beginOf(b, axis_);
            while (first > 0 && beginOf(lane.bands[first - 1], axis_) == at &&
                   endOf(lane.bands[first - 1], axis_) == at)
                --first;
            while (last < lane.bands.size() && beginOf(lane.bands[last], axis_) == at &&
                   endOf(lane.bands[last], axis_) == at)
                ++last;
            std::vector<const Band*> steps;
            for (std::size_t k = first; k < last; ++k) steps.push_back(&lane.bands[k]);
            text = TimelineStrings::loopInstantTooltip(model_, lane, steps);
        } else {
            text = TimelineStrings::bandTooltip(model_, lane, b);
        }
    }
    if ((lane.kind == LaneKind::Loop && lane.countMax > 0) ||
        (lane.kind != LaneKind::Loop &&
         (!lane.counts.empty() || lane.kind == LaneKind::Lock || lane.kind == LaneKind::Queue ||
          lane.kind == LaneKind::SemaphoreWaiting || lane.kind == LaneKind::Signal))) {
        if (!text.isEmpty()) text += QLatin1Char('\n');
        text += TimelineStrings::countTooltip(lane, lane.countAt(axis_, hit.position));
    }
    return text;
}

std::size_t TimelinePainter::firstVisibleTransfer() const {
    const auto& ts = model_.transfers();
    // A step's arrow end sits in the middle of its column: a step just left of the window may still show.
    const Pos from = zoom_.begin() - (axis_ == Axis::Steps ? 1 : 0);
    const auto it = std::partition_point(ts.begin(), ts.end(), [this, from](const Transfer& t) {
        return (axis_ == Axis::Steps ? Pos(t.toStep) : t.toTime) < from;
    });
    return std::size_t(it - ts.begin());
}

bool TimelinePainter::transferLine(const TimelineLayout& l, int laneScroll, const Transfer& t, QPointF& from,
                                   QPointF& to) const {
    const int fromRow = model_.actorLane(t.fromActor), toRow = model_.actorLane(t.toActor);
    if (fromRow < 0 || toRow < 0 || fromRow == toRow) return false;
    // The run's last instant is the plot's right edge, one pixel past its last column: kept inside, as ticks.
    const auto inside = [this](double x) { return x > zoom_.width() - 2 && x <= zoom_.width() + 0.5 ? zoom_.width() - 2.0 : x; };
    const double x0 = inside(axis_ == Axis::Steps ? stepX(t.fromStep) : zoom_.xOf(t.fromTime));
    const double x1 = inside(axis_ == Axis::Steps ? stepX(t.toStep) : zoom_.xOf(t.toTime));
    // Wholly left or right of the window: nothing to draw.
    if (std::max(x0, x1) < -8 || std::min(x0, x1) > zoom_.width() + 8) return false;
    const double half = l.laneHeight / 2.0;
    from = QPointF(l.plot.left() + x0, l.laneTop(fromRow, laneScroll) + half);
    to = QPointF(l.plot.left() + x1, l.laneTop(toRow, laneScroll) + half);
    return true;
}

void TimelinePainter::drawArrow(QPainter& p, const QPointF& from, const QPointF& to, bool halo) {
    const QLineF line(from, to);
    const double length = line.length();
    if (length < 1) return;
    const QPointF unit = (to - from) / length, normal(-unit.y(), unit.x());
    const double head = std::min(7.0, length * 0.6);
    const QPointF base = to - unit * head;
    const QColor colour = Palette::transferColor();
    if (halo) {
        p.setPen(QPen(QColor(255, 255, 255, 170), 3.4, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(from, base);
    }
    p.setPen(QPen(colour, 1.4, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(from, base);
    p.setPen(halo ? QPen(QColor(255, 255, 255, 170), 1) : Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(from, 2.2, 2.2);
    p.drawPolygon(QPolygonF({to, base + normal * head * 0.45, base - normal * head * 0.45}));
}

void TimelinePainter::paintTransfers(QPainter& p, const TimelineLayout& l, int laneScroll) const {
    const auto& transfers = model_.transfers();
    struct Arrow {
        QPointF from, to;
        std::size_t index;
    };
    std::vector<Arrow> arrows;
    QSet<quint64> drawn;
    const auto key = [](double x) { return quint64(std::clamp(int(std::lround(x)), -30000, 30000) + 32768) & 0xFFFF; };
    for (std::size_t i = firstVisibleTransfer(); i < transfers.size(); ++i) {
        QPointF a, b;
        if (!transferLine(l, laneScroll, transfers[i], a, b)) continue;
        if (std::max(a.y(), b.y()) < l.plot.top() || std::min(a.y(), b.y()) > l.plot.bottom()) continue;
        const quint64 k = key(a.x()) << 48 | key(b.x()) << 32 | key(a.y()) << 16 | key(b.y());
        if (drawn.contains(k)) continue;
        drawn.insert(k);
        arrows.push_back({a, b, i});
    }
    if (arrows.empty()) return;
    p.setRenderHint(QPainter::Antialiasing, true);
    // Hundreds of arrows would turn their halos into a white fog over the lanes.
    const bool halo = arrows.size() <= 200;
    for (const Arrow& a : arrows) drawArrow(p, a.from, a.to, halo);
    // A few arrows say what they carry, where there is room for it.
    constexpr std::size_t kLabelled = 12;
    if (arrows.size() > kLabelled) return;
    QFont small = TimelineLayout::defaultFont();
    small.setPixelSize(11);
    p.setFont(small);
    const QFontMetrics fm(small);
    std::vector<QRect> taken;
    for (const Arrow& a : arrows) {
        const QString text =
            fm.elidedText(model_.transferText(transfers[a.index]), Qt::ElideRight, 140);
        const QPointF mid = (a.from + a.to) / 2;
        QRect r(int(mid.x()) + 5, int(mid.y()) - fm.height() / 2, fm.horizontalAdvance(text) + 6, fm.height());
        if (!l.plot.contains(r)) r.moveRight(int(mid.x()) - 5);  // no room right of the arrow: left of it
        if (!l.plot.contains(r)) continue;
        if (std::any_of(taken.begin(), taken.end(), [&r](const QRect& t) { return t.intersects(r); })) continue;
        taken.push_back(r);
        p.fillRect(r, QColor(255, 255, 255, 215));
        p.setPen(Palette::transferColor().darker(120));
        p.drawText(r, Qt::AlignCenter, text);
    }
    p.setFont(TimelineLayout::defaultFont());
}

}  // namespace lockstep::timeline
