#pragma once
// The story panel: what happened in the step under the cursor and in the few steps before it, in words
// (StoryText over a StoryTeller), oldest first so it reads down like a story and the cursor step comes last.
// Each step is its header (bold) and its sentences; the cursor step is highlighted; clicking a step's line
// (or Enter on it) asks to move the cursor to that step.

#include <QWidget>
#include <cstdint>
#include <memory>

#include "lockstep/Story.h"
#include "lockstep/Verdict.h"
#include "view/TraceView.h"

class QLabel;
class QListWidget;
class QScrollArea;

namespace lockstep::app {

class StoryPanel : public QWidget {
    Q_OBJECT

public:
    explicit StoryPanel(QWidget* parent = nullptr);

    void setView(const TraceView& view);
    QListWidget* list() const { return list_; }
    // The step shown highlighted (the cursor step); 0 when none.
    std::uint32_t currentStep() const { return current_; }
    // Every line shown, top to bottom (headers and sentences; the placeholder when there is no trace).
    QStringList texts() const;
    // The first sentence of the cursor step's story (for the status bar); empty when none.
    QString summary() const { return summary_; }
    // The verdict of the run `model` is the model of (shown above the story, each item with a link to its step,
    // while the view shows that model's ended run); an empty verdict hides it.
    void setVerdict(const Verdict& verdict, std::shared_ptr<const TraceModel> model);
    // The verdict's sentences as shown (empty when hidden), and its first one (for the status bar).
    QStringList verdictTexts() const;
    QString verdictSummary() const;
    QLabel* verdictLabel() const { return verdictLabel_; }
    // How many steps before the cursor step are told too.
    static constexpr std::uint32_t kStepsBefore = 6;
    // The step a line of the list belongs to (0 for the placeholder).
    static constexpr int StepRole = Qt::UserRole + 1;

signals:
    void stepRequested(std::uint32_t step);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    // Brings the cursor step's story into sight (it is the last one), its header first if it is taller than
    // the panel.
    void scrollToCursor();
    bool eventFilter(QObject* watched, QEvent* event) override;

    void rebuildVerdict();

    QListWidget* list_;
    QLabel* verdictLabel_;
    QScrollArea* verdictArea_;  // scrolls a long verdict (many races) so the story keeps its room
    Verdict verdict_;
    std::shared_ptr<const TraceModel> verdictModel_;
    TraceView view_;
    // One teller per model: it remembers what it read, so telling the next steps is cheap.
    std::shared_ptr<const TraceModel> tellerModel_;
    std::string tellerListing_;
    std::unique_ptr<StoryTeller> teller_;
    std::uint32_t current_ = 0;
    QString summary_;
};

}  // namespace lockstep::app
