#include "lockstep/WorkerPool.h"

#include <pthread.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace lockstep {

namespace {

void pinThread(std::thread& t, int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (cpu >= 0) {
        CPU_SET(static_cast<unsigned>(cpu), &set);
    } else {
        for (unsigned c = 0; c < std::thread::hardware_concurrency() && c < CPU_SETSIZE; ++c) CPU_SET(c, &set);
    }
    pthread_setaffinity_np(t.native_handle(), sizeof set, &set);
}

}  // namespace

void Worker::loop() {
    tid_.store(static_cast<std::int64_t>(::syscall(SYS_gettid)), std::memory_order_release);
    if (pinned_) Baton::sleepAtOnceOnThisThread();
    for (;;) {
        baton.take();
        if (exit_) return;
        // The job hands the baton on before it returns; from here on this thread touches nothing shared.
        auto job_ = std::move(job);
        job = nullptr;
        job_();
    }
}

WorkerPool::~WorkerPool() {
    for (auto& w : workers_) stop(*w);
}

void WorkerPool::stop(Worker& w) {
    w.exit_ = true;
    w.baton.give();
    if (w.thread_.joinable()) w.thread_.join();
}

void WorkerPool::beginRun() {
    for (auto& w : workers_) w->usedThisRun_ = false;
}

Worker* WorkerPool::acquire() {
    for (auto& w : workers_) {
        if (!w->busy_ && !w->usedThisRun_) {
            w->busy_ = w->usedThisRun_ = true;
            return w.get();
        }
    }
    auto w = std::make_unique<Worker>();
    Worker* raw = w.get();
    raw->busy_ = raw->usedThisRun_ = true;
    raw->pinned_ = cpu_ >= 0;
    raw->thread_ = std::thread([raw] { raw->loop(); });
    if (cpu_ >= 0) pinThread(raw->thread_, cpu_);
    workers_.push_back(std::move(w));
    return raw;
}

void WorkerPool::release(Worker* w) { w->busy_ = false; }

void WorkerPool::pinTo(int cpu) {
    if (cpu == cpu_) return;
    cpu_ = cpu;
    // Threads made before keep their way of waiting; give them up so that every thread follows the new rule.
    for (auto& w : workers_) stop(*w);
    workers_.clear();
}

void WorkerPool::trim() {
    while (workers_.size() > keepIdle_ && !workers_.back()->busy_) {
        stop(*workers_.back());
        workers_.pop_back();
    }
}

}  // namespace lockstep
