#include "panels/ScenarioBrowser.h"

#include "timeline/TimelineStrings.h"

#include <QCheckBox>
#include <QSignalBlocker>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

#include "lockstep/python/Runner.h"
#include "lockstep/python/Program.h"
#include "lockstep/scenarios/Registry.h"
#include "lockstep/scenarios/RunValidation.h"
#include "panels/ScenarioCatalogModel.h"

namespace lockstep::app {

namespace {

QString trScenario(const char* text) { return QCoreApplication::translate("Scenario", text); }

constexpr PolicyKind kPolicies[] = {PolicyKind::RoundRobin, PolicyKind::Random, PolicyKind::Cooperative,
                                    PolicyKind::Manual};
constexpr double kNanosPerMs = 1e6;

int clampToInt(std::int64_t v) {
    return static_cast<int>(std::clamp<std::int64_t>(v, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

}  // namespace

ScenarioBrowser::ScenarioBrowser(QWidget* parent) : QWidget(parent) {
    buildUi();
    retranslateUi();
}

ScenarioBrowser::~ScenarioBrowser() = default;

void ScenarioBrowser::buildUi() {
    catalog_ = new ScenarioCatalogModel(this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(catalog_);
    proxy_->setFilterRole(ScenarioCatalogModel::SearchTextRole);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    // A family stays visible while one of its scenarios matches; family rows have no search text of their
    // own, so a query never shows a whole family just because its heading matches.
    proxy_->setRecursiveFilteringEnabled(true);

    search_ = new QLineEdit;
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::textChanged, this, [this] { refilter(); });
    // Enter in the search field goes to the first match, so a learner can type and then press Enter again.
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        for (int f = 0; f < proxy_->rowCount(); ++f) {
            const QModelIndex family = proxy_->index(f, 0);
            if (proxy_->rowCount(family) > 0) {
                tree_->setCurrentIndex(proxy_->index(0, 0, family));
                tree_->setFocus();
                return;
            }
        }
    });
    auto* find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        search_->setFocus(Qt::ShortcutFocusReason);
        search_->selectAll();
    });

    tree_ = new QTreeView;
    tree_->setModel(proxy_);
    tree_->setHeaderHidden(true);
    tree_->setUniformRowHeights(true);
    tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->expandAll();
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
    // activated covers double-click and Enter, each as the platform defines it.
    connect(tree_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (!index.data(ScenarioCatalogModel::ScenarioIdRole).toString().isEmpty()) requestLoad();
    });

    description_ = new QTextBrowser;
    description_->setOpenLinks(false);

    paramsBox_ = new QGroupBox;
    paramsForm_ = new QFormLayout(paramsBox_);
    noParams_ = new QLabel;
    noParams_->setWordWrap(true);
    paramsForm_->addRow(noParams_);

    runBox_ = new QGroupBox;
    auto* runForm = new QFormLayout(runBox_);
    policy_ = new QComboBox;
    for (PolicyKind kind : kPolicies) policy_->addItem(QString(), static_cast<int>(kind));
    policyLabel_ = new QLabel;
    policyLabel_->setBuddy(policy_);
    runForm->addRow(policyLabel_, policy_);
    seed_ = new QLineEdit;
    // Seeds are 64-bit: a spin box (int) could not show every seed the command line accepts.
    seed_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,20}")), seed_));
    seedLabel_ = new QLabel;
    seedLabel_->setBuddy(seed_);
    runForm->addRow(seedLabel_, seed_);
    cores_ = new QSpinBox;
    cores_->setRange(1, RunConfig::kMaxCores);
    coresLabel_ = new QLabel;
    coresLabel_->setBuddy(cores_);
    runForm->addRow(coresLabel_, cores_);
    gil_ = new QCheckBox;
    runForm->addRow(gil_);
    // Where a program runs is not part of the run's settings (it changes nothing of the trace): the box sets the
    // runner's mode for the runs that follow, and is shown for programs only.
    sandbox_ = new QCheckBox;
    sandbox_->setChecked(python::runnerSettings().sandbox);
    runForm->addRow(sandbox_);
    connect(sandbox_, &QCheckBox::toggled, this, [this](bool on) {
        std::string why;
        if (on && !python::sandboxAvailable(&why)) {
            QSignalBlocker block(sandbox_);
            sandbox_->setChecked(false);
            sandbox_->setToolTip(QString::fromStdString(why));
            return;
        }
        python::RunnerSettings settings = python::runnerSettings();
        settings.sandbox = on;
        python::setRunnerSettings(settings);
    });
    quantum_ = new QDoubleSpinBox;
    // Microsecond resolution keeps a quantum given on the command line ("250us") exact on a round trip.
    quantum_->setDecimals(3);
    // The bounds every source of a run is held to (lockstep::scenarios' validation), in milliseconds.
    quantum_->setRange(static_cast<double>(RunConfig::kMinQuantum) / kNanosPerMs,
                       static_cast<double>(RunConfig::kMaxQuantum) / kNanosPerMs);
    quantumLabel_ = new QLabel;
    quantumLabel_->setBuddy(quantum_);
    runForm->addRow(quantumLabel_, quantum_);

    problem_ = new QLabel;
    problem_->setWordWrap(true);
    problem_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problem_->hide();
    load_ = new QPushButton;
    load_->setEnabled(false);
    connect(load_, &QPushButton::clicked, this, &ScenarioBrowser::requestLoad);

    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(search_);
    topLayout->addWidget(tree_);

    auto* bottom = new QWidget;
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(description_, 1);
    bottomLayout->addWidget(paramsBox_);
    bottomLayout->addWidget(runBox_);
    bottomLayout->addWidget(problem_);
    bottomLayout->addWidget(load_);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    base_ = RunConfig{};
    setConfigWidgets(base_);
    showScenario(nullptr);
}

