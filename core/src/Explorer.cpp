#include "lockstep/Explorer.h"

#include <algorithm>
#include <optional>
#include <thread>

#include "RunFarm.h"
#include "lockstep/ReplayToken.h"

namespace lockstep {

std::string exploreStrategyName(ExploreStrategy s) {
    switch (s) {
        case ExploreStrategy::Dfs: return "dfs";
        case ExploreStrategy::Random: return "random";
        case ExploreStrategy::Pct: return "pct";
    }
    return "dfs";
}

bool parseExploreStrategy(const std::string& text, ExploreStrategy& out) {
    if (text == "dfs") out = ExploreStrategy::Dfs;
    else if (text == "random") out = ExploreStrategy::Random;
    else if (text == "pct") out = ExploreStrategy::Pct;
    else return false;
    return true;
}

namespace {

bool contains(const std::vector<ActorId>& v, ActorId a) { return std::find(v.begin(), v.end(), a) != v.end(); }

// What a run counts under: its end status, its final values sorted by name and its uncaught errors (count 0).
// The key groups runs; two runs with equal keys are one bar of the histogram.
ExploreOutcome outcomeOfReport(const RunReport& report) {
    std::vector<std::size_t> order(report.shared.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return report.shared[a].name < report.shared[b].name; });
    ExploreOutcome outcome;
    outcome.status = report.status;
    outcome.key = std::string(runStatusName(report.status));
    for (std::size_t k : order) {
        outcome.shared.emplace_back(report.shared[k].name, report.shared[k].text);
        outcome.numeric.push_back(report.shared[k].numeric);
        outcome.key += ";" + report.shared[k].name + "=" + report.shared[k].text;
    }
    outcome.uncaught = report.uncaught;
    for (const UncaughtError& e : report.uncaught) outcome.key += ";!" + e.thread + ":" + e.type;
    if (!report.label.empty()) outcome.key += ";?" + report.label;
    outcome.label = report.label;
    outcome.count = 0;
    return outcome;
}

// How many runs the search keeps asked for ahead of the one it takes, per worker.
constexpr int kAheadPerWorker = 2;

// An alternative run at a decision, with the footprint of its first transition there once its run is known.
struct Tried {
    ActorId actor = kNoActor;
    Footprint first;
    bool known = false;
};

// One scheduling decision on the path of the depth-first search.
struct Node {
    std::vector<ActorId> candidates;
    ActorId current = kNoActor;
    bool currentCanGoOn = false;      // picking anyone else takes the processor from it: a preemption
    ActorId chosen = kNoActor;
    int preemptionsBefore = 0;        // preemptions taken at earlier decisions of this path
    Footprint footprint;              // the chosen actor's transition on the current path
    std::vector<ActorId> backtrack;   // alternatives that must be tried here (those tried included)
    std::vector<Tried> tried;         // alternatives run here, in order; the last one is `chosen`
    std::vector<SleepingActor> sleep; // asleep when the search first reached this decision

