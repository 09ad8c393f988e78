#include "style/StateNames.h"

namespace lockstep::style {

QString StateNames::actor(ActorState s) {
    switch (s) {
        case ActorState::NotStarted:
            return tr("not started");
        case ActorState::Running:
            return tr("running");
        case ActorState::Ready:
            return tr("ready");
        case ActorState::Blocked:
            return tr("blocked");
        case ActorState::Sleeping:
            return tr("sleeping");
        case ActorState::Computing:
            return tr("computing");
        case ActorState::Done:
            return tr("done");
    }
    return {};
}

QString StateNames::future(FutureState s) {
    switch (s) {
        case FutureState::Pending:
            return tr("pending", "future state");
        case FutureState::Running:
            return tr("running", "future state");
        case FutureState::Finished:
            return tr("finished", "future state");
        case FutureState::Failed:
            return tr("failed", "future state");
        case FutureState::Cancelled:
            return tr("cancelled", "future state");
        case FutureState::Count_:
            break;
    }
    return {};
}

QString StateNames::task(TaskState s) {
    switch (s) {
        case TaskState::Pending:
            return tr("pending", "task state");
        case TaskState::Ready:
            return tr("ready", "task state");
        case TaskState::Running:
            return tr("running", "task state");
        case TaskState::Waiting:
            return tr("waiting", "task state");
        case TaskState::Done:
            return tr("done", "task state");
        case TaskState::Failed:
            return tr("failed", "task state");
        case TaskState::Cancelled:
            return tr("cancelled", "task state");
        case TaskState::Count_:
            break;
    }
    return {};
}

}  // namespace lockstep::style
