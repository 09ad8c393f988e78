#include "cli/Cli.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <memory>
#include <vector>

#include "cli/CompareReport.h"
#include "cli/RunOptions.h"
#include "cli/SummaryJson.h"
#include "lockstep/ChromeTraceWriter.h"
#include "lockstep/Execution.h"
#include "lockstep/Explorer.h"
#include "lockstep/scenarios/Compare.h"
#include "lockstep/scenarios/Registry.h"
#include "timeline/TimelineExporter.h"

namespace lockstep::app {

namespace {

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}
QTextStream& err() {
    static QTextStream s(stderr);
    return s;
}

int usageError(const QString& message) {
    err() << "lockstep: " << message << "\n";
    err().flush();
    return 2;
}

QString tr(const char* text) { return QCoreApplication::translate("Scenario", text); }

const char* kGeneralHelp = R"(Lockstep - see concurrency one scheduling decision at a time.

Usage:
  lockstep                          open the window
  lockstep ID [run options] [--steps N]
                                    open the window with scenario ID loaded, advanced N steps
  lockstep list [--json] [--lang en|ru]
                                    the scenarios: ids, families, titles (and, with --json, parameters)
  lockstep run ID [run options] [--summary] [--events] [--trace FILE.json]
                [--export FILE.png|svg|pdf [--width W] [--axis steps|time]]
                                    run a scenario headless: its output, how it ended, data races
  lockstep explore ID [--strategy dfs|random|pct] [--runs N] [--max-preemptions K] [--json]
                [run options]       run many schedules, count the outcomes, say if that was all of them
  lockstep compare ID [--threads 1,2,4] [--gil on,off] [--cores 1,4] [--json] [run options]
                                    run a scenario once per thread count x GIL x cores and compare
                                    the elapsed virtual times (e.g. gil-cpu-bound)
  lockstep help [COMMAND]           this text, or a command's options

Wherever ID goes, a Python program may go instead (a path ending in .py): it runs under the same
scheduler with embedded CPython 3.11; its lines are the scheduling points (--param bytecode=1: every
bytecode instruction), its threads and locks are the scheduler's, time is virtual.

Exit codes: 0 the command did its job (a deadlock is a result, not a failure); 2 a bad command line
(unknown scenario, option or value: the message says which); 1 an internal failure.
)";

void addHelp(QCommandLineParser& parser, const QString& description) {
    parser.setApplicationDescription(description);
    parser.addHelpOption();
}

// Installed translators: the window's strings and each scenario family's (resources/translations/*_<lang>.ts).
std::vector<std::unique_ptr<QTranslator>> gTranslators;

}  // namespace

void installTranslations(const QString& language) {
    const QString lang = language.isEmpty() ? QLocale::system().name().left(2) : language;
    for (const auto& t : gTranslators) QCoreApplication::removeTranslator(t.get());
    gTranslators.clear();
    if (lang == "en") return;
    const QDir dir(QStringLiteral(":/i18n"));
    for (const QString& file : dir.entryList({QStringLiteral("*_%1.qm").arg(lang)}, QDir::Files, QDir::Name)) {
        auto t = std::make_unique<QTranslator>();
        if (t->load(dir.filePath(file))) {
            QCoreApplication::installTranslator(t.get());
            gTranslators.push_back(std::move(t));
        }
    }
}

bool isCommandLineCommand(const QStringList& args) {
    if (args.size() < 2) return false;
    const QString c = args[1];
    return c == "list" || c == "run" || c == "explore" || c == "compare" || c == "help" || c == "--help" || c == "-h" ||
           c == "--version" || c == "-v";
}

