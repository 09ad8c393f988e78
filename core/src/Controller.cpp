#include "lockstep/Controller.h"

#include <algorithm>

namespace lockstep {

Controller::Controller(Listener listener) : listener_(std::move(listener)) {
    thread_ = std::thread([this] { loop(); });
}

Controller::~Controller() {
    pause();
    post(Command{Command::Kind::Quit}, true);
    thread_.join();
}

void Controller::post(Command c, bool front) {
    {
        std::lock_guard lock(mutex_);
        if (c.kind == Command::Kind::Load) ++generation_;
        if (front) queue_.push_front(std::move(c));
        else queue_.push_back(std::move(c));
    }
    cv_.notify_one();
}

std::uint64_t Controller::generation() const {
    std::lock_guard lock(const_cast<std::mutex&>(mutex_));
    return generation_;
}

void Controller::load(RunConfig config, Execution::Body body) {
    load(std::move(config), [body = std::move(body)](WorkerPool& pool, Trace& trace, const RunConfig& c,
                                                     std::unique_ptr<Policy> policy) -> std::unique_ptr<RunSession> {
        auto ex = std::make_unique<Execution>(pool, trace, c, body);
        ex->usePolicy(std::move(policy));
        return ex;
    });
}

void Controller::load(RunConfig config, OpenRun open) {
    pause();  // a long run in progress stops at its next scheduling point
    Command c{Command::Kind::Load};
    c.config = std::move(config);
    c.open = std::move(open);
    post(std::move(c));
}

void Controller::restart() { post(Command{Command::Kind::Load}); }

void Controller::step(std::uint32_t n) {
    Command c{Command::Kind::Step};
    c.count = std::max<std::uint32_t>(n, 1);
    post(std::move(c));
}

void Controller::run(StopRequest request) {
    Command c{Command::Kind::Run};
    c.request = request;
    post(std::move(c));
}

void Controller::runToDeadlock() {
    StopRequest r;
    r.onDeadlock = true;
    run(r);
}

void Controller::choose(ActorId actor) {
    Command c{Command::Kind::Choose};
    c.actor = actor;
    post(std::move(c));
}

void Controller::branch(std::uint32_t step, ActorId actor) {
    pause();
    Command c{Command::Kind::Branch};
    c.count = step;
    c.actor = actor;
    post(std::move(c));
}

void Controller::pause() {
    if (RunSession* ex = live_.load()) ex->requestPause();
}

void Controller::abort() {
    pause();
    {
        std::lock_guard lock(mutex_);
        queue_.clear();  // nothing queued after an abort should run
    }
    post(Command{Command::Kind::Abort}, true);
}

void Controller::waitIdle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return queue_.empty() && !working_; });
}

