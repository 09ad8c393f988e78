#include "panels/VerdictJob.h"

#include <QMetaObject>

#include "lockstep/WorkerPool.h"
#include "view/OneAfterAnother.h"

namespace lockstep::app {

VerdictJob::VerdictJob(QObject* parent) : QObject(parent) {}

VerdictJob::~VerdictJob() { stopThread(); }

void VerdictJob::stopThread() {
    if (cancel_) cancel_->store(true);
    // Joining here is what makes posting to `this` from the worker safe: the object outlives the thread.
    if (thread_.joinable()) thread_.join();
    cancel_.reset();
}

void VerdictJob::cancel() {
    stopThread();
    ++generation_;
    running_ = false;
}

void VerdictJob::start(const scenarios::Scenario& scenario, const RunConfig& config) {
    cancel();
    const std::uint64_t generation = generation_;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    running_ = true;
    const scenarios::Scenario* s = &scenario;
    thread_ = std::thread([this, s, config, cancel = cancel_, generation] {
        // Its own pool: the window's run keeps its threads.
        WorkerPool pool;
        std::shared_ptr<const Trace> trace = runOneAfterAnother(pool, *s, config, cancel.get());
        if (!trace || cancel->load()) return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, trace] {
                if (generation != generation_) return;
                running_ = false;
                emit finished(trace);
            },
            Qt::QueuedConnection);
    });
}

}  // namespace lockstep::app