namespace {

int cmdList(const QStringList& args) {
    QCommandLineParser parser;
    addHelp(parser, "List the scenarios.");
    parser.addOption({"json", "Print JSON: id, family, title, description, parameters, listing."});
    parser.addOption({"lang", "Language of titles and descriptions: en or ru (default: the system's).", "code"});
    if (!parser.parse(args)) return usageError(parser.errorText() + " (see 'lockstep help list')");
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() > 1)
        return usageError("list takes no arguments besides its options (see 'lockstep help list')");
    if (parser.isSet("lang")) {
        const QString lang = parser.value("lang");
        if (lang != "en" && lang != "ru") return usageError(QStringLiteral("--lang: '%1' is not en or ru").arg(lang));
        installTranslations(lang);
    } else {
        installTranslations(QString());
    }
    if (parser.isSet("json")) {
        QJsonArray list;
        for (const auto& s : scenarios::all()) {
            QJsonArray params;
            for (const auto& p : s.params)
                params.append(QJsonObject{{"key", QString::fromStdString(p.key)},
                                          {"label", tr(p.label)},
                                          {"default", static_cast<double>(p.defaultValue)},
                                          {"min", static_cast<double>(p.min)},
                                          {"max", static_cast<double>(p.max)}});
            list.append(QJsonObject{{"id", QString::fromStdString(s.id)},
                                    {"family", QString::fromUtf8(s.family)},
                                    {"family_title", tr(scenarios::familyTitle(s.family))},
                                    {"title", tr(s.title)},
                                    {"description", tr(s.description)},
                                    {"default_policy", QString::fromStdString(policyName(s.defaults.policy))},
                                    {"params", params},
                                    {"listing", QString::fromStdString(s.listing)}});
        }
        out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const std::string& family : scenarios::families()) {
        out() << tr(scenarios::familyTitle(family)) << "\n";
        for (const auto& s : scenarios::all())
            if (family == s.family)
                out() << "  " << QString::fromStdString(s.id).leftJustified(30) << " " << tr(s.title) << "\n";
    }
    return 0;
}

void printHumanRun(const Trace& trace, const QString& id) {
    const RunOutcome& o = trace.outcome();
    for (std::size_t i = 0; i < trace.eventCount(); ++i) {
        const TraceEvent& e = trace.event(i);
        if (e.op != Op::Print) continue;
        QTextStream& s = (e.flags & TraceEvent::ToStderr) ? err() : out();
        s << QStringLiteral("[%1 s] ").arg(toSeconds(e.time), 7, 'f', 3)
          << QString::fromStdString(trace.actor(e.actor).name) << ": " << QString::fromStdString(std::string(trace.argText(e)))
          << "\n";
    }
    err().flush();
    out() << QStringLiteral("%1: %2 at t=%3 s after %4 steps and %5 context switches\n")
                 .arg(id, QString::fromUtf8(runStatusName(o.status).data()))
                 .arg(toSeconds(o.endTime), 0, 'f', 3)
                 .arg(o.steps)
                 .arg(o.switches);
    if (!o.message.empty()) out() << "  " << QString::fromStdString(o.message) << "\n";
    if (o.status == RunStatus::Deadlock && o.deadlockCycle >= 0) {
        const DeadlockCycle& c = trace.cycles()[static_cast<std::size_t>(o.deadlockCycle)];
        out() << "  deadlock:";
        for (std::size_t i = 0; i < c.actors.size(); ++i)
            out() << " " << QString::fromStdString(trace.actor(c.actors[i]).name) << " waits for "
                  << QString::fromStdString(trace.object(c.objects[i]).name) << " held by "
                  << QString::fromStdString(trace.actor(c.actors[(i + 1) % c.actors.size()]).name)
                  << (i + 1 < c.actors.size() ? ";" : "");
        out() << "\n";
    }
    for (const FinalValue& v : o.shared)
        out() << "  " << QString::fromStdString(trace.object(v.object).name) << " = " << QString::fromStdString(v.text)
              << "\n";
    for (const DataRace& r : trace.races()) {
        auto access = [&](const DataRace::Access& a) {
            return QStringLiteral("%1 by %2 at step %3")
                .arg(a.write ? "store" : "load", QString::fromStdString(trace.actor(a.actor).name))
                .arg(a.step);
        };
        out() << "  data race on " << QString::fromStdString(trace.object(r.object).name) << ": " << access(r.first)
              << ", then " << access(r.second) << ", with nothing ordering them\n";
    }
}

