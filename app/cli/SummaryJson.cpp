#include "cli/SummaryJson.h"

#include <QJsonArray>

#include <array>

#include "lockstep/ReplayToken.h"
#include "lockstep/TraceModel.h"
#include "view/VerdictText.h"

namespace lockstep::app {

namespace {

double seconds(Nanos t) { return static_cast<double>(t) / 1e9; }

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QString objectName(const Trace& trace, ObjectId o) {
    return o < trace.objectCount() ? QString::fromStdString(trace.object(o).name) : QString();
}

// A final value as `shared` writes it: a number when it is one, else its text.
QJsonValue valueJson(const std::string& text, bool numeric) {
    bool ok = false;
    const double number = QString::fromStdString(text).toDouble(&ok);
    if (numeric && ok) return number;
    return QString::fromStdString(text);
}

QString verdictKindName(const VerdictItem& item) {
    switch (item.kind) {
        case VerdictKind::AsSequential: return QStringLiteral("as_sequential");
        case VerdictKind::Differs: return item.lost ? QStringLiteral("lost_update") : QStringLiteral("differs");
        case VerdictKind::Deadlock: return QStringLiteral("deadlock");
        case VerdictKind::Stuck: return QStringLiteral("stuck");
        case VerdictKind::Unfinished: return QStringLiteral("unfinished");
        case VerdictKind::Uncaught: return QStringLiteral("uncaught_error");
        case VerdictKind::Race: return QStringLiteral("data_race");
        case VerdictKind::NoSequential: return QStringLiteral("no_sequential");
        case VerdictKind::Finished: return QStringLiteral("finished");
        case VerdictKind::Count_: break;
    }
    return {};
}

// The steps an item points at, earliest first.
QJsonArray itemSteps(const VerdictItem& item) {
    QJsonArray steps;
    if ((item.kind == VerdictKind::Differs && item.lost) || item.kind == VerdictKind::Race)
        steps.append(static_cast<double>(item.otherStep));
    if (item.step > 0) steps.append(static_cast<double>(item.step));
    return steps;
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

    // What the run printed, raised and ended with, as the derivation says (the trace is final here).
    const TraceModel model(trace);
    const RunState& last = model.head();
    const auto actorName = [&trace](ActorId a) {
        return a < trace.actorCount() ? QString::fromStdString(trace.actor(a).name) : QString();
    };
    QJsonArray output, errors, events;
    for (const OutputLine& line : model.output()) {
        QJsonObject entry{{"t", seconds(line.time)}, {"actor", actorName(line.actor)},
                          {"text", QString::fromStdString(model.text(line.text))}};
        if (line.toStderr) entry["stream"] = QStringLiteral("stderr");
        output.append(entry);
    }
    // A task or asyncio future that raised ended itself, not its thread: it is listed under "tasks" with its
    // exception, and the thread's own death (if the exception reaches it) is an uncaught error here.
    for (const RaisedError& e : last.errors()) {
        const QString text = QString::fromStdString(model.text(e.text));
        const qsizetype colon = text.indexOf(QStringLiteral(": "));
        errors.append(QJsonObject{{"t", seconds(e.time)},
                                  {"actor", actorName(e.actor)},
                                  {"type", colon < 0 ? text : text.left(colon)},
                                  {"message", colon < 0 ? QString() : text.mid(colon + 2)},
                                  {"object", objectName(trace, e.object)},
                                  {"uncaught", e.uncaught}});
    }
    if (withEvents) {
        std::uint32_t step = 0;
        for (std::size_t i = 0; i < trace.eventCount(); ++i) {
            const TraceEvent& e = trace.event(i);
            if (e.flags & TraceEvent::StepStart) ++step;
            QJsonObject ev{{"step", static_cast<double>(step)},
                           {"t", seconds(e.time)},
                           {"actor", actorName(e.actor)},
                           {"op", qs(opName(e.op))},
                           {"object", objectName(trace, e.object)},
                           {"result", qs(resultName(e.result))},
                           {"line", e.line}};
            // The argument in the words its flags give: a text, a duration, or a number (a switch's is the
            // thread that ran before, a CPU burst's core is where it ran).
            if (e.flags & TraceEvent::ArgIsString) ev["text"] = qs(trace.argText(e));
            else if (e.op == Op::Switch && static_cast<std::size_t>(e.arg) < trace.actorCount())
                ev["from"] = actorName(static_cast<ActorId>(e.arg));
            else if (e.flags & TraceEvent::ArgIsMicros) ev["duration"] = e.arg / 1e6;
            else ev["arg"] = e.arg;
            if (e.op == Op::Work) ev["core"] = e.core;
            // A load's or store's value under one name whatever its type: a number, or the text of a string.
            if ((e.op == Op::Load || e.op == Op::Store) && e.result == Result::Ok) {
                if (e.flags & TraceEvent::ArgIsString) ev["value"] = qs(trace.argText(e));
                else ev["value"] = static_cast<double>(e.arg);
            }
            events.append(ev);
        }
    }
    root["output"] = output;
    root["errors"] = errors;
    QJsonArray futureList, processList, taskList;
    std::array<int, static_cast<std::size_t>(TaskState::Count_)> counts{};
    bool anyProcess = false, anyTask = false;
    for (ObjectId id = 0; id < trace.objectCount(); ++id) {
        const ObjectKind kind = trace.object(id).kind;
        const ObjectNow& now = last.object(id);
        if (kind == ObjectKind::Future) {
            // concurrent.futures.Future: the state it ended in, who ran it, what it returned or raised.
            QJsonObject entry{{"name", objectName(trace, id)}, {"state", qs(futureStateName(now.future))}};
            if (now.actor < trace.actorCount()) entry["worker"] = actorName(now.actor);
            if (now.future == FutureState::Finished) entry["result"] = QString::fromStdString(model.text(now.value));
            if (now.future == FutureState::Failed) entry["exception"] = QString::fromStdString(model.text(now.value));
            futureList.append(entry);
        } else if (kind == ObjectKind::Process) {
            // As Python's Process: pid None before start(), exitcode None until it ended (-N: signal N).
            anyProcess = true;
            processList.append(QJsonObject{
                {"name", objectName(trace, id)},
                {"pid", now.actor < trace.actorCount() ? QJsonValue(static_cast<double>(trace.actor(now.actor).pid))
                                                       : QJsonValue()},
                {"exitcode", now.exited ? QJsonValue(now.exitCode) : QJsonValue()}});
        } else if (kind == ObjectKind::AsyncTask) {
            anyTask = true;
            const TaskState state = now.task;
            ++counts[static_cast<std::size_t>(state)];
            const auto text = [&](const EventText& t) {
                return t.kind == EventText::Kind::String ? QJsonValue(QString::fromStdString(model.text(t))) : QJsonValue();
            };
            taskList.append(QJsonObject{{"name", objectName(trace, id)},
                                        {"coro", text(now.coroutine)},
                                        {"state", qs(taskStateName(state))},
                                        {"result", state == TaskState::Done ? text(now.value) : QJsonValue()},
                                        {"exception", state == TaskState::Failed ? text(now.value) : QJsonValue()}});
        }
    }
    if (!futureList.isEmpty()) root["futures"] = futureList;  // runs without futures keep their old shape
    if (anyProcess) root["processes"] = processList;           // as do runs without multiprocessing
    if (anyTask) {                                             // and without asyncio
        QJsonObject taskCounts;
        for (std::size_t st = 0; st < counts.size(); ++st)
            taskCounts[qs(taskStateName(static_cast<TaskState>(st)))] = counts[st];
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

QJsonObject verdictJson(const Verdict& verdict, const TraceModel& model) {
    const Trace& trace = *model.trace();
    const auto actorName = [&trace](ActorId a) {
        return a < trace.actorCount() ? QString::fromStdString(trace.actor(a).name) : QString();
    };
    QJsonArray items, sentences;
    for (const VerdictItem& item : verdict.items) {
        sentences.append(VerdictText::sentence(item, verdict, model));
        QJsonObject entry{{"kind", verdictKindName(item)}, {"steps", itemSteps(item)}};
        switch (item.kind) {
            case VerdictKind::Differs:
                entry["object"] = objectName(trace, item.object);
                entry["value"] = valueJson(item.value, item.numeric);
                entry["sequential"] = valueJson(item.sequentialValue, item.numeric);
                if (item.lost) {
                    entry["lost_store"] = QJsonObject{{"actor", actorName(item.other)},
                                                      {"step", static_cast<double>(item.otherStep)}};
                    entry["overwritten_by"] = QJsonObject{{"actor", actorName(item.actor)},
                                                          {"step", static_cast<double>(item.step)}};
                    entry["lost_count"] = static_cast<double>(item.lostCount);
                } else if (item.step > 0) {
                    entry["last_store"] = QJsonObject{{"actor", actorName(item.actor)},
                                                      {"step", static_cast<double>(item.step)}};
                }
                break;
            case VerdictKind::Deadlock:
            case VerdictKind::Stuck: {
                QJsonArray waits;
                for (std::size_t i = 0; i < item.actors.size(); ++i)
                    waits.append(QJsonObject{{"actor", actorName(item.actors[i])},
                                             {"waits_for", i < item.objects.size() ? objectName(trace, item.objects[i])
                                                                                   : QString()}});
                entry["waits"] = waits;
                break;
            }
            case VerdictKind::Unfinished:
            case VerdictKind::NoSequential:
                entry["status"] = qs(runStatusName(item.status));
                if (!item.message.empty()) entry["message"] = QString::fromStdString(item.message);
                if (item.kind == VerdictKind::NoSequential) entry["waits_for_later"] = item.waitsForLater;
                break;
            case VerdictKind::Uncaught:
                entry["actor"] = actorName(item.actor);
                entry["exception"] = QString::fromStdString(item.value);
                break;
            case VerdictKind::Race:
                entry["object"] = objectName(trace, item.object);
                entry["first"] = QJsonObject{{"actor", actorName(item.other)},
                                             {"step", static_cast<double>(item.otherStep)},
                                             {"access", item.otherWrote ? QStringLiteral("store") : QStringLiteral("load")}};
                entry["second"] = QJsonObject{{"actor", actorName(item.actor)},
                                              {"step", static_cast<double>(item.step)},
                                              {"access", item.write ? QStringLiteral("store") : QStringLiteral("load")}};
                break;
            case VerdictKind::AsSequential:
            case VerdictKind::Finished:
            case VerdictKind::Count_:
                break;
        }
        items.append(entry);
    }
    QJsonObject root{{"kind", verdict.items.empty() ? QString() : verdictKindName(verdict.items.front())},
                     {"steps", verdict.items.empty() ? QJsonArray() : itemSteps(verdict.items.front())},
                     {"sentences", sentences},
                     {"items", items}};
    if (verdict.compared) {
        QJsonObject shared;
        for (const SequentialValue& v : verdict.sequential)
            shared[QString::fromStdString(v.name)] = valueJson(v.text, v.numeric);
        root["sequential"] = QJsonObject{{"status", qs(runStatusName(verdict.sequentialStatus))}, {"shared", shared}};
    } else {
        root["sequential"] = QJsonValue();
    }
    return root;
}

}  // namespace lockstep::app
