#include "learn/LearnPanel.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "learn/Progress.h"
#include "lockstep/ReplayToken.h"
#include "style/Glyphs.h"
#include "style/Palette.h"

namespace lockstep::app {

namespace {

constexpr int KindRole = Qt::UserRole + 1;  // 'c' a challenge, 'p' a prediction, 0 a heading
constexpr int NameRole = Qt::UserRole + 2;

QLabel* wrapped(QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

// A page that scrolls when the dock is short (1366x768 with the timeline above it).
QScrollArea* scrolling(QWidget* page) {
    auto* area = new QScrollArea;
    area->setWidget(page);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}

QString coloured(const QString& text, const QColor& colour) {
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), text.toHtmlEscaped());
}

// The parameters a run resolves to, so two setups compare by what they run, not by how they were written.
std::vector<std::pair<std::string, std::int64_t>> resolved(const scenarios::Scenario* s, const RunConfig& c) {
    return s ? s->resolve(c.params).values() : std::vector<std::pair<std::string, std::int64_t>>{};
}

}  // namespace

LearnPanel::LearnPanel(QWidget* parent) : QWidget(parent) {
    buildUi();
    retranslate();
    rebuildList();
}

LearnPanel::~LearnPanel() { dropSearch(); }

void LearnPanel::buildUi() {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    pages_ = new QStackedWidget(this);
    outer->addWidget(pages_);

    // ---- the list
    auto* listPage = new QWidget;
    auto* lv = new QVBoxLayout(listPage);
    listIntro_ = wrapped(listPage);
    lessonText_ = new QLabel(listPage);
    lessonText_->setObjectName(QStringLiteral("lessonText"));
    lessonText_->setWordWrap(true);
    lessonText_->setTextFormat(Qt::RichText);
    lessonText_->hide();
    list_ = new QTreeWidget(listPage);
    list_->setObjectName(QStringLiteral("learnList"));
    list_->setHeaderHidden(true);
    list_->setRootIsDecorated(true);
    list_->setUniformRowHeights(true);
    startButton_ = new QPushButton(listPage);
    startButton_->setObjectName(QStringLiteral("learnStart"));
    lv->addWidget(listIntro_);
    lv->addWidget(lessonText_);
    lv->addWidget(list_, 1);
    lv->addWidget(startButton_);
    pages_->addWidget(listPage);
    auto start = [this](QTreeWidgetItem* item) {
        if (!item) return;
        const QString name = item->data(0, NameRole).toString();
        if (item->data(0, KindRole).toInt() == 'c') startChallenge(name);
        else if (item->data(0, KindRole).toInt() == 'p') startPrediction(name);
    };
    connect(list_, &QTreeWidget::itemActivated, this, [start](QTreeWidgetItem* item, int) { start(item); });
    connect(startButton_, &QPushButton::clicked, this, [this, start] { start(list_->currentItem()); });
    connect(list_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        startButton_->setEnabled(item && item->data(0, KindRole).toInt() != 0);
    });

    // ---- a challenge
    auto* cPage = new QWidget;
    auto* cv = new QVBoxLayout(cPage);
    title_ = wrapped(cPage);
    QFont big = title_->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    title_->setFont(big);
    task_ = wrapped(cPage);
    goal_ = wrapped(cPage);
    status_ = new QLabel(cPage);
    status_->setObjectName(QStringLiteral("challengeStatus"));
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::RichText);
    hints_ = wrapped(cPage);
    hints_->setObjectName(QStringLiteral("challengeHints"));
    explanation_ = wrapped(cPage);
    token_ = new QLineEdit(cPage);
    token_->setReadOnly(true);
    busy_ = new QProgressBar(cPage);
    busy_->setRange(0, 0);
    busy_->setMaximumHeight(8);
    busy_->setTextVisible(false);
    busy_->hide();
    hintButton_ = new QPushButton(cPage);
    possibleButton_ = new QPushButton(cPage);
    showMeButton_ = new QPushButton(cPage);
    restartButton_ = new QPushButton(cPage);
    backButton_ = new QPushButton(cPage);
    hintButton_->setObjectName(QStringLiteral("challengeHint"));
    possibleButton_->setObjectName(QStringLiteral("challengePossible"));
    showMeButton_->setObjectName(QStringLiteral("challengeShowMe"));
    auto* row1 = new QHBoxLayout;
    row1->addWidget(hintButton_);
    row1->addWidget(possibleButton_);
    auto* row2 = new QHBoxLayout;
    row2->addWidget(showMeButton_);
    row2->addWidget(restartButton_);
    for (QWidget* w : {static_cast<QWidget*>(title_), static_cast<QWidget*>(task_), static_cast<QWidget*>(goal_),
                       static_cast<QWidget*>(status_)})
        cv->addWidget(w);
    cv->addLayout(row1);
    cv->addLayout(row2);
    cv->addWidget(busy_);
    cv->addWidget(hints_);
    cv->addWidget(explanation_);
    cv->addWidget(token_);
    cv->addStretch(1);
    cv->addWidget(backButton_);
    pages_->addWidget(scrolling(cPage));
    connect(hintButton_, &QPushButton::clicked, this, &LearnPanel::nextHint);
    connect(possibleButton_, &QPushButton::clicked, this, &LearnPanel::askExploration);
    connect(showMeButton_, &QPushButton::clicked, this, [this] {
        if (!search_ || search_->replay.empty()) return;
        shown_ = true;
        emit replayRequested(QString::fromStdString(search_->replay), true);
    });
    connect(restartButton_, &QPushButton::clicked, this, [this] {
        if (challenge_) startChallenge(challenge_->name);
    });
    connect(backButton_, &QPushButton::clicked, this, &LearnPanel::showList);

    // ---- a prediction
    auto* pPage = new QWidget;
    auto* pv = new QVBoxLayout(pPage);
    pTitle_ = wrapped(pPage);
    pTitle_->setFont(big);
    question_ = wrapped(pPage);
    QFont q = question_->font();
    q.setBold(true);
    question_->setFont(q);
    choiceBox_ = new QWidget(pPage);
    choiceLayout_ = new QVBoxLayout(choiceBox_);
    choiceLayout_->setContentsMargins(0, 0, 0, 0);
    choiceGroup_ = new QButtonGroup(this);
    pBusy_ = new QProgressBar(pPage);
    pBusy_->setRange(0, 0);
    pBusy_->setMaximumHeight(8);
    pBusy_->setTextVisible(false);
    pStatus_ = wrapped(pPage);
    pResult_ = new QLabel(pPage);
    pResult_->setObjectName(QStringLiteral("predictionResult"));
    pResult_->setWordWrap(true);
    pResult_->setTextFormat(Qt::RichText);
    runButton_ = new QPushButton(pPage);
    runButton_->setObjectName(QStringLiteral("predictionRun"));
    outcomesButton_ = new QPushButton(pPage);
    pBackButton_ = new QPushButton(pPage);
    for (QWidget* w : {static_cast<QWidget*>(pTitle_), static_cast<QWidget*>(question_), choiceBox_,
                       static_cast<QWidget*>(pBusy_), static_cast<QWidget*>(pStatus_), static_cast<QWidget*>(runButton_),
                       static_cast<QWidget*>(pResult_), static_cast<QWidget*>(outcomesButton_)})
        pv->addWidget(w);
    pv->addStretch(1);
    pv->addWidget(pBackButton_);
    pages_->addWidget(scrolling(pPage));
    connect(runButton_, &QPushButton::clicked, this, [this] { answer(choiceGroup_->checkedId()); });
    connect(choiceGroup_, &QButtonGroup::idClicked, this, [this] { updatePrediction(); });
    connect(outcomesButton_, &QPushButton::clicked, this, &LearnPanel::exploreRequested);
    connect(pBackButton_, &QPushButton::clicked, this, &LearnPanel::showList);
}

void LearnPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuildList();
        updateChallenge();
        updatePrediction();
    }
    QWidget::changeEvent(event);
}

void LearnPanel::retranslate() {
    listIntro_->setText(tr("Challenges: make something happen by choosing the next thread yourself, or prevent it "
                           "in every schedule. Predictions: say what a run will show, then watch it."));
    startButton_->setText(tr("Start"));
    startButton_->setToolTip(tr("Start the chosen challenge or prediction (Enter, or a double-click)"));
    hintButton_->setText(tr("Hint"));
    hintButton_->setToolTip(tr("Show the next hint; after the last one, ask exploration"));
    possibleButton_->setToolTip(tr("Explore every schedule: can the goal be reached, and how quickly?"));
    showMeButton_->setText(tr("Show me"));
    showMeButton_->setToolTip(tr("Play the quickest schedule exploration found, step by step"));
    restartButton_->setText(tr("Start again"));
    restartButton_->setToolTip(tr("Load the challenge's run again from its first step"));
    backButton_->setText(tr("All challenges"));
    token_->setToolTip(tr("The winning schedule as a replay token: paste it into File > Replay, or use "
                          "'lockstep run --replay TOKEN'"));
    runButton_->setText(tr("Run it and see"));
    outcomesButton_->setText(tr("Every outcome"));
    outcomesButton_->setToolTip(tr("Explore every schedule and show how often each outcome comes (Explore panel)"));
    pBackButton_->setText(tr("All challenges"));
}

