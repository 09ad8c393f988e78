#pragma once
// Runs a scenario comparison (lockstep::scenarios::compare) on a thread of its own, so the window stays
// responsive while a dozen runs go by, and hands the results back on the GUI thread.
//
// One job at a time: start() cancels the one under way (it stops within a few hundred steps) and each job
// carries a generation number, so the results of a job that was replaced never reach the panel.

#include <QObject>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

#include "lockstep/RunConfig.h"
#include "lockstep/scenarios/Compare.h"

namespace lockstep::app {

class ComparisonJob : public QObject {
    Q_OBJECT
public:
    explicit ComparisonJob(QObject* parent = nullptr);
    ~ComparisonJob() override;  // cancels a job under way and waits for its thread

    // `scenario` must outlive the job (scenarios live in the static catalogue).
    void start(const scenarios::Scenario& scenario, const RunConfig& base, std::vector<scenarios::CompareSetting> settings);
    void cancel();
    bool running() const { return running_; }
    // How many runs the job under way has done, of how many.
    std::size_t done() const { return done_; }
    std::size_t total() const { return total_; }
    // The last finished comparison, one result per setting in the order given.
    const std::vector<scenarios::CompareResult>& results() const { return results_; }

signals:
    void progressed(int done, int total);
    void finished();

private:
    void stopThread();

    std::thread thread_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::uint64_t generation_ = 0;
    bool running_ = false;
    std::size_t done_ = 0;
    std::size_t total_ = 0;
    std::vector<scenarios::CompareResult> results_;
};

}  // namespace lockstep::app
