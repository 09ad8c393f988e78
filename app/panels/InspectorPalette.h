#pragma once
// What each actor state and each wait-for edge looks like, built on the Okabe-Ito palette so that
// "blocked" is the same vermillion in the code view, the inspector and the wait-for graph, and stays
// distinguishable under the common colour-vision deficiencies.

#include <QColor>

#include "lockstep/RunState.h"
#include "panels/OkabeIto.h"

namespace lockstep::app::palette {

inline QColor grey() { return QColor(0x99, 0x99, 0x99); }

// Strong colour of an actor state (text, borders, graph nodes).
inline QColor stateColor(ActorState s) {
    switch (s) {
        case ActorState::Running: return OkabeIto::bluishGreen();
        case ActorState::Ready: return OkabeIto::skyBlue();
        case ActorState::Blocked: return OkabeIto::vermillion();
        case ActorState::Sleeping: return OkabeIto::yellow();
        case ActorState::Computing: return OkabeIto::orange();
        case ActorState::Done:
        case ActorState::NotStarted: return grey();
    }
    return grey();
}

// The same colour made translucent for a line background, so the listing text on it stays readable.
inline QColor stateBackground(ActorState s) {
    QColor c = stateColor(s);
    c.setAlpha(s == ActorState::Done || s == ActorState::NotStarted ? 50 : 90);
    return c;
}

// Wait-for graph edges: a wait is reddish purple (dashed), a hold blue, and the deadlock cycle vermillion
// and thick. Orange is left out: beside vermillion it would blur the one edge set that must stand out.
inline QColor waitEdge() { return OkabeIto::reddishPurple(); }
inline QColor holdEdge() { return OkabeIto::blue(); }
inline QColor cycleEdge() { return OkabeIto::vermillion(); }
// Data races: the timeline's race mark colour, so a race looks the same in every panel.
inline QColor race() { return OkabeIto::reddishPurple(); }

}  // namespace lockstep::app::palette
