#pragma once

#include <QStringList>

namespace lockstep::app {

// The headless commands: list, run, explore, help. Returns the process exit code: 0 when the command did
// its job (a deadlock is a result, not a failure), 2 for a bad command line, 1 for an internal failure.
bool isCommandLineCommand(const QStringList& args);
int runCommandLine(const QStringList& args);

// Loads the Russian or English translations into the application ("" = the system locale).
void installTranslations(const QString& language);

}  // namespace lockstep::app
