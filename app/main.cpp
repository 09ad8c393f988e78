// One binary: `lockstep list|run|explore|compare|help ...` works headless; anything else opens the window.

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include "cli/Cli.h"
#include "cli/WindowArgs.h"
#include "learn/LearnPanel.h"
#include "gui/MainWindow.h"
#include "panels/ExplorePanel.h"
#include "lockstep/mp/Multiprocessing.h"
#include "lockstep/python/Runner.h"

int main(int argc, char** argv) {
    // A scenario's child process is this binary started again in the worker mode: it runs the process's
    // target and nothing else (no Qt, no command line).
    if (const int child = lockstep::mp::runChildIfRequested(argc, argv); child >= 0) return child;
    // The runner of learners' Python programs is this binary too (see lockstep/python/Runner.h).
    if (const int runner = lockstep::python::runRunnerIfRequested(argc, argv); runner >= 0) return runner;

    QStringList args;
    for (int i = 0; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);
    QCoreApplication::setOrganizationName("Lockstep");
    QCoreApplication::setApplicationName("lockstep");
    QCoreApplication::setApplicationVersion(LOCKSTEP_VERSION);

    if (lockstep::app::isCommandLineCommand(args)) return lockstep::app::runCommandLine(argc, argv, args);

    // `lockstep [ID|prog.py] [run options] [--steps N]`: every word is checked before any window is tried, so a
    // typo gets its message and exit code 2 even where there is no display.
    lockstep::app::WindowArgs request;
    if (const int code = lockstep::app::readWindowArgs(args, request); code != lockstep::app::kOpenWindow) return code;
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        // Qt would abort in its window system; say what is missing instead.
        QTextStream(stderr) << "lockstep: the window needs a display, and none is set (DISPLAY, WAYLAND_DISPLAY); "
                               "the command line works without one (see 'lockstep help'), and so does the window "
                               "with QT_QPA_PLATFORM=offscreen\n";
        return lockstep::app::kExitFailure;
    }

    QApplication app(argc, argv);
    // The installed desktop entry's id, so a Wayland compositor or a task bar matches the window to its entry
    // (name, icon); and the same icon for the window where the entry is not installed.
    QGuiApplication::setDesktopFileName(QStringLiteral(LOCKSTEP_APP_ID));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/" LOCKSTEP_APP_ID ".svg")));
    const QString language = request.language.isEmpty() ? QSettings().value("language").toString() : request.language;
    lockstep::app::installTranslations(language);
    const lockstep::app::RunSetup& setup = request.setup;
    const int steps = request.steps;
    const lockstep::scenarios::Scenario* program = request.program;

    lockstep::app::MainWindow window;
    if (!request.language.isEmpty()) window.setLanguage(language);
    if (request.axisGiven) window.setTimeAxis(request.timeAxis);
    if (!request.layout.isEmpty())
        window.setWindowLayout(request.layout == "learn" ? lockstep::app::MainWindow::WindowLayout::Learn
                                                         : lockstep::app::MainWindow::WindowLayout::Full);
    if (program) window.noteOpenedProgram(program);
    if (setup.scenario) window.load(setup, request.challenge.isEmpty() && request.prediction.isEmpty() ? steps : 0);
    window.show();
    if (!request.challenge.isEmpty()) {
        window.learnPanel()->startChallenge(request.challenge, setup.config.schedule);
        if (steps > 0) window.stepBy(steps);
    } else if (!request.prediction.isEmpty()) {
        window.learnPanel()->startPrediction(request.prediction);
        window.learnPanel()->waitForSearch();
        if (request.answer > 0) window.learnPanel()->answer(request.answer - 1);
    }
    const bool exploring = request.explore && setup.scenario;
    if (exploring) window.explore();
    if (!request.screenshot.isEmpty()) {
        const QString path = request.screenshot;
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
