#include "timeline/TimelinePainter.h"

#include <QFontMetrics>
#include <QLineF>
#include <QPainterPath>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <span>

#include "style/Glyphs.h"
#include "lockstep/ObjectTraits.h"
#include "style/Palette.h"
#include "timeline/LaneBuilder.h"
#include "timeline/TimelineStrings.h"

namespace lockstep::timeline {

namespace {

const QColor kGrid(0xE4, 0xE4, 0xE4);
const QColor kNamesBackground(0xF3, 0xF3, 0xF3);
const QColor kAltRow(0xFA, 0xFA, 0xFA);
const QColor kBusy(0, 0, 0, 110);
const QColor kProcessHeading(0xE8, 0xEE, 0xF5);

// Arrows across lanes (messages, causes): the ones on screen, and one per pixel path, so that many along the
// same pixels (a zoomed-out run) are drawn once.
struct Arrow {
    QPointF from, to;
    std::size_t index;
};
class ArrowSet {
public:
    explicit ArrowSet(const QRect& plot) : plot_(plot) {}
    void add(const QPointF& a, const QPointF& b, std::size_t index) {
        if (std::max(a.y(), b.y()) < plot_.top() || std::min(a.y(), b.y()) > plot_.bottom()) return;
        const quint64 k = key(a.x()) << 48 | key(b.x()) << 32 | key(a.y()) << 16 | key(b.y());
        if (drawn_.contains(k)) return;
        drawn_.insert(k);
        arrows_.push_back({a, b, index});
    }
    const std::vector<Arrow>& arrows() const { return arrows_; }

private:
    static quint64 key(double x) { return quint64(std::clamp(int(std::lround(x)), -30000, 30000) + 32768) & 0xFFFF; }
    QRect plot_;
    QSet<quint64> drawn_;
    std::vector<Arrow> arrows_;
};

// Consecutive pixel columns of one colour become one rectangle: at full zoom-out most of a lane is a few
// long runs, so the painter issues a few hundred fills per frame, not one per column.
class RunBatcher {
public:
    RunBatcher(QPainter& p, int left, int top, int height) : p_(p), left_(left), top_(top), height_(height) {}
    ~RunBatcher() { flush(); }
    void add(Pos c0, Pos c1, QRgb colour, bool busy) {
        if (c1 <= c0 || qAlpha(colour) == 0) {
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
            p_.fillRect(r, QColor::fromRgba(colour_));
            if (busy_) p_.fillRect(QRect(r.left(), top_, r.width(), std::max(2, height_ / 5)), kBusy);
        }
        begin_ = end_ = 0;
    }

private:
    QPainter& p_;
    int left_, top_, height_;
    Pos begin_ = 0, end_ = 0;
    QRgb colour_ = 0;
    bool busy_ = false;
};

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
        const QRect titleRect = l.title.adjusted(8, 0, -8, 0);
        p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, o.title);
        const int titleWidth = QFontMetrics(bold).horizontalAdvance(o.title);
        p.setFont(TimelineLayout::defaultFont());
        if (!o.caption.isEmpty() && titleWidth + 24 < titleRect.width()) {
            p.setPen(style::Palette::muted());
            p.drawText(titleRect.adjusted(titleWidth + 16, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(o.caption, Qt::ElideRight, titleRect.width() - titleWidth - 16));
        }
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
    if (model_.traceModel()) {
        p.save();
        p.setClipRect(l.plot);
        paintCriticalSections(p, l, o.laneScroll);
        paintCauses(p, l, o);
        p.restore();
    }
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
    if (lane.disclosure != Disclosure::None) {
        // A disclosure triangle: pointing right when collapsed, down when the lanes under it are shown.
        const QPointF c(text.left() + 4.5, name.center().y() + 0.5);
        const QPolygonF shape =
            lane.disclosure == Disclosure::Expanded
                ? QPolygonF({c + QPointF(-4, -2.5), c + QPointF(4, -2.5), c + QPointF(0, 3)})
                : QPolygonF({c + QPointF(-2.5, -4), c + QPointF(-2.5, 4), c + QPointF(3, 0)});
        p.save();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x44, 0x44, 0x44));
        p.drawPolygon(shape);
        p.restore();
    }
    // Under a heading, a guide line down the side of the heading's lanes.
    if (lane.guide) p.fillRect(QRect(text.left() + 3, name.top(), 2, name.height()), QColor(0xB8, 0xC4, 0xD4));
    text.setLeft(text.left() + lane.indent);
    if (lane.shape == LaneShape::Heading) p.fillRect(name.adjusted(0, 0, 0, -1), kProcessHeading);
    QFont f = TimelineLayout::defaultFont();
    f.setBold(lane.bold || lane.inCycle);
    p.setFont(f);
    p.setPen(lane.inCycle ? style::Palette::cycleText() : QColor(Qt::black));
    p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetrics(f).elidedText(lane.title(), Qt::ElideRight, text.width() - 2));
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
    switch (lane.shape) {
        case LaneShape::BandsOverCounts: {
            // The bands above, the counts as a step chart in a strip below them.
            const int strip = std::max(4, inner / 4);
            paintBands(p, lane, row.left(), row.top() + 2, inner - strip - 1);
            paintCounts(p, lane, row.left(), row.top() + 2 + inner - strip, strip);
            break;
        }
        case LaneShape::Counts:
            paintCounts(p, lane, row.left(), row.top() + 2, inner);
            break;
        case LaneShape::Stack:
            paintStack(p, lane, row.left(), row.top() + 2, inner);
            break;
        case LaneShape::Heading:
            p.fillRect(row, kProcessHeading);  // a heading: the lanes below it say what happens
            break;
        case LaneShape::Bands:
            paintBands(p, lane, row.left(), row.top() + 2, inner);
            break;
    }
    paintMarks(p, lane, row.left(), row);
}

