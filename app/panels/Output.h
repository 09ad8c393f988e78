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
    bool eventFilter(QObject* watched, QEvent* event) override;  // the table's viewport resized

private:
    // The time and thread columns as wide as their contents, but together never more than two thirds of the
    // table: the printed text is what the panel is for (a long thread name is elided, its tooltip whole).
    void fitColumns();

    OutputModel* model_;
    QTableView* table_;
    std::shared_ptr<const TraceModel> traceModel_;  // keeps the derivation the model points into alive
};

}  // namespace lockstep::app
