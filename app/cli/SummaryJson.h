#pragma once

#include <QJsonObject>
#include <QString>

#include "lockstep/RunConfig.h"
#include "lockstep/Trace.h"

namespace lockstep::app {

// The `run --summary` object: settings, status, actors, final shared values, output, errors, deadlock cycle,
// replay token, and (withEvents) every event with Python's operation names.
QJsonObject summaryJson(const Trace& trace, const QString& scenarioId, const RunConfig& config, bool withEvents);

}  // namespace lockstep::app
