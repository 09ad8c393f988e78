#pragma once
// A learner's progress through the challenges, kept per user in the application's settings (QSettings group
// "challenges"): which ones were won, and with which schedule (its replay token), so the scenario browser can
// show it and a won challenge can be watched again.

#include <QString>
#include <QStringList>

namespace lockstep::app::progress {

bool won(const QString& challenge);
// The replay token of the schedule that won it ("" when not won).
QString winningSchedule(const QString& challenge);
void markWon(const QString& challenge, const QString& replayToken);
// Forgets every win (Learn > Reset progress).
void reset();
// Of the challenges named, how many were won.
int wonAmong(const QStringList& challenges);

}  // namespace lockstep::app::progress
