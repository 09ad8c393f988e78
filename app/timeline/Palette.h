#pragma once
// Colours of the timeline, from the Okabe–Ito palette, which stays distinguishable with the common forms of
// colour blindness. Marks differ by shape as well as colour, and text colour follows the fill's luminance, so
// nothing relies on hue alone and labels stay readable in exports.

#include <QColor>

#include "lockstep/TraceAnalysis.h"
#include "timeline/Lane.h"

namespace lockstep::timeline {

class Palette {
public:
    static QColor stateColor(ActorState s);
    // A future's lane: waiting in the queue like a ready thread (yellow), running like a running thread
    // (green), then blue when it has its result, vermillion when it raised, grey when it was cancelled.
    static QColor futureColor(FutureState s);
    // Holders and computing actors: the seven Okabe–Ito hues, then the same hues lighter.
    static QColor actorColor(ActorId a);
    static QColor markColor(MarkKind k);
    static QColor countColor();
    static QColor cycleColor();
    // Black or white, whichever reads better on `fill`.
    static QColor textOn(const QColor& fill);
};

}  // namespace lockstep::timeline
