#include "panels/CodeView.h"

#include <QEvent>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

#include "panels/ProgramEditor.h"
#include "panels/PythonHighlighter.h"
#include "style/Glyphs.h"
#include "style/Palette.h"
#include "style/StateNames.h"
#include "lockstep/InsideCall.h"
#include "view/StoryText.h"

namespace lockstep::app {

namespace {
constexpr int kPad = 6;
// Past this many rows of thread entries the header stops growing: the listing is what the panel is for.
constexpr int kMaxHeaderRows = 4;

// Operations keep their Python method names (acquire, join, get...): they are code, not prose.
QString opText(Op op) {
    return QString::fromUtf8(opName(op).data(), static_cast<int>(opName(op).size()));
}
}  // namespace

CodeView::CodeView(QWidget* parent) : QAbstractScrollArea(parent) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, viewport(), qOverload<>(&QWidget::update));

    // The editor sits left of the columns, in the scroll area's margin, so the columns keep their own
    // scrolling and painting.
    editorPane_ = new QWidget(this);
    editorPane_->setObjectName(QStringLiteral("programEditorPane"));
    auto* layout = new QVBoxLayout(editorPane_);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    editorTitle_ = new QLabel(editorPane_);
    editorTitle_->setTextFormat(Qt::RichText);
    editorTitle_->setContentsMargins(kPad, 0, kPad, 0);
    editorTitle_->setAutoFillBackground(true);
    editorTitle_->setWordWrap(false);
    editor_ = new ProgramEditor(editorPane_);
    editor_->setObjectName(QStringLiteral("programEditor"));
    layout->addWidget(editorTitle_);
    layout->addWidget(editor_, 1);
    editorPane_->hide();
    connect(editor_->document(), &QTextDocument::modificationChanged, this, [this](bool changed) {
        if (settingText_ || changed == modified_) return;
        modified_ = changed;
        retranslateEditor();
        emit programModifiedChanged(modified_);
    });
    updateMetrics();
}

bool CodeView::isEditable() const { return editorPane_->isVisibleTo(this) && !editor_->isReadOnly(); }

QString CodeView::programText() const { return programPath_.isEmpty() ? QString() : editor_->toPlainText(); }

void CodeView::showProgram() {
    const bool program = scenario_ && !scenario_->sourcePath.empty();
    const bool wasModified = modified_;
    if (!program) {
        programPath_.clear();
        modified_ = false;
        editorPane_->hide();
    } else {
        const QString path = QString::fromStdString(scenario_->sourcePath);
        const QString text = QString::fromStdString(scenario_->listing);
        // The same file reloaded after a save keeps its cursor and scroll position; another file starts at the top.
        if (path != programPath_ || editor_->toPlainText() != text) {
            settingText_ = true;
            const bool same = path == programPath_;
            const int position = editor_->textCursor().position();
            const int scroll = editor_->verticalScrollBar()->value();
            editor_->setPlainText(text);
            if (same) {
                QTextCursor cursor = editor_->textCursor();
                cursor.setPosition(std::min<int>(position, static_cast<int>(text.size())));
                editor_->setTextCursor(cursor);
                editor_->verticalScrollBar()->setValue(scroll);
            }
            settingText_ = false;
        }
        editor_->document()->setModified(false);
        programPath_ = path;
        modified_ = false;
        editorPane_->show();
    }
    layoutEditor();
    retranslateEditor();
    if (wasModified) emit programModifiedChanged(false);
}

// A learner's program: the editor already marks every thread's line with its name, so it takes the place
// of the listing, under the threads' header (which keeps their status and Run buttons); side by side, the
// two copies of the code each got half of a narrow panel.
void CodeView::layoutEditor() {
    if (!editorPane_) return;  // the constructor's setFont comes before the editor exists
    const int frame = frameWidth();
    if (!editorPane_->isVisibleTo(this)) {
        setViewportMargins(0, 0, 0, 0);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        return;
    }
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const int inner = height() - 2 * frame;
    const int header = std::min(headerHeight_, inner / 2);
    setViewportMargins(0, 0, 0, inner - header);
    editorPane_->setGeometry(frame, frame + header, width() - 2 * frame, inner - header);
    editorTitle_->setFixedHeight(editorTitleHeight());
}