    bool preempts(ActorId a) const { return currentCanGoOn && a != current; }
    bool wasTried(ActorId a) const {
        return std::any_of(tried.begin(), tried.end(), [a](const Tried& t) { return t.actor == a; });
    }
    bool asleep(ActorId a) const {
        return std::any_of(sleep.begin(), sleep.end(), [a](const SleepingActor& s) { return s.actor == a; });
    }
    bool leftToTry(ActorId a) const { return !wasTried(a) && !asleep(a); }
};

struct DfsSettings {
    bool reduction = true;
    bool sleepSets = true;
    int maxPreemptions = -1;
};

// Two transitions of different actors whose order matters (those of one actor are in program order anyway).
bool dependent(const Node& a, const Node& b) { return a.chosen != b.chosen && a.footprint.dependsOn(b.footprint); }

// Appends a node per decision of `report`'s path from `from` on: decisions the search reaches for the first
// time. Plain DFS gives each every other candidate to try, as far as the preemption bound allows.
void appendNodes(std::vector<Node>& nodes, const RunReport& report, std::size_t from, const DfsSettings& s,
                 bool& boundReached) {
    for (std::size_t k = from; k < report.path.size(); ++k) {
        const RunReport::Step& step = report.path[k];
        Node n;
        n.candidates = step.candidates;
        n.current = step.current;
        n.currentCanGoOn = step.currentCanGoOn;
        n.chosen = step.chosen;
        n.footprint = step.footprint;
        n.sleep = step.sleep;
        if (k > 0) {
            const Node& before = nodes[k - 1];
            n.preemptionsBefore = before.preemptionsBefore + (before.preempts(before.chosen) ? 1 : 0);
        }
        n.tried.push_back({n.chosen, n.footprint, true});
        n.backtrack.push_back(n.chosen);
        if (!s.reduction) {
            for (ActorId c : n.candidates) {
                if (c == n.chosen) continue;
                if (s.maxPreemptions >= 0 && n.preempts(c) && n.preemptionsBefore + 1 > s.maxPreemptions) {
                    boundReached = true;
                    continue;
                }
                n.backtrack.push_back(c);
            }
        }
        nodes.push_back(std::move(n));
    }
}

using Clock = std::vector<int>;  // per actor: the latest of its transitions that happens before (-1: none)

void join(Clock& into, const Clock& from) {
    for (std::size_t a = 0; a < into.size(); ++a) into[a] = std::max(into[a], from[a]);
}

// Source-set DPOR over one finished run: for every race (i, j) with j at or after `firstNew`, make sure the
// node before i will try an actor that can start the reversed order.
//
// What it adds to the nodes from firstNew + 1 on depends only on those nodes and on every node's candidates,
// choices and footprints (the run's own report), never on what earlier runs added above them: predictFromRun
// relies on that to know, before the search gets there, which runs a run will lead to.
void addBacktrackPoints(std::vector<Node>& nodes, std::size_t firstNew, const DfsSettings& s, bool& boundReached) {
    const std::size_t n = nodes.size();
    if (n == 0) return;
    ActorId maxActor = 0;
    for (const Node& node : nodes) {
        maxActor = std::max(maxActor, node.chosen);
        for (ActorId c : node.candidates) maxActor = std::max(maxActor, c);
    }
    const std::size_t actors = static_cast<std::size_t>(maxActor) + 1;

    // Happens-before clocks of the transitions: program order plus every dependent pair in run order.
    std::vector<Clock> clock(n, Clock(actors, -1));
    std::vector<Clock> actorClock(actors, Clock(actors, -1));
    for (std::size_t j = 0; j < n; ++j) {
        Clock c = actorClock[nodes[j].chosen];
        for (std::size_t i = j; i-- > 0;) {
            if (c[nodes[i].chosen] >= static_cast<int>(i)) continue;  // already ordered before j
            if (dependent(nodes[j], nodes[i])) join(c, clock[i]);
        }
        c[nodes[j].chosen] = static_cast<int>(j);
        clock[j] = c;
        actorClock[nodes[j].chosen] = c;
    }

    for (std::size_t j = std::max<std::size_t>(firstNew, 1); j < n; ++j) {
        const ActorId aj = nodes[j].chosen;
        // Races of j: dependent earlier transitions of other actors not ordered before j except through
        // the conflict itself. Scanning backwards and absorbing each dependent one's clock leaves exactly those.
        Clock c(actors, -1);  // what precedes j in its own actor's order
        for (std::size_t k = j; k-- > 0;)
            if (nodes[k].chosen == aj) {
                c = clock[k];
                break;
            }
        for (std::size_t i = j; i-- > 0;) {
            const ActorId ai = nodes[i].chosen;
            if (ai == aj || !dependent(nodes[j], nodes[i])) continue;
            const bool ordered = c[ai] >= static_cast<int>(i);
            join(c, clock[i]);
            if (ordered) continue;
            // v: the transitions after i that do not depend on i, then j. Its initials (those with no
            // predecessor in v) are the actors that can start the reversed order from the node before i.
            std::vector<std::size_t> v;
            for (std::size_t k = i + 1; k < j; ++k)
                if (clock[k][ai] < static_cast<int>(i)) v.push_back(k);
            v.push_back(j);
            std::vector<ActorId> initials;
            for (std::size_t a = 0; a < v.size(); ++a) {
                bool first = true;
                for (std::size_t b = 0; b < a && first; ++b)
                    if (clock[v[a]][nodes[v[b]].chosen] >= static_cast<int>(v[b])) first = false;
                if (first && !contains(initials, nodes[v[a]].chosen)) initials.push_back(nodes[v[a]].chosen);
            }
            Node& node = nodes[i];
            // Nothing to add when an initial will be tried there anyway, or sleeps there: the orders a sleeping
            // actor starts were tried when it was put to sleep.
            if (std::any_of(initials.begin(), initials.end(),
                            [&](ActorId a) { return contains(node.backtrack, a) || node.asleep(a); }))
                continue;
            // Prefer an initial that needs no preemption, then j's own actor.
            ActorId pickActor = kNoActor;
            bool cutByBound = false;
            for (int pass = 0; pass < 2 && pickActor == kNoActor; ++pass)
                for (ActorId a : initials) {
                    if (!contains(node.candidates, a)) continue;  // not runnable there: the order can't be reversed
                    if (pass == 0 && node.preempts(a)) continue;
                    if (node.preempts(a) && s.maxPreemptions >= 0 && node.preemptionsBefore + 1 > s.maxPreemptions) {
                        cutByBound = true;
                        continue;
                    }
                    pickActor = a;
                    break;
                }
            if (pickActor != kNoActor) node.backtrack.push_back(pickActor);
            else if (cutByBound) boundReached = true;
            // Under a preemption bound the latest point to reverse a race may cost a preemption that an
            // earlier point would not (the actor could simply have been picked when the previous one
            // blocked). Without this extra branch, bounded DPOR misses schedules plain bounded DFS finds
            // (Coons, Musuvathi and McKinley, OOPSLA 2013).
            if (s.maxPreemptions >= 0)
                for (ActorId a : initials) {
                    bool added = false;
                    for (std::size_t h = i + 1; h-- > 0;) {
                        Node& earlier = nodes[h];
                        if (!contains(earlier.candidates, a) || earlier.preempts(a)) continue;
                        if (!contains(earlier.backtrack, a)) earlier.backtrack.push_back(a);
                        added = true;
                        break;
                    }
                    if (added) break;
                }
        }
    }
}

// The alternatives a run adds at the decisions it reached first, in the order the search will try them:
// (decision, actors) for each decision that has some, shallowest first.
struct RunPrediction {
    std::vector<std::pair<std::size_t, std::vector<ActorId>>> alternatives;
};

// What addBacktrackPoints will add below a run's prefix once the search takes its report, computed from the
// report alone (on the worker that ran it, while the search is busy elsewhere).
std::shared_ptr<RunPrediction> predictFromRun(const RunReport& report, std::size_t prefix, const DfsSettings& s) {
    auto prediction = std::make_shared<RunPrediction>();
    if (report.diverged) return prediction;
    std::vector<Node> nodes;
    bool ignored = false;
    appendNodes(nodes, report, 0, s, ignored);
    if (s.reduction) addBacktrackPoints(nodes, prefix == 0 ? 0 : prefix - 1, s, ignored);
    for (std::size_t k = prefix; k < nodes.size(); ++k) {
        std::vector<ActorId> left;
        for (ActorId a : nodes[k].backtrack)
            if (nodes[k].leftToTry(a)) left.push_back(a);
        if (!left.empty()) prediction->alternatives.emplace_back(k, std::move(left));
    }
    return prediction;
}

// What actor `a`'s transition at decision m would touch, read off a path that runs a later: its first
// transition after m, provided nothing the path runs between m and it depends on it (then running a at m is
// that same transition). Only for planning ahead: a wrong guess costs a wasted run, never a wrong result.
template <typename ActorAt, typename FootprintAt>
std::optional<Footprint> laterTransitionOf(ActorId a, std::size_t m, std::size_t n, ActorAt actorAt, FootprintAt footprintAt) {
    for (std::size_t k = m; k < n; ++k) {
        if (actorAt(k) != a) continue;
        const Footprint& f = footprintAt(k);
        for (std::size_t i = m; i < k; ++i)
            if (footprintAt(i).dependsOn(f)) return std::nullopt;
        return f;
    }
    return std::nullopt;
}

std::string keyOf(const std::vector<ActorId>& prefix) {
    std::string key(prefix.size() * sizeof(ActorId), '\0');
    std::copy_n(reinterpret_cast<const char*>(prefix.data()), key.size(), key.data());
    return key;
}

std::vector<SleepingActor> sortedSleep(std::vector<SleepingActor> sleep) {
    std::sort(sleep.begin(), sleep.end(), [](const SleepingActor& a, const SleepingActor& b) { return a.actor < b.actor; });
    return sleep;
}

// One search: the state of Explorer::explore for one call.
class Search {
public:
    Search(const std::string& scenarioId, const RunExecutorFactory& executors, RunConfig base,
           const ExploreOptions& options, const std::function<bool(int)>& progress)
        : scenarioId_(scenarioId), base_(std::move(base)), options_(options), progress_(progress) {
        base_.schedule.clear();
        dfs_.reduction = options.partialOrderReduction;
        dfs_.sleepSets = options.partialOrderReduction && options.maxPreemptions < 0;
        dfs_.maxPreemptions = options.maxPreemptions;
        const int workers = options.workers > 0 ? options.workers : Explorer::defaultWorkers();
        RunFarm::AfterRun afterRun;
        if (options.strategy == ExploreStrategy::Dfs) {
            const DfsSettings settings = dfs_;
            afterRun = [settings](RunFarm::Job& job) {
                job.analysis = predictFromRun(job.report, job.request.prefix.size(), settings);
            };
        }
        farm_ = std::make_unique<RunFarm>(executors, workers, std::move(afterRun));
        ahead_ = farm_->workers() > 1 ? kAheadPerWorker * farm_->workers() : 0;
    }

