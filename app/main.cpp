// One binary: `lockstep list|run|explore|help ...` works headless; anything else opens the window.

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include "cli/Cli.h"
#include "cli/ContainmentOptions.h"
#include "cli/RunOptions.h"
#include "gui/MainWindow.h"
#include "panels/ExplorePanel.h"
#include "lockstep/python/Program.h"
#include "lockstep/python/Runner.h"
#include "lockstep/mp/Multiprocessing.h"

int main(int argc, char** argv) {
    // A scenario's child process is this binary started again in the worker mode: it runs the process's
    // target and nothing else (no Qt, no command line).
    if (const int child = lockstep::mp::runChildIfRequested(argc, argv); child >= 0) return child;
    // The runner of learners' Python programs is this binary too (see lockstep/python/Runner.h).
    if (const int runner = lockstep::python::runRunnerIfRequested(argc, argv); runner >= 0) return runner;

    QStringList args;
    for (int i = 0; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);

    if (lockstep::app::isCommandLineCommand(args)) {
        QCoreApplication::setApplicationName("lockstep");
        QCoreApplication::setApplicationVersion(LOCKSTEP_VERSION);
        return lockstep::app::runCommandLine(argc, argv, args);
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("Lockstep");
    QCoreApplication::setApplicationName("lockstep");
    QCoreApplication::setApplicationVersion(LOCKSTEP_VERSION);

    // `lockstep [ID|prog.py] [run options] [--steps N]`: open the window, with that scenario or program loaded.
    QCommandLineParser parser;
    parser.setApplicationDescription("Lockstep: see concurrency one scheduling decision at a time. "
                                     "Run 'lockstep help' for the command line.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument("ID", "Scenario to open (see 'lockstep list'), or a Python program (prog.py).",
                                 "[ID|prog.py]");
    lockstep::app::addRunOptions(parser);
    lockstep::app::addContainmentOptions(parser);
    parser.addOption({"steps", "Advance the loaded scenario this many steps.", "n"});
    parser.addOption({"lang", "Interface language: en or ru (default: the last one chosen, else the system's).", "code"});
    parser.addOption({"axis", "Timeline axis: steps or time (virtual seconds).", "steps|time"});
    parser.addOption({"explore", "Explore the loaded scenario's schedules at once (systematically), as Run > "
                                 "Explore schedules does."});
    parser.addOption({"screenshot", "Save a picture of the window to this PNG file once the steps are done, then quit.",
                      "file.png"});
    parser.process(app);

    QString language = QSettings().value("language").toString();
    if (parser.isSet("lang")) {
        language = parser.value("lang");
        if (language != "en" && language != "ru") {
            QTextStream(stderr) << "lockstep: --lang: '" << language << "' is not en or ru\n";
            return 2;
        }
    }
    lockstep::app::installTranslations(language);
    if (QString error; !lockstep::app::applyContainmentOptions(parser, error)) {
        QTextStream(stderr) << "lockstep: " << error << "\n";
        return 2;
    }

    const QStringList pos = parser.positionalArguments();
    lockstep::app::RunSetup setup;
    int steps = 0;
    const lockstep::scenarios::Scenario* program = nullptr;  // when the argument names a Python file
    if (!pos.isEmpty() || parser.isSet("replay")) {
        QString error;
        QString id = pos.value(0);
        if (!id.isEmpty() && lockstep::python::looksLikeProgram(id.toStdString())) {
            // A program is registered as a scenario whose id is its absolute path: load it, then read the run
            // options against that id as for a built-in scenario.
            std::string loadError;
            const lockstep::scenarios::Scenario* s = lockstep::python::loadProgram(id.toStdString(), loadError);
            if (!s) {
                // The error names the file (CPython's SyntaxError report, or "cannot open PATH: reason").
                QTextStream(stderr) << "lockstep: " << QString::fromStdString(loadError) << "\n";
                return 2;
            }
            id = QString::fromStdString(s->id);
            program = s;
        }
        if (!lockstep::app::readRunOptions(parser, id, setup, error)) {
            QTextStream(stderr) << "lockstep: " << error << "\n";
            return 2;
        }
    }
    if (parser.isSet("steps")) {
        bool ok = false;
        steps = parser.value("steps").toInt(&ok);
        if (!ok || steps < 0) {
            QTextStream(stderr) << "lockstep: --steps: '" << parser.value("steps") << "' is not a number of steps (0 or more)\n";
            return 2;
        }
    }
    if (parser.isSet("axis") && parser.value("axis") != "steps" && parser.value("axis") != "time") {
        QTextStream(stderr) << "lockstep: --axis: '" << parser.value("axis") << "' is neither steps nor time\n";
        return 2;
    }
    lockstep::app::MainWindow window;
    if (parser.isSet("lang")) window.setLanguage(language);
    if (parser.isSet("axis")) window.setTimeAxis(parser.value("axis") == "time");
    if (program) window.noteOpenedProgram(program);
    if (setup.scenario) window.load(setup, steps);
    window.show();
    const bool exploring = parser.isSet("explore") && setup.scenario;
    if (exploring) window.explore();
    if (parser.isSet("screenshot")) {
        const QString path = parser.value("screenshot");
        // Let the engine finish the steps (and the search) and the layout settle, then grab the window.
        auto grab = [&window, path] {
            QTimer::singleShot(300, &window, [&window, path] {
                window.waitForEngine();
                QTimer::singleShot(300, &window, [&window, path] {
                    window.waitForEngine();
                    const bool ok = window.grab().save(path);
                    if (!ok) QTextStream(stderr) << "lockstep: cannot write the screenshot to " << path << "\n";
                    QCoreApplication::exit(ok ? 0 : 1);
                });
            });
        };
        if (exploring && window.explorePanel()->running())
            QObject::connect(window.explorePanel(), &lockstep::app::ExplorePanel::finished, &window, grab);
        else
            grab();
    }
    return app.exec();
}
