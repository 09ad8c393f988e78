#pragma once
// Every actor's listing side by side, one column per actor, with the line the actor is on highlighted in the
// colour of its state (running, ready, blocked...). Each column's header names the actor and says what it is
// doing; a blocked actor's header says what it waits for and who holds it. In manual mode, at the live step,
// the actors that could run next carry a "run" button (or take a double click) to choose the next step.
//
// All actors run the same program, so the listing is laid out once and every column paints it with its own
// highlight: the cost of a column is its visible lines, not a text document per actor.
//
// A learner's own program (a scenario with a sourcePath) is also shown in an editor on the left, with the
// same colouring and every thread's line marked. Editing marks the program modified; the window saves and
// reloads it before the next run. Built-in listings stay read-only.

#include <QAbstractScrollArea>
#include <QList>
#include <QStringList>
#include <QTextLayout>

#include <memory>
#include <vector>

#include "view/TraceView.h"
#include "lockstep/RunState.h"

class QLabel;

namespace lockstep::app {

class ProgramEditor;

class CodeView : public QAbstractScrollArea {
    Q_OBJECT

public:
    explicit CodeView(QWidget* parent = nullptr);

    void setView(const TraceView& view);

    int actorColumnCount() const { return static_cast<int>(columns_.size()); }
    // Listing line (1-based) highlighted for the actor: the line of its last event at or before the cursor;
    // 0 when it has none yet. -1 for an actor that is not shown.
    int currentLine(ActorId actor) const;
    ActorState actorState(ActorId actor) const;
    // The second header line, e.g. "blocked: acquire lock_b (held by T2)".
    QString statusText(ActorId actor) const;
    // The actor may be chosen to run next (manual mode, cursor at the live step, a candidate).
    bool isChoosable(ActorId actor) const;
    // Where the actor's column and its "run" button are, in viewport coordinates (empty when not shown).
    QRect columnRect(ActorId actor) const;
    QRect chooseButtonRect(ActorId actor) const;
    // A data race reported at or before the cursor, as the code view marks it: both accesses, each on the
    // line of the actor that made it.
    struct RaceAccess {
        ActorId actor = kNoActor;
        int line = 0;        // listing line of the load or store
        std::uint32_t step = 0;
        bool write = false;
        int race = 0;        // index in Trace::races()
    };
    const std::vector<RaceAccess>& raceAccesses() const { return raceAccesses_; }
    // Listing lines marked as racing in the actor's column.
    std::vector<int> raceLines(ActorId actor) const;

    // The program editor: shown for a learner's program, hidden (and never editable) for a built-in listing.
    ProgramEditor* editor() const { return editor_; }
    bool isEditable() const;
    // The editor's text differs from the program last loaded.
    bool isProgramModified() const { return modified_; }
    QString programText() const;
    // The file the editor's text belongs to (the program's sourcePath), or empty.
    QString programPath() const { return programPath_; }

signals:
    void actorChosen(lockstep::ActorId actor);
    // The learner edited the program (true) or its text was saved or reloaded (false).
    void programModifiedChanged(bool modified);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    struct Column {
        ActorId actor = kNoActor;
        QString name;
        StateInterval state;
        int line = 0;
        QString status;
        bool choosable = false;
    };

    void rebuildStatus();
    void rebuildRaces(std::uint32_t cursor);
    QString raceText(const RaceAccess& access) const;
    const RaceAccess* raceAt(const QPoint& viewportPos) const;
    void updateMetrics();
    void updateScrollBars();
    void showProgram();
    void updateEditorMarkers();
    void layoutEditor();
    void retranslateEditor();
    void scrollToLine(int line);
    int columnAt(const QPoint& viewportPos) const;
    const Column* column(ActorId actor) const;
    int headerHeight() const;
    int lineHeight() const;

    TraceView view_;  // the model and the state at the cursor
    const scenarios::Scenario* scenario_ = nullptr;
    QStringList lines_;
    std::vector<QList<QTextLayout::FormatRange>> lineFormats_;  // Python colouring of each listing line
    std::vector<Column> columns_;
    std::vector<RaceAccess> raceAccesses_;
    int columnWidth_ = 200;
    int gutterWidth_ = 30;
    int markerWidth_ = 12;

    QWidget* editorPane_ = nullptr;
    QLabel* editorTitle_ = nullptr;
    ProgramEditor* editor_ = nullptr;
    QString programPath_;
    bool modified_ = false;
    bool settingText_ = false;  // the editor's text is being set from the program, not typed
};

}  // namespace lockstep::app