// Ctrl+C stops a long run between two steps; the run then ends as aborted and every thread is unwound.
std::atomic<Execution*> gRunning{nullptr};
void onInterrupt(int) {
    if (Execution* ex = gRunning.load()) ex->requestPause();
}

int cmdRun(const QStringList& args) {
    QCommandLineParser parser;
    addHelp(parser, "Run a scenario headless.");
    parser.addPositionalArgument("ID", "The scenario (see 'lockstep list').");
    addRunOptions(parser);
    parser.addOption({"summary", "Print one JSON object: settings, status, actors, shared values, output, errors, "
                                 "deadlock, data races, replay token; with futures, each future's end; with asyncio, "
                                 "tasks (name, coro, state, result, exception) and task_counts (tasks per final state); "
                                 "with multiprocessing, processes (name, pid, exitcode)."});
    parser.addOption({"events", "With --summary: add every event (step, t, actor, op, object, result)."});
    parser.addOption({"trace", "Write the trace as Chrome Trace Event JSON (opens in Perfetto).", "file.json"});
    parser.addOption({"export", "Paint the timeline of the whole run into an image: .png, .svg or .pdf, chosen by "
                                "the extension.", "file"});
    parser.addOption({"width", QStringLiteral("With --export: width of the image in pixels, %1 to %2 (default 1600).")
                                   .arg(timeline::kMinExportWidth).arg(timeline::kMaxExportWidth), "pixels", "1600"});
    parser.addOption({"axis", "With --export: the horizontal axis, steps (default) or time (virtual seconds).",
                      "steps|time", "steps"});
    if (!parser.parse(args)) return usageError(parser.errorText() + " (see 'lockstep help run')");
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments().mid(1);
    if (pos.size() > 1) return usageError("run takes one scenario id, got: " + pos.join(' '));
    // The export's options are checked before the run, so a typo costs nothing.
    timeline::ExportOptions exportOptions;
    const bool exporting = parser.isSet("export");
    if (exporting) {
        exportOptions.path = parser.value("export");
        bool ok = false;
        exportOptions.width = parser.value("width").toInt(&ok);
        if (!ok) return usageError(QStringLiteral("--width: '%1' is not a number of pixels").arg(parser.value("width")));
        const QString axis = parser.value("axis");
        if (axis != "steps" && axis != "time")
            return usageError(QStringLiteral("--axis: '%1' is not steps or time").arg(axis));
        exportOptions.axis = axis == "time" ? timeline::Axis::Time : timeline::Axis::Steps;
        QString problem;
        if (!timeline::checkExportOptions(exportOptions, &problem)) return usageError("--export: " + problem);
        if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            err() << "lockstep: --export needs a QGuiApplication to paint text (internal error)\n";
            return 1;
        }
    } else if (parser.isSet("width") || parser.isSet("axis")) {
        return usageError("--width and --axis go with --export FILE.png|svg|pdf");
    }
    RunSetup setup;
    QString error;
    if (!readRunOptions(parser, pos.value(0), setup, error)) return usageError(error);
    const QString id = QString::fromStdString(setup.scenario->id);

    WorkerPool pool;
    Trace trace;
    const scenarios::Params params = setup.scenario->resolve(setup.config.params);
    const scenarios::Scenario* scenario = setup.scenario;
    {
        Execution ex(pool, trace, setup.config, [scenario, params] { scenario->main(params); });
        gRunning.store(&ex);
        auto previous = std::signal(SIGINT, onInterrupt);
        bool interrupted = false;
        while (!ex.ended()) {
            const StopInfo s = ex.advance();
            if (s.reason == StopReason::NeedChoice) ex.chooseNext(ex.pendingCandidates().front());
            else if (s.reason == StopReason::PauseRequested) {
                interrupted = true;
                break;
            }
        }
        ex.teardown();
        std::signal(SIGINT, previous);
        gRunning.store(nullptr);
        if (interrupted) err() << "lockstep: interrupted; the run was stopped and every thread unwound\n";
    }
    if (parser.isSet("trace")) {
        const std::string path = parser.value("trace").toStdString();
        std::ofstream file(path);
        if (!file) {
            err() << "lockstep: cannot write the trace to '" << parser.value("trace") << "'\n";
            return 1;
        }
        writeChromeTrace(trace, setup.scenario->id, file);
        if (!file) {
            err() << "lockstep: writing '" << parser.value("trace") << "' failed\n";
            return 1;
        }
    }
    if (parser.isSet("summary") || parser.isSet("events")) {
        out() << QJsonDocument(summaryJson(trace, id, setup.config, parser.isSet("events"))).toJson(QJsonDocument::Indented);
    } else {
        printHumanRun(trace, id);
        out() << "  replay: "
              << summaryJson(trace, id, setup.config, false)["replay"].toString() << "\n";
    }
    // After the run's own output, so a failed export still leaves it on screen.
    if (exporting) {
        exportOptions.title = id;
        QString problem;
        if (!timeline::exportTimeline(trace, exportOptions, &problem)) {
            err() << "lockstep: " << problem << "\n";
            return 1;
        }
    }
    return 0;
}

