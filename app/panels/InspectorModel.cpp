#include "panels/InspectorModel.h"

#include <QBrush>

#include <string.h>  // sigabbrev_np

#include <array>
#include <string>
#include <unordered_map>

#include "style/Palette.h"
#include "style/StateNames.h"

namespace lockstep::app {

namespace {

// Which group an object is listed in; -1 for objects the inspector does not list (threads, timers,
// thread-locals: the code view and the wait-for graph show those).
int groupOf(ObjectKind kind) {
    switch (kind) {
        case ObjectKind::Shared: return InspectorModel::SharedGroup;
        case ObjectKind::Lock:
        case ObjectKind::RLock:
        case ObjectKind::Gil: return InspectorModel::LockGroup;
        case ObjectKind::Semaphore:
        case ObjectKind::BoundedSemaphore: return InspectorModel::SemaphoreGroup;
        case ObjectKind::Queue: return InspectorModel::QueueGroup;
        case ObjectKind::Event: return InspectorModel::EventGroup;
        case ObjectKind::Condition:
        case ObjectKind::Barrier: return InspectorModel::ConditionGroup;
        case ObjectKind::Future: return InspectorModel::FutureGroup;
        // asyncio's primitives with their threading namesakes: a learner compares them side by side.
        case ObjectKind::AsyncLock: return InspectorModel::LockGroup;
        case ObjectKind::AsyncSemaphore: return InspectorModel::SemaphoreGroup;
        case ObjectKind::AsyncQueue: return InspectorModel::QueueGroup;
        case ObjectKind::AsyncEvent: return InspectorModel::EventGroup;
        case ObjectKind::AsyncTask: return InspectorModel::TaskGroup;
        // multiprocessing: its queue and shared memory next to threading's, processes and pipes on their own.
        case ObjectKind::ProcessQueue: return InspectorModel::QueueGroup;
        case ObjectKind::SharedValue:
        case ObjectKind::SharedArray: return InspectorModel::SharedGroup;
        case ObjectKind::Process: return InspectorModel::ProcessGroup;
        case ObjectKind::Connection: return InspectorModel::PipeGroup;
        default: return -1;
    }
}

bool isAsyncPrimitive(ObjectKind kind) {
    return kind == ObjectKind::AsyncLock || kind == ObjectKind::AsyncSemaphore || kind == ObjectKind::AsyncQueue ||
           kind == ObjectKind::AsyncEvent;
}

// "SIGTERM", as Python's signal module names signal 15.
QString signalName(int signal) {
    if (const char* abbrev = sigabbrev_np(signal)) return QStringLiteral("SIG") + QString::fromLatin1(abbrev);
    return QString::number(signal);
}

QString fromStd(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

// Long lists (10,000 tasks awaiting one event) are cut for the details column; the roles keep them whole.
constexpr int kNamesShown = 5;

// Group rows have internal id 0; an item's internal id is its group + 1; a task under coroutine row k of the
// grouped Tasks group has GroupCount + 1 + k.
constexpr quintptr kGroupId = 0;
constexpr quintptr kTaskRowId = InspectorModel::TaskGroup + 1;
constexpr quintptr kFirstCoroutineId = InspectorModel::GroupCount + 1;

}  // namespace

InspectorModel::InspectorModel(QObject* parent) : QAbstractItemModel(parent) {}

InspectorModel::Item InspectorModel::taskItem(const TraceModel& model, const RunState& state, ObjectId task) const {
    const auto objectName = [&model](ObjectId o) {
        return o < model.objectCount() ? QString::fromStdString(model.object(o).name) : QString();
    };
    const ObjectNow& t = state.object(task);
    Item item;
    item.object = task;
    item.kind = ObjectKind::AsyncTask;
    item.name = objectName(task);
    item.taskState = t.task;
    item.state = fromStd(taskStateName(item.taskState));
    item.value = style::StateNames::task(item.taskState);
    item.coroutine = QString::fromStdString(model.text(t.coroutine));
    item.awaits = objectName(t.awaited);
    item.sleepMicros = t.sleepMicros;
    item.hasTimeout = t.hasTimeout;
    item.outcome = QString::fromStdString(model.text(t.value));
    for (ObjectId w : t.waitingTasks) item.waiters << objectName(w);
    return item;
}

void InspectorModel::update(const TraceModel* model, const RunState* runState, bool showInternals) {
    std::vector<std::vector<Item>> next(GroupCount);
    std::vector<std::vector<Item>> nextCoroutines;
    if (model && runState) {
        const TraceModel& m = *model;
        const RunState& state = *runState;
        const auto name = [&m](ActorId a) {
            return a < m.actorCount() ? QString::fromStdString(m.actor(a).name) : QString();
        };
        const auto names = [&](const std::vector<ActorId>& actors) {
            QStringList out;
            for (ActorId a : actors) out << name(a);
            return out;
        };
        const auto objectName = [&m](ObjectId o) {
            return o < m.objectCount() ? QString::fromStdString(m.object(o).name) : QString();
        };
        const auto objectNames = [&](const std::vector<ObjectId>& objects) {
            QStringList out;
            for (ObjectId o : objects) out << objectName(o);
            return out;
        };
        const auto texts = [&m](const std::vector<QueuedItem>& items) {
            QStringList out;
            for (const QueuedItem& i : items) out << QString::fromStdString(m.text(i.text));
            return out;
        };
        std::vector<ObjectId> tasks;
        for (ObjectId o : state.created()) {
            if (o >= m.objectCount()) continue;
            const ObjectInfo& info = m.object(o);
            const int g = groupOf(info.kind);
            if (g < 0 || (info.internal && !showInternals)) continue;
            if (g == TaskGroup) {
                tasks.push_back(o);
                continue;
            }
            const ObjectNow& now = state.object(o);
            const bool async = isAsyncPrimitive(info.kind);
            Item item;
            item.object = o;
            item.kind = info.kind;
            item.name = QString::fromStdString(info.name);
            // asyncio primitives are awaited by tasks; the loop's thread itself never waits on them.
            item.waiters = async ? objectNames(now.waitingTasks) : names(now.waiters);
            switch (g) {
                case SharedGroup:
                    item.value = QString::fromStdString(m.text(now.value));
                    if (now.writer != kNoActor) {
                        item.writer = name(now.writer);
                        item.step = static_cast<int>(now.writeStep);
                    }
                    break;
                case ProcessGroup: {
                    const ActorId actor = now.actor;
                    item.pid = actor < m.actorCount() ? m.actor(actor).pid : 0;
                    if (now.exited) item.exitCode = now.exitCode;
                    item.alive = actor != kNoActor && !now.exited;
                    item.signal = now.signal;
                    item.signalledBy = now.signalledBy == kNoActor ? QString() : name(now.signalledBy);
                    // Python's own words for a process's state, as its repr shows them.
                    item.state = !now.exited ? (actor == kNoActor ? QStringLiteral("initial") : QStringLiteral("started"))
                                             : QStringLiteral("stopped");
                    if (now.exited && now.exitCode < 0) item.value = tr("exit %1 (%2)").arg(now.exitCode).arg(signalName(-now.exitCode));
                    else if (now.exited) item.value = tr("exit %1").arg(now.exitCode);
                    else item.value = actor == kNoActor ? style::StateNames::actor(ActorState::NotStarted) : tr("alive");
                    item.count = item.alive ? 1 : 0;
                    break;
                }
                case PipeGroup: {
                    item.items = texts(now.items);
                    item.count = static_cast<int>(item.items.size());
                    item.value = tr("%n unread", nullptr, item.count);
                    item.peer = objectName(now.peer);
                    item.closed = now.flag;
                    break;
                }
                case LockGroup:
                    if (async) {
                        item.owner = objectName(now.holderTask);
                        item.count = item.owner.isEmpty() ? 0 : 1;
                    } else {
                        item.owner = now.held.holder == kNoActor ? QString() : name(now.held.holder);
                        item.count = now.held.holder == kNoActor ? 0 : now.count;
                    }
                    item.value = item.owner.isEmpty() ? tr("free") : tr("held by %1").arg(item.owner);
                    break;
                case SemaphoreGroup:
                    item.count = now.count;
                    item.value = QString::number(item.count);
                    if (async) item.holders = objectNames(now.holderTasks);
                    else
                        for (const SlotHold& h : now.slotHolds) item.holders << (h.holder == kNoActor ? QString() : name(h.holder));
                    break;
                case QueueGroup:
                    // An asyncio.Queue's trace gives its size, not its items.
                    item.items = texts(now.items);
                    item.count = async ? now.count : static_cast<int>(item.items.size());
                    item.value = info.param > 0 ? QStringLiteral("%1/%2").arg(item.count).arg(info.param)
                                                : QString::number(item.count);
                    break;
                case EventGroup:
                    item.flag = now.flag;
                    item.value = item.flag ? tr("set") : tr("clear");
                    break;
                case FutureGroup: {
                    const FutureState fs = now.future;
                    item.state = QString::fromUtf8(futureStateName(fs).data());
                    item.worker = name(now.actor);
                    const QString outcome = QString::fromStdString(m.text(now.value));
                    switch (fs) {
                        case FutureState::Pending: item.value = style::StateNames::future(fs); break;
                        case FutureState::Running: item.value = tr("running on %1").arg(item.worker); break;
                        case FutureState::Finished: item.value = tr("result %1").arg(outcome); break;
                        case FutureState::Failed: item.value = tr("raised %1").arg(outcome); break;
                        case FutureState::Cancelled:
                        case FutureState::Count_: item.value = style::StateNames::future(FutureState::Cancelled); break;
                    }
                    break;
                }
                case ConditionGroup:
                    item.count = static_cast<int>(item.waiters.size());
                    item.value = info.kind == ObjectKind::Barrier
                                     ? tr("%1 of %2 waiting").arg(item.count).arg(info.param)
                                     : tr("%n waiting", nullptr, item.count);
                    break;
            }
            next[static_cast<std::size_t>(g)].push_back(std::move(item));
        }
        auto& taskRows = next[TaskGroup];
        if (static_cast<int>(tasks.size()) <= kTaskRowsBeforeGrouping) {
            for (ObjectId t : tasks) taskRows.push_back(taskItem(m, state, t));
        } else {
            // One row per coroutine function, in the order each first appears, with its tasks under it.
            std::unordered_map<std::string, std::size_t> rowOf;
            std::vector<std::array<int, static_cast<std::size_t>(TaskState::Count_)>> counts;
            for (ObjectId t : tasks) {
                const std::string coro = m.text(state.object(t).coroutine);
                auto [it, added] = rowOf.emplace(coro, taskRows.size());
                if (added) {
                    Item row;
                    row.kind = ObjectKind::AsyncTask;
                    row.coroutine = QString::fromStdString(coro);
                    row.name = coro.empty() ? tr("(unknown coroutine)") : row.coroutine + QStringLiteral("()");
                    taskRows.push_back(std::move(row));
                    nextCoroutines.emplace_back();
                    counts.emplace_back();
                }
                Item task = taskItem(m, state, t);
                task.showCoroutine = false;
                ++counts[it->second][static_cast<std::size_t>(task.taskState)];
                nextCoroutines[it->second].push_back(std::move(task));
            }
            for (std::size_t r = 0; r < taskRows.size(); ++r) {
                Item& row = taskRows[r];
                row.count = static_cast<int>(nextCoroutines[r].size());
                row.value = row.count == 1 ? tr("1 task") : tr("%n tasks", nullptr, row.count);
                for (std::size_t st = 0; st < counts[r].size(); ++st)
                    if (counts[r][st] > 0)
                        row.stateCounts.insert(fromStd(taskStateName(static_cast<TaskState>(st))), counts[r][st]);
            }
        }
        // A Python program's frames (as Python Tutor shows them): per thread, the function it is in and its
        // locals, one row each.
        for (ActorId a = 0; a < state.actorCount() && a < m.actorCount(); ++a) {
            const EventText& locals = state.actor(a).locals;
            const QString text = locals.empty() ? QString() : QString::fromStdString(m.text(locals));
            if (text.isEmpty()) continue;
            const qsizetype colon = text.indexOf(QLatin1Char(':'));
            Item item;
            item.actor = name(a);
            item.name = item.actor;
            item.coroutine = colon < 0 ? QString() : text.left(colon);  // the function
            item.value = colon < 0 ? text : text.mid(colon + 1).trimmed();
            next[LocalsGroup].push_back(std::move(item));
        }
        // The races found by the cursor step: a race is found at its later access.
        for (const DataRace& r : m.races()) {
            if (r.second.step > state.step() || r.object >= m.objectCount()) continue;
            Item item;
            item.object = r.object;
            item.kind = m.object(r.object).kind;
            item.name = objectName(r.object);
            item.writer = name(r.second.actor);
            item.step = static_cast<int>(r.second.step);
            item.write = r.second.write;
            item.otherActor = name(r.first.actor);
            item.otherStep = static_cast<int>(r.first.step);
            item.otherWrite = r.first.write;
            const auto access = [](bool write, const QString& who) {
                return write ? tr("%1's store").arg(who) : tr("%1's load").arg(who);
            };
            item.value = tr("%1 at step %2, then %3 at step %4")
                             .arg(access(item.otherWrite, item.otherActor))
                             .arg(item.otherStep)
                             .arg(access(item.write, item.writer))
                             .arg(item.step);
            next[RaceGroup].push_back(std::move(item));
        }
        for (const RaisedError& e : state.errors()) {
            Item item;
            item.time = toSeconds(e.time);
            item.actor = name(e.actor);
            item.message = QString::fromStdString(m.text(e.text));
            item.name = QStringLiteral("%1 s  %2").arg(item.time, 0, 'f', 3).arg(item.actor);
            item.value = item.message;
            next[ErrorGroup].push_back(std::move(item));
        }
    }
    const auto sameRows = [](const std::vector<Item>& a, const std::vector<Item>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].object != b[i].object || a[i].actor != b[i].actor || (a[i].object == kNoObject && a[i].coroutine != b[i].coroutine) ||
                a[i].otherStep != b[i].otherStep)
                return false;
        return true;
    };
    bool sameShape = coroutines_.size() == nextCoroutines.size();
    for (int g = 0; g < GroupCount && sameShape; ++g) sameShape = sameRows(group(g), next[static_cast<std::size_t>(g)]);
    for (std::size_t r = 0; r < nextCoroutines.size() && sameShape; ++r)
        sameShape = sameRows(coroutines_[r], nextCoroutines[r]);
    if (!sameShape) {
        beginResetModel();
        groups_ = std::move(next);
        coroutines_ = std::move(nextCoroutines);
        endResetModel();
        return;
    }
    groups_ = std::move(next);
    coroutines_ = std::move(nextCoroutines);
    for (int g = 0; g < GroupCount; ++g) {
        emit dataChanged(index(g, 0), index(g, ColumnCount - 1));  // group rows show a count
        if (!group(g).empty()) {
            const QModelIndex parent = index(g, 0);
            emit dataChanged(index(0, 0, parent), index(static_cast<int>(group(g).size()) - 1, ColumnCount - 1, parent));
        }
    }
    for (std::size_t r = 0; r < coroutines_.size(); ++r) {
        if (coroutines_[r].empty()) continue;
        const QModelIndex parent = index(static_cast<int>(r), 0, index(TaskGroup, 0));
        emit dataChanged(index(0, 0, parent), index(static_cast<int>(coroutines_[r].size()) - 1, ColumnCount - 1, parent));
    }
}

void InspectorModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emit dataChanged(index(0, 0), index(GroupCount - 1, ColumnCount - 1));
}

QModelIndex InspectorModel::indexOfObject(ObjectId object) const {
    if (object == kNoObject) return {};
    for (int g = 0; g < GroupCount; ++g)
        for (std::size_t i = 0; i < group(g).size(); ++i)
            if (group(g)[i].object == object) return index(static_cast<int>(i), 0, index(g, 0));
    for (std::size_t r = 0; r < coroutines_.size(); ++r)
        for (std::size_t i = 0; i < coroutines_[r].size(); ++i)
            if (coroutines_[r][i].object == object)
                return index(static_cast<int>(i), 0, index(static_cast<int>(r), 0, index(TaskGroup, 0)));
    return {};
}

int InspectorModel::groupCount(int g) const {
    if (g != TaskGroup || !tasksGrouped()) return static_cast<int>(group(g).size());
    int tasks = 0;  // the tasks, not their coroutine rows
    for (const auto& c : coroutines_) tasks += static_cast<int>(c.size());
    return tasks;
}

const InspectorModel::Item* InspectorModel::itemAt(const QModelIndex& index) const {
    const quintptr id = index.internalId();
    const auto row = static_cast<std::size_t>(index.row());
    if (id == kGroupId) return nullptr;
    if (id < kFirstCoroutineId) {
        const auto& items = group(static_cast<int>(id - 1));
        return row < items.size() ? &items[row] : nullptr;
    }
    const std::size_t r = id - kFirstCoroutineId;
    return r < coroutines_.size() && row < coroutines_[r].size() ? &coroutines_[r][row] : nullptr;
}

