#include "lockstep/WorkerPool.h"

#include <sys/syscall.h>
#include <unistd.h>

namespace lockstep {

void Worker::loop() {
    tid_.store(static_cast<std::int64_t>(::syscall(SYS_gettid)), std::memory_order_release);
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
    raw->thread_ = std::thread([raw] { raw->loop(); });
    workers_.push_back(std::move(w));
    return raw;
}

void WorkerPool::release(Worker* w) { w->busy_ = false; }

void WorkerPool::trim() {
    while (workers_.size() > keepIdle_ && !workers_.back()->busy_) {
        stop(*workers_.back());
        workers_.pop_back();
    }
}

}  // namespace lockstep