void CodeView::retranslateEditor() {
    if (!editorPane_ || programPath_.isEmpty()) return;
    const QString name = QFileInfo(programPath_).fileName().toHtmlEscaped();
    const QString hint = modified_ ? tr("modified: Step, Run or Ctrl+S saves and reloads it")
                                   : tr("your program: you can edit it here");
    editorTitle_->setText(QStringLiteral("<b>%1%2</b><br><span style=\"color:%3\">%4</span>")
                              .arg(name, modified_ ? QStringLiteral(" *") : QString(),
                                   (modified_ ? style::Palette::actorState(ActorState::Blocked) : style::Palette::muted().darker(130)).name(),
                                   hint.toHtmlEscaped()));
    editorTitle_->setToolTip(tr("%1\n\nYour own program: edit it here. An edited program is saved and loaded "
                                "again before the next Step, Run or Restart (or at once with Ctrl+S), so the run "
                                "always follows the text you see.")
                                 .arg(QDir::toNativeSeparators(programPath_)));
}

void CodeView::updateEditorMarkers() {
    if (programPath_.isEmpty()) return;
    std::vector<ProgramEditor::Marker> markers;
    int running = 0;
    for (const Column& c : columns_) {
        // A finished thread has no current line; its marker would only crowd the running ones.
        if (c.line <= 0 || c.state.state == ActorState::Done) continue;
        markers.push_back({c.line, c.state.state, c.name});
        if (c.state.state == ActorState::Running) running = c.line;
    }
    editor_->setMarkers(std::move(markers));
    if (running > 0 && !modified_) editor_->showLine(running);
}

int CodeView::lineHeight() const { return fontMetrics().height() + 2; }
int CodeView::editorTitleHeight() const { return 2 * fontMetrics().height() + 3 * kPad; }

void CodeView::setView(const TraceView& view) {
    if (view.scenario != scenario_) {
        scenario_ = view.scenario;
        lines_ = scenario_ ? QString::fromStdString(scenario_->listing).split(QLatin1Char('\n')) : QStringList();
        while (!lines_.isEmpty() && lines_.back().trimmed().isEmpty()) lines_.removeLast();
        lineFormats_.clear();
        PythonHighlighter::State state = PythonHighlighter::Normal;
        for (QString& line : lines_) {
            if (line.endsWith(QLatin1Char('\r'))) line.chop(1);  // a file written on Windows
            lineFormats_.push_back(PythonHighlighter::formatLine(line, state, &state));
        }
        updateMetrics();
        showProgram();
    }
    view_ = view;

    columns_.clear();
    lastActor_ = kNoActor;
    justRan_ = next_ = 0;
    if (view_.model && view_.state) {
        const TraceModel& m = *view_.model;
        const RunState& state = *view_.state;
        // Choosing means something where the engine waits for the user (manual mode, at the live step) and
        // at any past step, where picking another ready thread branches the run from there.
        const bool choosing = view.manual && ((view.cursor == view.live && !view.ended) || view.cursor < view.live);
        for (ActorId a = 0; a < m.actorCount(); ++a) {
            Column c;
            c.actor = a;
            c.name = QString::fromStdString(m.actor(a).name);
            c.state = state.actor(a).state;
            c.line = state.actor(a).line;
            c.choosable = choosing && std::find(view.candidates.begin(), view.candidates.end(), a) != view.candidates.end();
            // A thread that could be picked keeps its entry (and its Run button), whatever its state.
            c.folded = !c.choosable && (c.state.state == ActorState::Done || c.state.state == ActorState::NotStarted);
            columns_.push_back(c);
        }
        if (view_.cursor > 0 && state.lastActor() < m.actorCount()) {
            lastActor_ = state.lastActor();
            justRan_ = state.actor(lastActor_).line;
            findNextLine();
        }
    }
    rebuildStatus();
    rebuildRaces(view.cursor);
    updateEditorMarkers();
    layoutHeader();
    updateScrollBars();
    // Keep the line of the thread that ran last in sight (and the one it goes to next, when there is room):
    // that is where the program is. Before any step, or once that thread has no line, the running one.
    int focus = justRan_;
    if (focus <= 0)
        for (const Column& c : columns_)
            if (c.state.state == ActorState::Running && c.line > 0) focus = c.line;
    if (next_ > 0) scrollToLine(next_);
    if (focus > 0) scrollToLine(focus);
    viewport()->update();
}

