#pragma once
// The `compare` command's output: a table for people and a JSON object for programs, from the same results.

#include <QJsonObject>
#include <QString>

#include <vector>

#include "lockstep/RunConfig.h"
#include "lockstep/scenarios/Compare.h"

namespace lockstep::app {

// {scenario, policy, seed, quantum, switch_interval, params (those every run shares), runs: [{threads, gil,
// cores, status, elapsed, speedup (vs 1 thread with the same GIL and cores, when that was run), cpu_time,
// core_busy [per core], gil_wait, core_wait, gil_handovers}]}. Times in virtual seconds.
QJsonObject compareJson(const QString& scenarioId, const RunConfig& base,
                        const std::vector<scenarios::CompareResult>& results);
// One line per run under a header, times in seconds with three decimals.
QString compareTable(const QString& scenarioId, const RunConfig& base,
                     const std::vector<scenarios::CompareResult>& results);

}  // namespace lockstep::app
