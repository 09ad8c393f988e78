#include "learn/ChallengeSearch.h"

#include <QDir>

#include <algorithm>
#include <QFileInfo>

#include "lockstep/Goal.h"
#include "view/OneAfterAnother.h"
#include "lockstep/TraceModel.h"
#include "lockstep/WorkerPool.h"
#include "lockstep/python/Program.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::app {

bool lessonRun(const QString& scenarioId, const LessonParams& params, const scenarios::Scenario* program,
               LessonRun& out, QString& error) {
    out.scenario = scenarioId.isEmpty() ? program : scenarios::find(scenarioId.toStdString());
    if (!out.scenario) {
        error = scenarioId.isEmpty() ? QStringLiteral("this lesson's challenges need its program")
                                     : QStringLiteral("'%1' is no scenario").arg(scenarioId);
        return false;
    }
    out.config = RunConfig{};
    out.scenario->defaults.applyTo(out.config);
    out.config.params = params;
    return true;
}

bool fixRun(const Challenge& challenge, const Lesson& lesson, const scenarios::Scenario* program, LessonRun& out,
            QString& error) {
    if (!challenge.fixProgram.isEmpty()) {
        const QString path = QFileInfo(lesson.path).dir().filePath(challenge.fixProgram);
        std::string why;
        const scenarios::Scenario* fixed = python::loadProgram(path.toStdString(), why);
        if (!fixed) {
            error = QStringLiteral("%1: the fix of challenge '%2': %3").arg(lesson.path, challenge.name, QString::fromStdString(why));
            return false;
        }
        return lessonRun(QString(), challenge.fixParams, fixed, out, error);
    }
    return lessonRun(challenge.fixScenario, challenge.fixParams, program, out, error);
}

namespace {

// goalJudge's labels of one goal ('T' held, 'F' not, '!' with its problem), a win past the challenge's step
// limit relabelled 'L'. The step of a win ranks it: the quickest is kept.
RunJudge challengeJudge(const Goal& goal, std::uint32_t maxSteps) {
    return [judge = goalJudge({goal}, Truth::True), maxSteps](const Trace& trace) {
        RunJudgement j = judge(trace);
        if (j.label == "T" && maxSteps > 0 && j.step > maxSteps) j = RunJudgement{"L", 0};
        return j;
    };
}

// A search of the run's schedules, in runs of its own (its scenario's opener: a program in the runner's children).
ExploreResult exploreLesson(const LessonRun& run, ExploreOptions options) {
    WorkerPool pool;
    Explorer explorer(pool);
    explorer.useOpener(run.scenario->opener());
    options.seed = run.config.seed;
    const scenarios::Scenario* scenario = run.scenario;
    const scenarios::Params params = scenario->resolve(run.config.params);
    return explorer.explore(scenario->id, [scenario, params] { scenario->main(params); }, run.config, options);
}

ExploreResult exploreGoal(const LessonRun& run, const Goal& goal, std::uint32_t maxSteps, ExploreStrategy strategy,
                          int maxRuns, const std::atomic<bool>* cancel, int workers, bool stopAtWin) {
    ExploreOptions options;
    options.strategy = strategy;
    options.maxRuns = maxRuns;
    options.cancel = cancel;
    options.workers = workers;
    options.judge = challengeJudge(goal, maxSteps);
    if (stopAtWin) options.stopAtLabel = "T";
    return exploreLesson(run, options);
}

// The wins among a search's outcomes: how many runs, the quickest and its token; a problem a run met (goalJudge
// writes it after the goal's index: "!!0:problem").
GoalSearch summarize(GoalSearch s, const std::vector<ExploreOutcome>& outcomes) {
    for (const ExploreOutcome& o : outcomes) {
        if (!o.label.empty() && o.label.front() == '!') {
            const std::size_t colon = o.label.find(':');
            if (s.problem.isEmpty() && colon != std::string::npos)
                s.problem = QString::fromStdString(o.label.substr(colon + 1));
            continue;
        }
        if (o.label != "T") continue;
        s.winning += o.count;
        ++s.winningOutcomes;
        if (o.bestStep > 0 && (s.shortest == 0 || o.bestStep < s.shortest)) {
            s.shortest = o.bestStep;
            s.replay = o.bestReplay;
        }
    }
    return s;
}

}  // namespace

