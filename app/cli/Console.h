#pragma once
// Where the command line writes: the process's standard output and error, or two strings while a
// Console::Capture lives (a test that runs commands in its own process). Only the thread running a command
// writes here.

#include <QString>
#include <QTextStream>

namespace lockstep::app::Console {

QTextStream& out();
QTextStream& err();

// "lockstep: <message>" on err(); returns 2, the exit code of bad input.
int usageError(const QString& message);

// Flushes both and checks that standard output took everything (a full disk, a closed pipe). Returns an
// empty string, or what went wrong. Captured output cannot fail.
QString finishOutput();

// While it lives, out() and err() append to the given strings.
class Capture {
public:
    Capture(QString& out, QString& err);
    ~Capture();
    Capture(const Capture&) = delete;
    Capture& operator=(const Capture&) = delete;

private:
    QTextStream out_;
    QTextStream err_;
    QTextStream* previousOut_;
    QTextStream* previousErr_;
};

}  // namespace lockstep::app::Console