// The line the last actor's next event is on, if the trace has gone past the cursor (looking back, or a run
// recorded ahead). Only a short way ahead is searched: a thread that waits longer has no "next" to show yet.
void CodeView::findNextLine() {
    next_ = 0;
    if (!view_.trace || !view_.model || lastActor_ == kNoActor) return;
    const TraceModel& m = *view_.model;
    const std::uint32_t last = std::min(m.steps(), view_.cursor + 200);
    for (std::uint32_t s = view_.cursor + 1; s <= last; ++s) {
        const std::size_t end = std::min(view_.trace->eventCount(), m.stepEnd(s));
        for (std::size_t i = m.stepBegin(s); i < end; ++i) {
            const TraceEvent& e = view_.trace->event(i);
            if (e.actor == lastActor_ && e.line > 0) {
                next_ = e.line;
                return;
            }
        }
    }
}

void CodeView::rebuildStatus() {
    for (Column& c : columns_) {
        const ActorState s = c.state.state;
        QString status = style::StateNames::actor(s);
        if (s == ActorState::Blocked && view_.model && view_.state && c.state.object < view_.model->objectCount()) {
            const TraceModel& m = *view_.model;
            const ObjectInfo& obj = m.object(c.state.object);
            if (obj.internal && !view_.showInternals) {
                // The learner never made this object (t._started, q.not_full): the call it is in says more.
                const std::string_view listing = scenario_ ? std::string_view(scenario_->listing) : std::string_view();
                const auto line = static_cast<std::uint16_t>(std::clamp(c.line, 0, 65535));
                c.status = tr("blocked: inside %1").arg(StoryText::inside(insideCall(listing, line)));
                continue;
            }
            status = tr("blocked: %1 %2").arg(opText(c.state.op), QString::fromStdString(obj.name));
            // A join names its thread already; for the others the holder is the answer to "why".
            if (obj.kind != ObjectKind::Thread) {
                QStringList holders;
                for (ActorId h : view_.state->holders(c.state.object))
                    if (h < m.actorCount()) holders << QString::fromStdString(m.actor(h).name);
                if (!holders.isEmpty()) status += QLatin1Char(' ') + tr("(held by %1)").arg(holders.join(QStringLiteral(", ")));
            }
        } else if (c.choosable) {
            status = tr("ready: can run next");
        }
        c.status = status;
    }
}

int CodeView::chipWidth(const QString& name) const {
    QFont bold = font();
    bold.setBold(true);
    return QFontMetrics(bold).horizontalAdvance(name) + 2 * kPad;
}

QString CodeView::foldedText() const {
    QStringList done, waiting;
    for (const Column& c : columns_) {
        if (!c.folded) continue;
        (c.state.state == ActorState::Done ? done : waiting) << c.name;
    }
    QStringList parts;
    if (!done.isEmpty()) parts << tr("finished: %1").arg(done.join(QStringLiteral(", ")));
    if (!waiting.isEmpty()) parts << tr("not started: %1").arg(waiting.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral("; "));
}

