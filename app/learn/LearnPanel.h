#pragma once
// The Learn panel: the campaign's challenges and predictions (and those of the lesson next to the program on
// screen), and the one being played.
//
//  * A challenge: its task and goal, whether the run on screen has reached the goal (followed step by step with a
//    GoalMonitor, so the win is noticed the step it happens), hints (the lesson's, then exploration's: "possible:
//    3 of 12 schedules; the quickest needs 7 steps", or "impossible"), "Show me" (plays the quickest winning
//    schedule), and for "prevent it" a check of the learner's fix over every schedule. A win is kept per user.
//  * A prediction: the question, the choices exploration finds (with the answer one after the other), then the
//    run, the real answer, the explanation, and every outcome.
//
// The panel asks the window to load, replay, run and explore (signals); it never runs anything on the GUI thread:
// searches go to a thread of their own and come back as queued calls.

#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>
#include <functional>
#include <thread>

#include "learn/ChallengeSearch.h"
#include "learn/Lesson.h"
#include "view/RunSetup.h"
#include "view/TraceView.h"

class QButtonGroup;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace lockstep::app {

class LearnPanel : public QWidget {
    Q_OBJECT

public:
    explicit LearnPanel(QWidget* parent = nullptr);
    ~LearnPanel() override;

    // The program on screen and its lesson file's contents (nullopt: it has none, or another scenario is on).
    void setProgramLesson(const scenarios::Scenario* program, std::optional<Lesson> lesson);
    // Follows the run on screen.
    void setView(const TraceView& view);

    // Starts a challenge or prediction of the program's lesson or of the campaign, by name: asks the window to
    // load its run. False when there is none of that name.
    // `schedule`: the choices already made (a screenshot's, a test's).
    bool startChallenge(const QString& name, const std::vector<std::string>& schedule = {});
    bool startPrediction(const QString& name);
    // Back to the list.
    void showList();

    // For tests and screenshots: what the panel shows.
    const Challenge* challenge() const { return challenge_; }
    const Prediction* prediction() const { return prediction_; }
    QString statusText() const;
    QString hintText() const;
    QString resultText() const;
    QStringList choices() const;
    QTreeWidget* list() const { return list_; }
    // The program lesson's title and text as shown above the list ("" without one).
    QString lessonText() const;
    // Chooses answer `index` of a prediction and asks for its run (as the learner's click would).
    void answer(int index);
    // Reveals the next hint; asks exploration once the lesson's are used up.
    void nextHint();
    // Asks exploration whether the goal can be reached (or, "prevent it", whether the run on screen holds).
    void askExploration();
    bool searching() const { return static_cast<bool>(worker_); }
    // Blocks until a search in progress is done and its answer shown (tests).
    void waitForSearch();

signals:
    void loadRequested(const lockstep::app::RunSetup& setup);
    void replayRequested(const QString& token, bool play);
    void runToEndRequested();
    void exploreRequested();
    // A challenge was won in the run on screen (the progress is saved already).
    void challengeWon(const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslate();
    void rebuildList();
    void updateChallenge();
    void updatePrediction();
    const Lesson* lessonOf(const QString& name) const;
    bool isChallengeRun(const TraceView& view) const;
    // Runs `work` on a thread of its own; what it returns is then called on the GUI thread, unless another search
    // was started or dropped meanwhile.
    void startSearch(std::function<std::function<void()>(const std::atomic<bool>&)> work);
    void finishSearch();
    void dropSearch();
    void showChoices();

    // The lessons: the program's (first) and the campaign.
    std::optional<Lesson> programLesson_;
    const scenarios::Scenario* program_ = nullptr;

    const Challenge* challenge_ = nullptr;
    const Prediction* prediction_ = nullptr;
    LessonRun run_;            // the challenge's or prediction's run
    TraceView view_;
    std::unique_ptr<GoalMonitor> monitor_;
    ChallengeProgress progress_;
    bool credited_ = false;    // the win of this start was saved
    bool shown_ = false;       // "Show me" played a schedule since the start: a win then is not the learner's
    int hintsShown_ = 0;
    QString explorationHint_;  // what exploration said ("" until asked)
    std::optional<GoalSearch> search_;
    std::optional<PredictionChoices> choices_;
    int chosen_ = -1;
    bool predictionRunAsked_ = false;

    std::unique_ptr<std::thread> worker_;
    std::atomic<bool> cancel_{false};
    int searchGeneration_ = 0;

    QStackedWidget* pages_ = nullptr;
    // list page
    QLabel* listIntro_ = nullptr;
    QLabel* lessonText_ = nullptr;  // the program's lesson: its title and text
    QTreeWidget* list_ = nullptr;
    QPushButton* startButton_ = nullptr;
    // challenge page
    QLabel* title_ = nullptr;
    QLabel* task_ = nullptr;
    QLabel* goal_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* hints_ = nullptr;
    QLabel* explanation_ = nullptr;
    QLineEdit* token_ = nullptr;
    QPushButton* hintButton_ = nullptr;
    QPushButton* possibleButton_ = nullptr;
    QPushButton* showMeButton_ = nullptr;
    QPushButton* restartButton_ = nullptr;
    QPushButton* backButton_ = nullptr;
    QProgressBar* busy_ = nullptr;
    // prediction page
    QLabel* pTitle_ = nullptr;
    QLabel* question_ = nullptr;
    QWidget* choiceBox_ = nullptr;
    QVBoxLayout* choiceLayout_ = nullptr;
    QButtonGroup* choiceGroup_ = nullptr;
    QLabel* pStatus_ = nullptr;
    QLabel* pResult_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QPushButton* outcomesButton_ = nullptr;
    QPushButton* pBackButton_ = nullptr;
    QProgressBar* pBusy_ = nullptr;
};

}  // namespace lockstep::app
