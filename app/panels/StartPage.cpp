#include "panels/StartPage.h"

#include <QCoreApplication>
#include <QEvent>
#include <QUrl>

#include "lockstep/scenarios/Registry.h"

namespace lockstep::app {

namespace {

// Links inside the page: lockstep:scenario/ID loads a scenario, lockstep:open opens a program.
const QString kScheme = QStringLiteral("lockstep");

}  // namespace

StartPage::StartPage(QWidget* parent) : QTextBrowser(parent) {
    setObjectName(QStringLiteral("startPage"));
    setOpenLinks(false);  // the links are commands, not documents
    setFrameShape(QFrame::NoFrame);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.scheme() != kScheme) return;
        const QString path = url.path();
        if (path == QLatin1String("open")) emit openProgramRequested();
        else if (path.startsWith(QLatin1String("scenario/"))) emit scenarioChosen(path.mid(9));
    });
    rebuild();
}

const QStringList& StartPage::firstScenarios() {
    static const QStringList ids{"threads-start-join",   "race-counter-sleep",          "lock-counter",
                                 "deadlock-two-locks",   "semaphore-active-pool",       "condition-producer-consumer",
                                 "queue-producer-consumers", "thread-pool-futures",     "gil-cpu-bound",
                                 "async-gather-two",     "process-start-join"};
    return ids;
}

void StartPage::rebuild() {
    // Two columns of numbered links: the page shares the centre with the docks and must fit a laptop's.
    QStringList cells;
    int n = 0;
    for (const QString& id : firstScenarios()) {
        const scenarios::Scenario* s = scenarios::find(id.toStdString());
        if (!s) continue;
        cells << QStringLiteral("<td>%1.&nbsp;<a href=\"%2:scenario/%3\" title=\"%3\">%4</a></td>")
                     .arg(++n)
                     .arg(kScheme, id, QCoreApplication::translate("Scenario", s->title).toHtmlEscaped());
    }
    const int half = static_cast<int>((cells.size() + 1) / 2);
    QString items;
    for (int row = 0; row < half; ++row)
        items += QStringLiteral("<tr>%1%2</tr>").arg(cells[row], row + half < cells.size() ? cells[row + half] : QString());
    // What matters most first: the page may be shorter than its text, and the rest scrolls.
    setHtml(QStringLiteral("<h2>%1</h2><p>%2 %3</p><p><b>%4</b> <a href=\"%6:open\">%7</a> %8</p>"
                           "<table cellpadding=\"2\">%5</table><h3>%9</h3><table cellpadding=\"2\">%10</table>"
                           "<p>%11</p>")
                .arg(tr("Welcome to Lockstep"),
                     tr("Lockstep runs a concurrent program one scheduling decision at a time, on real threads and "
                        "processes, and draws every step: who runs, who waits, and for what."),
                     tr("Step through a scenario, read what each step did in the Story, and choose who runs next "
                        "to see another interleaving of the same program."),
                     tr("Start with one of these, in the course's order, or"), items, kScheme,
                     tr("open your own Python program"),
                     tr("(Ctrl+O): its threads, locks and asyncio tasks are drawn the same way."),
                     tr("Keys"))
                .arg(QStringLiteral("<tr><td><b>F10</b></td><td>%1</td><td><b>Shift+F10</b></td><td>%2</td></tr>"
                                    "<tr><td><b>F5</b></td><td>%3</td><td><b>1 … 9</b></td><td>%4</td></tr>"
                                    "<tr><td><b>Ctrl+R</b></td><td>%5</td><td><b>F1</b></td><td>%6</td></tr>")
                         .arg(tr("one step forward"), tr("one step back over the recorded run"),
                              tr("run at the chosen speed, or pause"),
                              tr("let that thread take the next step (the buttons under the timeline)"),
                              tr("run the scenario again from the start"), tr("the guide to the window")),
                     tr("Pick any scenario on the left and press Load, or click one above.")));
}

QString StartPage::guideHtml() {
    return QStringLiteral("<h2>%1</h2>"
                          "<h3>%2</h3><p>%3</p>"
                          "<h3>%4</h3><p>%5</p>"
                          "<h3>%6</h3><p>%7</p>"
                          "<h3>%8</h3><p>%9</p>")
        .arg(tr("Guide to Lockstep"), tr("A run, step by step"),
             tr("Choose a scenario on the left (or File > Open Python program) and press Load. Every thread is a "
                "real OS thread, but the scheduler lets exactly one run at a time: a step is what one thread does "
                "between two scheduling decisions. F10 takes one step, Shift+F10 goes back over the recorded run, "
                "F5 plays at the chosen speed."),
             tr("The timeline"),
             tr("One lane per thread, process or asyncio task, coloured by its state: running, ready (it could "
                "run but another one does), blocked (it waits for a lock, a join, a queue...), sleeping, computing "
                "on a core, done. Lanes of locks and semaphores show who holds them. Dashed arrows go from a cause "
                "to its effect (a release to the acquire it let through); a click on a lane moves the cursor "
                "there."))
        .arg(tr("Code, Story and Inspector"),
             tr("The code view marks each thread's current line with its name. The Story tells the step under the "
                "cursor in words: what the thread did, what it read or wrote, and why the scheduler went where it "
                "went. The Inspector lists every variable, lock, semaphore and queue at that step, each thread's "
                "local variables in a program of your own, and the data races found so far."),
             tr("Be the scheduler"),
             tr("The bar under the timeline has a button for each thread that can run: press one (or its number "
                "key) and that thread takes the next step. At a past step this branches the run. Run > Explore "
                "schedules tries many schedules and counts the different outcomes; File > Export saves the "
                "timeline as an image for slides."));
}

void StartPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) rebuild();
    QTextBrowser::changeEvent(event);
}

}  // namespace lockstep::app
