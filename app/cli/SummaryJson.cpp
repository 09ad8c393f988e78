#include "cli/SummaryJson.h"

#include <QJsonArray>

#include <array>
#include <optional>

#include "lockstep/ReplayToken.h"
#include "lockstep/TraceAnalysis.h"

namespace lockstep::app {

namespace {

double seconds(Nanos t) { return static_cast<double>(t) / 1e9; }

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QString objectName(const Trace& trace, ObjectId o) {
    return o < trace.objectCount() ? QString::fromStdString(trace.object(o).name) : QString();
}

}  // namespace

QJsonObject summaryJson(const Trace& trace, const QString& scenarioId, const RunConfig& config, bool withEvents) {
    const RunOutcome& o = trace.outcome();
    QJsonObject root;
    root["scenario"] = scenarioId;
    root["policy"] = QString::fromStdString(policyName(config.policy));
    root["seed"] = static_cast<double>(config.seed);
    root["cores"] = config.cores;
    root["gil"] = config.gil;
    root["quantum"] = seconds(config.quantum);
    root["status"] = qs(runStatusName(o.status));
    if (!o.message.empty()) root["message"] = QString::fromStdString(o.message);
    root["end_time"] = seconds(o.endTime);
    root["steps"] = static_cast<double>(o.steps);
    root["switches"] = static_cast<double>(o.switches);

    QJsonArray actors;
    for (std::size_t a = 0; a < trace.actorCount(); ++a) {
        const ActorInfo& info = trace.actor(static_cast<ActorId>(a));
        actors.append(QJsonObject{{"name", QString::fromStdString(info.name)},
                                  {"kind", qs(actorKindName(info.kind))},
                                  {"daemon", info.daemon},
                                  {"tid", static_cast<double>(info.tid)},
                                  {"pid", static_cast<double>(info.pid)},
                                  {"end_state", qs(endStateName(info.endState))}});
    }
    root["actors"] = actors;

    QJsonObject shared;
    for (const FinalValue& v : o.shared) {
        const QString name = objectName(trace, v.object);
        bool ok = false;
        const double number = QString::fromStdString(v.text).toDouble(&ok);
        if (v.numeric && ok) shared[name] = number;
        else shared[name] = QString::fromStdString(v.text);
    }
    root["shared"] = shared;

    QJsonArray output, errors, events;
    // concurrent.futures.Future objects: the state each ended in, who ran it, what it returned or raised.
    struct FutureEnd {
        bool isFuture = false;
        FutureState state = FutureState::Pending;
        ActorId worker = kNoActor;
        QString outcome;
    };
    std::vector<FutureEnd> futures(trace.objectCount());
    for (ObjectId f = 0; f < trace.objectCount(); ++f) futures[f].isFuture = trace.object(f).kind == ObjectKind::Future;
    // asyncio tasks: the coroutine function (the Create event's text) and what the task returned or raised (its
    // Run event's text). Their final states come from TraceAnalysis::taskStates() below.
    struct TaskText {
        bool isTask = false;
        QString coro, result, exception;
    };
    std::vector<TaskText> tasks(trace.objectCount());
    bool anyTask = false;
    for (ObjectId t = 0; t < trace.objectCount(); ++t) {
        tasks[t].isTask = trace.object(t).kind == ObjectKind::AsyncTask;
        anyTask |= tasks[t].isTask;
    }
    // multiprocessing.Process objects: the actor each started as (its pid) and the exit code it ended with.
    struct ProcessEnd {
        bool isProcess = false;
        ActorId actor = kNoActor;
        std::optional<int> exitcode;
    };
    std::vector<ProcessEnd> processes(trace.objectCount());
    bool anyProcess = false;
    for (ObjectId p = 0; p < trace.objectCount(); ++p) {
        processes[p].isProcess = trace.object(p).kind == ObjectKind::Process;
        anyProcess |= processes[p].isProcess;
    }
    std::uint32_t step = 0;
    for (std::size_t i = 0; i < trace.eventCount(); ++i) {
        const TraceEvent& e = trace.event(i);
        if (e.flags & TraceEvent::StepStart) ++step;
        if (e.object < processes.size() && processes[e.object].isProcess) {
            if (e.op == Op::Start && e.arg >= 0) processes[e.object].actor = static_cast<ActorId>(e.arg);
            else if (e.op == Op::Exit) processes[e.object].exitcode = e.arg;
        }
        if (e.object < futures.size() && futures[e.object].isFuture) {
            if (const auto next = futureStateAfter(e)) {
                FutureEnd& f = futures[e.object];
                f.state = *next;
                if (*next == FutureState::Running) f.worker = e.actor;
                if (*next == FutureState::Finished || *next == FutureState::Failed) f.outcome = qs(trace.argText(e));
            }
        }
        const bool onTask = e.object < tasks.size() && tasks[e.object].isTask;
        if (onTask && (e.flags & TraceEvent::ArgIsString)) {
            TaskText& t = tasks[e.object];
            if (e.op == Op::Create) t.coro = qs(trace.argText(e));
            else if (e.op == Op::Run && e.result == Result::Done) t.result = qs(trace.argText(e));
            else if (e.op == Op::Run && e.result == Result::Error) t.exception = qs(trace.argText(e));
        }
        const QString actor = e.actor < trace.actorCount() ? QString::fromStdString(trace.actor(e.actor).name) : QString();
        // A task or asyncio future that raised ended itself, not its thread: it is listed under "tasks" with its
        // exception, and the thread's own death (if the exception reaches it) comes as the thread's Run event.
        const bool asyncEnd = e.op == Op::Run && e.object < trace.objectCount() &&
                              (trace.object(e.object).kind == ObjectKind::AsyncTask ||
                               trace.object(e.object).kind == ObjectKind::AsyncFuture);
        if (e.op == Op::Print) {
            QJsonObject line{{"t", seconds(e.time)}, {"actor", actor}, {"text", qs(trace.argText(e))}};
            if (e.flags & TraceEvent::ToStderr) line["stream"] = QStringLiteral("stderr");
            output.append(line);
        } else if (e.op == Op::Raise || (e.op == Op::Run && e.result == Result::Error && !asyncEnd)) {
            const QString text = qs(trace.argText(e));
            const qsizetype colon = text.indexOf(QStringLiteral(": "));
            const QString type = colon < 0 ? text : text.left(colon);
            const QString message = colon < 0 ? QString() : text.mid(colon + 2);
            if (e.op == Op::Run) {
                // The thread died of it: mark the matching raise, or list it when it was raised by scenario code.
                bool marked = false;
                for (qsizetype k = errors.size() - 1; k >= 0 && !marked; --k) {
                    QJsonObject prev = errors[k].toObject();
                    if (prev["actor"] == actor && prev["type"] == type && prev["message"] == message &&
                        !prev["uncaught"].toBool()) {
                        prev["uncaught"] = true;
                        errors[k] = prev;
                        marked = true;
                    }
                }
                if (marked) continue;
            }
            errors.append(QJsonObject{{"t", seconds(e.time)},
                                      {"actor", actor},
                                      {"type", type},
                                      {"message", message},
                                      {"object", objectName(trace, e.object)},
                                      {"uncaught", e.op == Op::Run}});
        }
        if (withEvents) {
            QJsonObject ev{{"step", static_cast<double>(step)},
                           {"t", seconds(e.time)},
                           {"actor", actor},
                           {"op", qs(opName(e.op))},
                           {"object", objectName(trace, e.object)},
                           {"result", qs(resultName(e.result))},
                           {"line", e.line}};
            if (e.flags & TraceEvent::ArgIsString) ev["text"] = qs(trace.argText(e));
            else if (e.op == Op::Switch && static_cast<std::size_t>(e.arg) < trace.actorCount())
                ev["from"] = QString::fromStdString(trace.actor(static_cast<ActorId>(e.arg)).name);
            else if (e.flags & TraceEvent::ArgIsMicros) ev["duration"] = e.arg / 1e6;
            else ev["arg"] = e.arg;
            if (e.op == Op::Work) ev["core"] = e.core;
            events.append(ev);
        }
    }
    root["output"] = output;
    root["errors"] = errors;
    QJsonArray futureList;
    for (ObjectId id = 0; id < futures.size(); ++id) {
        const FutureEnd& f = futures[id];
        if (!f.isFuture) continue;
        QJsonObject entry{{"name", objectName(trace, id)}, {"state", qs(futureStateName(f.state))}};
        if (f.worker < trace.actorCount()) entry["worker"] = QString::fromStdString(trace.actor(f.worker).name);
        if (f.state == FutureState::Finished) entry["result"] = f.outcome;
        if (f.state == FutureState::Failed) entry["exception"] = f.outcome;
        futureList.append(entry);
    }
    if (!futureList.isEmpty()) root["futures"] = futureList;  // runs without futures keep their old shape

    if (anyProcess) {  // runs without multiprocessing keep their old shape
        QJsonArray processList;
        for (ObjectId id = 0; id < processes.size(); ++id) {
            const ProcessEnd& p = processes[id];
            if (!p.isProcess) continue;
            // As Python's Process: pid None before start(), exitcode None until it ended (-N: signal N).
            processList.append(QJsonObject{
                {"name", objectName(trace, id)},
                {"pid", p.actor < trace.actorCount() ? QJsonValue(static_cast<double>(trace.actor(p.actor).pid)) : QJsonValue()},
                {"exitcode", p.exitcode ? QJsonValue(*p.exitcode) : QJsonValue()}});
        }
        root["processes"] = processList;
    }

    if (anyTask) {  // runs without asyncio keep their old shape
        const auto intervals = TraceAnalysis(trace).taskStates();
        std::array<int, static_cast<std::size_t>(TaskState::Count_)> counts{};
        QJsonArray taskList;
        for (ObjectId id = 0; id < tasks.size(); ++id) {
            const TaskText& t = tasks[id];
            if (!t.isTask) continue;
            const TaskState state = intervals[id].empty() ? TaskState::Pending : intervals[id].back().state;
            ++counts[static_cast<std::size_t>(state)];
            const auto orNull = [](const QString& s) { return s.isNull() ? QJsonValue() : QJsonValue(s); };
            taskList.append(QJsonObject{{"name", objectName(trace, id)},
                                        {"coro", orNull(t.coro)},
                                        {"state", qs(taskStateName(state))},
                                        {"result", state == TaskState::Done ? orNull(t.result) : QJsonValue()},
                                        {"exception", state == TaskState::Failed ? orNull(t.exception) : QJsonValue()}});
        }
        QJsonObject taskCounts;
        for (std::size_t s = 0; s < counts.size(); ++s)
            taskCounts[qs(taskStateName(static_cast<TaskState>(s)))] = counts[s];
        root["tasks"] = taskList;
        root["task_counts"] = taskCounts;
    }

    if (o.status == RunStatus::Deadlock && o.deadlockCycle >= 0 &&
        static_cast<std::size_t>(o.deadlockCycle) < trace.cycles().size()) {
        const DeadlockCycle& c = trace.cycles()[static_cast<std::size_t>(o.deadlockCycle)];
        QJsonArray cycle;
        for (std::size_t i = 0; i < c.actors.size(); ++i) {
            const ActorId holder = c.actors[(i + 1) % c.actors.size()];
            cycle.append(QJsonObject{{"actor", QString::fromStdString(trace.actor(c.actors[i]).name)},
                                     {"waits_for", objectName(trace, c.objects[i])},
                                     {"held_by", QString::fromStdString(trace.actor(holder).name)}});
        }
        root["deadlock"] = QJsonObject{{"cycle", cycle}, {"step", static_cast<double>(c.step)}};
    }
    QJsonArray races;
    for (const DataRace& r : trace.races()) {
        auto access = [&](const DataRace::Access& a) {
            return QJsonObject{{"step", static_cast<double>(a.step)},
                               {"actor", QString::fromStdString(trace.actor(a.actor).name)},
                               {"access", a.write ? QStringLiteral("store") : QStringLiteral("load")}};
        };
        races.append(QJsonObject{{"object", objectName(trace, r.object)}, {"first", access(r.first)}, {"second", access(r.second)}});
    }
    root["races"] = races;
    root["replay"] = QString::fromStdString(encodeReplayToken(scenarioId.toStdString(), config, trace.decisions()));
    if (withEvents) root["events"] = events;
    return root;
}

}  // namespace lockstep::app
