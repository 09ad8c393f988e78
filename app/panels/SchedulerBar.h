#pragma once
// "Be the scheduler": a row of buttons, one per live thread, under the timeline. Pressing "Step T2" (or the
// key of its place, 1 to 9) lets T2 take the next step, whatever the policy: at the live step the engine
// takes that choice at its pending decision; at a past step the run branches there. Threads that cannot
// run are shown greyed, and their tooltip says why (the lock they wait for and who holds it, the time they
// sleep until...). The bar belongs to no dock, so it cannot be scrolled or tabbed away.

#include <QWidget>

#include <vector>

#include "view/TraceView.h"

class QLabel;
class QPushButton;
class QShortcut;

namespace lockstep::app {

class SchedulerBar : public QWidget {
    Q_OBJECT

public:
    explicit SchedulerBar(QWidget* parent = nullptr);

    // `view.candidates` are the threads that may take the next step (at a past step: the ready ones there).
    void setView(const TraceView& view);

    // The shown button of the actor, or null (a thread not started yet, or finished, has none).
    QPushButton* button(ActorId actor) const;
    // The actors with a button, left to right (key 1 is the first; the main thread is last).
    const std::vector<ActorId>& actors() const { return actors_; }
    // Why the actor cannot run now, in words (empty when it can).
    QString reason(ActorId actor) const;

    static constexpr int kMaxKeys = 9;

signals:
    void actorChosen(lockstep::ActorId actor);

public:
    // Never wider than the window can give: at 1366 px in Russian the docks take most of the width, and a bar
    // that insisted on its full width would push the window past the screen.
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuild();
    // Full labels ("Step T1") when they fit; else the names alone, then without the title too.
    void fitLabels();
    QString waitText(ActorId actor) const;

    TraceView view_;
    QLabel* title_ = nullptr;
    std::vector<QPushButton*> buttons_;  // a pool: the first actors_.size() are shown
    std::vector<ActorId> actors_;
    std::vector<QShortcut*> keys_;
    bool fitting_ = false;  // fitLabels() is changing texts: the resizes it causes must not call it again
};

}  // namespace lockstep::app
