// The runner process and its children. The runner is this binary started with --lockstep-runner: a single
// thread that starts the interpreter, runs the bootstrap (threading, time, asyncio... patched and imported),
// sets the limits, and then only forks: one child per run. Forking a single-threaded process is safe, and the
// child starts with the interpreter ready and every module fresh, in about a millisecond.
//
// A run's child runs the program under an engine of its own (real threads, one at a time) and is driven by
// Lockstep over its socket (see RunnerProtocol.h); its trace goes back through shared memory as it is written
// (TraceLog). The child is the leader of a process group of its own, dies with the runner, and the runner
// kills the whole group when the run is reaped; the runner is also the subreaper of anything the program
// managed to start, and kills such orphans.

#include <dirent.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <set>
#include <thread>

#include "Bridge.h"
#include "RunnerProtocol.h"
#include "TraceLog.h"
#include "lockstep/python/Program.h"
#include "lockstep/python/Runner.h"

namespace lockstep::python {

namespace {

constexpr int kControlFd = 3;

// ---------------------------------------------------------------------------------------------------------
// what a program may not do

// The audit hook refuses, with a message that says what to use instead, every way out of the scheduler's
// control that CPython announces: child processes, signals, sockets, foreign code, and raising the limits.
const char* refusal(const char* event) {
    static const std::string processes =
        " (it would start a process that runs outside the scheduler and could outlive the run); start a "
        "multiprocessing.Process instead, which Lockstep runs as a real child process under the scheduler";
    static const std::string signals =
        " (a signal would reach the process that runs your program, not one of its threads); to stop a thread, let "
        "it check a threading.Event";
    static const std::string sockets =
        " (a real network wait would happen outside the scheduler); pass data between threads with queue.Queue";
    struct Rule {
        const char* event;
        const char* what;
        const std::string* why;
    };
    static const std::string limits = " (the runner's limits keep a program from taking Lockstep down)";
    static const std::string foreign =
        " (foreign code can write anywhere in memory and crash the run); use Python's own types, e.g. a list or "
        "bytearray";
    static const Rule rules[] = {
        {"os.system", "os.system", &processes},        {"os.posix_spawn", "os.posix_spawn", &processes},
        {"os.posix_spawnp", "os.posix_spawnp", &processes}, {"os.fork", "os.fork", &processes},
        {"os.forkpty", "os.forkpty", &processes},      {"os.exec", "os.exec*", &processes},
        {"os.spawn", "os.spawn*", &processes},         {"subprocess.Popen", "subprocess", &processes},
        {"os.startfile", "os.startfile", &processes},  {"pty.spawn", "pty.spawn", &processes},
        {"os.kill", "os.kill", &signals},              {"os.killpg", "os.killpg", &signals},
        {"signal.pthread_kill", "signal.pthread_kill", &signals},
        {"socket.__new__", "sockets", &sockets},       {"socket.connect", "sockets", &sockets},
        {"socket.bind", "sockets", &sockets},
        {"resource.setrlimit", "resource.setrlimit", &limits}, {"resource.prlimit", "resource.prlimit", &limits},
        {"ctypes.dlopen", "ctypes", &foreign},         {"ctypes.dlsym", "ctypes", &foreign},
        {"ctypes.string_at", "ctypes", &foreign},      {"ctypes.cdata", "ctypes", &foreign},
    };
    thread_local std::string message;
    for (const Rule& r : rules)
        if (std::strcmp(event, r.event) == 0) {
            message = std::string("not supported in a program run by Lockstep: ") + r.what + *r.why;
            return message.c_str();
        }
    return nullptr;
}

int auditHook(const char* event, PyObject*, void*) {
    // Cheap for the many events that are none of these (open, import, compile, sys._getframe...).
    if (event[0] != 'o' && event[0] != 's' && event[0] != 'r' && event[0] != 'c' && event[0] != 'p') return 0;
    if (const char* why = refusal(event)) {
        PyErr_SetString(PyExc_RuntimeError, why);
        return -1;
    }
    return 0;
}

// Limits the runner and its children live under: no core dumps of a crashed program, a bounded number of
// open files, and (outside a sanitizer build, whose shadow memory is itself huge) a bound on memory, so a
// runaway allocation ends in MemoryError instead of in the machine's out-of-memory killer. The sandbox's are
// tighter, and also bound file sizes and processes.
void applyLimits(bool sandbox) {
    auto set = [](int resource, rlim_t value) {
        rlimit r{};
        if (::getrlimit(resource, &r) != 0) return;
        r.rlim_cur = std::min(value, r.rlim_max);
        ::setrlimit(resource, &r);
    };
    set(RLIMIT_CORE, 0);
    set(RLIMIT_NOFILE, sandbox ? 256 : 1024);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    set(RLIMIT_DATA, sandbox ? (rlim_t{2} << 30) : (rlim_t{8} << 30));
#endif
    if (sandbox) {
        set(RLIMIT_FSIZE, rlim_t{64} << 20);
        set(RLIMIT_NPROC, 1024);
    }
    // Each of the program's threads runs on a worker thread of the run's engine; 4 MB is plenty of C stack for
    // Python (and lets a thousand threads fit in the memory bound).
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) == 0) {
        pthread_attr_setstacksize(&attr, std::size_t{4} << 20);
        pthread_setattr_default_np(&attr);
        pthread_attr_destroy(&attr);
    }
}