// Ctrl+C during an exploration stops it after the current run; what was found so far is printed.
std::atomic<bool> gExploreInterrupted{false};
void onExploreInterrupt(int) { gExploreInterrupted.store(true); }

int cmdExplore(const QStringList& args) {
    QCommandLineParser parser;
    addHelp(parser,
            "Run a scenario under many schedules and count the outcomes (end status and final shared values), "
            "with a replay token for each.\n\n"
            "Strategies:\n"
            "  dfs     systematic: every schedule, depth first, with partial-order reduction (schedules that\n"
            "          only reorder independent steps are run once). Says whether the search was exhaustive.\n"
            "          For small scenarios; bound it with --max-preemptions on larger ones.\n"
            "  random  seeded random choices at every decision (--seed is the first run's seed).\n"
            "  pct     probabilistic concurrency testing: random thread priorities with --depth - 1 priority\n"
            "          changes per run; finds bugs that need a few unlikely switches in large scenarios.");
    parser.addPositionalArgument("ID", "The scenario (see 'lockstep list').");
    addRunOptions(parser);
    parser.addOption({"strategy", "dfs, random or pct (default dfs).", "name", "dfs"});
    parser.addOption({"runs", "At most this many schedules (default 1000).", "n", "1000"});
    parser.addOption({"max-preemptions", "dfs: at most K preemptions per schedule (default: no bound).", "k"});
    parser.addOption({"no-reduction", "dfs: try every alternative at every decision (plain DFS, for comparison)."});
    parser.addOption({"depth", "pct: the number of ordering constraints to aim at, 1 to 10 (default 3).", "d", "3"});
    parser.addOption({"jobs", "Runs at once, 1 to 64 (default: one per core). The results do not depend on it.",
                      "n"});
    parser.addOption({"json", "Print JSON: scenario, strategy, runs, exhaustive, distinct, outcomes "
                              "[{outcome, count, first_run, replay}]; dfs: sleep_blocked, the runs stopped early."});
    if (!parser.parse(args)) return usageError(parser.errorText() + " (see 'lockstep help explore')");
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments().mid(1);
    if (pos.size() > 1) return usageError("explore takes one scenario id, got: " + pos.join(' '));
    ExploreOptions options;
    if (!parseExploreStrategy(parser.value("strategy").toStdString(), options.strategy))
        return usageError(QStringLiteral("--strategy: '%1' is not a strategy; use dfs, random or pct")
                              .arg(parser.value("strategy")));
    bool ok = false;
    options.maxRuns = parser.value("runs").toInt(&ok);
    if (!ok || options.maxRuns < 1 || options.maxRuns > 10'000'000)
        return usageError(QStringLiteral("--runs: '%1' is not a number of runs from 1 to 10000000").arg(parser.value("runs")));
    if (parser.isSet("max-preemptions")) {
        options.maxPreemptions = parser.value("max-preemptions").toInt(&ok);
        if (!ok || options.maxPreemptions < 0 || options.maxPreemptions > 1000)
            return usageError(QStringLiteral("--max-preemptions: '%1' is not a number from 0 to 1000")
                                  .arg(parser.value("max-preemptions")));
    }
    options.partialOrderReduction = !parser.isSet("no-reduction");
    options.pctDepth = parser.value("depth").toInt(&ok);
    if (!ok || options.pctDepth < 1 || options.pctDepth > 10)
        return usageError(QStringLiteral("--depth: '%1' is not a depth from 1 to 10").arg(parser.value("depth")));
    if (parser.isSet("jobs")) {
        options.workers = parser.value("jobs").toInt(&ok);
        if (!ok || options.workers < 1 || options.workers > 64)
            return usageError(QStringLiteral("--jobs: '%1' is not a number of runs at once from 1 to 64")
                                  .arg(parser.value("jobs")));
    }
    if (options.strategy != ExploreStrategy::Dfs && (parser.isSet("max-preemptions") || parser.isSet("no-reduction")))
        return usageError("--max-preemptions and --no-reduction belong to --strategy dfs");
    RunSetup setup;
    QString error;
    if (!readRunOptions(parser, pos.value(0), setup, error)) return usageError(error);
    options.seed = setup.config.seed;
    const QString id = QString::fromStdString(setup.scenario->id);
    const scenarios::Params params = setup.scenario->resolve(setup.config.params);
    const scenarios::Scenario* scenario = setup.scenario;

    WorkerPool pool;
    Explorer explorer(pool);
    gExploreInterrupted.store(false);
    auto previous = std::signal(SIGINT, onExploreInterrupt);
    const ExploreResult r = explorer.explore(
        setup.scenario->id, [scenario, params] { scenario->main(params); }, setup.config, options,
        [](int) { return !gExploreInterrupted.load(); });
    std::signal(SIGINT, previous);
    if (r.cancelled) err() << "lockstep: interrupted after " << r.runs << " schedules; the results so far follow\n";

    // Why a search is not a proof, in words; empty when it is one.
    QString notExhaustive;
    switch (r.limit()) {
        case ExploreResult::Limit::None: break;
        case ExploreResult::Limit::Sampling: notExhaustive = "sampling, not a proof"; break;
        case ExploreResult::Limit::Error: notExhaustive = QString::fromStdString(r.error); break;
        case ExploreResult::Limit::Cancelled: notExhaustive = "interrupted"; break;
        case ExploreResult::Limit::Budget:
            notExhaustive = QStringLiteral("stopped at --runs %1 with schedules left").arg(options.maxRuns);
            break;
        case ExploreResult::Limit::Bound:
            notExhaustive = QStringLiteral("the preemption bound %1 left schedules out").arg(options.maxPreemptions);
            break;
        case ExploreResult::Limit::StepLimit: notExhaustive = "some runs reached the step limit"; break;
    }

    if (parser.isSet("json")) {
        QJsonArray outcomes;
        for (const ExploreOutcome& o : r.outcomes) {
            QJsonObject shared;
            for (std::size_t k = 0; k < o.shared.size(); ++k) {
                bool num = false;
                const double v = QString::fromStdString(o.shared[k].second).toDouble(&num);
                if (o.numeric[k] && num) shared[QString::fromStdString(o.shared[k].first)] = v;
                else shared[QString::fromStdString(o.shared[k].first)] = QString::fromStdString(o.shared[k].second);
            }
            QJsonObject entry{
                {"outcome", QJsonObject{{"status", QString::fromUtf8(runStatusName(o.status).data())}, {"shared", shared}}},
                {"count", o.count},
                {"first_run", o.firstRun},
                {"replay", QString::fromStdString(o.replay)}};
            if (r.strategy == ExploreStrategy::Random) entry["seed"] = static_cast<double>(o.seed);
            outcomes.append(entry);
        }
        QJsonObject doc{{"scenario", id},
                        {"strategy", QString::fromStdString(exploreStrategyName(r.strategy))},
                        {"runs", r.runs},
                        {"exhaustive", r.exhaustive},
                        {"distinct", static_cast<int>(r.outcomes.size())},
                        {"outcomes", outcomes}};
        if (!notExhaustive.isEmpty()) doc["not_exhaustive_because"] = notExhaustive;
        if (r.strategy == ExploreStrategy::Dfs) {
            doc["partial_order_reduction"] = options.partialOrderReduction;
            doc["max_preemptions"] = options.maxPreemptions < 0 ? QJsonValue() : QJsonValue(options.maxPreemptions);
            doc["sleep_blocked"] = r.sleepBlocked;
        }
        if (r.strategy == ExploreStrategy::Pct) doc["depth"] = options.pctDepth;
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return r.error.empty() ? 0 : 1;
    }
    out() << QStringLiteral("%1: %2 schedules (%3), %4 distinct outcomes\n")
                 .arg(id)
                 .arg(r.runs)
                 .arg(QString::fromStdString(exploreStrategyName(r.strategy)))
                 .arg(r.outcomes.size());
    if (r.sleepBlocked > 0)
        out() << QStringLiteral("  %1 of them stopped early: they could only have repeated schedules already run\n")
                     .arg(r.sleepBlocked);
    if (r.exhaustive) out() << "  exhaustive: these are all the outcomes this scenario can have\n";
    else out() << "  not exhaustive: " << notExhaustive << "\n";
    for (const ExploreOutcome& o : r.outcomes) {
        QString values;
        for (const auto& [name, value] : o.shared)
            values += QString::fromStdString(name) + "=" + QString::fromStdString(value) + " ";
        const int bar = r.runs > 0 ? static_cast<int>(40.0 * o.count / r.runs + 0.5) : 0;
        out() << QStringLiteral("  %1 %2 %3 %4\n")
                     .arg(QString::number(o.count).rightJustified(8))
                     .arg(QString(bar, QChar('#')).leftJustified(40))
                     .arg(QString::fromUtf8(runStatusName(o.status).data()))
                     .arg(values.trimmed());
        out() << "           replay: " << QString::fromStdString(o.replay) << "\n";
    }
    if (!r.error.empty()) {
        err() << "lockstep: " << QString::fromStdString(r.error) << "\n";
        return 1;
    }
    return 0;
}