const Lesson* LearnPanel::lessonOf(const QString& name) const {
    if (programLesson_ && (programLesson_->challenge(name) || programLesson_->prediction(name))) return &*programLesson_;
    if (campaign().challenge(name) || campaign().prediction(name)) return &campaign();
    return nullptr;
}

void LearnPanel::setProgramLesson(const scenarios::Scenario* program, std::optional<Lesson> lesson) {
    // A challenge of the old lesson points into it: leave it first.
    if (programLesson_ && (challenge_ || prediction_) && lessonOf(challenge_ ? challenge_->name : prediction_->name) == &*programLesson_)
        showList();
    program_ = program;
    programLesson_ = std::move(lesson);
    rebuildList();
}

void LearnPanel::rebuildList() {
    // The teacher's words for this program's lesson, above its challenges.
    if (programLesson_)
        lessonText_->setText(QStringLiteral("<b>%1</b><br>%2")
                                 .arg(programLesson_->title.here().toHtmlEscaped(),
                                      programLesson_->text.here().toHtmlEscaped().replace('\n', QStringLiteral("<br>"))));
    lessonText_->setVisible(programLesson_.has_value());
    const QString current = list_->currentItem() ? list_->currentItem()->data(0, NameRole).toString() : QString();
    list_->clear();
    QTreeWidgetItem* select = nullptr;
    auto add = [&](QTreeWidgetItem* parent, int kind, const QString& name, const QString& text, const QString& tip) {
        auto* item = new QTreeWidgetItem(parent, {text});
        item->setData(0, KindRole, kind);
        item->setData(0, NameRole, name);
        item->setToolTip(0, tip);
        if (name == current) select = item;
        return item;
    };
    auto heading = [&](const QString& text) {
        auto* item = new QTreeWidgetItem(list_, {text});
        item->setFlags(Qt::ItemIsEnabled);
        QFont f = item->font(0);
        f.setBold(true);
        item->setFont(0, f);
        item->setExpanded(true);
        return item;
    };
    auto addLesson = [&](const Lesson& lesson, bool byChapter) {
        QTreeWidgetItem* group = byChapter ? nullptr : heading(lesson.title.here());
        QString chapter;
        for (const Challenge& c : lesson.challenges) {
            if (byChapter && c.chapter != chapter) {
                chapter = c.chapter;
                group = heading(chapterTitle(chapter));
            }
            add(group, 'c', c.name,
                QStringLiteral("%1 %2%3").arg(style::Glyphs::challengeMark(progress::won(c.name)), c.title.here(),
                                              c.prevent ? tr(" (prevent it)") : QString()),
                c.task.here());
        }
        if (!lesson.predictions.empty()) {
            QTreeWidgetItem* predictions = byChapter ? heading(tr("Predictions")) : group;
            for (const Prediction& p : lesson.predictions)
                add(predictions, 'p', p.name, QStringLiteral("? %1").arg(p.question.here()), p.question.here());
        }
    };
    if (programLesson_) addLesson(*programLesson_, false);
    addLesson(campaign(), true);
    list_->expandAll();
    if (select) list_->setCurrentItem(select);
    startButton_->setEnabled(list_->currentItem() && list_->currentItem()->data(0, KindRole).toInt() != 0);
}

