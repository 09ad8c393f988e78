#include "cli/ContainmentOptions.h"

#include "lockstep/python/Runner.h"

namespace lockstep::app {

void addContainmentOptions(QCommandLineParser& parser) {
    parser.addOption({"sandbox", "Run a Python program in a sandbox (bubblewrap): no network, the file system read-only "
                                 "except a scratch directory (its working directory), tighter limits on memory, files "
                                 "and processes. For programs you did not write."});
    parser.addOption({"freeze-limit", "A Python program's thread that stays inside one scheduling point longer than "
                                      "this many seconds of real time (a blocking call, a long computation in C) ends "
                                      "the run as frozen (default 5).",
                      "seconds"});
}

bool applyContainmentOptions(const QCommandLineParser& parser, QString& error) {
    python::RunnerSettings settings = python::runnerSettings();
    settings.sandbox = parser.isSet("sandbox");
    if (settings.sandbox) {
        std::string why;
        if (!python::sandboxAvailable(&why)) {
            error = "--sandbox: " + QString::fromStdString(why);
            return false;
        }
    }
    if (parser.isSet("freeze-limit")) {
        bool ok = false;
        const double seconds = parser.value("freeze-limit").toDouble(&ok);
        if (!ok || seconds < 0.1 || seconds > 3600) {
            error = QStringLiteral("--freeze-limit: '%1' is not a number of seconds from 0.1 to 3600")
                        .arg(parser.value("freeze-limit"));
            return false;
        }
        settings.freezeLimit = std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
    }
    python::setRunnerSettings(settings);
    return true;
}

}  // namespace lockstep::app
