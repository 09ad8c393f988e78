#pragma once

#include <QStringList>

namespace lockstep::app {

// The headless commands: list, run, explore, compare, help. Returns the process exit code: 0 when the command did
// its job (a deadlock is a result, not a failure), 2 for a bad command line, 1 for an internal failure.
bool isCommandLineCommand(const QStringList& args);
// Creates the application object itself: a QCoreApplication, or a QGuiApplication (offscreen when there is
// no display) for `run ... --export`, which paints text into images.
int runCommandLine(int& argc, char** argv, const QStringList& args);

// Loads the Russian or English translations into the application ("" = the system locale).
void installTranslations(const QString& language);

}  // namespace lockstep::app
