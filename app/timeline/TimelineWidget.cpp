#include "timeline/TimelineWidget.h"

#include <QApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "timeline/TimelinePainter.h"

namespace lockstep::timeline {

namespace {
constexpr double kZoomStep = 1.5;
constexpr int kCursorMargin = 24;  // pixels kept between the cursor and the plot's edge when following it
}  // namespace

TimelineWidget::TimelineWidget(QWidget* parent) : QAbstractScrollArea(parent) {
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    // A step is one unit wide at most zoom: narrower than a few steps says nothing more.
    zooms_[0].setMinimumSpan(4);
    zooms_[1].setMinimumSpan(1000);  // 1 µs of virtual time
    retranslate();
    relayout();
}

TimelineWidget::~TimelineWidget() = default;

QSize TimelineWidget::sizeHint() const {
    return {800, 300};
}
QSize TimelineWidget::minimumSizeHint() const {
    return {240, 120};
}

void TimelineWidget::setView(const lockstep::app::TraceView& view) {
    const bool otherTrace = view.model != traceModel_;
    traceModel_ = view.model;
    bool rebuilt = false;
    if (!traceModel_) {
        model_.clear();
        rebuilt = true;
    } else {
        rebuilt = model_.update(traceModel_);
    }
    if (view.showInternals != model_.showsInternals()) {
        model_.setShowInternals(view.showInternals);
        rebuilt = true;
    }
    if (rebuilt) {
        if (otherTrace)
            for (ZoomState& z : zooms_) z.fit();
        updateRanges();
        relayout();
    }
    const bool moved = view.cursor != cursor_;
    cursor_ = std::min(view.cursor, model_.stepCount());
    if (moved || rebuilt) keepCursorVisible();
    viewport()->update();
}

void TimelineWidget::setAxis(Axis axis) {
    if (axis == axis_) return;
    axis_ = axis;
    relayout();
    keepCursorVisible();
    viewport()->update();
}

void TimelineWidget::updateRanges() {
    zooms_[0].setRange(model_.rangeBegin(Axis::Steps), model_.rangeEnd(Axis::Steps));
    zooms_[1].setRange(model_.rangeBegin(Axis::Time), model_.rangeEnd(Axis::Time));
}

void TimelineWidget::relayout() {
    layout_ =
        TimelineLayout::compute(viewport()->rect(), model_, TimelineLayout::defaultFont(), false, legendShown_);
    for (ZoomState& z : zooms_) z.setWidth(layout_.plot.width());
    const int overflow = std::max(0, layout_.contentHeight(model_.laneCount()) - layout_.plot.height());
    verticalScrollBar()->setRange(0, overflow);
    verticalScrollBar()->setPageStep(std::max(1, layout_.plot.height()));
    verticalScrollBar()->setSingleStep(layout_.laneHeight);
}

void TimelineWidget::keepCursorVisible() {
    if (cursor_ == 0 || model_.stepCount() == 0) return;
    zoom().ensureVisible(model_.stepPosition(axis_, cursor_), kCursorMargin);
}

void TimelineWidget::zoomAroundCursor(double factor) {
    // Anchored at the cursor when it is on screen, so zooming never loses it; else at the middle.
    const TimelinePainter painter(model_, zoom(), axis_);
    double anchor = zoom().width() / 2.0;
    if (cursor_ > 0) {
        const double x = painter.stepX(cursor_);
        if (x >= 0 && x <= zoom().width()) anchor = x;
    }
    zoom().zoom(factor, anchor);
    keepCursorVisible();
    viewport()->update();
}

void TimelineWidget::zoomIn() {
    zoomAroundCursor(kZoomStep);
}
void TimelineWidget::zoomOut() {
    zoomAroundCursor(1 / kZoomStep);
}

bool TimelineWidget::toggleGroup(int row) {
    if (!model_.toggleGroup(row)) return false;
    relayout();
    viewport()->update();
    return true;
}

void TimelineWidget::toggleAllGroups() {
    // Expands every group if one is collapsed, else collapses them all.
    QStringList keys;
    bool anyCollapsed = false;
    for (int row = 0; row < model_.laneCount(); ++row) {
        const QString key = model_.groupKey(row);
        if (key.isEmpty()) continue;
        keys << key;
        anyCollapsed |= model_.lane(row).disclosure != Disclosure::Expanded;
    }
    if (keys.isEmpty()) return;
    model_.setExpandedGroups(anyCollapsed ? keys : QStringList());
    relayout();
    viewport()->update();
}

void TimelineWidget::fit() {
    zoom().fit();
    viewport()->update();
}

QPoint TimelineWidget::pointOf(int lane, std::uint32_t step) const {
    const TimelinePainter painter(model_, zoom(), axis_);
    // The last instant of the run lies on the plot's right edge, one pixel past its last column.
    const int x = std::clamp(int(std::floor(painter.stepX(step))), 0, layout_.plot.width() - 1);
    return {layout_.plot.left() + x,
            layout_.laneTop(lane, verticalScrollBar()->value()) + layout_.laneHeight / 2};
}

QString TimelineWidget::toolTipAt(const QPoint& point) const {
    const TimelinePainter painter(model_, zoom(), axis_);
    PaintOptions o;
    o.cursor = cursor_;
    o.allCauses = allCauses_;
    return painter.tooltip(painter.hitTest(layout_, verticalScrollBar()->value(), point, o));
}

void TimelineWidget::setAllCauses(bool all) {
    if (all == allCauses_) return;
    allCauses_ = all;
    viewport()->update();
}

void TimelineWidget::setLegendShown(bool shown) {
    if (shown == legendShown_) return;
    legendShown_ = shown;
    relayout();
    viewport()->update();
}

ExportOptions TimelineWidget::visibleExportOptions() const {
    ExportOptions o;
    o.axis = axis_;
    o.wholeRun = zoom().isFit();
    o.begin = zoom().begin();
    o.end = zoom().end();
    o.cursor = cursor_;
    o.allCauses = allCauses_;
    o.expandedGroups = model_.expandedGroups();
    return o;
}

void TimelineWidget::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    PaintOptions o;
    o.cursor = cursor_;
    o.allCauses = allCauses_;
    o.laneScroll = verticalScrollBar()->value();
    TimelinePainter(model_, zoom(), axis_).paint(p, layout_, o);
}

