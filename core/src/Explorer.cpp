#include "lockstep/Explorer.h"

#include <algorithm>
#include <memory>

#include "lockstep/PctPolicy.h"
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

// One scheduling point of a depth-first run: who could run, who was chosen, what is left to try.
struct Node {
    std::vector<ActorId> candidates;
    ActorId current = kNoActor;
    bool currentCanGoOn = false;      // picking anyone else takes the processor from it: a preemption
    ActorId chosen = kNoActor;
    std::vector<ActorId> backtrack;   // alternatives that must be tried here
    std::vector<ActorId> done;        // alternatives already tried (the chosen one included)
    int preemptionsBefore = 0;        // preemptions taken at earlier nodes of this run
    std::size_t eventBegin = 0;       // the chosen actor's transition starts at this trace event
    std::uint64_t randomDraws = 0;    // random draws made before the transition

    bool preempts(ActorId a) const { return currentCanGoOn && a != current; }
};

// The policy of one depth-first run: replays the choices of the first `prefix` nodes, then goes on without
// preempting (the current actor while it can, else the longest-ready one) and appends a node per decision.
class DfsPolicy final : public Policy {
public:
    DfsPolicy(std::vector<Node>& nodes, std::size_t prefix, const Trace& trace, bool allAlternatives,
              int maxPreemptions, bool& boundReached)
        : nodes_(nodes), prefix_(prefix), trace_(trace), allAlternatives_(allAlternatives),
          maxPreemptions_(maxPreemptions), boundReached_(boundReached) {}

    ActorId pick(const DecisionContext& ctx) override {
        const std::size_t k = index_++;
        if (k < prefix_) {
            Node& n = nodes_[k];
            n.eventBegin = trace_.eventCount();
            n.randomDraws = ctx.randomDraws;
            if (!contains(n.candidates, n.chosen) || ctx.candidates.size() != n.candidates.size() ||
                !std::equal(ctx.candidates.begin(), ctx.candidates.end(), n.candidates.begin()))
                diverged_ = true;
            return diverged_ ? ctx.candidates.front() : n.chosen;
        }
        Node n;
        n.candidates.assign(ctx.candidates.begin(), ctx.candidates.end());
        n.current = ctx.current;
        n.currentCanGoOn = ctx.currentRunnable && !ctx.yielding && contains(n.candidates, ctx.current);
        n.chosen = n.currentCanGoOn ? ctx.current : n.candidates.front();
        n.eventBegin = trace_.eventCount();
        n.randomDraws = ctx.randomDraws;
        if (k > 0) {
            const Node& before = nodes_[k - 1];
            n.preemptionsBefore = before.preemptionsBefore + (before.preempts(before.chosen) ? 1 : 0);
        }
        n.done.push_back(n.chosen);
        n.backtrack.push_back(n.chosen);
        if (allAlternatives_) {
            // Plain DFS: every other candidate too, as far as the preemption bound allows.
            for (ActorId c : n.candidates) {
                if (c == n.chosen) continue;
                if (maxPreemptions_ >= 0 && n.preempts(c) && n.preemptionsBefore + 1 > maxPreemptions_) {
                    boundReached_ = true;
                    continue;
                }
                n.backtrack.push_back(c);
            }
        }
        nodes_.push_back(std::move(n));
        return nodes_.back().chosen;
    }
    bool preemptive() const override { return true; }  // as round-robin, so replay tokens reproduce the run
    PolicyKind kind() const override { return PolicyKind::RoundRobin; }
    bool diverged() const { return diverged_; }

private:
    std::vector<Node>& nodes_;
    std::size_t prefix_;
    const Trace& trace_;
    bool allAlternatives_;
    int maxPreemptions_;
    bool& boundReached_;
    std::size_t index_ = 0;
    bool diverged_ = false;
};

// What one transition (the steps an actor takes between two decisions) touched.
struct Footprint {
    ActorId actor = kNoActor;
    std::vector<std::pair<ObjectId, bool>> objects;  // (object, wrote), each object once
    bool random = false;                             // drew random numbers
    bool cpu = false;                                // computed on a virtual core

    bool dependsOn(const Footprint& o) const {
        if (actor == o.actor) return false;  // program order is handled separately
        if ((random && o.random) || (cpu && o.cpu)) return true;
        for (const auto& [obj, w] : objects)
            for (const auto& [obj2, w2] : o.objects)
                if (obj == obj2 && (w || w2)) return true;
        return false;
    }
};