void LearnPanel::showList() {
    dropSearch();
    challenge_ = nullptr;
    prediction_ = nullptr;
    monitor_.reset();
    rebuildList();
    pages_->setCurrentIndex(0);
}

bool LearnPanel::startChallenge(const QString& name, const std::vector<std::string>& schedule) {
    const Lesson* lesson = lessonOf(name);
    const Challenge* c = lesson ? lesson->challenge(name) : nullptr;
    if (!c) return false;
    QString error;
    LessonRun run;
    if (!lessonRun(c->scenario, c->params, lesson == &campaign() ? nullptr : program_, run, error)) return false;
    dropSearch();  // a search for another challenge is of no use now
    challenge_ = c;
    prediction_ = nullptr;
    run_ = run;
    // Making something happen is played as the scheduler: the learner picks the thread at every decision.
    if (!c->prevent) run_.config.policy = PolicyKind::Manual;
    run_.config.schedule = schedule;
    shown_ = false;
    monitor_ = std::make_unique<GoalMonitor>(std::vector<Goal>{c->goal});
    progress_ = {};
    credited_ = false;
    hintsShown_ = 0;
    explorationHint_.clear();
    search_.reset();
    pages_->setCurrentIndex(1);
    updateChallenge();
    emit loadRequested(RunSetup{run_.scenario, run_.config});
    return true;
}

bool LearnPanel::startPrediction(const QString& name) {
    const Lesson* lesson = lessonOf(name);
    const Prediction* p = lesson ? lesson->prediction(name) : nullptr;
    if (!p) return false;
    QString error;
    LessonRun run;
    if (!lessonRun(p->scenario, p->params, lesson == &campaign() ? nullptr : program_, run, error)) return false;
    dropSearch();
    prediction_ = p;
    challenge_ = nullptr;
    run_ = run;
    choices_.reset();
    chosen_ = -1;
    predictionRunAsked_ = false;
    pages_->setCurrentIndex(2);
    showChoices();
    updatePrediction();
    emit loadRequested(RunSetup{run_.scenario, run_.config});
    // The choices: what every schedule gives, and what one after the other gives.
    const LessonRun target = run_;
    const Goal answer = p->answer;
    const QStringList extra = p->extraChoices;
    startSearch([this, target, answer, extra](const std::atomic<bool>& cancel) -> std::function<void()> {
        PredictionChoices c = predictionChoices(target, answer, 5000, &cancel, 1, extra);
        return [this, c = std::move(c)] {
            choices_ = c;
            showChoices();
            updatePrediction();
        };
    });
    return true;
}

bool LearnPanel::isChallengeRun(const TraceView& view) const {
    return view.scenario && view.scenario == run_.scenario &&
           resolved(view.scenario, view.config) == resolved(run_.scenario, run_.config);
}

void LearnPanel::setView(const TraceView& view) {
    // Another run (a branch, a restart): the goal is followed from its first step. view_ keeps the old model
    // alive until here, so a new one cannot take its address.
    if (view.model != view_.model && challenge_) monitor_ = std::make_unique<GoalMonitor>(std::vector<Goal>{challenge_->goal});
    view_ = view;
    if (challenge_) updateChallenge();
    if (prediction_) updatePrediction();
}