// "1,2,4" as whole numbers from lo to hi, each once, in the order given; false with `error` when malformed.
bool parseNumberList(const QString& option, const QString& text, int lo, int hi, std::vector<int>& out, QString& error) {
    out.clear();
    for (const QString& part : text.split(',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int v = part.trimmed().toInt(&ok);
        if (!ok || v < lo || v > hi) {
            error = QStringLiteral("--%1: '%2' is not a whole number from %3 to %4").arg(option, part.trimmed()).arg(lo).arg(hi);
            return false;
        }
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    }
    if (out.empty()) {
        error = QStringLiteral("--%1: give at least one number, e.g. --%1 1,4").arg(option);
        return false;
    }
    return true;
}

int cmdCompare(const QStringList& args) {
    QCommandLineParser parser;
    addHelp(parser, "Run a scenario once per setting - every combination of a thread count (the scenario's "
                    "'threads' parameter), the GIL on or off, and a number of virtual cores - and print how long "
                    "each run took in virtual time, its CPU time per core and how long threads waited for the GIL "
                    "or a core. Without the GIL, several cores show what separate processes would give.");
    parser.addPositionalArgument("ID", "The scenario; it must take a 'threads' parameter (e.g. gil-cpu-bound).");
    addRunOptions(parser, RunOptionSet::SharedByRuns);
    parser.addOption({"threads", "Thread counts to compare (default 1,2,4).", "list", "1,2,4"});
    parser.addOption({"gil", "GIL settings to compare: on, off or on,off (default on,off).", "list", "on,off"});
    parser.addOption({"cores", "Numbers of virtual cores to compare, 1-8 (default 1,4).", "list", "1,4"});
    parser.addOption({"json", "Print JSON: scenario, policy, seed, params, runs [{threads, gil, cores, status, "
                              "elapsed, speedup, cpu_time, core_busy, gil_wait, core_wait, gil_handovers}]."});
    if (!parser.parse(args)) return usageError(parser.errorText() + " (see 'lockstep help compare')");
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments().mid(1);
    if (pos.size() > 1) return usageError("compare takes one scenario id, got: " + pos.join(' '));
    RunSetup setup;
    QString error;
    if (!readRunOptions(parser, pos.value(0), setup, error, RunOptionSet::SharedByRuns)) return usageError(error);
    const scenarios::Scenario& scenario = *setup.scenario;
    const QString id = QString::fromStdString(scenario.id);
    if (!scenarios::canCompare(scenario)) {
        QStringList comparable;
        for (const auto& s : scenarios::all())
            if (scenarios::canCompare(s)) comparable << QString::fromStdString(s.id);
        return usageError(QStringLiteral("compare varies the parameter 'threads', which scenario '%1' does not take; "
                                         "these do: %2")
                              .arg(id, comparable.join(", ")));
    }
    for (const QString& kv : parser.values("param"))
        if (kv.section('=', 0, 0).trimmed() == scenarios::kThreadsParam)
            return usageError("--param threads: compare sets the thread count of each run; give the counts with "
                              "--threads, e.g. --threads 1,2,4");
    const auto spec = std::find_if(scenario.params.begin(), scenario.params.end(),
                                   [](const scenarios::ParamSpec& p) { return p.key == scenarios::kThreadsParam; });
    std::vector<int> threads, cores;
    if (!parseNumberList("threads", parser.value("threads"), static_cast<int>(spec->min), static_cast<int>(spec->max),
                         threads, error) ||
        !parseNumberList("cores", parser.value("cores"), 1, RunConfig::kMaxCores, cores, error))
        return usageError(error);
    std::vector<bool> gil;
    for (const QString& part : parser.value("gil").split(',', Qt::SkipEmptyParts)) {
        const QString v = part.trimmed().toLower();
        if (v != "on" && v != "off")
            return usageError(QStringLiteral("--gil: '%1' is neither on nor off; write on, off or on,off").arg(part.trimmed()));
        if (std::find(gil.begin(), gil.end(), v == "on") == gil.end()) gil.push_back(v == "on");
    }
    if (gil.empty()) return usageError("--gil: write on, off or on,off");

    WorkerPool pool;
    const auto results = scenarios::compare(pool, scenario, setup.config, scenarios::grid(threads, gil, cores));
    if (parser.isSet("json")) out() << QJsonDocument(compareJson(id, setup.config, results)).toJson(QJsonDocument::Indented);
    else out() << compareTable(id, setup.config, results);
    return 0;
}

}  // namespace