using Clock = std::vector<int>;  // per actor: the latest of its transitions that happens before (-1: none)

void join(Clock& into, const Clock& from) {
    for (std::size_t a = 0; a < into.size(); ++a) into[a] = std::max(into[a], from[a]);
}

// Source-set DPOR over one finished run: for every race (i, j) with j at or after `firstNew`, make sure the
// node before i will try an actor that can start the reversed order.
void addBacktrackPoints(std::vector<Node>& nodes, const Trace& trace, std::size_t firstNew, int maxPreemptions,
                        std::uint64_t finalDraws, const std::vector<Execution::SilentRead>& silentReads,
                        bool& boundReached) {
    const std::size_t n = nodes.size();
    if (n == 0) return;
    const std::size_t actors = trace.actorCount();
    std::vector<Footprint> fp(n);
    for (std::size_t k = 0; k < n; ++k) {
        Footprint& f = fp[k];
        f.actor = nodes[k].chosen;
        const std::size_t end = k + 1 < n ? nodes[k + 1].eventBegin : trace.eventCount();
        const std::uint64_t drawsAfter = k + 1 < n ? nodes[k + 1].randomDraws : finalDraws;
        f.random = drawsAfter > nodes[k].randomDraws;
        for (std::size_t e = nodes[k].eventBegin; e < end; ++e) {
            const TraceEvent& ev = trace.event(e);
            if (ev.op == Op::Work) f.cpu = true;
            if (ev.object == kNoObject) continue;
            const bool shared = trace.object(ev.object).kind == ObjectKind::Shared;
            // A load of a Shared variable (and the race report that follows it) only reads; everything
            // else, on any object, counts as a write.
            const bool write = !shared || (ev.op != Op::Load && ev.op != Op::Race);
            auto it = std::find_if(f.objects.begin(), f.objects.end(),
                                   [&](const auto& p) { return p.first == ev.object; });
            if (it == f.objects.end()) f.objects.emplace_back(ev.object, write);
            else it->second = it->second || write;
        }
    }

    // Queries that took no step (locked(), is_set(), done()...) read their object in the transition they
    // ran in: the one chosen by the decision before them.
    for (const Execution::SilentRead& r : silentReads) {
        if (r.decisions == 0 || r.decisions > n) continue;
        Footprint& f = fp[r.decisions - 1];
        if (std::none_of(f.objects.begin(), f.objects.end(), [&](const auto& p) { return p.first == r.object; }))
            f.objects.emplace_back(r.object, false);
    }

    // Happens-before clocks of the transitions: program order plus every dependent pair in run order.
    std::vector<Clock> clock(n, Clock(actors, -1));
    std::vector<Clock> actorClock(actors, Clock(actors, -1));
    for (std::size_t j = 0; j < n; ++j) {
        Clock c = actorClock[fp[j].actor];
        for (std::size_t i = j; i-- > 0;) {
            if (c[fp[i].actor] >= static_cast<int>(i)) continue;  // already ordered before j
            if (fp[j].dependsOn(fp[i])) join(c, clock[i]);
        }
        c[fp[j].actor] = static_cast<int>(j);
        clock[j] = c;
        actorClock[fp[j].actor] = c;
    }

    for (std::size_t j = std::max<std::size_t>(firstNew, 1); j < n; ++j) {
        // Races of j: dependent earlier transitions of other actors not ordered before j except through
        // the conflict itself. Scanning backwards and absorbing each dependent one's clock leaves exactly those.
        Clock c(actors, -1);  // what precedes j in its own actor's order
        for (std::size_t k = j; k-- > 0;)
            if (fp[k].actor == fp[j].actor) {
                c = clock[k];
                break;
            }
        for (std::size_t i = j; i-- > 0;) {
            if (fp[i].actor == fp[j].actor || !fp[j].dependsOn(fp[i])) continue;
            const bool ordered = c[fp[i].actor] >= static_cast<int>(i);
            join(c, clock[i]);
            if (ordered) continue;
            // v: the transitions after i that do not depend on i, then j. Its initials (those with no
            // predecessor in v) are the actors that can start the reversed order from the node before i.
            std::vector<std::size_t> v;
            for (std::size_t k = i + 1; k < j; ++k)
                if (clock[k][fp[i].actor] < static_cast<int>(i)) v.push_back(k);
            v.push_back(j);
            std::vector<ActorId> initials;
            for (std::size_t a = 0; a < v.size(); ++a) {
                bool first = true;
                for (std::size_t b = 0; b < a && first; ++b)
                    if (clock[v[a]][fp[v[b]].actor] >= static_cast<int>(v[b])) first = false;
                if (first && !contains(initials, fp[v[a]].actor)) initials.push_back(fp[v[a]].actor);
            }
            Node& node = nodes[i];
            if (std::any_of(initials.begin(), initials.end(), [&](ActorId a) { return contains(node.backtrack, a); }))
                continue;
            // Prefer an initial that needs no preemption, then j's own actor.
            ActorId pickActor = kNoActor;
            bool cutByBound = false;
            for (int pass = 0; pass < 2 && pickActor == kNoActor; ++pass)
                for (ActorId a : initials) {
                    if (!contains(node.candidates, a)) continue;  // not runnable there: the order can't be reversed
                    if (pass == 0 && node.preempts(a)) continue;
                    if (node.preempts(a) && maxPreemptions >= 0 && node.preemptionsBefore + 1 > maxPreemptions) {
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
            if (maxPreemptions >= 0)
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

// "ValueError" from "ValueError: bad value", as Python's traceback.format_exception_only() words an exception:
// its first line that is not indented (a SyntaxError's report starts with the indented place it points at).
std::string exceptionType(std::string_view text) {
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        if (!line.empty() && line.front() != ' ') return std::string(line.substr(0, line.find(": ")));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return "Exception";
}

// Runs `ex` to its end, or until `cancel` is set (checked every few hundred steps, a few milliseconds). Returns
// false when cancelled; either way every actor is unwound.
bool runUnlessCancelled(RunSession& ex, const Trace& trace, const std::atomic<bool>* cancel) {
    constexpr std::uint32_t kStepsBetweenChecks = 256;
    bool completed = true;
    while (!ex.ended()) {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            completed = false;
            break;
        }
        StopRequest request;
        request.untilStep = cancel ? trace.stepCount() + kStepsBetweenChecks : UINT32_MAX;
        const StopInfo s = ex.advance(request);
        if (s.reason == StopReason::NeedChoice) ex.chooseNext(ex.pendingCandidates().front());
    }
    ex.teardown();
    return completed;
}

std::vector<UncaughtError> uncaughtErrors(const Trace& trace) {
    std::vector<UncaughtError> out;
    for (std::size_t i = 0; i < trace.eventCount(); ++i) {
        const TraceEvent& e = trace.event(i);
        // An actor's own end, not a task's or a future's: its Run event is on its Thread object (none for the
        // main thread).
        if (e.op != Op::Run || e.result != Result::Error || e.actor >= trace.actorCount() ||
            e.object != trace.actor(e.actor).threadObject)
            continue;
        out.push_back(UncaughtError{trace.actor(e.actor).name, exceptionType(trace.argText(e))});
    }
    std::sort(out.begin(), out.end(), [](const UncaughtError& a, const UncaughtError& b) {
        return a.thread != b.thread ? a.thread < b.thread : a.type < b.type;
    });
    return out;
}

}  // namespace

void Explorer::tally(ExploreResult& result, const std::string& scenarioId, const RunConfig& config) {
    const RunOutcome& o = trace_.outcome();
    ++result.runs;
    result.totalSteps += o.steps;
    if (o.status == RunStatus::StepLimit || o.status == RunStatus::TraceLimit) result.stepLimitReached = true;
    std::vector<std::size_t> order(o.shared.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return trace_.object(o.shared[a].object).name < trace_.object(o.shared[b].object).name;
    });
    std::vector<UncaughtError> uncaught = uncaughtErrors(trace_);
    std::string key = std::string(runStatusName(o.status));
    for (std::size_t k : order) key += ";" + trace_.object(o.shared[k].object).name + "=" + o.shared[k].text;
    for (const UncaughtError& e : uncaught) key += ";!" + e.thread + ":" + e.type;
    auto it = std::find_if(result.outcomes.begin(), result.outcomes.end(),
                           [&](const ExploreOutcome& e) { return e.key == key; });
    if (it != result.outcomes.end()) {
        ++it->count;
        return;
    }
    ExploreOutcome outcome;
    outcome.status = o.status;
    for (std::size_t k : order) {
        outcome.shared.emplace_back(trace_.object(o.shared[k].object).name, o.shared[k].text);
        outcome.numeric.push_back(o.shared[k].numeric);
    }
    outcome.uncaught = std::move(uncaught);
    outcome.key = std::move(key);
    outcome.count = 1;
    outcome.firstRun = result.runs;
    outcome.seed = config.seed;
    outcome.replay = encodeReplayToken(scenarioId, config, trace_.decisions());
    result.outcomes.push_back(std::move(outcome));
}

std::unique_ptr<RunSession> Explorer::openRun(const std::function<void()>& body, const RunConfig& config,
                                             std::unique_ptr<Policy> policy) {
    if (open_) return open_(pool_, trace_, config, std::move(policy));
    auto ex = std::make_unique<Execution>(pool_, trace_, config, body);
    ex->usePolicy(std::move(policy));
    return ex;
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
    base.schedule.clear();
    if (options.strategy == ExploreStrategy::Dfs) return exploreDfs(scenarioId, body, base, options, progress);

    ExploreResult result;
    result.strategy = options.strategy;
    std::uint32_t expectedDecisions = 0;
    for (int i = 0; i < options.maxRuns; ++i) {
        RunConfig config = base;
        config.seed = options.seed + static_cast<std::uint64_t>(i);
        // PCT's runs replay as round-robin ones: a token only has to agree on preemption, since every
        // decision with more than one candidate is in it.
        config.policy = options.strategy == ExploreStrategy::Random ? PolicyKind::Random : PolicyKind::RoundRobin;
        {
            // PCT draws its change points among the decisions a run takes; the first run (round-robin) and
            // every later one tell how many that is.
            std::unique_ptr<Policy> policy;
            if (options.strategy == ExploreStrategy::Pct && i > 0)
                policy = std::make_unique<PctPolicy>(config.seed, options.pctDepth, expectedDecisions);
            const auto run = openRun(body, config, std::move(policy));
            if (!runUnlessCancelled(*run, trace_, options.cancel)) {
                result.cancelled = true;
                break;
            }
        }
        expectedDecisions = std::max(expectedDecisions, trace_.outcome().steps);
        tally(result, scenarioId, config);
        if (progress && !progress(i + 1)) {
            result.cancelled = i + 1 < options.maxRuns;
            break;
        }
    }
    return result;
}

ExploreResult Explorer::exploreDfs(const std::string& scenarioId, const std::function<void()>& body,
                                   const RunConfig& base, const ExploreOptions& options,
                                   const std::function<bool(int)>& progress) {
    ExploreResult result;
    result.strategy = ExploreStrategy::Dfs;
    RunConfig config = base;
    config.policy = PolicyKind::RoundRobin;
    std::vector<Node> nodes;
    std::size_t prefix = 0;  // nodes[0, prefix) are replayed; nodes[prefix - 1] carries the new choice
    bool more = true;
    while (more) {
        if (result.runs >= options.maxRuns) {
            result.budgetReached = true;
            break;
        }
        nodes.resize(prefix);
        bool diverged = false;
        std::uint64_t finalDraws = 0;
        std::vector<Execution::SilentRead> silentReads;
        {
            auto policy = std::make_unique<DfsPolicy>(nodes, prefix, trace_, !options.partialOrderReduction,
                                                      options.maxPreemptions, result.boundReached);
            DfsPolicy* dfs = policy.get();
            const auto run = openRun(body, config, std::move(policy));
            if (!runUnlessCancelled(*run, trace_, options.cancel)) {
                result.cancelled = true;
                break;
            }
            diverged = dfs->diverged();
            finalDraws = run->randomDraws();
            silentReads = run->silentReads();
        }
        tally(result, scenarioId, config);
        if (diverged) {
            result.error = "the scenario did not repeat itself: replaying the same choices offered different "
                           "threads, so it depends on something besides the schedule";
            break;
        }
        if (options.partialOrderReduction)
            addBacktrackPoints(nodes, trace_, prefix == 0 ? 0 : prefix - 1, options.maxPreemptions, finalDraws,
                               silentReads, result.boundReached);
        if (progress && !progress(result.runs)) {
            result.cancelled = true;
            break;
        }
        // The deepest node with an alternative left is where the next run departs.
        more = false;
        for (std::size_t m = nodes.size(); m-- > 0;) {
            Node& node = nodes[m];
            auto it = std::find_if(node.backtrack.begin(), node.backtrack.end(),
                                   [&](ActorId a) { return !contains(node.done, a); });
            if (it == node.backtrack.end()) continue;
            node.chosen = *it;
            node.done.push_back(*it);
            prefix = m + 1;
            more = true;
            break;
        }
    }
    result.exhaustive = !more && result.limit() == ExploreResult::Limit::None;
    return result;
}

}  // namespace lockstep
