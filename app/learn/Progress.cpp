#include "learn/Progress.h"

#include <QSettings>

namespace lockstep::app::progress {

namespace {
QString key(const QString& challenge) { return QStringLiteral("challenges/%1").arg(challenge); }
}  // namespace

bool won(const QString& challenge) { return QSettings().contains(key(challenge)); }

QString winningSchedule(const QString& challenge) { return QSettings().value(key(challenge)).toString(); }

void markWon(const QString& challenge, const QString& replayToken) {
    QSettings().setValue(key(challenge), replayToken);
}

void reset() { QSettings().remove(QStringLiteral("challenges")); }

int wonAmong(const QStringList& challenges) {
    int n = 0;
    for (const QString& c : challenges) n += won(c);
    return n;
}

}  // namespace lockstep::app::progress
