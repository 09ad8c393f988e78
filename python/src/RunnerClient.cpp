// Lockstep's side of the runner: starting it (plain, or under bubblewrap for the sandbox), asking it to fork a
// run's child and to reap it, and RemoteRun, which drives one such child as the controller drives an
// Execution and replays its trace into this process's Trace.

#include "RunnerClient.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

#include "RunnerProtocol.h"
#include "lockstep/PyError.h"

extern char** environ;

namespace lockstep::python {

namespace {

std::mutex gSettingsMutex;
RunnerSettings gSettings;

std::string exePath() {
    char buf[4096];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return "/proc/self/exe";
    return std::string(buf, static_cast<std::size_t>(n));
}

const char* kBwrap = "/usr/bin/bwrap";

std::string signalName(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    const char* desc = sigdescr_np(sig);
    std::string s = abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
    if (desc) s += std::string(" (") + desc + ")";
    return s;
}

// The actor that held the baton when the child stopped publishing, and the line it was on: the actor of the
// trace's last event (a Switch names the actor that runs next), with that event's line.
std::string whereItStopped(const Trace& trace) {
    for (std::size_t i = trace.eventCount(); i-- > 0;) {
        const TraceEvent& e = trace.event(i);
        if (e.actor == kNoActor || e.actor >= trace.actorCount()) continue;
        std::string s = "in thread " + trace.actor(e.actor).name;
        if (e.line > 0) s += " at line " + std::to_string(e.line);
        return s;
    }
    return "before its first line";
}

}  // namespace

void setRunnerSettings(const RunnerSettings& settings) {
    std::lock_guard lock(gSettingsMutex);
    gSettings = settings;
}

RunnerSettings runnerSettings() {
    std::lock_guard lock(gSettingsMutex);
    return gSettings;
}

bool sandboxAvailable(std::string* why) {
    static const std::string problem = [] {
        if (::access(kBwrap, X_OK) != 0)
            return std::string("the sandbox needs bubblewrap (/usr/bin/bwrap): apt-get install bubblewrap");
        // A namespace that bubblewrap cannot make (no user namespaces, a container without the rights) shows
        // only when it tries.
        pid_t pid = 0;
        std::string bwrap = kBwrap;
        std::vector<std::string> args{bwrap, "--ro-bind", "/", "/", "--unshare-net", "--unshare-pid", "--die-with-parent",
                                      "/bin/true"};
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        const int rc = ::posix_spawn(&pid, kBwrap, &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0) return std::string("bubblewrap could not be started: ") + std::strerror(rc);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            return std::string("bubblewrap cannot make namespaces here (user namespaces may be disabled)");
        return std::string();
    }();
    if (why) *why = problem;
    return problem.empty();
}

// ---------------------------------------------------------------------------------------------------------
// the runner

namespace {

// The sandbox's scratch directory lives as long as Lockstep: what the program wrote there goes with it (the
// clients are never destroyed, so an exit handler removes it; a crash of Lockstep leaves it in /tmp).
std::mutex gScratchMutex;
std::vector<std::string> gScratchDirs;

void removeScratchDirs() {
    std::lock_guard lock(gScratchMutex);
    for (const std::string& dir : gScratchDirs) {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);  // symbolic links inside are removed, not followed
    }
    gScratchDirs.clear();
}

void removeAtExit(const std::string& dir) {
    static const bool registered = std::atexit(removeScratchDirs) == 0;
    std::lock_guard lock(gScratchMutex);
    if (registered) gScratchDirs.push_back(dir);
}

}  // namespace

RunnerClient& RunnerClient::instance(bool sandbox) {
    // Never destroyed before exit: a run may still be reaped by a static's destructor. The runner dies with
    // this process (PR_SET_PDEATHSIG) and takes its children with it.
    static RunnerClient* plain = new RunnerClient(false);
    static RunnerClient* sandboxed = new RunnerClient(true);
    return sandbox ? *sandboxed : *plain;
}

RunnerClient::~RunnerClient() {
    std::lock_guard lock(mutex_);
    stopLocked();
}

