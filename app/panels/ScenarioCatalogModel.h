#pragma once
// The scenario catalogue as a two-level tree: families in display order, each with its scenarios. Texts are
// kept in English in the registry and translated here, so retranslate() after a language change is enough
// to show (and search) them in the new language.

#include <QStandardItemModel>

namespace lockstep::app {

class ScenarioCatalogModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Role {
        ScenarioIdRole = Qt::UserRole + 1,  // scenario rows: the id; family rows: empty
        FamilyIdRole,                        // both kinds of row: the family id
        SearchTextRole,                      // scenario rows: id, title and description in the current language
    };

    explicit ScenarioCatalogModel(QObject* parent = nullptr);

    // Re-reads every title and description through QCoreApplication::translate("Scenario", ...).
    void retranslate();
    // The scenario row with this id, or an invalid index.
    QModelIndex indexOfScenario(const QString& id) const;
    QHash<int, QByteArray> roleNames() const override;
};

}  // namespace lockstep::app
