#include "cli/Cli.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTextStream>
#include <QTranslator>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "cli/CompareReport.h"
#include "cli/ContainmentOptions.h"
#include "lockstep/TraceModel.h"
#include "cli/Console.h"
#include "cli/OutputPath.h"
#include "cli/RunOptions.h"
#include "cli/SummaryJson.h"
#include "cli/WindowArgs.h"
#include "lockstep/ChromeTraceWriter.h"
#include "lockstep/Execution.h"
#include "lockstep/Explorer.h"
#include "learn/ChallengeSearch.h"
#include "learn/Lesson.h"
#include "lockstep/Goal.h"
#include "lockstep/ReplayToken.h"
#include "lockstep/RunDiff.h"
#include "lockstep/scenarios/Compare.h"
#include "lockstep/python/Program.h"
#include "lockstep/scenarios/Registry.h"
#include "lockstep/scenarios/RunValidation.h"
#include "lockstep/Story.h"
#include "view/OneAfterAnother.h"
#include "view/StoryText.h"
#include "view/VerdictText.h"
#include "timeline/TimelineExporter.h"
#include "timeline/TimelineStrings.h"

#include <unistd.h>

namespace lockstep::app {

namespace {

using Console::err;
using Console::out;
using Console::usageError;

QString tr(const char* text) { return QCoreApplication::translate("Scenario", text); }

const char* kGeneralHelp = R"(Lockstep - see concurrency one scheduling decision at a time.

Usage:
  lockstep                          open the window
  lockstep ID [run options] [--steps N]
                                    open the window with scenario ID loaded, advanced N steps
  lockstep list [--json] [--lang en|ru]
                                    the scenarios: ids, families, titles (and, with --json, parameters)
  lockstep run ID [run options] [--summary] [--events] [--story] [--lang en|ru] [--trace FILE.json]
                [--export FILE.png|svg|pdf [--width W] [--axis steps|time] [--scale S] [--steps-range A:B] [--internals]]
                                    run a scenario headless: its output, how it ended, data races;
                                    --story first tells every step in words
  lockstep explore ID [--strategy dfs|random|pct] [--runs N] [--max-preemptions K] [--json]
                [run options]       run many schedules, count the outcomes, say if that was all of them
  lockstep check ID --expect GOAL [--expect GOAL ...] [--no-deadlock] [--no-race] [--max-preemptions K]
                [--runs N] [--json] [run options]
                                    does every expectation hold in every schedule? exit 0 if so, 1 with
                                    the shortest counterexample found (its replay token and story)
  lockstep challenges [PROGRAM.py|LESSON.json] [--json] [--lang en|ru] [--verify [--name NAME]]
                                    the campaign of challenges and predictions (or a lesson file's);
                                    --verify explores each: winnable? does a "prevent it" fix hold?
  lockstep diff A B [--json]        two runs (replay tokens) side by side: where their schedules first
                                    part, and how their outcomes differ
  lockstep compare ID [--threads 1,2,4] [--gil on,off] [--cores 1,4] [--json] [run options]
                                    run a scenario once per thread count x GIL x cores and compare
                                    the elapsed virtual times (e.g. gil-cpu-bound)
  lockstep help [COMMAND]           this text, or a command's options

Wherever ID goes, a Python program may go instead (a path ending in .py): it runs under the same
scheduler with embedded CPython 3.11, in a process of its own; its lines are the scheduling points
(--param bytecode=1: every bytecode instruction), its threads and locks are the scheduler's, time is
virtual (the wall clock starts at --param start=SECONDS since 1970, by default when it was loaded). Its
code takes CPU time as in CPython and runs with the GIL on 2 cores (--gil off: a free-threaded Python;
--param cpu=0: only sleeps and timeouts take time). A program that crashes or stays in real code past
--freeze-limit seconds ends its run as crashed or frozen; --sandbox runs it without network and with the
files read-only (bubblewrap).

%LIMITS%
Exit codes: 0 the command did its job (a run that ended, however it ended: a deadlock, an error in the
program or a crashed program is a result, not a failure); 2 bad input: an unknown command, scenario,
option or value, a --schedule or replay token naming no thread of the run, a program that is no readable
file, an output file that cannot be written (the message says which); 1 an internal failure or a write
that failed (e.g. a full disk); check: 1 when a schedule breaks an expectation; 130 interrupted (Ctrl+C), after printing what was done so far; a second
Ctrl+C exits at once.
)";

// The bounds of a run, from the constants that enforce them, so the help cannot drift from them.
QString limitsText() {
    return QStringLiteral("Limits: --max-steps up to %1; --quantum from %2 to %3; a trace holds at most %4 events\n"
                          "(a run that reaches that ends with status trace-limit). Programs: regular, readable files\n"
                          "of at most %5 bytes.\n")
        .arg(RunConfig::kMaxStepLimit)
        .arg(QString::fromStdString(scenarios::formatDuration(RunConfig::kMinQuantum)),
             QString::fromStdString(scenarios::formatDuration(RunConfig::kMaxQuantum)))
        .arg(RunConfig::kMaxEvents)
        .arg(python::kMaxProgramBytes);
}

void addHelp(QCommandLineParser& parser, const QString& description) {
    parser.setApplicationDescription(description);
    parser.addHelpOption();
}

// Installed translators: the window's strings and each scenario family's (resources/translations/*_<lang>.ts).
std::vector<std::unique_ptr<QTranslator>> gTranslators;

// Set by Ctrl+C (requestInterrupt): a lock-free atomic is all a signal handler may touch. Runs, explorations
// and comparisons look at it every few hundred steps.
std::atomic<bool> gInterrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);
bool interrupted() { return gInterrupted.load(std::memory_order_relaxed); }
// The run in progress, if any: Ctrl+C also asks it to pause at once, since a Python program busy in real code
// never comes back to be looked at (its run then ends it after a moment).
std::atomic<RunSession*> gRunning{nullptr};
// A second Ctrl+C exits at once, with the shell's code for an interrupt.
void onInterrupt(int) {
    if (gInterrupted.exchange(true)) ::_exit(130);
    if (RunSession* run = gRunning.load()) run->requestPause();
}

// The run one after the other that a verdict compares with, made at the same time as the run it is for.
class OneAfterAnotherTwin {
public:
    OneAfterAnotherTwin() = default;
    OneAfterAnotherTwin(const OneAfterAnotherTwin&) = delete;
    OneAfterAnotherTwin& operator=(const OneAfterAnotherTwin&) = delete;
    ~OneAfterAnotherTwin() { drop(); }

    void start(const scenarios::Scenario& scenario, const RunConfig& config) {
        result_ = std::async(std::launch::async, [this, &scenario, config] {
            return app::runOneAfterAnother(pool_, scenario, config, &cancel_, [this](RunSession* run) {
                const std::lock_guard lock(mutex_);
                session_ = run;
                if (run && cancel_) run->requestPause();
            });
        });
    }
    bool started() const { return result_.valid(); }
    // Its trace once it has ended (nullptr when Ctrl+C stopped it); an error it met is thrown here.
    std::unique_ptr<Trace> take() {
        while (result_.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready)
            if (interrupted()) stop();
        return result_.get();
    }
    // Stops it if it still runs and forgets it (what it met does not matter any more).
    void drop() {
        if (!result_.valid()) return;
        stop();
        try {
            result_.get();
        } catch (...) {
        }
    }

private:
    // Between slices it sees cancel_; a program frozen in real code is ended by its run (see onInterrupt).
    void stop() {
        const std::lock_guard lock(mutex_);
        cancel_ = true;
        if (session_) session_->requestPause();
    }

    WorkerPool pool_;
    std::mutex mutex_;
    RunSession* session_ = nullptr;
    std::atomic<bool> cancel_{false};
    std::future<std::unique_ptr<Trace>> result_;
};

// How many steps a run takes between two looks at gInterrupted: a few milliseconds' worth.
constexpr std::uint32_t kStepsBetweenChecks = 256;

}  // namespace