void LearnPanel::updateChallenge() {
    if (!challenge_) return;
    const Challenge& c = *challenge_;
    task_->setText(c.task.here());
    QString goal = tr("Goal: %1").arg(QString::fromStdString(c.goal.text()));
    if (c.prevent) goal = tr("Must never happen: %1").arg(QString::fromStdString(c.goal.text()));
    if (c.maxSteps > 0) goal += "\n" + tr("Within %n steps.", nullptr, int(c.maxSteps));
    if (!c.prevent) goal += "\n" + tr("You are the scheduler: at every step, pick the thread that runs next in the "
                                      "scheduler bar. Step back (Shift+F10) to undo a choice.");
    goal_->setText(goal);
    possibleButton_->setText(c.prevent ? tr("Check my fix") : tr("Is it possible?"));
    possibleButton_->setToolTip(c.prevent ? tr("Explore every schedule of the run on screen: can the goal still happen?")
                                          : tr("Explore every schedule: can the goal be reached, and how quickly?"));
    showMeButton_->setEnabled(search_ && !search_->replay.empty() && !worker_);
    possibleButton_->setEnabled(!worker_);
    hintButton_->setEnabled(!worker_);
    busy_->setVisible(static_cast<bool>(worker_));

    // How the run on screen stands.
    QString status;
    const bool ours = isChallengeRun(view_);
    bool won = false;
    if (!c.prevent && !ours && view_.scenario) {
        status = coloured(tr("The run on screen is not this challenge's: press Start again to play it."),
                          style::Palette::muted());
    } else if (view_.model) {
        progress_ = challengeProgress(c, *monitor_, *view_.model);
        if (!progress_.problem.isEmpty()) {
            status = coloured(tr("This goal cannot be followed in this run: %1").arg(progress_.problem),
                              style::Palette::errorText());
        } else if (c.prevent) {
            if (progress_.truth == Truth::True)
                status = coloured(tr("In this run it happens, at step %1. Fix the program so that no schedule can do "
                                     "this, then press Check my fix.").arg(progress_.step),
                                  style::Palette::goalMissed());
            else
                status = tr("Fix the program (edit it, or change its parameters), then press Check my fix: every "
                            "schedule will be tried.");
        } else if (progress_.truth == Truth::True) {
            won = true;
            const bool shown = shown_;
            const bool byHand = !c.manualOnly || view_.config.policy == PolicyKind::Manual;
            status = coloured(tr("%1 Won at step %2!").arg(style::Glyphs::challengeMark(true)).arg(progress_.step),
                              style::Palette::goalReached());
            if (shown) status += "<br>" + tr("That was the schedule shown to you: press Start again and win it yourself.").toHtmlEscaped();
            else if (!byHand) status += "<br>" + tr("Choose every thread yourself to count it: press Start again.").toHtmlEscaped();
            else if (!credited_ && view_.trace) {
                credited_ = true;
                const QString token = QString::fromStdString(
                    encodeReplayToken(view_.scenario->id, view_.config, view_.trace->decisions()));
                progress::markWon(c.name, token);
                token_->setText(token);
                token_->setCursorPosition(0);
                emit challengeWon(c.name);
            }
        } else if (progress_.truth == Truth::False) {
            status = coloured(progress_.tooLate
                                  ? tr("Not within %n steps: step back (Shift+F10) and choose another thread, or "
                                       "start again.", nullptr, int(c.maxSteps))
                                  : tr("The run ended without reaching the goal: step back (Shift+F10) to an earlier "
                                       "choice and pick another thread, or start again."),
                              style::Palette::goalMissed());
        } else {
            status = tr("Playing: step %1%2. Pick the next thread in the scheduler bar.")
                         .arg(view_.live)
                         .arg(c.maxSteps > 0 ? tr(" of at most %1").arg(c.maxSteps) : QString())
                         .toHtmlEscaped();
        }
    } else {
        status = tr("Loading...");
    }
    if (c.prevent && search_ && search_->impossible()) won = true;
    status_->setText(status);
    // After the status, which may just have saved a win.
    title_->setText(QStringLiteral("%1 %2").arg(style::Glyphs::challengeMark(progress::won(c.name)), c.title.here()));

    QStringList hints;
    for (int k = 0; k < hintsShown_ && k < static_cast<int>(c.hints.size()); ++k)
        hints << tr("Hint %1: %2").arg(k + 1).arg(c.hints[std::size_t(k)].here());
    if (!explorationHint_.isEmpty()) hints << explorationHint_;
    hints_->setText(hints.join("\n"));
    hints_->setVisible(!hints.isEmpty());
    explanation_->setText(won ? tr("Why it works: %1").arg(c.explanation.here()) : QString());
    explanation_->setVisible(won);
    token_->setVisible(won && !token_->text().isEmpty() && !c.prevent);
    if (!won) token_->clear();
}

