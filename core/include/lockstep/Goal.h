#pragma once
// Goals and answers over a run: the little language challenges, predictions, lesson files and `lockstep check`
// speak ("counter < 30", "holding(sem) >= 3", "inside(7-9) >= 2", "deadlock", "nth(sem, 2)").
//
//   goal       := or ;  or := and ('or' and)* ;  and := not ('and' not)* ;  not := 'not' not | primary
//   primary    := '(' goal ')' | comparison | STATE
//   comparison := value OP value                      OP: == != < <= > >=
//   value      := NUMBER | '-' NUMBER | 'text' | "text" | NAME | FUNC '(' args ')'
//   STATE      := finished | deadlock | stuck | error | crashed | frozen     (how the run ended)
//
// Two kinds of facts:
//  * moments, true or false after each step: inside(A-B), holding(OBJ), waiting(OBJ), items(OBJ),
//    blocked(THREAD), cancelled(), errors(), races(), alive(). A comparison of moments, or an `and`/`or` of such
//    comparisons, is one unit: "at some step, all of this held at once". It is decided the step it first holds
//    (true), or at the end of the run (false). `not` over a unit means "never".
//  * ends, known when the run has ended: a bare NAME (the final value of the shared variable of that name; a
//    name that is no word, value('Value-1')), status(), uncaught(), printed('text'), time(), last_print(), steps(),
//    order(OBJ), nth(OBJ, k), and STATE.
// The whole is three-valued (true, false, not yet known) with Kleene's rules, so `holding(sem) >= 3 or deadlock`
// is won at the step the third thread gets in, and `counter == 2 and not deadlock` when the run ends.
//
// A Goal is a parsed expression, cheap to copy; a GoalMonitor follows one run (a TraceModel, live or ended) and
// says when each of its goals was decided and which way; answerOf() evaluates a value expression (a prediction's
// answer) on an ended run. The meaning of a step is RunState's: these only read it.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lockstep/Explorer.h"
#include "lockstep/RunExecutor.h"
#include "lockstep/RunState.h"

namespace lockstep {

class TraceModel;

namespace goal {
struct Node;
}

class Goal {
public:
    Goal() = default;
    // A goal (a truth) or, with `value`, a value expression (an answer). On a mistake returns nullopt and sets
    // `error` to what is wrong and where ("column 9: expected a value after '<'").
    static std::optional<Goal> parse(std::string_view text, std::string* error);
    static std::optional<Goal> parseValue(std::string_view text, std::string* error);

    const std::string& text() const { return text_; }
    bool empty() const { return !root_; }
    // Whether it can be decided before the run ends (it has a moment unit outside any `not`).
    bool hasMoments() const;

    const goal::Node* root() const { return root_.get(); }

private:
    std::string text_;
    std::shared_ptr<const goal::Node> root_;
};

enum class Truth : std::uint8_t { Unknown, False, True };

// Follows a run and decides goals about it. Feed it the run's TraceModel after every advance; a model that was
// reset (a new run, or the same run from its start) starts it over.
class GoalMonitor {
public:
    explicit GoalMonitor(std::vector<Goal> goals);
    GoalMonitor(const GoalMonitor&) = delete;
    GoalMonitor& operator=(const GoalMonitor&) = delete;
    ~GoalMonitor();

    // Looks at every step the model has that it has not seen; once the model's run has ended, decides every goal.
    void follow(const TraceModel& model);

    std::size_t size() const { return goals_.size(); }
    const Goal& goal(std::size_t i) const { return goals_[i]; }
    Truth truth(std::size_t i) const { return decided_[i]; }
    // The step at which goal i was decided (0 while unknown).
    std::uint32_t decidedAt(std::size_t i) const { return decidedAt_[i]; }
    // What went wrong evaluating goal i: a name the run does not have, a text compared as a number. Empty when
    // nothing did. A goal with a problem is false.
    const std::string& problem(std::size_t i) const { return problems_[i]; }
    // The steps seen so far.
    std::uint32_t step() const;

    // What it keeps of the run (the state after the last step seen, acquisitions, names), for answerOf().
    struct State;
    const State& state() const { return *state_; }

private:
    void reset();
    void decide(std::size_t i, std::uint32_t step, bool ended);

    std::vector<Goal> goals_;
    std::vector<Truth> decided_;
    std::vector<std::uint32_t> decidedAt_;
    std::vector<std::string> problems_;
    std::unique_ptr<State> state_;
    const TraceModel* model_ = nullptr;
    std::uint64_t generation_ = 0;
};

// The answer of value expression `answer` on the ended run of `model`, as text: a number as the run printed it,
// a thread's name, 'T1,T2'... Sets `problem` (and returns "") when the run has no such name.
std::string answerOf(const Goal& answer, const TraceModel& model, std::string* problem);

// Goals over every run of a search (`lockstep check`, a challenge's hints). The judge labels each run with one
// letter per goal: 'T' held, 'F' did not (or was not decided: a run cut short), '!' could not be evaluated (then
// the label ends with "!" and the first problem); its step is the earliest step at which a goal came out
// `rankBy` (the shortest counterexample, the quickest win).
RunJudge goalJudge(std::vector<Goal> goals, Truth rankBy);

struct GoalTally {
    struct PerGoal {
        int held = 0;        // runs in which it held
        int broken = 0;      // runs in which it did not
        int outcomesHeld = 0, outcomesBroken = 0;  // distinct outcomes (of the search's key) of each
        int firstBroken = -1;  // index into the search's outcomes of the first outcome breaking it
        int firstHeld = -1;    // and of the first holding it
    };
    std::vector<PerGoal> goals;
    std::string problem;       // what a goal could not be evaluated on (a name the runs do not have)
    int problemGoal = -1;
    int firstBroken = -1;      // the first outcome that breaks any goal (-1: none)
};
// Reads the labels goalJudge() gave the runs of `result`.
GoalTally tallyGoals(const ExploreResult& result, std::size_t goals);

// The names of the things the state functions of a goal know, for error messages: "no lock, semaphore or queue
// named 'sem' in this run (it has: lock, counter)".
std::string goalNamesHint(const TraceModel& model);

}  // namespace lockstep
