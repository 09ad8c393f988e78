#pragma once
// The options that say how a learner's Python program is contained (the command line's run and explore, and
// the window): --sandbox and --freeze-limit. They change nothing of the trace, only where and how long the
// program may run.

#include <QCommandLineParser>
#include <QString>

namespace lockstep::app {

void addContainmentOptions(QCommandLineParser& parser);
// Applies them to the runner (lockstep::python::setRunnerSettings); false with `error` when a value is wrong or
// the sandbox cannot be used on this machine.
bool applyContainmentOptions(const QCommandLineParser& parser, QString& error);

}  // namespace lockstep::app
