#pragma once
// Internal to lockstep_python: Lockstep's side of the runner (starting it, asking it to fork and reap), and
// RemoteRun, a run living in one of its children, driven like an Execution.

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "TraceLog.h"
#include "Wire.h"
#include "lockstep/Policy.h"
#include "lockstep/RunSession.h"
#include "lockstep/Trace.h"
#include "lockstep/python/Runner.h"

namespace lockstep::python {

// How a run's child ended, as waitpid() told the runner.
struct ChildEnd {
    bool exited = false;  // it called exit()/_exit() (code), else a signal ended it (signal)
    int code = 0;
    int signal = 0;
};

class RunnerClient {
public:
    // The runner of this mode, started on first use (and again if it died).
    static RunnerClient& instance(bool sandbox);
    ~RunnerClient();

    pid_t fork(int childSocket);  // throws RuntimeError when the runner cannot be started or fork fails
    ChildEnd reap(pid_t pid, bool kill);
    void forget(pid_t pid);
    std::string check(const std::string& path, const std::string& source);  // the SyntaxError, or ""

private:
    explicit RunnerClient(bool sandbox) : sandbox_(sandbox) {}
    void startLocked();
    void stopLocked();
    bool requestLocked(const std::string& request, int passFd, std::string& answer);

    bool sandbox_;
    std::mutex mutex_;
    pid_t pid_ = 0;
    int socket_ = -1;
    std::string scratch_;  // the sandbox's writable directory
};

class RemoteRun final : public RunSession {
public:
    // Starts the run's child (a fork of the runner) and hands it the run; throws RuntimeError on failure.
    // cpu: the core the run's threads keep to (an exploration's slot), or -1 for the next one in turn.
    RemoteRun(Trace& trace, const RunConfig& config, std::unique_ptr<Policy> policy, const std::string& path,
              const std::string& source, int cpu = -1);
    ~RemoteRun() override;

    StopInfo advance(const StopRequest& request = {}) override;
    bool ended() const override { return ended_; }
    const std::vector<ActorId>& pendingCandidates() const override { return candidates_; }
    bool chooseNext(ActorId actor) override;
    void requestPause() override;
    void teardown() override;
    std::uint64_t randomDraws() const override { return randomDraws_; }
    const std::vector<SilentRead>& silentReads() const override { return silentReads_; }
    const std::vector<Touch>& touches() const override { return touches_; }

private:
    enum class Wait { Answer, Gone, Frozen, Interrupted };
    // Waits for the child's next message, answering its Pick requests on the way and watching for a freeze
    // (no progress for the freeze limit) and for Ctrl+C.
    Wait await(std::string& answer, bool watchFreeze);
    void sync();
    // The child is gone (or must go): reap it, and end the trace with a status that says why.
    void endAbnormally(Wait why);
    void finishTrace(RunStatus status, const std::string& message);
    // Silent reads and touches as the child sends them (see RunnerProtocol.h): new ones, or (all) every one.
    void readFacts(wire::In& in, bool all);

    Trace& trace_;
    RunConfig config_;
    std::unique_ptr<Policy> policy_;
    RunnerClient& runner_;
    pid_t pid_ = 0;
    int socket_ = -1;
    std::unique_ptr<TraceLogReader> log_;
    bool ended_ = false;
    bool gone_ = false;       // the child has been reaped
    bool tornDown_ = false;
    std::vector<ActorId> candidates_;
    std::uint64_t randomDraws_ = 0;
    std::vector<SilentRead> silentReads_;
    std::vector<Touch> touches_;
    std::atomic<bool> pauseAsked_{false};
    std::chrono::milliseconds freezeLimit_;
};

// The program's syntax error, checked by the runner's interpreter ("" when it compiles).
std::string checkProgram(const std::string& path, const std::string& source);

}  // namespace lockstep::python
