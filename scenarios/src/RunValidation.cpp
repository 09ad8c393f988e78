#include "lockstep/scenarios/RunValidation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "lockstep/ReplayToken.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::scenarios {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<Problem> problem(Setting s, std::string message) { return Problem{s, std::move(message)}; }

std::string durationRange() {
    return formatDuration(RunConfig::kMinQuantum) + " to " + formatDuration(RunConfig::kMaxQuantum);
}

std::optional<Problem> coresProblem(std::string_view shown) {
    return problem(Setting::Cores, "'" + std::string(shown) + "' is not a number of cores from 1 to " +
                                       std::to_string(RunConfig::kMaxCores));
}

std::optional<Problem> quantumProblem(std::string_view shown, bool tooShort) {
    return problem(Setting::Quantum,
                   "'" + std::string(shown) + "' is not a quantum from " + durationRange() +
                       (tooShort ? " (a shorter one cuts CPU bursts into more slices than a trace can hold)" : ""));
}

std::optional<Problem> maxStepsProblem(std::string_view shown) {
    return problem(Setting::MaxSteps, "'" + std::string(shown) + "' is not a number of steps from 1 to " +
                                          std::to_string(RunConfig::kMaxStepLimit) +
                                          " (a longer run's trace would not fit in memory)");
}

const ParamSpec* findParam(const Scenario& scenario, std::string_view key) {
    for (const ParamSpec& p : scenario.params)
        if (p.key == key) return &p;
    return nullptr;
}

std::optional<Problem> unknownParam(const Scenario& scenario, std::string_view key) {
    return problem(Setting::Params, "scenario '" + scenario.id + "' has no parameter '" + std::string(key) + "'; " +
                                        parameterList(scenario));
}

std::optional<Problem> paramOutOfRange(const ParamSpec& spec, std::string_view text) {
    return problem(Setting::Params, spec.key + " must be a whole number from " + std::to_string(spec.min) + " to " +
                                        std::to_string(spec.max) + ", not '" + std::string(text) + "'");
}

}  // namespace

std::string_view optionName(Setting s) {
    switch (s) {
        case Setting::Cores: return "--cores";
        case Setting::Quantum: return "--quantum";
        case Setting::SwitchInterval: return "switch interval";
        case Setting::MaxSteps: return "--max-steps";
        case Setting::Params: return "--param";
        case Setting::Schedule: return "--schedule";
    }
    return "?";
}

std::string_view settingName(Setting s) {
    switch (s) {
        case Setting::Cores: return "cores";
        case Setting::Quantum: return "quantum";
        case Setting::SwitchInterval: return "switch interval";
        case Setting::MaxSteps: return "max steps";
        case Setting::Params: return "parameters";
        case Setting::Schedule: return "decisions";
    }
    return "?";
}

std::optional<Problem> checkCores(std::int64_t cores) {
    if (cores >= 1 && cores <= RunConfig::kMaxCores) return std::nullopt;
    return coresProblem(std::to_string(cores));
}

std::optional<Problem> checkCores(std::string_view text, int& out) {
    std::int64_t v = 0;
    if (!parseWholeNumber(text, v) || checkCores(v)) return coresProblem(trim(text));
    out = static_cast<int>(v);
    return std::nullopt;
}

std::optional<Problem> checkQuantum(Nanos quantum) {
    if (quantum >= RunConfig::kMinQuantum && quantum <= RunConfig::kMaxQuantum) return std::nullopt;
    return quantumProblem(formatDuration(quantum), quantum < RunConfig::kMinQuantum);
}

std::optional<Problem> checkQuantum(std::string_view text, Nanos& out) {
    Nanos v = 0;
    if (!parseDuration(text, v))
        return problem(Setting::Quantum, "'" + std::string(trim(text)) +
                                             "' is not a duration; write e.g. 10ms, 0.5s, 250us (a quantum is from " +
                                             durationRange() + ")");
    if (checkQuantum(v)) return quantumProblem(trim(text), v < RunConfig::kMinQuantum);
    out = v;
    return std::nullopt;
}

