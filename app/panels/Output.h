#pragma once
// The output panel: every line the program printed, with its virtual time and thread. The last line printed
// at or before the cursor is highlighted and kept in sight; clicking a line asks to move the cursor to the
// step that printed it.

#include <QWidget>

#include <cstdint>

#include "view/TraceView.h"

class QTableView;

namespace lockstep::app {

class OutputModel;

class Output : public QWidget {
    Q_OBJECT

public:
    explicit Output(QWidget* parent = nullptr);

    void setView(const TraceView& view);
    OutputModel* model() const { return model_; }
    QTableView* table() const { return table_; }

signals:
    void stepRequested(std::uint32_t step);

protected:
    void changeEvent(QEvent* event) override;

private:
    OutputModel* model_;
    QTableView* table_;
    std::shared_ptr<const TraceModel> traceModel_;  // keeps the derivation the model points into alive
};

}  // namespace lockstep::app
