#pragma once
// Every colour that means something, for every view. A state has one colour wherever it shows: a band on the
// timeline (screen and exports), a series of the charts, the marker and background of a thread's line in the
// code view and the program editor, a node of the wait-for graph. Built on the Okabe–Ito hues; marks differ by
// shape as well (see Glyphs), and text on a fill takes black or white by the fill's luminance, so nothing
// relies on hue alone.

#include <QColor>

#include "lockstep/RunState.h"
#include "lockstep/TraceModel.h"

namespace lockstep::style {

class Palette {
public:
    // ---- states
    // Running bluish green, ready yellow, blocked vermillion, sleeping sky blue, computing blue, done light
    // grey. A thread that has not started has no colour (transparent): nothing is drawn for it.
    static QColor actorState(ActorState s);
    // The same colour, translucent, behind text that must stay readable: a thread's current line in the code
    // view and the editor, an actor's node in the wait-for graph. Done's grey is light already, so it takes
    // more opacity to still show on white.
    static QColor actorStateBackground(ActorState s);
    // A concurrent future: waiting in the queue like a ready thread (yellow), running like a running thread
    // (green), then blue when it has its result, vermillion when it raised, grey when it was cancelled.
    static QColor futureState(FutureState s);
    // An asyncio task, in the futures' colours: pale yellow before its first step, yellow in the ready queue,
    // green while the loop runs it, sky blue while it waits (a sleeping thread's colour: it holds no thread),
    // then blue, vermillion or grey as a future ends.
    static QColor taskState(TaskState s);
    // What an event loop runs: two hues outside the task states', taking turns at each change of task or
    // callback, so every switch shows even where the steps are too narrow for names.
    static QColor loopTurn(bool shade);

    // ---- who holds what
    // A lock's, a semaphore slot's or the GIL's holder, and an actor computing on a core: one neutral band
    // for every actor, named by its label. A hue per actor would read as a state (lock_a held by T1 looking
    // "sleeping"), and past seven actors hues repeat with nothing to tell them apart; the name does not.
    // White fill, a charcoal outline, and a dark tick on its left edge where the hold begins: none of them
    // is a state's colour, so a holder band cannot be taken for one.
    static QColor holderFill();
    static QColor holderOutline();
    static QColor holderMark();

    // ---- marks and the rest of the timeline
    static QColor incident(IncidentKind k);
    // Step charts of counts (waiters, a queue's length): sky blue, half transparent.
    static QColor count();
    // A child process that ended with a non-zero exit code (an error, a signal): a pale vermillion, apart from
    // a blocked thread's full one; the mark of its exit takes the full vermillion, a clean exit's is grey.
    static QColor failedExit();
    static QColor exitMark(int exitCode);
    // Arrows of messages between processes: dark, half transparent, so bands show through where they cross.
    static QColor transfer();
    // Cause → effect arrows (a release and the acquire it let through...) and the brackets under a thread's
    // critical sections: a neutral charcoal, no hue of a state; the arrows are dashed, apart from the solid
    // arrows of messages between processes.
    static QColor cause();
    static QColor criticalSection();
    // Names of the lanes on the deadlock cycle: the cycle's vermillion, darker, to read as text.
    static QColor cycleText();

    // ---- the wait-for graph and the code view
    // A wait is reddish purple, a hold blue, and the deadlock cycle vermillion. Orange is left out: beside
    // vermillion it would blur the one edge set that must stand out.
    static QColor waitEdge();
    static QColor holdEdge();
    static QColor cycleEdge();
    // Data races: the timeline's race mark colour, so a race looks the same in every panel.
    static QColor race();

    // ---- the Explore panel's histogram
    // The bars of one end status share its colour, so a deadlock stands out from the finished runs at a glance:
    // finished blue, deadlock vermillion, stuck orange, an error reddish purple, any limit or crash yellow.
    static QColor runStatus(RunStatus s);
    // The outline of the bar whose outcome the threads run one after the other would give: black, no state's
    // hue, so it marks the bar without reading as another status.
    static QColor oneAfterAnotherOutline();

    // Secondary text: line numbers, a finished thread's listing, tasks that ended.
    static QColor muted();
    // A form's message that says what to change before it can go on (a dialog's, never a run's): dark red,
    // darker than any state's colour, and always as words.
    static QColor errorText();
    // A challenge: its goal reached (won), or out of reach in this run.
    static QColor goalReached();
    static QColor goalMissed();
    // Black or white, whichever reads better on `fill`.
    static QColor textOn(const QColor& fill);
};

}  // namespace lockstep::style
