#pragma once
// What the window shows before anything is loaded: what Lockstep is in two sentences, the first scenarios
// to try in the course's order (a click loads one), a way to open one's own program, and the keys that
// matter on the first day. Also the text of Help > Guide, which says what each part of the window shows.

#include <QStringList>
#include <QTextBrowser>

namespace lockstep::app {

class StartPage : public QTextBrowser {
    Q_OBJECT

public:
    explicit StartPage(QWidget* parent = nullptr);

    // The scenarios offered, in the order a course meets them (threads, races, locks, deadlocks, semaphores,
    // conditions, queues, pools, asyncio, processes); ids of the built-in catalogue.
    static const QStringList& firstScenarios();
    // The guide (Help > Guide) as HTML, in the interface's language.
    static QString guideHtml();

signals:
    void scenarioChosen(const QString& id);
    void openProgramRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
};

}  // namespace lockstep::app
