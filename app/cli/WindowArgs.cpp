#include "cli/WindowArgs.h"

#include "cli/ContainmentOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include "cli/Cli.h"
#include "cli/Console.h"
#include "cli/OutputPath.h"
#include "cli/RunOptions.h"
#include "learn/Lesson.h"
#include "lockstep/python/Program.h"
#include "lockstep/scenarios/Registry.h"
#include "lockstep/scenarios/RunValidation.h"

namespace lockstep::app {

namespace {

// A word where the window expects a scenario, which is no scenario and no program: when it is close to a
// command (`lockstep rn ...`), the learner meant the command line, not the window.
QString nearCommand(const QString& word) {
    if (word.startsWith('-') || word.size() < 2) return {};
    for (const QString& c : commandNames()) {
        const std::size_t d = scenarios::editDistance(word.toLower().toStdString(), c.toStdString());
        if (d <= (word.size() <= 4 ? 1u : 2u) || (word.size() >= 2 && c.startsWith(word.toLower()))) return c;
    }
    return {};
}

}  // namespace

QStringList withoutQtOptions(const QStringList& args) {
    // Taken by QGuiApplication itself (see its documentation); each of the first list takes a value.
    static const QStringList withValue{"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-style",
                                       "-stylesheet", "-session", "-display", "-geometry", "-qwindowgeometry",
                                       "-qwindowtitle", "-qwindowicon", "-title", "-name"};
    static const QStringList alone{"-reverse", "-nograb", "-dograb", "-sync", "-widgetcount"};
    QStringList kept;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (i > 0 && withValue.contains(a)) {
            ++i;  // and its value
            continue;
        }
        if (i > 0 && alone.contains(a)) continue;
        kept << a;
    }
    return kept;
}

