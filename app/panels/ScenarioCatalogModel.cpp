#include "panels/ScenarioCatalogModel.h"

#include <QCoreApplication>

#include "learn/Lesson.h"
#include "learn/Progress.h"
#include "lockstep/scenarios/Registry.h"
#include "style/Glyphs.h"

namespace lockstep::app {

namespace {
QString trScenario(const char* text) { return text ? QCoreApplication::translate("Scenario", text) : QString(); }
const QString kProgramsFamily = QStringLiteral("programs");
}  // namespace

ScenarioCatalogModel::ScenarioCatalogModel(QObject* parent) : QStandardItemModel(parent) {
    setColumnCount(1);
    for (const std::string& family : scenarios::families()) {
        auto* group = new QStandardItem;
        // Families are headings: not selectable, so the current item is always a scenario or nothing.
        group->setFlags(Qt::ItemIsEnabled);
        group->setData(QString::fromStdString(family), FamilyIdRole);
        for (const scenarios::Scenario& s : scenarios::all()) {
            if (family != s.family) continue;
            auto* item = new QStandardItem;
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setData(QString::fromStdString(s.id), ScenarioIdRole);
            item->setData(QString::fromStdString(family), FamilyIdRole);
            group->appendRow(item);
        }
        if (group->rowCount() == 0) {  // a family with nothing (yet) is not shown as an empty heading
            delete group;
            continue;
        }
        appendRow(group);
    }
    retranslate();
}

void ScenarioCatalogModel::retranslate() {
    for (int f = 0; f < rowCount(); ++f) {
        QStandardItem* group = item(f);
        const std::string family = group->data(FamilyIdRole).toString().toStdString();
        group->setText(family == kProgramsFamily.toStdString() ? tr("Your programs")
                                                               : trScenario(scenarios::familyTitle(family)));
        for (int r = 0; r < group->rowCount(); ++r) {
            QStandardItem* row = group->child(r);
            const scenarios::Scenario* s = scenarios::find(row->data(ScenarioIdRole).toString().toStdString());
            if (!s) continue;
            const QString title = trScenario(s->title);
            // A program's description is English composed at run time: its path says enough in a tooltip.
            const QString description = s->sourcePath.empty() ? trScenario(s->description) : QString();
            // The campaign's challenges on this scenario, and how many the learner has won.
            QStringList challenges, lines;
            for (const Challenge& c : campaign().challenges)
                if (c.scenario.toStdString() == s->id) {
                    challenges << c.name;
                    lines << QStringLiteral("%1 %2").arg(style::Glyphs::challengeMark(progress::won(c.name)), c.title.here());
                }
            const int won = progress::wonAmong(challenges);
            row->setText(challenges.isEmpty() ? title
                                              : QStringLiteral("%1  %2 %3/%4")
                                                    .arg(title, style::Glyphs::challengeMark(won == challenges.size()))
                                                    .arg(won)
                                                    .arg(challenges.size()));
            row->setData(challenges.size(), ChallengeCountRole);
            row->setData(won, ChallengesWonRole);
            QString tip = QStringLiteral("%1\n%2").arg(QString::fromStdString(s->id), description);
            if (!challenges.isEmpty()) tip += "\n\n" + tr("Challenges (Learn panel):") + "\n" + lines.join("\n");
            row->setToolTip(tip);
            // The search looks at what the learner reads (title and description in the language on screen)
            // and at the id the command line uses.
            row->setData(QStringLiteral("%1\n%2\n%3").arg(QString::fromStdString(s->id), title, description),
                         SearchTextRole);
        }
    }
}

QModelIndex ScenarioCatalogModel::addProgram(const QString& id) {
    if (const QModelIndex existing = indexOfScenario(id); existing.isValid()) {
        retranslate();  // a reloaded program may have a new title
        return existing;
    }
    QStandardItem* group = nullptr;
    for (int f = 0; f < rowCount(); ++f)
        if (item(f)->data(FamilyIdRole).toString() == kProgramsFamily) group = item(f);
    if (!group) {
        group = new QStandardItem;
        group->setFlags(Qt::ItemIsEnabled);
        group->setData(kProgramsFamily, FamilyIdRole);
        appendRow(group);
    }
    auto* row = new QStandardItem;
    row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    row->setData(id, ScenarioIdRole);
    row->setData(kProgramsFamily, FamilyIdRole);
    group->appendRow(row);
    retranslate();
    return row->index();
}

QModelIndex ScenarioCatalogModel::indexOfScenario(const QString& id) const {
    for (int f = 0; f < rowCount(); ++f) {
        const QStandardItem* group = item(f);
        for (int r = 0; r < group->rowCount(); ++r)
            if (group->child(r)->data(ScenarioIdRole).toString() == id) return group->child(r)->index();
    }
    return {};
}

QHash<int, QByteArray> ScenarioCatalogModel::roleNames() const {
    QHash<int, QByteArray> names = QStandardItemModel::roleNames();
    names.insert(ScenarioIdRole, "scenarioId");
    names.insert(FamilyIdRole, "familyId");
    names.insert(SearchTextRole, "searchText");
    return names;
}

}  // namespace lockstep::app