std::optional<Problem> checkSwitchInterval(Nanos interval) {
    if (interval >= RunConfig::kMinQuantum && interval <= RunConfig::kMaxQuantum) return std::nullopt;
    return problem(Setting::SwitchInterval,
                   "'" + formatDuration(interval) + "' is not a GIL switch interval from " + durationRange());
}

std::optional<Problem> checkMaxSteps(std::int64_t steps) {
    if (steps >= 1 && steps <= RunConfig::kMaxStepLimit) return std::nullopt;
    return maxStepsProblem(std::to_string(steps));
}

std::optional<Problem> checkMaxSteps(std::string_view text, std::uint32_t& out) {
    std::int64_t v = 0;
    if (!parseWholeNumber(text, v) || checkMaxSteps(v)) return maxStepsProblem(trim(text));
    out = static_cast<std::uint32_t>(v);
    return std::nullopt;
}

std::optional<Problem> checkParam(const Scenario& scenario, std::string_view key, std::string_view text,
                                  std::int64_t& value) {
    const ParamSpec* spec = findParam(scenario, key);
    if (!spec) return unknownParam(scenario, key);
    std::int64_t v = 0;
    if (!parseWholeNumber(text, v) || v < spec->min || v > spec->max) return paramOutOfRange(*spec, trim(text));
    value = v;
    return std::nullopt;
}

std::optional<Problem> checkParam(const Scenario& scenario, std::string_view key, std::int64_t value) {
    const ParamSpec* spec = findParam(scenario, key);
    if (!spec) return unknownParam(scenario, key);
    if (value < spec->min || value > spec->max) return paramOutOfRange(*spec, std::to_string(value));
    return std::nullopt;
}

