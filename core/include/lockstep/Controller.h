#pragma once
// The engine's control interface for a GUI: commands are queued and carried out on the controller's own
// thread (never the caller's), so a window never waits for a run. Results come back as plain values
// through the listener, called on the controller thread; a GUI forwards them to its own thread.
//
// The trace of the current run is shared: a reader may read events, steps and strings of it at any time
// (see Trace). Every report carries a snapshot of the rest (rows, cycles, races, outcome), taken while the run
// was paused, which is what a reader on another thread uses instead of the trace's own rows.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "lockstep/Execution.h"
#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"
#include "lockstep/TraceSnapshot.h"
#include "lockstep/WorkerPool.h"

namespace lockstep {

struct ControllerReport {
    enum class Kind : std::uint8_t { Loaded, Progress, Stopped, Failed };
    Kind kind = Kind::Stopped;
    std::uint64_t generation = 0;     // which load() this report belongs to; stale ones can be dropped
    std::shared_ptr<const Trace> trace;
    TraceSnapshot snapshot;           // the trace as it was when the report was made
    StopInfo stop;                    // for Stopped
    std::uint32_t steps = 0;          // steps recorded so far
    bool ended = false;
    std::vector<ActorId> candidates;  // who could run next (empty once ended)
    std::string message;              // for Failed: what went wrong
};

class Controller {
public:
    using Listener = std::function<void(const ControllerReport&)>;
    explicit Controller(Listener listener);
    ~Controller();  // aborts the run and joins the controller thread: nothing is left running
    Controller(const Controller&) = delete;
    Controller& operator=(const Controller&) = delete;

    // Start a new run (aborting the current one). The body runs as MainThread.
    void load(RunConfig config, Execution::Body body);
    // The same for a run that `open` makes (a learner's program runs in the runner process).
    void load(RunConfig config, OpenRun open);
    void restart();                                  // the same run again from step 0
    void step(std::uint32_t n = 1);                  // n more steps
    void run(StopRequest request = {});              // until the end, or a condition of `request`
    void runToDeadlock();
    void choose(ActorId actor);                      // take this actor at the pending decision, then step once
    // Re-execute up to `step` with the recorded decisions, take `actor` there, and pause one step later.
    void branch(std::uint32_t step, ActorId actor);
    void pause();                                    // any thread; takes effect at the next scheduling point
    void abort();                                    // stop and unwind every thread of the run
    // Block until every queued command is done (for tests and the command line).
    void waitIdle();
    std::uint64_t generation() const;

    static constexpr std::uint32_t kProgressEvery = 20'000;  // steps between Progress reports of a long run

private:
    struct Command {
        enum class Kind : std::uint8_t { Load, Step, Run, Choose, Branch, Abort, Quit } kind;
        std::uint32_t count = 0;
        StopRequest request;
        ActorId actor = kNoActor;
        RunConfig config;
        OpenRun open;
    };
    void post(Command c, bool front = false);
    void loop();
    void doLoad(const RunConfig& config, const OpenRun& open);
    void advanceWith(StopRequest request);
    void report(ControllerReport::Kind kind, StopInfo stop = {}, std::string message = {});
    void finishRun();

    Listener listener_;
    WorkerPool pool_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::condition_variable idle_;
    std::deque<Command> queue_;
    bool working_ = false;
    std::uint64_t generation_ = 0;

    // controller thread only
    RunConfig config_;
    OpenRun open_;
    std::shared_ptr<Trace> trace_;
    TraceSnapshot snapshot_;  // the last report's, whose rows the next one shares while they have not changed
    std::unique_ptr<RunSession> execution_;
    std::atomic<RunSession*> live_{nullptr};
    std::thread thread_;
};

}  // namespace lockstep