// The header flows the active threads' entries left to right, wrapping, and ends with the folded line. An
// entry never gets wider than the panel: its status is cut (the tooltip has all of it).
void CodeView::layoutHeader() {
    const QFontMetrics fm = fontMetrics();
    const int rowHeight = fm.height() + kPad;
    const int width = std::max(1, viewport()->width());
    int x = kPad, row = 0;
    bool rowUsed = false;
    for (Column& c : columns_) {
        c.entry = QRect();
        if (c.folded) continue;
        int w = chipWidth(c.name) + kPad + fm.horizontalAdvance(c.status) + kPad;
        if (c.choosable) w += fm.horizontalAdvance(QStringLiteral("\u25B6 ") + tr("Run")) + 3 * kPad;
        w = std::min(w, width - 2 * kPad);
        if (rowUsed && x + w > width - kPad) {
            ++row;
            x = kPad;
            rowUsed = false;
        }
        if (row >= kMaxHeaderRows) continue;  // the tooltip of the folded line still names everyone
        c.entry = QRect(x, kPad / 2 + row * rowHeight, w, rowHeight);
        x += w + 2 * kPad;
        rowUsed = true;
    }
    int rows = std::min(row + (rowUsed ? 1 : 0), kMaxHeaderRows);
    foldedRect_ = QRect();
    if (!foldedText().isEmpty()) {
        foldedRect_ = QRect(kPad, kPad / 2 + rows * rowHeight, width - 2 * kPad, rowHeight);
        ++rows;
        for (Column& c : columns_)
            if (c.folded) c.entry = foldedRect_;
    }
    const int height = std::max(1, rows) * rowHeight + kPad + 4;
    if (height != headerHeight_) {
        headerHeight_ = height;
        layoutEditor();
    }
}

// Races whose second access is at or before the cursor: the learner sees a race once it has happened, with
// both lines involved, the earlier one possibly in another thread's column.
void CodeView::rebuildRaces(std::uint32_t) {
    raceAccesses_.clear();
    if (!view_.model || !view_.state || !view_.trace) return;
    const TraceModel& m = *view_.model;
    const auto& races = m.races();
    for (std::size_t r = 0; r < races.size() && r < view_.state->racesFound(); ++r) {
        const DataRace& race = races[r];
        for (const DataRace::Access& a : {race.first, race.second}) {
            // The access's line is the line of its load or store event.
            const auto e = m.raceAccessEvent(race, a);
            const int line = e ? view_.trace->event(*e).line : 0;
            if (line > 0) raceAccesses_.push_back({a.actor, line, a.step, a.write, static_cast<int>(r)});
        }
    }
}

std::vector<int> CodeView::raceLines(ActorId actor) const {
    std::vector<int> out;
    for (const RaceAccess& a : raceAccesses_)
        if (a.actor == actor && std::find(out.begin(), out.end(), a.line) == out.end()) out.push_back(a.line);
    return out;
}

QString CodeView::raceText(const RaceAccess& access) const {
    if (!view_.model || access.race < 0 || static_cast<std::size_t>(access.race) >= view_.model->races().size())
        return QString();
    const TraceModel& t = *view_.model;
    const DataRace& race = t.races()[static_cast<std::size_t>(access.race)];
    auto describe = [&](const DataRace::Access& a) {
        return (a.write ? tr("store by %1 at step %2") : tr("load by %1 at step %2"))
            .arg(QString::fromStdString(t.actor(a.actor).name))
            .arg(a.step);
    };
    return tr("Data race on %1: %2 and %3, with no lock, join, event or queue ordering them.")
        .arg(QString::fromStdString(t.object(race.object).name), describe(race.first), describe(race.second));
}

const CodeView::RaceAccess* CodeView::raceAt(const QPoint& pos) const {
    if (pos.y() < headerHeight_) return nullptr;
    const int line = verticalScrollBar()->value() + (pos.y() - headerHeight_) / lineHeight() + 1;
    for (const RaceAccess& a : raceAccesses_)
        if (a.line == line) return &a;
    return nullptr;
}

void CodeView::updateMetrics() {
    const QFontMetrics fm = fontMetrics();
    // The gutter holds the "just ran" and "next" arrows, then the line number.
    markerWidth_ = fm.horizontalAdvance(QStringLiteral("\u25B6")) + kPad;
    gutterWidth_ = 2 * markerWidth_ + fm.horizontalAdvance(QString::number(std::max<qsizetype>(lines_.size(), 99))) + 2 * kPad;
    int text = 0;
    codeEnds_.clear();
    for (const QString& l : lines_) {
        text = std::max(text, fm.horizontalAdvance(l));
        // Where the code ends, before a trailing comment (a '#' outside a string).
        QChar quote;
        qsizetype cut = l.size();
        for (qsizetype i = 0; i < l.size(); ++i) {
            const QChar ch = l[i];
            if (!quote.isNull()) {
                if (ch == QLatin1Char('\\')) ++i;
                else if (ch == quote) quote = QChar();
            } else if (ch == QLatin1Char('"') || ch == QLatin1Char('\'')) {
                quote = ch;
            } else if (ch == QLatin1Char('#')) {
                cut = i;
                break;
            }
        }
        QString code = l.left(cut);
        while (!code.isEmpty() && code.back().isSpace()) code.chop(1);
        codeEnds_.push_back(fm.horizontalAdvance(code));
    }
    textWidth_ = text;
}

