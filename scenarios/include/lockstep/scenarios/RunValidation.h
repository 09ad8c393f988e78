#pragma once
// One validation path for every way a run is configured: the command line's options and --param, replay
// tokens, the window's scenario browser (and lesson files, later). Each source reads its own text its own
// way; which values a run may take, and the words that say what is wrong with one, are decided here once, so
// a value refused on the command line is refused in the window with the same sentence.
//
// Bounds: RunConfig's (cores, quantum, step limit; see RunConfig.h for why they are what they are) and the
// scenario's own parameter ranges (ParamSpec). No Qt here.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lockstep/RunConfig.h"
#include "lockstep/scenarios/Scenario.h"

namespace lockstep::scenarios {

// The settings a problem can be about.
enum class Setting : std::uint8_t { Cores, Quantum, SwitchInterval, MaxSteps, Params, Schedule };

struct Problem {
    Setting setting;
    // What is wrong and what would be right, without saying where the value came from (each source adds
    // that: "--quantum: ", "--replay: the token's quantum: "), e.g. "1ns is not a quantum from 1us to 10s".
    std::string message;
};

// The setting as the command line's option names it ("--quantum"); the switch interval, which has no option,
// as words.
std::string_view optionName(Setting s);
// The setting in words ("quantum", "switch interval", "parameters").
std::string_view settingName(Setting s);

// Each check comes in two forms with the same words: for a value (a token's field, a spin box) and for text
// as typed (an option), which is read first and named as typed in the message. On success the text form
// sets `out`.
std::optional<Problem> checkCores(std::int64_t cores);
std::optional<Problem> checkCores(std::string_view text, int& out);
std::optional<Problem> checkQuantum(Nanos quantum);
std::optional<Problem> checkQuantum(std::string_view text, Nanos& out);
std::optional<Problem> checkSwitchInterval(Nanos interval);
std::optional<Problem> checkMaxSteps(std::int64_t steps);
std::optional<Problem> checkMaxSteps(std::string_view text, std::uint32_t& out);
// A parameter: a key the scenario takes, with a whole number in its range. `text` is the value as given;
// on success `value` holds it.
std::optional<Problem> checkParam(const Scenario& scenario, std::string_view key, std::string_view text,
                                  std::int64_t& value);
std::optional<Problem> checkParam(const Scenario& scenario, std::string_view key, std::int64_t value);
// Forced choices: no more than `maxSteps` (a decision follows each step), each a thread's name or a number a
// thread of some run can have. Whether the named thread exists and can run is known only during the run.
std::optional<Problem> checkSchedule(const std::vector<std::string>& schedule, std::uint32_t maxSteps);
// All of the above for a whole config meant for `scenario`: the first problem, in the order of the fields.
std::optional<Problem> checkRunConfig(const Scenario& scenario, const RunConfig& config);

// Finds the scenario of an id the registry does not know yet (a program's path: lockstep::python loads it).
// Returns nullptr with `error` set when it knows the id but cannot load it, and with `error` empty when the
// id is not one it loads.
using ScenarioLoader = std::function<const Scenario*(const std::string& id, std::string& error)>;
// A replay token read as every other source of a run is checked: its syntax (decodeReplayToken), its
// scenario (find(), else `load`), then every value (checkRunConfig). Returns the scenario with `config` set,
// or nullptr with `error` saying what is wrong ("the token's quantum: '0ns' is not a quantum from ...").
const Scenario* readReplayToken(std::string_view token, RunConfig& config, std::string& error,
                                const ScenarioLoader& load = {});

// A duration as the options write it: "10ms", "250us", "1ns", "2.5s".
std::string formatDuration(Nanos d);
// A duration as the options take it: "10ms", "0.5s", "250us", "1000ns" or a bare number of seconds. False
// when the text is no duration; whether it is a valid quantum is checkQuantum's question.
bool parseDuration(std::string_view text, Nanos& out);
// A whole number in decimal, optionally signed, surrounding spaces allowed; false when malformed or out of
// int64's range.
bool parseWholeNumber(std::string_view text, std::int64_t& out);

// Levenshtein distance: insertions, deletions and substitutions of bytes.
std::size_t editDistance(std::string_view a, std::string_view b);
// Of `candidates`, the one closest to `word` (a candidate containing it counts as one edit away), if it is
// near enough to be what was meant: at most 3 edits, or a third of the word's length. Else empty.
std::string nearestWord(std::string_view word, const std::vector<std::string>& candidates);
// "its parameters are: by1, by2, delay_ms", or "this scenario takes no parameters".
std::string parameterList(const Scenario& scenario);
// For an id that names no scenario: says so, offers the closest id when one is near, and points at the list.
std::string unknownScenarioMessage(const std::string& id);

}  // namespace lockstep::scenarios