QModelIndex InspectorModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0) return {};
    if (!parent.isValid()) return row < GroupCount ? createIndex(row, column, kGroupId) : QModelIndex();
    if (parent.internalId() == kTaskRowId && tasksGrouped()) {  // a task under its coroutine row
        const auto r = static_cast<std::size_t>(parent.row());
        if (r >= coroutines_.size() || row >= static_cast<int>(coroutines_[r].size())) return {};
        return createIndex(row, column, kFirstCoroutineId + r);
    }
    if (parent.internalId() != kGroupId || parent.row() >= GroupCount) return {};
    if (row >= static_cast<int>(group(parent.row()).size())) return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex InspectorModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kGroupId) return {};
    if (child.internalId() >= kFirstCoroutineId)
        return createIndex(static_cast<int>(child.internalId() - kFirstCoroutineId), 0, kTaskRowId);
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int InspectorModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return GroupCount;
    if (parent.column() != 0) return 0;
    if (parent.internalId() == kTaskRowId && tasksGrouped()) {
        const auto r = static_cast<std::size_t>(parent.row());
        return r < coroutines_.size() ? static_cast<int>(coroutines_[r].size()) : 0;
    }
    if (parent.internalId() != kGroupId) return 0;
    return static_cast<int>(group(parent.row()).size());
}

int InspectorModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QString InspectorModel::groupTitle(int g) const {
    switch (g) {
        case SharedGroup: return tr("Shared variables");
        case LocalsGroup: return tr("Local variables (by thread)");
        case LockGroup: return tr("Locks");
        case SemaphoreGroup: return tr("Semaphores");
        case QueueGroup: return tr("Queues");
        case EventGroup: return tr("Events");
        case ConditionGroup: return tr("Conditions and barriers");
        case FutureGroup: return tr("Futures");
        case TaskGroup: return tr("Tasks (asyncio)");
        case ProcessGroup: return tr("Processes");
        case PipeGroup: return tr("Pipes (connection ends)");
        case RaceGroup: return tr("Data races");
        case ErrorGroup: return tr("Errors");
    }
    return {};
}

namespace {

QString joinCapped(const QStringList& names) {
    if (names.size() <= kNamesShown) return names.join(QStringLiteral(", "));
    return InspectorModel::tr("%1 and %n more", nullptr, static_cast<int>(names.size() - kNamesShown))
        .arg(names.mid(0, kNamesShown).join(QStringLiteral(", ")));
}

}  // namespace

QString InspectorModel::taskDetails(const Item& item) const {
    if (item.object == kNoObject) {  // a coroutine row: its tasks by state, in the order a task goes through them
        QStringList counts;
        for (std::size_t st = 0; st < static_cast<std::size_t>(TaskState::Count_); ++st) {
            const auto ts = static_cast<TaskState>(st);
            const int n = item.stateCounts.value(fromStd(taskStateName(ts))).toInt();
            //: a number of tasks and the state they are in, as in "9998 waiting"
            if (n > 0) counts << tr("%1 %2").arg(n).arg(style::StateNames::task(ts));
        }
        return counts.join(QStringLiteral(", "));
    }
    QStringList parts;
    if (item.showCoroutine && !item.coroutine.isEmpty()) parts << item.coroutine + QStringLiteral("()");
    switch (item.taskState) {
        case TaskState::Waiting:
            // Written as the Python the task is suspended in.
            if (item.sleepMicros >= 0)
                parts << tr("awaits %1").arg(QStringLiteral("asyncio.sleep(%1)").arg(item.sleepMicros / 1e6, 0, 'g', 6));
            else if (!item.awaits.isEmpty())
                parts << tr("awaits %1").arg(item.awaits);
            if (item.hasTimeout) parts << tr("with a timeout");
            break;
        case TaskState::Done:
            if (!item.outcome.isEmpty()) parts << tr("result %1").arg(item.outcome);
            break;
        case TaskState::Failed:
            if (!item.outcome.isEmpty()) parts << tr("raised %1").arg(item.outcome);
            break;
        default:
            break;
    }
    if (!item.waiters.isEmpty()) parts << tr("awaited by %1").arg(joinCapped(item.waiters));
    return parts.join(QStringLiteral("; "));
}

