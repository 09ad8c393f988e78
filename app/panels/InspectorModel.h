#pragma once
// The inspector's data at the cursor step as a tree: a fixed list of groups (shared variables, locks,
// semaphores, queues, events, conditions, futures, asyncio tasks, errors) and under each the objects created so
// far (or the data races found and errors raised so far). asyncio's Lock, Semaphore, Queue and Event sit with their threading
// namesakes, held by and awaited by tasks. Tasks are listed one per row up to kTaskRowsBeforeGrouping; past
// that the Tasks group has one row per coroutine function ("worker()  10000 tasks  9998 waiting, 2 done") with
// its tasks one level further down. multiprocessing: a Queue sits with the queues and a shared Value or Array
// with the shared variables; Processes (pid, alive or how they ended) and Pipe ends (the messages waiting to be
// read there) have groups of their own. Columns: name, value, details. Every field is also a named role, so tests
// and any QML view read values without parsing display text.

#include <QAbstractItemModel>
#include <QStringList>
#include <QVariantMap>

#include <vector>

#include "lockstep/RunState.h"
#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"

namespace lockstep::app {

class InspectorModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Group {
        SharedGroup,
        LocalsGroup,  // a Python program's threads: the locals of each one's innermost frame of the learner's code
        LockGroup,
        SemaphoreGroup,
        QueueGroup,
        EventGroup,
        ConditionGroup,
        FutureGroup,
        TaskGroup,
        ProcessGroup,
        PipeGroup,
        RaceGroup,
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
        CountRole,     // int: lock recursion depth, semaphore value, queue size, waiter count of a condition, the
                       // tasks of a coroutine row; a group row's objects (the Tasks group's tasks)
        WaitersRole,   // QStringList: waiting actors' names in arrival order
        WaitingCountRole,  // int: how many wait on the object
        HoldersRole,   // QStringList: semaphore slot holders by slot, "" for a free slot
        ItemsRole,     // QStringList: queue contents, front first
        FlagRole,      // bool: an event's flag
        TimeRole,      // double: when an error was raised (seconds)
        ActorRole,     // QString: the thread that raised an error
        MessageRole,   // QString: "Type: message" of an error
        StateRole,     // QString: a future's or task's state as the engine names it (pending, running, finished...)
        WorkerRole,    // QString: the worker thread that runs or ran a future, empty while pending
        CoroutineRole, // QString: a task's coroutine function, or a coroutine row's (empty: unknown); a row of
                       // local variables: the function they are in
        AwaitsRole,    // QString: the name of what a waiting task awaits (empty for a sleep or when not waiting)
        StateCountsRole,  // QVariantMap: a coroutine row's tasks by state name ({"waiting": 9998, "done": 2})
        KindRole,      // QString: the object's kind as Python names it (Lock, asyncio.Lock, Task...)
        PidRole,       // qlonglong: a process's pid (0 before it started)
        ExitCodeRole,  // int: a process's exit code once it ended (-N: killed by signal N); null before
        AliveRole,     // bool: a process started and not ended (Python's is_alive())
        PeerRole,      // QString: the other end of a Pipe end
        WriterRole,    // QString: who stored a shared variable's value (empty: its initial value); a race: the
                       // actor of the later access
        StepRole,      // int: the step of that store; a race: the step of the later access
        OtherActorRole,  // QString: a race's earlier access's actor
        OtherStepRole,   // int: ... and its step
    };

    // More tasks than this and the Tasks group shows one row per coroutine function instead of one per task.
    static constexpr int kTaskRowsBeforeGrouping = 30;

    explicit InspectorModel(QObject* parent = nullptr);

    // Refreshes every row from `state`, a state of `model`'s run (both null: nothing loaded); rows are only
    // inserted or removed (a model reset) when the set of objects or errors changed, otherwise the values
    // change in place and the view keeps its expansion. Without `showInternals`, the standard library's own
    // objects (ObjectInfo::internal) get no row.
    void update(const TraceModel* model, const RunState* state, bool showInternals = true);
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
        ObjectKind kind = ObjectKind::Thread;
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
        // asyncio tasks
        TaskState taskState = TaskState::Pending;
        QString coroutine;
        QString awaits;
        QString outcome;             // a done task's result or a failed task's exception
        std::int32_t sleepMicros = -1;
        bool hasTimeout = false;
        bool showCoroutine = true;   // false under a coroutine row, which already names it
        QVariantMap stateCounts;     // a coroutine row's tasks by state
        // multiprocessing
        qlonglong pid = 0;
        QVariant exitCode;
        bool alive = false;
        QString signalledBy;         // who called terminate()/kill() on a process
        int signal = 0;
        QString peer;                // a Pipe end's other end
        bool closed = false;
        // shared variables: the last store; data races: the later access (and below, the earlier one)
        QString writer;
        int step = 0;
        bool write = false;
        QString otherActor;
        int otherStep = 0;
        bool otherWrite = false;
    };

    QString groupTitle(int group) const;
    QString details(int group, const Item& item) const;
    QString taskDetails(const Item& item) const;
    Item taskItem(const TraceModel& model, const RunState& state, ObjectId task) const;
    // The item behind an index (group rows have none).
    const Item* itemAt(const QModelIndex& index) const;
    bool tasksGrouped() const { return !coroutines_.empty(); }
    // What a group row counts: its objects (or errors), and for the Tasks group its tasks even when grouped.
    int groupCount(int group) const;
    std::vector<Item>& group(int g) { return groups_[static_cast<std::size_t>(g)]; }
    const std::vector<Item>& group(int g) const { return groups_[static_cast<std::size_t>(g)]; }

    std::vector<std::vector<Item>> groups_ = std::vector<std::vector<Item>>(GroupCount);
    // When the tasks are grouped: group(TaskGroup) holds the coroutine rows and this their tasks, row for row.
    std::vector<std::vector<Item>> coroutines_;
};

}  // namespace lockstep::app
