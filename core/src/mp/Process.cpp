// multiprocessing.Process: spawning the child, and the stand-in actor that relays its scheduling points.

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include "lockstep/Execution.h"
#include "lockstep/ThreadObject.h"
#include "lockstep/mp/Detail.h"
#include "lockstep/mp/Multiprocessing.h"

extern char** environ;

namespace lockstep::mp {

namespace {

std::atomic<long long> gChildTimeoutMs{10'000};

struct OSError : PyError {
    explicit OSError(const std::string& m) : PyError("OSError", m) {}
};

std::string signalText(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    const char* desc = sigdescr_np(sig);
    std::string s = "signal " + std::to_string(sig);
    if (abbrev) s += std::string(" (SIG") + abbrev + (desc ? std::string(", ") + desc : std::string()) + ")";
    return s;
}

}  // namespace

void setChildTimeout(std::chrono::milliseconds timeout) { gChildTimeoutMs.store(timeout.count()); }

// The engine side of a Process: a thread object (its actor is the child's stand-in; joiners wait here) plus
// the child itself. The child is killed and reaped at the latest when this object dies with its run.
class ProcessObject final : public ThreadObject {
public:
    // SIGTERM, as Python ends a daemonic child at exit: the child waits in recv() and dies at once (one that
    // does not is killed after a bounded wait).
    ~ProcessObject() override { reap(SIGTERM); }
    // A child whose stand-in never ran (the run ended first) has no one else to reap it.
    void afterRun() override { reap(SIGTERM); }

    Target target = nullptr;
    std::string targetName;
    Args args;
    pid_t pid = 0;
    int socket = -1;
    bool reaped = false;
    bool signalled = false;  // terminate() or kill() was called
    std::optional<int> exitcode;

