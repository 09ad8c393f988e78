#include "RunFarm.h"

#include <pthread.h>
#include <sched.h>

#include <algorithm>

#include "lockstep/Baton.h"

namespace lockstep {

namespace {

int cores() { return static_cast<int>(std::max(std::thread::hardware_concurrency(), 1u)); }

void pinCallingThread(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(static_cast<unsigned>(cpu % cores()), &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

}  // namespace

// The calling thread on core 0, without spinning, until the farm is gone; then as it was.
class RunFarm::CallerPin {
public:
    CallerPin() {
        CPU_ZERO(&before_);
        saved_ = pthread_getaffinity_np(pthread_self(), sizeof before_, &before_) == 0;
        pinCallingThread(0);
    }
    ~CallerPin() {
        if (saved_) pthread_setaffinity_np(pthread_self(), sizeof before_, &before_);
    }

private:
    cpu_set_t before_;
    bool saved_ = false;
    Baton::SleepAtOnce sleepAtOnce_;
};

RunFarm::RunFarm(const RunExecutorFactory& factory, int workers, AfterRun afterRun) : afterRun_(std::move(afterRun)) {
    workers = std::max(workers, 1);
    if (workers > 1) callerPin_ = std::make_unique<CallerPin>();
    for (int i = 0; i < workers; ++i) executors_.push_back(factory(i));
    for (int i = 1; i < workers; ++i)
        threads_.emplace_back([this, i] {
            pinCallingThread(i);
            Baton::sleepAtOnceOnThisThread();
            workerLoop(i);
        });
}

RunFarm::~RunFarm() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
    }
    workAvailable_.notify_all();
    // What runs ahead is of no use any more: stop it at its next scheduling point.
    for (std::size_t i = 1; i < executors_.size(); ++i) executors_[i]->interrupt();
    for (std::thread& t : threads_) t.join();
    executors_.clear();
    callerPin_.reset();
}

void RunFarm::runJob(int index, Job& job) {
    job.report = executors_[static_cast<std::size_t>(index)]->execute(job.request);
    if (afterRun_ && !job.report.interrupted) afterRun_(job);
}

void RunFarm::workerLoop(int index) {
    std::unique_lock lock(mutex_);
    for (;;) {
        workAvailable_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        std::shared_ptr<Job> job = queue_.front();
        queue_.erase(queue_.begin());
        job->state = Job::State::Running;
        lock.unlock();
        runJob(index, *job);
        lock.lock();
        job->state = Job::State::Done;
        jobDone_.notify_all();
    }
}

const RunFarm::Job* RunFarm::doneJob(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(key);
    return it != jobs_.end() && it->second->state == Job::State::Done ? it->second.get() : nullptr;
}

bool RunFarm::known(const std::string& key) {
    std::lock_guard lock(mutex_);
    return jobs_.count(key) > 0;
}

void RunFarm::plan(std::vector<std::pair<std::string, RunRequest>> wanted) {
    if (threads_.empty()) return;  // one worker: nothing runs ahead
    {
        std::lock_guard lock(mutex_);
        std::vector<std::shared_ptr<Job>> queue;
        for (auto& [key, request] : wanted) {
            std::shared_ptr<Job>& job = jobs_[key];
            if (!job) {
                job = std::make_shared<Job>();
                job->request = std::move(request);
            } else if (job->state == Job::State::Queued && !job->request.sameRun(request)) {
                job->request = std::move(request);
            }
            if (job->state == Job::State::Queued) queue.push_back(job);
        }
        for (const std::shared_ptr<Job>& old : queue_)
            if (std::find(queue.begin(), queue.end(), old) == queue.end())
                for (auto it = jobs_.begin(); it != jobs_.end(); ++it)
                    if (it->second == old) {
                        jobs_.erase(it);
                        break;
                    }
        queue_ = std::move(queue);
    }
    workAvailable_.notify_all();
}

RunReport RunFarm::take(const std::string& key, const RunRequest& request, const std::function<void()>& replan) {
    std::unique_lock lock(mutex_);
    std::shared_ptr<Job> job;
    if (auto it = jobs_.find(key); it != jobs_.end()) {
        job = it->second;
        // Run ahead as another run (PCT's expected length changed since), or not started yet: run it here.
        if (!job->request.sameRun(request) || job->state == Job::State::Queued) {
            queue_.erase(std::remove(queue_.begin(), queue_.end(), job), queue_.end());
            jobs_.erase(it);
            job.reset();
        }
    }
    if (!job) {
        lock.unlock();
        return executors_[0]->execute(request);
    }
    while (job->state != Job::State::Done) {
        if (queue_.empty()) {
            jobDone_.wait(lock);
            continue;
        }
        // Rather than wait, run the next job ahead on this thread too.
        std::shared_ptr<Job> next = queue_.front();
        queue_.erase(queue_.begin());
        next->state = Job::State::Running;
        lock.unlock();
        runJob(0, *next);
        lock.lock();
        next->state = Job::State::Done;
        jobDone_.notify_all();
        if (replan) {
            lock.unlock();
            replan();
            lock.lock();
        }
    }
    jobs_.erase(key);
    return std::move(job->report);
}

}  // namespace lockstep
