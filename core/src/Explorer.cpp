#include "lockstep/Explorer.h"

#include <algorithm>

#include "lockstep/ReplayToken.h"

namespace lockstep {

ExploreResult Explorer::exploreRandom(const std::string& scenarioId, const std::function<void()>& body,
                                      RunConfig base, int runs, std::uint64_t firstSeed,
                                      const std::function<bool(int)>& progress) {
    ExploreResult result;
    base.policy = PolicyKind::Random;
    base.schedule.clear();
    for (int i = 0; i < runs; ++i) {
        RunConfig config = base;
        config.seed = firstSeed + static_cast<std::uint64_t>(i);
        {
            Execution ex(pool_, trace_, config, body);
            ex.runToEnd();
        }
        const RunOutcome& o = trace_.outcome();
        ExploreOutcome outcome;
        outcome.status = o.status;
        for (const FinalValue& v : o.shared) outcome.shared.emplace_back(trace_.object(v.object).name, v.text);
        std::vector<std::size_t> order(o.shared.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return outcome.shared[a].first < outcome.shared[b].first;
        });
        std::vector<std::pair<std::string, std::string>> sorted;
        for (std::size_t k : order) {
            sorted.push_back(outcome.shared[k]);
            outcome.numeric.push_back(o.shared[k].numeric);
        }
        outcome.shared = std::move(sorted);
        outcome.key = std::string(runStatusName(o.status));
        for (const auto& [name, value] : outcome.shared) outcome.key += ";" + name + "=" + value;
        ++result.runs;
        auto it = std::find_if(result.outcomes.begin(), result.outcomes.end(),
                               [&](const ExploreOutcome& e) { return e.key == outcome.key; });
        if (it != result.outcomes.end()) {
            ++it->count;
        } else {
            outcome.count = 1;
            outcome.seed = config.seed;
            outcome.replay = encodeReplayToken(scenarioId, config, trace_.decisions());
            result.outcomes.push_back(std::move(outcome));
        }
        if (progress && !progress(i + 1)) {
            result.cancelled = i + 1 < runs;
            break;
        }
    }
    return result;
}

}  // namespace lockstep
