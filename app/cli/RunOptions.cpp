#include "cli/RunOptions.h"

#include <algorithm>

#include "lockstep/ReplayToken.h"
#include "lockstep/python/Program.h"
#include "lockstep/scenarios/Registry.h"
#include "lockstep/scenarios/RunValidation.h"

namespace lockstep::app {

void addRunOptions(QCommandLineParser& parser, RunOptionSet set) {
    const bool single = set == RunOptionSet::SingleRun;
    const QString durations = QString::fromStdString(scenarios::formatDuration(RunConfig::kMinQuantum) + " to " +
                                                     scenarios::formatDuration(RunConfig::kMaxQuantum));
    parser.addOption({"policy", "Scheduling policy: rr (preemptive round-robin), random (seeded), coop "
                                "(switch only when a thread blocks, sleeps or ends), manual (decisions from "
                                "--schedule; after it, the cooperative rule).", "name"});
    parser.addOption({"seed", "Seed of the random policy and of the scenario's random numbers (default: the "
                              "scenario's).", "n"});
    if (single) {
        parser.addOption({"cores", QStringLiteral("Virtual cores, 1 to %1 (default: the scenario's, usually 1).")
                                       .arg(RunConfig::kMaxCores), "k"});
        parser.addOption({"gil", "Model CPython's global interpreter lock: on or off.", "on|off"});
    }
    parser.addOption({"quantum", QStringLiteral("Round-robin time slice for CPU bursts, %1 (default 10ms).").arg(durations),
                      "duration"});
    parser.addOption({"max-steps", QStringLiteral("Stop with status step-limit after this many steps, 1 to %1 "
                                                  "(default %2; %4 for a Python program). A run also stops, with "
                                                  "status trace-limit, when its trace holds %3 events.")
                                       .arg(RunConfig::kMaxStepLimit)
                                       .arg(RunConfig{}.maxSteps)
                                       .arg(RunConfig::kMaxEvents)
                                       .arg(python::kProgramMaxSteps),
                      "n"});
    parser.addOption({"param", "Scenario parameter, e.g. --param by1=5 (repeatable; 'lockstep list --json' "
                               "shows each scenario's parameters and their ranges).", "key=value"});
    if (single) {
        parser.addOption({"schedule", "Force the thread that runs at each decision with more than one choice, by "
                                      "name or number, e.g. T1,T2,T1.", "A,B,..."});
        parser.addOption({"replay", "Reproduce a run exactly from the replay token its summary printed.", "token"});
    }
}

bool parseDuration(const QString& text, Nanos& out) { return scenarios::parseDuration(text.toStdString(), out); }

QString unknownScenarioMessage(const QString& id) {
    return QString::fromStdString(scenarios::unknownScenarioMessage(id.toStdString()));
}

namespace {

// "--quantum: '1ns' is not a quantum from 1us to 10s ...": a problem as the command line reports it.
QString optionProblem(const scenarios::Problem& p) {
    return QString::fromStdString(std::string(scenarios::optionName(p.setting)) + ": " + p.message);
}

// A program's path where a scenario id goes: loaded (and registered) on first use.
const scenarios::Scenario* loadIfProgram(const std::string& id, std::string& error) {
    if (!python::looksLikeProgram(id)) return nullptr;
    return python::loadProgram(id, error);
}

}  // namespace

bool readRunOptions(const QCommandLineParser& parser, const QString& scenarioIdIn, RunSetup& setup, QString& error,
                    RunOptionSet set) {
    // Options the parser was not given are never asked about: QCommandLineParser warns on unknown names.
    // Each value is read here and checked by lockstep::scenarios' validation, the path the window's browser
    // and replay tokens take too, so they refuse the same values with the same words.
    const bool single = set == RunOptionSet::SingleRun;
    const scenarios::Scenario* scenario = nullptr;
    RunConfig config;
    if (single && parser.isSet("replay")) {
        std::string why;
        scenario = scenarios::readReplayToken(parser.value("replay").toStdString(), config, why, loadIfProgram);
        if (!scenario) {
            error = QStringLiteral("--replay: %1").arg(QString::fromStdString(why));
            return false;
        }
        const QString tokenId = QString::fromStdString(scenario->id);
        if (!scenarioIdIn.isEmpty() && scenarioIdIn != tokenId) {
            error = QStringLiteral("--replay: the token is for scenario '%1', not '%2'; leave the scenario id out "
                                   "or use a token of that scenario")
                        .arg(tokenId, scenarioIdIn);
            return false;
        }
    } else {
        if (scenarioIdIn.isEmpty()) {
            error = QStringLiteral("name a scenario, e.g. 'lockstep run race-counter-sleep' (see 'lockstep list')");
            return false;
        }
        std::string loadError;
        scenario = scenarios::find(scenarioIdIn.toStdString());
        if (!scenario) scenario = loadIfProgram(scenarioIdIn.toStdString(), loadError);
        if (!scenario) {
            error = loadError.empty() ? unknownScenarioMessage(scenarioIdIn) : QString::fromStdString(loadError);
            return false;
        }
        scenario->defaults.applyTo(config);
    }
    if (parser.isSet("policy") &&
        !parsePolicyName(parser.value("policy").toStdString(), config.policy)) {
        error = QStringLiteral("--policy: unknown policy '%1'; choose one of rr, random, coop, manual")
                    .arg(parser.value("policy"));
        return false;
    }
    if (parser.isSet("seed")) {
        bool ok = false;
        config.seed = parser.value("seed").toULongLong(&ok);
        if (!ok) {
            error = QStringLiteral("--seed: '%1' is not a whole number from 0 to 18446744073709551615")
                        .arg(parser.value("seed"));
            return false;
        }
    }
    if (single && parser.isSet("cores")) {
        if (const auto p = scenarios::checkCores(parser.value("cores").toStdString(), config.cores)) {
            error = optionProblem(*p);
            return false;
        }
    }
    if (single && parser.isSet("gil")) {
        const QString v = parser.value("gil").toLower();
        if (v == "on" || v == "true" || v == "1") config.gil = true;
        else if (v == "off" || v == "false" || v == "0") config.gil = false;
        else {
            error = QStringLiteral("--gil: '%1' is neither on nor off").arg(parser.value("gil"));
            return false;
        }
    }
    if (parser.isSet("quantum")) {
        if (const auto p = scenarios::checkQuantum(parser.value("quantum").toStdString(), config.quantum)) {
            error = optionProblem(*p);
            return false;
        }
    }
    if (parser.isSet("max-steps")) {
        if (const auto p = scenarios::checkMaxSteps(parser.value("max-steps").toStdString(), config.maxSteps)) {
            error = optionProblem(*p);
            return false;
        }
    }
    for (const QString& kv : parser.values("param")) {
        const qsizetype eq = kv.indexOf('=');
        if (eq <= 0) {
            error = QStringLiteral("--param: '%1' is not key=value; %2")
                        .arg(kv, QString::fromStdString(scenarios::parameterList(*scenario)));
            return false;
        }
        const std::string key = kv.left(eq).trimmed().toStdString();
        std::int64_t v = 0;
        if (const auto p = scenarios::checkParam(*scenario, key, kv.mid(eq + 1).toStdString(), v)) {
            error = optionProblem(*p);
            return false;
        }
        auto existing = std::find_if(config.params.begin(), config.params.end(),
                                     [&](const auto& p) { return p.first == key; });
        if (existing != config.params.end()) existing->second = v;
        else config.params.emplace_back(key, v);
    }
    if (single && parser.isSet("schedule")) {
        config.schedule.clear();
        for (const QString& name : parser.value("schedule").split(',', Qt::SkipEmptyParts))
            config.schedule.push_back(name.trimmed().toStdString());
        if (const auto p = scenarios::checkSchedule(config.schedule, config.maxSteps)) {
            error = optionProblem(*p);
            return false;
        }
    }
    // Every parameter is written out, so a replay token carries the whole setup.
    config.params = scenario->resolve(config.params).values();
    setup.scenario = scenario;
    setup.config = std::move(config);
    return true;
}

}  // namespace lockstep::app
