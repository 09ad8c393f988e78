#include "panels/Inspector.h"

#include <QEvent>
#include <QHeaderView>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

#include "panels/InspectorModel.h"
#include "panels/WaitForGraph.h"
#include "panels/WaitForGraphData.h"

namespace lockstep::app {

Inspector::Inspector(QWidget* parent)
    : QWidget(parent), model_(new InspectorModel(this)), tree_(new QTreeView), graph_(new WaitForGraph) {
    tree_->setModel(model_);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree_->header()->setSectionResizeMode(InspectorModel::NameColumn, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(InspectorModel::ValueColumn, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(true);
    tree_->expandAll();
    // A reset happens when objects appear or vanish (the cursor crossed a Create); the groups stay open. The
    // coroutine rows of many tasks stay as the learner left them: closed unless opened (10,000 rows at once
    // would bury everything else), and open again after the reset when they were, even when the cursor went
    // through steps where they did not exist yet.
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex tasks = model_->index(InspectorModel::TaskGroup, 0);
        for (int r = 0; r < model_->rowCount(tasks); ++r) {
            const QModelIndex row = model_->index(r, 0, tasks);
            if (!model_->hasChildren(row)) continue;
            const QString coroutine = row.data(InspectorModel::CoroutineRole).toString();
            if (tree_->isExpanded(row)) openCoroutines_.insert(coroutine);
            else openCoroutines_.remove(coroutine);
        }
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        hideEmptyGroups();
        for (int g = 0; g < model_->rowCount(); ++g) tree_->expand(model_->index(g, 0));
        const QModelIndex tasks = model_->index(InspectorModel::TaskGroup, 0);
        for (int r = 0; r < model_->rowCount(tasks) && !openCoroutines_.isEmpty(); ++r) {
            const QModelIndex row = model_->index(r, 0, tasks);
            if (model_->hasChildren(row) && openCoroutines_.contains(row.data(InspectorModel::CoroutineRole).toString()))
                tree_->expand(row);
        }
    });

    hideEmptyGroups();
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(tree_);
    splitter->addWidget(graph_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
}

void Inspector::hideEmptyGroups() {
    // Eleven group headers, most of them "0", bury the two that matter: a group shows once it has a row.
    for (int g = 0; g < model_->rowCount(); ++g)
        tree_->setRowHidden(g, QModelIndex(), model_->rowCount(model_->index(g, 0)) == 0);
}

void Inspector::setView(const TraceView& view) {
    view_ = view;
    model_->update(view_.model.get(), view_.state.get(), view_.showInternals);
    hideEmptyGroups();
    graph_->setGraph(view_.model && view_.state
                         ? WaitForGraphData::build(*view_.model, *view_.state, view_.showInternals)
                         : WaitForGraphData{});
}

void Inspector::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        model_->update(view_.model.get(), view_.state.get());  // values such as "free" are built translated
        model_->retranslate();
        hideEmptyGroups();
    }
    QWidget::changeEvent(event);
}

}  // namespace lockstep::app
