#include "panels/WaitForGraph.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <cmath>

#include "style/Palette.h"
#include "style/StateNames.h"

namespace lockstep::app {

namespace {
constexpr int kMargin = 8;
constexpr int kLegendRows = 1;
}  // namespace

WaitForGraph::WaitForGraph(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void WaitForGraph::setGraph(WaitForGraphData graph) {
    graph_ = std::move(graph);
    updateGeometry();
    update();
}

QSize WaitForGraph::sizeHint() const {
    const int rowH = fontMetrics().height() * 2;
    int actors = 0, objects = 0;
    for (const auto& n : graph_.nodes) (n.isActor ? actors : objects)++;
    return {320, std::max(120, (std::max(actors, objects) + kLegendRows + 1) * rowH + 2 * kMargin)};
}

QSize WaitForGraph::minimumSizeHint() const { return {200, 100}; }

QRectF WaitForGraph::nodeRect(int node) const {
    if (node < 0 || static_cast<std::size_t>(node) >= graph_.nodes.size()) return {};
    const auto& n = graph_.nodes[static_cast<std::size_t>(node)];
    // Position within its column: the count of earlier nodes of the same kind.
    int rowInColumn = 0, actors = 0, objects = 0;
    for (std::size_t i = 0; i < graph_.nodes.size(); ++i) {
        const bool actor = graph_.nodes[i].isActor;
        if (static_cast<int>(i) < node && actor == n.isActor) ++rowInColumn;
        (actor ? actors : objects)++;
    }
    const QFontMetrics fm = fontMetrics();
    const qreal legend = fm.height() * 1.5;
    const qreal usable = height() - 2 * kMargin - legend;
    const int count = n.isActor ? actors : objects;
    const qreal pitch = count > 0 ? usable / count : usable;
    const qreal h = std::min<qreal>(fm.height() * 1.6, pitch * 0.8);
    const qreal w = std::min<qreal>(width() * 0.3, std::max(fm.horizontalAdvance(n.name) + 16, 60));
    const qreal x = n.isActor ? kMargin + width() * 0.05 : width() - kMargin - width() * 0.05 - w;
    const qreal y = kMargin + pitch * rowInColumn + (pitch - h) / 2;
    return {x, y, w, h};
}

QColor WaitForGraph::nodeBorder(int node) const {
    if (node < 0 || static_cast<std::size_t>(node) >= graph_.nodes.size()) return {};
    const auto& n = graph_.nodes[static_cast<std::size_t>(node)];
    if (n.onCycle) return style::Palette::cycleEdge();
    return n.isActor ? style::Palette::actorState(n.state) : style::Palette::holdEdge();
}

QColor WaitForGraph::nodeFill(int node) const {
    if (node < 0 || static_cast<std::size_t>(node) >= graph_.nodes.size()) return {};
    const auto& n = graph_.nodes[static_cast<std::size_t>(node)];
    return n.isActor ? style::Palette::actorStateBackground(n.state) : palette().color(QPalette::AlternateBase);
}

QString WaitForGraph::legendText(int which) const {
    switch (which) {
        case 0: return tr("waits for");
        case 1: return tr("held by");
        case 2: return tr("deadlock");
    }
    return {};
}

void WaitForGraph::paintEdge(QPainter& p, const WaitForGraphData::Edge& e) const {
    const QRectF from = nodeRect(e.from);
    const QRectF to = nodeRect(e.to);
    const bool wait = e.kind == WaitForGraphData::EdgeKind::WaitsFor;
    // A wait leaves an actor's right side; a hold leaves an object's left side. The two directions between
    // the same pair bow apart (up for waits, down for holds) so neither hides the other.
    const QPointF a(wait ? from.right() : from.left(), from.center().y());
    const QPointF b(wait ? to.left() : to.right(), to.center().y());
    const QPointF mid = (a + b) / 2 + QPointF(0, wait ? -12 : 12);
    QPainterPath path(a);
    path.quadTo(mid, b);
    QColor colour = e.onCycle ? style::Palette::cycleEdge() : (wait ? style::Palette::waitEdge() : style::Palette::holdEdge());
    QPen pen(colour, e.onCycle ? 3.5 : 1.5, wait && !e.onCycle ? Qt::DashLine : Qt::SolidLine);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    // Arrow head along the curve's last tangent (from the control point to the end).
    const QPointF dir = b - mid;
    const qreal len = std::hypot(dir.x(), dir.y());
    if (len < 1e-6) return;
    const QPointF u = dir / len;
    const QPointF nrm(-u.y(), u.x());
    const qreal s = e.onCycle ? 10 : 7;
    QPolygonF head;
    head << b << b - u * s + nrm * s * 0.5 << b - u * s - nrm * s * 0.5;
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawPolygon(head);
}

void WaitForGraph::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm = fontMetrics();
    if (graph_.nodes.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("Nobody is waiting at this step."));
    }
    // Cycle edges last, so they lie on top of the ordinary ones.
    for (const auto& e : graph_.edges)
        if (!e.onCycle) paintEdge(p, e);
    for (const auto& e : graph_.edges)
        if (e.onCycle) paintEdge(p, e);
    for (std::size_t i = 0; i < graph_.nodes.size(); ++i) {
        const auto& n = graph_.nodes[i];
        const QRectF r = nodeRect(static_cast<int>(i));
        p.setPen(QPen(nodeBorder(static_cast<int>(i)), n.onCycle ? 3 : 1.5));
        const QColor fill = nodeFill(static_cast<int>(i));
        p.setBrush(palette().base());
        // Actors are rounded boxes and objects sharp ones, so the two kinds differ without colour.
        if (n.isActor) p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        else p.drawRect(r);
        p.setBrush(fill);
        if (n.isActor) p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        else p.drawRect(r);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(r, Qt::AlignCenter, fm.elidedText(n.name, Qt::ElideRight, static_cast<int>(r.width()) - 6));
    }
    // Legend along the bottom.
    const int y = height() - kMargin - fm.height() / 2;
    int x = kMargin;
    const QColor colours[] = {style::Palette::waitEdge(), style::Palette::holdEdge(), style::Palette::cycleEdge()};
    for (int i = 0; i < 3; ++i) {
        p.setPen(QPen(colours[i], i == 2 ? 3.5 : 1.5, i == 0 ? Qt::DashLine : Qt::SolidLine));
        p.drawLine(x, y, x + 20, y);
        x += 24;
        p.setPen(palette().color(QPalette::Text));
        const QString t = legendText(i);
        p.drawText(QPoint(x, y + fm.ascent() / 2 - 1), t);
        x += fm.horizontalAdvance(t) + 14;
    }
}

bool WaitForGraph::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        for (std::size_t i = 0; i < graph_.nodes.size(); ++i)
            if (nodeRect(static_cast<int>(i)).contains(help->pos())) {
                const auto& n = graph_.nodes[i];
                QString text = n.isActor ? tr("Thread %1: %2").arg(n.name, style::StateNames::actor(n.state))
                                         : tr("Object %1").arg(n.name);
                if (n.onCycle) text += QLatin1Char('\n') + tr("On the deadlock cycle");
                QToolTip::showText(help->globalPos(), text, this);
                return true;
            }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::LanguageChange) update();
    return QWidget::event(event);
}

}  // namespace lockstep::app