void installTranslations(const QString& language) {
    const QString lang = language.isEmpty() ? QLocale::system().name().left(2) : language;
    setLessonLanguage(lang);
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

QStringList commandNames() { return {"list", "run", "explore", "check", "challenges", "diff", "compare", "help"}; }

bool isCommandLineCommand(const QStringList& args) {
    if (args.size() < 2) return false;
    const QString c = args[1];
    return commandNames().contains(c) || c == "--help" || c == "-h" || c == "--version" || c == "-v";
}

void requestInterrupt() {
    gInterrupted.store(true, std::memory_order_relaxed);
    if (RunSession* run = gRunning.load()) run->requestPause();
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

void printHumanRun(const Trace& trace, const QString& id, const Verdict& verdict) {
    const RunOutcome& o = trace.outcome();
    const TraceModel model(trace);
    for (const OutputLine& line : model.output()) {
        QTextStream& s = line.toStderr ? err() : out();
        s << QStringLiteral("[%1 s] ").arg(toSeconds(line.time), 7, 'f', 3)
          << QString::fromStdString(trace.actor(line.actor).name) << ": " << QString::fromStdString(model.text(line.text))
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
    // A run that did not finish has no final values, only the ones it had when it stopped: say so, or a counter
    // cut off at the step limit reads as a wrong answer.
    const bool cutShort = o.status != RunStatus::Finished;
    for (const FinalValue& v : o.shared)
        out() << "  " << QString::fromStdString(trace.object(v.object).name) << " = " << QString::fromStdString(v.text)
              << (cutShort ? " (when the run stopped)" : "") << "\n";
    for (const DataRace& r : trace.races()) {
        auto access = [&](const DataRace::Access& a) {
            return QStringLiteral("%1 by %2 at step %3")
                .arg(a.write ? "store" : "load", QString::fromStdString(trace.actor(a.actor).name))
                .arg(a.step);
        };
        out() << "  data race on " << QString::fromStdString(trace.object(r.object).name) << ": " << access(r.first)
              << ", then " << access(r.second) << ", with nothing ordering them\n";
    }
    for (const QString& sentence : VerdictText::sentences(verdict, model)) out() << "  verdict: " << sentence << "\n";
}

// Writes the Chrome trace; returns an empty string or why the write failed.
QString writeTraceFile(const Trace& trace, const std::string& scenarioId, const QString& path) {
    OutputFile file(path);
    if (!file.error().isEmpty()) return QStringLiteral("cannot write the trace to '%1': %2").arg(path, file.error());
    writeChromeTrace(trace, scenarioId, file.stream());
    // The last of the text leaves the buffer only now: a full disk shows here.
    if (const QString why = file.close(); !why.isEmpty())
        return QStringLiteral("writing the trace to '%1' failed: %2").arg(path, why);
    return {};
}

// The story of every step, one block each: a header, then one indented line per sentence.
QStringList storyLines(const Trace& trace, const scenarios::Scenario& scenario) {
    const TraceModel model(trace);
    const QStringList listing = QString::fromStdString(scenario.listing).split(QLatin1Char('\n'));
    // The whole story, the standard library's own objects included: the command line hides nothing.
    StoryTeller teller(model, scenario.listing);
    QStringList lines;
    for (std::uint32_t step = 1; step <= model.steps(); ++step) {
        lines << StoryText::header(step, model, listing);
        for (const StorySentence& s : teller.storyOf(step)) lines << "  " + StoryText::sentence(s, model);
    }
    return lines;
}

void printStory(const Trace& trace, const scenarios::Scenario& scenario) {
    for (const QString& line : storyLines(trace, scenario)) out() << line << "\n";
    out() << "\n";
}

// Runs `config` of `scenario` to its end (the manual policy past a forced schedule: the cooperative rule), where
// Ctrl+C can stop it. False when it was stopped (every thread unwound).
bool runToEnd(WorkerPool& pool, const scenarios::Scenario& scenario, const RunConfig& config, Trace& trace) {
    // A built-in scenario runs here; a Python program in the runner's child, its trace streamed into `trace`.
    std::unique_ptr<RunSession> ex = scenario.opener()(pool, trace, config, nullptr);
    gRunning.store(ex.get());
    // The interrupt is looked at after each slice, so even one that came before the run started finds a run to
    // stop (status aborted), not one that never began. A program busy in real code never reaches a slice's end:
    // Ctrl+C also asks the run itself to stop (see onInterrupt).
    if (interrupted()) ex->requestPause();
    bool stopped = false;
    while (!ex->ended()) {
        StopRequest request;
        request.untilStep = trace.stepCount() + kStepsBetweenChecks;
        const StopInfo s = ex->advance(request);
        if (s.reason == StopReason::NeedChoice) ex->chooseNext(ex->pendingCandidates().front());
        if (!ex->ended() && (interrupted() || s.reason == StopReason::PauseRequested)) {
            stopped = true;
            break;
        }
    }
    if (interrupted()) stopped = true;
    ex->teardown();
    gRunning.store(nullptr);
    return !stopped;
}

bool lessonFor(const QString& path, const Lesson*& lesson, std::optional<Lesson>& owned,
               const scenarios::Scenario*& program, QString& error);

int cmdRun(const QStringList& args) {
    QCommandLineParser parser;
    addHelp(parser, "Run a scenario headless.");
    parser.addPositionalArgument("ID", "The scenario (see 'lockstep list').");
    addRunOptions(parser);
    parser.addOption({"summary", "Print one JSON object: settings, status, actors, shared values, output, errors, "
                                 "deadlock, data races, replay token, verdict (the outcome against the threads run "
                                 "one after the other: kind, steps, sentences, items, sequential); with futures, each future's end; with asyncio, "
                                 "tasks (name, coro, state, result, exception) and task_counts (tasks per final state); "
                                 "with multiprocessing, processes (name, pid, exitcode)."});
    parser.addOption({"events", "With --summary: add every event (step, t, actor, op, object, result; a load's or "
                                "store's value)."});
    parser.addOption({"story", "Tell the run step by step: for each step its number, virtual time, thread and line, "
                               "then what happened in plain words (values read and written, locks asked for, "
                               "taken and released, sleeps, why the scheduler switched, lost updates, deadlocks)."});
    parser.addOption({"lang", "Without --summary: the language of the verdict, of --story's story and of --export's title, en or ru "
                              "(default: English; with --story the system's).", "code"});
    parser.addOption({"trace", "Write the trace as Chrome Trace Event JSON (opens in Perfetto).", "file.json"});
    parser.addOption({"export", "Paint the timeline of the whole run into an image: .png, .svg or .pdf, chosen by "
                                "the extension.", "file"});
    parser.addOption({"width", QStringLiteral("With --export: width of the image in pixels, %1 to %2 (default 1600).")
                                   .arg(timeline::kMinExportWidth).arg(timeline::kMaxExportWidth), "pixels", "1600"});
    parser.addOption({"axis", "With --export: the horizontal axis, steps (default) or time (virtual seconds).",
                      "steps|time", "steps"});
    parser.addOption({"scale", QStringLiteral("With --export: draw everything this many times larger in an image of "
                                              "the same width, for slides; 1 to %1 (default 1).")
                                   .arg(timeline::kMaxExportScale),
                      "factor", "1"});
    parser.addOption({"steps-range", "With --export: only steps A to B of the run (both included).", "A:B"});
    parser.addOption({"internals", "With --export: also draw the lanes of the standard library's own locks, events "
                                   "and queues (a Thread's _started, logging's lock), as View > Show internals."});
    parser.addOption({"challenge", "Play a challenge of the campaign (see 'lockstep challenges'), or of the lesson "
                                   "next to a program: run its scenario with its parameters (ID may be left out) and "
                                   "the choices of --schedule, then say whether the run won it, and at which step. "
                                   "Exit code 1 when it did not.", "name"});
    addContainmentOptions(parser);
    if (!parser.parse(args)) return usageError(parser.errorText() + " (see 'lockstep help run')");
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments().mid(1);
    if (pos.size() > 1) return usageError("run takes one scenario id, got: " + pos.join(' '));
    // The output files and the export's options are checked before the run, so a typo costs nothing.
    timeline::ExportOptions exportOptions;
    const bool exporting = parser.isSet("export");
    if (exporting) {
        exportOptions.path = parser.value("export");
        exportOptions.showInternals = parser.isSet("internals");
        bool ok = false;
        exportOptions.width = parser.value("width").toInt(&ok);
        if (!ok) return usageError(QStringLiteral("--width: '%1' is not a number of pixels").arg(parser.value("width")));
        const QString axis = parser.value("axis");
        if (axis != "steps" && axis != "time")
            return usageError(QStringLiteral("--axis: '%1' is not steps or time").arg(axis));
        exportOptions.axis = axis == "time" ? timeline::Axis::Time : timeline::Axis::Steps;
        exportOptions.scale = parser.value("scale").toDouble(&ok);
        if (!ok) return usageError(QStringLiteral("--scale: '%1' is not a number").arg(parser.value("scale")));
        if (parser.isSet("steps-range")) {
            const QStringList ab = parser.value("steps-range").split(QLatin1Char(':'));
            bool okA = false, okB = false;
            const uint a = ab.size() == 2 ? ab[0].toUInt(&okA) : 0, b = ab.size() == 2 ? ab[1].toUInt(&okB) : 0;
            if (!okA || !okB || a == 0)
                return usageError(QStringLiteral("--steps-range: '%1' is not A:B with steps from 1, e.g. 5:20")
                                      .arg(parser.value("steps-range")));
            exportOptions.firstStep = a;
            exportOptions.lastStep = b;
        }
        QString problem;
        if (!timeline::checkExportOptions(exportOptions, &problem)) return usageError("--export: " + problem);
        if (const QString why = unwritableReason(exportOptions.path, true); !why.isEmpty())
            return usageError(QStringLiteral("--export: cannot write '%1': %2").arg(exportOptions.path, why));
        if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
            err() << "lockstep: --export needs a QGuiApplication to paint text (internal error)\n";
            return kExitFailure;
        }
    } else if (parser.isSet("width") || parser.isSet("axis") || parser.isSet("scale") || parser.isSet("steps-range") ||
               parser.isSet("internals")) {
        return usageError("--width, --axis, --scale, --steps-range and --internals go with --export FILE.png|svg|pdf");
    }
    const bool story = parser.isSet("story");
    if (story && (parser.isSet("summary") || parser.isSet("events")))
        return usageError("--story prints words, --summary and --events print JSON: choose one");
    if (parser.isSet("lang")) {
        if (parser.isSet("summary") || parser.isSet("events"))
            return usageError("--lang goes with the words of a run (its verdict, --story), not with --summary's JSON");
        const QString lang = parser.value("lang");
        if (lang != "en" && lang != "ru") return usageError(QStringLiteral("--lang: '%1' is not en or ru").arg(lang));
        installTranslations(lang);
    } else if (story) {
        installTranslations(QString());
    }
    if (parser.isSet("trace")) {
        if (const QString why = unwritableReason(parser.value("trace")); !why.isEmpty())
            return usageError(QStringLiteral("--trace: cannot write '%1': %2").arg(parser.value("trace"), why));
    }
    RunSetup setup;
    QString error;
    if (!applyContainmentOptions(parser, error)) return usageError(error);
    // A challenge names its scenario and parameters: the run is that scenario's unless the command line says
    // otherwise (its --param values win).
    const Challenge* challenge = nullptr;
    const Lesson* lesson = nullptr;
    std::optional<Lesson> ownLesson;
    QString scenarioArg = pos.value(0);
    if (parser.isSet("challenge")) {
        const scenarios::Scenario* program = nullptr;
        const bool isProgram = scenarioArg.endsWith(QLatin1String(".py"));
        if (!lessonFor(isProgram ? scenarioArg : QString(), lesson, ownLesson, program, error))
            return usageError("--challenge: " + error);
        challenge = lesson->challenge(parser.value("challenge"));
        if (!challenge) {
            QStringList names;
            for (const Challenge& c : lesson->challenges) names << c.name;
            return usageError(QStringLiteral("--challenge: no challenge named '%1' in %2; they are: %3")
                                  .arg(parser.value("challenge"), isProgram ? lessonPathFor(scenarioArg) : "the campaign",
                                       names.join(", ")));
        }
        if (!isProgram) {
            if (scenarioArg.isEmpty() && !parser.isSet("replay")) scenarioArg = challenge->scenario;
            else if (!scenarioArg.isEmpty() && scenarioArg != challenge->scenario)
                return usageError(QStringLiteral("--challenge: '%1' is played on %2, not %3; leave the scenario id out")
                                      .arg(challenge->name, challenge->scenario, scenarioArg));
        }
        if (challenge->manualOnly && !parser.isSet("schedule") && !parser.isSet("replay"))
            return usageError(QStringLiteral("--challenge: '%1' is won by choosing the threads yourself: give your "
                                             "choices with --schedule T1,T2,...")
                                  .arg(challenge->name));
    }
    if (!readRunOptions(parser, scenarioArg, setup, error)) return usageError(error);
    if (challenge) {
        for (const auto& [key, value] : challenge->params)
            if (std::none_of(setup.config.params.begin(), setup.config.params.end(),
                             [&key = key](const auto& kv) { return kv.first == key; }))
                setup.config.params.emplace_back(key, value);
    }
    const QString id = QString::fromStdString(setup.scenario->id);

    WorkerPool pool;
    Trace trace;
    bool stopped = false;
    // A Python program runs in a child of the runner and this process only waits, so the verdict's run one
    // after the other (as long as the run itself: the same program) runs meanwhile, in a child on another core;
    // it is dropped when the run has no final values to compare or was stopped.
    OneAfterAnotherTwin twin;
    if (setup.scenario->openElsewhere && std::thread::hardware_concurrency() > 1) twin.start(*setup.scenario, setup.config);
    stopped = !runToEnd(pool, *setup.scenario, setup.config, trace);
    if (trace.outcome().scheduleRejected) {
        // The forced choices did not fit this run: the input is wrong, and the run says exactly where.
        const QString message = QString::fromStdString(trace.outcome().message);
        if (parser.isSet("schedule")) return usageError("--schedule: " + message);
        return usageError("--replay: the token's decisions do not fit this run (was it edited?): " + message);
    }
    if (!stopped && parser.isSet("trace")) {
        if (const QString why = writeTraceFile(trace, setup.scenario->id, parser.value("trace")); !why.isEmpty()) {
            err() << "lockstep: " << why << "\n";
            return kExitFailure;
        }
    }
    // The verdict compares with the same run made one after the other: a second, usually tiny, run, made only
    // when there are final values to compare (an interrupted run has none).
    std::unique_ptr<Trace> sequential;
    if (!stopped && verdictComparesValues(trace))
        sequential = twin.started() ? twin.take() : runOneAfterAnother(pool, *setup.scenario, setup.config, &gInterrupted);
    twin.drop();
    if (interrupted()) stopped = true;
    const TraceModel runModel(trace);
    const Verdict verdict = deriveVerdict(runModel, sequential.get());
    ChallengeProgress played;
    if (challenge) {
        GoalMonitor monitor({challenge->goal});
        played = challengeProgress(*challenge, monitor, runModel);
        if (!played.problem.isEmpty())
            return usageError(QStringLiteral("--challenge: the goal '%1' of '%2': %3")
                                  .arg(QString::fromStdString(challenge->goal.text()), challenge->name, played.problem));
    }
    const bool won = played.truth == Truth::True;
    if (parser.isSet("summary") || parser.isSet("events")) {
        QJsonObject summary = summaryJson(trace, id, setup.config, parser.isSet("events"));
        summary["verdict"] = verdictJson(verdict, runModel);
        if (challenge)
            summary["challenge"] = QJsonObject{{"name", challenge->name},
                                               {"goal", QString::fromStdString(challenge->goal.text())},
                                               {"kind", challenge->prevent ? "prevent" : "make"},
                                               {"won", won},
                                               {"step", static_cast<int>(won ? played.step : 0)},
                                               {"too_late", played.tooLate}};
        out() << QJsonDocument(summary).toJson(QJsonDocument::Indented);
    } else {
        if (story) printStory(trace, *setup.scenario);
        printHumanRun(trace, id, verdict);
        out() << "  replay: "
              << summaryJson(trace, id, setup.config, false)["replay"].toString() << "\n";
        if (challenge) {
            const QString goal = QString::fromStdString(challenge->goal.text());
            if (won)
                out() << QStringLiteral("challenge %1: won at step %2 (%3)\n  %4\n")
                             .arg(challenge->name)
                             .arg(played.step)
                             .arg(goal, challenge->explanation.here());
            else if (played.tooLate)
                out() << QStringLiteral("challenge %1: not won: %2 was reached too late; the challenge allows %3 steps\n")
                             .arg(challenge->name, goal)
                             .arg(challenge->maxSteps);
            else
                out() << QStringLiteral("challenge %1: not won: this run never made %2 true\n").arg(challenge->name, goal);
        }
    }
    if (stopped) {
        err() << "lockstep: interrupted at step " << trace.outcome().steps
              << "; the run was stopped and every thread unwound" << (parser.isSet("trace") || exporting ? " (no file written)" : "")
              << "\n";
        return kExitInterrupted;
    }
    const int code = challenge && !won ? kExitFailure : kExitOk;
    // After the run's own output, so a failed export still leaves it on screen.
    if (exporting) {
        // A slide's title: the scenario's title in the chosen language (a program's file name), then how the run
        // ended and how it was scheduled.
        exportOptions.title = setup.scenario->sourcePath.empty()
                                  ? QCoreApplication::translate("Scenario", setup.scenario->title)
                                  : QFileInfo(id).fileName();
        exportOptions.caption = timeline::TimelineStrings::runCaption(trace.outcome().status, setup.config.policy,
                                                                     setup.config.seed, trace.stepCount());
        QString problem;
        if (!timeline::exportTimeline(trace, exportOptions, &problem)) {
            err() << "lockstep: " << problem << "\n";
            return kExitFailure;
        }
    }
    return code;
}

// A run of the exploration that Ctrl+C can reach while it lasts (a program busy in real code is stopped through
// its run, see onInterrupt).
class InterruptibleRun final : public RunSession {
public:
    // With several runs at once (explore --jobs) the first one registered is the one Ctrl+C pauses at once;
    // the others see gInterrupted (ExploreOptions::cancel) within a few hundred steps.
    explicit InterruptibleRun(std::unique_ptr<RunSession> run) : run_(std::move(run)) {
        RunSession* none = nullptr;
        gRunning.compare_exchange_strong(none, run_.get());
        if (interrupted()) run_->requestPause();  // pressed between two runs
    }
    ~InterruptibleRun() override {
        RunSession* me = run_.get();
        gRunning.compare_exchange_strong(me, nullptr);
    }
    StopInfo advance(const StopRequest& request) override { return run_->advance(request); }
    bool ended() const override { return run_->ended(); }
    const std::vector<ActorId>& pendingCandidates() const override { return run_->pendingCandidates(); }
    bool chooseNext(ActorId actor) override { return run_->chooseNext(actor); }
    void requestPause() override { run_->requestPause(); }
    void teardown() override { run_->teardown(); }
    std::uint64_t randomDraws() const override { return run_->randomDraws(); }
    const std::vector<SilentRead>& silentReads() const override { return run_->silentReads(); }
    const std::vector<Touch>& touches() const override { return run_->touches(); }

private:
    std::unique_ptr<RunSession> run_;
};

// --runs, --max-preemptions and --jobs, as explore and check share them; false with `error` when one is malformed.
bool readSearchLimits(const QCommandLineParser& parser, ExploreOptions& options, QString& error) {
    bool ok = false;
    options.maxRuns = parser.value("runs").toInt(&ok);
    if (!ok || options.maxRuns < 1 || options.maxRuns > 10'000'000) {
        error = QStringLiteral("--runs: '%1' is not a number of runs from 1 to 10000000").arg(parser.value("runs"));
        return false;
    }
    if (parser.isSet("max-preemptions")) {
        options.maxPreemptions = parser.value("max-preemptions").toInt(&ok);
        if (!ok || options.maxPreemptions < 0 || options.maxPreemptions > 1000) {
            error = QStringLiteral("--max-preemptions: '%1' is not a number from 0 to 1000").arg(parser.value("max-preemptions"));
            return false;
        }
    }
    if (parser.isSet("jobs")) {
        options.workers = parser.value("jobs").toInt(&ok);
        if (!ok || options.workers < 1 || options.workers > 64) {
            error = QStringLiteral("--jobs: '%1' is not a number of runs at once from 1 to 64").arg(parser.value("jobs"));
            return false;
        }
    }
    return true;
}

// A search of the setup's schedules that Ctrl+C stops (the run in progress and the search).
ExploreResult searchFromCommandLine(const RunSetup& setup, ExploreOptions options) {
    const scenarios::Scenario* scenario = setup.scenario;
    const scenarios::Params params = scenario->resolve(setup.config.params);
    WorkerPool pool;
    Explorer explorer(pool);
    explorer.useOpener([open = scenario->opener()](WorkerPool& p, Trace& t, const RunConfig& c,
                                                   std::unique_ptr<Policy> policy) -> std::unique_ptr<RunSession> {
        return std::make_unique<InterruptibleRun>(open(p, t, c, std::move(policy)));
    });
    options.seed = setup.config.seed;
    options.cancel = &gInterrupted;
    return explorer.explore(
        scenario->id, [scenario, params] { scenario->main(params); }, setup.config, options,
        [](int) { return !interrupted(); });
}

// Why a search is not a proof, in words; empty when it is one.
QString whyNotExhaustive(const ExploreResult& r, const ExploreOptions& options) {
    switch (r.limit()) {
        case ExploreResult::Limit::None: return {};
        case ExploreResult::Limit::Sampling: return "sampling, not a proof";
        case ExploreResult::Limit::Error: return QString::fromStdString(r.error);
        case ExploreResult::Limit::Cancelled: return "interrupted";
        case ExploreResult::Limit::Budget:
            return QStringLiteral("stopped at --runs %1 with schedules left").arg(options.maxRuns);
        case ExploreResult::Limit::Bound:
            return QStringLiteral("the preemption bound %1 left schedules out").arg(options.maxPreemptions);
        case ExploreResult::Limit::StepLimit: return "some runs reached the step limit or the trace's capacity";
    }
    return {};
}

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
    addContainmentOptions(parser);
    if (!parser.parse(args)) return usageError(parser.errorText() + " (see 'lockstep help explore')");
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments().mid(1);
    if (pos.size() > 1) return usageError("explore takes one scenario id, got: " + pos.join(' '));
    if (parser.isSet("schedule"))
        return usageError("--schedule: explore makes its own choices at every decision; to force a run's choices, "
                          "use 'lockstep run ID --schedule ...'");
    ExploreOptions options;
    if (!parseExploreStrategy(parser.value("strategy").toStdString(), options.strategy))
        return usageError(QStringLiteral("--strategy: '%1' is not a strategy; use dfs, random or pct")
                              .arg(parser.value("strategy")));
    QString error;
    if (!readSearchLimits(parser, options, error)) return usageError(error);
    options.partialOrderReduction = !parser.isSet("no-reduction");
    bool ok = false;
    options.pctDepth = parser.value("depth").toInt(&ok);
    if (!ok || options.pctDepth < 1 || options.pctDepth > 10)
        return usageError(QStringLiteral("--depth: '%1' is not a depth from 1 to 10").arg(parser.value("depth")));
    if (options.strategy != ExploreStrategy::Dfs && (parser.isSet("max-preemptions") || parser.isSet("no-reduction")))
        return usageError("--max-preemptions and --no-reduction belong to --strategy dfs");
    RunSetup setup;
    if (!applyContainmentOptions(parser, error)) return usageError(error);
    if (!readRunOptions(parser, pos.value(0), setup, error)) return usageError(error);
    const QString id = QString::fromStdString(setup.scenario->id);
    const ExploreResult r = searchFromCommandLine(setup, options);
    if (r.cancelled) err() << "lockstep: interrupted after " << r.runs << " schedules; the results so far follow\n";
    const QString notExhaustive = whyNotExhaustive(r, options);

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
            QJsonArray uncaught;
            for (const UncaughtError& e : o.uncaught)
                uncaught.append(QJsonObject{{"thread", QString::fromStdString(e.thread)},
                                            {"type", QString::fromStdString(e.type)}});
            QJsonObject entry{
                {"outcome", QJsonObject{{"status", QString::fromUtf8(runStatusName(o.status).data())},
                                        {"shared", shared},
                                        {"uncaught", uncaught}}},
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
        if (r.cancelled) return kExitInterrupted;
        if (!r.error.empty()) {
            err() << "lockstep: " << QString::fromStdString(r.error) << "\n";
            return kExitFailure;
        }
        return kExitOk;
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
        for (const UncaughtError& e : o.uncaught)
            values += QStringLiteral("uncaught %1 in %2 ").arg(QString::fromStdString(e.type), QString::fromStdString(e.thread));
        const int bar = r.runs > 0 ? static_cast<int>(40.0 * o.count / r.runs + 0.5) : 0;
        out() << QStringLiteral("  %1 %2 %3 %4\n")
                     .arg(QString::number(o.count).rightJustified(8))
                     .arg(QString(bar, QChar('#')).leftJustified(40))
                     .arg(QString::fromUtf8(runStatusName(o.status).data()))
                     .arg(values.trimmed());
        out() << "           replay: " << QString::fromStdString(o.replay) << "\n";
    }
    if (r.cancelled) return kExitInterrupted;
    if (!r.error.empty()) {
        err() << "lockstep: " << QString::fromStdString(r.error) << "\n";
        return kExitFailure;
    }
    return kExitOk;
}

QString outcomeWords(const ExploreOutcome& o) {
    QString words = QString::fromUtf8(runStatusName(o.status).data());
    for (const auto& [name, value] : o.shared)
        words += QStringLiteral(", %1 = %2").arg(QString::fromStdString(name), QString::fromStdString(value));
    for (const UncaughtError& e : o.uncaught)
        words += QStringLiteral(", %1 died of %2").arg(QString::fromStdString(e.thread), QString::fromStdString(e.type));
    return words;
}

int cmdCheck(const QStringList& args) {
    QCommandLineParser parser;
    addHelp(parser,
            "Check that expectations hold in every schedule of a scenario or a Python program: explore its "
            "schedules (depth first with partial-order reduction, exhaustively when --runs allows) and evaluate "
            "every expectation on every run.\n\n"
            "Exit codes: 0 every expectation held in every schedule run (the output says whether that was every "
            "schedule there is); 1 a schedule broke one: the shortest such schedule found is printed with its "
            "replay token and its story; 2 bad input (an expectation that does not parse or names nothing the "
            "run has); 130 interrupted.\n\n"
            "Expectations are goals (see the README's \"Goals\"): final values (counter == 30, total >= 10), end "
            "states (finished, deadlock, stuck, error), and moments, true if they ever hold (holding(sem) <= 3, "
            "inside(7-9) >= 2); `not` over a moment means never (not races() >= 1).");
    parser.addPositionalArgument("ID", "The scenario (see 'lockstep list') or a Python program.");
    addRunOptions(parser);
    parser.addOption({"expect", "An expectation that must hold in every schedule, e.g. 'counter == 30'. May be given "
                                "several times.", "goal"});
    parser.addOption({"no-deadlock", "Expect no schedule to deadlock or get stuck (every thread waiting for good)."});
    parser.addOption({"no-race", "Expect no data race in any schedule (two unordered accesses to a shared "
                                 "variable, at least one a store)."});
    parser.addOption({"runs", "At most this many schedules (default 10000).", "n", "10000"});
    parser.addOption({"max-preemptions", "At most K preemptions per schedule (default: no bound); a bound makes "
                                         "the search smaller and no longer a proof.", "k"});
    parser.addOption({"jobs", "Runs at once, 1 to 64 (default: one per core). The results do not depend on it.", "n"});
    parser.addOption({"json", "Print JSON: scenario, holds, exhaustive, runs, distinct, expectations [{goal, holds, "
                              "schedules_breaking, outcomes_breaking}], counterexample {expectations, outcome, "
                              "replay, step, story}."});
    parser.addOption({"lang", "The language of the counterexample's story, en or ru (default: English).", "code"});
    addContainmentOptions(parser);
    if (!parser.parse(args)) return usageError(parser.errorText() + " (see 'lockstep help check')");
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments().mid(1);
    if (pos.size() > 1) return usageError("check takes one scenario id, got: " + pos.join(' '));
    if (parser.isSet("schedule"))
        return usageError("--schedule: check runs every schedule itself; to look at one, use 'lockstep run ID --schedule ...'");
    if (parser.isSet("lang")) {
        const QString lang = parser.value("lang");
        if (lang != "en" && lang != "ru") return usageError(QStringLiteral("--lang: '%1' is not en or ru").arg(lang));
        installTranslations(lang);
    }
    // The expectations, in the order given; --no-deadlock and --no-race are goals too.
    std::vector<Goal> goals;
    QStringList names;
    for (const QString& text : parser.values("expect")) {
        std::string why;
        const std::optional<Goal> g = Goal::parse(text.toStdString(), &why);
        if (!g) return usageError(QStringLiteral("--expect '%1': %2").arg(text, QString::fromStdString(why)));
        goals.push_back(*g);
        names << text;
    }
    if (parser.isSet("no-deadlock")) {
        goals.push_back(*Goal::parse("not deadlock and not stuck", nullptr));
        names << "no deadlock";
    }
    if (parser.isSet("no-race")) {
        goals.push_back(*Goal::parse("not races() >= 1", nullptr));
        names << "no data race";
    }
    if (goals.empty())
        return usageError("check needs something to check: --expect 'GOAL' (e.g. --expect 'counter == 30'), "
                          "--no-deadlock or --no-race");
    ExploreOptions options;
    options.strategy = ExploreStrategy::Dfs;
    QString error;
    if (!readSearchLimits(parser, options, error)) return usageError(error);
    RunSetup setup;
    if (!applyContainmentOptions(parser, error)) return usageError(error);
    if (!readRunOptions(parser, pos.value(0), setup, error)) return usageError(error);
    const QString id = QString::fromStdString(setup.scenario->id);
    const scenarios::Scenario* scenario = setup.scenario;
    options.judge = goalJudge(goals, Truth::False);
    const ExploreResult r = searchFromCommandLine(setup, options);
    if (!r.error.empty()) {
        err() << "lockstep: " << QString::fromStdString(r.error) << "\n";
        return kExitFailure;
    }
    const GoalTally tally = tallyGoals(r, goals.size());
    if (!tally.problem.empty())
        return usageError(QStringLiteral("--expect '%1': %2")
                              .arg(names.value(tally.problemGoal), QString::fromStdString(tally.problem)));
    const bool holds = tally.firstBroken < 0;
    const QString notExhaustive = whyNotExhaustive(r, options);

    // The counterexample: of the outcomes breaking an expectation, the one with the shortest schedule to it.
    int example = -1;
    for (std::size_t k = 0; k < r.outcomes.size(); ++k) {
        const ExploreOutcome& o = r.outcomes[k];
        if (o.label.find('F') == std::string::npos) continue;
        if (example < 0 || (o.bestStep > 0 && o.bestStep < r.outcomes[std::size_t(example)].bestStep)) example = int(k);
    }
    QStringList story;
    QStringList brokenHere;
    std::uint32_t exampleStep = 0;
    QString exampleReplay;
    if (example >= 0) {
        const ExploreOutcome& o = r.outcomes[std::size_t(example)];
        exampleReplay = QString::fromStdString(o.bestReplay.empty() ? o.replay : o.bestReplay);
        exampleStep = o.bestStep;
        for (std::size_t g = 0; g < goals.size(); ++g)
            if (g < o.label.size() && o.label[g] == 'F') brokenHere << names[int(g)];
        // Its story, from the replayed schedule: the run is made again, exactly.
        std::string scenarioId, why;
        RunConfig config;
        if (decodeReplayToken(exampleReplay.toStdString(), scenarioId, config, why)) {
            Trace trace;
            WorkerPool pool;
            if (runToEnd(pool, *scenario, config, trace)) story = storyLines(trace, *scenario);
        }
    }

    if (parser.isSet("json")) {
        QJsonArray expectations;
        for (std::size_t g = 0; g < goals.size(); ++g)
            expectations.append(QJsonObject{{"goal", names[int(g)]},
                                            {"holds", tally.goals[g].broken == 0},
                                            {"schedules_breaking", tally.goals[g].broken},
                                            {"outcomes_breaking", tally.goals[g].outcomesBroken}});
        QJsonObject doc{{"scenario", id},
                        {"holds", holds},
                        {"exhaustive", r.exhaustive},
                        {"runs", r.runs - r.sleepBlocked},
                        {"distinct", static_cast<int>(r.outcomes.size())},
                        {"expectations", expectations}};
        if (!notExhaustive.isEmpty()) doc["not_exhaustive_because"] = notExhaustive;
        if (example >= 0)
            doc["counterexample"] = QJsonObject{{"expectations", QJsonArray::fromStringList(brokenHere)},
                                                {"outcome", outcomeWords(r.outcomes[std::size_t(example)])},
                                                {"replay", exampleReplay},
                                                {"step", static_cast<int>(exampleStep)},
                                                {"story", QJsonArray::fromStringList(story)}};
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    } else {
        out() << QStringLiteral("%1: %2\n").arg(id, holds ? "every expectation holds" : "an expectation is broken");
        // Runs a sleep set stopped early only repeat others and count in no outcome.
        const int judged = r.runs - r.sleepBlocked;
        for (std::size_t g = 0; g < goals.size(); ++g) {
            const GoalTally::PerGoal& p = tally.goals[g];
            if (p.broken == 0)
                out() << QStringLiteral("  holds:  %1 (in all %2 schedules)\n").arg(names[int(g)]).arg(judged);
            else
                out() << QStringLiteral("  BROKEN: %1 (in %2 of %3 schedules)\n").arg(names[int(g)]).arg(p.broken).arg(judged);
        }
        if (r.exhaustive)
            out() << QStringLiteral("  exhaustive: the %1 schedules are every schedule this %2 can have (up to the "
                                    "order of independent steps)\n")
                         .arg(judged)
                         .arg(scenario->sourcePath.empty() ? "scenario" : "program");
        else
            out() << "  not exhaustive: " << notExhaustive << "\n";
        if (example >= 0) {
            out() << "\ncounterexample: " << brokenHere.join(", ") << " broken"
                  << (exampleStep > 0 ? QStringLiteral(" at step %1").arg(exampleStep) : QString()) << "; the run ends "
                  << outcomeWords(r.outcomes[std::size_t(example)]) << "\n";
            out() << "  replay: " << exampleReplay << "\n";
            out() << "  see it: lockstep run --replay TOKEN --story (or open it in the window: lockstep --replay TOKEN)\n\n";
            for (const QString& line : story) out() << line << "\n";
        }
    }
    if (r.cancelled) {
        err() << "lockstep: interrupted after " << r.runs << " schedules; the results so far are above\n";
        return kExitInterrupted;
    }
    return holds ? kExitOk : kExitFailure;
}
QJsonObject paramsJson(const LessonParams& params) {
    QJsonObject o;
    for (const auto& [key, value] : params) o[QString::fromStdString(key)] = static_cast<double>(value);
    return o;
}

QJsonValue textJson(const LessonText& t) {
    QJsonObject o{{"en", t.en}};
    if (!t.ru.isEmpty()) o["ru"] = t.ru;
    return o;
}

// The lesson a command is about: the campaign, a lesson file, or the lesson file next to a program (then
// `program` is the program, loaded). False with `error` (bad input) when there is none or it is malformed.
bool lessonFor(const QString& path, const Lesson*& lesson, std::optional<Lesson>& owned,
               const scenarios::Scenario*& program, QString& error) {
    program = nullptr;
    if (path.isEmpty()) {
        if (!campaignError().isEmpty()) {
            error = "the built-in campaign is broken: " + campaignError();
            return false;
        }
        lesson = &campaign();
        return true;
    }
    QString lessonPath = path;
    if (path.endsWith(QLatin1String(".py"))) {
        std::string why;
        program = python::loadProgram(path.toStdString(), why);
        if (!program) {
            error = QString::fromStdString(why);
            return false;
        }
        lessonPath = lessonPathFor(path);
        if (!QFileInfo::exists(lessonPath)) {
            error = QStringLiteral("'%1' has no lesson: write one in '%2' (see the README's \"Lesson files\")")
                        .arg(path, lessonPath);
            return false;
        }
    } else if (!path.endsWith(QLatin1String(".json"))) {
        error = QStringLiteral("'%1' is neither a Python program (.py) nor a lesson file (.lesson.json)").arg(path);
        return false;
    } else {
        // A lesson file: its program is the .py of the same name beside it.
        QString programPath = lessonPath;
        programPath.replace(QRegularExpression(QStringLiteral("\\.lesson\\.json$|\\.json$")), QStringLiteral(".py"));
        if (QFileInfo::exists(programPath)) {
            std::string why;
            program = python::loadProgram(programPath.toStdString(), why);
            if (!program) {
                error = QString::fromStdString(why);
                return false;
            }
        }
    }
    owned = readLesson(lessonPath, error);
    if (!owned) return false;
    lesson = &*owned;
    return true;
}

int cmdChallenges(const QStringList& args) {
    QCommandLineParser parser;
    addHelp(parser,
            "List the challenges and predictions of the built-in campaign, in the course's order, or those of a "
            "lesson file (give the file, or the program it sits next to: prog.py -> prog.lesson.json).\n\n"
            "A challenge asks the learner to make something happen by choosing the next thread at every step (lose "
            "an update, deadlock two threads) or to prevent it (the fix must hold in every schedule). A prediction "
            "asks what a run will show before it runs. --verify explores each one: is the challenge winnable (how "
            "many schedules win, the quickest way, its replay token), does a \"prevent it\" fix hold in every "
            "schedule, which choices a prediction offers. It exits 1 when one is not as it should be.\n\n"
            "Play one: lockstep run --challenge NAME --schedule T1,T2,... tells whether that schedule wins.");
    parser.addPositionalArgument("LESSON", "A lesson file or a Python program with one beside it (default: the "
                                           "built-in campaign).");
    parser.addOption({"json", "Print the lesson as a lesson file (lockstep_lesson, title, text, challenges, "
                              "predictions); with --verify, each challenge and prediction gets a \"verified\" object "
                              "with what exploration found (which reading it back as a lesson passes over)."});
    parser.addOption({"lang", "Language of the titles and tasks: en or ru (default: the system's).", "code"});
    parser.addOption({"verify", "Explore every challenge and prediction (see above)."});
    parser.addOption({"name", "With --verify: only the challenge or prediction with this name.", "name"});
    parser.addOption({"runs", "With --verify: at most this many schedules per search (default 5000).", "n", "5000"});
    addContainmentOptions(parser);
    if (!parser.parse(args)) return usageError(parser.errorText() + " (see 'lockstep help challenges')");
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments().mid(1);
    if (pos.size() > 1) return usageError("challenges takes at most one lesson file or program, got: " + pos.join(' '));
    if (parser.isSet("lang")) {
        const QString lang = parser.value("lang");
        if (lang != "en" && lang != "ru") return usageError(QStringLiteral("--lang: '%1' is not en or ru").arg(lang));
        installTranslations(lang);
    } else {
        installTranslations(QString());
    }
    if (parser.isSet("name") && !parser.isSet("verify")) return usageError("--name goes with --verify");
    bool ok = false;
    const int maxRuns = parser.value("runs").toInt(&ok);
    if (!ok || maxRuns < 1 || maxRuns > 10'000'000)
        return usageError(QStringLiteral("--runs: '%1' is not a number of runs from 1 to 10000000").arg(parser.value("runs")));
    QString error;
    if (!applyContainmentOptions(parser, error)) return usageError(error);
    const Lesson* lesson = nullptr;
    std::optional<Lesson> owned;
    const scenarios::Scenario* program = nullptr;
    if (!lessonFor(pos.value(0), lesson, owned, program, error)) return usageError(error);
    const QString name = parser.value("name");
    if (!name.isEmpty() && !lesson->challenge(name) && !lesson->prediction(name))
        return usageError(QStringLiteral("--name: the lesson has no challenge or prediction named '%1'").arg(name));
    const bool verify = parser.isSet("verify");
    const bool json = parser.isSet("json");
    const QString where = pos.value(0);
    // A lesson's challenges are about its program.
    auto scenarioOf = [&](const QString& id) {
        if (!id.isEmpty()) return id;
        return QFileInfo(program ? QString::fromStdString(program->sourcePath) : where).fileName();
    };

    bool allGood = true;
    QJsonArray challengesJson, predictionsJson;
    QString lastChapter;
    if (!json) out() << lesson->title.here() << "\n";
    for (const Challenge& c : lesson->challenges) {
        QJsonObject o{{"name", c.name},
                      {"params", paramsJson(c.params)},
                      {"kind", c.prevent ? "prevent" : "make"},
                      {"title", textJson(c.title)},
                      {"task", textJson(c.task)},
                      {"goal", QString::fromStdString(c.goal.text())},
                      {"explanation", textJson(c.explanation)}};
        if (!c.chapter.isEmpty()) o["chapter"] = c.chapter;
        if (!c.scenario.isEmpty()) o["scenario"] = c.scenario;
        if (c.maxSteps > 0) o["max_steps"] = static_cast<int>(c.maxSteps);
        if (c.manualOnly) o["manual_only"] = true;
        QJsonArray hints;
        for (const LessonText& h : c.hints) hints.append(textJson(h));
        o["hints"] = hints;
        if (c.prevent) {
            QJsonObject fix{{"params", paramsJson(c.fixParams)}};
            if (!c.fixProgram.isEmpty()) fix["program"] = c.fixProgram;
            else fix["scenario"] = c.fixScenario;
            o["fix"] = fix;
        }
        if (!json) {
            if (c.chapter != lastChapter && !c.chapter.isEmpty()) out() << "\n" << chapterTitle(c.chapter) << "\n";
            lastChapter = c.chapter;
            out() << QStringLiteral("  %1 %2 %3 %4\n")
                         .arg(c.name.leftJustified(28))
                         .arg(scenarioOf(c.scenario).leftJustified(28))
                         .arg(QString(c.prevent ? "prevent" : "make").leftJustified(7))
                         .arg(c.title.here());
            out() << "      goal: " << QString::fromStdString(c.goal.text())
                  << (c.maxSteps > 0 ? QStringLiteral(" within %1 steps").arg(c.maxSteps) : QString()) << "\n";
        }
        if (verify && (name.isEmpty() || name == c.name)) {
            LessonRun run;
            if (!lessonRun(c.scenario, c.params, program, run, error)) return usageError(error);
            const GoalSearch s = searchGoal(run, c.goal, c.maxSteps, maxRuns, &gInterrupted);
            if (s.cancelled || interrupted()) return kExitInterrupted;
            QJsonObject v{{"schedules", s.schedules},
                          {"winning", s.winning},
                          {"exhaustive", s.exhaustive},
                          {"quickest_step", static_cast<int>(s.shortest)},
                          {"replay", QString::fromStdString(s.replay)}};
            QString words;
            bool good = s.possible() && s.problem.isEmpty();
            if (!s.problem.isEmpty()) words = "cannot be evaluated: " + s.problem;
            else if (s.possible())
                words = QStringLiteral("reachable: %1 of %2 schedules%3 reach it; the quickest at step %4")
                            .arg(s.winning).arg(s.schedules).arg(s.exhaustive ? "" : " explored").arg(s.shortest);
            else if (s.impossible()) words = QStringLiteral("impossible: none of the %1 schedules reaches it").arg(s.schedules);
            else words = QStringLiteral("not found in %1 schedules (not exhaustive)").arg(s.schedules);
            if (c.prevent) {
                LessonRun fixed;
                if (!fixRun(c, *lesson, program, fixed, error)) return usageError(error);
                const GoalSearch f = searchGoal(fixed, c.goal, 0, maxRuns, &gInterrupted);
                if (f.cancelled || interrupted()) return kExitInterrupted;
                const bool holds = f.impossible();
                v["fix_schedules"] = f.schedules;
                v["fix_exhaustive"] = f.exhaustive;
                v["fix_holds"] = holds;
                if (!f.replay.empty()) v["fix_counterexample"] = QString::fromStdString(f.replay);
                words += holds ? QStringLiteral("; the fix holds in all %1 schedules (exhaustive)").arg(f.schedules)
                         : !f.problem.isEmpty() ? "; the fix cannot be evaluated: " + f.problem
                         : f.possible() ? QStringLiteral("; THE FIX FAILS in %1 of %2 schedules").arg(f.winning).arg(f.schedules)
                                        : QStringLiteral("; the fix is not proved: %1 schedules, not exhaustive").arg(f.schedules);
                good = good && holds;
            }
            v["ok"] = good;
            o["verified"] = v;
            allGood = allGood && good;
            if (!json) out() << "      " << (good ? "ok: " : "PROBLEM: ") << words << "\n";
        }
        challengesJson.append(o);
    }
    if (!json && !lesson->predictions.empty()) out() << "\n" << QCoreApplication::translate("Lesson", "Predictions") << "\n";
    for (const Prediction& p : lesson->predictions) {
        QJsonObject o{{"name", p.name},
                      {"params", paramsJson(p.params)},
                      {"question", textJson(p.question)},
                      {"answer", QString::fromStdString(p.answer.text())},
                      {"explanation", textJson(p.explanation)}};
        if (!p.extraChoices.isEmpty()) o["choices"] = QJsonArray::fromStringList(p.extraChoices);
        if (!p.chapter.isEmpty()) o["chapter"] = p.chapter;
        if (!p.scenario.isEmpty()) o["scenario"] = p.scenario;
        if (!json)
            out() << QStringLiteral("  %1 %2 %3\n")
                         .arg(p.name.leftJustified(28))
                         .arg(scenarioOf(p.scenario).leftJustified(28))
                         .arg(p.question.here());
        if (verify && (name.isEmpty() || name == p.name)) {
            LessonRun run;
            if (!lessonRun(p.scenario, p.params, program, run, error)) return usageError(error);
            const PredictionChoices c = predictionChoices(run, p.answer, maxRuns, &gInterrupted, 0, p.extraChoices);
            if (interrupted()) return kExitInterrupted;
            const bool good = c.problem.isEmpty() && !c.choices.isEmpty();
            o["verified"] = QJsonObject{{"choices", QJsonArray::fromStringList(c.choices)},
                                        {"one_after_another", c.sequential},
                                        {"schedules", c.explored},
                                        {"exhaustive", c.exhaustive},
                                        {"ok", good}};
            allGood = allGood && good;
            if (!json)
                out() << "      " << (good ? "ok: choices " + c.choices.join(" | ") : "PROBLEM: " + c.problem)
                      << (c.sequential.isEmpty() ? QString() : " (one after the other: " + c.sequential + ")") << "\n";
        }
        predictionsJson.append(o);
    }
    if (json) {
        // The lesson format itself (what --verify adds aside), so the output reads back as a lesson file.
        QJsonObject doc{{"lockstep_lesson", 1},
                        {"title", textJson(lesson->title)},
                        {"challenges", challengesJson},
                        {"predictions", predictionsJson}};
        if (!lesson->text.en.isEmpty()) doc["text"] = textJson(lesson->text);
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    }
    return allGood ? kExitOk : kExitFailure;
}
int cmdDiff(const QStringList& args) {
    QCommandLineParser parser;
    addHelp(parser, "Compare two runs, each given as a replay token (as 'lockstep run' and 'lockstep explore' print "
                    "them): the step after which their schedules first part and the thread each let run there, then "
                    "their outcomes side by side: how each ended, the final values that differ, and the printed lines "
                    "only one of them has.");
    parser.addPositionalArgument("A", "The first run's replay token.");
    parser.addPositionalArgument("B", "The second run's replay token.");
    parser.addOption({"json", "Print JSON: same_setup, same_schedule, same_outcome, divergence {step, a, b, "
                              "candidates}, a and b {scenario, status, steps, end_time}, values [{name, a, b}], "
                              "only_in_a, only_in_b."});
    addContainmentOptions(parser);
    if (!parser.parse(args)) return usageError(parser.errorText() + " (see 'lockstep help diff')");
    if (parser.isSet("help")) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList pos = parser.positionalArguments().mid(1);
    if (pos.size() != 2) return usageError("diff takes two runs: lockstep diff TOKEN_A TOKEN_B");
    QString error;
    if (!applyContainmentOptions(parser, error)) return usageError(error);
    struct Side {
        const scenarios::Scenario* scenario = nullptr;
        RunConfig config;
        Trace trace;
    };
    Side sides[2];
    for (int k = 0; k < 2; ++k) {
        std::string why;
        sides[k].scenario = scenarios::readReplayToken(pos[k].toStdString(), sides[k].config, why);
        if (!sides[k].scenario)
            return usageError(QStringLiteral("%1: %2").arg(k == 0 ? "A" : "B", QString::fromStdString(why)));
    }
    WorkerPool pool;
    for (Side& s : sides)
        if (!runToEnd(pool, *s.scenario, s.config, s.trace)) {
            err() << "lockstep: interrupted\n";
            return kExitInterrupted;
        }
    for (int k = 0; k < 2; ++k)
        if (sides[k].trace.outcome().scheduleRejected)
            return usageError(QStringLiteral("%1: the token's decisions do not fit its run (was it edited?): %2")
                                  .arg(k == 0 ? "A" : "B", QString::fromStdString(sides[k].trace.outcome().message)));
    const RunDifference d = diffRuns(sides[0].trace, sides[1].trace);
    // The same scenario with the same parameters, seed and settings: only the schedules can differ.
    RunConfig ca = sides[0].config, cb = sides[1].config;
    ca.schedule.clear();
    cb.schedule.clear();
    const bool sameSetup = sides[0].scenario == sides[1].scenario &&
                           sides[0].scenario->resolve(ca.params).values() == sides[1].scenario->resolve(cb.params).values() &&
                           ca.seed == cb.seed && ca.cores == cb.cores && ca.gil == cb.gil && ca.quantum == cb.quantum;
    auto status = [](RunStatus s) { return QString::fromUtf8(runStatusName(s).data()); };
    if (parser.isSet("json")) {
        QJsonArray values;
        for (const RunDifference::Value& v : d.values)
            values.append(QJsonObject{{"name", QString::fromStdString(v.name)},
                                      {"a", QString::fromStdString(v.a)},
                                      {"b", QString::fromStdString(v.b)}});
        auto lines = [](const std::vector<std::string>& l) {
            QJsonArray a;
            for (const std::string& s : l) a.append(QString::fromStdString(s));
            return a;
        };
        auto side = [&](int k, RunStatus st, std::uint32_t steps, Nanos end) {
            return QJsonObject{{"scenario", QString::fromStdString(sides[k].scenario->id)},
                               {"status", status(st)},
                               {"steps", static_cast<int>(steps)},
                               {"end_time", toSeconds(end)}};
        };
        QJsonObject doc{{"same_setup", sameSetup},
                        {"same_schedule", d.sameSchedule},
                        {"same_outcome", d.sameOutcome()},
                        {"a", side(0, d.statusA, d.stepsA, d.endA)},
                        {"b", side(1, d.statusB, d.stepsB, d.endB)},
                        {"values", values},
                        {"only_in_a", lines(d.onlyA)},
                        {"only_in_b", lines(d.onlyB)}};
        if (!d.sameSchedule) {
            QJsonArray candidates;
            for (const std::string& c : d.candidates) candidates.append(QString::fromStdString(c));
            doc["divergence"] = QJsonObject{{"step", static_cast<int>(d.step)},
                                            {"a", QString::fromStdString(d.chosenA)},
                                            {"b", QString::fromStdString(d.chosenB)},
                                            {"candidates", candidates}};
        }
        out() << QJsonDocument(doc).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    out() << QStringLiteral("A: %1, B: %2%3\n")
                 .arg(QString::fromStdString(sides[0].scenario->id), QString::fromStdString(sides[1].scenario->id),
                      sameSetup ? QStringLiteral(" (the same setup: only the schedules may differ)")
                                : QStringLiteral(" (different setups)"));
    if (d.sameSchedule) {
        out() << "  the same schedule: every decision alike\n";
    } else {
        auto who = [](const std::string& n) { return n.empty() ? QStringLiteral("nobody (no choice there)") : QString::fromStdString(n); };
        QStringList ready;
        for (const std::string& c : d.candidates) ready << QString::fromStdString(c);
        out() << QStringLiteral("  the schedules part after step %1: A let %2 run, B let %3 run%4\n")
                     .arg(d.step)
                     .arg(who(d.chosenA), who(d.chosenB),
                          ready.isEmpty() ? QString() : QStringLiteral(" (ready there: %1)").arg(ready.join(", ")));
    }
    out() << QStringLiteral("  A: %1 at t=%2 s after %3 steps\n").arg(status(d.statusA)).arg(toSeconds(d.endA), 0, 'f', 3).arg(d.stepsA);
    out() << QStringLiteral("  B: %1 at t=%2 s after %3 steps\n").arg(status(d.statusB)).arg(toSeconds(d.endB), 0, 'f', 3).arg(d.stepsB);
    for (const RunDifference::Value& v : d.values)
        if (v.a != v.b)
            out() << QStringLiteral("  %1: A %2, B %3\n")
                         .arg(QString::fromStdString(v.name), v.a.empty() ? QStringLiteral("(none)") : QString::fromStdString(v.a),
                              v.b.empty() ? QStringLiteral("(none)") : QString::fromStdString(v.b));
    for (const std::string& l : d.onlyA) out() << "  only A printed: " << QString::fromStdString(l) << "\n";
    for (const std::string& l : d.onlyB) out() << "  only B printed: " << QString::fromStdString(l) << "\n";
    if (d.sameOutcome()) out() << "  the same outcome\n";
    return kExitOk;
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
                    "or a core. Without the GIL, several cores show what separate processes would give. A Python "
                    "program runs with the threads it starts, the GIL on and off, on 1 and 2 cores (by default); "
                    "its speed-up is against the GIL on 1 core.");
    parser.addPositionalArgument("ID", "The scenario; it must take a 'threads' parameter (e.g. gil-cpu-bound), or "
                                       "a Python program.");
    addRunOptions(parser, RunOptionSet::SharedByRuns);
    parser.addOption({"threads", "Thread counts to compare (default 1,2,4).", "list", "1,2,4"});
    parser.addOption({"gil", "GIL settings to compare: on, off or on,off (default on,off).", "list", "on,off"});
    parser.addOption({"cores", "Numbers of virtual cores to compare, 1-8 (default 1,4; 1,2 for a program).", "list",
                      "1,4"});
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
                                         "these do: %2, and any Python program")
                              .arg(id, comparable.join(", ")));
    }
    std::vector<int> threads, cores;
    if (scenarios::variesThreads(scenario)) {
        for (const QString& kv : parser.values("param"))
            if (kv.section('=', 0, 0).trimmed() == scenarios::kThreadsParam)
                return usageError("--param threads: compare sets the thread count of each run; give the counts with "
                                  "--threads, e.g. --threads 1,2,4");
        const auto spec = std::find_if(scenario.params.begin(), scenario.params.end(),
                                       [](const scenarios::ParamSpec& p) { return p.key == scenarios::kThreadsParam; });
        if (!parseNumberList("threads", parser.value("threads"), static_cast<int>(spec->min),
                             static_cast<int>(spec->max), threads, error))
            return usageError(error);
    } else {
        if (parser.isSet("threads"))
            return usageError(QStringLiteral("--threads: %1 is a program, which starts the threads it starts; "
                                             "compare it with --gil and --cores")
                                  .arg(id));
        threads = {scenarios::kProgramsOwnThreads};
    }
    if (parser.isSet("cores")) {
        if (!parseNumberList("cores", parser.value("cores"), 1, RunConfig::kMaxCores, cores, error))
            return usageError(error);
    } else {
        // The window's comparison's cores: 1 and 4 for a scenario, 1 and 2 for a program.
        for (const scenarios::CompareSetting& s : scenarios::standardGrid(scenario))
            if (std::find(cores.begin(), cores.end(), s.cores) == cores.end()) cores.push_back(s.cores);
    }
    std::vector<bool> gil;
    for (const QString& part : parser.value("gil").split(',', Qt::SkipEmptyParts)) {
        const QString v = part.trimmed().toLower();
        if (v != "on" && v != "off")
            return usageError(QStringLiteral("--gil: '%1' is neither on nor off; write on, off or on,off").arg(part.trimmed()));
        if (std::find(gil.begin(), gil.end(), v == "on") == gil.end()) gil.push_back(v == "on");
    }
    if (gil.empty()) return usageError("--gil: write on, off or on,off");

    WorkerPool pool;
    const auto settings = scenarios::grid(threads, gil, cores);
    const auto results = scenarios::compare(pool, scenario, setup.config, settings, &gInterrupted);
    if (parser.isSet("json")) out() << QJsonDocument(compareJson(id, setup.config, results)).toJson(QJsonDocument::Indented);
    else out() << compareTable(id, setup.config, results);
    if (interrupted()) {
        err() << "lockstep: interrupted after " << results.size() << " of " << settings.size()
              << " runs; the results so far are above\n";
        return kExitInterrupted;
    }
    return kExitOk;
}

}  // namespace

