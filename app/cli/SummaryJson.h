#pragma once

#include <QJsonObject>
#include <QString>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"
#include "lockstep/Verdict.h"

namespace lockstep {
class TraceModel;
}

namespace lockstep::app {

// The `run --summary` object: settings, status, actors, final shared values, output, errors, deadlock cycle,
// replay token, and (withEvents) every event with Python's operation names. Runs with concurrent.futures add
// `futures`; runs with asyncio add `tasks` (each task's coroutine, final state, result or exception) and
// `task_counts` (tasks per final state); runs with multiprocessing add `processes` (each child's name, pid and
// exit code, null while it has none). The command line's `run --summary` calls this on the finished trace.
QJsonObject summaryJson(const Trace& trace, const QString& scenarioId, const RunConfig& config, bool withEvents);

// The `verdict` object of `run --summary`: kind (of the most telling item: as_sequential, lost_update, differs,
// deadlock, stuck, unfinished, uncaught_error, data_race, no_sequential, finished) and the steps it points at,
// sentences (every item in words, in the installed language), items (each with its kind, steps and what it
// names), and sequential (how the run one after the other ended and its final values; null when it was not run).
QJsonObject verdictJson(const Verdict& verdict, const TraceModel& model);

}  // namespace lockstep::app