void Controller::loop() {
    for (;;) {
        Command c;
        {
            std::unique_lock lock(mutex_);
            cv_.wait(lock, [this] { return !queue_.empty(); });
            c = std::move(queue_.front());
            queue_.pop_front();
            working_ = true;
        }
        try {
            switch (c.kind) {
                case Command::Kind::Quit:
                    finishRun();
                    {
                        std::lock_guard lock(mutex_);
                        working_ = false;
                    }
                    idle_.notify_all();
                    return;
                case Command::Kind::Load:
                    if (c.open) doLoad(c.config, c.open);
                    else if (open_) doLoad(config_, open_);
                    break;
                case Command::Kind::Step:
                    if (execution_) advanceWith(StopRequest{.untilStep = trace_->stepCount() + c.count});
                    break;
                case Command::Kind::Run:
                    if (execution_) advanceWith(c.request);
                    break;
                case Command::Kind::Choose:
                    if (execution_ && !execution_->ended()) {
                        if (!execution_->chooseNext(c.actor)) {
                            report(ControllerReport::Kind::Failed, {},
                                   "that thread cannot run at this step; pick one of the ready threads");
                        } else {
                            advanceWith(StopRequest{.untilStep = trace_->stepCount() + 1});
                        }
                    }
                    break;
                case Command::Kind::Branch: {
                    if (!execution_) break;
                    // The decisions taken before `step` replay the past exactly; at `step` the new actor runs.
                    RunConfig config = config_;
                    config.schedule.clear();
                    for (const Decision& d : trace_->decisions())
                        if (d.step < c.count) config.schedule.push_back(std::to_string(d.chosen));
                    const OpenRun open = open_;
                    doLoad(config, open);
                    config_.schedule.clear();
                    execution_->advance(StopRequest{.untilStep = c.count});
                    if (!execution_->ended() && execution_->chooseNext(c.actor)) {
                        advanceWith(StopRequest{.untilStep = c.count + 1});
                    } else {
                        std::string names;
                        for (ActorId a : execution_->pendingCandidates())
                            names += (names.empty() ? "" : ", ") + trace_->actor(a).name;
                        report(ControllerReport::Kind::Failed, StopInfo{StopReason::StepReached, trace_->stepCount()},
                               "that thread cannot run after step " + std::to_string(c.count) +
                                   (names.empty() ? std::string("; the run has ended there")
                                                  : "; the ones that can: " + names));
                    }
                    break;
                }
                case Command::Kind::Abort:
                    if (execution_) {
                        finishRun();
                        report(ControllerReport::Kind::Stopped, StopInfo{StopReason::Ended, trace_->stepCount()});
                    }
                    break;
            }
        } catch (const std::exception& e) {
            report(ControllerReport::Kind::Failed, {}, std::string("internal error: ") + e.what());
        }
        {
            std::lock_guard lock(mutex_);
            working_ = false;
        }
        idle_.notify_all();
    }
}

void Controller::finishRun() {
    live_.store(nullptr);
    if (execution_) execution_->teardown();
    execution_.reset();
}

void Controller::doLoad(const RunConfig& config, const OpenRun& open) {
    finishRun();
    config_ = config;
    open_ = open;
    trace_ = std::make_shared<Trace>();
    snapshot_ = {};
    execution_ = open_(pool_, *trace_, config_, nullptr);
    live_.store(execution_.get());
    report(ControllerReport::Kind::Loaded, StopInfo{StopReason::StepReached, 0});
}

void Controller::advanceWith(StopRequest request) {
    // A long run goes in slices so the listener sees progress and a pause or abort takes effect promptly.
    const std::uint32_t target = request.untilStep;
    for (;;) {
        StopRequest slice = request;
        slice.untilStep = std::min<std::uint64_t>(target, std::uint64_t{trace_->stepCount()} + kProgressEvery);
        const StopInfo s = execution_->advance(slice);
        if (s.reason == StopReason::StepReached && s.step < target) {
            report(ControllerReport::Kind::Progress, s);
            bool pending;
            {
                std::lock_guard lock(mutex_);
                pending = !queue_.empty();
            }
            if (!pending) continue;
        }
        if (s.reason == StopReason::Ended) {
            live_.store(nullptr);
            execution_->teardown();  // blocked and daemon threads unwind now; the trace is final
        }
        report(ControllerReport::Kind::Stopped, s);
        return;
    }
}

void Controller::report(ControllerReport::Kind kind, StopInfo stop, std::string message) {
    if (!listener_) return;
    ControllerReport r;
    r.kind = kind;
    {
        std::lock_guard lock(mutex_);
        r.generation = generation_;
    }
    r.trace = trace_;
    // The run is paused (or over) whenever a report is made: nothing writes to the trace now.
    if (trace_) {
        snapshot_ = TraceSnapshot::of(*trace_, snapshot_);
        r.snapshot = snapshot_;
    }
    r.stop = stop;
    r.steps = trace_ ? trace_->stepCount() : 0;
    r.ended = execution_ ? execution_->ended() : true;
    if (execution_ && !execution_->ended() && kind != ControllerReport::Kind::Loaded)
        r.candidates = execution_->pendingCandidates();
    r.message = std::move(message);
    listener_(r);
}

}  // namespace lockstep