void ScenarioBrowser::retranslateUi() {
    search_->setPlaceholderText(tr("Search scenarios (Ctrl+F)"));
    search_->setToolTip(tr("Filters by id, title and description"));
    paramsBox_->setTitle(tr("Parameters"));
    noParams_->setText(tr("This scenario has no parameters."));
    runBox_->setTitle(tr("Run settings"));
    policyLabel_->setText(tr("&Policy:"));
    const QString names[] = {timeline::TimelineStrings::policy(PolicyKind::RoundRobin),
                             timeline::TimelineStrings::policy(PolicyKind::Random),
                             timeline::TimelineStrings::policy(PolicyKind::Cooperative),
                             timeline::TimelineStrings::policy(PolicyKind::Manual)};
    const QString tips[] = {
        tr("The running thread goes on until it blocks, sleeps, yields, ends or uses up its quantum while "
           "another thread waits for a core; then the thread that has been ready longest runs. The same run "
           "every time."),
        tr("At every decision a thread is picked at random among those that can run. The seed makes the run "
           "repeatable: change it to see another interleaving."),
        tr("A switch happens only when the running thread blocks, sleeps, yields or ends; a CPU burst is "
           "never preempted, as with asyncio tasks."),
        tr("You pick the next thread yourself at every decision that has more than one candidate."),
    };
    for (int i = 0; i < policy_->count(); ++i) {
        policy_->setItemText(i, names[i]);
        policy_->setItemData(i, tips[i], Qt::ToolTipRole);
    }
    policy_->setToolTip(tr("Who runs next when more than one thread could"));
    seedLabel_->setText(tr("&Seed:"));
    seed_->setToolTip(tr("Seed of the random policy: the same seed gives the same run"));
    coresLabel_->setText(tr("&Cores:"));
    cores_->setToolTip(tr("Virtual cores: how many threads can compute at the same time (1 to %1)")
                           .arg(RunConfig::kMaxCores));
    sandbox_->setText(tr("Sand&box"));
    sandbox_->setToolTip(tr("Run your program in a sandbox: no network, the files read-only except a scratch "
                            "directory, tighter limits. For programs you did not write; applies from the next Load."));
    gil_->setText(tr("&GIL"));
    gil_->setToolTip(tr("Model CPython's global interpreter lock: only one thread runs Python code at a time, "
                        "however many cores there are"));
    quantumLabel_->setText(tr("&Quantum:"));
    quantum_->setSuffix(tr(" ms"));
    quantum_->setToolTip(tr("How long a CPU burst keeps its core before a preemptive policy lets another "
                            "thread have it"));
    load_->setText(tr("&Load"));
    load_->setToolTip(tr("Load the scenario with these parameters and settings (or double-click it)"));
    catalog_->retranslate();
    refilter();  // the search reads the texts in the new language
    updateDescription();
    updateParamTexts();
}