void LearnPanel::nextHint() {
    if (!challenge_) return;
    if (hintsShown_ < static_cast<int>(challenge_->hints.size())) {
        ++hintsShown_;
        updateChallenge();
        return;
    }
    askExploration();
}

void LearnPanel::askExploration() {
    if (!challenge_ || worker_) return;
    const Challenge c = *challenge_;
    // "Prevent it" is checked on what is on screen (the learner's fix); "make it" on the challenge's own run.
    LessonRun target = run_;
    if (c.prevent && view_.scenario) target = LessonRun{view_.scenario, view_.config};
    const std::uint32_t maxSteps = c.prevent ? 0 : c.maxSteps;
    const QString name = c.name;
    explorationHint_ = tr("Exploring every schedule...");
    startSearch([this, target, goal = c.goal, maxSteps, name](const std::atomic<bool>& cancel) -> std::function<void()> {
        GoalSearch s = searchGoal(target, goal, maxSteps, 5000, &cancel, 1);
        return [this, s = std::move(s), name] {
            if (!challenge_ || challenge_->name != name) return;
            search_ = s;
            const bool prevent = challenge_->prevent;
            if (!s.problem.isEmpty())
                explorationHint_ = tr("Exploration could not follow the goal: %1").arg(s.problem);
            else if (prevent && s.impossible()) {
                explorationHint_ = tr("Your fix holds: none of the %n schedules can do it (every schedule was tried).",
                                      nullptr, s.schedules);
                if (!progress::won(name)) {
                    progress::markWon(name, QString());
                    emit challengeWon(name);
                }
            } else if (prevent && s.possible())
                explorationHint_ = tr("Not yet: %1 of %n schedules still do it; Show me plays the quickest, which "
                                      "does it at step %2.", nullptr, s.schedules)
                                       .arg(s.winning)
                                       .arg(s.shortest);
            else if (s.possible())
                explorationHint_ = tr("It is possible: %1 of the %n schedules explored reach the goal; the quickest "
                                      "reaches it at step %2. Show me plays it.", nullptr, s.schedules)
                                       .arg(s.winning)
                                       .arg(s.shortest);
            else if (s.impossible())
                explorationHint_ = tr("Impossible: none of the %n schedules reaches the goal (every schedule was "
                                      "tried).", nullptr, s.schedules);
            else
                explorationHint_ = tr("No schedule of the %n explored reaches the goal, but not every schedule was "
                                      "tried.", nullptr, s.schedules);
        };
    });
}

void LearnPanel::dropSearch() {
    ++searchGeneration_;
    cancel_ = true;  // the search stops within the run it is in
    if (worker_ && worker_->joinable()) worker_->join();
    worker_.reset();
}

void LearnPanel::startSearch(std::function<std::function<void()>(const std::atomic<bool>&)> work) {
    dropSearch();
    cancel_ = false;
    const int generation = searchGeneration_;
    worker_ = std::make_unique<std::thread>([this, generation, work = std::move(work)] {
        std::function<void()> apply = work(cancel_);
        // Back on the GUI thread; dropped by Qt if the panel is gone by then (its destructor joined us first), and
        // by the panel if another search or challenge came since.
        QMetaObject::invokeMethod(
            this,
            [this, generation, apply = std::move(apply)] {
                if (generation != searchGeneration_) return;
                finishSearch();
                apply();
                updateChallenge();
                updatePrediction();
            },
            Qt::QueuedConnection);
    });
    updateChallenge();
    updatePrediction();
}

void LearnPanel::finishSearch() {
    if (worker_ && worker_->joinable()) worker_->join();
    worker_.reset();
}

void LearnPanel::waitForSearch() {
    while (worker_) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QCoreApplication::sendPostedEvents();
    }
}

