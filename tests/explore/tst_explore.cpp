// Schedule exploration: depth-first search with and without partial-order reduction, the preemption bound,
// seeded random and PCT. The oracle for "every outcome" is what the scenarios' catalogue says the real
// program can produce; every outcome comes with a replay token that must reproduce it.

#include "common/TestMain.h"
#include <QtTest>

#include <algorithm>
#include <atomic>
#include <set>
#include <string>
#include <vector>

#include "common/ProcessThreads.h"
#include "lockstep/Execution.h"
#include "lockstep/Explorer.h"
#include "lockstep/Lock.h"
#include "lockstep/PyError.h"
#include "lockstep/Shared.h"
#include "lockstep/Thread.h"
#include "lockstep/ReplayToken.h"
#include "lockstep/RunSession.h"
#include "lockstep/Verdict.h"
#include "lockstep/scenarios/Registry.h"

using namespace lockstep;

namespace {

std::function<void()> bodyFor(const scenarios::Scenario& s, const scenarios::Params& params) {
    return [&s, params] { s.main(params); };
}

RunConfig baseFor(const scenarios::Scenario& s) {
    RunConfig c;
    c.cores = s.defaults.cores;
    c.gil = s.defaults.gil;
    return c;
}

// The outcomes' values of one shared variable ("" when the outcome has no such variable), as a set.
std::set<std::string> valuesOf(const ExploreResult& r, const std::string& name) {
    std::set<std::string> out;
    for (const ExploreOutcome& o : r.outcomes)
        for (const auto& [n, v] : o.shared)
            if (n == name) out.insert(v);
    return out;
}

std::set<RunStatus> statusesOf(const ExploreResult& r) {
    std::set<RunStatus> out;
    for (const ExploreOutcome& o : r.outcomes) out.insert(o.status);
    return out;
}

std::set<std::string> keysOf(const ExploreResult& r) {
    std::set<std::string> out;
    for (const ExploreOutcome& o : r.outcomes) out.insert(o.key);
    return out;
}

void sameResults(const ExploreResult& a, const ExploreResult& b) {
    QCOMPARE(b.runs, a.runs);
    QCOMPARE(b.exhaustive, a.exhaustive);
    QCOMPARE(b.cancelled, a.cancelled);
    QCOMPARE(b.budgetReached, a.budgetReached);
    QCOMPARE(b.boundReached, a.boundReached);
    QCOMPARE(b.stepLimitReached, a.stepLimitReached);
    QCOMPARE(b.totalSteps, a.totalSteps);
    QCOMPARE(b.sleepBlocked, a.sleepBlocked);
    QCOMPARE(b.error, a.error);
    QCOMPARE(b.outcomes.size(), a.outcomes.size());
    for (std::size_t i = 0; i < a.outcomes.size(); ++i) {
        QCOMPARE(b.outcomes[i].key, a.outcomes[i].key);
        QCOMPARE(b.outcomes[i].count, a.outcomes[i].count);
        QCOMPARE(b.outcomes[i].firstRun, a.outcomes[i].firstRun);
        QCOMPARE(b.outcomes[i].seed, a.outcomes[i].seed);
        QCOMPARE(b.outcomes[i].replay, a.outcomes[i].replay);
    }
}

}  // namespace

class TestExplore : public QObject {
    Q_OBJECT

    WorkerPool pool_;

    ExploreResult explore(const std::string& id, ExploreOptions options,
                          const std::vector<std::pair<std::string, std::int64_t>>& params = {}) {
        if (options.workers == 0) options.workers = 1;  // the tests below that are about workers set them
        const scenarios::Scenario* s = scenarios::find(id);
        if (!s) qFatal("no scenario %s", id.c_str());
        RunConfig base = baseFor(*s);
        base.params = params;
        Explorer explorer(pool_);
        return explorer.explore(id, bodyFor(*s, s->resolve(params)), base, options);
    }