GoalSearch searchGoal(const LessonRun& run, const Goal& goal, std::uint32_t maxSteps, int maxRuns,
                      const std::atomic<bool>* cancel, int workers, bool stopAtWin) {
    GoalSearch s;
    auto tally = [&s](const ExploreResult& r) {
        s.schedules += r.runs - r.sleepBlocked;
        s.outcomes += static_cast<int>(r.outcomes.size());
        if (!r.error.empty() && s.problem.isEmpty()) s.problem = QString::fromStdString(r.error);
    };
    const auto won = [](const ExploreResult& r) {
        return std::any_of(r.outcomes.begin(), r.outcomes.end(), [](const ExploreOutcome& o) { return o.label == "T"; });
    };
    // Any win will do: a few random schedules first, since depth first starts with the schedules that change
    // nothing early, and a win often needs an early choice (a process's children each take a run's worth of
    // steps before the depth-first search reaches the parent's first choice).
    if (stopAtWin) {
        ExploreResult quick = exploreGoal(run, goal, maxSteps, ExploreStrategy::Random, std::min(maxRuns, 100), cancel,
                                          workers, true);
        if (won(quick) || quick.cancelled || !quick.error.empty()) {
            tally(quick);
            s.cancelled = quick.cancelled;
            return summarize(s, quick.outcomes);
        }
    }
    ExploreResult r = exploreGoal(run, goal, maxSteps, ExploreStrategy::Dfs, maxRuns, cancel, workers, stopAtWin);
    s.exhaustive = r.exhaustive;
    s.cancelled = r.cancelled;
    tally(r);
    // Depth first, a search cut short has only looked at schedules that leave the first choices alone; a win that
    // needs an early unusual choice is found sooner by random schedules.
    if (!won(r) && !r.exhaustive && !r.cancelled && r.error.empty()) {
        ExploreResult random =
            exploreGoal(run, goal, maxSteps, ExploreStrategy::Random, maxRuns, cancel, workers, stopAtWin);
        s.cancelled = random.cancelled;
        tally(random);
        r.outcomes.insert(r.outcomes.end(), random.outcomes.begin(), random.outcomes.end());
    }
    return summarize(s, r.outcomes);
}

QString predictionAnswer(const Goal& answer, const TraceModel& model, QString* problem) {
    std::string why;
    const std::string a = answerOf(answer, model, &why);
    if (problem) *problem = QString::fromStdString(why);
    return QString::fromStdString(a);
}

PredictionChoices predictionChoices(const LessonRun& run, const Goal& answer, int maxRuns,
                                    const std::atomic<bool>* cancel, int workers, const QStringList& extra) {
    PredictionChoices p;
    ExploreOptions options;
    options.strategy = ExploreStrategy::Dfs;
    options.maxRuns = maxRuns;
    options.cancel = cancel;
    options.workers = workers;
    options.judge = [answer](const Trace& trace) {
        const TraceModel model(trace);
        std::string why;
        const std::string a = answerOf(answer, model, &why);
        return RunJudgement{why.empty() ? "=" + a : "!" + why, 0};
    };
    const ExploreResult r = exploreLesson(run, options);
    p.explored = r.runs - r.sleepBlocked;
    p.exhaustive = r.exhaustive;
    if (!r.error.empty()) p.problem = QString::fromStdString(r.error);
    auto add = [&p](const QString& choice, int count) {
        const qsizetype at = p.choices.indexOf(choice);
        if (at >= 0) {
            p.schedules[std::size_t(at)] += count;
            return;
        }
        p.choices << choice;
        p.schedules.push_back(count);
    };
    for (const ExploreOutcome& o : r.outcomes) {
        if (o.label.empty()) continue;
        if (o.label.front() == '!') {
            if (p.problem.isEmpty()) p.problem = QString::fromStdString(o.label.substr(1));
            continue;
        }
        add(QString::fromStdString(o.label.substr(1)), o.count);
    }
    // One after the other is what a learner who does not yet think concurrently expects; a run that got stuck
    // that way (a consumer waiting for a producer not yet started) has no answer worth offering.
    WorkerPool pool;
    if (std::unique_ptr<Trace> sequential = runOneAfterAnother(pool, *run.scenario, run.config, cancel);
        sequential && sequential->outcome().status == RunStatus::Finished) {
        const TraceModel model(*sequential);
        p.sequential = predictionAnswer(answer, model);
        if (!p.sequential.isEmpty()) add(p.sequential, 0);
    }
    for (const QString& e : extra) add(e, 0);
    // Numbers in order, so the choices read as a scale.
    bool numbers = !p.choices.isEmpty();
    for (const QString& c : p.choices) {
        bool ok = false;
        c.toDouble(&ok);
        numbers = numbers && ok;
    }
    if (numbers) {
        std::vector<std::size_t> order(std::size_t(p.choices.size()));
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return p.choices[qsizetype(a)].toDouble() < p.choices[qsizetype(b)].toDouble();
        });
        QStringList choices;
        std::vector<int> schedules;
        for (std::size_t k : order) {
            choices << p.choices[qsizetype(k)];
            schedules.push_back(p.schedules[k]);
        }
        p.choices = choices;
        p.schedules = schedules;
    }
    return p;
}

ChallengeProgress challengeProgress(const Challenge& challenge, GoalMonitor& monitor, const TraceModel& model) {
    monitor.follow(model);
    ChallengeProgress p;
    p.truth = monitor.truth(0);
    p.step = monitor.decidedAt(0);
    p.problem = QString::fromStdString(monitor.problem(0));
    if (p.truth == Truth::True && challenge.maxSteps > 0 && p.step > challenge.maxSteps) {
        p.tooLate = true;
        p.truth = Truth::False;
    }
    // Past the step limit without a win, the challenge is lost even while the run goes on.
    if (p.truth == Truth::Unknown && challenge.maxSteps > 0 && monitor.step() > challenge.maxSteps) {
        p.truth = Truth::False;
        p.step = challenge.maxSteps;
        p.tooLate = true;
    }
    return p;
}

}  // namespace lockstep::app