    ExploreResult run() {
        result_.strategy = options_.strategy;
        if (options_.strategy == ExploreStrategy::Dfs) runDfs();
        else runSampling();
        return std::move(result_);
    }

private:
    // ---- random and pct ----

    RunRequest samplingRequest(int i, std::uint32_t expectedDecisions) const {
        RunRequest r;
        r.config = base_;
        r.config.seed = options_.seed + static_cast<std::uint64_t>(i);
        // PCT's runs replay as round-robin ones: a token only has to agree on preemption, since every
        // decision with more than one candidate is in it.
        r.config.policy = options_.strategy == ExploreStrategy::Random ? PolicyKind::Random : PolicyKind::RoundRobin;
        // PCT draws its change points among the decisions a run takes; the first run (round-robin) and every
        // later one tell how many that is.
        if (options_.strategy == ExploreStrategy::Pct && i > 0) {
            r.driver = RunRequest::Driver::Pct;
            r.pctDepth = options_.pctDepth;
            r.pctExpectedDecisions = expectedDecisions;
        }
        return r;
    }

    void runSampling() {
        std::uint32_t expectedDecisions = 0;
        for (int i = 0; i < options_.maxRuns; ++i) {
            const RunRequest request = samplingRequest(i, expectedDecisions);
            const auto replan = [&] { planSampling(i, expectedDecisions); };
            replan();
            const RunReport report = farm_->take(std::to_string(i), request, replan);
            // Only the cancel flag interrupts a run the search takes: it is dropped.
            if (report.interrupted) {
                result_.cancelled = true;
                break;
            }
            expectedDecisions = std::max(expectedDecisions, report.steps);
            tally(report, request.config);
            if (result_.stoppedAtLabel) break;
            if (progress_ && !progress_(i + 1)) {
                result_.cancelled = i + 1 < options_.maxRuns;
                break;
            }
        }
    }

