#pragma once
// A scenario: a small Python-style program (its listing) and the C++ code that runs it under the engine.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Policy.h"
#include "lockstep/RunConfig.h"
#include "lockstep/RunSession.h"

// Marks a string for Qt Linguist without needing Qt here: lupdate finds QT_TRANSLATE_NOOP("Scenario", ...)
// in these sources and the application translates with QCoreApplication::translate("Scenario", text).
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace lockstep::scenarios {

struct ParamSpec {
    std::string key;          // command line: --param key=value
    const char* label;        // English, marked with QT_TRANSLATE_NOOP("Scenario", ...)
    std::int64_t defaultValue;
    std::int64_t min;
    std::int64_t max;
};

class Params {
public:
    Params() = default;
    explicit Params(std::vector<std::pair<std::string, std::int64_t>> values) : values_(std::move(values)) {}
    // The value given for `key`, else `fallback`.
    std::int64_t get(const std::string& key, std::int64_t fallback) const {
        for (const auto& [k, v] : values_)
            if (k == key) return v;
        return fallback;
    }
    const std::vector<std::pair<std::string, std::int64_t>>& values() const { return values_; }

private:
    std::vector<std::pair<std::string, std::int64_t>> values_;
};

struct RunDefaults {
    PolicyKind policy = PolicyKind::RoundRobin;
    std::uint64_t seed = 1;
    int cores = 1;
    bool gil = false;
    std::uint32_t maxSteps = RunConfig{}.maxSteps;  // a learner's program gets more: its loops step every line

    // Set these five fields of a run's config, keeping the rest (quantum, parameters...).
    void applyTo(RunConfig& config) const {
        config.policy = policy;
        config.seed = seed;
        config.cores = cores;
        config.gil = gil;
        config.maxSteps = maxSteps;
    }
};

struct Scenario {
    std::string id;            // e.g. "race-counter-sleep"
    const char* family;        // family id, e.g. "races" (see familyTitle)
    const char* title;         // English, marked with QT_TRANSLATE_NOOP("Scenario", ...)
    const char* description;   // English, marked the same way; what to look at when it runs
    // The program as a real Python 3 file (its imports included): it runs unchanged under python3 and does
    // what `main` does. Line numbers start at 1; `main` marks them with lockstep::line(n). A parameter of the
    // scenario that the program uses is a one-line module constant, `NAME = value` with NAME the key in
    // upper case (SUBCLASS = 1 for "subclass"), so a test can run the program with another value by
    // replacing that line's value.
    std::string listing;
    std::vector<ParamSpec> params;
    RunDefaults defaults;
    std::function<void(const Params&)> main;  // runs as MainThread; must call lockstep::line(n) as it goes
    std::string sourcePath;    // a Python program run by the embedded interpreter (lockstep::python): its file
    // Runs that happen elsewhere: a learner's program opens each of its runs in the runner process, whose
    // child runs `main`. Empty for the built-in scenarios, which run here.
    OpenRun openElsewhere;

    // How to open a run of this scenario (its parameters read from the run's config): openElsewhere, or an
    // Execution of `main` in this process.
    OpenRun opener() const;

    // Params with every missing key set to its default, in the order of `params`.
    Params resolve(const std::vector<std::pair<std::string, std::int64_t>>& given) const;
};

}  // namespace lockstep::scenarios
