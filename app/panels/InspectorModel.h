#pragma once
// The inspector's data at the cursor step as a two-level tree: a fixed list of groups (shared variables,
// locks, semaphores, queues, events, conditions, futures, errors) and under each the objects created so far (or the
// errors raised so far). Columns: name, value, details. Every field is also a named role, so tests and any
// QML view read values without parsing display text.

#include <QAbstractItemModel>
#include <QStringList>

#include <vector>

#include "lockstep/Trace.h"

namespace lockstep::app {

class InspectorState;

class InspectorModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Group {
        SharedGroup,
        LockGroup,
        SemaphoreGroup,
        QueueGroup,
        EventGroup,
        ConditionGroup,
        FutureGroup,
        ErrorGroup,
        GroupCount
    };
    enum Column { NameColumn, ValueColumn, DetailsColumn, ColumnCount };
    enum Role {
        GroupRole = Qt::UserRole + 1,  // int (Group) of a group row or of an item's group
        ObjectRole,    // qulonglong ObjectId (kNoObject for groups and errors)
        NameRole,      // QString: the object's name
        ValueRole,     // QString: shared value, semaphore value, event flag ("set"/"clear"), queue size
        OwnerRole,     // QString: lock owner's name, empty when free
        CountRole,     // int: lock recursion depth, semaphore value, queue size, waiter count of a condition
        WaitersRole,   // QStringList: waiting actors' names in arrival order
        WaitingCountRole,  // int: how many wait on the object
        HoldersRole,   // QStringList: semaphore slot holders by slot, "" for a free slot
        ItemsRole,     // QStringList: queue contents, front first
        FlagRole,      // bool: an event's flag
        TimeRole,      // double: when an error was raised (seconds)
        ActorRole,     // QString: the thread that raised an error
        MessageRole,   // QString: "Type: message" of an error
        StateRole,     // QString: a future's state as the engine names it (pending, running, finished...)
        WorkerRole,    // QString: the worker thread that runs or ran a future, empty while pending
    };

    explicit InspectorModel(QObject* parent = nullptr);

    // Refreshes every row from `state`; rows are only inserted or removed (a model reset) when the set of
    // objects or errors changed, otherwise the values change in place and the view keeps its expansion.
    void update(const InspectorState& state);
    void retranslate();

    // The row of an object in its group, or an invalid index.
    QModelIndex indexOfObject(ObjectId object) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Item {
        ObjectId object = kNoObject;
        QString name;
        QString value;
        QString owner;
        int count = 0;
        bool flag = false;
        QStringList waiters;
        QStringList holders;
        QStringList items;
        double time = 0;
        QString actor;
        QString message;
        QString state;
        QString worker;
    };

    QString groupTitle(int group) const;
    QString details(int group, const Item& item) const;
    std::vector<Item>& group(int g) { return groups_[static_cast<std::size_t>(g)]; }
    const std::vector<Item>& group(int g) const { return groups_[static_cast<std::size_t>(g)]; }

    std::vector<std::vector<Item>> groups_ = std::vector<std::vector<Item>>(GroupCount);
};

}  // namespace lockstep::app
