#include "style/Glyphs.h"

#include "style/Palette.h"

namespace lockstep::style {

QString Glyphs::lineMarker(ActorState s) {
    return s == ActorState::Blocked ? QStringLiteral("\u25A0") : QStringLiteral("\u25B6");
}

QString Glyphs::challengeMark(bool won) { return won ? QStringLiteral("\u2605") : QStringLiteral("\u2606"); }

QPolygonF Glyphs::hourglass(const QRectF& r) {
    // Corners in Z order: the two crossing edges make the waist.
    return QPolygonF({r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight()});
}

void Glyphs::drawIncident(QPainter& p, IncidentKind kind, const QPointF& c, qreal s, QColor colour) {
    const qreal h = s / 2;
    if (!colour.isValid()) colour = Palette::incident(kind);
    p.setPen(QPen(Qt::black, 1));
    p.setBrush(colour);
    switch (kind) {
        case IncidentKind::Switch:
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::black);
            p.drawPolygon(QPolygonF({QPointF(c.x() - h * 0.7, c.y() - h), QPointF(c.x() + h * 0.7, c.y() - h),
                                     QPointF(c.x(), c.y() + h * 0.4)}));
            break;
        case IncidentKind::Raise:
            p.drawPolygon(QPolygonF(
                {QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y() + h), QPointF(c.x() - h, c.y() + h)}));
            break;
        case IncidentKind::Race:
            p.drawPolygon(hourglass(QRectF(c.x() - h, c.y() - h, 2 * h, 2 * h)));
            break;
        case IncidentKind::Deadlock:
            p.drawEllipse(c, h, h);
            p.setPen(QPen(Qt::white, 1.5));
            p.drawLine(QPointF(c.x() - h * 0.5, c.y() - h * 0.5), QPointF(c.x() + h * 0.5, c.y() + h * 0.5));
            p.drawLine(QPointF(c.x() - h * 0.5, c.y() + h * 0.5), QPointF(c.x() + h * 0.5, c.y() - h * 0.5));
            break;
        case IncidentKind::Wait:
            p.setBrush(Qt::white);
            p.setPen(QPen(colour, 2));
            p.drawEllipse(c, h * 0.8, h * 0.8);
            break;
        case IncidentKind::Woken:
            p.drawEllipse(c, h * 0.8, h * 0.8);
            break;
        case IncidentKind::Timeout:
            p.setBrush(Qt::white);
            p.setPen(QPen(colour, 2));
            p.drawRect(QRectF(c.x() - h * 0.7, c.y() - h * 0.7, h * 1.4, h * 1.4));
            break;
        case IncidentKind::Notify:
            p.drawPolygon(QPolygonF(
                {QPointF(c.x() - h, c.y() - h), QPointF(c.x() + h, c.y() - h), QPointF(c.x(), c.y() + h)}));
            break;
        case IncidentKind::Set:
        case IncidentKind::Clear:
            // A diamond, hollow once cleared.
            if (kind == IncidentKind::Clear) {
                p.setBrush(Qt::white);
                p.setPen(QPen(colour, 2));
            }
            p.drawPolygon(QPolygonF({QPointF(c.x(), c.y() - h), QPointF(c.x() + h, c.y()),
                                     QPointF(c.x(), c.y() + h), QPointF(c.x() - h, c.y())}));
            break;
        case IncidentKind::Exit:
            // A "stop" square.
            p.drawRect(QRectF(c.x() - h * 0.8, c.y() - h * 0.8, h * 1.6, h * 1.6));
            break;
        case IncidentKind::Count_:
            break;
    }
}

}  // namespace lockstep::style