namespace {
int dispatch(const QStringList& args);
}

int runCommandLine(int& argc, char** argv, const QStringList& args) {
    const bool paints = args.value(1) == "run" && (args.contains("--export") || std::any_of(args.begin(), args.end(), [](const QString& a) { return a.startsWith("--export="); }));
    std::unique_ptr<QCoreApplication> app;
    if (paints) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    return dispatch(args);
}

namespace {

int dispatch(const QStringList& args) {
    const QString cmd = args.value(1);
    try {
        if (cmd == "--version" || cmd == "-v") {
            out() << "lockstep " << QCoreApplication::applicationVersion() << "\n";
            return 0;
        }
        if (cmd == "help" || cmd == "--help" || cmd == "-h") {
            const QString topic = args.value(2);
            if (topic == "list" || topic == "run" || topic == "explore" || topic == "compare")
                return dispatch({args[0], topic, "--help"});
            if (!topic.isEmpty() && cmd == "help")
                return usageError(
                    QStringLiteral("no help on '%1'; the commands are list, run, explore, compare").arg(topic));
            out() << kGeneralHelp;
            return 0;
        }
        if (cmd == "list") return cmdList(args);
        if (cmd == "run") return cmdRun(args);
        if (cmd == "explore") return cmdExplore(args);
        if (cmd == "compare") return cmdCompare(args);
    } catch (const std::exception& e) {
        err() << "lockstep: internal error: " << e.what() << "\n";
        return 1;
    }
    return usageError(
        QStringLiteral("unknown command '%1'; the commands are list, run, explore, compare, help").arg(cmd));
}

}  // namespace

}  // namespace lockstep::app
