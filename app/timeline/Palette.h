#pragma once
// Colours of the timeline, from the Okabe–Ito palette, which stays distinguishable with the common forms of
// colour blindness. Marks differ by shape as well as colour, and text colour follows the fill's luminance, so
// nothing relies on hue alone and labels stay readable in exports.

#include <QColor>

#include "lockstep/RunState.h"
#include "timeline/Lane.h"

namespace lockstep::timeline {

class Palette {
public:
    static QColor stateColor(ActorState s);
    // A future's lane: waiting in the queue like a ready thread (yellow), running like a running thread
    // (green), then blue when it has its result, vermillion when it raised, grey when it was cancelled.
    static QColor futureColor(FutureState s);
    // An asyncio task's lane, in the future lanes' colours: pale yellow before its first step, yellow in the
    // ready queue, green while the loop runs it, sky blue while it waits (a sleeping thread's colour: it
    // holds no thread), then blue, vermillion or grey as a future ends.
    static QColor taskColor(TaskState s);
    // What an event loop runs: two hues outside the task states', taking turns at each change of task or
    // callback, so every switch shows even where the steps are too narrow for names.
    static QColor loopColor(bool shade);
    // Holders and computing actors: the seven Okabe–Ito hues, then the same hues lighter.
    static QColor actorColor(ActorId a);
    static QColor markColor(MarkKind k);
    static QColor countColor();
    // A child process that ended with a non-zero exit code (an error, a signal): a pale vermillion, apart from
    // a blocked thread's full one; the mark of its exit takes the full vermillion, a clean exit's is grey.
    static QColor failedExitColor();
    static QColor exitMarkColor(int exitCode);
    // Arrows of messages between processes: dark, half transparent, so bands show through where they cross.
    static QColor transferColor();
    static QColor cycleColor();
    // Black or white, whichever reads better on `fill`.
    static QColor textOn(const QColor& fill);
};

}  // namespace lockstep::timeline
