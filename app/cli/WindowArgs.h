#pragma once
// The window's command line, `lockstep [ID|prog.py] [run options] [--steps N] [--lang] [--axis] [--explore]
// [--challenge NAME | --predict NAME [--answer K]] [--screenshot FILE]`, read and checked completely before any window (or application object) exists: a
// mistyped command, a bad option or an unloadable program is reported and the process exits 2 even where no
// display is, instead of failing in the window system.

#include <QString>
#include <QStringList>

#include "lockstep/scenarios/Scenario.h"
#include "view/RunSetup.h"

namespace lockstep::app {

struct WindowArgs {
    RunSetup setup;                                // no scenario: open with nothing loaded
    const scenarios::Scenario* program = nullptr;  // the argument named a Python program (also in setup)
    int steps = 0;
    QString language;                              // "en" or "ru"; empty: the last one chosen
    bool timeAxis = false;
    bool axisGiven = false;
    bool explore = false;
    QString layout;                                // "learn" or "full"; empty: the last one, else the screen's
    QString screenshot;                            // empty: stay open
    // A challenge to play (its schedule so far in setup.config.schedule) or a prediction to answer (answer: the
    // 1-based choice, 0 none yet), of the campaign or of the program's lesson.
    QString challenge;
    QString prediction;
    int answer = 0;
};

// readWindowArgs' answer when the window should open.
inline constexpr int kOpenWindow = -1;

// Reads `args` (args[0] the program's name). Returns kOpenWindow with `out` filled in, or the exit code: 0
// after printing --help or --version, 2 after printing what is wrong (Console::err()).
int readWindowArgs(const QStringList& args, WindowArgs& out);

// The options Qt's own application object takes (-platform offscreen, -style fusion, -reverse...): they are
// the window system's, so readWindowArgs leaves them to it.
QStringList withoutQtOptions(const QStringList& args);

}  // namespace lockstep::app
