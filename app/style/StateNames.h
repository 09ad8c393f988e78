#pragma once
// The translated name of every state, for every view: the timeline's bands, legend and tooltips, the charts'
// series, the code view's headers, the inspector, the wait-for graph and the editor's markers. The core names
// states in English for the command line (actorStateName...); the window names them in the UI language.

#include <QCoreApplication>
#include <QString>

#include "lockstep/RunState.h"

namespace lockstep::style {

class StateNames {
    Q_DECLARE_TR_FUNCTIONS(lockstep::style::StateNames)

public:
    static QString actor(ActorState s);
    // A future "running" is a task on a worker, not a thread on a core: a translation may want other words
    // for it, so futures' and tasks' names are disambiguated from threads'.
    static QString future(FutureState s);
    // Python's states split as the loop sees them (see TaskState).
    static QString task(TaskState s);
};

}  // namespace lockstep::style
