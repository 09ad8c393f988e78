#pragma once
// The OS threads that run actors. A run never gives two live actors the same thread, and never reuses, within
// one run, the thread of an actor that ended, so every actor of a run has its own OS thread id. Threads
// are kept between runs: exploring thousands of schedules must not pay for thread creation every time.

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "lockstep/Baton.h"

namespace lockstep {

class Worker {
public:
    Baton baton;                  // the actor on this worker runs only while it holds this
    std::function<void()> job;    // what to run at the next give(); set by the baton holder
    std::int64_t tid() const { return tid_.load(std::memory_order_acquire); }

private:
    friend class WorkerPool;
    void loop();
    std::thread thread_;
    std::atomic<std::int64_t> tid_{0};
    bool exit_ = false;
    bool usedThisRun_ = false;
    bool busy_ = false;
    bool pinned_ = false;  // its pool keeps it on one CPU: it never spins for the baton
};

class WorkerPool {
public:
    explicit WorkerPool(std::size_t keepIdle = 64) : keepIdle_(keepIdle) {}
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Called by the baton holder only.
    void beginRun();
    Worker* acquire();
    void release(Worker* w);
    // Called by the controller after a run: stops threads beyond keepIdle.
    void trim();

    std::size_t threadCount() const { return workers_.size(); }
    // Keeps every thread of the pool on one CPU (-1: anywhere, the default). Runs of an exploration on every
    // core each get a pool on a core of their own: the hand-offs of a run then stay on its core, where a
    // futex wake-up is a cheap switch, and no run's waiting thread spins on a core another run needs.
    // Call between runs.
    void pinTo(int cpu);
    int cpu() const { return cpu_; }

private:
    void stop(Worker& w);
    std::vector<std::unique_ptr<Worker>> workers_;
    std::size_t keepIdle_;
    int cpu_ = -1;
};

}  // namespace lockstep
