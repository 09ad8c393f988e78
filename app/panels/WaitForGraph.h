#pragma once
// The wait-for graph at the cursor step: blocked actors, what they wait on and who holds it, with the
// deadlock cycle (once the run has reached it) drawn thick in vermillion. Actors stand in the left column
// and objects in the right one, so every edge crosses the middle and a cycle reads as a zig-zag.

#include <QWidget>

#include "panels/WaitForGraphData.h"

namespace lockstep::app {

class WaitForGraph : public QWidget {
    Q_OBJECT

public:
    explicit WaitForGraph(QWidget* parent = nullptr);

    void setGraph(WaitForGraphData graph);
    const WaitForGraphData& graph() const { return graph_; }
    // Where a node is drawn, in widget coordinates (for tooltips and tests).
    QRectF nodeRect(int node) const;
    // How a node is drawn: an actor's border in its state's colour (the cycle's vermillion when on the cycle)
    // and its inside in the same colour, translucent; an object's border in the hold colour.
    QColor nodeBorder(int node) const;
    QColor nodeFill(int node) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    void paintEdge(QPainter& p, const WaitForGraphData::Edge& e) const;
    QString legendText(int which) const;

    WaitForGraphData graph_;
};

}  // namespace lockstep::app
