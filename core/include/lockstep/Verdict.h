#pragma once
// The verdict of a run: what happened, told against what would have happened had the threads run one after the
// other (each to completion, in start order: the same scenario run with RunConfig::oneAfterAnother under the
// cooperative policy). Structured items (ids, numbers, value texts, never words); app/view/VerdictText puts
// them into words in every language, for the window and the command line alike.
//
// Each item names a step to look at. The items come most telling first: how a run that did not finish ended
// (deadlock, stuck, a limit, a crash), threads killed by an uncaught exception, final values that differ from
// the one-after-the-other ones (with the lost update behind it, if the story found one), or that they match,
// or that no comparison is possible (the one-after-the-other run did not finish either), then data races.

#include <cstdint>
#include <string>
#include <vector>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"
#include "lockstep/Types.h"

namespace lockstep {

class TraceModel;

enum class VerdictKind : std::uint8_t {
    AsSequential,  // the run finished with every final value as one after the other
    Differs,       // object ended at value, one after the other it would be sequentialValue; lost: an update was
                   // lost (other's store at otherStep was overwritten by actor's at step); else actor's store at
                   // step left the value (step 0: no store did)
    Deadlock,      // a wait-for cycle at step: actors[i] waits for objects[i], held by actors[i + 1]
    Stuck,         // nobody could run any more and no timer was left, at step: actors wait on objects, forever
    Unfinished,    // the run ended with status (a limit, a crash, an error of the run itself) at step: message
    Uncaught,      // actor died of an uncaught exception (value: "Type: message") at step
    Race,          // a data race on object: other's access at otherStep and actor's at step, nothing orders them
    NoSequential,  // the run finished, but one after the other it ends with status (message): nothing to compare
    Finished,      // the run finished with nothing to compare (no shared variables) and nothing else to say
    Count_
};

struct VerdictItem {
    VerdictKind kind = VerdictKind::AsSequential;
    ActorId actor = kNoActor;
    ActorId other = kNoActor;
    ObjectId object = kNoObject;
    std::uint32_t step = 0;       // the step to look at
    std::uint32_t otherStep = 0;  // Differs (lost), Race: the earlier step
    std::string value;            // Differs: the run's final value; Uncaught: the exception
    std::string sequentialValue;  // Differs
    bool numeric = false;         // Differs: both values are numbers
    bool lost = false;            // Differs
    std::uint32_t lostCount = 0;  // Differs: how many updates of object were lost in all
    bool write = false;           // Race: actor's access was a store...
    bool otherWrote = false;      // ...and other's
    // NoSequential: run one after the other, a thread waited for good while a thread started after it never got
    // to run (a consumer waiting for its producer): the program needs its threads to run at the same time.
    bool waitsForLater = false;
    RunStatus status = RunStatus::Finished;  // Unfinished: the run's; NoSequential: the one-after-the-other run's
    std::string message;                     // Unfinished, NoSequential: how it ended, in the engine's words
    std::vector<ActorId> actors;             // Deadlock, Stuck
    std::vector<ObjectId> objects;           // Deadlock, Stuck
    friend bool operator==(const VerdictItem&, const VerdictItem&) = default;
};

// A final value of the one-after-the-other run, by the variable's name (the two runs number objects apart).
struct SequentialValue {
    std::string name;
    std::string text;
    bool numeric = false;
    friend bool operator==(const SequentialValue&, const SequentialValue&) = default;
};

struct Verdict {
    std::vector<VerdictItem> items;  // most telling first; empty while the run goes on
    bool compared = false;           // a one-after-the-other run was given
    RunStatus sequentialStatus = RunStatus::Running;  // how that run ended
    std::vector<SequentialValue> sequential;          // and its final values
    // The step the first item points at (0: none).
    std::uint32_t step() const { return items.empty() ? 0 : items.front().step; }
};

// The verdict of `run` (a model of an ended trace), compared with `oneAfterAnother` (the same configuration run
// with RunConfig::oneAfterAnother; nullptr: not computed, no comparison).
Verdict deriveVerdict(const TraceModel& run, const Trace* oneAfterAnother);

// Whether the verdict of the ended `run` compares with a one-after-the-other run: only a finished run with shared
// variables has final values to compare, so the others need not make that second run.
bool verdictComparesValues(const Trace& run);

// The configuration of the run a verdict compares with: the same scenario, parameters and seed, the cooperative
// policy, no forced schedule, and each thread run to completion in start order.
RunConfig oneAfterAnotherConfig(const RunConfig& config);

}  // namespace lockstep
