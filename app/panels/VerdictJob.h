#pragma once
// Runs the one-after-the-other run a verdict compares with (app/view/OneAfterAnother) on a thread of its own,
// so the window stays responsive while a learner's program goes through its runner, and hands the trace back on
// the GUI thread.
//
// One job at a time: start() cancels the one under way, and each job carries a generation number, so the trace
// of a job that was replaced never arrives. The destructor cancels and joins: no thread is left behind.

#include <QObject>

#include <atomic>
#include <cstdint>
#include <memory>
#include <thread>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep::app {

class VerdictJob : public QObject {
    Q_OBJECT
public:
    explicit VerdictJob(QObject* parent = nullptr);
    ~VerdictJob() override;

    // `scenario` must outlive the job (scenarios and loaded programs live in catalogues that do).
    void start(const scenarios::Scenario& scenario, const RunConfig& config);
    void cancel();
    bool running() const { return running_; }

signals:
    // The ended one-after-the-other trace of the last job started.
    void finished(std::shared_ptr<const lockstep::Trace> trace);

private:
    void stopThread();

    std::thread thread_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::uint64_t generation_ = 0;
    bool running_ = false;
};

}  // namespace lockstep::app
