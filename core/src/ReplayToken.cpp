#include "lockstep/ReplayToken.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iterator>

namespace lockstep {

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = s.find(sep, start);
        parts.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) return parts;
        start = pos + 1;
    }
}

template <typename T>
bool number(std::string_view s, T& out) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

std::string encodeReplayToken(const std::string& scenario, const RunConfig& config,
                              const std::vector<Decision>& decisions) {
    std::string t = "ls1:" + scenario + ":" + policyName(config.policy) + ":" + std::to_string(config.seed) + ":" +
                    std::to_string(config.cores) + ":" + (config.gil ? "1" : "0") + ":" +
                    std::to_string(config.quantum) + ":" + std::to_string(config.switchInterval) + ":" +
                    std::to_string(config.maxSteps) + ":";
    if (config.params.empty()) t += "-";
    for (std::size_t i = 0; i < config.params.size(); ++i)
        t += (i ? "," : "") + config.params[i].first + "=" + std::to_string(config.params[i].second);
    t += ":";
    if (decisions.empty()) t += "-";
    for (std::size_t i = 0; i < decisions.size();) {
        std::size_t j = i;
        while (j < decisions.size() && decisions[j].chosen == decisions[i].chosen) ++j;
        if (i) t += ".";
        t += std::to_string(decisions[i].chosen);
        if (j - i > 1) t += "x" + std::to_string(j - i);
        i = j;
    }
    return t;
}

bool decodeReplayToken(std::string_view token, std::string& scenario, RunConfig& config, std::string& error) {
    const auto fields = split(token, ':');
    if (fields.size() != 11 || fields[0] != "ls1") {
        error = "a replay token has 11 fields separated by ':' and starts with 'ls1' (copy it whole from a "
                "run's summary)";
        return false;
    }
    RunConfig c;
    scenario = std::string(fields[1]);
    if (!parsePolicyName(std::string(fields[2]), c.policy)) {
        error = "unknown policy '" + std::string(fields[2]) + "' in the replay token";
        return false;
    }
    // Only the syntax is checked here; whether the values are in range for a run (and the parameters the
    // scenario's) is lockstep::scenarios' validation, the same for a token as for every other source.
    int gil = 0;
    const struct {
        const char* name;
        bool ok;
    } numbers[] = {{"seed", number(fields[3], c.seed)},
                   {"cores", number(fields[4], c.cores)},
                   {"gil (0 or 1)", number(fields[5], gil) && (gil == 0 || gil == 1)},
                   {"quantum in ns", number(fields[6], c.quantum)},
                   {"switch interval in ns", number(fields[7], c.switchInterval)},
                   {"max steps", number(fields[8], c.maxSteps)}};
    for (std::size_t i = 0; i < std::size(numbers); ++i)
        if (!numbers[i].ok) {
            error = "field " + std::to_string(i + 4) + " of the replay token, the " + numbers[i].name + ", is '" +
                    std::string(fields[i + 3]) + "', not a whole number that fits (copy the token whole from a "
                    "run's summary)";
            return false;
        }
    c.gil = gil == 1;
    if (fields[9] != "-") {
        for (std::string_view kv : split(fields[9], ',')) {
            const auto eq = kv.find('=');
            std::int64_t v = 0;
            if (eq == std::string_view::npos || eq == 0 || !number(kv.substr(eq + 1), v)) {
                error = "parameter '" + std::string(kv) + "' in the replay token is not key=number";
                return false;
            }
            c.params.emplace_back(std::string(kv.substr(0, eq)), v);
        }
    }
    if (fields[10] != "-") {
        // Each decision follows a step, so a run takes at most as many as its step limit allows: counted before
        // anything is expanded, so "0x4000000000" costs nothing.
        const std::uint64_t most = std::min<std::uint64_t>(c.maxSteps, RunConfig::kMaxStepLimit);
        std::uint64_t total = 0;
        std::vector<std::pair<unsigned, std::uint32_t>> runs;
        for (std::string_view d : split(fields[10], '.')) {
            const auto x = d.find('x');
            unsigned actor = 0;
            std::uint32_t repeat = 1;
            if (!number(d.substr(0, x), actor) || (x != std::string_view::npos && !number(d.substr(x + 1), repeat)) ||
                repeat == 0) {
                error = "decision '" + std::string(d) + "' in the replay token is not N or NxCOUNT";
                return false;
            }
            if (actor > kMaxActorNumber) {
                error = "decision '" + std::string(d) + "' in the replay token names thread number " +
                        std::to_string(actor) + "; threads are numbered from 0 to " + std::to_string(kMaxActorNumber);
                return false;
            }
            total += repeat;
            if (total > most) {
                error = "the replay token has more decisions than its step limit of " + std::to_string(c.maxSteps) +
                        " allows (a decision follows each step)";
                return false;
            }
            runs.emplace_back(actor, repeat);
        }
        c.schedule.reserve(static_cast<std::size_t>(total));
        for (const auto& [actor, repeat] : runs)
            for (std::uint32_t i = 0; i < repeat; ++i) c.schedule.push_back(std::to_string(actor));
    }
    config = std::move(c);
    return true;
}

}  // namespace lockstep