void ScenarioBrowser::refilter() {
    // Hiding the current row makes the selection model move the current index to a neighbour; that is
    // not the learner choosing another scenario, so it must not reset the parameters they set.
    syncing_ = true;
    proxy_->setFilterFixedString(search_->text().trimmed());
    // Texts change under an active filter after a language switch, and the proxy does not reliably bring
    // back a hidden family when only one of its children starts to match: filter again from scratch.
    proxy_->invalidate();
    tree_->expandAll();
    const QModelIndex chosen = proxy_->mapFromSource(catalog_->indexOfScenario(currentScenarioId()));
    tree_->setCurrentIndex(chosen);  // invalid (nothing highlighted) while the filter hides the scenario
    syncing_ = false;
}

void ScenarioBrowser::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

QAbstractItemModel* ScenarioBrowser::filteredModel() const { return proxy_; }

QString ScenarioBrowser::currentScenarioId() const {
    return scenario_ ? QString::fromStdString(scenario_->id) : QString();
}

QSpinBox* ScenarioBrowser::parameterEditor(const QString& key) const {
    for (const ParamEditor& p : params_)
        if (QString::fromStdString(p.key) == key) return p.spin;
    return nullptr;
}

QCheckBox* ScenarioBrowser::parameterCheckBox(const QString& key) const {
    for (const ParamEditor& p : params_)
        if (QString::fromStdString(p.key) == key) return p.check;
    return nullptr;
}

QWidget* ScenarioBrowser::ParamEditor::widget() const {
    if (when) return when;
    return check ? static_cast<QWidget*>(check) : static_cast<QWidget*>(spin);
}

std::int64_t ScenarioBrowser::ParamEditor::value() const {
    if (when) return when->dateTime().toSecsSinceEpoch();
    return check ? (check->isChecked() ? 1 : 0) : spin->value();
}

void ScenarioBrowser::ParamEditor::setValue(std::int64_t v) const {
    if (when) when->setDateTime(QDateTime::fromSecsSinceEpoch(v));
    else if (check) check->setChecked(v != 0);
    else spin->setValue(clampToInt(v));
}

void ScenarioBrowser::onCurrentChanged(const QModelIndex& current) {
    if (syncing_) return;
    const QString id = current.data(ScenarioCatalogModel::ScenarioIdRole).toString();
    // A family heading, or the filter hiding the current row: the chosen scenario stays as it was.
    if (id.isEmpty()) return;
    selectScenario(id);
}

bool ScenarioBrowser::selectScenario(const QString& id) {
    const scenarios::Scenario* s = scenarios::find(id.toStdString());
    if (!s) return false;
    if (s != scenario_) {
        // Another scenario's parameters and run defaults are meaningless here: start from this one's own.
        showScenario(s);
        applyDefaults(s);
        emit scenarioChanged(id);
    }
    selectInTree(id);
    return true;
}

void ScenarioBrowser::addProgram(const QString& id) {
    catalog_->addProgram(id);
    refilter();  // shows the new group (and keeps the current row current)
}

void ScenarioBrowser::setRunSetup(const RunSetup& setup) {
    if (!setup.scenario) return;
    const bool changed = setup.scenario != scenario_;
    if (changed) showScenario(setup.scenario);
    base_ = setup.config;
    setConfigWidgets(setup.config);
    setParamValues(setup.scenario->resolve(setup.config.params).values());
    selectInTree(QString::fromStdString(setup.scenario->id));
    if (changed) emit scenarioChanged(QString::fromStdString(setup.scenario->id));
}

