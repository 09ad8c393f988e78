#pragma once
// The scenario browser dock: the catalogue grouped by family with a search field, the chosen scenario's
// description and parameters, and the run settings (policy, seed, cores, GIL, quantum). "Load" (or a
// double-click / Enter on a scenario) hands the whole RunSetup to the window; the browser never runs anything.

#include <QString>
#include <QWidget>

#include <vector>

#include "view/RunSetup.h"

class QAbstractItemModel;
class QCheckBox;
class QDateTimeEdit;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QSpinBox;
class QTextBrowser;
class QTreeView;

namespace lockstep::app {

class ScenarioCatalogModel;

class ScenarioBrowser : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioBrowser(QWidget* parent = nullptr);
    ~ScenarioBrowser() override;

    // Makes `id` the current scenario, with its default parameters and run defaults when it was not current
    // already. Returns false (and changes nothing) for an unknown id.
    bool selectScenario(const QString& id);
    // Lists a loaded program (scenarios::find(id) knows it) under "Your programs"; selectScenario then finds it.
    void addProgram(const QString& id);
    // Shows a setup exactly: scenario, parameters and every run setting. A null scenario changes nothing.
    void setRunSetup(const RunSetup& setup);
    // Shows the challenges won anew (after a win or a reset of the progress).
    void refreshProgress();
    // The scenario and settings on screen; parameters are complete (scenario->resolve) in the scenario's order.
    RunSetup currentSetup() const;
    QString currentScenarioId() const;

    // The last scenario and its settings, under the group "ScenarioBrowser".
    void saveState(QSettings& settings) const;
    void restoreState(QSettings& settings);

    // For tests: the catalogue, the filtered model the tree shows, and the search field.
    ScenarioCatalogModel* catalog() const { return catalog_; }
    QAbstractItemModel* filteredModel() const;
    QLineEdit* searchField() const { return search_; }
    QTreeView* tree() const { return tree_; }
    // The editor of parameter `key` of the current scenario, or null: a spin box, or for a 0..1 parameter
    // (a switch, such as a program's "bytecode") a check box.
    QSpinBox* parameterEditor(const QString& key) const;
    QCheckBox* parameterCheckBox(const QString& key) const;
    QComboBox* policyBox() const { return policy_; }
    // Shown when Load found a setting out of range (the same words as the command line's); hidden otherwise.
    QLabel* problemLabel() const { return problem_; }
    QLineEdit* seedBox() const { return seed_; }

public slots:
    // Emits loadRequested with currentSetup() when a scenario is chosen.
    void requestLoad();

signals:
    void loadRequested(const lockstep::app::RunSetup& setup);
    // The current scenario changed (by the user or by selectScenario/setRunSetup).
    void scenarioChanged(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct ParamEditor {
        std::string key;
        const char* label = nullptr;  // English, translated on display
        QLabel* labelWidget = nullptr;  // null for a check box, which carries its label
        QSpinBox* spin = nullptr;
        QCheckBox* check = nullptr;     // a 0..1 parameter instead of the spin box
        QDateTimeEdit* when = nullptr;  // a program's start instant (seconds since 1970) instead of the spin box
        QWidget* widget() const;
        std::int64_t value() const;
        void setValue(std::int64_t v) const;
    };

    void buildUi();
    void retranslateUi();
    void refilter();
    void onCurrentChanged(const QModelIndex& current);
    void showScenario(const scenarios::Scenario* scenario);  // description and parameter editors
    void applyDefaults(const scenarios::Scenario* scenario);
    void setConfigWidgets(const RunConfig& config);
    void setParamValues(const std::vector<std::pair<std::string, std::int64_t>>& values);
    void updateDescription();
    void updateParamTexts();
    void selectInTree(const QString& id);

    ScenarioCatalogModel* catalog_ = nullptr;
    QSortFilterProxyModel* proxy_ = nullptr;
    const scenarios::Scenario* scenario_ = nullptr;
    // Fields the browser does not edit (switch interval, step limit, forced schedule) pass through unchanged.
    RunConfig base_;
    bool syncing_ = false;  // selection set from code: do not reset settings to the defaults

    QLineEdit* search_ = nullptr;
    QTreeView* tree_ = nullptr;
    QTextBrowser* description_ = nullptr;
    QGroupBox* paramsBox_ = nullptr;
    QFormLayout* paramsForm_ = nullptr;
    QLabel* noParams_ = nullptr;
    std::vector<ParamEditor> params_;
    QGroupBox* runBox_ = nullptr;
    QLabel* policyLabel_ = nullptr;
    QComboBox* policy_ = nullptr;
    QLabel* seedLabel_ = nullptr;
    QLineEdit* seed_ = nullptr;
    QLabel* coresLabel_ = nullptr;
    QSpinBox* cores_ = nullptr;
    QCheckBox* gil_ = nullptr;
    QCheckBox* sandbox_ = nullptr;  // a Python program's runs in the sandbox (lockstep::python::RunnerSettings)
    QLabel* quantumLabel_ = nullptr;
    QDoubleSpinBox* quantum_ = nullptr;
    QLabel* problem_ = nullptr;
    QPushButton* load_ = nullptr;
};

}  // namespace lockstep::app