QString InspectorModel::details(int g, const Item& item) const {
    if (g == TaskGroup) return taskDetails(item);
    QStringList parts;
    const bool async = isAsyncPrimitive(item.kind);
    if (async) parts << fromStd(objectKindName(item.kind));  // "asyncio.Lock": not threading's
    if (item.kind == ObjectKind::ProcessQueue) parts << fromStd(objectKindName(item.kind));
    if (item.kind == ObjectKind::SharedValue) parts << tr("multiprocessing.Value in shared memory");
    if (item.kind == ObjectKind::SharedArray) parts << tr("multiprocessing.Array in shared memory");
    switch (g) {
        case LockGroup:
            if (item.count > 1) parts << tr("depth %1").arg(item.count);
            break;
        case SemaphoreGroup: {
            if (async) {
                if (!item.holders.isEmpty()) parts << tr("held by %1").arg(joinCapped(item.holders));
                break;
            }
            QStringList slotNames;
            for (const QString& h : item.holders) slotNames << (h.isEmpty() ? QStringLiteral("-") : h);
            if (!slotNames.isEmpty()) parts << tr("slots: %1").arg(slotNames.join(QStringLiteral(", ")));
            break;
        }
        case QueueGroup:
            if (!async) parts << QStringLiteral("[%1]").arg(item.items.join(QStringLiteral(", ")));
            break;
        case FutureGroup:
            if (!item.worker.isEmpty() && item.state != QLatin1String("running"))
                parts << tr("ran on %1").arg(item.worker);
            break;
        case ProcessGroup:
            if (item.pid != 0) parts << tr("pid %1").arg(item.pid);
            if (item.signal != 0 && !item.signalledBy.isEmpty())
                parts << tr("%1 sent by %2").arg(signalName(item.signal), item.signalledBy);
            break;
        case LocalsGroup:
            if (!item.coroutine.isEmpty()) parts << tr("in %1()").arg(item.coroutine);
            break;
        case SharedGroup:
            if (!item.writer.isEmpty()) parts << tr("written by %1 at step %2").arg(item.writer).arg(item.step);
            break;
        case RaceGroup:
            parts << tr("no lock, join or event orders these two accesses");
            break;
        case PipeGroup:
            if (!item.items.isEmpty()) parts << QStringLiteral("[%1]").arg(joinCapped(item.items));
            if (!item.peer.isEmpty()) parts << tr("other end: %1").arg(item.peer);
            if (item.closed) parts << tr("closed");
            break;
        default:
            break;
    }
    if (!item.waiters.isEmpty() && g != ErrorGroup) parts << tr("waiting: %1").arg(joinCapped(item.waiters));
    return parts.join(QStringLiteral("; "));
}

