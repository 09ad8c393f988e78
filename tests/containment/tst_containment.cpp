// A learner's program cannot take Lockstep down, freeze it or outlive it: each misbehaviour the issue lists,
// run through the real binary (`lockstep run prog.py --summary`). Lockstep exits 0 (the run ended, whatever
// its status), the summary is JSON, its status and message (or the program's own error) name what happened,
// and no process that Lockstep or the program started is left once Lockstep has exited.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include "lockstep/python/Runner.h"

namespace {

struct Result {
    int code = -1;
    bool crashed = false;
    QString out;
    QString err;
    QJsonObject summary;
};

// Processes whose environment carries `mark`: Lockstep, its runner and every process they or the program
// started inherit it, so after Lockstep has exited there must be none.
QStringList processesMarked(const QString& mark) {
    QStringList found;
    const QByteArray needle = ("LOCKSTEP_TEST_MARK=" + mark).toUtf8();
    if (DIR* d = ::opendir("/proc")) {
        while (dirent* e = ::readdir(d)) {
            if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
            QFile env(QStringLiteral("/proc/%1/environ").arg(e->d_name));
            if (!env.open(QIODevice::ReadOnly)) continue;
            if (env.readAll().split('\0').contains(needle)) {
                QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(e->d_name));
                cmd.open(QIODevice::ReadOnly);
                found << QString::fromUtf8(cmd.readAll().replace('\0', ' '));
            }
        }
        ::closedir(d);
    }
    return found;
}

class Lockstep {
public:
    explicit Lockstep(const QStringList& args, const QString& workingDirectory = QDir::tempPath())
        : mark_(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
        p_.setWorkingDirectory(workingDirectory);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LANG", "C");
        env.insert("LC_ALL", "C");
        env.insert("LOCKSTEP_TEST_MARK", mark_);
        p_.setProcessEnvironment(env);
        p_.start(QStringLiteral(LOCKSTEP_BINARY), args);
        p_.waitForStarted();
    }
    void interrupt() { ::kill(static_cast<pid_t>(p_.processId()), SIGINT); }
    // Waits until a run is under way: the runner and a child of it (both started with --lockstep-runner).
    bool waitForRun() {
        for (int i = 0; i < 600; ++i) {
            if (processesMarked(mark_).filter("--lockstep-runner").size() >= 2) return true;
            QTest::qWait(50);
        }
        return false;
    }
    Result finish() {
        Result r;
        // (It may have finished while the test waited in an event loop: then there is nothing to wait for.)
        if (p_.state() != QProcess::NotRunning && !p_.waitForFinished(300000)) {
            p_.kill();
            p_.waitForFinished();
            return r;
        }
        r.crashed = p_.exitStatus() != QProcess::NormalExit;
        r.code = r.crashed ? -1 : p_.exitCode();
        r.out = QString::fromUtf8(p_.readAllStandardOutput());
        r.err = QString::fromUtf8(p_.readAllStandardError());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        if (error.error == QJsonParseError::NoError) r.summary = doc.object();
        // What is left: the runner and its children die with Lockstep, but not at the same instant.
        for (int i = 0; i < 100 && !processesMarked(mark_).isEmpty(); ++i) QTest::qWait(50);
        left_ = processesMarked(mark_);
        return r;
    }
    const QStringList& left() const { return left_; }

private:
    QString mark_;
    QProcess p_;
    QStringList left_;
};

QString writeProgram(const QTemporaryDir& dir, const QString& name, const QString& text) {
    const QString path = dir.path() + "/" + name;
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(text.toUtf8());
    return path;
}

QString allText(const Result& r) {
    QString text = r.summary.value("message").toString();
    for (const auto& line : r.summary.value("output").toArray()) text += "\n" + line.toObject().value("text").toString();
    for (const auto& e : r.summary.value("errors").toArray())
        text += "\n" + e.toObject().value("type").toString() + ": " + e.toObject().value("message").toString();
    return text;
}

}  // namespace

class TestContainment : public QObject {
    Q_OBJECT

private slots:
    void misbehaviour_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("words");  // what the message, output or errors must say