    // The next runs, PCT's with the expected length known so far (a longer run before them makes them useless).
    void planSampling(int next, std::uint32_t expectedDecisions) {
        if (ahead_ == 0) return;
        std::vector<std::pair<std::string, RunRequest>> wanted;
        for (int i = next; i < options_.maxRuns && i < next + ahead_; ++i) {
            std::uint32_t expected = expectedDecisions;
            // Runs already made ahead of this one tell their lengths.
            for (int j = next; j < i; ++j)
                if (const RunFarm::Job* job = farm_->doneJob(std::to_string(j))) expected = std::max(expected, job->report.steps);
            wanted.emplace_back(std::to_string(i), samplingRequest(i, expected));
        }
        farm_->plan(std::move(wanted));
    }

    // ---- dfs ----

    RunRequest dfsRequest(std::vector<ActorId> prefix, std::vector<SleepingActor> sleep) const {
        RunRequest r;
        r.config = base_;
        r.config.policy = PolicyKind::RoundRobin;
        r.driver = RunRequest::Driver::Dfs;
        r.prefix = std::move(prefix);
        if (dfs_.sleepSets) r.sleep = sortedSleep(std::move(sleep));
        r.footprints = dfs_.reduction;
        return r;
    }

    std::vector<ActorId> choices(std::size_t count) const {
        std::vector<ActorId> out;
        out.reserve(count);
        for (std::size_t k = 0; k < count; ++k) out.push_back(nodes_[k].chosen);
        return out;
    }