QVariant InspectorModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() == kGroupId) {
        const int g = index.row();
        switch (role) {
            case Qt::DisplayRole:
                if (index.column() == NameColumn) return groupTitle(g);
                if (index.column() == ValueColumn) return QString::number(groupCount(g));
                return {};
            case GroupRole: return g;
            case ObjectRole: return static_cast<qulonglong>(kNoObject);
            case NameRole: return groupTitle(g);
            case CountRole: return groupCount(g);
        }
        return {};
    }
    const Item* found = itemAt(index);
    if (!found) return {};
    const Item& item = *found;
    const int g = index.internalId() >= kFirstCoroutineId ? int(TaskGroup) : static_cast<int>(index.internalId() - 1);
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case NameColumn: return item.name;
                case ValueColumn: return item.value;
                case DetailsColumn: return details(g, item);
            }
            return {};
        case Qt::ToolTipRole: {
            const QString d = details(g, item);
            return d.isEmpty() ? item.value : QStringLiteral("%1\n%2").arg(item.value, d);
        }
        case Qt::ForegroundRole:
            if (g == TaskGroup) {
                // A task waiting is the loop's normal business; one that raised is what stands out.
                if (item.object == kNoObject) return {};
                if (item.taskState == TaskState::Failed) return QBrush(style::Palette::actorState(ActorState::Blocked));
                if (item.taskState == TaskState::Done || item.taskState == TaskState::Cancelled)
                    return QBrush(style::Palette::muted());
                return {};
            }
            // A process that crashed, raised or was killed is an error; one that ended well is done.
            if (g == ProcessGroup && item.exitCode.isValid())
                return QBrush(item.exitCode.toInt() != 0 ? style::Palette::actorState(ActorState::Blocked) : style::Palette::muted());
            // Someone waiting is what a learner looks for first: the row takes the "blocked" colour.
            if (g == RaceGroup) return QBrush(style::Palette::race());
            if (g == ErrorGroup || !item.waiters.isEmpty()) return QBrush(style::Palette::actorState(ActorState::Blocked));
            return {};
        case GroupRole: return g;
        case ObjectRole: return static_cast<qulonglong>(item.object);
        case NameRole: return item.name;
        case ValueRole: return item.value;
        case OwnerRole: return item.owner;
        case CountRole: return item.count;
        case WaitersRole: return item.waiters;
        case WaitingCountRole: return static_cast<int>(item.waiters.size());
        case HoldersRole: return item.holders;
        case ItemsRole: return item.items;
        case FlagRole: return item.flag;
        case TimeRole: return item.time;
        case ActorRole: return item.actor;
        case MessageRole: return item.message;
        case StateRole: return item.state;
        case WorkerRole: return item.worker;
        case CoroutineRole: return item.coroutine;
        case AwaitsRole: return item.awaits;
        case StateCountsRole: return item.stateCounts;
        case KindRole: return item.object == kNoObject ? QString() : fromStd(objectKindName(item.kind));
        case PidRole: return item.pid;
        case ExitCodeRole: return item.exitCode;
        case AliveRole: return item.alive;
        case PeerRole: return item.peer;
        case WriterRole: return item.writer;
        case StepRole: return item.step;
        case OtherActorRole: return item.otherActor;
        case OtherStepRole: return item.otherStep;
    }
    return {};
}

