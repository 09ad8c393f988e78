#pragma once
// What exploration knows about a challenge: whether its goal can be reached at all, by how many schedules, the
// quickest way there (a replay token), and, for a "prevent it" challenge, whether the reference fix holds in
// every schedule. One search serves the window's hints, `lockstep challenges --verify` and the tests.

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "learn/Lesson.h"
#include "lockstep/Explorer.h"
#include "lockstep/RunConfig.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep::app {

// A scenario (or program) and its configuration, as a challenge or prediction asks for it.
struct LessonRun {
    const scenarios::Scenario* scenario = nullptr;
    RunConfig config;
};

// The run a challenge or prediction is about: the campaign's built-in scenario with its parameters, or the lesson's
// program (`program`, already loaded) with them. False with `error` when the scenario or program is not there.
bool lessonRun(const QString& scenarioId, const LessonParams& params, const scenarios::Scenario* program,
               LessonRun& out, QString& error);
// The reference fix of a "prevent it" challenge; a lesson's fixed program is read from the lesson's folder.
bool fixRun(const Challenge& challenge, const Lesson& lesson, const scenarios::Scenario* program, LessonRun& out,
            QString& error);

struct GoalSearch {
    int schedules = 0;          // runs judged (the search's runs, less those a sleep set stopped early)
    int winning = 0;            // runs that reached the goal (within the challenge's step limit)
    int outcomes = 0;           // distinct outcomes of the search
    int winningOutcomes = 0;
    std::uint32_t shortest = 0; // the step the quickest win reached the goal at (0: no win)
    std::string replay;         // its replay token
    bool exhaustive = false;    // every schedule was run: no win means the goal is impossible
    bool cancelled = false;
    QString problem;            // the goal names something the run does not have, or the search failed
    bool possible() const { return winning > 0; }
    bool impossible() const { return winning == 0 && exhaustive && problem.isEmpty(); }
};

// Searches the schedules of `run` for ones reaching `goal` at a step <= maxSteps (0: any): depth first, then, when
// that was cut short without a win, as many random schedules. `maxRuns` bounds each; `cancel` (may be null) stops
// it early; `stopAtWin` looks for any one win: a hundred random schedules first, then as above, stopping at the
// first (the counts and the quickest are then of the runs so far).
GoalSearch searchGoal(const LessonRun& run, const Goal& goal, std::uint32_t maxSteps, int maxRuns = 5000,
                      const std::atomic<bool>* cancel = nullptr, int workers = 0, bool stopAtWin = false);

// A prediction's choices: every answer the schedules explored give (sorted when all are numbers, else in the
// order found) and the answer when the threads run one after the other, which a learner
// who does not yet think concurrently expects.
struct PredictionChoices {
    QStringList choices;
    std::vector<int> schedules;  // per choice: how many schedules explored give it (0: only one after the other)
    QString sequential;          // the answer one after the other ("" when that run could not end)
    int explored = 0;
    bool exhaustive = false;
    QString problem;
};
PredictionChoices predictionChoices(const LessonRun& run, const Goal& answer, int maxRuns = 5000,
                                    const std::atomic<bool>* cancel = nullptr, int workers = 0,
                                    const QStringList& extra = {});
// The answer of the ended run of `model`; "" with `problem` set when it cannot be given.
QString predictionAnswer(const Goal& answer, const TraceModel& model, QString* problem = nullptr);

// Whether the run (an ended or live model) has won the challenge: the step it was won at, 0 while not.
struct ChallengeProgress {
    Truth truth = Truth::Unknown;
    std::uint32_t step = 0;
    bool tooLate = false;      // reached, but after the challenge's step limit
    QString problem;
};
ChallengeProgress challengeProgress(const Challenge& challenge, GoalMonitor& monitor, const TraceModel& model);

}  // namespace lockstep::app
