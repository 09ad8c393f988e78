#include "cli/Console.h"

#include <QIODevice>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace lockstep::app::Console {

namespace {

QTextStream& standardOut() {
    static QTextStream s(stdout);
    return s;
}
QTextStream& standardErr() {
    static QTextStream s(stderr);
    return s;
}

QTextStream* gOut = nullptr;  // null: the process's own streams
QTextStream* gErr = nullptr;

}  // namespace

QTextStream& out() { return gOut ? *gOut : standardOut(); }
QTextStream& err() { return gErr ? *gErr : standardErr(); }

int usageError(const QString& message) {
    err() << "lockstep: " << message << "\n";
    err().flush();
    return 2;
}

QString finishOutput() {
    out().flush();
    err().flush();
    if (gOut) return {};
    // QTextStream hands its text to the C library's stdout, which may still hold some: only fflush() and
    // ferror() tell whether it all arrived.
    QString why;
    if (out().status() != QTextStream::Ok && out().device()) why = out().device()->errorString();
    errno = 0;
    const bool flushed = std::fflush(stdout) == 0 && !std::ferror(stdout);
    if (!flushed && why.isEmpty() && errno) why = QString::fromLocal8Bit(std::strerror(errno));
    if (flushed && out().status() == QTextStream::Ok) return {};
    return QStringLiteral("writing to standard output failed: %1").arg(why.isEmpty() ? QStringLiteral("an I/O error") : why);
}

Capture::Capture(QString& out, QString& err)
    : out_(&out), err_(&err), previousOut_(gOut), previousErr_(gErr) {
    gOut = &out_;
    gErr = &err_;
}

Capture::~Capture() {
    out_.flush();
    err_.flush();
    gOut = previousOut_;
    gErr = previousErr_;
}

}  // namespace lockstep::app::Console