void TimelineWidget::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void TimelineWidget::scrollContentsBy(int, int) {
    viewport()->update();
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = delta.y() / 120.0;
        zoom().zoom(std::pow(1.25, steps), event->position().x() - layout_.plot.left());
    } else if (event->modifiers() & Qt::ShiftModifier) {
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y() / 120 * layout_.laneHeight);
    } else {
        // Wheel down (or a touchpad swipe left) moves later in the run.
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        zoom().panPixels(-d / 120.0 * zoom().width() / 10.0);
    }
    event->accept();
    viewport()->update();
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return QAbstractScrollArea::mousePressEvent(event);
    pressed_ = true;
    dragging_ = false;
    pressPos_ = lastDragPos_ = event->position().toPoint();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
    if (!pressed_) return QAbstractScrollArea::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    if (!dragging_ && (pos - pressPos_).manhattanLength() >= QApplication::startDragDistance())
        dragging_ = true;
    if (dragging_) {
        zoom().panPixels(lastDragPos_.x() - pos.x());
        lastDragPos_ = pos;
        viewport()->update();
    }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !pressed_) return QAbstractScrollArea::mouseReleaseEvent(event);
    pressed_ = false;
    if (dragging_) {
        dragging_ = false;
        return;
    }
    const TimelinePainter painter(model_, zoom(), axis_);
    PaintOptions o;
    o.cursor = cursor_;
    o.allCauses = allCauses_;
    const Hit hit = painter.hitTest(layout_, verticalScrollBar()->value(), event->position().toPoint(), o);
    if (hit.onName) {
        toggleGroup(hit.lane);
        return;
    }
    if (hit.step == 0) return;
    cursor_ = hit.step;
    viewport()->update();
    emit stepRequested(hit.step);
}

void TimelineWidget::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            break;
        case Qt::Key_Minus:
            zoomOut();
            break;
        case Qt::Key_0:
            fit();
            break;
        case Qt::Key_Left:
            zoom().panPixels(-zoom().width() / 8.0);
            viewport()->update();
            break;
        case Qt::Key_Right:
            zoom().panPixels(zoom().width() / 8.0);
            viewport()->update();
            break;
        case Qt::Key_G:
            toggleAllGroups();
            break;
        default:
            QAbstractScrollArea::keyPressEvent(event);
            return;
    }
    event->accept();
}

void TimelineWidget::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QAbstractScrollArea::changeEvent(event);
}

void TimelineWidget::retranslate() {
    setAccessibleName(tr("Timeline"));
    setWhatsThis(
        tr("Lanes of the run: actor states, cores, lock owners, semaphore slots, waits and queues, asyncio "
           "tasks "
           "and what each event loop runs. Click to move the cursor; Ctrl+wheel zooms, drag pans, 0 fits. "
           "Many tasks of one coroutine share a lane: click its name to show or hide them, G for all. With "
           "child processes, lanes are grouped by process (its pid in the name), a child's lane ends with its "
           "exit code, and an arrow goes from each send on a Pipe or put on a Queue to the receive that took "
           "it (hover over it for the message)."));
    // The legend and the lane titles are laid out from translated text.
    relayout();
    viewport()->update();
}

bool TimelineWidget::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

}  // namespace lockstep::timeline