// ---------------------------------------------------------------------------------------------------------
// a run's child

// The explorer's policies (depth-first, PCT) live in Lockstep's process: each decision is asked there.
// The run's silent reads and touches from `silentFrom` and `touchFrom` on (see RunnerProtocol.h).
void putFacts(wire::Out& o, const Execution& ex, std::size_t silentFrom, std::size_t touchFrom) {
    const auto& silent = ex.silentReads();
    o.u32(static_cast<std::uint32_t>(silent.size() - silentFrom));
    for (std::size_t i = silentFrom; i < silent.size(); ++i) o.u64(silent[i].decisions).u32(silent[i].object);
    const auto& touches = ex.touches();
    o.u32(static_cast<std::uint32_t>(touches.size() - touchFrom));
    for (std::size_t i = touchFrom; i < touches.size(); ++i) o.u64(touches[i].decisions).u64(touches[i].thing).u8(touches[i].write);
}

class RemotePolicy final : public Policy {
public:
    RemotePolicy(int fd, TraceLogWriter& log, const Execution& ex, bool preemptive, PolicyKind kind, bool touches)
        : fd_(fd), log_(log), ex_(ex), preemptive_(preemptive), kind_(kind), touches_(touches) {}
    ActorId pick(const DecisionContext& ctx) override {
        log_.flush();
        wire::Out o;
        o.u8(static_cast<std::uint8_t>(Msg::Pick)).u32(static_cast<std::uint32_t>(ctx.candidates.size()));
        for (ActorId a : ctx.candidates) o.u16(a);
        o.u16(ctx.current).u8(ctx.currentRunnable).u8(ctx.yielding).u32(ctx.step).u64(ctx.randomDraws);
        putFacts(o, ex_, silentSent_, touchesSent_);
        silentSent_ = ex_.silentReads().size();
        touchesSent_ = ex_.touches().size();
        std::string answer;
        if (!wire::writeMessage(fd_, o.bytes) || !wire::readMessage(fd_, answer)) ::_exit(0);  // Lockstep is gone
        wire::In in(answer);
        in.u8();
        return in.u16();
    }
    bool preemptive() const override { return preemptive_; }
    PolicyKind kind() const override { return kind_; }
    bool wantsTouches() const override { return touches_; }

private:
    int fd_;
    TraceLogWriter& log_;
    const Execution& ex_;
    bool preemptive_;
    PolicyKind kind_;
    bool touches_;
    std::size_t silentSent_ = 0;
    std::size_t touchesSent_ = 0;
};

// The index-th CPU (counting round) of those this process may run on, or -1 when that cannot be told.
int allowedCpu(int index) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (index < 0 || ::sched_getaffinity(0, sizeof set, &set) != 0) return -1;
    const int count = CPU_COUNT(&set);
    if (count <= 0) return -1;
    for (int cpu = 0, seen = 0; cpu < CPU_SETSIZE; ++cpu)
        if (CPU_ISSET(cpu, &set) && seen++ == index % count) return cpu;
    return -1;
}

