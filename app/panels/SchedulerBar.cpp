#include "panels/SchedulerBar.h"

#include "timeline/TimelineStrings.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QResizeEvent>
#include <QShortcut>

#include <algorithm>

#include "style/Palette.h"
#include "style/StateNames.h"
#include "lockstep/InsideCall.h"
#include "view/StoryText.h"

namespace lockstep::app {

namespace {
QString name(const TraceModel& m, ActorId a) { return QString::fromStdString(m.actor(a).name); }
QString opText(Op op) { return QString::fromUtf8(opName(op).data(), static_cast<int>(opName(op).size())); }
}  // namespace

SchedulerBar::SchedulerBar(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("schedulerBar"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(4);
    title_ = new QLabel(this);
    layout->addWidget(title_);
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    // Buttons go between the title and the stretch.
    layout->addStretch(1);
    for (int i = 0; i < kMaxKeys; ++i) {
        auto* key = new QShortcut(QKeySequence(Qt::Key_1 + i), window() ? window() : this);
        key->setContext(Qt::WindowShortcut);
        connect(key, &QShortcut::activated, this, [this, i] {
            if (i < static_cast<int>(actors_.size()) && buttons_[static_cast<std::size_t>(i)]->isEnabled())
                buttons_[static_cast<std::size_t>(i)]->click();
        });
        keys_.push_back(key);
    }
    rebuild();
}

void SchedulerBar::setView(const TraceView& view) {
    view_ = view;
    rebuild();
}

QPushButton* SchedulerBar::button(ActorId actor) const {
    for (std::size_t i = 0; i < actors_.size(); ++i)
        if (actors_[i] == actor) return buttons_[i];
    return nullptr;
}

QString SchedulerBar::waitText(ActorId a) const {
    const TraceModel& m = *view_.model;
    const RunState& s = *view_.state;
    const StateInterval& st = s.actor(a).state;
    if (st.state == ActorState::Blocked && st.object < m.objectCount()) {
        const ObjectInfo& obj = m.object(st.object);
        if (obj.internal && !view_.showInternals) {
            // The learner never made this object (t._started, q.not_full): the call it is in says more.
            const std::string_view listing = view_.scenario ? std::string_view(view_.scenario->listing) : std::string_view();
            return tr("%1 waits inside %2.").arg(name(m, a), StoryText::inside(insideCall(listing, s.actor(a).line)));
        }
        const QString object = QString::fromStdString(obj.name);
        if (obj.kind == ObjectKind::Thread) return tr("%1 waits in join() for %2 to finish.").arg(name(m, a), object);
        QStringList holders;
        for (ActorId h : s.holders(st.object))
            if (h < m.actorCount()) holders << name(m, h);
        if (!holders.isEmpty())
            return tr("%1 waits for %2 (%3), held by %4.").arg(name(m, a), object, opText(st.op), holders.join(QStringLiteral(", ")));
        return tr("%1 waits for %2 (%3).").arg(name(m, a), object, opText(st.op));
    }
    if (st.state == ActorState::Sleeping && view_.trace) {
        // The sleep event of the step the sleep began in says how long.
        const Trace& t = *view_.trace;
        const std::size_t end = std::min(t.eventCount(), m.stepEnd(st.beginStep));
        for (std::size_t i = m.stepBegin(st.beginStep); i < end; ++i) {
            const TraceEvent& e = t.event(i);
            if (e.actor == a && e.op == Op::Sleep && (e.flags & TraceEvent::ArgIsMicros))
                return tr("%1 sleeps until t = %2.")
                    .arg(name(m, a), timeline::TimelineStrings::seconds(e.time + Nanos(e.arg) * 1000, 1'000'000));
        }
        return tr("%1 sleeps.").arg(name(m, a));
    }
    if (st.state == ActorState::Computing) return tr("%1 is computing on a core.").arg(name(m, a));
    return tr("%1 cannot take the next step (%2).").arg(name(m, a), style::StateNames::actor(st.state));
}

QString SchedulerBar::reason(ActorId actor) const {
    if (!view_.model || !view_.state) return {};
    if (std::find(view_.candidates.begin(), view_.candidates.end(), actor) != view_.candidates.end()) return {};
    // At the end of a deadlock the learner still wants to know what each thread waits for.
    const ActorState st = view_.state->actor(actor).state.state;
    if (view_.ended && view_.cursor >= view_.live && st != ActorState::Blocked && st != ActorState::Sleeping)
        return tr("The run has ended.");
    return waitText(actor);
}

void SchedulerBar::rebuild() {
    title_->setText(tr("Who runs next:"));
    title_->setToolTip(tr("Pick the thread that takes the next step, in any policy. At a past step the run "
                          "branches there: the steps after it are replaced by the new choice."));
    actors_.clear();
    if (view_.model && view_.state) {
        const TraceModel& m = *view_.model;
        // The main thread (the first actor) comes last: it mostly waits in join(), and so key 1 is T1's,
        // key 2 T2's, as a learner would guess.
        for (std::size_t i = 1; i <= m.actorCount(); ++i) {
            const auto a = static_cast<ActorId>(i % m.actorCount());
            const ActorNow& now = view_.state->actor(a);
            // A thread that has not started or has finished can never be picked: no button for it.
            if (now.ended || now.state.state == ActorState::NotStarted || now.state.state == ActorState::Done) continue;
            actors_.push_back(a);
        }
    }
    auto* layout = static_cast<QHBoxLayout*>(this->layout());
    while (buttons_.size() < actors_.size()) {
        auto* b = new QPushButton(this);
        b->setAutoDefault(false);
        b->setFocusPolicy(Qt::NoFocus);  // the keys 1-9 choose; focus stays where the learner works
        const std::size_t index = buttons_.size();
        connect(b, &QPushButton::clicked, this, [this, index] {
            if (index < actors_.size()) emit actorChosen(actors_[index]);
        });
        layout->insertWidget(1 + static_cast<int>(index), b);
        buttons_.push_back(b);
    }
    const bool past = view_.cursor < view_.live;
    for (std::size_t i = 0; i < buttons_.size(); ++i) {
        QPushButton* b = buttons_[i];
        if (i >= actors_.size()) {
            b->hide();
            continue;
        }
        const ActorId a = actors_[i];
        const TraceModel& m = *view_.model;
        const QString who = name(m, a);
        const QString why = reason(a);
        b->setObjectName(QStringLiteral("schedulerStep_") + who);
        b->setText(tr("Step %1").arg(who));
        b->setEnabled(why.isEmpty());
        // The state's colour on the button's edge; the name says who it is.
        const ActorState st = view_.state->actor(a).state.state;
        b->setStyleSheet(QStringLiteral("QPushButton { border: 2px solid %1; border-radius: 4px; padding: 2px 8px; }"
                                        "QPushButton:disabled { border-color: %2; }")
                             .arg(style::Palette::actorState(st).name(), style::Palette::muted().name()));
        const QString key = i < static_cast<std::size_t>(kMaxKeys) ? tr(" (key %1)").arg(i + 1) : QString();
        if (!why.isEmpty()) b->setToolTip(why);
        else if (past) b->setToolTip(tr("Branch the run at step %1: %2 takes step %3 instead%4.").arg(view_.cursor).arg(who).arg(view_.cursor + 1).arg(key));
        else b->setToolTip(tr("Let %1 take the next step%2.").arg(who, key));
        b->show();
    }
    title_->setEnabled(!actors_.empty());
    fitLabels();
}

void SchedulerBar::fitLabels() {
    if (fitting_ || !view_.model) return;
    fitting_ = true;
    const TraceModel& m = *view_.model;
    auto needed = [this] {
        layout()->invalidate();
        return layout()->sizeHint().width();
    };
    for (int level = 0; level < 3; ++level) {
        title_->setVisible(level < 2);
        for (std::size_t i = 0; i < actors_.size(); ++i)
            buttons_[i]->setText(level == 0 ? tr("Step %1").arg(name(m, actors_[i])) : name(m, actors_[i]));
        if (needed() <= width()) break;
    }
    fitting_ = false;
}

void SchedulerBar::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitLabels();
}

QSize SchedulerBar::minimumSizeHint() const { return {0, QWidget::minimumSizeHint().height()}; }

void SchedulerBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) rebuild();
    QWidget::changeEvent(event);
}

}  // namespace lockstep::app
