#include "panels/OutputModel.h"

#include <QBrush>
#include <QFont>
#include <QFontDatabase>

#include <algorithm>

#include "panels/OkabeIto.h"

namespace lockstep::app {

OutputModel::OutputModel(QObject* parent) : QAbstractTableModel(parent) {}

void OutputModel::update(const TraceModel* model, std::uint32_t cursor) {
    if (model != model_ || (model && (model->generation() != generation_ || model->output().size() < scanned_))) {
        beginResetModel();
        model_ = model;
        generation_ = model ? model->generation() : 0;
        scanned_ = 0;
        rows_.clear();
        current_ = -1;
        actorsSeen_ = 0;
        processes_ = false;
        endResetModel();
    }
    if (model_) {
        const bool hadProcesses = processes_;
        for (; actorsSeen_ < model_->actorCount(); ++actorsSeen_)
            processes_ |= model_->actor(static_cast<ActorId>(actorsSeen_)).kind == ActorKind::Process;
        if (processes_ != hadProcesses) emit headerDataChanged(Qt::Horizontal, ActorColumn, ActorColumn);
        // Only the lines added since the last call are read: a live run prints a few per step.
        std::vector<Line> added;
        const auto& output = model_->output();
        for (; scanned_ < output.size(); ++scanned_) {
            const OutputLine& o = output[scanned_];
            Line line;
            line.step = o.step;
            line.time = o.time;
            line.actor = o.actor;
            line.toStderr = o.toStderr;
            if (o.actor < model_->actorCount()) {
                line.actorName = QString::fromStdString(model_->actor(o.actor).name);
                line.pid = model_->actor(o.actor).pid;
            }
            line.text = QString::fromStdString(model_->text(o.text));
            added.push_back(std::move(line));
        }
        if (!added.empty()) {
            const int first = static_cast<int>(rows_.size());
            beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
            std::move(added.begin(), added.end(), std::back_inserter(rows_));
            endInsertRows();
        }
    }
    const auto it = std::upper_bound(rows_.begin(), rows_.end(), cursor,
                                     [](std::uint32_t c, const Line& l) { return c < l.step; });
    const int now = static_cast<int>(it - rows_.begin()) - 1;
    if (now == current_) return;
    const int before = current_;
    current_ = now;
    for (int row : {before, now})
        if (row >= 0) emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void OutputModel::retranslate() { emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }

int OutputModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int OutputModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant OutputModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Line& l = rows_[static_cast<std::size_t>(index.row())];
    const bool current = index.row() == current_;
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case TimeColumn: return QStringLiteral("%1").arg(toSeconds(l.time), 0, 'f', 3);
                case ActorColumn: return l.actorName;
                // A report of several lines (a traceback) keeps each on the one row it has, so its last line, the
                // exception, shows too; the tooltip has it as printed.
                case TextColumn:
                    return l.text.contains(QLatin1Char('\n')) ? QString(l.text).replace(QLatin1Char('\n'), QStringLiteral(" ↵ "))
                                                                 : l.text;
            }
            return {};
        case Qt::ToolTipRole: {
            QString tip = tr("Step %1: click to move the cursor there").arg(l.step);
            if (processes_ && !l.actorName.isEmpty()) tip = tr("%1 (pid %2)").arg(l.actorName).arg(l.pid) + '\n' + tip;
            if (index.column() == TextColumn && l.text.contains(QLatin1Char('\n'))) tip = l.text + '\n' + tip;
            return tip;
        }
        case Qt::ForegroundRole:
            // An uncaught exception's report goes to stderr: the colour says it is not ordinary output.
            if (l.toStderr) return QBrush(OkabeIto::vermillion());
            return {};
        case Qt::BackgroundRole:
            if (current) {
                QColor c = OkabeIto::skyBlue();
                c.setAlpha(90);
                return QBrush(c);
            }
            return {};
        case Qt::FontRole:
            if (index.column() == TextColumn) return QFontDatabase::systemFont(QFontDatabase::FixedFont);
            return {};
        case StepRole: return QVariant::fromValue(l.step);
        case TimeRole: return toSeconds(l.time);
        case ActorRole: return static_cast<int>(l.actor);
        case ActorNameRole: return l.actorName;
        case TextRole: return l.text;
        case StderrRole: return l.toStderr;
        case CurrentRole: return current;
        case PidRole: return static_cast<qlonglong>(l.pid);
    }
    return {};
}

QVariant OutputModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case TimeColumn: return tr("Time (s)");
        case ActorColumn: return processes_ ? tr("Process / thread") : tr("Thread");
        case TextColumn: return tr("Output");
    }
    return {};
}

QHash<int, QByteArray> OutputModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(StepRole, "step");
    names.insert(TimeRole, "time");
    names.insert(ActorRole, "actor");
    names.insert(ActorNameRole, "actorName");
    names.insert(TextRole, "text");
    names.insert(StderrRole, "stderr");
    names.insert(CurrentRole, "current");
    names.insert(PidRole, "pid");
    return names;
}

}  // namespace lockstep::app