void RunnerClient::stopLocked() {
    if (socket_ >= 0) ::close(socket_);  // the runner sees the end of its requests, kills its children and exits
    socket_ = -1;
    if (pid_ > 0) {
        int status = 0;
        for (int waited = 0;; ++waited) {
            const pid_t r = ::waitpid(pid_, &status, WNOHANG);
            if (r == pid_ || (r < 0 && errno != EINTR)) break;
            if (waited == 2000) ::kill(pid_, SIGKILL);  // ~2 s
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    pid_ = 0;
}

void RunnerClient::startLocked() {
    if (socket_ >= 0) return;
    if (sandbox_) {
        std::string why;
        if (!sandboxAvailable(&why)) throw RuntimeError("--sandbox: " + why);
        if (scratch_.empty()) {
            char tmpl[] = "/tmp/lockstep-scratch-XXXXXX";
            if (!::mkdtemp(tmpl)) throw RuntimeError(std::string("cannot make the sandbox's scratch directory: ") +
                                                     std::strerror(errno));
            scratch_ = tmpl;
            removeAtExit(scratch_);
        }
    }
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        throw RuntimeError(std::string("socketpair failed: ") + std::strerror(errno));
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
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    // A process group of its own: Ctrl+C in the terminal is Lockstep's to handle, not the runner's.
    posix_spawnattr_setpgroup(&attr, 0);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
    const std::string exe = exePath();
    std::vector<std::string> args;
    if (sandbox_) {
        // No network (a namespace with only a loopback that is down), no other processes to see, the whole file
        // system read-only but for the scratch directory, which is the program's working directory.
        args = {kBwrap, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                "--bind", scratch_, scratch_, "--chdir", scratch_, "--unshare-net", "--unshare-pid",
                "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session",
                "--setenv", "HOME", scratch_, "--setenv", "TMPDIR", scratch_,
                "--", exe, "--lockstep-runner", "0", "sandbox"};
    } else {
        args = {"lockstep", "--lockstep-runner", std::to_string(::getpid()), "plain"};
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, sandbox_ ? kBwrap : "/proc/self/exe", &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(childEnd);
    if (rc != 0) {
        ::close(sv[0]);
        throw RuntimeError(std::string("could not start the runner process: ") + std::strerror(rc));
    }
    pid_ = pid;
    socket_ = sv[0];
}

bool RunnerClient::requestLocked(const std::string& request, int passFd, std::string& answer) {
    for (int attempt = 0; attempt < 2; ++attempt) {
        startLocked();
        const bool sent = passFd >= 0 ? wire::writeMessageWithFd(socket_, request, passFd)
                                      : wire::writeMessage(socket_, request);
        if (sent && wire::readMessage(socket_, answer) && !answer.empty()) return true;
        stopLocked();  // the runner died (or never started): start it again once
    }
    return false;
}

pid_t RunnerClient::fork(int childSocket) {
    std::lock_guard lock(mutex_);
    std::string answer;
    wire::Out o;
    o.u8(static_cast<std::uint8_t>(Msg::Fork));
    if (!requestLocked(o.bytes, childSocket, answer))
        throw RuntimeError("the runner process that runs Python programs could not be started or stopped answering");
    wire::In in(answer);
    if (static_cast<Msg>(in.u8()) != Msg::Forked) throw RuntimeError("the runner could not start a run: " + in.str());
    return static_cast<pid_t>(in.i64());
}

ChildEnd RunnerClient::reap(pid_t pid, bool kill) {
    std::lock_guard lock(mutex_);
    std::string answer;
    wire::Out o;
    o.u8(static_cast<std::uint8_t>(Msg::Reap)).i64(pid).u8(kill);
    ChildEnd end;
    if (socket_ < 0 || !wire::writeMessage(socket_, o.bytes) || !wire::readMessage(socket_, answer)) {
        // The runner is gone, and its children with it (they die with it).
        stopLocked();
        end.signal = SIGKILL;
        return end;
    }
    wire::In in(answer);
    in.u8();
    end.exited = in.u8() != 0;
    end.code = static_cast<int>(in.i64());
    end.signal = static_cast<int>(in.i64());
    return end;
}

void RunnerClient::forget(pid_t pid) {
    std::lock_guard lock(mutex_);
    std::string answer;
    wire::Out o;
    o.u8(static_cast<std::uint8_t>(Msg::Forget)).i64(pid);
    if (socket_ < 0 || !wire::writeMessage(socket_, o.bytes) || !wire::readMessage(socket_, answer)) stopLocked();
}

std::string RunnerClient::check(const std::string& path, const std::string& source) {
    std::lock_guard lock(mutex_);
    std::string answer;
    wire::Out o;
    o.u8(static_cast<std::uint8_t>(Msg::Check)).str(path).str(source);
    if (!requestLocked(o.bytes, -1, answer))
        throw RuntimeError("the runner process that runs Python programs could not be started or stopped answering");
    wire::In in(answer);
    in.u8();
    return in.str();
}

std::string checkProgram(const std::string& path, const std::string& source) {
    return RunnerClient::instance(runnerSettings().sandbox).check(path, source);
}

// ---------------------------------------------------------------------------------------------------------
// a run in the runner's child

RemoteRun::RemoteRun(Trace& trace, const RunConfig& config, std::unique_ptr<Policy> policy, const std::string& path,
                     const std::string& source, int cpu)
    : trace_(trace), config_(config), policy_(std::move(policy)),
      runner_(RunnerClient::instance(runnerSettings().sandbox)), freezeLimit_(runnerSettings().freezeLimit) {
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        throw RuntimeError(std::string("socketpair failed: ") + std::strerror(errno));
    try {
        pid_ = runner_.fork(sv[1]);
    } catch (...) {
        ::close(sv[0]);
        ::close(sv[1]);
        throw;
    }
    ::close(sv[1]);
    socket_ = sv[0];
    wire::Out o;
    o.u8(static_cast<std::uint8_t>(Msg::Setup));
    putConfig(o, config_);
    o.str(path).str(source).u8(policy_ != nullptr);
    if (policy_)
        o.u8(policy_->preemptive()).u8(static_cast<std::uint8_t>(policy_->kind())).u8(policy_->wantsTouches());
    // Runs opened at the same time (a run and its one-after-the-other twin) keep to different cores.
    static std::atomic<int> nextCpu{0};
    o.i64(cpu >= 0 ? cpu : nextCpu.fetch_add(1, std::memory_order_relaxed) & 0xffff);
    std::string answer;
    int fd = -1;
    if (!wire::writeMessage(socket_, o.bytes) || !wire::readMessageWithFd(socket_, answer, fd) || fd < 0 ||
        answer.empty() || static_cast<Msg>(answer[0]) != Msg::Ready) {
        if (fd >= 0) ::close(fd);
        ::close(socket_);
        socket_ = -1;
        runner_.reap(pid_, true);
        gone_ = true;
        throw RuntimeError("the runner's child for this run did not start");
    }
    log_ = std::make_unique<TraceLogReader>(fd);
    sync();
}

RemoteRun::~RemoteRun() {
    try {
        teardown();
    } catch (...) {
    }
    if (socket_ >= 0) ::close(socket_);
    if (!gone_ && pid_ > 0) runner_.reap(pid_, true);
}

void RemoteRun::sync() {
    if (log_) log_->apply(trace_);
}

void RemoteRun::requestPause() {
    pauseAsked_.store(true, std::memory_order_relaxed);
    if (log_) log_->header().pauseRequested.store(1, std::memory_order_relaxed);
}

bool RemoteRun::chooseNext(ActorId actor) {
    if (std::find(candidates_.begin(), candidates_.end(), actor) == candidates_.end() || gone_) return false;
    wire::Out o;
    o.u8(static_cast<std::uint8_t>(Msg::Choose)).u16(actor);
    wire::writeMessage(socket_, o.bytes);
    return true;
}

RemoteRun::Wait RemoteRun::await(std::string& answer, bool watchFreeze) {
    using Clock = std::chrono::steady_clock;
    auto lastProgress = Clock::now();
    std::uint64_t lastLength = log_->published();
    std::uint32_t lastSteps = log_->header().steps.load(std::memory_order_relaxed);
    Clock::time_point pauseSeen{};
    for (;;) {
        pollfd pfd{socket_, POLLIN, 0};
        const int rc = ::poll(&pfd, 1, 50);
        if (rc > 0) {
            if (!wire::readMessage(socket_, answer) || answer.empty()) return Wait::Gone;
            if (static_cast<Msg>(answer[0]) != Msg::Pick) return Wait::Answer;
            // The child's decision, taken by the policy that lives here (the explorer's). It may read the
            // trace, which must first catch up with the child's.
            sync();
            wire::In in(answer);
            in.u8();
            std::vector<ActorId> candidates(in.u32());
            for (ActorId& a : candidates) a = in.u16();
            DecisionContext ctx;
            ctx.candidates = candidates;
            ctx.current = in.u16();
            ctx.currentRunnable = in.u8() != 0;
            ctx.yielding = in.u8() != 0;
            ctx.step = in.u32();
            ctx.randomDraws = in.u64();
            // What the run read silently and touched since the last decision: the policy's footprints need it.
            readFacts(in, false);
            // kNoActor from the policy (a depth-first run whose every candidate sleeps) is passed on: the child's
            // engine then waits for a choice from outside, and advance() returns NeedChoice as an Execution does.
            const ActorId chosen = policy_ ? policy_->pick(ctx) : candidates.front();
            wire::Out o;
            o.u8(static_cast<std::uint8_t>(Msg::Picked)).u16(chosen);
            if (!wire::writeMessage(socket_, o.bytes)) return Wait::Gone;
            lastProgress = Clock::now();
            continue;
        }
        if (rc < 0 && errno != EINTR) return Wait::Gone;
        // The trace catches up as the run goes (the shared log's memory is given back as it is applied).
        sync();
        const auto now = Clock::now();
        if (pauseAsked_.load(std::memory_order_relaxed)) {
            // Asked to stop (Ctrl+C, the window's pause or abort): a program that does not reach its next
            // scheduling point soon is in real code and is killed.
            if (pauseSeen == Clock::time_point{}) pauseSeen = now;
            else if (now - pauseSeen > std::chrono::milliseconds(1500)) return Wait::Interrupted;
        }
        if (!watchFreeze) continue;
        const std::uint64_t length = log_->published();
        const std::uint32_t steps = log_->header().steps.load(std::memory_order_relaxed);
        if (length != lastLength || steps != lastSteps) {
            lastLength = length;
            lastSteps = steps;
            lastProgress = now;
        } else if (now - lastProgress > freezeLimit_) {
            return Wait::Frozen;
        }
    }
}

void RemoteRun::readFacts(wire::In& in, bool all) {
    if (all) {
        silentReads_.clear();
        touches_.clear();
    }
    for (std::uint32_t n = in.u32(); n > 0; --n) {
        SilentRead r;
        r.decisions = in.u64();
        r.object = in.u32();
        silentReads_.push_back(r);
    }
    for (std::uint32_t n = in.u32(); n > 0; --n) {
        Touch t;
        t.decisions = in.u64();
        t.thing = in.u64();
        t.write = in.u8() != 0;
        touches_.push_back(t);
    }
}

StopInfo RemoteRun::advance(const StopRequest& request) {
    if (ended_ || gone_ || tornDown_) return StopInfo{StopReason::Ended, trace_.stepCount()};
    wire::Out o;
    o.u8(static_cast<std::uint8_t>(Msg::Advance)).u32(request.untilStep).u8(request.onDeadlock).u32(request.breakObject).u16(
        request.breakActor);
    std::string answer;
    const Wait w = wire::writeMessage(socket_, o.bytes) ? await(answer, true) : Wait::Gone;
    if (w != Wait::Answer || static_cast<Msg>(answer[0]) != Msg::Stopped) {
        endAbnormally(w == Wait::Answer ? Wait::Gone : w);
        return StopInfo{StopReason::Ended, trace_.stepCount()};
    }
    pauseAsked_.store(false, std::memory_order_relaxed);
    wire::In in(answer);
    in.u8();
    StopInfo stop;
    stop.reason = static_cast<StopReason>(in.u8());
    stop.step = in.u32();
    ended_ = in.u8() != 0;
    candidates_.resize(in.u32());
    for (ActorId& a : candidates_) a = in.u16();
    // An ended run's facts are complete at once (the explorer reads them before the teardown).
    if (ended_) {
        randomDraws_ = in.u64();
        readFacts(in, true);
    }
    sync();
    return stop;
}

void RemoteRun::teardown() {
    if (tornDown_) return;
    tornDown_ = true;
    if (!gone_) {
        wire::Out o;
        o.u8(static_cast<std::uint8_t>(Msg::Teardown));
        std::string answer;
        const Wait w = wire::writeMessage(socket_, o.bytes) ? await(answer, true) : Wait::Gone;
        if (w == Wait::Answer && static_cast<Msg>(answer[0]) == Msg::Done) {
            wire::In in(answer);
            in.u8();
            randomDraws_ = in.u64();
            silentReads_.resize(in.u32());
            for (SilentRead& r : silentReads_) {
                r.decisions = in.u64();
                r.object = in.u32();
            }
            sync();
            ::close(socket_);
            socket_ = -1;
            runner_.forget(pid_);  // its run is over and told: no need to wait for its exit
            gone_ = true;
        } else {
            endAbnormally(w == Wait::Answer ? Wait::Gone : w);
        }
    }
    ended_ = true;
    candidates_.clear();
}

void RemoteRun::endAbnormally(Wait why) {
    const bool kill = why != Wait::Gone;
    if (socket_ >= 0) ::close(socket_);
    socket_ = -1;
    ChildEnd end;
    if (!gone_) end = runner_.reap(pid_, kill);
    gone_ = true;
    sync();  // everything the child published before it stopped
    ended_ = true;
    candidates_.clear();
    if (trace_.outcome().status != RunStatus::Running) return;  // it had ended; only its exit went wrong
    const std::string where = whereItStopped(trace_);
    const long long limitMs = static_cast<long long>(freezeLimit_.count());
    const std::string limit = limitMs % 1000 == 0 ? std::to_string(limitMs / 1000) + " s" : std::to_string(limitMs) + " ms";
    switch (why) {
        case Wait::Frozen:
            finishTrace(RunStatus::Frozen, "frozen in real code " + where + ": it stayed there for more than " + limit +
                                               " of real time without reaching a scheduling point (a blocking call "
                                               "such as os.read, or a long computation inside one line); the run "
                                               "was stopped there");
            break;
        case Wait::Interrupted:
            finishTrace(RunStatus::Aborted, "interrupted " + where + ": the program did not reach a scheduling point "
                                            "after it was asked to stop, so its process was ended");
            break;
        case Wait::Gone:
        case Wait::Answer:
            if (end.exited)
                finishTrace(RunStatus::Crashed, "the program ended its own process with exit code " +
                                                    std::to_string(end.code) + " (os._exit) " + where);
            else if (end.signal == SIGKILL)
                finishTrace(RunStatus::Crashed, "the program's process was killed (SIGKILL: out of memory?) " + where);
            else
                finishTrace(RunStatus::Crashed, "the program crashed: " + signalName(end.signal) + " " + where);
            break;
    }
}

void RemoteRun::finishTrace(RunStatus status, const std::string& message) {
    RunOutcome& o = trace_.outcomeMut();
    o.status = status;
    o.message = message;
    o.steps = trace_.stepCount();
    o.endTime = trace_.eventCount() > 0 ? trace_.event(trace_.eventCount() - 1).time : 0;
    std::uint32_t switches = 0;
    std::vector<const TraceEvent*> lastAccess(trace_.objectCount(), nullptr);
    for (std::size_t i = 0; i < trace_.eventCount(); ++i) {
        const TraceEvent& e = trace_.event(i);
        if (e.op == Op::Switch && e.arg != e.actor) ++switches;
        if ((e.op == Op::Load || e.op == Op::Store) && e.object < lastAccess.size()) lastAccess[e.object] = &e;
    }
    o.switches = switches;
    // The shared variables' last values the trace saw (the child's own final values went with it).
    o.shared.clear();
    for (ObjectId id = 0; id < lastAccess.size(); ++id) {
        const TraceEvent* e = lastAccess[id];
        if (!e || trace_.object(id).kind != ObjectKind::Shared) continue;
        const bool text = e->flags & TraceEvent::ArgIsString;
        o.shared.push_back(FinalValue{id, text ? std::string(trace_.argText(*e)) : std::to_string(e->arg), !text});
    }
    // Actors keep the end state they had: Running for those the process took down where they were.
}

}  // namespace lockstep::python
