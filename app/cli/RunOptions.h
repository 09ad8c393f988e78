#pragma once
// Turning command-line text into a run: scenario, RunConfig and parameters, with messages that name what is
// wrong and what would be right. Shared by `run`, `explore` and the GUI's `lockstep ID ...` form.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include "lockstep/RunConfig.h"
#include "lockstep/scenarios/Scenario.h"
#include "view/RunSetup.h"

namespace lockstep::app {

// Which run options a command takes. `compare` sets cores and the GIL itself, one run per setting, and a
// schedule or a replay token fixes the threads of a single run, so it takes only what all its runs share.
enum class RunOptionSet { SingleRun, SharedByRuns };

// Adds --policy --seed --cores --gil --quantum --max-steps --param --schedule --replay (SharedByRuns: only
// --policy --seed --quantum --max-steps --param).
void addRunOptions(QCommandLineParser& parser, RunOptionSet set = RunOptionSet::SingleRun);
// Reads them; scenarioId may be empty when --replay names it. On failure returns false with `error` set.
bool readRunOptions(const QCommandLineParser& parser, const QString& scenarioId, RunSetup& setup, QString& error,
                    RunOptionSet set = RunOptionSet::SingleRun);
// "10ms", "0.5s", "250us", "1000ns" or a bare number of seconds, as nanoseconds; false when malformed.
bool parseDuration(const QString& text, Nanos& out);
// A message for an unknown scenario id, with the closest id when one is near.
QString unknownScenarioMessage(const QString& id);

}  // namespace lockstep::app
