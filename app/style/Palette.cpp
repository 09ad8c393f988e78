#include "style/Palette.h"

#include "style/OkabeIto.h"

namespace lockstep::style {

QColor Palette::actorState(ActorState s) {
    switch (s) {
        case ActorState::Running:
            return OkabeIto::bluishGreen();
        case ActorState::Ready:
            return OkabeIto::yellow();
        case ActorState::Blocked:
            return OkabeIto::vermillion();
        case ActorState::Sleeping:
            return OkabeIto::skyBlue();
        case ActorState::Computing:
            return OkabeIto::blue();
        case ActorState::Done:
            return QColor(0xDD, 0xDD, 0xDD);
        case ActorState::NotStarted:
            break;
    }
    return QColor(Qt::transparent);
}

QColor Palette::actorStateBackground(ActorState s) {
    QColor c = actorState(s);
    if (c.alpha() == 0) return c;
    c.setAlpha(s == ActorState::Done ? 150 : 90);
    return c;
}

QColor Palette::futureState(FutureState s) {
    switch (s) {
        case FutureState::Pending:
            return OkabeIto::yellow();
        case FutureState::Running:
            return OkabeIto::bluishGreen();
        case FutureState::Finished:
            return OkabeIto::blue();
        case FutureState::Failed:
            return OkabeIto::vermillion();
        case FutureState::Cancelled:
            return QColor(0xBB, 0xBB, 0xBB);
        case FutureState::Count_:
            break;
    }
    return QColor(Qt::transparent);
}

QColor Palette::taskState(TaskState s) {
    switch (s) {
        case TaskState::Pending:
            return QColor(0xF8, 0xF2, 0xA8);
        case TaskState::Ready:
            return OkabeIto::yellow();
        case TaskState::Running:
            return OkabeIto::bluishGreen();
        case TaskState::Waiting:
            return OkabeIto::skyBlue();
        case TaskState::Done:
            return futureState(FutureState::Finished);
        case TaskState::Failed:
            return futureState(FutureState::Failed);
        case TaskState::Cancelled:
            return futureState(FutureState::Cancelled);
        case TaskState::Count_:
            break;
    }
    return QColor(Qt::transparent);
}

QColor Palette::loopTurn(bool shade) {
    return shade ? OkabeIto::orange() : OkabeIto::reddishPurple();
}

QColor Palette::holderFill() {
    return QColor(Qt::white);
}

QColor Palette::holderOutline() {
    return QColor(0x55, 0x55, 0x55);
}

QColor Palette::holderMark() {
    return QColor(0x33, 0x33, 0x33);
}

QColor Palette::incident(IncidentKind k) {
    switch (k) {
        case IncidentKind::Switch:
            return OkabeIto::black();
        case IncidentKind::Raise:
        case IncidentKind::Deadlock:
            return OkabeIto::vermillion();
        case IncidentKind::Race:
        case IncidentKind::Notify:
            return OkabeIto::reddishPurple();
        case IncidentKind::Wait:
        case IncidentKind::Timeout:
            return OkabeIto::orange();
        case IncidentKind::Woken:
            return OkabeIto::bluishGreen();
        case IncidentKind::Set:
        case IncidentKind::Clear:
            return OkabeIto::blue();
        case IncidentKind::Exit:
            return QColor(0x77, 0x77, 0x77);
        case IncidentKind::Count_:
            break;
    }
    return OkabeIto::black();
}

QColor Palette::count() {
    QColor c = OkabeIto::skyBlue();
    c.setAlpha(170);
    return c;
}

QColor Palette::failedExit() {
    return QColor(0xF2, 0xC4, 0xA0);
}

QColor Palette::exitMark(int exitCode) {
    return exitCode == 0 ? incident(IncidentKind::Exit) : OkabeIto::vermillion();
}

QColor Palette::transfer() {
    return QColor(0x1A, 0x1A, 0x40, 190);
}

QColor Palette::cause() {
    return QColor(0x33, 0x33, 0x33, 215);
}

QColor Palette::criticalSection() {
    return QColor(0x22, 0x22, 0x22, 200);
}

QColor Palette::cycleText() {
    return OkabeIto::vermillion().darker(130);
}

QColor Palette::runStatus(RunStatus s) {
    switch (s) {
        case RunStatus::Finished:
            return OkabeIto::blue();
        case RunStatus::Deadlock:
            return OkabeIto::vermillion();
        case RunStatus::Stuck:
            return OkabeIto::orange();
        case RunStatus::Error:
            return OkabeIto::reddishPurple();
        default:
            return OkabeIto::yellow();
    }
}

QColor Palette::oneAfterAnotherOutline() {
    return OkabeIto::black();
}

QColor Palette::waitEdge() {
    return OkabeIto::reddishPurple();
}

QColor Palette::holdEdge() {
    return OkabeIto::blue();
}

QColor Palette::cycleEdge() {
    return OkabeIto::vermillion();
}

QColor Palette::race() {
    return incident(IncidentKind::Race);
}

QColor Palette::muted() {
    return QColor(0x99, 0x99, 0x99);
}

QColor Palette::errorText() {
    return QColor(0xA0, 0x10, 0x10);
}

QColor Palette::goalReached() { return OkabeIto::bluishGreen().darker(130); }

QColor Palette::goalMissed() { return errorText(); }

QColor Palette::textOn(const QColor& fill) {
    // Relative luminance (sRGB weights) against about the midpoint: yellow and sky blue take black, blue white.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.45 ? QColor(Qt::black) : QColor(Qt::white);
}

}  // namespace lockstep::style