std::vector<double> TimelinePainter::labelledMarks(const Lane& lane, int left) const {
    std::vector<double> xs;
    const Pos ze = zoom_.end();
    for (std::size_t k = 0; k < kMarkKinds; ++k) {
        const auto kind = MarkKind(k);
        if (kind == MarkKind::Switch) continue;  // on the lane's top edge, clear of the text already
        const std::size_t n = lane.markCount(kind);
        // A lane with thousands of marks in sight has no room for labels anyway.
        for (std::size_t i = lane.firstMark(kind, axis_, zoom_.begin()); i < n && xs.size() < 4096; ++i) {
            const Mark& m = lane.mark(kind, i);
            const Pos pos = posOf(m, axis_);
            if (pos >= ze) break;
            xs.push_back(left + (axis_ == Axis::Steps ? stepX(m.step) : zoom_.xOf(pos)));
        }
    }
    std::sort(xs.begin(), xs.end());
    return xs;
}

QRect TimelinePainter::clearOfMarks(const QRect& where, int textWidth, const std::vector<double>& marks,
                                    double clearance) {
    const auto blocked = [&](double from, double to) {
        const auto it = std::lower_bound(marks.begin(), marks.end(), from - clearance);
        return it != marks.end() && *it <= to + clearance;
    };
    const double centre = where.left() + where.width() / 2.0;
    if (!blocked(centre - textWidth / 2.0 - 4, centre + textWidth / 2.0 + 4)) return where;
    // The free stretches between the marks that fall inside the band; the widest one takes the label.
    double bestFrom = where.left(), bestTo = where.left();
    double from = where.left();
    for (auto it = std::lower_bound(marks.begin(), marks.end(), where.left() - clearance);
         it != marks.end() && *it - clearance < where.right() + 1; ++it) {
        const double to = *it - clearance;
        if (to - from > bestTo - bestFrom) bestFrom = from, bestTo = to;
        from = std::max(from, *it + clearance);
    }
    if (where.right() + 1 - from > bestTo - bestFrom) bestFrom = from, bestTo = where.right() + 1;
    if (bestTo <= bestFrom) return QRect(where.left(), where.top(), 0, where.height());
    return QRect(int(std::ceil(bestFrom)), where.top(), int(std::floor(bestTo) - std::ceil(bestFrom)), where.height());
}

