#pragma once
// Turning command-line text into a run: scenario, RunConfig and parameters, with messages that name what is
// wrong and what would be right. Shared by `run`, `explore` and the GUI's `lockstep ID ...` form.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include "lockstep/RunConfig.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep::app {

struct RunSetup {
    const scenarios::Scenario* scenario = nullptr;
    RunConfig config;
};

// Adds --policy --seed --cores --gil --quantum --max-steps --param --schedule --replay.
void addRunOptions(QCommandLineParser& parser);
// Reads them; scenarioId may be empty when --replay names it. On failure returns false with `error` set.
bool readRunOptions(const QCommandLineParser& parser, const QString& scenarioId, RunSetup& setup, QString& error);
// "10ms", "0.5s", "250us", "1000ns" or a bare number of seconds, as nanoseconds; false when malformed.
bool parseDuration(const QString& text, Nanos& out);
// A message for an unknown scenario id, with the closest id when one is near.
QString unknownScenarioMessage(const QString& id);

}  // namespace lockstep::app