namespace {

int dispatch(const QStringList& args) {
    const QString cmd = args.value(1);
    if (cmd == "--version" || cmd == "-v") {
        out() << "lockstep " << QCoreApplication::applicationVersion() << "\n";
        return kExitOk;
    }
    if (cmd == "help" || cmd == "--help" || cmd == "-h") {
        const QString topic = args.value(2);
        if (topic == "list" || topic == "run" || topic == "explore" || topic == "check" || topic == "challenges" ||
            topic == "diff" || topic == "compare")
            return dispatch({args[0], topic, "--help"});
        if (!topic.isEmpty() && cmd == "help")
            return usageError(QStringLiteral("no help on '%1'; the commands are list, run, explore, check, challenges, diff, compare")
                                  .arg(topic));
        out() << QString::fromUtf8(kGeneralHelp).replace(QStringLiteral("%LIMITS%"), limitsText());
        return kExitOk;
    }
    if (cmd == "list") return cmdList(args);
    if (cmd == "run") return cmdRun(args);
    if (cmd == "explore") return cmdExplore(args);
    if (cmd == "check") return cmdCheck(args);
    if (cmd == "challenges") return cmdChallenges(args);
    if (cmd == "diff") return cmdDiff(args);
    if (cmd == "compare") return cmdCompare(args);
    return usageError(QStringLiteral("unknown command '%1'; the commands are %2").arg(cmd, commandNames().join(", ")));
}

// SIGINT belongs to requestInterrupt() while it lives.
class InterruptHandler {
public:
    InterruptHandler() : previous_(std::signal(SIGINT, onInterrupt)) {}
    ~InterruptHandler() { std::signal(SIGINT, previous_); }
    InterruptHandler(const InterruptHandler&) = delete;
    InterruptHandler& operator=(const InterruptHandler&) = delete;

private:
    void (*previous_)(int);
};

}  // namespace

