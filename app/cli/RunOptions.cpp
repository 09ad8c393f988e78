#include "cli/RunOptions.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>

#include "lockstep/ReplayToken.h"
#include "lockstep/python/Program.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::app {

void addRunOptions(QCommandLineParser& parser, RunOptionSet set) {
    const bool single = set == RunOptionSet::SingleRun;
    parser.addOption({"policy", "Scheduling policy: rr (preemptive round-robin), random (seeded), coop "
                                "(switch only when a thread blocks, sleeps or ends), manual (decisions from "
                                "--schedule; after it, the cooperative rule).", "name"});
    parser.addOption({"seed", "Seed of the random policy and of the scenario's random numbers (default: the "
                              "scenario's).", "n"});
    if (single) {
        parser.addOption({"cores", "Virtual cores, 1-8 (default: the scenario's, usually 1).", "k"});
        parser.addOption({"gil", "Model CPython's global interpreter lock: on or off.", "on|off"});
    }
    parser.addOption({"quantum", "Round-robin time slice for CPU bursts, e.g. 10ms (default 10ms).", "duration"});
    parser.addOption({"max-steps", "Stop with status step-limit after this many steps (default 1000000).", "n"});
    parser.addOption({"param", "Scenario parameter, e.g. --param by1=5 (repeatable; 'lockstep list --json' "
                               "shows each scenario's parameters).", "key=value"});
    if (single) {
        parser.addOption({"schedule", "Force the thread that runs at each decision with more than one choice, by "
                                      "name or number, e.g. T1,T2,T1.", "A,B,..."});
        parser.addOption({"replay", "Reproduce a run exactly from the replay token its summary printed.", "token"});
    }
}

bool parseDuration(const QString& text, Nanos& out) {
    static const QRegularExpression re(R"(^\s*([0-9]*\.?[0-9]+)\s*(ns|us|µs|ms|s)?\s*$)");
    const auto m = re.match(text);
    if (!m.hasMatch()) return false;
    bool ok = false;
    const double v = m.captured(1).toDouble(&ok);
    if (!ok) return false;
    const QString unit = m.captured(2);
    double scale = 1e9;
    if (unit == "ns") scale = 1;
    else if (unit == "us" || unit == "µs") scale = 1e3;
    else if (unit == "ms") scale = 1e6;
    const double ns = v * scale;
    if (ns < 1 || ns > 1e15) return false;
    out = static_cast<Nanos>(ns + 0.5);
    return true;
}

