#include "panels/InspectorModel.h"

#include <QBrush>

#include "panels/InspectorPalette.h"
#include "panels/InspectorState.h"

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
        default: return -1;
    }
}

// Group rows have internal id 0; an item's internal id is its group + 1.
constexpr quintptr kGroupId = 0;

}  // namespace

InspectorModel::InspectorModel(QObject* parent) : QAbstractItemModel(parent) {}

void InspectorModel::update(const InspectorState& state) {
    std::vector<std::vector<Item>> next(GroupCount);
    const Trace* trace = state.trace();
    if (trace) {
        const auto name = [trace](ActorId a) {
            return a < trace->actorCount() ? QString::fromStdString(trace->actor(a).name) : QString();
        };
        const auto names = [&](const std::vector<ActorId>& actors) {
            QStringList out;
            for (ActorId a : actors) out << name(a);
            return out;
        };
        for (ObjectId o : state.created()) {
            if (o >= trace->objectCount()) continue;
            const ObjectInfo& info = trace->object(o);
            const int g = groupOf(info.kind);
            if (g < 0) continue;
            Item item;
            item.object = o;
            item.name = QString::fromStdString(info.name);
            item.waiters = names(state.waiters(o));
            switch (g) {
                case SharedGroup:
                    item.value = QString::fromStdString(state.value(o));
                    break;
                case LockGroup:
                    item.owner = state.owner(o) == kNoActor ? QString() : name(state.owner(o));
                    item.count = state.owner(o) == kNoActor ? 0 : state.count(o);
                    item.value = item.owner.isEmpty() ? tr("free") : tr("held by %1").arg(item.owner);
                    break;
                case SemaphoreGroup:
                    item.count = state.count(o);
                    item.value = QString::number(item.count);
                    for (ActorId a : state.slotHolders(o)) item.holders << (a == kNoActor ? QString() : name(a));
                    break;
                case QueueGroup:
                    for (const std::string& s : state.items(o)) item.items << QString::fromStdString(s);
                    item.count = static_cast<int>(item.items.size());
                    item.value = info.param > 0 ? QStringLiteral("%1/%2").arg(item.count).arg(info.param)
                                                : QString::number(item.count);
                    break;
                case EventGroup:
                    item.flag = state.flag(o);
                    item.value = item.flag ? tr("set") : tr("clear");
                    break;
                case FutureGroup: {
                    const FutureState fs = state.futureState(o);
                    item.state = QString::fromUtf8(futureStateName(fs).data());
                    item.worker = name(state.futureWorker(o));
                    const QString outcome = QString::fromStdString(state.value(o));
                    switch (fs) {
                        case FutureState::Pending: item.value = tr("pending"); break;
                        case FutureState::Running: item.value = tr("running on %1").arg(item.worker); break;
                        case FutureState::Finished: item.value = tr("result %1").arg(outcome); break;
                        case FutureState::Failed: item.value = tr("raised %1").arg(outcome); break;
                        case FutureState::Cancelled:
                        case FutureState::Count_: item.value = tr("cancelled"); break;
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
        for (const RaisedError& e : state.errors()) {
            Item item;
            item.time = toSeconds(e.time);
            item.actor = name(e.actor);
            item.message = QString::fromStdString(e.text);
            item.name = QStringLiteral("%1 s  %2").arg(item.time, 0, 'f', 3).arg(item.actor);
            item.value = item.message;
            next[ErrorGroup].push_back(std::move(item));
        }
    }
    bool sameShape = true;
    for (int g = 0; g < GroupCount && sameShape; ++g) {
        const auto& a = group(g);
        const auto& b = next[static_cast<std::size_t>(g)];
        sameShape = a.size() == b.size();
        for (std::size_t i = 0; sameShape && i < a.size(); ++i) sameShape = a[i].object == b[i].object;
    }
    if (!sameShape) {
        beginResetModel();
        groups_ = std::move(next);
        endResetModel();
        return;
    }
    groups_ = std::move(next);
    for (int g = 0; g < GroupCount; ++g) {
        emit dataChanged(index(g, 0), index(g, ColumnCount - 1));  // group rows show a count
        if (!group(g).empty()) {
            const QModelIndex parent = index(g, 0);
            emit dataChanged(index(0, 0, parent), index(static_cast<int>(group(g).size()) - 1, ColumnCount - 1, parent));
        }
    }
}

void InspectorModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emit dataChanged(index(0, 0), index(GroupCount - 1, ColumnCount - 1));
}

QModelIndex InspectorModel::indexOfObject(ObjectId object) const {
    for (int g = 0; g < GroupCount; ++g)
        for (std::size_t i = 0; i < group(g).size(); ++i)
            if (group(g)[i].object == object) return index(static_cast<int>(i), 0, index(g, 0));
    return {};
}

QModelIndex InspectorModel::index(int row, int column, const QModelIndex& parent) const {
    if (column < 0 || column >= ColumnCount || row < 0) return {};
    if (!parent.isValid()) return row < GroupCount ? createIndex(row, column, kGroupId) : QModelIndex();
    if (parent.internalId() != kGroupId || parent.row() >= GroupCount) return {};
    if (row >= static_cast<int>(group(parent.row()).size())) return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex InspectorModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kGroupId) return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int InspectorModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return GroupCount;
    if (parent.column() != 0 || parent.internalId() != kGroupId) return 0;
    return static_cast<int>(group(parent.row()).size());
}

int InspectorModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QString InspectorModel::groupTitle(int g) const {
    switch (g) {
        case SharedGroup: return tr("Shared variables");
        case LockGroup: return tr("Locks");
        case SemaphoreGroup: return tr("Semaphores");
        case QueueGroup: return tr("Queues");
        case EventGroup: return tr("Events");
        case ConditionGroup: return tr("Conditions and barriers");
        case FutureGroup: return tr("Futures");
        case ErrorGroup: return tr("Errors");
    }
    return {};
}

QString InspectorModel::details(int g, const Item& item) const {
    QStringList parts;
    switch (g) {
        case LockGroup:
            if (item.count > 1) parts << tr("depth %1").arg(item.count);
            break;
        case SemaphoreGroup: {
            QStringList slotNames;
            for (const QString& h : item.holders) slotNames << (h.isEmpty() ? QStringLiteral("-") : h);
            if (!slotNames.isEmpty()) parts << tr("slots: %1").arg(slotNames.join(QStringLiteral(", ")));
            break;
        }
        case QueueGroup:
            parts << QStringLiteral("[%1]").arg(item.items.join(QStringLiteral(", ")));
            break;
        case FutureGroup:
            if (!item.worker.isEmpty() && item.state != QLatin1String("running"))
                parts << tr("ran on %1").arg(item.worker);
            break;
        default:
            break;
    }
    if (!item.waiters.isEmpty() && g != ErrorGroup)
        parts << tr("waiting: %1").arg(item.waiters.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

QVariant InspectorModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (index.internalId() == kGroupId) {
        const int g = index.row();
        switch (role) {
            case Qt::DisplayRole:
                if (index.column() == NameColumn) return groupTitle(g);
                if (index.column() == ValueColumn) return QString::number(group(g).size());
                return {};
            case GroupRole: return g;
            case ObjectRole: return static_cast<qulonglong>(kNoObject);
            case NameRole: return groupTitle(g);
            case CountRole: return static_cast<int>(group(g).size());
        }
        return {};
    }
    const int g = static_cast<int>(index.internalId() - 1);
    const Item& item = group(g)[static_cast<std::size_t>(index.row())];
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
            // Someone waiting is what a learner looks for first: the row takes the "blocked" colour.
            if (g == ErrorGroup || !item.waiters.isEmpty()) return QBrush(palette::stateColor(ActorState::Blocked));
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
    return names;
}

}  // namespace lockstep::app
