#include "panels/Output.h"

#include <QEvent>
#include <QHeaderView>
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
    table_->horizontalHeader()->setSectionResizeMode(OutputModel::TimeColumn, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(OutputModel::ActorColumn, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_);
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
    if (event->type() == QEvent::LanguageChange) model_->retranslate();
    QWidget::changeEvent(event);
}

}  // namespace lockstep::app
