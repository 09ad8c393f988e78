#pragma once
// The verdict of a run in words (lockstep/Verdict.h): one sentence per item, English in the source and Russian
// from the translations, for the window's Story panel and status bar and the command line alike.

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "lockstep/Verdict.h"

namespace lockstep {
class TraceModel;
}

namespace lockstep::app {

class VerdictText {
    Q_DECLARE_TR_FUNCTIONS(lockstep::app::VerdictText)
public:
    // One item, with actors and objects by name (from the model of the run the verdict is about).
    static QString sentence(const VerdictItem& item, const Verdict& verdict, const TraceModel& model);
    // Every item's sentence, most telling first.
    static QStringList sentences(const Verdict& verdict, const TraceModel& model);
};

}  // namespace lockstep::app
