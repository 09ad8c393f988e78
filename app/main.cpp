// One binary: `lockstep list|run|explore|help ...` works headless; anything else opens the window.

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include "cli/Cli.h"
#include "cli/RunSetup.h"
#include "gui/MainWindow.h"

int main(int argc, char** argv) {
    QStringList args;
    for (int i = 0; i < argc; ++i) args << QString::fromLocal8Bit(argv[i]);

    if (lockstep::app::isCommandLineCommand(args)) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName("lockstep");
        QCoreApplication::setApplicationVersion(LOCKSTEP_VERSION);
        return lockstep::app::runCommandLine(args);
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName("Lockstep");
    QCoreApplication::setApplicationName("lockstep");
    QCoreApplication::setApplicationVersion(LOCKSTEP_VERSION);
    lockstep::app::installTranslations(QString());

    // `lockstep ID [run options] [--steps N]`: open the window with that scenario loaded.
    QCommandLineParser parser;
    parser.setApplicationDescription("Lockstep: see concurrency one scheduling decision at a time. "
                                     "Run 'lockstep help' for the command line.");
    parser.addHelpOption();
    parser.addPositionalArgument("ID", "Scenario to open (see 'lockstep list').", "[ID]");
    lockstep::app::addRunOptions(parser);
    parser.addOption({"steps", "Advance the loaded scenario this many steps.", "n"});
    parser.process(app);
    const QStringList pos = parser.positionalArguments();
    lockstep::app::RunSetup setup;
    int steps = 0;
    if (!pos.isEmpty() || parser.isSet("replay")) {
        QString error;
        if (!lockstep::app::readRunOptions(parser, pos.value(0), setup, error)) {
            QTextStream(stderr) << "lockstep: " << error << "\n";
            return 2;
        }
        if (parser.isSet("steps")) {
            bool ok = false;
            steps = parser.value("steps").toInt(&ok);
            if (!ok || steps < 0) {
                QTextStream(stderr) << "lockstep: --steps: '" << parser.value("steps")
                                    << "' is not a number of steps (0 or more)\n";
                return 2;
            }
        }
    }
    lockstep::app::MainWindow window;
    if (setup.scenario) window.load(setup, steps);
    window.show();
    return app.exec();
}