std::optional<Problem> checkSchedule(const std::vector<std::string>& schedule, std::uint32_t maxSteps) {
    if (schedule.size() > maxSteps)
        return problem(Setting::Schedule, std::to_string(schedule.size()) +
                                              " forced choices, more than the step limit of " +
                                              std::to_string(maxSteps) + " allows (a decision follows each step)");
    for (std::size_t i = 0; i < schedule.size(); ++i) {
        const std::string& entry = schedule[i];
        const std::string place = "entry " + std::to_string(i + 1);
        if (trim(entry).empty())
            return problem(Setting::Schedule, place + " is empty; name a thread (T1) or give its number (1)");
        if (!std::all_of(entry.begin(), entry.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        std::uint64_t n = 0;
        if (std::from_chars(entry.data(), entry.data() + entry.size(), n).ec != std::errc() || n > kMaxActorNumber)
            return problem(Setting::Schedule, place + ", '" + entry + "', is no thread number a run can have (0 to " +
                                                  std::to_string(kMaxActorNumber) + ")");
    }
    return std::nullopt;
}

std::optional<Problem> checkRunConfig(const Scenario& scenario, const RunConfig& config) {
    if (auto p = checkCores(config.cores)) return p;
    if (auto p = checkQuantum(config.quantum)) return p;
    if (auto p = checkSwitchInterval(config.switchInterval)) return p;
    if (auto p = checkMaxSteps(config.maxSteps)) return p;
    for (std::size_t i = 0; i < config.params.size(); ++i) {
        const auto& [key, value] = config.params[i];
        if (auto p = checkParam(scenario, key, value)) return p;
        for (std::size_t j = 0; j < i; ++j)
            if (config.params[j].first == key)
                return problem(Setting::Params, "'" + key + "' is given twice; give each parameter once");
    }
    return checkSchedule(config.schedule, config.maxSteps);
}

const Scenario* readReplayToken(std::string_view token, RunConfig& config, std::string& error,
                                const ScenarioLoader& load) {
    std::string id;
    RunConfig decoded;
    if (!decodeReplayToken(token, id, decoded, error)) return nullptr;
    const Scenario* scenario = find(id);
    if (!scenario && load) {
        error.clear();
        scenario = load(id, error);
        if (!scenario && !error.empty()) return nullptr;  // the loader said why; else the id is unknown
    }
    if (!scenario) {
        error = unknownScenarioMessage(id);
        return nullptr;
    }
    if (const auto p = checkRunConfig(*scenario, decoded)) {
        error = "the token's " + std::string(settingName(p->setting)) + ": " + p->message;
        return nullptr;
    }
    config = std::move(decoded);
    return scenario;
}

std::string formatDuration(Nanos d) {
    if (d < 0) return "-" + formatDuration(d == std::numeric_limits<Nanos>::min() ? std::numeric_limits<Nanos>::max() : -d);
    struct Unit {
        Nanos scale;
        const char* name;
    };
    static constexpr Unit units[] = {{1'000'000'000, "s"}, {1'000'000, "ms"}, {1'000, "us"}, {1, "ns"}};
    for (const Unit& u : units) {
        if (d < u.scale && u.scale > 1) continue;
        std::string text = std::to_string(d / u.scale);
        if (const Nanos rest = d % u.scale; rest != 0) {
            // The remainder exactly, as decimals of the unit: 1500000 ns is 1.5ms.
            std::string digits = std::to_string(rest);
            digits.insert(0, std::to_string(u.scale).size() - 1 - digits.size(), '0');
            while (digits.back() == '0') digits.pop_back();
            text += "." + digits;
        }
        return text + u.name;
    }
    return "0ns";
}

bool parseDuration(std::string_view text, Nanos& out) {
    text = trim(text);
    std::size_t n = 0;
    bool dot = false;
    while (n < text.size() && ((text[n] >= '0' && text[n] <= '9') || (text[n] == '.' && !dot))) {
        dot = dot || text[n] == '.';
        ++n;
    }
    const std::string_view number = text.substr(0, n);
    const std::string_view unit = trim(text.substr(n));
    if (number.empty() || number == ".") return false;
    double scale = 1e9;
    if (unit == "ns") scale = 1;
    else if (unit == "us" || unit == "\xC2\xB5s") scale = 1e3;  // "µs" in UTF-8
    else if (unit == "ms") scale = 1e6;
    else if (!unit.empty() && unit != "s") return false;
    double value = 0;
    const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (ec != std::errc() || end != number.data() + number.size()) {
        if (ec != std::errc::result_out_of_range) return false;
        value = std::numeric_limits<double>::max();  // more digits than a double holds: far out of any range
    }
    // Far beyond any bound, but still a number the range check can name.
    const double ns = std::min(value * scale, 1e18);
    out = static_cast<Nanos>(std::llround(ns));
    return true;
}

bool parseWholeNumber(std::string_view text, std::int64_t& out) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty()) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

std::string parameterList(const Scenario& scenario) {
    if (scenario.params.empty()) return "this scenario takes no parameters";
    std::string keys;
    for (const ParamSpec& p : scenario.params) keys += (keys.empty() ? "" : ", ") + p.key;
    return "its parameters are: " + keys;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string nearestWord(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t bestDistance = std::numeric_limits<std::size_t>::max();
    for (const std::string& c : candidates) {
        const std::size_t d = !word.empty() && c.find(word) != std::string::npos ? 1 : editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return bestDistance <= std::max<std::size_t>(3, word.size() / 3) ? best : std::string();
}

std::string unknownScenarioMessage(const std::string& id) {
    std::vector<std::string> ids;
    for (const Scenario& s : all()) ids.push_back(s.id);
    std::string message = "unknown scenario '" + id + "'.";
    if (const std::string near = nearestWord(id, ids); !near.empty()) message += " Did you mean '" + near + "'?";
    message += " Run 'lockstep list' to see all " + std::to_string(all().size()) + " scenarios.";
    return message;
}

}  // namespace lockstep::scenarios
