#pragma once
// The program's listing, once, with every thread's current line marked by a chip with its name (the chip's
// colour is the thread's state: running, ready, blocked...). The thread that ran the cursor step has its line
// marked "just ran" in the gutter and, when the trace already knows it, the line it runs next; the listing
// scrolls so that thread's line is always in sight. All the threads of a scenario run the one listing, so one
// copy of it shows every thread at once, however narrow the panel.
//
// Above the listing, one entry per thread: its name chip and what it does or waits for ("blocked: acquire
// lock_b (held by T2)"); threads that have finished or not started yet fold into a single line. In manual
// mode, or at a past step, an entry of a thread that could run next carries a "run" button (or takes a
// double click) to choose the next step.
//
// A learner's own program (a scenario with a sourcePath) is shown in an editor instead, under the header,
// with the same colouring and every thread's line marked and named. Editing marks the program modified; the window saves and
// reloads it before the next run. Built-in listings stay read-only.

#include <QAbstractScrollArea>
#include <QColor>
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

    // One entry per actor in the header (the name kept from the time every actor had a column).
    int actorColumnCount() const { return static_cast<int>(columns_.size()); }
    // Listing line (1-based) highlighted for the actor: the line of its last event at or before the cursor;
    // 0 when it has none yet. -1 for an actor that is not shown.
    int currentLine(ActorId actor) const;
    ActorState actorState(ActorId actor) const;
    // The state's colours as the actor's column paints them: the background of its current line, and the
    // marker beside that line (and the strip under the column's header).
    QColor lineBackground(ActorId actor) const;
    QColor markerColor(ActorId actor) const;
    // The second header line, e.g. "blocked: acquire lock_b (held by T2)".
    QString statusText(ActorId actor) const;
    // The actor may be chosen to run next (manual mode, cursor at the live step, a candidate).
    bool isChoosable(ActorId actor) const;
    // Where the actor's header entry and its "run" button are, in viewport coordinates (empty when not shown).
    QRect columnRect(ActorId actor) const;
    QRect chooseButtonRect(ActorId actor) const;
    // The actor's name chip on its current line, in viewport coordinates (empty when the line is scrolled
    // away, or the actor has no line or has finished).
    QRect chipRect(ActorId actor) const;
    // A listing line (1-based) in viewport coordinates, whether or not it is in sight.
    QRect lineRect(int line) const;
    // The actor that ran the cursor step (kNoActor before the first), the line that step ran, and the
    // line it runs next when the trace goes on past the cursor (0 when not known yet).
    ActorId lastActor() const { return lastActor_; }
    int justRanLine() const { return justRan_; }
    int nextLine() const { return next_; }
    int headerHeight() const { return headerHeight_; }
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
        bool folded = false;  // finished or not started: named on the header's last line only
        QRect entry;          // its header entry, in viewport coordinates (the header does not scroll)
    };

    void rebuildStatus();
    void layoutHeader();
    void findNextLine();
    QString foldedText() const;
    int chipWidth(const QString& name) const;
    void paintChip(QPainter& p, const QRect& r, const Column& c, bool bold) const;
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
    int editorTitleHeight() const;
    int lineHeight() const;

    TraceView view_;  // the model and the state at the cursor
    const scenarios::Scenario* scenario_ = nullptr;
    QStringList lines_;
    std::vector<QList<QTextLayout::FormatRange>> lineFormats_;  // Python colouring of each listing line
    std::vector<Column> columns_;
    std::vector<RaceAccess> raceAccesses_;
    int textWidth_ = 200;     // the widest listing line, in pixels
    std::vector<int> codeEnds_;  // by line: the width of its code, without a trailing comment
    int headerHeight_ = 40;
    QRect foldedRect_;        // the header line naming the finished and not started threads
    ActorId lastActor_ = kNoActor;
    int justRan_ = 0;
    int next_ = 0;
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
