#include "gui/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStatusBar>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeWidget>

#include "lockstep/TraceAnalysis.h"
#include "lockstep/scenarios/Registry.h"

namespace lockstep::app {

namespace {
QString trScenario(const char* text) { return QCoreApplication::translate("Scenario", text); }
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    // Reports arrive on the controller thread; they are handed to the GUI thread as plain values.
    controller_ = std::make_unique<Controller>([this](const ControllerReport& r) {
        QMetaObject::invokeMethod(this, [this, r] { onReport(r); }, Qt::QueuedConnection);
    });
    buildUi();
    resize(1200, 800);
}

MainWindow::~MainWindow() {
    controller_.reset();  // aborts the run and joins every thread before the widgets go
}

void MainWindow::buildUi() {
    setWindowTitle(tr("Lockstep"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    scenarios_ = new QTreeWidget;
    scenarios_->setHeaderHidden(true);
    for (const std::string& family : scenarios::families()) {
        auto* group = new QTreeWidgetItem(scenarios_, {trScenario(scenarios::familyTitle(family))});
        group->setFlags(Qt::ItemIsEnabled);
        for (const auto& s : scenarios::all())
            if (family == s.family) {
                auto* item = new QTreeWidgetItem(group, {trScenario(s.title)});
                item->setData(0, Qt::UserRole, QString::fromStdString(s.id));
                item->setToolTip(0, QString::fromStdString(s.id));
            }
        group->setExpanded(true);
    }
    connect(scenarios_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && item->data(0, Qt::UserRole).isValid()) selectScenario(item->data(0, Qt::UserRole).toString());
    });
    auto* dock = new QDockWidget(tr("Scenarios"), this);
    dock->setObjectName("scenarios");
    dock->setWidget(scenarios_);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    description_ = new QTextBrowser;
    listing_ = new QPlainTextEdit;
    listing_->setReadOnly(true);
    listing_->setFont(mono);
    listing_->setLineWrapMode(QPlainTextEdit::NoWrap);
    threads_ = new QPlainTextEdit;
    threads_->setReadOnly(true);
    threads_->setFont(mono);
    threads_->setLineWrapMode(QPlainTextEdit::NoWrap);
    output_ = new QPlainTextEdit;
    output_->setReadOnly(true);
    output_->setFont(mono);

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(listing_);
    top->addWidget(threads_);
    auto* centre = new QSplitter(Qt::Vertical);
    centre->addWidget(description_);
    centre->addWidget(top);
    centre->addWidget(output_);
    centre->setStretchFactor(1, 3);
    setCentralWidget(centre);

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName("run");
    auto* menu = menuBar()->addMenu(tr("&Run"));
    auto add = [&](const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        toolbar->addAction(a);
        menu->addAction(a);
        return a;
    };
    add(tr("Restart"), QKeySequence(Qt::CTRL | Qt::Key_R), tr("Run the scenario again from the start"),
        [this] { if (setup_.scenario) controller_->restart(); });
    stepAction_ = add(tr("Step"), QKeySequence(Qt::Key_F10), tr("Run one scheduling step"),
                      [this] { controller_->step(); });
    runAction_ = add(tr("Run"), QKeySequence(Qt::Key_F5), tr("Run to the end"), [this] { controller_->run(); });
    pauseAction_ = add(tr("Pause"), QKeySequence(Qt::Key_Pause), tr("Stop a running scenario at the next step"),
                       [this] { controller_->pause(); });
    auto* quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    status_ = new QLabel(tr("Pick a scenario on the left."));
    statusBar()->addWidget(status_, 1);
}

void MainWindow::selectScenario(const QString& id) {
    const scenarios::Scenario* s = scenarios::find(id.toStdString());
    if (!s) return;
    RunSetup setup;
    setup.scenario = s;
    setup.config.policy = s->defaults.policy;
    setup.config.seed = s->defaults.seed;
    setup.config.cores = s->defaults.cores;
    setup.config.gil = s->defaults.gil;
    setup.config.params = s->resolve({}).values();
    load(setup, 0);
}

void MainWindow::load(const RunSetup& setup, int steps) {
    setup_ = setup;
    const scenarios::Scenario* s = setup.scenario;
    description_->setHtml(QStringLiteral("<h2>%1</h2><p>%2</p><p><i>%3</i></p>")
                              .arg(trScenario(s->title).toHtmlEscaped(), trScenario(s->description).toHtmlEscaped(),
                                   QString::fromStdString(s->id)));
    const QStringList lines = QString::fromStdString(s->listing).split('\n');
    QString numbered;
    for (int i = 0; i < lines.size(); ++i)
        if (i + 1 < lines.size() || !lines[i].isEmpty())
            numbered += QStringLiteral("%1  %2\n").arg(i + 1, 3).arg(lines[i]);
    listing_->setPlainText(numbered);
    output_->clear();
    threads_->clear();
    const scenarios::Params params = s->resolve(setup.config.params);
    controller_->load(setup.config, [s, params] { s->main(params); });
    generation_ = controller_->generation();
    if (steps > 0) controller_->step(static_cast<std::uint32_t>(steps));
    for (QTreeWidgetItemIterator it(scenarios_); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toString() == QString::fromStdString(s->id)) {
            QSignalBlocker block(scenarios_);
            scenarios_->setCurrentItem(*it);
        }
}

void MainWindow::onReport(const ControllerReport& r) {
    if (r.generation != controller_->generation()) return;  // a report of a run the user has left
    trace_ = r.trace;
    ended_ = r.ended;
    if (r.kind == ControllerReport::Kind::Failed) {
        status_->setText(QString::fromStdString(r.message));
        return;
    }
    if (r.kind == ControllerReport::Kind::Progress) {
        status_->setText(tr("Running... step %1").arg(r.steps));
        return;
    }
    showState();
}

void MainWindow::showState() {
    if (!trace_) return;
    const Trace& t = *trace_;
    const std::uint32_t step = t.stepCount();
    QString text;
    if (step > 0) {
        const TraceAnalysis analysis(t);
        const auto states = analysis.statesAt(step);
        for (std::size_t a = 0; a < states.size(); ++a) {
            const StateInterval& s = states[a];
            QString what = QString::fromUtf8(actorStateName(s.state).data());
            if (s.state == ActorState::Blocked && s.object < t.objectCount())
                what += QStringLiteral(" in %1 %2").arg(QString::fromUtf8(opName(s.op).data()),
                                                        QString::fromStdString(t.object(s.object).name));
            int line = 0;
            for (std::size_t i = t.stepEnd(step); i-- > 0;)
                if (t.event(i).actor == a && t.event(i).op != Op::Switch) {
                    line = t.event(i).line;
                    break;
                }
            text += QStringLiteral("%1 %2 line %3\n")
                        .arg(QString::fromStdString(t.actor(static_cast<ActorId>(a)).name).leftJustified(14))
                        .arg(what.leftJustified(28))
                        .arg(line);
        }
    }
    threads_->setPlainText(text);
    QString out;
    for (std::size_t i = 0; i < t.eventCount(); ++i) {
        const TraceEvent& e = t.event(i);
        if (e.op == Op::Print)
            out += QStringLiteral("[%1 s] %2: %3\n")
                       .arg(toSeconds(e.time), 0, 'f', 3)
                       .arg(QString::fromStdString(t.actor(e.actor).name),
                            QString::fromStdString(std::string(t.argText(e))));
    }
    output_->setPlainText(out);
    QString status = tr("step %1").arg(step);
    if (ended_)
        status += QStringLiteral(" - ") + tr("ended: %1 at t=%2 s")
                                             .arg(QString::fromUtf8(runStatusName(t.outcome().status).data()))
                                             .arg(toSeconds(t.outcome().endTime), 0, 'f', 3);
    status_->setText(status);
    stepAction_->setEnabled(!ended_);
    runAction_->setEnabled(!ended_);
}

}  // namespace lockstep::app