    static ExploreOptions dfs(bool reduce = true, int bound = -1, int runs = 100000) {
        ExploreOptions o;
        o.strategy = ExploreStrategy::Dfs;
        o.partialOrderReduction = reduce;
        o.maxPreemptions = bound;
        o.maxRuns = runs;
        return o;
    }

private slots:
    // "Finished" and "finished, but MainThread died of a ValueError" are different outcomes, each named by the
    // thread and the exception's type.
    void uncaughtErrorsAreOutcomes() {
        auto body = [] {
            Shared<int> x("x", 0);
            Thread t([&x] { x.store(1); }, {.name = "T1"});
            t.start();
            if (x.load() == 0) {
                t.join();
                throw ValueError("x was read before T1 wrote it");
            }
            t.join();
        };
        Explorer explorer(pool_);
        const ExploreResult r = explorer.explore("raises", body, RunConfig{}, dfs());
        QVERIFY(r.exhaustive);
        QCOMPARE(r.outcomes.size(), std::size_t(2));
        std::set<std::string> seen;
        for (const ExploreOutcome& o : r.outcomes) {
            QCOMPARE(o.status, RunStatus::Finished);
            QCOMPARE(o.shared.size(), std::size_t(1));
            seen.insert(o.uncaught.empty() ? "clean" : o.uncaught[0].thread + " " + o.uncaught[0].type);
        }
        QCOMPARE(seen, (std::set<std::string>{"clean", "MainThread ValueError"}));
    }

    // A search asked to stop (Ctrl+C, Cancel) stops inside the run it is in, and counts no partial run.
    void cancelStopsWithinARun() {
        std::atomic<bool> cancel{true};
        ExploreOptions options = dfs();
        options.cancel = &cancel;
        Explorer explorer(pool_);
        const ExploreResult r = explorer.explore("spins", [] {
            Shared<int> x("x", 0);
            for (;;) x.store(x.load() + 1);  // would end only at the step limit
        }, RunConfig{}, options);
        QVERIFY(r.cancelled);
        QCOMPARE(r.runs, 0);
        QVERIFY(r.outcomes.empty());
        QVERIFY(!r.exhaustive);
        QCOMPARE(int(r.limit()), int(ExploreResult::Limit::Cancelled));
    }

    void strategyNames() {
        for (ExploreStrategy s : {ExploreStrategy::Dfs, ExploreStrategy::Random, ExploreStrategy::Pct}) {
            ExploreStrategy back{};
            QVERIFY(parseExploreStrategy(exploreStrategyName(s), back));
            QCOMPARE(back, s);
        }
        ExploreStrategy x{};
        QVERIFY(!parseExploreStrategy("bfs", x));
    }

    // x=2; one thread adds 1, the other doubles: 6 and 5 in the serial orders, 3 and 4 when an update is lost.
    void dfsFindsEveryOutcomeOfTheLostUpdate_data() {
        QTest::addColumn<bool>("reduce");
        QTest::newRow("plain") << false;
        QTest::newRow("por") << true;
    }
    void dfsFindsEveryOutcomeOfTheLostUpdate() {
        QFETCH(bool, reduce);
        const ExploreResult r = explore("race-increment-double", dfs(reduce));
        QVERIFY2(r.error.empty(), r.error.c_str());
        QVERIFY(r.exhaustive);
        QCOMPARE(valuesOf(r, "x"), (std::set<std::string>{"3", "4", "5", "6"}));
        QCOMPARE(statusesOf(r), std::set<RunStatus>{RunStatus::Finished});
        // Every run is in one outcome, except those the sleep sets stopped early (plain DFS keeps none).
        int total = 0;
        for (const ExploreOutcome& o : r.outcomes) total += o.count;
        QCOMPARE(total, r.runs - r.sleepBlocked);
        if (!reduce) QCOMPARE(r.sleepBlocked, 0);
    }

    void dfsOnTheSleepRace() {
        const ExploreResult r = explore("race-counter-sleep", dfs());
        QVERIFY(r.exhaustive);
        // Both read 0 before either writes, whatever the order: the last write wins, never 30.
        QCOMPARE(valuesOf(r, "counter"), (std::set<std::string>{"10", "20"}));
    }

