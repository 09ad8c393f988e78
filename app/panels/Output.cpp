#include "panels/Output.h"

#include <QEvent>
#include <QHeaderView>

#include <algorithm>
#include <QTableView>
#include <QVBoxLayout>

#include "panels/OutputModel.h"

namespace lockstep::app {

Output::Output(QWidget* parent) : QWidget(parent), model_(new OutputModel(this)), table_(new QTableView(this)) {
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setShowGrid(false);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    // One text line per row: a long run prints thousands of lines and the panel is short.
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 4);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setTextElideMode(Qt::ElideRight);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_);
    table_->viewport()->installEventFilter(this);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &Output::fitColumns);
    connect(model_, &QAbstractItemModel::modelReset, this, &Output::fitColumns);
    connect(table_, &QAbstractItemView::clicked, this, [this](const QModelIndex& index) {
        if (index.isValid()) emit stepRequested(model_->stepAt(index.row()));
    });
}

void Output::setView(const TraceView& view) {
    traceModel_ = view.model;
    model_->update(traceModel_.get(), view.cursor);
    if (model_->currentRow() >= 0)
        table_->scrollTo(model_->index(model_->currentRow(), OutputModel::TextColumn), QAbstractItemView::EnsureVisible);
}

void Output::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        model_->retranslate();
        fitColumns();
    }
    QWidget::changeEvent(event);
}

bool Output::eventFilter(QObject* watched, QEvent* event) {
    // The viewport's own size, and the rows it shows, are known only once it is resized itself.
    if (watched == table_->viewport() && event->type() == QEvent::Resize) fitColumns();
    return QWidget::eventFilter(watched, event);
}

void Output::fitColumns() {
    QHeaderView* header = table_->horizontalHeader();
    const int third = std::max(24, table_->viewport()->width() / 3);
    for (int column : {int(OutputModel::TimeColumn), int(OutputModel::ActorColumn)}) {
        const int wanted = std::max(static_cast<QAbstractItemView*>(table_)->sizeHintForColumn(column), header->sectionSizeHint(column));
        header->resizeSection(column, std::min(wanted, third));
    }
}

}  // namespace lockstep::app