void LearnPanel::showChoices() {
    for (QAbstractButton* b : choiceGroup_->buttons()) {
        choiceGroup_->removeButton(b);
        delete b;
    }
    if (!prediction_) return;
    pTitle_->setText(tr("Predict"));
    question_->setText(prediction_->question.here());
    if (!choices_) return;
    for (qsizetype k = 0; k < choices_->choices.size(); ++k) {
        auto* b = new QRadioButton(choices_->choices[k], choiceBox_);
        b->setObjectName(QStringLiteral("choice%1").arg(k));
        choiceGroup_->addButton(b, int(k));
        choiceLayout_->addWidget(b);
        b->setEnabled(!predictionRunAsked_);
        if (k == chosen_) b->setChecked(true);
    }
}

void LearnPanel::answer(int index) {
    if (!prediction_ || !choices_ || index < 0 || index >= choices_->choices.size()) return;
    chosen_ = index;
    predictionRunAsked_ = true;
    for (QAbstractButton* b : choiceGroup_->buttons()) b->setEnabled(false);
    if (QAbstractButton* b = choiceGroup_->button(index)) b->setChecked(true);
    emit loadRequested(RunSetup{run_.scenario, run_.config});
    emit runToEndRequested();
    updatePrediction();
}

void LearnPanel::updatePrediction() {
    if (!prediction_) return;
    const Prediction& p = *prediction_;
    pBusy_->setVisible(static_cast<bool>(worker_));
    runButton_->setEnabled(choices_ && choiceGroup_->checkedId() >= 0 && !predictionRunAsked_);
    if (!choices_) pStatus_->setText(tr("Working out the possible answers (every schedule is explored)..."));
    else if (!choices_->problem.isEmpty()) pStatus_->setText(tr("The answer cannot be worked out: %1").arg(choices_->problem));
    else if (!predictionRunAsked_) pStatus_->setText(tr("Choose your answer, then run the program to see."));
    else pStatus_->clear();
    pStatus_->setVisible(!pStatus_->text().isEmpty());
    QString result;
    if (predictionRunAsked_ && view_.ended && view_.model && isChallengeRun(view_) && choices_) {
        QString problem;
        const QString real = predictionAnswer(p.answer, *view_.model, &problem);
        const QString said = choices_->choices.value(chosen_);
        result = (real == said ? coloured(tr("Right: the run gave %1.").arg(real), style::Palette::goalReached())
                               : coloured(tr("This run gave %1; you said %2.").arg(real, said), style::Palette::goalMissed()));
        result += "<br><br>" + p.explanation.here().toHtmlEscaped();
        QStringList every;
        for (qsizetype k = 0; k < choices_->choices.size(); ++k) {
            const int n = choices_->schedules[std::size_t(k)];
            every << (n > 0 ? tr("%1 in %n schedules", nullptr, n).arg(choices_->choices[k])
                            : tr("%1 in none").arg(choices_->choices[k]));
        }
        result += "<br><br>" + tr("Every schedule explored: %1.").arg(every.join(", ")).toHtmlEscaped();
        if (!choices_->sequential.isEmpty())
            result += "<br>" + tr("Run one after the other, it gives %1.").arg(choices_->sequential).toHtmlEscaped();
    } else if (predictionRunAsked_) {
        result = tr("Running...").toHtmlEscaped();
    }
    pResult_->setText(result);
    pResult_->setVisible(!result.isEmpty());
    outcomesButton_->setVisible(predictionRunAsked_ && view_.ended);
}

QString LearnPanel::statusText() const {
    QTextDocument doc;
    doc.setHtml(status_->text());
    return doc.toPlainText();
}

QString LearnPanel::hintText() const { return hints_->text(); }

QString LearnPanel::lessonText() const {
    if (!programLesson_) return {};
    QTextDocument doc;
    doc.setHtml(lessonText_->text());
    return doc.toPlainText();
}

QString LearnPanel::resultText() const {
    QTextDocument doc;
    doc.setHtml(pResult_->text());
    return doc.toPlainText();
}

QStringList LearnPanel::choices() const { return choices_ ? choices_->choices : QStringList{}; }

}  // namespace lockstep::app