    void runDfs() {
        RunRequest request = dfsRequest({}, {});
        bool more = true;
        while (more) {
            if (result_.runs >= options_.maxRuns) {
                result_.budgetReached = true;
                break;
            }
            const std::size_t prefix = request.prefix.size();
            const auto replan = [this] { planDfs(); };
            replan();
            const RunReport report = farm_->take(keyOf(request.prefix), request, replan);
            if (report.interrupted) {
                result_.cancelled = true;
                break;
            }
            if (report.sleepBlocked) {
                ++result_.runs;
                ++result_.sleepBlocked;
                result_.totalSteps += report.steps;
            } else {
                tally(report, request.config);
            }
            if (diverged(report, prefix)) {
                result_.error = "the scenario did not repeat itself: replaying the same choices offered different "
                                "threads, so it depends on something besides the schedule";
                break;
            }
            commit(report, prefix);
            if (result_.stoppedAtLabel) break;
            if (progress_ && !progress_(result_.runs)) {
                result_.cancelled = true;
                break;
            }
            more = pickNext(request);
        }
        result_.exhaustive = !more && result_.limit() == ExploreResult::Limit::None;
    }

    bool diverged(const RunReport& report, std::size_t prefix) const {
        if (report.diverged || report.path.size() < prefix) return true;
        for (std::size_t k = 0; k < prefix; ++k)
            if (report.path[k].candidates != nodes_[k].candidates) return true;
        return false;
    }

    // The run's decisions become the path: the replayed ones learn their footprints on it, the first one
    // after them starts new nodes, and the reduction adds what the run's races ask for.
    void commit(const RunReport& report, std::size_t prefix) {
        nodes_.resize(prefix);
        for (std::size_t k = 0; k < prefix; ++k) nodes_[k].footprint = report.path[k].footprint;
        if (prefix > 0) {
            Tried& t = nodes_[prefix - 1].tried.back();
            t.first = report.path[prefix - 1].footprint;
            t.known = true;
        }
        appendNodes(nodes_, report, prefix, dfs_, result_.boundReached);
        if (dfs_.reduction) addBacktrackPoints(nodes_, prefix == 0 ? 0 : prefix - 1, dfs_, result_.boundReached);
    }

    // The deepest decision with an alternative left is where the next run departs.
    bool pickNext(RunRequest& request) {
        for (std::size_t m = nodes_.size(); m-- > 0;) {
            Node& node = nodes_[m];
            auto it = std::find_if(node.backtrack.begin(), node.backtrack.end(), [&](ActorId a) { return node.leftToTry(a); });
            if (it == node.backtrack.end()) continue;
            const ActorId next = *it;
            nodes_.resize(m + 1);
            std::vector<SleepingActor> sleep = node.sleep;
            for (const Tried& t : node.tried) sleep.push_back({t.actor, t.first});
            node.chosen = next;
            node.tried.push_back({next, {}, false});
            request = dfsRequest(choices(m + 1), std::move(sleep));
            return true;
        }
        return false;
    }