int readWindowArgs(const QStringList& argsIn, WindowArgs& out) {
    const QStringList args = withoutQtOptions(argsIn);
    QCommandLineParser parser;
    parser.setApplicationDescription("Lockstep: see concurrency one scheduling decision at a time. "
                                     "Run 'lockstep help' for the command line.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("ID", "Scenario to open (see 'lockstep list'), or a Python program (prog.py).",
                                 "[ID|prog.py]");
    addRunOptions(parser);
    addContainmentOptions(parser);
    parser.addOption({"steps", "Advance the loaded scenario this many steps.", "n"});
    parser.addOption({"lang", "Interface language: en or ru (default: the last one chosen, else the system's).", "code"});
    parser.addOption({"axis", "Timeline axis: steps or time (virtual seconds).", "steps|time"});
    parser.addOption({"layout", "Where the panels go: learn (timeline, code and story in sight, the rest as tabs; "
                                "fits a laptop) or full (every panel at once). Default: the last one chosen, else "
                                "the one that fits the screen.", "learn|full"});
    parser.addOption({"explore", "Explore the loaded scenario's schedules at once (systematically), as Run > "
                                 "Explore schedules does."});
    parser.addOption({"challenge", "Play this challenge (see 'lockstep challenges'; of the program's lesson when a "
                                   "program is given): its run is loaded, --schedule's choices made, --steps taken.",
                      "name"});
    parser.addOption({"predict", "Answer this prediction: its question and choices are shown.", "name"});
    parser.addOption({"answer", "With --predict: choose answer K (1 is the first) and run to see.", "k"});
    parser.addOption({"screenshot", "Save a picture of the window to this PNG file once the steps are done, then quit.",
                      "file.png"});
    if (!parser.parse(args)) return Console::usageError(parser.errorText() + " (see 'lockstep --help')");
    if (parser.isSet("help")) {
        // Without an application object the parser does not know the program's name.
        Console::out() << parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("lockstep"));
        return 0;
    }
    if (parser.isSet("version")) {
        Console::out() << "lockstep " << QCoreApplication::applicationVersion() << "\n";
        return 0;
    }

    const QStringList pos = parser.positionalArguments();
    const QString id = pos.value(0);
    const std::string word = id.toStdString();
    const bool knownWord = id.isEmpty() || scenarios::find(word) || python::looksLikeProgram(word);
    // First, since `lockstep rn race-counter-sleep` also has one word too many for the window.
    if (const QString command = knownWord ? QString() : nearCommand(id); !command.isEmpty())
        return Console::usageError(QStringLiteral("unknown command '%1'. Did you mean '%2'? The commands are %3; "
                                                  "'lockstep ID' opens the window on scenario ID")
                                       .arg(id, command, commandNames().join(", ")));
    if (pos.size() > 1)
        return Console::usageError(QStringLiteral("the window opens one scenario or program, got: %1; for the command "
                                                  "line, see 'lockstep help'")
                                       .arg(pos.join(' ')));
    if (parser.isSet("lang")) {
        out.language = parser.value("lang");
        if (out.language != "en" && out.language != "ru")
            return Console::usageError(QStringLiteral("--lang: '%1' is not en or ru").arg(out.language));
    }
    if (parser.isSet("steps")) {
        bool ok = false;
        out.steps = parser.value("steps").toInt(&ok);
        if (!ok || out.steps < 0 || static_cast<std::uint32_t>(out.steps) > RunConfig::kMaxStepLimit)
            return Console::usageError(QStringLiteral("--steps: '%1' is not a number of steps from 0 to %2")
                                           .arg(parser.value("steps"))
                                           .arg(RunConfig::kMaxStepLimit));
    }
    if (parser.isSet("axis")) {
        const QString axis = parser.value("axis");
        if (axis != "steps" && axis != "time")
            return Console::usageError(QStringLiteral("--axis: '%1' is neither steps nor time").arg(axis));
        out.axisGiven = true;
        out.timeAxis = axis == "time";
    }
    if (parser.isSet("layout")) {
        out.layout = parser.value("layout");
        if (out.layout != "learn" && out.layout != "full")
            return Console::usageError(QStringLiteral("--layout: '%1' is neither learn nor full").arg(out.layout));
    }
    if (parser.isSet("screenshot")) {
        out.screenshot = parser.value("screenshot");
        if (const QString why = unwritableReason(out.screenshot, true); !why.isEmpty())
            return Console::usageError(QStringLiteral("--screenshot: cannot write '%1': %2").arg(out.screenshot, why));
    }
    out.explore = parser.isSet("explore");
    if (parser.isSet("challenge") || parser.isSet("predict")) {
        if (parser.isSet("challenge") && parser.isSet("predict"))
            return Console::usageError("--challenge and --predict: one at a time");
        // The campaign's, or the lesson next to the program given.
        const Lesson* lesson = &campaign();
        std::optional<Lesson> own;
        if (id.endsWith(QLatin1String(".py"))) {
            QString error;
            own = readLesson(lessonPathFor(id), error);
            if (!own) return Console::usageError(parser.isSet("challenge") ? "--challenge: " + error : "--predict: " + error);
            lesson = &*own;
        } else if (!id.isEmpty()) {
            return Console::usageError("--challenge and --predict load their own scenario: leave the scenario id out");
        }
        if (parser.isSet("challenge")) {
            out.challenge = parser.value("challenge");
            if (!lesson->challenge(out.challenge))
                return Console::usageError(QStringLiteral("--challenge: no challenge named '%1' (see 'lockstep challenges')")
                                               .arg(out.challenge));
            for (const QString& name : parser.value("schedule").split(',', Qt::SkipEmptyParts))
                out.setup.config.schedule.push_back(name.trimmed().toStdString());
        } else {
            out.prediction = parser.value("predict");
            if (!lesson->prediction(out.prediction))
                return Console::usageError(QStringLiteral("--predict: no prediction named '%1' (see 'lockstep challenges')")
                                               .arg(out.prediction));
        }
    }
    if (parser.isSet("answer")) {
        bool ok = false;
        out.answer = parser.value("answer").toInt(&ok);
        if (!parser.isSet("predict") || !ok || out.answer < 1)
            return Console::usageError("--answer K goes with --predict NAME, K a choice from 1");
    }
    if (QString error; !applyContainmentOptions(parser, error)) return Console::usageError(error);

    if (!id.isEmpty() || parser.isSet("replay")) {
        QString error;
        if (!readRunOptions(parser, id, out.setup, error)) {
            if (!knownWord)
                error += QStringLiteral(" The commands are %1 (see 'lockstep help').").arg(commandNames().join(", "));
            return Console::usageError(error);
        }
        if (!out.setup.scenario->sourcePath.empty()) out.program = out.setup.scenario;
    } else {
        const bool learning = parser.isSet("challenge") || parser.isSet("predict");
        for (const char* option : {"policy", "seed", "cores", "gil", "quantum", "max-steps", "param", "schedule", "steps",
                                   "explore"})
            if (parser.isSet(option) && !(learning && (QLatin1String(option) == QLatin1String("schedule") ||
                                                       QLatin1String(option) == QLatin1String("steps"))))
                return Console::usageError(QStringLiteral("--%1 needs a scenario: lockstep ID --%1 ...").arg(option));
    }
    return kOpenWindow;
}

}  // namespace lockstep::app