void TimelinePainter::paintBands(QPainter& p, const Lane& lane, int left, int top, int height) const {
    const Pos zb = zoom_.begin(), ze = zoom_.end();
    // Ticks (steps at an instant) may sit on the window's first instant, and on the run's last one, which is
    // the range's end: those are included.
    const bool ticks = lane.ticks;
    const bool atRunEnd = ticks && ze == zoom_.rangeEnd();
    const std::size_t last = lane.bandEnd(axis_, atRunEnd ? ze + 1 : ze);
    std::size_t i = lane.firstBand(axis_, ticks ? zb - 1 : zb);
    Pos clipFrom = zb;  // what lies left of it was drawn by an aggregated column
    struct Label {
        QRect rect;
        const Band* band;
    };
    std::vector<Label> labels, highlights, holds;
    struct Tick {
        int column;
        const Band* band;
    };
    std::vector<Tick> tickList;
    {
        RunBatcher runs(p, left, top, height);
        while (i < last) {
            const Band& b = lane.bands[i];
            const Pos p0 = std::max(beginOf(b, axis_), clipFrom),
                      p1 = std::min(i + 1 == lane.bands.size() ? model_.tailEnd(axis_, endOf(b, axis_))
                                                               : endOf(b, axis_),
                                    ze);
            if (p1 <= p0) {
                const Pos at = beginOf(b, axis_);
                if (b.tick && endOf(b, axis_) == at && at >= clipFrom &&
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
                runs.add(c0, c1, b.fill, false);
                const QRect r(left + int(c0), top, int(c1 - c0), height);
                if (r.width() > 30) labels.push_back({r, &b});
                if (b.highlight) highlights.push_back({r, &b});
                if (b.held) holds.push_back({r, &b});
                ++i;
                continue;
            }
            // Band i ends inside column c0: every band beginning in this column shares it.
            const Pos next = zoom_.positionAtColumn(c0 + 1);
            const std::size_t j = std::max(lane.firstBandFrom(axis_, i, last, next), i + 1);
            const Pos mid = (p0 + next) / 2;
            const std::size_t k = std::max(lane.firstBandFrom(axis_, i, j, mid + 1), i + 1) - 1;
            const Band& sample = lane.bands[k];
            runs.add(c0, c0 + 1, sample.fill, j - i > 1);
            if (sample.highlight) highlights.push_back({QRect(left + int(c0), top, 1, height), &sample});
            // Holds too short for a column of their own: their ticks, so a busy lock shows dark, not white.
            if (sample.held) holds.push_back({QRect(left + int(c0), top, 1, height), &sample});
            clipFrom = next;
            i = endOf(lane.bands[j - 1], axis_) > next ? j - 1 : j;
        }
    }
    for (const Tick& t : tickList)
        p.fillRect(QRect(left + t.column, top, 2, height),
                   t.band->held ? style::Palette::holderMark() : QColor::fromRgba(t.band->fill));
    // Holders: every band the same neutral fill, so an outline shows where one ends and the next begins, and
    // a dark tick where it begins (an acquire); who it is, is the label inside.
    if (!holds.empty()) {
        p.save();
        p.setBrush(Qt::NoBrush);
        p.setPen(style::Palette::holderOutline());
        for (const Label& h : holds) {
            if (h.rect.width() > 3) p.drawRect(h.rect.adjusted(0, 0, -1, -1));
            p.fillRect(QRect(h.rect.left(), h.rect.top(), std::min(3, h.rect.width()), h.rect.height()),
                       style::Palette::holderMark());
        }
        p.restore();
    }
    // The deadlock cycle: outlined and hatched, under the labels so they stay readable.
    if (!highlights.empty()) {
        p.save();
        p.setBrush(QBrush(QColor(0, 0, 0, 120), Qt::BDiagPattern));
        p.setPen(QPen(Qt::black, 2));
        for (const Label& h : highlights) p.drawRect(QRectF(h.rect).adjusted(1, 1, -1, -1));
        p.restore();
    }
    const QFontMetrics fm(p.font());
    // A lane with an end tag (a child process's exit code) shows its last band's label at the lane's end: right
    // of the last exit mark, which sits at the band's left edge, or as a tag left of that mark when the band is
    // too narrow for it (a child terminated just before the run ended).
    const std::size_t tagBand = lane.endTag ? lane.bands.size() - 1 : SIZE_MAX;
    const Mark* exitMark =
        lane.markCount(MarkKind::Exit) > 0 ? &lane.mark(MarkKind::Exit, lane.markCount(MarkKind::Exit) - 1) : nullptr;
    bool tagShown = false;
    const std::vector<double> marks = labels.empty() ? std::vector<double>{} : labelledMarks(lane, left);
    const double markClearance = std::min<qreal>((height + 4) * 0.45, 10) / 2 + 2;
    for (const Label& lb : labels) {
        const std::size_t index = std::size_t(lb.band - lane.bands.data());
        if (qAlpha(lb.band->fill) == 0) continue;  // nothing drawn there (a thread not started yet)
        QString text = lane.bandLabel(model_, index);
        QRect visible = lb.rect.intersected(QRect(left, top, zoom_.width(), height));
        if (index == tagBand && exitMark) {
            const double x = left + (axis_ == Axis::Steps ? stepX(exitMark->step) : zoom_.xOf(exitMark->time));
            visible.setLeft(std::max(visible.left(), int(x) + 7));
        }
        // A mark (a race, a wait, a deadlock...) is drawn over the band's middle: a label that would sit under
        // one moves to the widest stretch of its band that no mark takes, so no glyph ever covers text.
        if (!marks.empty()) visible = clearOfMarks(visible, fm.horizontalAdvance(text), marks, markClearance);
        // A label that names what an actor waits on, or a future's worker or result, may not fit where its
        // state alone ("blocked", "running") does.
        const QString full = text;
        if (fm.horizontalAdvance(text) + 8 > visible.width())
            text = lane.family ? lane.family->shortBandLabel(model_, lane, index) : QString();
        // A holder's name is all that tells who holds: elided rather than dropped, while a few letters fit.
        if (lb.band->held && fm.horizontalAdvance(text) + 8 > visible.width()) {
            text = fm.elidedText(full, Qt::ElideRight, visible.width() - 8);
            if (text.size() < 2) continue;
        }
        if (fm.horizontalAdvance(text) + 8 > visible.width()) continue;
        const QColor fill = QColor::fromRgba(lb.band->fill);
        if (lb.band->highlight) {
            // A plain backing behind the text, so the hatch does not cut through the letters.
            const int w = fm.horizontalAdvance(text) + 6;
            p.fillRect(
                QRect(visible.center().x() - w / 2, visible.center().y() - fm.height() / 2, w, fm.height()),
                fill);
        }
        p.setPen(style::Palette::textOn(fill));
        p.drawText(visible, Qt::AlignCenter, text);
        if (index == tagBand) tagShown = true;
    }
    if (lane.endTag && !tagShown) {
        const Band& done = lane.bands.back();
        // On the time axis a child that ended at the run's last instant has a last band of no width there.
        const bool atRunEnd = beginOf(done, axis_) == ze && ze == zoom_.rangeEnd();
        if (endOf(done, axis_) >= zb && (beginOf(done, axis_) < ze || atRunEnd)) {
            const QString text = lane.bandLabel(model_, tagBand);
            const int w = fm.horizontalAdvance(text) + 8;
            int right = left + int(zoom_.columnOf(std::min(endOf(done, axis_), ze)));
            if (exitMark) {  // just left of the exit's mark, which stays in sight
                const double x = axis_ == Axis::Steps ? stepX(exitMark->step) : zoom_.xOf(exitMark->time);
                right = std::min(right, left + int(std::min(x, zoom_.width() - 2.0)) - 6);
            }
            const QRect tag(right - w - 1, top + 1, w, height - 2);
            if (tag.left() >= left) {
                const QColor fill = QColor::fromRgba(done.fill);
                p.fillRect(tag, fill);
                p.setPen(QColor(0x88, 0x88, 0x88));
                p.setBrush(Qt::NoBrush);
                p.drawRect(tag.adjusted(0, 0, -1, -1));
                p.setPen(style::Palette::textOn(fill));
                p.drawText(tag, Qt::AlignCenter, text);
            }
        }
    }
}

void TimelinePainter::paintCounts(QPainter& p, const Lane& lane, int left, int top, int height) const {
    if (lane.counts.empty() || lane.countMax <= 0) return;
    const Pos zb = zoom_.begin(), ze = zoom_.end();
    const double scale = double(height) / lane.countMax;
    const QColor colour = style::Palette::count();
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

void TimelinePainter::paintStack(QPainter& p, const Lane& lane, int left, int top, int height) const {
    if (lane.states.empty() || height <= 0 || !lane.family) return;
    const std::span<const StackLayer> layers = lane.family->stackLayers(lane);
    if (layers.empty()) return;
    std::vector<int> h(layers.size());
    auto drawColumns = [&](int c0, int c1, const StateCounts& sc) {
        long total = 0;
        for (std::int32_t n : sc.count) total += std::max(0, n);
        if (total <= 0) return;
        // Every state present gets a pixel at least, so one running task among ten thousand still shows.
        std::fill(h.begin(), h.end(), 0);
        int used = 0;
        std::size_t largest = 0;
        for (std::size_t k = 0; k < layers.size(); ++k) {
            const int n = std::max(0, sc.count[std::size_t(layers[k].state)]);
            if (n == 0) continue;
            h[k] = std::max(1, int(double(n) * height / double(total)));
            used += h[k];
            if (h[k] > h[largest]) largest = k;
        }
        // Rounding (and the one-pixel minimum) is settled on the largest part.
        h[largest] = std::max(1, h[largest] + height - used);
        int y = top + height;
        for (std::size_t k = 0; k < layers.size(); ++k) {
            if (h[k] == 0) continue;
            const int bottom = y;
            y = std::max(top, y - h[k]);
            if (bottom > y) p.fillRect(QRect(left + c0, y, c1 - c0, bottom - y), layers[k].colour);
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
        QString text = lane.family->stackLabel(*lb.counts);
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
        const QColor colour = lane.family ? lane.family->markColour(lane, kind) : style::Palette::incident(kind);
        std::size_t i = lane.firstMark(kind, axis_, zoom_.begin());
        if (kind == MarkKind::Switch && double(lane.firstMark(kind, axis_, ze) - i) * size * 1.5 > zoom_.width()) {
            // Zoomed out over more switches than glyphs fit side by side: a row of them would be a black
            // sawtooth. A thin, light tick per pixel column that has switches tells where they are dense.
            QColor light = colour;
            light.setAlpha(110);
            p.setRenderHint(QPainter::Antialiasing, false);
            while (i < n) {
                const Mark& m = lane.mark(kind, i);
                const Pos pos = posOf(m, axis_);
                if (pos >= ze) break;
                const Pos c = zoom_.columnOf(pos);
                const double x = axis_ == Axis::Steps ? stepX(m.step) : zoom_.xOf(pos);
                p.fillRect(QRectF(left + std::floor(x), row.top() + 1, 1, size * 0.6), light);
                i = std::max(lane.firstMark(kind, axis_, zoom_.positionAtColumn(c + 2)), i + 1);
            }
            p.setRenderHint(QPainter::Antialiasing, true);
            continue;
        }
        const Pos skip = std::max<Pos>(1, Pos(size * (kind == MarkKind::Switch ? 1.5 : 0.6)));
        while (i < n) {
            const Mark& m = lane.mark(kind, i);
            const Pos pos = posOf(m, axis_);
            if (pos >= ze) break;
            const double x = left + (axis_ == Axis::Steps ? stepX(m.step) : zoom_.xOf(pos));
            style::Glyphs::drawIncident(p, kind, QPointF(x, y), size, colour);
            // Marks closer than about their own width would only overdraw each other: skip to the next free
            // spot, so a dense run of switches becomes a dotted line of a few hundred shapes, not thousands.
            i = std::max(lane.firstMark(kind, axis_, zoom_.positionAtColumn(zoom_.columnOf(pos) + skip)),
                         i + 1);
        }
    }
    p.restore();
}

void TimelinePainter::paintLegend(QPainter& p, const TimelineLayout& l) const {
    p.save();
    p.setPen(QColor(0xBB, 0xBB, 0xBB));
    p.drawLine(l.legend.topLeft(), l.legend.topRight());
    for (const LegendEntry& e : l.legendEntries) {
        const QRect swatch(e.rect.left(), e.rect.center().y() - 6, 12, 12);
        switch (e.swatch) {
            case LegendEntry::Swatch::Fill:
                p.fillRect(swatch, e.colour);
                p.setPen(QColor(0x88, 0x88, 0x88));
                p.setBrush(Qt::NoBrush);
                p.drawRect(swatch.adjusted(0, 0, -1, -1));
                break;
            case LegendEntry::Swatch::Halves:
                p.fillRect(swatch.adjusted(0, 0, -6, 0), e.colour);
                p.fillRect(swatch.adjusted(6, 0, 0, 0), e.second);
                break;
            case LegendEntry::Swatch::Bars:
                p.fillRect(QRect(swatch.left(), swatch.top() + 6, 4, 6), e.colour);
                p.fillRect(QRect(swatch.left() + 4, swatch.top() + 2, 4, 10), e.colour);
                p.fillRect(QRect(swatch.left() + 8, swatch.top() + 8, 4, 4), e.colour);
                break;
            case LegendEntry::Swatch::Hatched:
                p.fillRect(swatch, e.colour);
                p.setBrush(QBrush(Qt::black, Qt::BDiagPattern));
                p.setPen(QPen(Qt::black, 2));
                p.drawRect(QRectF(swatch).adjusted(1, 1, -1, -1));
                break;
            case LegendEntry::Swatch::Mark:
                p.setRenderHint(QPainter::Antialiasing, true);
                style::Glyphs::drawIncident(p, e.mark, QPointF(swatch.center()) + QPointF(0.5, 0.5), 10);
                p.setRenderHint(QPainter::Antialiasing, false);
                break;
            case LegendEntry::Swatch::Arrow:
                p.setRenderHint(QPainter::Antialiasing, true);
                drawArrow(p, QPointF(swatch.left() + 1, swatch.top() + 2), QPointF(swatch.right(), swatch.bottom()),
                          false);
                p.setRenderHint(QPainter::Antialiasing, false);
                break;
            case LegendEntry::Swatch::Cause:
                p.setRenderHint(QPainter::Antialiasing, true);
                drawArrow(p, QPointF(swatch.left() + 2, swatch.top() + 2), QPointF(swatch.right(), swatch.bottom()),
                          false, ArrowKind::Cause);
                p.setRenderHint(QPainter::Antialiasing, false);
                break;
            case LegendEntry::Swatch::Held:
                p.fillRect(swatch, e.colour);
                p.setPen(style::Palette::holderOutline());
                p.setBrush(Qt::NoBrush);
                p.drawRect(swatch.adjusted(0, 0, -1, -1));
                p.fillRect(QRect(swatch.left(), swatch.top(), 3, swatch.height()), style::Palette::holderMark());
                break;
            case LegendEntry::Swatch::Bracket: {
                const QRectF r(swatch);
                p.fillRect(QRectF(r.left(), r.bottom() - 3, r.width(), 3), e.colour);
                p.fillRect(QRectF(r.left(), r.bottom() - 8, 1.5, 8), e.colour);
                p.fillRect(QRectF(r.right() - 1.5, r.bottom() - 8, 1.5, 8), e.colour);
                break;
            }
        }
        p.setPen(Qt::black);
        p.drawText(QRect(e.rect.left() + 16, e.rect.top(), e.rect.width() - 16, e.rect.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, e.text);
    }
    p.restore();
}

Hit TimelinePainter::hitTest(const TimelineLayout& l, int laneScroll, const QPoint& pt, const PaintOptions& o) const {
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
    if (const TraceModel* tm = model_.traceModel()) {
        // Cause arrows as message arrows: a click goes to the effect's step.
        for (std::size_t i : shownCauses(o)) {
            QPointF a, b;
            if (!causeLine(l, laneScroll, tm->causalLinks()[i], a, b)) continue;
            const QPointF d = b - a;
            const double len2 = QPointF::dotProduct(d, d);
            const double u = len2 > 0 ? std::clamp(QPointF::dotProduct(QPointF(pt) - a, d) / len2, 0.0, 1.0) : 0.0;
            const double dist = QLineF(a + u * d, QPointF(pt)).length();
            if (dist < bestArrow) {
                bestArrow = dist;
                hit.cause = int(i);
                hit.transfer = -1;
            }
        }
        if (hit.cause >= 0) {
            hit.mark = -1;
            hit.step = tm->causalLinks()[std::size_t(hit.cause)].toStep;
            return hit;
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
    if (lane.ticks) {
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
        if (endOf(b, axis_) != at || !b.tick) continue;
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
    if (!lane.family) return {};
    const LaneBuilder& family = *lane.family;
    if (hit.onName) return family.nameTooltip(model_, lane);
    // A heading or a group says one thing wherever the mouse is on its row.
    const QString row = family.rowTooltip(model_, lane, axis_, hit.position, hit.step);
    if (!row.isEmpty()) return row;
    if (hit.mark >= 0) return family.markTooltip(model_, lane, lane.mark(hit.markKind, std::size_t(hit.mark)));
    if (hit.transfer >= 0)
        return TimelineStrings::transferTooltip(model_, model_.transfers()[std::size_t(hit.transfer)]);
    if (hit.cause >= 0 && model_.traceModel() && std::size_t(hit.cause) < model_.traceModel()->causalLinks().size())
        return TimelineStrings::causeText(model_, model_.traceModel()->causalLinks()[std::size_t(hit.cause)]);
    QString text;
    if (hit.band >= 0) text = family.bandTooltip(model_, lane, std::size_t(hit.band), axis_);
    if (lane.shape == LaneShape::Counts || lane.shape == LaneShape::BandsOverCounts) {
        if (!text.isEmpty()) text += QLatin1Char('\n');
        text += family.countTooltip(lane, lane.countAt(axis_, hit.position));
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

void TimelinePainter::drawArrow(QPainter& p, const QPointF& from, const QPointF& to, bool halo, ArrowKind kind) {
    const QLineF line(from, to);
    const double length = line.length();
    if (length < 1) return;
    const QPointF unit = (to - from) / length, normal(-unit.y(), unit.x());
    const double head = std::min(7.0, length * 0.6);
    const QPointF base = to - unit * head;
    const bool cause = kind == ArrowKind::Cause;
    const QColor colour = cause ? style::Palette::cause() : style::Palette::transfer();
    if (halo) {
        p.setPen(QPen(QColor(255, 255, 255, 170), 3.4, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(from, base);
    }
    // A cause's arrow is dashed: a message's is solid, and the two may cross in a run with processes and locks.
    p.setPen(cause ? QPen(colour, 1.5, Qt::DashLine, Qt::FlatCap) : QPen(colour, 1.4, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(from, base);
    p.setPen(halo ? QPen(QColor(255, 255, 255, 170), 1) : Qt::NoPen);
    p.setBrush(colour);
    // At the tail a message's sender has a dot, a cause a square; the head is at the receiver or the effect.
    if (cause) p.drawRect(QRectF(from.x() - 2.2, from.y() - 2.2, 4.4, 4.4));
    else p.drawEllipse(from, 2.2, 2.2);
    p.drawPolygon(QPolygonF({to, base + normal * head * 0.45, base - normal * head * 0.45}));
}

int TimelinePainter::causeRow(ActorId actor, ObjectId task) const {
    if (task != kNoObject) {
        const int row = model_.objectLane(task);
        if (row >= 0) return row;
        // A task in a collapsed group: the loop's lane under its thread says what runs.
        const int loop = model_.loopLane(actor);
        if (loop >= 0) return loop;
    }
    return model_.actorLane(actor);
}

bool TimelinePainter::causeLine(const TimelineLayout& l, int laneScroll, const CausalLink& c, QPointF& from,
                                QPointF& to) const {
    const int fromRow = causeRow(c.fromActor, c.fromTask), toRow = causeRow(c.toActor, c.toTask);
    if (fromRow < 0 || toRow < 0 || fromRow == toRow) return false;
    const auto inside = [this](double x) { return x > zoom_.width() - 2 && x <= zoom_.width() + 0.5 ? zoom_.width() - 2.0 : x; };
    const double x0 = inside(axis_ == Axis::Steps ? stepX(c.fromStep) : zoom_.xOf(c.fromTime));
    const double x1 = inside(axis_ == Axis::Steps ? stepX(c.toStep) : zoom_.xOf(c.toTime));
    if (std::max(x0, x1) < -8 || std::min(x0, x1) > zoom_.width() + 8) return false;
    // A little off the lane's middle, so a message arrow between the same lanes stays apart from it.
    const double at = l.laneHeight * 0.6;
    from = QPointF(l.plot.left() + x0, l.laneTop(fromRow, laneScroll) + at);
    to = QPointF(l.plot.left() + x1, l.laneTop(toRow, laneScroll) + at);
    return true;
}

std::vector<std::size_t> TimelinePainter::shownCauses(const PaintOptions& o) const {
    std::vector<std::size_t> out;
    const TraceModel* tm = model_.traceModel();
    if (!tm) return out;
    const auto& links = tm->causalLinks();
    // Links are in the order of their effects; a step's arrow end sits mid-column, so one step left may show.
    const bool all = o.allCauses || o.cursor == 0;
    if (all) {
        const Pos from = zoom_.begin() - (axis_ == Axis::Steps ? 1 : 0);
        auto it = std::partition_point(links.begin(), links.end(), [this, from](const CausalLink& c) {
            return (axis_ == Axis::Steps ? Pos(c.toStep) : c.toTime) < from;
        });
        for (; it != links.end(); ++it) out.push_back(std::size_t(it - links.begin()));
        return out;
    }
    // Only what the cursor's step caused or was caused by: effects at or after it.
    auto it = std::partition_point(links.begin(), links.end(), [&o](const CausalLink& c) { return c.toStep < o.cursor; });
    for (; it != links.end(); ++it)
        if (it->toStep == o.cursor || it->fromStep == o.cursor) out.push_back(std::size_t(it - links.begin()));
    return out;
}

void TimelinePainter::paintCauses(QPainter& p, const TimelineLayout& l, const PaintOptions& o) const {
    const auto& links = model_.traceModel()->causalLinks();
    ArrowSet shown(l.plot);
    for (std::size_t i : shownCauses(o)) {
        QPointF a, b;
        if (causeLine(l, o.laneScroll, links[i], a, b)) shown.add(a, b, i);
    }
    const std::vector<Arrow>& arrows = shown.arrows();
    if (arrows.empty()) return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const bool halo = arrows.size() <= 200;
    for (const Arrow& a : arrows) {
        drawArrow(p, a.from, a.to, halo, ArrowKind::Cause);
        if (o.causeTexts) o.causeTexts->append(TimelineStrings::causeText(model_, links[a.index]));
    }
    p.restore();
}

void TimelinePainter::paintCriticalSections(QPainter& p, const TimelineLayout& l, int laneScroll) const {
    const TraceModel& tm = *model_.traceModel();
    const Pos lo = zoom_.begin(), hi = zoom_.end();
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    const QColor colour = style::Palette::criticalSection();
    for (ObjectId o = 0; o < tm.objectCount(); ++o) {
        const ObjectKind kind = tm.object(o).kind;
        // The GIL's holds are the whole run's turns, not sections a learner wrote.
        if (!objectTraits(kind).holder || kind == ObjectKind::Gil) continue;
        const auto& closed = tm.holds(o);
        // Holds of one lock close in order: skip those that ended left of the window.
        auto it = std::partition_point(closed.begin(), closed.end(), [this, lo](const HoldInterval& h) {
            return (axis_ == Axis::Steps ? Pos(h.endStep) : h.end) < lo;
        });
        std::vector<HoldInterval> shown(it, closed.end());
        for (const HoldInterval& h : tm.holdsNow(o)) shown.push_back(h);
        double lastRight = -1e9;
        int lastRow = -2;
        for (const HoldInterval& h : shown) {
            const Pos b = axis_ == Axis::Steps ? Pos(h.beginStep) : h.begin;
            const Pos e = axis_ == Axis::Steps ? Pos(h.endStep) : h.end;
            if (b > hi) break;
            const int row = model_.actorLane(h.holder);
            if (row < 0) continue;
            const double x0 = l.plot.left() + zoom_.xOf(b), x1 = l.plot.left() + std::max(zoom_.xOf(e), zoom_.xOf(b) + 1);
            // One bracket per pixel run: thousands of short sections zoomed out are one line.
            if (row == lastRow && x0 <= lastRight + 1 && x1 <= lastRight + 1) continue;
            lastRow = row;
            lastRight = x1;
            const int top = l.laneTop(row, laneScroll);
            const double bottom = top + l.laneHeight - 2;
            // A bracket along the lane's foot: a bar with a tick up at each end, in no state's colour.
            const QRectF bar(x0, bottom - 3, x1 - x0, 3);
            p.fillRect(bar, colour);
            p.fillRect(QRectF(x0, bottom - 8, 1.5, 8), colour);
            p.fillRect(QRectF(x1 - 1.5, bottom - 8, 1.5, 8), colour);
        }
    }
    p.restore();
}

void TimelinePainter::paintTransfers(QPainter& p, const TimelineLayout& l, int laneScroll) const {
    const auto& transfers = model_.transfers();
    ArrowSet shown(l.plot);
    for (std::size_t i = firstVisibleTransfer(); i < transfers.size(); ++i) {
        QPointF a, b;
        if (transferLine(l, laneScroll, transfers[i], a, b)) shown.add(a, b, i);
    }
    const std::vector<Arrow>& arrows = shown.arrows();
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
        p.setPen(style::Palette::transfer().darker(120));
        p.drawText(r, Qt::AlignCenter, text);
    }
    p.setFont(TimelineLayout::defaultFont());
}

}  // namespace lockstep::timeline
