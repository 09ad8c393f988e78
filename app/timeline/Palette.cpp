#include "timeline/Palette.h"

#include <array>

namespace lockstep::timeline {

namespace {
// Okabe & Ito, "Color Universal Design" (2008).
const QColor kOrange(0xE6, 0x9F, 0x00);
const QColor kSkyBlue(0x56, 0xB4, 0xE9);
const QColor kBluishGreen(0x00, 0x9E, 0x73);
const QColor kYellow(0xF0, 0xE4, 0x42);
const QColor kBlue(0x00, 0x72, 0xB2);
const QColor kVermillion(0xD5, 0x5E, 0x00);
const QColor kReddishPurple(0xCC, 0x79, 0xA7);
const QColor kBlack(0, 0, 0);
}  // namespace

QColor Palette::stateColor(ActorState s) {
    switch (s) {
        case ActorState::Running:
            return kBluishGreen;
        case ActorState::Ready:
            return kYellow;
        case ActorState::Blocked:
            return kVermillion;
        case ActorState::Sleeping:
            return kSkyBlue;
        case ActorState::Computing:
            return kBlue;
        case ActorState::Done:
            return QColor(0xDD, 0xDD, 0xDD);
        case ActorState::NotStarted:
            break;
    }
    return QColor(Qt::transparent);
}

QColor Palette::futureColor(FutureState s) {
    switch (s) {
        case FutureState::Pending:
            return kYellow;
        case FutureState::Running:
            return kBluishGreen;
        case FutureState::Finished:
            return kBlue;
        case FutureState::Failed:
            return kVermillion;
        case FutureState::Cancelled:
            return QColor(0xBB, 0xBB, 0xBB);
        case FutureState::Count_:
            break;
    }
    return QColor(Qt::transparent);
}

QColor Palette::taskColor(TaskState s) {
    switch (s) {
        case TaskState::Pending:
            return QColor(0xF8, 0xF2, 0xA8);
        case TaskState::Ready:
            return kYellow;
        case TaskState::Running:
            return kBluishGreen;
        case TaskState::Waiting:
            return kSkyBlue;
        case TaskState::Done:
            return futureColor(FutureState::Finished);
        case TaskState::Failed:
            return futureColor(FutureState::Failed);
        case TaskState::Cancelled:
            return futureColor(FutureState::Cancelled);
        case TaskState::Count_:
            break;
    }
    return QColor(Qt::transparent);
}

QColor Palette::loopColor(bool shade) {
    return shade ? kOrange : kReddishPurple;
}

QColor Palette::actorColor(ActorId a) {
    static const std::array<QColor, 7> hues{kOrange, kSkyBlue,       kBluishGreen, kYellow,
                                            kBlue,   kReddishPurple, kVermillion};
    if (a == kNoActor) return QColor(0x99, 0x99, 0x99);
    const QColor c = hues[a % hues.size()];
    return (a / hues.size()) % 2 ? c.lighter(140) : c;
}

QColor Palette::markColor(MarkKind k) {
    switch (k) {
        case MarkKind::Switch:
            return kBlack;
        case MarkKind::Raise:
            return kVermillion;
        case MarkKind::Deadlock:
            return kVermillion;
        case MarkKind::Race:
            return kReddishPurple;
        case MarkKind::Wait:
            return kOrange;
        case MarkKind::Woken:
            return kBluishGreen;
        case MarkKind::Timeout:
            return kOrange;
        case MarkKind::Notify:
            return kReddishPurple;
        case MarkKind::Set:
            return kBlue;
        case MarkKind::Clear:
            return kBlue;
        case MarkKind::Exit:
            return QColor(0x77, 0x77, 0x77);
        case MarkKind::Count_:
            break;
    }
    return kBlack;
}

QColor Palette::failedExitColor() {
    return QColor(0xF2, 0xC4, 0xA0);
}

QColor Palette::exitMarkColor(int exitCode) {
    return exitCode == 0 ? markColor(MarkKind::Exit) : kVermillion;
}

QColor Palette::transferColor() {
    return QColor(0x1A, 0x1A, 0x40, 190);
}

QColor Palette::countColor() {
    return QColor(0x56, 0xB4, 0xE9, 170);
}
QColor Palette::cycleColor() {
    return kVermillion.darker(130);
}

QColor Palette::textOn(const QColor& fill) {
    // Relative luminance (sRGB weights) against the 0.5 midpoint: yellow and sky blue take black, blue white.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.45 ? QColor(Qt::black) : QColor(Qt::white);
}

}  // namespace lockstep::timeline
