#pragma once
// The timeline panel: lanes of the current run with a cursor at the step shown. Zoom state lives in one
// ZoomState per axis (switching axes keeps each window); painting goes through TimelinePainter, the same one
// the exporter uses.
//
// Mouse and keys: Ctrl+wheel zooms around the mouse; wheel and drag pan; Shift+wheel scrolls the lanes;
// + and - zoom, 0 fits, Left/Right pan. A click on a band, a mark, a message's arrow (to its receive) or
// anywhere in the plot moves the cursor there and emits stepRequested(). A click on an asyncio task group's name shows or hides its tasks' lanes;
// G does it for every group.

#include <QAbstractScrollArea>
#include <cstdint>
#include <memory>

#include "view/TraceView.h"
#include "timeline/Axis.h"
#include "timeline/TimelineExporter.h"
#include "timeline/TimelineLayout.h"
#include "timeline/TimelineModel.h"
#include "timeline/ZoomState.h"

namespace lockstep::timeline {

class TimelineWidget : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit TimelineWidget(QWidget* parent = nullptr);
    ~TimelineWidget() override;

    // Shows a run and its cursor. The lanes are rebuilt only when the trace is another one or has grown.
    void setView(const lockstep::app::TraceView& view);
    void setAxis(Axis axis);
    Axis axis() const { return axis_; }

    std::uint32_t cursor() const { return cursor_; }
    const TimelineModel& model() const { return model_; }
    const ZoomState& zoomState() const { return zoom(); }
    const TimelineLayout& layoutInfo() const { return layout_; }
    // Where a step of a lane is drawn, in viewport coordinates (for tests and for scripted clicks).
    QPoint pointOf(int lane, std::uint32_t step) const;
    QString toolTipAt(const QPoint& viewportPoint) const;
    // Export settings for what is on screen: axis, visible range, cursor (the caller sets path and width).
    ExportOptions visibleExportOptions() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Cause → effect arrows: all of them (true), or only those from or to the cursor's step.
    void setAllCauses(bool all);
    bool allCauses() const { return allCauses_; }

    // The legend under the lanes, or not: on a small screen its rows are rows of lanes lost (View > Legend).
    void setLegendShown(bool shown);
    bool legendShown() const { return legendShown_; }

    // Expands or collapses the task group shown at a row; false when the row is not a group.
    bool toggleGroup(int row);

public slots:
    void toggleAllGroups();
    void zoomIn();
    void zoomOut();
    void fit();

signals:
    void stepRequested(std::uint32_t step);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    ZoomState& zoom() { return zooms_[axis_ == Axis::Steps ? 0 : 1]; }
    const ZoomState& zoom() const { return zooms_[axis_ == Axis::Steps ? 0 : 1]; }
    void relayout();
    void updateRanges();
    void zoomAroundCursor(double factor);
    void keepCursorVisible();
    void retranslate();

    std::shared_ptr<const TraceModel> traceModel_;
    TimelineModel model_;
    ZoomState zooms_[2];
    TimelineLayout layout_;
    Axis axis_ = Axis::Steps;
    std::uint32_t cursor_ = 0;
    bool allCauses_ = false;
    bool legendShown_ = true;
    QPoint pressPos_;
    QPoint lastDragPos_;
    bool pressed_ = false;
    bool dragging_ = false;
};

}  // namespace lockstep::timeline