    // Asks the farm for the runs the search will certainly take next, in its order: at each decision of the
    // path, deepest first, the alternatives left there, each followed by the alternatives its own run (once
    // made) adds below it. With sleep sets an alternative's request needs the first transitions of those
    // tried before it at its decision: from their runs once made, else as the path shows them later
    // (laterTransitionOf); the plan of a decision stops where neither tells.
    void planDfs() {
        if (ahead_ == 0) return;
        wanted_.clear();
        left_ = ahead_;
        for (std::size_t m = nodes_.size(); m-- > 0 && left_ > 0;) {
            const Node& node = nodes_[m];
            const std::vector<ActorId> base = choices(m);
            std::vector<SleepingActor> before = node.sleep;
            bool stop = false;
            auto visit = [&](ActorId a) {
                std::vector<ActorId> prefix = base;
                prefix.push_back(a);
                std::optional<Footprint> first = planRun(std::move(prefix), before, m);
                if (!first && dfs_.sleepSets)
                    first = laterTransitionOf(a, m, nodes_.size(), [this](std::size_t k) { return nodes_[k].chosen; },
                                              [this](std::size_t k) -> const Footprint& { return nodes_[k].footprint; });
                if (first) before.push_back({a, *first});
                else if (dfs_.sleepSets) stop = true;
            };
            for (const Tried& t : node.tried) {
                if (t.known) before.push_back({t.actor, t.first});
                else visit(t.actor);  // the run the search takes next
                if (stop) break;
            }
            for (ActorId a : node.backtrack) {
                if (stop || left_ == 0) break;
                if (node.leftToTry(a)) visit(a);
            }
        }
        farm_->plan(std::move(wanted_));
        wanted_.clear();
    }

    // Plans one run; once it is made, the runs it leads to. Returns the footprint of its transition at
    // decision `branch` when it is known.
    std::optional<Footprint> planRun(std::vector<ActorId> prefix, const std::vector<SleepingActor>& sleep, std::size_t branch) {
        RunRequest request = dfsRequest(prefix, sleep);
        const std::string key = keyOf(prefix);
        const RunFarm::Job* job = farm_->doneJob(key);
        if (!job || !job->request.sameRun(request)) {
            if (left_ > 0) {
                wanted_.emplace_back(key, std::move(request));
                --left_;
            }
            return std::nullopt;
        }
        const RunReport& report = job->report;
        if (branch >= report.path.size()) return std::nullopt;
        if (const auto* prediction = static_cast<const RunPrediction*>(job->analysis.get())) {
            for (auto it = prediction->alternatives.rbegin(); it != prediction->alternatives.rend() && left_ > 0; ++it) {
                const std::size_t k = it->first;
                std::vector<ActorId> childBase(prefix.begin(), prefix.end());
                childBase.resize(k);
                for (std::size_t d = prefix.size(); d < k; ++d) childBase[d] = report.path[d].chosen;
                std::vector<SleepingActor> before = report.path[k].sleep;
                before.push_back({report.path[k].chosen, report.path[k].footprint});
                for (ActorId a : it->second) {
                    if (left_ == 0) break;
                    std::vector<ActorId> child = childBase;
                    child.push_back(a);
                    std::optional<Footprint> first = planRun(std::move(child), before, k);
                    if (!first && dfs_.sleepSets)
                        first = laterTransitionOf(a, k, report.path.size(), [&](std::size_t d) { return report.path[d].chosen; },
                                                  [&](std::size_t d) -> const Footprint& { return report.path[d].footprint; });
                    if (first) before.push_back({a, *first});
                    else if (dfs_.sleepSets) break;
                }
            }
        }
        return report.path[branch].footprint;
    }

    // ---- outcomes ----