        const QString thread = "import threading\n\ndef body():\n    %1\n\nt = threading.Thread(target=body, name='worker')\n"
                               "t.start()\nt.join()\nprint('main ended')\n";
        QTest::newRow("os._exit(3) in a thread")
            << thread.arg("import os; os._exit(3)") << "crashed"
            << QStringList{"exit code 3", "os._exit", "in thread worker", "at line 4"};
        QTest::newRow("a segmentation fault in a thread")
            << thread.arg("import faulthandler; faulthandler._sigsegv()") << "crashed"
            << QStringList{"the program crashed: SIGSEGV", "in thread worker", "at line 4"};
        QTest::newRow("os.abort()") << "import os\nprint('before')\nos.abort()\n" << "crashed"
                                    << QStringList{"SIGABRT", "in thread MainThread at line 3", "before"};
        QTest::newRow("ctypes.string_at(0)") << "import ctypes\nctypes.string_at(0)\n" << "finished"
                                             << QStringList{"not supported in a program run by Lockstep: ctypes"};
        QTest::newRow("signal.alarm(1)") << "import signal, time\nsignal.alarm(1)\ntime.sleep(2)\nprint('woke')\n"
                                         << "finished"
                                         << QStringList{"not supported in a program run by Lockstep: signal.alarm",
                                                        "threading.Timer"};
        QTest::newRow("os.kill(os.getpid(), SIGTERM)")
            << "import os, signal\nos.kill(os.getpid(), signal.SIGTERM)\nprint('alive')\n" << "finished"
            << QStringList{"not supported in a program run by Lockstep: os.kill", "threading.Event"};
        QTest::newRow("os.read on an empty pipe") << "import os\nr, w = os.pipe()\nprint('reading')\nos.read(r, 1)\n"
                                                  << "frozen"
                                                  << QStringList{"frozen in real code in thread MainThread at line 4",
                                                                 "reading"};
        QTest::newRow("sum(range(10**11))") << "x = 1\ntotal = sum(range(10**11))\n" << "frozen"
                                            << QStringList{"frozen in real code in thread MainThread at line 2"};
        QTest::newRow("a daemon thread stuck in real code at exit")
            << "import os, threading, time\nr, w = os.pipe()\n\ndef reader():\n    os.read(r, 1)\n\n"
               "threading.Thread(target=reader, daemon=True, name='reader').start()\ntime.sleep(1)\nprint('main done')\n"
            << "frozen" << QStringList{"frozen in real code in thread reader at line 5"};
        QTest::newRow("an endless atexit handler")
            << "import atexit\n\ndef forever():\n    while True:\n        pass\n\natexit.register(forever)\nprint('registered')\n"
            << "step-limit" << QStringList{"registered", "step limit"};
        QTest::newRow("os.system('sleep 300 &')") << "import os\nos.system('sleep 300 &')\n" << "finished"
                                                  << QStringList{"not supported in a program run by Lockstep: os.system",
                                                                 "multiprocessing.Process"};
        // Children of a program's own: whatever they do, the run goes on, says how each ended, and leaves none.
        const QString child = "import multiprocessing, os, time\n\ndef body():\n    %1\n\n"
                              "if __name__ == '__main__':\n    p = multiprocessing.Process(target=body%2)\n"
                              "    p.start()\n    p.join(0.01)\n    print('exitcode', p.exitcode)\n";
        QTest::newRow("a child that crashes") << child.arg("os.abort()", "") << "finished"
                                              << QStringList{"exitcode -6", "was killed by signal 6 (SIGABRT"};
        QTest::newRow("a child that exits at once") << child.arg("os._exit(4)", "") << "finished"
                                                    << QStringList{"exitcode 4"};
        QTest::newRow("a daemon child computing for ever at the end")
            << child.arg("while True: pass", ", daemon=True") << "finished" << QStringList{"exitcode None"};
        QTest::newRow("a child that starts a thread")
            << child.arg("import threading; threading.Thread(target=print).start()", "") << "finished"
            << QStringList{"exitcode 1", "not supported yet: starting a thread in a child process"};
        QTest::newRow("subprocess.run") << "import subprocess\nsubprocess.run(['sleep', '300'])\n" << "finished"
                                        << QStringList{"not supported in a program run by Lockstep: subprocess"};
        QTest::newRow("os.posix_spawn") << "import os\nos.posix_spawn('/bin/sleep', ['sleep', '300'], {})\n"
                                        << "finished"
                                        << QStringList{"not supported in a program run by Lockstep: os.posix_spawn"};
        QTest::newRow("os.fork()") << "import os\npid = os.fork()\nprint('forked', pid)\n" << "finished"
                                   << QStringList{"not supported in a program run by Lockstep: os.fork"};
        QTest::newRow("import _socket") << "import _socket\ns = _socket.socket()\n" << "finished"
                                        << QStringList{"not supported in a program run by Lockstep: sockets",
                                                       "queue.Queue"};
        QTest::newRow("socket.socketpair") << "import socket\na, b = socket.socketpair()\n" << "finished"
                                           << QStringList{"not supported in a program run by Lockstep: sockets"};
        QTest::newRow("running out of memory") << "data = bytearray(10**13)\n" << ""
                                               << QStringList{"MemoryError"};
    }

    void misbehaviour() {
        QFETCH(QString, program);
        QFETCH(QString, status);
        QFETCH(QStringList, words);
        QTemporaryDir dir;
        const QString path = writeProgram(dir, "prog.py", program);
        Lockstep lockstep({"run", path, "--summary", "--policy", "rr", "--freeze-limit", "1", "--max-steps", "20000"});
        const Result r = lockstep.finish();
        QVERIFY2(!r.crashed, qPrintable(r.err));
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.summary.isEmpty(), qPrintable("not JSON: " + r.out.left(500) + r.err.left(500)));
        if (!status.isEmpty()) QCOMPARE(r.summary.value("status").toString(), status);
        const QString text = allText(r);
        for (const QString& w : words) QVERIFY2(text.contains(w), qPrintable("no '" + w + "' in: " + text));
        QVERIFY2(lockstep.left().isEmpty(), qPrintable("left running: " + lockstep.left().join("; ")));
    }

    // --sandbox: the program cannot write outside its scratch directory (its working directory) nor reach a local
    // port, and says so itself; without it, the same program writes where it likes, sees the machine's network
    // interfaces, and is refused sockets by Lockstep as before.
    void sandbox_data() {
        QTest::addColumn<bool>("sandboxed");
        QTest::newRow("sandbox") << true;
        QTest::newRow("no sandbox") << false;
    }

    void sandbox() {
        QFETCH(bool, sandboxed);
        std::string why;
        if (sandboxed && !lockstep::python::sandboxAvailable(&why)) QSKIP(why.c_str());
        QTemporaryDir dir;
        const QString outside = dir.path() + "/outside.txt";
        // A port that listens on this machine: nothing may connect to it from a sandboxed program.
        const int server = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QVERIFY(::bind(server, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        QVERIFY(::listen(server, 4) == 0);
        socklen_t length = sizeof address;
        ::getsockname(server, reinterpret_cast<sockaddr*>(&address), &length);
        const int port = ntohs(address.sin_port);
        const QString program = QStringLiteral(R"py(import os
try:
    with open(%1, 'w') as f:
        f.write('x')
    print('wrote outside')
except OSError as e:
    print('cannot write outside:', e.strerror)
with open('scratch.txt', 'w') as f:
    f.write('y')
print('wrote in the working directory')
print('working directory:', os.getcwd())
with open('/proc/net/dev') as f:
    names = sorted(line.split(':')[0].strip() for line in f.readlines()[2:])
print('interfaces:', 'only lo' if names == ['lo'] else 'more than lo')
import socket
try:
    socket.create_connection(('127.0.0.1', %2), timeout=1)
    print('connected')
except Exception as e:
    print('no connection:', e)
)py")
                                    .arg("'" + outside + "'")
                                    .arg(port);
        const QString path = writeProgram(dir, "prog.py", program);
        QStringList args{"run", path, "--summary"};
        if (sandboxed) args << "--sandbox";
        Lockstep lockstep(args, dir.path());
        const Result r = lockstep.finish();
        sockaddr_in peer{};
        socklen_t peerLength = sizeof peer;
        const int accepted = ::accept(server, reinterpret_cast<sockaddr*>(&peer), &peerLength);
        if (accepted >= 0) ::close(accepted);
        ::close(server);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.summary.value("status").toString(), QString("finished"));
        const QString text = allText(r);
        QVERIFY2(accepted < 0, "the program reached the local port");
        QVERIFY2(text.contains("no connection: not supported in a program run by Lockstep: sockets"), qPrintable(text));
        QVERIFY2(text.contains("wrote in the working directory"), qPrintable(text));
        if (sandboxed) {
            QVERIFY2(text.contains("cannot write outside: Read-only file system"), qPrintable(text));
            QVERIFY(!QFile::exists(outside));
            QVERIFY2(text.contains("interfaces: only lo"), qPrintable(text));
            // The scratch directory, with what the program wrote in it, goes when Lockstep ends.
            const QRegularExpressionMatch cwd = QRegularExpression("working directory: (\\S+)").match(text);
            QVERIFY2(cwd.hasMatch() && cwd.captured(1).startsWith("/tmp/lockstep-scratch-"), qPrintable(text));
            QVERIFY2(!QFileInfo::exists(cwd.captured(1)), qPrintable(cwd.captured(1) + " was left behind"));
        } else {
            QVERIFY2(text.contains("wrote outside"), qPrintable(text));
            QVERIFY(QFile::exists(outside));
        }
        QVERIFY2(lockstep.left().isEmpty(), qPrintable("left running: " + lockstep.left().join("; ")));
    }

    // Ctrl+C stops a run at its next scheduling point (a run frozen in real code is ended), prints what the run
    // did, and exits 130; a second Ctrl+C exits at once, with 130 too. explore stops after the run in progress.
    void interrupt_data() {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("presses");
        const QString endless = "count = 0\nwhile True:\n    count += 1\n";
        const QString frozen = "import os\nr, w = os.pipe()\nos.read(r, 1)\n";
        QTest::newRow("run, a busy loop") << endless << "run" << 1;
        QTest::newRow("run, frozen in real code") << frozen << "run" << 1;
        QTest::newRow("run, twice") << frozen << "run" << 2;
        QTest::newRow("explore") << endless << "explore" << 1;
        QTest::newRow("explore, twice") << frozen << "explore" << 2;
    }

    void interrupt() {
        QFETCH(QString, program);
        QFETCH(QString, command);
        QFETCH(int, presses);
        QTemporaryDir dir;
        const QString path = writeProgram(dir, "prog.py", program);
        QStringList args{command, path, "--max-steps", "10000000", "--freeze-limit", "600"};
        if (command == "run") args << "--summary";
        else args << "--strategy" << "random" << "--runs" << "1000";
        Lockstep lockstep(args);
        QVERIFY(lockstep.waitForRun());
        QTest::qWait(500);  // and the program is in its loop (or its blocking call)
        for (int i = 0; i < presses; ++i) {
            lockstep.interrupt();
            QTest::qWait(200);
        }
        const Result r = lockstep.finish();
        QVERIFY2(!r.crashed, qPrintable("Lockstep died: " + r.err + r.out.left(300)));
        QCOMPARE(r.code, 130);  // interrupted, as a shell expects of Ctrl+C
        if (presses == 1) {
            QVERIFY2(r.err.contains("interrupted"), qPrintable(r.err));
            if (command == "run") QCOMPARE(r.summary.value("status").toString(), QString("aborted"));
        }
        QVERIFY2(lockstep.left().isEmpty(), qPrintable("left running: " + lockstep.left().join("; ")));
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestContainment)
#undef main
#include "common/TestMain.h"
LOCKSTEP_CHILD_AWARE_MAIN()

#include "tst_containment.moc"
