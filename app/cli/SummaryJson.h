#pragma once

#include <QJsonObject>
#include <QString>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"

namespace lockstep::app {

// The `run --summary` object: settings, status, actors, final shared values, output, errors, deadlock cycle,
// replay token, and (withEvents) every event with Python's operation names. Runs with concurrent.futures add
// `futures`; runs with asyncio add `tasks` (each task's coroutine, final state, result or exception) and
// `task_counts` (tasks per final state); runs with multiprocessing add `processes` (each child's name, pid and
// exit code, null while it has none). The command line's `run --summary` calls this on the finished trace.
QJsonObject summaryJson(const Trace& trace, const QString& scenarioId, const RunConfig& config, bool withEvents);

}  // namespace lockstep::app
