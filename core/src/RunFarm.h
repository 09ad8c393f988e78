#pragma once
// The Explorer's workers: N executors, one per thread (the calling thread's is number 0), and the runs it
// asks for ahead of time. The Explorer stays a plain sequential search: it takes the report of each run it
// needs, in its own order, with take(). Before that, plan() names runs it is certain (or likely) to ask for
// soon; idle workers run them, and take() hands over such a report when its request is the same run, or
// runs the request itself when it is not. Since a request decides its report, the results are those of a
// one-core search, whatever ran where.

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "lockstep/RunExecutor.h"

namespace lockstep {

class RunFarm {
public:
    struct Job {
        RunRequest request;
        RunReport report;
        std::shared_ptr<void> analysis;  // what afterRun derived from the report (the Explorer's own use)
        enum class State : std::uint8_t { Queued, Running, Done } state = State::Queued;
    };
    // Runs on the thread that ran the job, before the job is marked done.
    using AfterRun = std::function<void(Job&)>;

    // With several workers, the thread of worker i stays on core i (modulo the cores), the calling thread on
    // core 0 until the farm is gone, and none of them spins for a baton: each run's hand-offs stay on its core
    // (see WorkerPool::pinTo).
    RunFarm(const RunExecutorFactory& factory, int workers, AfterRun afterRun);
    ~RunFarm();  // interrupts what runs ahead and joins the workers
    RunFarm(const RunFarm&) = delete;
    RunFarm& operator=(const RunFarm&) = delete;

    int workers() const { return static_cast<int>(executors_.size()); }

    // ---- the coordinator (the thread that made the farm) only ----
    // The job made for `key`, once it is done; nullptr while it is not (or was never asked for).
    const Job* doneJob(const std::string& key);
    // Whether a job for `key` exists (in any state).
    bool known(const std::string& key);
    // Runs to do ahead, most wanted first. Jobs already made keep their place; queued jobs that are no longer
    // wanted are dropped.
    void plan(std::vector<std::pair<std::string, RunRequest>> wanted);
    // The report of `request`. While another worker runs it, the caller runs queued jobs, calling `replan`
    // after each.
    RunReport take(const std::string& key, const RunRequest& request, const std::function<void()>& replan);

private:
    void workerLoop(int index);
    void runJob(int index, Job& job);

    class CallerPin;
    std::unique_ptr<CallerPin> callerPin_;
    std::vector<std::unique_ptr<RunExecutor>> executors_;
    AfterRun afterRun_;
    std::vector<std::thread> threads_;
    std::mutex mutex_;
    std::condition_variable workAvailable_;
    std::condition_variable jobDone_;
    std::map<std::string, std::shared_ptr<Job>> jobs_;
    std::vector<std::shared_ptr<Job>> queue_;  // queued jobs, most wanted first
    bool stopping_ = false;
};

}  // namespace lockstep