void CodeView::updateScrollBars() {
    // Room after the code for the chips of a line, so a long line's end can be scrolled clear of them.
    int chips = 0;
    for (const Column& c : columns_) chips += chipWidth(c.name) + kPad;
    const int total = gutterWidth_ + textWidth_ + 3 * kPad + std::min(chips, 200);
    horizontalScrollBar()->setRange(0, std::max(0, total - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(std::max(1, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 4));
    const int visibleLines = std::max(1, (viewport()->height() - headerHeight_) / lineHeight());
    verticalScrollBar()->setRange(0, std::max(0, static_cast<int>(lines_.size()) - visibleLines));
    verticalScrollBar()->setPageStep(visibleLines);
    verticalScrollBar()->setSingleStep(1);
}

void CodeView::scrollToLine(int line) {
    // The vertical scroll bar counts lines.
    const int first = verticalScrollBar()->value();
    const int visible = verticalScrollBar()->pageStep();
    if (line - 1 < first) verticalScrollBar()->setValue(line - 1);
    else if (line > first + visible) verticalScrollBar()->setValue(line - visible);
}

void CodeView::resizeEvent(QResizeEvent* event) {
    layoutEditor();
    QAbstractScrollArea::resizeEvent(event);
    layoutHeader();
    updateScrollBars();
    int focus = justRan_;
    if (focus <= 0)
        for (const Column& c : columns_)
            if (c.state.state == ActorState::Running && c.line > 0) focus = c.line;
    if (focus > 0) scrollToLine(focus);
}

const CodeView::Column* CodeView::column(ActorId actor) const {
    for (const Column& c : columns_)
        if (c.actor == actor) return &c;
    return nullptr;
}

int CodeView::currentLine(ActorId actor) const {
    const Column* c = column(actor);
    return c ? c->line : -1;
}

ActorState CodeView::actorState(ActorId actor) const {
    const Column* c = column(actor);
    return c ? c->state.state : ActorState::NotStarted;
}

QColor CodeView::lineBackground(ActorId actor) const {
    return style::Palette::actorStateBackground(actorState(actor));
}

QColor CodeView::markerColor(ActorId actor) const {
    return style::Palette::actorState(actorState(actor));
}

QString CodeView::statusText(ActorId actor) const {
    const Column* c = column(actor);
    return c ? c->status : QString();
}

bool CodeView::isChoosable(ActorId actor) const {
    const Column* c = column(actor);
    return c && c->choosable;
}

QRect CodeView::columnRect(ActorId actor) const {
    const Column* c = column(actor);
    return c ? c->entry : QRect();
}

QRect CodeView::chooseButtonRect(ActorId actor) const {
    const Column* c = column(actor);
    if (!c || !c->choosable || !c->entry.isValid() || c->folded) return {};
    const QFontMetrics fm = fontMetrics();
    const int w = fm.horizontalAdvance(QStringLiteral("\u25B6 ") + tr("Run")) + 2 * kPad;
    return {c->entry.right() - w, c->entry.top() + 1, w, c->entry.height() - 2};
}

QRect CodeView::lineRect(int line) const {
    return {0, headerHeight_ + (line - 1 - verticalScrollBar()->value()) * lineHeight(), viewport()->width(), lineHeight()};
}

// Chips stand just after a line's code (its trailing comment may go under them); when the code reaches the
// panel's right edge they stand at that edge, over the code, so neither a long line nor the sideways scroll
// can push them out of sight. The thread that ran last comes first, the others after it.
QRect CodeView::chipRect(ActorId actor) const {
    const Column* c = column(actor);
    if (!c || c->folded || c->line <= 0) return {};
    const QRect line = lineRect(c->line);
    if (line.bottom() < headerHeight_ || line.top() >= viewport()->height()) return {};
    std::vector<const Column*> group;
    if (const Column* last = column(lastActor_); last && last->line == c->line && !last->folded) group.push_back(last);
    for (const Column& other : columns_)
        if (!other.folded && other.line == c->line && other.actor != lastActor_) group.push_back(&other);
    std::vector<int> widths;
    int total = 0;
    for (const Column* g : group) {
        widths.push_back(chipWidth(g->name));
        total += widths.back() + kPad / 2;
    }
    const std::size_t index = static_cast<std::size_t>(c->line - 1);
    const int codeEnd = gutterWidth_ - horizontalScrollBar()->value() + (index < codeEnds_.size() ? codeEnds_[index] : 0);
    // Rather than cover the line's code, chips that do not fit after it give up width, down to a few letters
    // each (names shortened in the middle, so the end that tells them apart stays; the tooltip has them whole): first the others', then the first one's (the thread
    // that ran last), which keeps what is left.
    const int room = viewport()->width() - kPad - (codeEnd + 2 * kPad);
    if (total > room) {
        const int least = QFontMetrics(font()).horizontalAdvance(QStringLiteral("Thr\u2026")) + 2 * kPad;
        const int n = static_cast<int>(group.size());
        const int gaps = n * (kPad / 2);
        widths.front() = std::max(least, std::min(widths.front(), room - gaps - (n - 1) * least));
        if (n > 1) {
            const int each = (room - gaps - widths.front()) / (n - 1);
            for (std::size_t i = 1; i < widths.size(); ++i) widths[i] = std::max(least, std::min(widths[i], each));
        }
        total = gaps;
        for (int w : widths) total += w;
    }
    int x = std::max(0, std::min(codeEnd + 2 * kPad, viewport()->width() - kPad - total));
    for (std::size_t i = 0; i < group.size(); ++i) {
        if (group[i] == c) return {x, line.top() + 1, widths[i], line.height() - 2};
        x += widths[i] + kPad / 2;
    }
    return {};
}

int CodeView::columnAt(const QPoint& pos) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (!columns_[i].folded && columns_[i].entry.contains(pos)) return static_cast<int>(i);
    return -1;
}

// The chip: the name on the state's light colour, framed in the state's colour. The name says who; the
// colour only says the state, as everywhere in the window.
void CodeView::paintChip(QPainter& p, const QRect& r, const Column& c, bool bold) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(style::Palette::actorState(c.state.state), bold ? 2 : 1));
    p.setBrush(style::Palette::actorStateBackground(c.state.state));
    p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(r, Qt::AlignCenter, QFontMetrics(f).elidedText(c.name, Qt::ElideMiddle, r.width() - 2 * kPad + 2));
    p.restore();
}