    void tally(const RunReport& report, const RunConfig& config) {
        ++result_.runs;
        result_.totalSteps += report.steps;
        if (report.status == RunStatus::StepLimit || report.status == RunStatus::TraceLimit)
            result_.stepLimitReached = true;
        ExploreOutcome outcome = outcomeOfReport(report);
        if (!options_.stopAtLabel.empty() && report.label == options_.stopAtLabel) result_.stoppedAtLabel = true;
        auto it = std::find_if(result_.outcomes.begin(), result_.outcomes.end(),
                               [&](const ExploreOutcome& e) { return e.key == outcome.key; });
        if (it != result_.outcomes.end()) {
            ++it->count;
            if (report.labelStep > 0 && (it->bestStep == 0 || report.labelStep < it->bestStep)) {
                it->bestStep = report.labelStep;
                it->bestReplay = encodeReplayToken(scenarioId_, config, report.decisions);
            }
            return;
        }
        outcome.count = 1;
        outcome.firstRun = result_.runs;
        outcome.seed = config.seed;
        outcome.replay = encodeReplayToken(scenarioId_, config, report.decisions);
        if (report.labelStep > 0) {
            outcome.bestStep = report.labelStep;
            outcome.bestReplay = outcome.replay;
        }
        result_.outcomes.push_back(std::move(outcome));
    }

    const std::string& scenarioId_;
    RunConfig base_;
    const ExploreOptions& options_;
    const std::function<bool(int)>& progress_;
    DfsSettings dfs_;
    std::unique_ptr<RunFarm> farm_;
    int ahead_ = 0;
    ExploreResult result_;
    std::vector<Node> nodes_;
    // planDfs's working state
    std::vector<std::pair<std::string, RunRequest>> wanted_;
    int left_ = 0;
};

}  // namespace

ExploreOutcome exploreOutcomeOf(const Trace& run) {
    RunReport report;
    reportEnding(run, report);
    return outcomeOfReport(report);
}

int findExploreOutcome(const ExploreResult& result, const std::string& key) {
    const auto it = std::find_if(result.outcomes.begin(), result.outcomes.end(),
                                 [&](const ExploreOutcome& o) { return o.key == key; });
    return it == result.outcomes.end() ? -1 : static_cast<int>(it - result.outcomes.begin());
}

int findExploreOutcome(const ExploreResult& result, const Trace& run) {
    return findExploreOutcome(result, exploreOutcomeOf(run).key);
}

Explorer::Explorer(WorkerPool& pool) : pool_(pool) {}

Explorer::~Explorer() = default;

int Explorer::defaultWorkers() {
    const unsigned n = std::thread::hardware_concurrency();
    return static_cast<int>(std::clamp(n, 1u, 64u));
}

ExploreResult Explorer::exploreRandom(const std::string& scenarioId, const std::function<void()>& body,
                                      RunConfig base, int runs, std::uint64_t firstSeed,
                                      const std::function<bool(int)>& progress) {
    ExploreOptions options;
    options.strategy = ExploreStrategy::Random;
    options.maxRuns = runs;
    options.seed = firstSeed;
    return explore(scenarioId, body, std::move(base), options, progress);
}

ExploreResult Explorer::explore(const std::string& scenarioId, const std::function<void()>& body, RunConfig base,
                                const ExploreOptions& options, const std::function<bool(int)>& progress) {
    const int workers = options.workers > 0 ? options.workers : defaultWorkers();
    // One worker runs on the caller's pool as any run does. Several each get a pool of the Explorer's own,
    // pinned to a core of its own (see WorkerPool::pinTo), so the caller's pool is left as it was.
    const int cores = defaultWorkers();
    while (workers > 1 && static_cast<int>(ownPools_.size()) < workers) {
        ownPools_.push_back(std::make_unique<WorkerPool>());
        ownPools_.back()->pinTo(static_cast<int>(ownPools_.size() - 1) % cores);
    }
    const RunExecutorFactory local = [this, &body, &options, workers](int index) -> std::unique_ptr<RunExecutor> {
        WorkerPool& pool = workers == 1 ? pool_ : *ownPools_[static_cast<std::size_t>(index)];
        return std::make_unique<LocalRunExecutor>(pool, body, open_, options.cancel, options.judge);
    };
    ExploreOptions withWorkers = options;
    withWorkers.workers = workers;
    return explore(scenarioId, local, std::move(base), withWorkers, progress);
}

ExploreResult Explorer::explore(const std::string& scenarioId, const RunExecutorFactory& executors, RunConfig base,
                                const ExploreOptions& options, const std::function<bool(int)>& progress) {
    Search search(scenarioId, executors, std::move(base), options, progress);
    return search.run();
}

}  // namespace lockstep
