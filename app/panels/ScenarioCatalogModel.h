#pragma once
// The scenario catalogue as a two-level tree: families in display order, each with its scenarios. Texts are
// kept in English in the registry and translated here, so retranslate() after a language change is enough
// to show (and search) them in the new language. Programs the learner opened follow in a group of their own.

#include <QStandardItemModel>

namespace lockstep::app {

class ScenarioCatalogModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Role {
        ScenarioIdRole = Qt::UserRole + 1,  // scenario rows: the id; family rows: empty
        FamilyIdRole,                        // both kinds of row: the family id
        SearchTextRole,                      // scenario rows: id, title and description in the current language
        ChallengeCountRole,                  // scenario rows: the campaign's challenges on it
        ChallengesWonRole,                   // and how many of them the learner has won
    };

    explicit ScenarioCatalogModel(QObject* parent = nullptr);

    // Re-reads every title and description through QCoreApplication::translate("Scenario", ...), and the
    // challenges won (learn/Progress.h).
    void retranslate();
    // Adds a learner's program (scenarios::find(id) knows it) to the "Your programs" group at the end; a
    // program already listed keeps its row. Returns the row.
    QModelIndex addProgram(const QString& id);
    // The scenario row with this id, or an invalid index.
    QModelIndex indexOfScenario(const QString& id) const;
    QHash<int, QByteArray> roleNames() const override;
};

}  // namespace lockstep::app