int runCommandLine(int& argc, char** argv, const QStringList& args) {
    // From the first moment: a Ctrl+C while the program loads must stop it with 130 like one during the run.
    const InterruptHandler handler;
    const bool paints = args.value(1) == "run" && std::any_of(args.begin(), args.end(), [](const QString& a) {
                            return a == "--export" || a.startsWith("--export=");
                        });
    std::unique_ptr<QCoreApplication> app;
    if (paints) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    return runCommand(args);
}

int runCommand(const QStringList& args) {
    int code = kExitFailure;
    try {
        code = dispatch(args);
    } catch (const std::exception& e) {
        err() << "lockstep: internal error: " << e.what() << "\n";
        code = kExitFailure;
    } catch (...) {
        err() << "lockstep: internal error: an unknown exception\n";
        code = kExitFailure;
    }
    // `--summary > /dev/full` must not end as a success: the output is the command's result.
    if (const QString failure = Console::finishOutput(); !failure.isEmpty()) {
        err() << "lockstep: " << failure << "\n";
        err().flush();
        if (code == kExitOk) code = kExitFailure;
    }
    return code;
}

int runInProcess(const QStringList& args, QString& outText, QString& errText) {
    gInterrupted.store(false);
    const Console::Capture capture(outText, errText);
    if (isCommandLineCommand(args)) return runCommand(args);
    WindowArgs window;
    try {
        return readWindowArgs(args, window);
    } catch (const std::exception& e) {
        err() << "lockstep: internal error: " << e.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace lockstep::app