    // Wait for the child to end (sending it `signal` first, unless 0), close its socket, and return its exit code
    // in Python's convention: the code it passed to exit(), or -N when signal N ended it.
    int reap(int signal) {
        if (socket >= 0) {
            ::close(socket);
            socket = -1;
        }
        if (pid <= 0 || reaped) return exitcode.value_or(0);
        if (signal) ::kill(pid, signal);
        int status = 0;
        // A child that sent its exit message ends at once; one that hangs is killed after a bounded wait.
        for (int waited = 0;; ++waited) {
            const pid_t r = ::waitpid(pid, &status, WNOHANG);
            if (r == pid) break;
            if (r < 0 && errno != EINTR) {
                status = 0;
                break;
            }
            if (waited == 2000) ::kill(pid, SIGKILL);  // ~2 s
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        reaped = true;
        detail::noteChild(pid, false);
        const int code = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
        exitcode = code;
        return code;
    }
};

namespace {

// posix_spawn of this very binary in its worker mode, with one end of a socketpair as fd 3. Never fork():
// the scheduler's process has many threads, and a forked copy would hold their locks forever.
void spawnChild(ProcessObject& p) {
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        throw OSError(std::string("socketpair failed: ") + std::strerror(errno));
    int childEnd = sv[1];
    if (childEnd == 3) {  // dup2(3, 3) would keep close-on-exec set
        childEnd = ::fcntl(sv[1], F_DUPFD_CLOEXEC, 10);
        ::close(sv[1]);
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, childEnd, 3);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none;
    sigset_t all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    const std::string parent = std::to_string(::getpid());
    std::string arg0 = "lockstep";
    std::string flag = "--lockstep-process";
    std::string name = p.name;
    std::string parentArg = parent;
    char* argv[] = {arg0.data(), flag.data(), name.data(), parentArg.data(), nullptr};
    pid_t pid = 0;
    // /proc/self/exe is resolved in the child before exec, where it is still this program.
    const int rc = ::posix_spawn(&pid, "/proc/self/exe", &actions, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(childEnd);
    if (rc != 0) {
        ::close(sv[0]);
        throw OSError(std::string("could not start a child process: ") + std::strerror(rc));
    }
    p.pid = pid;
    p.socket = sv[0];
    detail::noteChild(pid, true);
}

enum class Read { Message, Closed, TimedOut };

Read readRequest(int fd, Obj& message) {
    const long long timeoutMs = gChildTimeoutMs.load();
    pollfd pfd{fd, POLLIN, 0};
    int rc;
    do rc = ::poll(&pfd, 1, static_cast<int>(timeoutMs));
    while (rc < 0 && errno == EINTR);
    if (rc == 0) return Read::TimedOut;
    if (rc < 0) return Read::Closed;
    try {
        return detail::readMessage(fd, message) ? Read::Message : Read::Closed;
    } catch (const std::runtime_error&) {
        return Read::Closed;  // a malformed message: treat the child as broken
    }
}

// The body of a process's actor in the scheduler's process: hand the child its target, then carry out each
// of its requests on this actor (the request's step and scheduling point are this actor's), answering when
// the actor holds the baton again. The child runs only while this actor holds the baton and waits here.
void relay(const std::shared_ptr<ProcessObject>& p) {
    Execution& ex = Execution::current();
    const ActorId me = ex.self();
    // Killed and reaped on any way out, AbortRun included: nothing is left running.
    struct Reaper {
        ProcessObject& p;
        ~Reaper() { p.reap(SIGTERM); }
    } reaper{*p};

    bool exited = false;
    bool timedOut = false;
    int code = 0;
    std::string error;
    try {
        if (!p->signalled && detail::writeMessage(p->socket, Obj(List{p->targetName, Obj(p->args)}))) {
            for (;;) {
                Obj request;
                const Read r = readRequest(p->socket, request);
                if (r == Read::Closed) break;
                if (r == Read::TimedOut) {
                    timedOut = true;
                    break;
                }
                const List& items = request.items();
                const auto call = static_cast<detail::Call>(items.at(0).asInt());
                ex.setLine(me, static_cast<std::uint16_t>(items.at(1).asInt()));
                const Args args(items.begin() + 2, items.end());
                if (call == detail::Call::Exit) {
                    exited = true;
                    code = static_cast<int>(args.at(0).asInt());
                    if (!args.at(1).isNone()) error = args.at(1).asStr();
                    break;
                }
                if (call == detail::Call::MapShared) {
                    detail::Served& s = detail::table(ex).at(args.at(0).handle().id);
                    detail::writeMessage(p->socket, Obj(List{0, static_cast<long long>(s.memorySize())}));
                    detail::sendFd(p->socket, s.memoryFd());
                    continue;
                }
                Obj reply;
                try {
                    reply = Obj(List{0, detail::perform(call, args)});
                } catch (const PyError& e) {
                    reply = Obj(List{1, e.type(), std::string(e.what())});
                }
                if (!detail::writeMessage(p->socket, reply)) break;
            }
        }
    } catch (const ProcessInterrupted&) {
        // terminate()/kill() signalled the child while this actor waited: reap it below.
    }

    ex.beginStep();
    if (timedOut) {
        ex.record(me, Op::Print, kNoObject, Result::Ok,
                  ex.text(p->name + " (pid " + std::to_string(p->pid) + ") did not reach a scheduling point within " +
                          std::to_string(gChildTimeoutMs.load() / 1000.0).substr(0, 4) +
                          " s of real time; it was killed"),
                  TraceEvent::ArgIsString | TraceEvent::ToStderr);
    }
    const int status = p->reap(timedOut ? SIGKILL : 0);
    if (!exited) code = status;
    p->exitcode = code;
    if (!error.empty()) {
        // What Python prints on the child's stderr when its target raises.
        ex.record(me, Op::Print, kNoObject, Result::Ok, ex.text("Process " + p->name + ":\n" + error),
                  TraceEvent::ArgIsString | TraceEvent::ToStderr);
    } else if (!exited && !p->signalled && !timedOut) {
        // It ended without its exit message: it crashed or was killed from outside.
        const std::string how = code < 0 ? "was killed by " + signalText(-code) : "exited with code " + std::to_string(code);
        ex.record(me, Op::Print, kNoObject, Result::Ok,
                  ex.text(p->name + " (pid " + std::to_string(p->pid) + ") " + how),
                  TraceEvent::ArgIsString | TraceEvent::ToStderr);
    }
    ex.record(me, Op::Exit, p->id(), code == 0 ? Result::Ok : Result::Error, code);
    // A child ended by terminate()/kill() ended as asked (Killed); a crash or a non-zero exit is an error.
    ex.setExitCode(me, code, p->signalled && code < 0);
}

}  // namespace

Process::Process(Target target, Args args, ProcessOptions options) {
    if (inChildProcess()) throw RuntimeError("not supported yet: starting a process from a child process");
    Execution& ex = Execution::current();
    const bool forked = options.forkedPid > 0;
    const char* name = forked ? "" : targetName(target);
    if (!name)
        throw PyError("_pickle.PicklingError",
                      "Can't pickle the target: a process target must be a function registered with "
                      "LOCKSTEP_PROCESS_TARGET (the child finds it by name, as Python's spawn does)");
    object_ = std::make_shared<ProcessObject>();
    object_->target = target;
    object_->targetName = name;
    object_->args = std::move(args);
    object_->daemon = options.daemon;
    if (forked) {
        object_->pid = static_cast<pid_t>(options.forkedPid);
        object_->socket = options.forkedSocket;
        detail::noteChild(object_->pid, true);
    }
    detail::Table& table = detail::table(ex);
    object_->name = options.name.empty() ? "Process-" + std::to_string(++table.processCounter) : options.name;
    ex.registerObject(object_, ObjectKind::Process, object_->name);
}

void Process::start() {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    if (object_->started) ex.raise(me, object_->id(), PyError("AssertionError", "cannot start a process twice"));
    try {
        if (object_->pid == 0) spawnChild(*object_);
    } catch (const PyError& e) {
        ex.raise(me, object_->id(), e);
    }
    object_->started = true;
    auto object = object_;
    object_->actor = ex.spawnProcess(*object_, [object] { relay(object); }, object_->name, object_->daemon,
                                     object_->pid);
    ex.record(me, Op::Start, object_->id(), Result::Ok, object_->actor);
    ex.yieldPoint(me);
}

void Process::join(Timeout timeout) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    if (!object_->started) ex.raise(me, object_->id(), PyError("AssertionError", "can only join a started process"));
    object_->joinIn(me, timeout);
}

bool Process::is_alive() const {
    object_->noteRead();
    return object_->started && !object_->finished;
}

std::optional<int> Process::exitcode() const {
    object_->noteRead();
    return object_->finished ? object_->exitcode : std::nullopt;
}

std::int64_t Process::pid() const { return object_->pid; }
const std::string& Process::name() const { return object_->name; }
bool Process::daemon() const { return object_->daemon; }
ObjectId Process::objectId() const { return object_->id(); }
ActorId Process::actor() const { return object_->actor; }

void Process::terminate() { signal(SIGTERM); }
void Process::kill() { signal(SIGKILL); }

void Process::signal(int number) {
    Execution& ex = Execution::current();
    const ActorId me = ex.enter();
    if (me == kNoActor) return;
    ex.beginStep();
    // Python: a no-op on a process that has ended; on one never started, its Popen is None.
    if (!object_->started)
        ex.raise(me, object_->id(), PyError("AttributeError", "'NoneType' object has no attribute 'terminate'"));
    if (!object_->finished && !object_->reaped) {
        // A real signal: the child dies now (it waits for its answer in recv), and its actor stops waiting
        // for whatever it waited on, to reap it when it next runs.
        ::kill(object_->pid, number);
        object_->signalled = true;
        ex.record(me, Op::Signal, object_->id(), Result::Ok, number);
        ex.interrupt(object_->actor);
    } else {
        ex.record(me, Op::Signal, object_->id(), Result::Failed, number);
    }
    ex.yieldPoint(me);
}

}  // namespace lockstep::mp
