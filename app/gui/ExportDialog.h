#pragma once
// File > Export timeline: one dialog for where the picture goes, how wide it is, how large everything in it
// is drawn (2x for a slide), and which part of the run it shows. The title and the caption come from the run.
// The last width, scale and folder are remembered.

#include <QDialog>

#include <cstdint>

#include "timeline/TimelineExporter.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace lockstep::app {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum Range { WholeRun, VisibleRange, StepRange };

    // `fileName` is suggested in the last folder used; `steps` is how many steps the run has so far.
    ExportDialog(const QString& fileName, std::uint32_t steps, QWidget* parent = nullptr);

    // Sets the path, width, scale and range of `options` as chosen; the rest (axis, cursor, the visible range
    // itself, title, caption) is left as the caller made it.
    void apply(timeline::ExportOptions& options) const;

    // For tests.
    QLineEdit* pathEdit() const { return path_; }
    QSpinBox* widthBox() const { return width_; }
    QComboBox* scaleBox() const { return scale_; }
    QComboBox* rangeBox() const { return range_; }
    QSpinBox* fromBox() const { return from_; }
    QSpinBox* toBox() const { return to_; }
    QLabel* errorLabel() const { return error_; }

public slots:
    // Checks the choices (the file's extension above all) and closes only when they are good; otherwise the
    // dialog says what to change and stays open.
    void accept() override;

private:
    void browse();
    void updateRange();

    QLineEdit* path_ = nullptr;
    QSpinBox* width_ = nullptr;
    QComboBox* scale_ = nullptr;
    QComboBox* range_ = nullptr;
    QSpinBox* from_ = nullptr;
    QSpinBox* to_ = nullptr;
    QLabel* error_ = nullptr;
};

}  // namespace lockstep::app
