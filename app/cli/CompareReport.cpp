#include "cli/CompareReport.h"

#include <QJsonArray>
#include <QStringList>

namespace lockstep::app {

namespace {

double seconds(Nanos t) { return static_cast<double>(t) / 1e9; }

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// The parameters every run shares: all but the thread count, which each run sets.
QStringList sharedParams(const RunConfig& base) {
    QStringList out;
    for (const auto& [key, value] : base.params)
        if (key != scenarios::kThreadsParam) out << QStringLiteral("%1=%2").arg(QString::fromStdString(key)).arg(value);
    return out;
}

}  // namespace

QJsonObject compareJson(const QString& scenarioId, const RunConfig& base,
                        const std::vector<scenarios::CompareResult>& results) {
    QJsonObject params;
    for (const auto& [key, value] : base.params)
        if (key != scenarios::kThreadsParam) params[QString::fromStdString(key)] = static_cast<double>(value);
    QJsonArray runs;
    for (const scenarios::CompareResult& r : results) {
        QJsonArray busy;
        for (Nanos b : r.coreBusy) busy.append(seconds(b));
        // A program's runs have the threads it starts: no count to give.
        const QJsonValue threads = r.setting.threads == scenarios::kProgramsOwnThreads ? QJsonValue()
                                                                                     : QJsonValue(r.setting.threads);
        QJsonObject run{{"threads", threads},
                        {"gil", r.setting.gil},
                        {"cores", r.setting.cores},
                        {"status", qs(runStatusName(r.status))},
                        {"elapsed", seconds(r.elapsed)},
                        {"cpu_time", seconds(r.cpuTime)},
                        {"core_busy", busy},
                        {"gil_wait", seconds(r.gilWait)},
                        {"core_wait", seconds(r.coreWait)},
                        {"gil_handovers", r.gilHandovers}};
        const scenarios::CompareResult* one = scenarios::singleThreadBaseline(results, r.setting);
        if (one && r.elapsed > 0) run["speedup"] = static_cast<double>(one->elapsed) / static_cast<double>(r.elapsed);
        runs.append(run);
    }
    return QJsonObject{{"scenario", scenarioId},
                       {"policy", QString::fromStdString(policyName(base.policy))},
                       {"seed", static_cast<double>(base.seed)},
                       {"quantum", seconds(base.quantum)},
                       {"switch_interval", seconds(base.switchInterval)},
                       {"params", params},
                       {"runs", runs}};
}

QString compareTable(const QString& scenarioId, const RunConfig& base,
                     const std::vector<scenarios::CompareResult>& results) {
    QString out = QStringLiteral("%1: %2 runs, policy %3, seed %4")
                      .arg(scenarioId)
                      .arg(results.size())
                      .arg(QString::fromStdString(policyName(base.policy)))
                      .arg(base.seed);
    const QStringList params = sharedParams(base);
    if (!params.isEmpty()) out += QStringLiteral(", ") + params.join(' ');
    const bool program = !results.empty() && results.front().setting.threads == scenarios::kProgramsOwnThreads;
    out += program ? QStringLiteral("\nelapsed: virtual time of the whole run; speed-up: against the GIL on 1 core "
                                    "(CPython on one core); threads: the program's own; waiting: thread time spent "
                                    "ready to compute without the GIL or a core\n\n")
                   : QStringLiteral("\nelapsed: virtual time of the whole run; speed-up: against 1 thread with the "
                                    "same GIL and cores; waiting: thread time spent ready to compute without the GIL "
                                    "or a core\n\n");
    const QStringList header{"threads", "GIL", "cores", "elapsed", "speed-up", "CPU time", "waiting for GIL",
                             "waiting for core", "GIL hand-overs", "status", "busy per core"};
    // Right-aligned numbers under headers as wide as their titles.
    auto cell = [](const QString& text, const QString& title) { return text.rightJustified(title.size()) + "  "; };
    // The last column, one number per core, is as wide as the widest run needs; it comes last for that.
    constexpr int kStatusWidth = 10;  // "step-limit"
    for (int i = 0; i < 9; ++i) out += header[i] + "  ";
    out += header[9].leftJustified(kStatusWidth) + "  " + header[10] + "\n";
    auto secs = [](Nanos t) { return QStringLiteral("%1 s").arg(seconds(t), 0, 'f', 3); };
    for (const scenarios::CompareResult& r : results) {
        const scenarios::CompareResult* one = scenarios::singleThreadBaseline(results, r.setting);
        const QString speedup = one && r.elapsed > 0
                                    ? QStringLiteral("x%1").arg(double(one->elapsed) / double(r.elapsed), 0, 'f', 2)
                                    : QStringLiteral("-");
        QStringList busy;
        for (Nanos b : r.coreBusy) busy << QString::number(seconds(b), 'f', 3);
        QString row;
        row += cell(r.setting.threads == scenarios::kProgramsOwnThreads ? QStringLiteral("own")
                                                                        : QString::number(r.setting.threads),
                    header[0]);
        row += cell(r.setting.gil ? "on" : "off", header[1]);
        row += cell(QString::number(r.setting.cores), header[2]);
        row += cell(secs(r.elapsed), header[3]);
        row += cell(speedup, header[4]);
        row += cell(secs(r.cpuTime), header[5]);
        row += cell(r.setting.gil ? secs(r.gilWait) : "-", header[6]);
        row += cell(r.setting.gil ? "-" : secs(r.coreWait), header[7]);
        row += cell(r.setting.gil ? QString::number(r.gilHandovers) : "-", header[8]);
        row += qs(runStatusName(r.status)).leftJustified(kStatusWidth) + "  ";
        row += busy.join(' ');
        out += row + "\n";
    }
    return out;
}

}  // namespace lockstep::app
