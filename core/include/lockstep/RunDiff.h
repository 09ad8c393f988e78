#pragma once
// How two ended runs differ: where their schedules first part (the step after which one let a thread run and the
// other let another), and how they came out (end state, final values, printed lines). Derived from the two traces
// alone, for `lockstep diff`, the window's comparison and the tests.

#include <cstdint>
#include <string>
#include <vector>

#include "lockstep/Trace.h"
#include "lockstep/Types.h"

namespace lockstep {

struct RunDifference {
    // Decisions: both runs made the same choices at the same steps (then the same setup gives the same run).
    bool sameSchedule = true;
    // The first decision that differs: after `step` (both runs were the same up to its end), A let `chosenA` run
    // and B `chosenB` ("" when that run made no decision there: it had ended, or had one candidate).
    std::uint32_t step = 0;
    std::string chosenA, chosenB;
    std::vector<std::string> candidates;  // who could run there, in A

    RunStatus statusA = RunStatus::Running, statusB = RunStatus::Running;
    std::uint32_t stepsA = 0, stepsB = 0;
    Nanos endA = 0, endB = 0;
    struct Value {
        std::string name;
        std::string a, b;  // "" when that run has no such variable
        bool operator==(const Value&) const = default;
    };
    std::vector<Value> values;            // every final value of either run, by name; differing ones first
    std::vector<std::string> onlyA, onlyB;  // printed lines ("actor: text") of one run the other lacks, in order

    // The outcomes agree: same end state, same final values, the same printed lines (in any order).
    bool sameOutcome() const;
};

RunDifference diffRuns(const Trace& a, const Trace& b);

}  // namespace lockstep