namespace {

int editDistance(const QString& a, const QString& b) {
    std::vector<int> prev(static_cast<std::size_t>(b.size()) + 1), cur(prev.size());
    for (std::size_t j = 0; j < prev.size(); ++j) prev[j] = static_cast<int>(j);
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j)
            cur[static_cast<std::size_t>(j)] =
                std::min({prev[static_cast<std::size_t>(j)] + 1, cur[static_cast<std::size_t>(j) - 1] + 1,
                          prev[static_cast<std::size_t>(j) - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[static_cast<std::size_t>(b.size())];
}

bool parseInt(const QString& text, std::int64_t& out) {
    bool ok = false;
    out = text.trimmed().toLongLong(&ok);
    return ok;
}

}  // namespace

QString unknownScenarioMessage(const QString& id) {
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const auto& s : scenarios::all()) {
        const QString candidate = QString::fromStdString(s.id);
        const int d = candidate.contains(id) && !id.isEmpty() ? 1 : editDistance(id, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    QString msg = QStringLiteral("unknown scenario '%1'.").arg(id);
    if (bestDistance <= std::max<qsizetype>(3, id.size() / 3)) msg += QStringLiteral(" Did you mean '%1'?").arg(best);
    msg += QStringLiteral(" Run 'lockstep list' to see all %1 scenarios.").arg(scenarios::all().size());
    return msg;
}

bool readRunOptions(const QCommandLineParser& parser, const QString& scenarioIdIn, RunSetup& setup, QString& error,
                    RunOptionSet set) {
    // Options the parser was not given are never asked about: QCommandLineParser warns on unknown names.
    const bool single = set == RunOptionSet::SingleRun;
    QString scenarioId = scenarioIdIn;
    RunConfig config;
    bool fromReplay = false;
    if (single && parser.isSet("replay")) {
        std::string id, why;
        if (!decodeReplayToken(parser.value("replay").toStdString(), id, config, why)) {
            error = QStringLiteral("--replay: %1").arg(QString::fromStdString(why));
            return false;
        }
        if (!scenarioId.isEmpty() && scenarioId != QString::fromStdString(id)) {
            error = QStringLiteral("--replay: the token is for scenario '%1', not '%2'; leave the scenario id out "
                                   "or use a token of that scenario")
                        .arg(QString::fromStdString(id), scenarioId);
            return false;
        }
        scenarioId = QString::fromStdString(id);
        fromReplay = true;
    }
    if (scenarioId.isEmpty()) {
        error = QStringLiteral("name a scenario, e.g. 'lockstep run race-counter-sleep' (see 'lockstep list')");
        return false;
    }
    const scenarios::Scenario* scenario = scenarios::find(scenarioId.toStdString());
    if (!scenario && python::looksLikeProgram(scenarioId.toStdString())) {
        // A Python program where a scenario id goes: `lockstep run prog.py`.
        std::string loadError;
        scenario = python::loadProgram(scenarioId.toStdString(), loadError);
        if (!scenario) {
            error = QString::fromStdString(loadError);
            return false;
        }
    }
    if (!scenario) {
        error = unknownScenarioMessage(scenarioId);
        return false;
    }
    if (!fromReplay) {
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
        std::int64_t k = 0;
        if (!parseInt(parser.value("cores"), k) || k < 1 || k > RunConfig::kMaxCores) {
            error = QStringLiteral("--cores: '%1' is not a number of cores from 1 to %2")
                        .arg(parser.value("cores"))
                        .arg(RunConfig::kMaxCores);
            return false;
        }
        config.cores = static_cast<int>(k);
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
    if (parser.isSet("quantum") && !parseDuration(parser.value("quantum"), config.quantum)) {
        error = QStringLiteral("--quantum: '%1' is not a duration; write e.g. 10ms, 0.5s, 250us")
                    .arg(parser.value("quantum"));
        return false;
    }
    if (parser.isSet("max-steps")) {
        std::int64_t n = 0;
        if (!parseInt(parser.value("max-steps"), n) || n < 1 || n > 1'000'000'000) {
            error = QStringLiteral("--max-steps: '%1' is not a number of steps from 1 to 1000000000")
                        .arg(parser.value("max-steps"));
            return false;
        }
        config.maxSteps = static_cast<std::uint32_t>(n);
    }
    for (const QString& kv : parser.values("param")) {
        const qsizetype eq = kv.indexOf('=');
        QStringList keys;
        for (const auto& p : scenario->params) keys << QString::fromStdString(p.key);
        const QString known = keys.isEmpty() ? QStringLiteral("this scenario takes no parameters")
                                             : QStringLiteral("its parameters are: ") + keys.join(", ");
        if (eq <= 0) {
            error = QStringLiteral("--param: '%1' is not key=value; %2").arg(kv, known);
            return false;
        }
        const std::string key = kv.left(eq).trimmed().toStdString();
        auto spec = std::find_if(scenario->params.begin(), scenario->params.end(),
                                 [&](const scenarios::ParamSpec& p) { return p.key == key; });
        if (spec == scenario->params.end()) {
            error = QStringLiteral("--param: scenario '%1' has no parameter '%2'; %3")
                        .arg(scenarioId, QString::fromStdString(key), known);
            return false;
        }
        std::int64_t v = 0;
        if (!parseInt(kv.mid(eq + 1), v) || v < spec->min || v > spec->max) {
            error = QStringLiteral("--param: %1 must be a whole number from %2 to %3, not '%4'")
                        .arg(QString::fromStdString(key))
                        .arg(spec->min)
                        .arg(spec->max)
                        .arg(kv.mid(eq + 1));
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
    }
    // Every parameter is written out, so a replay token carries the whole setup.
    config.params = scenario->resolve(config.params).values();
    setup.scenario = scenario;
    setup.config = std::move(config);
    return true;
}

}  // namespace lockstep::app