void CodeView::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    const QPalette pal = palette();
    p.fillRect(viewport()->rect(), pal.base());
    if (columns_.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   scenario_ ? tr("No thread has started yet.") : tr("Pick a scenario to see its code."));
        return;
    }
    const QFontMetrics fm = fontMetrics();
    const int lh = lineHeight();
    const int header = headerHeight_;
    const int dx = horizontalScrollBar()->value();
    const int width = viewport()->width();
    const int firstLine = verticalScrollBar()->value();  // 0-based index of the top line
    const int visibleLines = (viewport()->height() - header) / lh + 2;
    const int lastLine = std::min<int>(static_cast<int>(lines_.size()), firstLine + visibleLines);
    const Column* last = column(lastActor_);

    // Listing lines, clipped below the header.
    p.save();
    p.setClipRect(QRect(0, header, width, viewport()->height() - header));
    for (int i = firstLine; i < lastLine; ++i) {
        const int y = header + (i - firstLine) * lh;
        // A line some thread is on takes the state colour of the one that ran last, else of the first there.
        const Column* on = (last && !last->folded && last->line == i + 1) ? last : nullptr;
        for (const Column& c : columns_)
            if (!on && !c.folded && c.line == i + 1) on = &c;
        if (on) p.fillRect(QRect(0, y, width, lh), style::Palette::actorStateBackground(on->state.state));
        p.setPen(style::Palette::muted());
        p.drawText(QRect(2 * markerWidth_ - dx, y, gutterWidth_ - 2 * markerWidth_ - kPad, lh),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(i + 1));
        QTextLayout layout(lines_[i], font());
        QTextOption option;
        option.setWrapMode(QTextOption::NoWrap);
        layout.setTextOption(option);
        layout.setFormats(lineFormats_[static_cast<std::size_t>(i)]);
        layout.beginLayout();
        QTextLine textLine = layout.createLine();
        textLine.setLineWidth(1e6);
        layout.endLayout();
        p.setPen(pal.color(QPalette::Text));
        layout.draw(&p, QPointF(gutterWidth_ - dx, y + (lh - textLine.height()) / 2));
    }
    // Racing accesses: a frame in the race colour and an hourglass in the gutter, as on the timeline.
    for (const RaceAccess& a : raceAccesses_) {
        if (a.line <= firstLine || a.line > lastLine) continue;
        const int y = header + (a.line - 1 - firstLine) * lh;
        p.setPen(QPen(style::Palette::race(), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRect(gutterWidth_ - 2 - dx, y + 1, textWidth_ + kPad + 2, lh - 2));
        const QRectF g = QRectF(2 * markerWidth_ - dx, y + 3, markerWidth_ - 2, lh - 6);
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(style::Palette::race());
        p.setPen(QPen(style::Palette::race(), 1));
        p.drawPolygon(style::Glyphs::hourglass(g.translated(-g.width() - 2, 0)));
        p.restore();
    }
    // Python Tutor's arrows: a pale one at the line the last step ran, a solid one at the line that thread
    // runs next (when the trace knows it). The shape tells them apart as well as the shade.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    auto arrow = [&](int line, const QString& glyph, const QColor& colour) {
        if (line <= firstLine || line > lastLine) return;
        p.setPen(colour);
        p.drawText(QRect(2 - dx, header + (line - 1 - firstLine) * lh, markerWidth_, lh), Qt::AlignCenter, glyph);
    };
    if (last && !last->folded) {
        if (next_ > 0 && next_ != justRan_) {
            arrow(justRan_, QStringLiteral("\u25B7"), style::Palette::muted());
            arrow(next_, QStringLiteral("\u25B6"), pal.color(QPalette::Text));
        } else {
            arrow(justRan_, QStringLiteral("\u25B6"), pal.color(QPalette::Text));
        }
    }
    // The other threads' lines: the state's marker (a square for blocked), for readers who cannot tell the colours.
    for (const Column& c : columns_) {
        if (c.folded || &c == last || c.line <= firstLine || c.line > lastLine) continue;
        p.setPen(markerColor(c.actor));
        p.drawText(QRect(markerWidth_ + 2 - dx, header + (c.line - 1 - firstLine) * lh, markerWidth_, lh), Qt::AlignCenter,
                   style::Glyphs::lineMarker(c.state.state));
    }
    p.setFont(font());
    for (const Column& c : columns_) {
        const QRect chip = chipRect(c.actor);
        if (!chip.isValid()) continue;
        // A clear patch under the chips, so the end of a long line does not run into them.
        // The state's background may be translucent: the base goes first so the code under it is gone.
        const QRect patch(chip.left() - kPad, chip.top() - 1, width - chip.left() + kPad, chip.height() + 2);
        p.fillRect(patch, pal.base());
        p.fillRect(patch, style::Palette::actorStateBackground(c.state.state));
    }
    for (const Column& c : columns_) {
        const QRect chip = chipRect(c.actor);
        if (chip.isValid()) paintChip(p, chip, c, &c == last);
    }
    p.restore();

    // Header: every active thread's chip and status, then the folded line; a strip closes it.
    p.fillRect(QRect(0, 0, width, header), pal.window());
    p.fillRect(QRect(0, header - 2, width, 2), pal.color(QPalette::Mid));
    for (const Column& c : columns_) {
        if (c.folded || !c.entry.isValid()) continue;
        const int cw = std::min(chipWidth(c.name), c.entry.width());
        paintChip(p, QRect(c.entry.left(), c.entry.top() + 1, cw, c.entry.height() - 2), c, &c == last);
        const QRect button = chooseButtonRect(c.actor);
        const int textLeft = c.entry.left() + cw + kPad;
        const int textRight = button.isValid() ? button.left() - kPad : c.entry.right();
        p.setPen(c.state.state == ActorState::Blocked ? style::Palette::actorState(ActorState::Blocked) : pal.color(QPalette::Text));
        p.drawText(QRect(textLeft, c.entry.top(), std::max(0, textRight - textLeft), c.entry.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(c.status, Qt::ElideRight, std::max(0, textRight - textLeft)));
        if (button.isValid()) {
            p.setPen(style::Palette::actorState(ActorState::Ready).darker(130));
            p.setBrush(style::Palette::actorStateBackground(ActorState::Ready));
            p.drawRoundedRect(button, 4, 4);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(button, Qt::AlignCenter, QStringLiteral("\u25B6 ") + tr("Run"));
            p.setBrush(Qt::NoBrush);
        }
    }
    if (foldedRect_.isValid()) {
        p.setPen(style::Palette::muted());
        p.drawText(foldedRect_, Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(foldedText(), Qt::ElideRight, foldedRect_.width()));
    }
}

