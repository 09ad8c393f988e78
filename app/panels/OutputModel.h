#pragma once
// The printed lines of a run (the derivation's output) as a table: virtual time, thread, text. The model follows
// a growing derivation by appending only the new lines, and marks the last line printed at or before the cursor.
// In a run with child processes a line's actor is a thread or a whole child process ("Process-1"): the column
// says so, and the tooltip gives the process's pid. A report on standard error (a traceback, a child killed by
// a signal) is drawn in the error colour; one of several lines shows whole in its tooltip.

#include <QAbstractTableModel>
#include <QString>

#include <cstdint>
#include <vector>

#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"

namespace lockstep::app {

class OutputModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { TimeColumn, ActorColumn, TextColumn, ColumnCount };
    enum Role {
        StepRole = Qt::UserRole + 1,  // std::uint32_t: the step that printed the line
        TimeRole,                     // double: virtual time in seconds
        ActorRole,                    // int: actor id
        ActorNameRole,                // QString
        TextRole,                     // QString: the printed text
        StderrRole,                   // bool: went to standard error
        CurrentRole,                  // bool: the last line at or before the cursor
        PidRole,                      // qlonglong: the pid of the process that printed it
    };

    explicit OutputModel(QObject* parent = nullptr);

    // Follows `model` (null: empty) and moves the current line to `cursor`.
    void update(const TraceModel* model, std::uint32_t cursor);
    // Row of the last line printed at or before the cursor, or -1.
    int currentRow() const { return current_; }
    std::uint32_t stepAt(int row) const { return rows_.at(static_cast<std::size_t>(row)).step; }
    // Header texts are translated; called on a language change.
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Line {
        std::uint32_t step = 0;
        Nanos time = 0;
        ActorId actor = kNoActor;
        bool toStderr = false;
        std::int64_t pid = 0;
        QString actorName;
        QString text;
    };

    const TraceModel* model_ = nullptr;
    std::uint64_t generation_ = 0;
    std::size_t scanned_ = 0;      // lines of the model's output taken
    std::vector<Line> rows_;       // sorted by step, so the cursor's row is a binary search away
    int current_ = -1;
    std::size_t actorsSeen_ = 0;   // actors whose kind has been looked at
    bool processes_ = false;       // one of them is a child process
};

}  // namespace lockstep::app
