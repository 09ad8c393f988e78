#pragma once
// Translated names of actor states and operations, shared by the code view, the inspector and the wait-for
// graph. The core names them in English for the command line; the window shows them in the UI language.

#include <QCoreApplication>
#include <QString>

#include "lockstep/RunState.h"

namespace lockstep::app {

inline QString actorStateText(ActorState s) {
    switch (s) {
        case ActorState::NotStarted: return QCoreApplication::translate("ActorState", "not started");
        case ActorState::Running: return QCoreApplication::translate("ActorState", "running");
        case ActorState::Ready: return QCoreApplication::translate("ActorState", "ready");
        case ActorState::Blocked: return QCoreApplication::translate("ActorState", "blocked");
        case ActorState::Sleeping: return QCoreApplication::translate("ActorState", "sleeping");
        case ActorState::Computing: return QCoreApplication::translate("ActorState", "computing");
        case ActorState::Done: return QCoreApplication::translate("ActorState", "done");
    }
    return {};
}

// An asyncio task's state, as the inspector names it.
inline QString taskStateText(TaskState s) {
    switch (s) {
        case TaskState::Pending: return QCoreApplication::translate("TaskState", "pending");
        case TaskState::Ready: return QCoreApplication::translate("TaskState", "ready");
        case TaskState::Running: return QCoreApplication::translate("TaskState", "running");
        case TaskState::Waiting: return QCoreApplication::translate("TaskState", "waiting");
        case TaskState::Done: return QCoreApplication::translate("TaskState", "done");
        case TaskState::Failed: return QCoreApplication::translate("TaskState", "failed");
        case TaskState::Cancelled: return QCoreApplication::translate("TaskState", "cancelled");
        case TaskState::Count_: break;
    }
    return {};
}

// Operations keep their Python method names (acquire, join, get...): they are code, not prose.
inline QString opText(Op op) { return QString::fromUtf8(opName(op).data(), static_cast<int>(opName(op).size())); }

}  // namespace lockstep::app