    void dfsProvesTheLockVersionsCorrect_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("lock-counter") << "lock-counter" << "counter" << "30";
    }
    void dfsProvesTheLockVersionsCorrect() {
        QFETCH(QString, id);
        QFETCH(QString, variable);
        QFETCH(QString, value);
        const ExploreResult r = explore(id.toStdString(), dfs());
        QVERIFY(r.exhaustive);
        QCOMPARE(valuesOf(r, variable.toStdString()), std::set<std::string>{value.toStdString()});
        QCOMPARE(statusesOf(r), std::set<RunStatus>{RunStatus::Finished});
    }

    void dfsOnDeadlocks() {
        const ExploreResult two = explore("deadlock-two-locks", dfs());
        QVERIFY(two.exhaustive);
        QVERIFY(statusesOf(two).count(RunStatus::Deadlock));
        // With one global lock order no schedule deadlocks: an exhaustive search is the proof.
        const ExploreResult ordered = explore("deadlock-ordered", dfs());
        QVERIFY(ordered.exhaustive);
        QCOMPARE(statusesOf(ordered), std::set<RunStatus>{RunStatus::Finished});
    }

    // The one-after-the-other run (each thread to completion before the next starts) counts under the outcome
    // whose key it shares: race-increment-double's x=6 ((2+1)*2) and lock-counter's 30 are among the explored
    // outcomes; race-counter-sleep's 30 is not, since in every schedule the sleep lets the other thread read 0.
    void oneAfterTheOtherOutcome_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("found");
        QTest::newRow("race-increment-double") << "race-increment-double" << "finished;x=6" << true;
        QTest::newRow("lock-counter") << "lock-counter" << "finished;counter=30" << true;
        QTest::newRow("race-counter-sleep") << "race-counter-sleep" << "finished;counter=30" << false;
    }
    void oneAfterTheOtherOutcome() {
        QFETCH(QString, id);
        QFETCH(QString, key);
        QFETCH(bool, found);
        const scenarios::Scenario* s = scenarios::find(id.toStdString());
        QVERIFY(s);
        const ExploreResult r = explore(id.toStdString(), dfs());
        QVERIFY(r.exhaustive);
        Trace sequential;
        std::unique_ptr<RunSession> run = s->opener()(pool_, sequential, oneAfterAnotherConfig(baseFor(*s)), nullptr);
        run->runToEnd();
        run->teardown();
        const ExploreOutcome o = exploreOutcomeOf(sequential);
        QCOMPARE(QString::fromStdString(o.key), key);
        QCOMPARE(o.status, RunStatus::Finished);
        QCOMPARE(o.count, 0);
        const int index = findExploreOutcome(r, sequential);
        QCOMPARE(index, findExploreOutcome(r, o.key));
        if (found) {
            QVERIFY(index >= 0);
            QCOMPARE(r.outcomes[std::size_t(index)].key, o.key);
            QCOMPARE(r.outcomes[std::size_t(index)].shared, o.shared);
        } else {
            QCOMPARE(index, -1);
        }
        QCOMPARE(findExploreOutcome(ExploreResult{}, sequential), -1);
    }

    // The reduction runs fewer schedules and loses no outcome.
    void reductionSavesRunsAndKeepsOutcomes_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("bound");
        QTest::addColumn<int>("threads");  // the scenario's "threads" parameter, 0: its default
        const std::vector<std::pair<const char*, int>> cases{
            {"race-increment-double", 0}, {"race-counter-sleep", 0}, {"lock-counter", 0}, {"lock-counter", 3},
            {"deadlock-two-locks", 0},    {"deadlock-ordered", 0},   {"lock-vs-rlock", 0}, {"event-set-wait", 0},
            {"semaphore-groups", 3}};
        for (const auto& [id, threads] : cases)
            for (int bound : {-1, 0, 1, 2}) {
                // Three threads make plain DFS explode past a bound of 1 (15,721 runs at 2 for semaphore-groups).
                if (threads == 3 && (bound < 0 || bound > 1)) continue;
                QTest::newRow(qPrintable(QStringLiteral("%1/threads %2/bound %3").arg(id).arg(threads).arg(bound)))
                    << id << bound << threads;
            }
    }
    void reductionSavesRunsAndKeepsOutcomes() {
        QFETCH(QString, id);
        QFETCH(int, bound);
        QFETCH(int, threads);
        std::vector<std::pair<std::string, std::int64_t>> params;
        if (threads > 0) params.emplace_back("threads", threads);
        const ExploreResult plain = explore(id.toStdString(), dfs(false, bound), params);
        const ExploreResult por = explore(id.toStdString(), dfs(true, bound), params);
        QVERIFY(!plain.budgetReached);
        QVERIFY(!por.budgetReached);
        if (bound < 0) {
            QVERIFY(plain.exhaustive);
            QVERIFY(por.exhaustive);
        }
        // Under a bound the reduction must still find every outcome the plain bounded search finds.
        QCOMPARE(keysOf(por), keysOf(plain));
        QVERIFY2(por.runs <= plain.runs, qPrintable(QStringLiteral("%1 vs %2").arg(por.runs).arg(plain.runs)));
        qInfo("%s: plain %d runs, reduced %d", qPrintable(QTest::currentDataTag()), plain.runs, por.runs);
    }
    void reductionSavesOnARealRace() {
        const ExploreResult plain = explore("race-counter-sleep", dfs(false));
        const ExploreResult por = explore("race-counter-sleep", dfs(true));
        QVERIFY2(por.runs < plain.runs, qPrintable(QStringLiteral("%1 vs %2").arg(por.runs).arg(plain.runs)));
    }

    // A query that takes no step (Lock.locked()) still depends on the lock: the reduction must try T2's look
    // both while T1 holds the lock and while it does not, as plain DFS does.
    void queriesWithoutAStepAreDependences() {
        auto body = [] {
            Lock lock("lock");
            Shared<int> seen("seen", 0);
            Thread t1([lock]() mutable {
                lock.acquire();
                lock.release();
            }, {.name = "T1"});
            Thread t2([lock, seen]() mutable { seen.store(lock.locked() ? 1 : 2); }, {.name = "T2"});
            t1.start();
            t2.start();
            t1.join();
            t2.join();
        };
        Explorer explorer(pool_);
        ExploreOptions plainOptions = dfs(false);
        const ExploreResult plain = explorer.explore("silent", body, RunConfig{}, plainOptions);
        const ExploreResult por = explorer.explore("silent", body, RunConfig{}, dfs(true));
        QCOMPARE(valuesOf(plain, "seen"), (std::set<std::string>{"1", "2"}));
        QCOMPARE(valuesOf(por, "seen"), (std::set<std::string>{"1", "2"}));
        QVERIFY(por.exhaustive);
    }

    void preemptionBound() {
        // With no preemption at all, threads run until they block or end: the lost updates need a switch
        // between a read and a write, so only serial outcomes remain, and the search says it was cut.
        const ExploreResult none = explore("race-increment-double", dfs(true, 0));
        QVERIFY(none.boundReached);
        QVERIFY(!none.exhaustive);
        const std::set<std::string> serial = valuesOf(none, "x");
        QVERIFY(!serial.empty());
        for (const std::string& v : serial) QVERIFY2(v == "5" || v == "6", v.c_str());
        // One preemption is enough for every outcome here.
        const ExploreResult one = explore("race-increment-double", dfs(true, 1));
        QCOMPARE(valuesOf(one, "x"), (std::set<std::string>{"3", "4", "5", "6"}));
    }

    void budgetStopsTheSearch() {
        const ExploreResult r = explore("race-increment-double", dfs(false, -1, 2));
        QCOMPARE(r.runs, 2);
        QVERIFY(r.budgetReached);
        QVERIFY(!r.exhaustive);
    }

    void cancelStopsTheSearch() {
        const scenarios::Scenario* s = scenarios::find("race-increment-double");
        Explorer explorer(pool_);
        int calls = 0;
        const ExploreResult r = explorer.explore(s->id, bodyFor(*s, s->resolve({})), baseFor(*s), dfs(false),
                                                 [&](int done) {
                                                     ++calls;
                                                     return done < 3;
                                                 });
        QCOMPARE(r.runs, 3);
        QCOMPARE(calls, 3);
        QVERIFY(r.cancelled);
        QVERIFY(!r.exhaustive);
    }

    // Every outcome's token replays to that outcome, for every strategy.
    void replayTokensReproduceOutcomes_data() {
        QTest::addColumn<int>("strategy");
        QTest::newRow("dfs") << int(ExploreStrategy::Dfs);
        QTest::newRow("random") << int(ExploreStrategy::Random);
        QTest::newRow("pct") << int(ExploreStrategy::Pct);
    }
    void replayTokensReproduceOutcomes() {
        QFETCH(int, strategy);
        ExploreOptions o = dfs();
        o.strategy = static_cast<ExploreStrategy>(strategy);
        o.maxRuns = strategy == int(ExploreStrategy::Dfs) ? 100000 : 300;
        const ExploreResult r = explore("race-increment-double", o);
        QVERIFY(r.outcomes.size() >= 2);
        for (const ExploreOutcome& outcome : r.outcomes) {
            std::string id, error;
            RunConfig config;
            QVERIFY2(decodeReplayToken(outcome.replay, id, config, error), error.c_str());
            const scenarios::Scenario* s = scenarios::find(id);
            QVERIFY(s);
            Trace trace;
            {
                Execution ex(pool_, trace, config, bodyFor(*s, s->resolve(config.params)));
                ex.runToEnd();
            }
            QCOMPARE(trace.outcome().status, outcome.status);
            QCOMPARE(trace.outcome().shared.size(), outcome.shared.size());
            for (const FinalValue& v : trace.outcome().shared) {
                const auto it = std::find_if(outcome.shared.begin(), outcome.shared.end(),
                                             [&](const auto& p) { return p.first == trace.object(v.object).name; });
                QVERIFY(it != outcome.shared.end());
                QCOMPARE(v.text, it->second);
            }
        }
    }

    void randomAndPctAreSeeded() {
        for (ExploreStrategy st : {ExploreStrategy::Random, ExploreStrategy::Pct}) {
            ExploreOptions o;
            o.strategy = st;
            o.maxRuns = 200;
            o.seed = 7;
            const ExploreResult a = explore("race-increment-double", o);
            const ExploreResult b = explore("race-increment-double", o);
            QCOMPARE(a.runs, 200);
            QVERIFY(!a.exhaustive);  // sampling never proves anything
            QCOMPARE(a.outcomes.size(), b.outcomes.size());
            for (std::size_t i = 0; i < a.outcomes.size(); ++i) {
                QCOMPARE(a.outcomes[i].key, b.outcomes[i].key);
                QCOMPARE(a.outcomes[i].count, b.outcomes[i].count);
                QCOMPARE(a.outcomes[i].replay, b.outcomes[i].replay);
            }
        }
    }

    void pctFindsTheLostUpdate() {
        ExploreOptions o;
        o.strategy = ExploreStrategy::Pct;
        o.maxRuns = 300;
        o.pctDepth = 2;
        const ExploreResult r = explore("race-increment-double", o);
        const std::set<std::string> values = valuesOf(r, "x");
        QVERIFY(values.count("3") || values.count("4"));
        QVERIFY(values.count("5") || values.count("6"));
    }

    // ---- runs spread over several workers ----

    // A search's results do not depend on how many workers ran it: the same runs, outcomes in the same order
    // with the same counts, first runs, seeds and replay tokens, and the same verdict.
    void workersDoNotChangeResults_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("strategy");
        QTest::addColumn<bool>("reduce");
        QTest::addColumn<int>("bound");
        QTest::addColumn<int>("runs");
        const int dfs = int(ExploreStrategy::Dfs), random = int(ExploreStrategy::Random), pct = int(ExploreStrategy::Pct);
        struct Row {
            const char* id;
            int threads, strategy;
            bool reduce;
            int bound, runs;
        };
        const Row rows[] = {
            {"race-increment-double", 0, dfs, true, -1, 100000},    {"race-counter-sleep", 0, dfs, true, -1, 100000},
            {"deadlock-two-locks", 0, dfs, true, -1, 100000},       {"lock-counter", 3, dfs, true, -1, 100000},
            {"semaphore-groups", 3, dfs, true, -1, 100000},         {"event-set-wait", 0, dfs, true, -1, 100000},
            {"queue-producer-consumers", 0, dfs, true, -1, 100000}, {"queue-producer-consumers", 0, dfs, true, -1, 150},
            {"race-increment-double", 0, dfs, true, 1, 100000},     {"race-increment-double", 0, dfs, true, 2, 100000},
            {"lock-counter", 3, dfs, true, 1, 100000},              {"semaphore-groups", 3, dfs, true, 1, 100000},
            {"race-increment-double", 0, dfs, false, 2, 100000},    {"deadlock-two-locks", 0, dfs, false, 2, 100000},
            {"race-increment-double", 0, random, true, -1, 300},    {"queue-producer-consumers", 0, random, true, -1, 200},
            {"race-increment-double", 0, pct, true, -1, 300},       {"deadlock-two-locks", 0, pct, true, -1, 300},
            {"semaphore-groups", 3, pct, true, -1, 300},
        };
        for (const Row& r : rows)
            QTest::newRow(qPrintable(QStringLiteral("%1/threads %2/%3%4/bound %5/runs %6")
                                         .arg(r.id)
                                         .arg(r.threads)
                                         .arg(QString::fromStdString(exploreStrategyName(ExploreStrategy(r.strategy))))
                                         .arg(r.reduce ? "" : " plain")
                                         .arg(r.bound)
                                         .arg(r.runs)))
                << r.id << r.threads << r.strategy << r.reduce << r.bound << r.runs;
    }
    void workersDoNotChangeResults() {
        QFETCH(QString, id);
        QFETCH(int, threads);
        QFETCH(int, strategy);
        QFETCH(bool, reduce);
        QFETCH(int, bound);
        QFETCH(int, runs);
        std::vector<std::pair<std::string, std::int64_t>> params;
        if (threads > 0) params.emplace_back("threads", threads);
        ExploreOptions o = dfs(reduce, bound, runs);
        o.strategy = static_cast<ExploreStrategy>(strategy);
        o.seed = 11;
        o.workers = 1;
        const ExploreResult one = explore(id.toStdString(), o, params);
        QVERIFY2(one.error.empty(), one.error.c_str());
        for (int workers : {2, 3}) {
            o.workers = workers;
            const ExploreResult many = explore(id.toStdString(), o, params);
            sameResults(one, many);
        }
    }

    // Cancelling stops a search with workers where it stops with one, and leaves no thread running.
    void workersCancelLikeOne() {
        const int before = testing::processThreadCount();
        {
            const scenarios::Scenario* s = scenarios::find("queue-producer-consumers");
            auto search = [&](int workers) {
                WorkerPool pool;
                Explorer explorer(pool);
                ExploreOptions o = dfs();
                o.workers = workers;
                return explorer.explore(s->id, bodyFor(*s, s->resolve({})), baseFor(*s), o,
                                        [](int done) { return done < 7; });
            };
            const ExploreResult one = search(1);
            const ExploreResult two = search(2);
            QCOMPARE(one.runs, 7);
            QVERIFY(two.cancelled);
            sameResults(one, two);
        }
        QCOMPARE(testing::processThreadCount(), before);
    }

    // The second worker really runs schedules, and every schedule a search runs ahead is one it takes: an
    // exhaustive DFS and a random search execute exactly as many runs as they report.
    void workersRunAheadWithoutWaste_data() {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<QString>("id");
        QTest::newRow("dfs") << int(ExploreStrategy::Dfs) << "queue-producer-consumers";
        QTest::newRow("random") << int(ExploreStrategy::Random) << "race-increment-double";
    }
    void workersRunAheadWithoutWaste() {
        QFETCH(int, strategy);
        QFETCH(QString, id);
        // Counts the runs each worker's executor made, around the in-process executor.
        class CountingExecutor final : public RunExecutor {
        public:
            CountingExecutor(WorkerPool& pool, std::function<void()> body, int& count)
                : inner_(pool, std::move(body)), count_(count) {}
            RunReport execute(const RunRequest& request) override {
                ++count_;
                return inner_.execute(request);
            }
            void interrupt() override { inner_.interrupt(); }

        private:
            LocalRunExecutor inner_;
            int& count_;
        };
        const scenarios::Scenario* s = scenarios::find(id.toStdString());
        const std::function<void()> body = bodyFor(*s, s->resolve({}));
        WorkerPool second;
        int counts[2] = {0, 0};
        const RunExecutorFactory factory = [&](int index) -> std::unique_ptr<RunExecutor> {
            return std::make_unique<CountingExecutor>(index == 0 ? pool_ : second, body, counts[index]);
        };
        ExploreOptions o = dfs();
        o.strategy = static_cast<ExploreStrategy>(strategy);
        o.maxRuns = o.strategy == ExploreStrategy::Dfs ? 100000 : 500;
        o.workers = 2;
        ExploreResult r;
        {
            Explorer explorer(pool_);
            r = explorer.explore(s->id, factory, baseFor(*s), o);
        }
        if (o.strategy == ExploreStrategy::Dfs) QVERIFY(r.exhaustive);
        QVERIFY2(counts[1] > 0, "the second worker ran nothing");
        QCOMPARE(counts[0] + counts[1], r.runs);
    }

    void searchLeavesNoThreadBehind() {
        const int before = testing::processThreadCount();
        {
            WorkerPool pool;
            Explorer explorer(pool);
            const scenarios::Scenario* s = scenarios::find("deadlock-two-locks");
            const ExploreResult r = explorer.explore(s->id, bodyFor(*s, s->resolve({})), baseFor(*s), dfs(false));
            QVERIFY(r.runs > 1);
            QVERIFY(statusesOf(r).count(RunStatus::Deadlock));  // blocked actors were unwound, run after run
        }
        QCOMPARE(testing::processThreadCount(), before);
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestExplore)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_explore.moc"
