#include "gui/ExportDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "style/Palette.h"

namespace lockstep::app {

namespace {
constexpr double kScales[] = {1, 1.5, 2, 3, 4};
}

ExportDialog::ExportDialog(const QString& fileName, std::uint32_t steps, QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export timeline"));
    const QSettings settings;
    const QString folder = settings.value("export/folder", QDir::currentPath()).toString();

    path_ = new QLineEdit(QDir(folder).filePath(fileName), this);
    path_->setToolTip(tr("The file to write: .png, .svg (text stays text, for slides and print) or .pdf"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(path_, 1);
    pathRow->addWidget(browse);

    width_ = new QSpinBox(this);
    width_->setRange(timeline::kMinExportWidth, timeline::kMaxExportWidth);
    width_->setSingleStep(100);
    width_->setSuffix(tr(" px"));
    width_->setValue(settings.value("export/width", 1600).toInt());
    width_->setToolTip(tr("The picture's width; its height follows from the lanes"));

    scale_ = new QComboBox(this);
    for (double s : kScales) scale_->addItem(QStringLiteral("%1×").arg(QLocale().toString(s)), s);
    scale_->setCurrentIndex(std::max(0, scale_->findData(settings.value("export/scale", 1.0).toDouble())));
    scale_->setToolTip(tr("Draw everything this many times larger in the same width: 2× keeps the text readable "
                          "on a slide"));

    range_ = new QComboBox(this);
    range_->addItem(tr("The whole run"), WholeRun);
    range_->addItem(tr("What the timeline shows now"), VisibleRange);
    range_->addItem(tr("Steps from ... to ..."), StepRange);
    const int last = int(std::max<std::uint32_t>(1, steps));
    from_ = new QSpinBox(this);
    to_ = new QSpinBox(this);
    from_->setRange(1, last);
    to_->setRange(1, last);
    from_->setValue(1);
    to_->setValue(last);
    connect(from_, &QSpinBox::valueChanged, this, [this](int v) { if (to_->value() < v) to_->setValue(v); });
    connect(to_, &QSpinBox::valueChanged, this, [this](int v) { if (from_->value() > v) from_->setValue(v); });
    auto* stepsRow = new QHBoxLayout;
    stepsRow->addWidget(from_);
    stepsRow->addWidget(new QLabel(QStringLiteral("–"), this));
    stepsRow->addWidget(to_);
    stepsRow->addStretch(1);
    connect(range_, &QComboBox::currentIndexChanged, this, &ExportDialog::updateRange);

    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: %1").arg(style::Palette::errorText().name()));
    error_->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Width:"), width_);
    form->addRow(tr("Scale:"), scale_);
    form->addRow(tr("Part of the run:"), range_);
    form->addRow(tr("Steps:"), stepsRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(error_);
    layout->addWidget(buttons);
    updateRange();
    resize(std::max(sizeHint().width(), 520), sizeHint().height());
}

void ExportDialog::updateRange() {
    const bool steps = range_->currentData().toInt() == StepRange;
    from_->setEnabled(steps);
    to_->setEnabled(steps);
}

void ExportDialog::browse() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export timeline"), path_->text(),
                                                      tr("Images (*.png *.svg *.pdf)"));
    if (!path.isEmpty()) path_->setText(path);
}

void ExportDialog::apply(timeline::ExportOptions& options) const {
    options.path = path_->text().trimmed();
    options.width = width_->value();
    options.scale = scale_->currentData().toDouble();
    const int range = range_->currentData().toInt();
    if (range == WholeRun) options.wholeRun = true;
    if (range == VisibleRange) options.wholeRun = false;  // the caller's begin and end: what the timeline shows
    options.firstStep = options.lastStep = 0;
    if (range == StepRange) {
        options.wholeRun = true;
        options.firstStep = std::uint32_t(from_->value());
        options.lastStep = std::uint32_t(to_->value());
    }
}

void ExportDialog::accept() {
    timeline::ExportOptions options;
    apply(options);
    QString why;
    if (options.path.isEmpty()) why = tr("Choose a file to write.");
    else timeline::checkExportOptions(options, &why);  // an unknown extension, a width out of range
    if (why.isEmpty() && !QFileInfo(options.path).absoluteDir().exists())
        why = tr("The folder %1 does not exist.").arg(QFileInfo(options.path).absolutePath());
    if (!why.isEmpty()) {
        error_->setText(why);
        error_->show();
        return;
    }
    QSettings settings;
    settings.setValue("export/folder", QFileInfo(options.path).absolutePath());
    settings.setValue("export/width", options.width);
    settings.setValue("export/scale", options.scale);
    QDialog::accept();
}

}  // namespace lockstep::app