RunSetup ScenarioBrowser::currentSetup() const {
    RunSetup setup;
    setup.scenario = scenario_;
    setup.config = base_;
    setup.config.policy = static_cast<PolicyKind>(policy_->currentData().toInt());
    bool ok = false;
    const qulonglong seed = seed_->text().toULongLong(&ok);
    setup.config.seed = ok ? seed : base_.seed;
    setup.config.cores = cores_->value();
    setup.config.gil = gil_->isChecked();
    setup.config.quantum = static_cast<Nanos>(std::llround(quantum_->value() * kNanosPerMs));
    std::vector<std::pair<std::string, std::int64_t>> given;
    for (const ParamEditor& p : params_) given.emplace_back(p.key, p.value());
    setup.config.params = scenario_ ? scenario_->resolve(given).values() : given;
    return setup;
}

void ScenarioBrowser::requestLoad() {
    if (!scenario_) return;
    const RunSetup setup = currentSetup();
    // The check the command line and replay tokens go through: a setup the window was handed (a token, the
    // saved settings) may carry a value no field here could produce.
    if (const auto p = scenarios::checkRunConfig(*scenario_, setup.config)) {
        const std::string_view setting = scenarios::settingName(p->setting);
        problem_->setText(tr("Cannot load: %1: %2")
                              .arg(QString::fromUtf8(setting.data(), static_cast<qsizetype>(setting.size())),
                                   QString::fromStdString(p->message)));
        problem_->show();
        return;
    }
    problem_->hide();
    problem_->clear();
    emit loadRequested(setup);
}

void ScenarioBrowser::applyDefaults(const scenarios::Scenario* scenario) {
    RunConfig config = base_;
    scenario->defaults.applyTo(config);
    // A forced schedule names the previous scenario's threads; it cannot apply to this one.
    config.schedule.clear();
    base_ = config;
    setConfigWidgets(config);
    setParamValues(scenario->resolve({}).values());
}

void ScenarioBrowser::setConfigWidgets(const RunConfig& config) {
    const int policyIndex = policy_->findData(static_cast<int>(config.policy));
    policy_->setCurrentIndex(std::max(policyIndex, 0));
    seed_->setText(QString::number(static_cast<qulonglong>(config.seed)));
    cores_->setValue(config.cores);
    gil_->setChecked(config.gil);
    quantum_->setValue(static_cast<double>(config.quantum) / kNanosPerMs);
}

void ScenarioBrowser::setParamValues(const std::vector<std::pair<std::string, std::int64_t>>& values) {
    for (const auto& [key, value] : values)
        for (ParamEditor& p : params_)
            if (p.key == key) p.setValue(value);
}

void ScenarioBrowser::showScenario(const scenarios::Scenario* scenario) {
    scenario_ = scenario;
    sandbox_->setVisible(scenario && scenario->openElsewhere);
    sandbox_->setChecked(python::runnerSettings().sandbox);
    problem_->hide();  // it was about the previous scenario's settings
    for (ParamEditor& p : params_) paramsForm_->removeRow(p.widget());  // deletes the label and the editor
    params_.clear();
    if (scenario) {
        for (const scenarios::ParamSpec& spec : scenario->params) {
            ParamEditor p;
            p.key = spec.key;
            p.label = spec.label;
            if (spec.key == python::kStartParam) {
                // A date reads better than a count of seconds since 1970.
                p.when = new QDateTimeEdit(QDateTime::fromSecsSinceEpoch(spec.defaultValue));
                p.when->setDateTimeRange(QDateTime::fromSecsSinceEpoch(spec.min), QDateTime::fromSecsSinceEpoch(spec.max));
                p.when->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
                p.when->setObjectName(QString::fromStdString(spec.key));
                p.labelWidget = new QLabel;
                p.labelWidget->setBuddy(p.when);
                paramsForm_->addRow(p.labelWidget, p.when);
            } else if (spec.min == 0 && spec.max == 1) {
                // A switch reads better as a check box than as a number that can only be 0 or 1.
                p.check = new QCheckBox;
                p.check->setChecked(spec.defaultValue != 0);
                p.check->setObjectName(QString::fromStdString(spec.key));
                paramsForm_->addRow(p.check);
            } else {
                p.spin = new QSpinBox;
                p.spin->setRange(clampToInt(spec.min), clampToInt(spec.max));
                p.spin->setValue(clampToInt(spec.defaultValue));
                p.spin->setObjectName(QString::fromStdString(spec.key));
                p.labelWidget = new QLabel;
                p.labelWidget->setBuddy(p.spin);
                paramsForm_->addRow(p.labelWidget, p.spin);
            }
            params_.push_back(p);
        }
    }
    noParams_->setVisible(scenario && params_.empty());
    paramsBox_->setVisible(scenario != nullptr);
    runBox_->setEnabled(scenario != nullptr);
    load_->setEnabled(scenario != nullptr);
    updateParamTexts();
    updateDescription();
}