QVariant InspectorModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case NameColumn: return tr("Name");
        case ValueColumn: return tr("Value");
        case DetailsColumn: return tr("Details");
    }
    return {};
}

QHash<int, QByteArray> InspectorModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(GroupRole, "group");
    names.insert(ObjectRole, "object");
    names.insert(NameRole, "name");
    names.insert(ValueRole, "value");
    names.insert(OwnerRole, "owner");
    names.insert(CountRole, "count");
    names.insert(WaitersRole, "waiters");
    names.insert(WaitingCountRole, "waitingCount");
    names.insert(HoldersRole, "holders");
    names.insert(ItemsRole, "items");
    names.insert(FlagRole, "flag");
    names.insert(TimeRole, "time");
    names.insert(ActorRole, "actor");
    names.insert(MessageRole, "message");
    names.insert(StateRole, "state");
    names.insert(WorkerRole, "worker");
    names.insert(CoroutineRole, "coroutine");
    names.insert(AwaitsRole, "awaits");
    names.insert(StateCountsRole, "stateCounts");
    names.insert(KindRole, "kind");
    names.insert(PidRole, "pid");
    names.insert(ExitCodeRole, "exitCode");
    names.insert(AliveRole, "alive");
    names.insert(PeerRole, "peer");
    names.insert(WriterRole, "writer");
    names.insert(StepRole, "step");
    names.insert(OtherActorRole, "otherActor");
    names.insert(OtherStepRole, "otherStep");
    return names;
}

}  // namespace lockstep::app