void CodeView::mousePressEvent(QMouseEvent* event) {
    const int ci = columnAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && ci >= 0) {
        const Column& c = columns_[static_cast<std::size_t>(ci)];
        if (c.choosable && chooseButtonRect(c.actor).contains(event->position().toPoint())) {
            event->accept();
            emit actorChosen(c.actor);
            return;
        }
    }
    QAbstractScrollArea::mousePressEvent(event);
}

void CodeView::mouseDoubleClickEvent(QMouseEvent* event) {
    const int ci = columnAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && ci >= 0 && columns_[static_cast<std::size_t>(ci)].choosable) {
        event->accept();
        emit actorChosen(columns_[static_cast<std::size_t>(ci)].actor);
        return;
    }
    QAbstractScrollArea::mouseDoubleClickEvent(event);
}

bool CodeView::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QPoint pos = help->pos();
        if (const RaceAccess* race = raceAt(pos); race && pos.x() > gutterWidth_ - horizontalScrollBar()->value()) {
            QToolTip::showText(help->globalPos(), raceText(*race), viewport());
            return true;
        }
        int ci = columnAt(pos);
        for (std::size_t i = 0; ci < 0 && i < columns_.size(); ++i)
            if (chipRect(columns_[i].actor).contains(pos)) ci = static_cast<int>(i);
        if (ci >= 0) {
            const Column& c = columns_[static_cast<std::size_t>(ci)];
            QString text = QStringLiteral("%1: %2").arg(c.name, c.status);
            if (c.choosable) text += QLatin1Char('\n') + tr("Double-click or press Run to let it take the next step.");
            else if (c.state.state == ActorState::Blocked) text += QLatin1Char('\n') + tr("It cannot run until what it waits for is free.");
            QToolTip::showText(help->globalPos(), text, viewport());
            return true;
        }
        if (foldedRect_.contains(pos)) {
            QToolTip::showText(help->globalPos(), foldedText(), viewport());
            return true;
        }
        if (pos.y() > headerHeight_ && pos.x() < gutterWidth_ - horizontalScrollBar()->value() && lastActor_ != kNoActor) {
            const QString who = columns_[lastActor_].name;
            QToolTip::showText(help->globalPos(),
                               tr("\u25B6 marks the line %1 just ran; when the run goes on past this step, \u25B7 marks that "
                                  "line and \u25B6 the line %1 runs next. The other threads' lines carry their name.").arg(who),
                               viewport());
            return true;
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void CodeView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateEditor();
        rebuildStatus();
        layoutHeader();
        viewport()->update();
    } else if (event->type() == QEvent::FontChange) {
        updateMetrics();
        layoutHeader();
        updateScrollBars();
        layoutEditor();
    }
    QAbstractScrollArea::changeEvent(event);
}

}  // namespace lockstep::app