[[noreturn]] void runChild(int fd) {
    std::string message;
    if (!wire::readMessage(fd, message)) ::_exit(0);
    wire::In setup(message);
    if (static_cast<Msg>(setup.u8()) != Msg::Setup) ::_exit(1);
    const RunConfig config = getConfig(setup);
    const std::string path = setup.str();
    const std::string source = setup.str();
    const bool remotePolicy = setup.u8() != 0;
    bool preemptive = true;
    PolicyKind kind = PolicyKind::RoundRobin;
    bool touches = false;
    if (remotePolicy) {
        preemptive = setup.u8() != 0;
        kind = static_cast<PolicyKind>(setup.u8());
        touches = setup.u8() != 0;
    }
    const int cpu = static_cast<int>(setup.i64());
    bool bytecode = false;
    for (const auto& [k, v] : config.params)
        if (k == kBytecodeParam) bytecode = v != 0;

    // Never destroyed: the process ends with _exit() once the run is over, threads and all.
    auto* trace = new Trace;
    auto* log = new TraceLogWriter(*trace);
    trace->setListener(log);
    auto* pool = new WorkerPool;
    // The run's threads take turns, one at a time: on one core a hand-over is a plain switch (~2 us), across
    // cores a wake-up of a sleeping core (~10 us and an idle core meanwhile); so they all keep to one core,
    // the cpu-th of those this process may use (runs at the same time are given different ones).
    pool->pinTo(allowedCpu(cpu));
    auto* ex = new Execution(*pool, *trace, config, [path, source, bytecode, remotePolicy] {
        runProgram(path, source, bytecode, !remotePolicy);  // an explorer's run: no frame locals
    });
    if (remotePolicy) ex->usePolicy(std::make_unique<RemotePolicy>(fd, *log, *ex, preemptive, kind, touches));
    log->pauseThrough(ex);
    {
        wire::Out o;
        o.u8(static_cast<std::uint8_t>(Msg::Ready));
        if (!wire::writeMessageWithFd(fd, o.bytes, log->fd())) ::_exit(0);
    }
    // The actors take the interpreter in turn; this thread only drives.
    PyEval_SaveThread();

    for (;;) {
        if (!wire::readMessage(fd, message) || message.empty()) ::_exit(0);
        wire::In in(message);
        switch (static_cast<Msg>(in.u8())) {
            case Msg::Advance: {
                StopRequest r;
                r.untilStep = in.u32();
                r.onDeadlock = in.u8() != 0;
                r.breakObject = in.u32();
                r.breakActor = in.u16();
                const StopInfo stop = ex->advance(r);
                log->flush();
                wire::Out o;
                o.u8(static_cast<std::uint8_t>(Msg::Stopped)).u8(static_cast<std::uint8_t>(stop.reason)).u32(stop.step).u8(
                    ex->ended());
                const auto& candidates = ex->ended() ? std::vector<ActorId>{} : ex->pendingCandidates();
                o.u32(static_cast<std::uint32_t>(candidates.size()));
                for (ActorId a : candidates) o.u16(a);
                if (ex->ended()) {
                    o.u64(ex->randomDraws());
                    putFacts(o, *ex, 0, 0);
                }
                if (!wire::writeMessage(fd, o.bytes)) ::_exit(0);
                break;
            }
            case Msg::Choose: ex->chooseNext(in.u16()); break;
            case Msg::Teardown: {
                // A run that ended has its final trace: its threads need no unwinding, the process ends. One
                // stopped in the middle unwinds first (its status becomes aborted, as in Lockstep's process).
                if (!ex->ended()) ex->teardown();
                log->flush();
                wire::Out o;
                o.u8(static_cast<std::uint8_t>(Msg::Done)).u64(ex->randomDraws()).u32(
                    static_cast<std::uint32_t>(ex->silentReads().size()));
                for (const SilentRead& r : ex->silentReads()) o.u64(r.decisions).u32(r.object);
                wire::writeMessage(fd, o.bytes);
                ::_exit(0);
            }
            default: ::_exit(1);
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// the runner

std::set<pid_t> gRuns;       // the run children not reaped yet
std::set<pid_t> gForgotten;  // run children killed after their run, reaped when they are gone

void reapForgotten() {
    for (auto it = gForgotten.begin(); it != gForgotten.end();) {
        if (::waitpid(*it, nullptr, WNOHANG) == *it) it = gForgotten.erase(it);
        else ++it;
    }
}

// Everything this process has as a child that is not a live run: a process the program started that
// outlived its parent (the runner is the subreaper) is killed and reaped.
void killOrphans() {
    std::set<pid_t> children;
    if (DIR* d = ::opendir("/proc/self/task")) {
        while (dirent* e = ::readdir(d)) {
            if (e->d_name[0] == '.') continue;
            const std::string file = std::string("/proc/self/task/") + e->d_name + "/children";
            if (FILE* f = std::fopen(file.c_str(), "r")) {
                long pid;
                while (std::fscanf(f, "%ld", &pid) == 1) children.insert(static_cast<pid_t>(pid));
                std::fclose(f);
            }
        }
        ::closedir(d);
    }
    for (pid_t pid : children)
        if (!gRuns.count(pid) && !gForgotten.count(pid)) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    reapForgotten();
}

void reply(const wire::Out& o) {
    if (!wire::writeMessage(kControlFd, o.bytes)) ::_exit(0);
}

void forkRun(int runFd) {
    PyOS_BeforeFork();
    const pid_t runner = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        PyOS_AfterFork_Child();
        ::setpgid(0, 0);  // its own group: everything it starts is killed with it
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != runner) ::_exit(1);
        ::close(kControlFd);
        runChild(runFd);
    }
    PyOS_AfterFork_Parent();
    ::close(runFd);
    wire::Out o;
    if (pid < 0) {
        o.u8(static_cast<std::uint8_t>(Msg::Failed)).str(std::string("fork failed: ") + std::strerror(errno));
    } else {
        ::setpgid(pid, pid);  // (also here, so the group exists before the parent kills it, whoever runs first)
        gRuns.insert(pid);
        o.u8(static_cast<std::uint8_t>(Msg::Forked)).i64(pid);
    }
    reply(o);
}

void reapRun(pid_t pid, bool kill) {
    int status = 0;
    bool reaped = false;
    if (kill) {
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
    } else {
        // It said it is done (or closed its socket by dying): it ends at once; one that lingers is killed.
        for (int waited = 0; waited < 2000; ++waited) {
            const pid_t r = ::waitpid(pid, &status, WNOHANG);
            if (r == pid) {
                reaped = true;
                break;
            }
            if (r < 0 && errno != EINTR) break;
            std::this_thread::sleep_for(std::chrono::microseconds(waited < 100 ? 20 : 1000));
        }
        if (!reaped) ::kill(-pid, SIGKILL), ::kill(pid, SIGKILL);
    }
    if (!reaped) {
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    ::kill(-pid, SIGKILL);  // whatever is left of its process group
    gRuns.erase(pid);
    killOrphans();
    wire::Out o;
    o.u8(static_cast<std::uint8_t>(Msg::Reaped)).u8(WIFEXITED(status)).i64(WIFEXITED(status) ? WEXITSTATUS(status) : 0).i64(
        WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    reply(o);
}

}  // namespace

int runRunnerIfRequested(int argc, char** argv) {
    if (argc < 4 || std::strcmp(argv[1], "--lockstep-runner") != 0) return -1;
    // Die with Lockstep (a parent that died before this line is caught by the check after it).
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const long long parent = std::atoll(argv[2]);
    if (parent != 0 && ::getppid() != parent) return 1;
    const bool sandbox = std::strcmp(argv[3], "sandbox") == 0;
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    std::signal(SIGINT, SIG_IGN);  // Ctrl+C is Lockstep's; the runs stop when it says so
    std::signal(SIGPIPE, SIG_IGN);
    applyLimits(sandbox);

    std::string error;
    if (!startInterpreter(error)) {
        std::fprintf(stderr, "lockstep runner: %s\n", error.c_str());
        return 1;
    }
    error = prepareBootstrap();
    if (!error.empty()) {
        std::fprintf(stderr, "lockstep runner: %s\n", error.c_str());
        return 1;
    }
    PySys_AddAuditHook(auditHook, nullptr);

    // The GIL stays with this thread: it is the only one, and forking needs it held.
    for (;;) {
        std::string message;
        int fd = -1;
        if (!wire::readMessageWithFd(kControlFd, message, fd) || message.empty()) break;
        wire::In in(message);
        switch (static_cast<Msg>(in.u8())) {
            case Msg::Fork:
                if (fd >= 0) forkRun(fd);
                else reply(wire::Out().u8(static_cast<std::uint8_t>(Msg::Failed)).str("no socket came with the request"));
                break;
            case Msg::Reap: {
                const auto pid = static_cast<pid_t>(in.i64());
                const bool kill = in.u8() != 0;
                reapRun(pid, kill);
                break;
            }
            case Msg::Forget: {
                const auto pid = static_cast<pid_t>(in.i64());
                ::kill(-pid, SIGKILL);
                ::kill(pid, SIGKILL);
                gRuns.erase(pid);
                gForgotten.insert(pid);
                killOrphans();  // anything its program started outside its group goes too
                reply(wire::Out().u8(static_cast<std::uint8_t>(Msg::Forgotten)));
                break;
            }
            case Msg::Check: {
                const std::string path = in.str();
                const std::string source = in.str();
                reply(wire::Out().u8(static_cast<std::uint8_t>(Msg::Checked)).str(compileError(path, source)));
                break;
            }
            default:
                if (fd >= 0) ::close(fd);
                break;
        }
    }
    // Lockstep closed the runner: nothing it started may outlive it.
    for (pid_t pid : gRuns) ::kill(-pid, SIGKILL), ::kill(pid, SIGKILL);
    gRuns.clear();
    for (pid_t pid : gForgotten) ::waitpid(pid, nullptr, 0);
    gForgotten.clear();
    killOrphans();
    ::_exit(0);
}

}  // namespace lockstep::python