void ScenarioBrowser::updateParamTexts() {
    if (!scenario_) return;
    for (std::size_t i = 0; i < params_.size() && i < scenario_->params.size(); ++i) {
        const scenarios::ParamSpec& spec = scenario_->params[i];
        ParamEditor& p = params_[i];
        if (p.check) {
            p.check->setText(trScenario(p.label));
            if (spec.key == python::kBytecodeParam)
                p.check->setToolTip(tr("Make every bytecode instruction of your program a scheduling point, not only "
                                       "every line: counter += 1 is then a load, an add and a store, and another "
                                       "thread can run between any two of them. Off: threads switch only between "
                                       "lines. (command line: --param %1=1)")
                                        .arg(QString::fromStdString(spec.key)));
            else if (spec.key == python::kCpuParam)
                p.check->setToolTip(tr("Your program's Python code takes virtual time, about as long as CPython takes "
                                       "on a laptop: two threads computing then take twice as long as one with the "
                                       "GIL on (uncheck GIL to see a free-threaded Python on 2 cores). Off: "
                                       "only sleeps and timeouts move the clock, for when you want only the "
                                       "interleaving. (command line: --param %1=0)")
                                        .arg(QString::fromStdString(spec.key)));
            else
                p.check->setToolTip(tr("%1: checked is 1, unchecked 0; default %2 (command line: --param %3=0 or 1)")
                                        .arg(trScenario(p.label))
                                        .arg(spec.defaultValue)
                                        .arg(QString::fromStdString(spec.key)));
            continue;
        }
        p.labelWidget->setText(trScenario(p.label) + QLatin1Char(':'));
        if (p.when) {
            p.when->setToolTip(tr("What time.time(), datetime.now() and logging read when the run starts; from there "
                                  "they go on with the virtual clock, so a sleep of 2 s moves them 2 s. It is the "
                                  "moment you opened the program, and a replay keeps it (command line: --param "
                                  "%1=SECONDS since 1970)")
                                   .arg(QString::fromStdString(spec.key)));
            continue;
        }
        p.spin->setToolTip(tr("%1: from %2 to %3, default %4 (command line: --param %5=VALUE)")
                               .arg(trScenario(p.label))
                               .arg(spec.min)
                               .arg(spec.max)
                               .arg(spec.defaultValue)
                               .arg(QString::fromStdString(spec.key)));
    }
}

void ScenarioBrowser::updateDescription() {
    if (!scenario_) {
        description_->setHtml(QStringLiteral("<p>%1</p>").arg(
            tr("Pick a scenario above to read what it shows, set its parameters and load it.").toHtmlEscaped()));
        return;
    }
    // A program's own description is composed at run time in English; the browser says it in the UI's language.
    QString description = scenario_->description ? trScenario(scenario_->description) : QString();
    if (!scenario_->sourcePath.empty())
        description = tr("Your own Python program, run by the scheduler: each line is a step (or each bytecode "
                         "instruction, with the switch below). Edit it in the code view: it is saved and reloaded "
                         "before the next run.");
    description_->setHtml(QStringLiteral("<h3>%1</h3><p><code>%2</code></p><p>%3</p><h4>%4</h4><pre>%5</pre>")
                              .arg(trScenario(scenario_->title).toHtmlEscaped(),
                                   QString::fromStdString(scenario_->id).toHtmlEscaped(),
                                   description.toHtmlEscaped(),
                                   tr("The program").toHtmlEscaped(),
                                   QString::fromStdString(scenario_->listing).toHtmlEscaped()));
}

