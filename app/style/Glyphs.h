#pragma once
// Shapes that carry meaning besides their colour, for readers who cannot tell the colours apart: the marker of
// a thread's current line (code view and editor), the timeline's marks, and the data race's hourglass, which
// the code view draws as the timeline does.

#include <QColor>
#include <QPainter>
#include <QPolygonF>
#include <QString>

#include "lockstep/RunState.h"
#include "lockstep/TraceModel.h"

namespace lockstep::style {

class Glyphs {
public:
    // Beside a thread's current line: a square when it is blocked (it cannot go on), a triangle otherwise.
    static QString lineMarker(ActorState s);
    // A challenge won (a filled star) or still open (an outlined one), in lists and beside a scenario's title.
    static QString challengeMark(bool won);
    // An hourglass filling `r`: two accesses meeting with nothing between them.
    static QPolygonF hourglass(const QRectF& r);
    // A mark of the timeline, `size` pixels across, centred on `centre`; `colour` replaces the kind's own
    // (an exit's depends on its code).
    static void drawIncident(QPainter& p, IncidentKind kind, const QPointF& centre, qreal size, QColor colour = {});
};

}  // namespace lockstep::style
