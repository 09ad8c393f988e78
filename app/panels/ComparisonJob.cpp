#include "panels/ComparisonJob.h"

#include <QMetaObject>

#include "lockstep/WorkerPool.h"

namespace lockstep::app {

ComparisonJob::ComparisonJob(QObject* parent) : QObject(parent) {}

ComparisonJob::~ComparisonJob() { stopThread(); }

void ComparisonJob::stopThread() {
    if (cancel_) cancel_->store(true);
    // Joining here is what makes posting to `this` from the worker safe: the object outlives the thread.
    if (thread_.joinable()) thread_.join();
    cancel_.reset();
}

void ComparisonJob::cancel() {
    stopThread();
    ++generation_;
    running_ = false;
}

void ComparisonJob::start(const scenarios::Scenario& scenario, const RunConfig& base,
                          std::vector<scenarios::CompareSetting> settings) {
    cancel();
    const std::uint64_t generation = generation_;
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    running_ = true;
    done_ = 0;
    total_ = settings.size();
    const scenarios::Scenario* s = &scenario;
    thread_ = std::thread([this, s, base, settings = std::move(settings), cancel = cancel_, generation] {
        // Its own pool: the window's run keeps its threads, and each of these runs gets fresh ones.
        WorkerPool pool(8);
        const int total = static_cast<int>(settings.size());
        auto progress = [this, generation, total](std::size_t n) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, n, total] {
                    if (generation != generation_) return;
                    done_ = n;
                    emit progressed(static_cast<int>(n), total);
                },
                Qt::QueuedConnection);
        };
        std::vector<scenarios::CompareResult> results =
            scenarios::compare(pool, *s, base, settings, cancel.get(), progress);
        if (cancel->load()) return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, results = std::move(results)]() mutable {
                if (generation != generation_) return;
                results_ = std::move(results);
                running_ = false;
                emit finished();
            },
            Qt::QueuedConnection);
    });
}

}  // namespace lockstep::app