void ScenarioBrowser::selectInTree(const QString& id) {
    const QModelIndex proxyIndex = proxy_->mapFromSource(catalog_->indexOfScenario(id));
    if (!proxyIndex.isValid() || tree_->currentIndex() == proxyIndex) return;
    syncing_ = true;
    tree_->setCurrentIndex(proxyIndex);
    tree_->scrollTo(proxyIndex);
    syncing_ = false;
}

void ScenarioBrowser::saveState(QSettings& settings) const {
    settings.beginGroup(QStringLiteral("ScenarioBrowser"));
    settings.remove(QString());  // parameters of an earlier scenario must not linger
    if (scenario_) {
        const RunSetup setup = currentSetup();
        settings.setValue(QStringLiteral("scenario"), currentScenarioId());
        settings.setValue(QStringLiteral("policy"), QString::fromStdString(policyName(setup.config.policy)));
        settings.setValue(QStringLiteral("seed"), QString::number(static_cast<qulonglong>(setup.config.seed)));
        settings.setValue(QStringLiteral("cores"), setup.config.cores);
        settings.setValue(QStringLiteral("gil"), setup.config.gil);
        settings.setValue(QStringLiteral("quantumNs"), static_cast<qlonglong>(setup.config.quantum));
        settings.beginGroup(QStringLiteral("params"));
        for (const auto& [key, value] : setup.config.params)
            // A program's start instant is the moment it is opened, not one kept from another day.
            if (key != python::kStartParam) settings.setValue(QString::fromStdString(key), static_cast<qlonglong>(value));
        settings.endGroup();
    }
    settings.endGroup();
}

void ScenarioBrowser::restoreState(QSettings& settings) {
    settings.beginGroup(QStringLiteral("ScenarioBrowser"));
    const scenarios::Scenario* s = scenarios::find(settings.value(QStringLiteral("scenario")).toString().toStdString());
    if (s) {
        // Start from the scenario's defaults, so a setting missing or unreadable in the file falls back to them.
        RunSetup setup;
        setup.scenario = s;
        setup.config = base_;
        setup.config.schedule.clear();
        setup.config.params.clear();
        s->defaults.applyTo(setup.config);
        PolicyKind policy;
        if (parsePolicyName(settings.value(QStringLiteral("policy")).toString().toStdString(), policy))
            setup.config.policy = policy;
        bool ok = false;
        const qulonglong seed = settings.value(QStringLiteral("seed")).toString().toULongLong(&ok);
        if (ok) setup.config.seed = seed;
        const int cores = settings.value(QStringLiteral("cores")).toInt(&ok);
        if (ok && cores >= 1 && cores <= RunConfig::kMaxCores) setup.config.cores = cores;
        if (settings.contains(QStringLiteral("gil"))) setup.config.gil = settings.value(QStringLiteral("gil")).toBool();
        const qlonglong quantum = settings.value(QStringLiteral("quantumNs")).toLongLong(&ok);
        if (ok && !scenarios::checkQuantum(quantum)) setup.config.quantum = quantum;
        settings.beginGroup(QStringLiteral("params"));
        for (const scenarios::ParamSpec& spec : s->params) {
            const qlonglong v = settings.value(QString::fromStdString(spec.key)).toLongLong(&ok);
            if (ok) setup.config.params.emplace_back(spec.key, std::clamp<std::int64_t>(v, spec.min, spec.max));
        }
        settings.endGroup();
        setRunSetup(setup);
    }
    settings.endGroup();
}

void ScenarioBrowser::refreshProgress() { catalog_->retranslate(); }

}  // namespace lockstep::app
