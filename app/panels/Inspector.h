#pragma once
// The inspector: at the cursor step, shared variables, locks, semaphores, queues, events, conditions,
// futures, asyncio tasks and the errors raised so far (a tree view over InspectorModel), above the wait-for graph.

#include <QSet>
#include <QString>
#include <QWidget>

#include <memory>

#include "view/TraceView.h"

class QTreeView;
class QSplitter;

namespace lockstep::app {

class InspectorModel;
class WaitForGraph;

class Inspector : public QWidget {
    Q_OBJECT

public:
    explicit Inspector(QWidget* parent = nullptr);

    void setView(const TraceView& view);
    InspectorModel* model() const { return model_; }
    WaitForGraph* waitForGraph() const { return graph_; }
    QTreeView* tree() const { return tree_; }
    // The state shown (the view's), or nullptr before a run is loaded.
    const RunState* state() const { return view_.state.get(); }

protected:
    void changeEvent(QEvent* event) override;

private:
    void hideEmptyGroups();

    TraceView view_;
    InspectorModel* model_;
    QTreeView* tree_;
    WaitForGraph* graph_;
    QSet<QString> openCoroutines_;  // coroutine rows of the Tasks group open before a model reset
};

}  // namespace lockstep::app
