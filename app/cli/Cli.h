#pragma once

#include <QString>
#include <QStringList>

namespace lockstep::app {

// Exit codes of every command, and of the window's command line:
//  0   the command did its job; a run that ended, however it ended (finished, deadlock, an error in the
//      program, the step limit), did its job
//  1   an internal failure, or a write that failed (a full disk)
//  2   bad input: an unknown command, option, scenario or value, a schedule or replay token that names no
//      thread of the run, a program path that is no readable program, an output file that cannot be written
//  130 interrupted (Ctrl+C): what was done so far is printed first
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInterrupted = 130;

// Whether args[1] is a headless command (list, run, explore, compare, help, --help, --version).
bool isCommandLineCommand(const QStringList& args);
// The headless commands' names, for messages.
QStringList commandNames();

// Creates the application object itself: a QCoreApplication, or a QGuiApplication (offscreen when there is
// no display) for `run ... --export`, which paints text into images. Then runCommand().
int runCommandLine(int& argc, char** argv, const QStringList& args);
// Runs a headless command; the application object exists already. Returns the exit code.
int runCommand(const QStringList& args);

// Ctrl+C: the command stops soon (a run within a few hundred steps, an exploration or a comparison within
// its current run), prints what it has, and exits 130. Async-signal-safe; any thread may call it. The
// command line installs it as SIGINT's handler while it runs.
void requestInterrupt();

// main()'s handling of `args`, except the window itself, in this process and with the output captured: for
// tests. Clears an interrupt left from before. Returns the exit code, or kOpenWindow (WindowArgs.h) when the
// arguments would open the window.
int runInProcess(const QStringList& args, QString& out, QString& err);

// Loads the Russian or English translations into the application ("" = the system locale).
void installTranslations(const QString& language);

}  // namespace lockstep::app
