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

#include "panels/InspectorPalette.h"
#include "panels/InspectorStateNames.h"
#include "panels/ProgramEditor.h"
#include "panels/PythonHighlighter.h"

namespace lockstep::app {

namespace {
constexpr int kPad = 6;
constexpr int kMinColumnWidth = 220;
// Wide enough for the code of a line; a trailing comment may be cut, so that two or three listings fit side by side.
constexpr int kMaxColumnWidth = 320;
// The editor takes half the panel, but never less than this: a program's lines are longer than a column's.
constexpr int kMinEditorWidth = 320;
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

void CodeView::layoutEditor() {
    if (!editorPane_) return;  // the constructor's setFont comes before the editor exists
    const int frame = frameWidth();
    if (!editorPane_->isVisibleTo(this)) {
        setViewportMargins(0, 0, 0, 0);
        return;
    }
    const int inner = width() - 2 * frame;
    const int w = std::min(inner, std::max(kMinEditorWidth, inner / 2));
    setViewportMargins(w, 0, 0, 0);
    editorPane_->setGeometry(frame, frame, w, height() - 2 * frame);
    editorTitle_->setFixedHeight(headerHeight());
}

void CodeView::retranslateEditor() {
    if (!editorPane_ || programPath_.isEmpty()) return;
    const QString name = QFileInfo(programPath_).fileName().toHtmlEscaped();
    const QString hint = modified_ ? tr("modified: Step, Run or Ctrl+S saves and reloads it")
                                   : tr("your program: you can edit it here");
    editorTitle_->setText(QStringLiteral("<b>%1%2</b><br><span style=\"color:%3\">%4</span>")
                              .arg(name, modified_ ? QStringLiteral(" *") : QString(),
                                   (modified_ ? palette::stateColor(ActorState::Blocked) : palette::grey().darker(130)).name(),
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
int CodeView::headerHeight() const { return 2 * fontMetrics().height() + 3 * kPad; }

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
            columns_.push_back(c);
        }
    }
    rebuildStatus();
    rebuildRaces(view.cursor);
    updateEditorMarkers();
    updateScrollBars();
    // Keep the running actor's line in sight: that is where the program is.
    for (const Column& c : columns_)
        if (c.state.state == ActorState::Running && c.line > 0) scrollToLine(c.line);
    viewport()->update();
}

void CodeView::rebuildStatus() {
    for (Column& c : columns_) {
        const ActorState s = c.state.state;
        QString status = actorStateText(s);
        if (s == ActorState::Blocked && view_.model && view_.state && c.state.object < view_.model->objectCount()) {
            const TraceModel& m = *view_.model;
            const ObjectInfo& obj = m.object(c.state.object);
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
    const int ci = columnAt(pos);
    if (ci < 0 || pos.y() < headerHeight()) return nullptr;
    const int line = verticalScrollBar()->value() + (pos.y() - headerHeight()) / lineHeight() + 1;
    for (const RaceAccess& a : raceAccesses_)
        if (a.actor == columns_[static_cast<std::size_t>(ci)].actor && a.line == line) return &a;
    return nullptr;
}

void CodeView::updateMetrics() {
    const QFontMetrics fm = fontMetrics();
    // The gutter holds the state marker, then the line number.
    markerWidth_ = fm.horizontalAdvance(QStringLiteral("\u25B6")) + kPad;
    gutterWidth_ = markerWidth_ + fm.horizontalAdvance(QString::number(std::max<qsizetype>(lines_.size(), 99))) + 2 * kPad;
    int text = 0;
    for (const QString& l : lines_) text = std::max(text, fm.horizontalAdvance(l));
    columnWidth_ = std::clamp(gutterWidth_ + text + 3 * kPad, kMinColumnWidth, kMaxColumnWidth);
}

void CodeView::updateScrollBars() {
    const int total = static_cast<int>(columns_.size()) * columnWidth_;
    horizontalScrollBar()->setRange(0, std::max(0, total - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(columnWidth_ / 4);
    const int visibleLines = std::max(1, (viewport()->height() - headerHeight()) / lineHeight());
    verticalScrollBar()->setRange(0, std::max(0, static_cast<int>(lines_.size()) + 1 - visibleLines));
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
    updateScrollBars();
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

QString CodeView::statusText(ActorId actor) const {
    const Column* c = column(actor);
    return c ? c->status : QString();
}

bool CodeView::isChoosable(ActorId actor) const {
    const Column* c = column(actor);
    return c && c->choosable;
}

QRect CodeView::columnRect(ActorId actor) const {
    for (std::size_t i = 0; i < columns_.size(); ++i)
        if (columns_[i].actor == actor)
            return {static_cast<int>(i) * columnWidth_ - horizontalScrollBar()->value(), 0, columnWidth_,
                    viewport()->height()};
    return {};
}

QRect CodeView::chooseButtonRect(ActorId actor) const {
    const Column* c = column(actor);
    if (!c || !c->choosable) return {};
    const QRect col = columnRect(actor);
    const QFontMetrics fm = fontMetrics();
    const int w = fm.horizontalAdvance(tr("Run")) + fm.horizontalAdvance(QStringLiteral("\u25B6 ")) + 2 * kPad;
    return {col.right() - w - kPad, kPad / 2, w, fm.height() + kPad};
}

int CodeView::columnAt(const QPoint& pos) const {
    const int x = pos.x() + horizontalScrollBar()->value();
    if (x < 0 || columnWidth_ <= 0) return -1;
    const int i = x / columnWidth_;
    return i < static_cast<int>(columns_.size()) ? i : -1;
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
    const int header = headerHeight();
    const int firstLine = verticalScrollBar()->value();  // 0-based index of the top line
    const int visibleLines = (viewport()->height() - header) / lh + 2;
    const int lastLine = std::min<int>(static_cast<int>(lines_.size()), firstLine + visibleLines);
    QFont bold = font();
    bold.setBold(true);

    // Only the columns that meet the viewport are painted, however many actors there are.
    const int firstCol = std::max(0, horizontalScrollBar()->value() / columnWidth_);
    const int lastCol = std::min<int>(static_cast<int>(columns_.size()) - 1,
                                      (horizontalScrollBar()->value() + viewport()->width()) / columnWidth_);
    for (int ci = firstCol; ci <= lastCol; ++ci) {
        const Column& c = columns_[static_cast<std::size_t>(ci)];
        const int x = ci * columnWidth_ - horizontalScrollBar()->value();
        const bool done = c.state.state == ActorState::Done;
        const QColor textColour = done ? palette::grey() : pal.color(QPalette::Text);

        // Listing lines, clipped below the header.
        p.save();
        p.setClipRect(QRect(x, header, columnWidth_, viewport()->height() - header));
        for (int i = firstLine; i < lastLine; ++i) {
            const int y = header + (i - firstLine) * lh;
            if (i + 1 == c.line) p.fillRect(QRect(x, y, columnWidth_, lh), palette::stateBackground(c.state.state));
            p.setPen(palette::grey());
            p.drawText(QRect(x + markerWidth_, y, gutterWidth_ - markerWidth_ - kPad, lh), Qt::AlignRight | Qt::AlignVCenter,
                       QString::number(i + 1));
            // The code in the editor's colours; a finished thread's column stays grey throughout.
            QTextLayout layout(lines_[i], font());
            QTextOption option;
            option.setWrapMode(QTextOption::NoWrap);
            layout.setTextOption(option);
            if (!done) layout.setFormats(lineFormats_[static_cast<std::size_t>(i)]);
            layout.beginLayout();
            QTextLine textLine = layout.createLine();
            textLine.setLineWidth(1e6);
            layout.endLayout();
            p.setPen(textColour);
            layout.draw(&p, QPointF(x + gutterWidth_, y + (lh - textLine.height()) / 2));
        }
        // Racing accesses: a frame in the race colour and an hourglass, as on the timeline.
        for (const RaceAccess& a : raceAccesses_) {
            if (a.actor != c.actor || a.line <= firstLine || a.line > lastLine) continue;
            const int y = header + (a.line - 1 - firstLine) * lh;
            p.setPen(QPen(palette::race(), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(QRect(x + gutterWidth_ - 2, y + 1, columnWidth_ - gutterWidth_, lh - 2));
            // The hourglass sits at the right end of what can be seen of the column, on a plain patch so the
            // code under it does not garble it.
            const int right = std::min(x + columnWidth_, viewport()->width()) - kPad;
            const QRect glyph(right - markerWidth_ - 2, y + 2, markerWidth_ + 2, lh - 4);
            p.fillRect(glyph, pal.base());
            // Drawn, not a character: the hourglass glyph is missing from common fonts.
            const QRectF g = QRectF(glyph).adjusted(2, 1, -2, -1);
            const QPointF hourglass[] = {g.topLeft(), g.topRight(), g.bottomLeft(), g.bottomRight()};
            p.save();
            p.setRenderHint(QPainter::Antialiasing);
            p.setBrush(palette::race());
            p.setPen(QPen(palette::race(), 1));
            p.drawPolygon(hourglass, 4);
            p.restore();
        }
        // A marker in the gutter says the same as the background, for readers who cannot tell the colours.
        if (c.line > firstLine && c.line <= lastLine) {
            const int y = header + (c.line - 1 - firstLine) * lh;
            p.setPen(palette::stateColor(c.state.state));
            p.setFont(bold);
            p.drawText(QRect(x + 2, y, markerWidth_, lh), Qt::AlignCenter,
                       c.state.state == ActorState::Blocked ? QStringLiteral("\u25A0") : QStringLiteral("\u25B6"));
            p.setFont(font());
        }
        p.restore();

        // Header: a band in the state's colour, the name, the status line and, when choosable, a button.
        const QRect head(x, 0, columnWidth_, header);
        p.fillRect(head, pal.window());
        p.fillRect(QRect(x, header - 4, columnWidth_, 4), palette::stateColor(c.state.state));
        p.setPen(pal.color(QPalette::Mid));
        p.drawLine(x + columnWidth_ - 1, 0, x + columnWidth_ - 1, viewport()->height());
        p.setFont(bold);
        p.setPen(textColour);
        const QRect button = chooseButtonRect(c.actor);
        const int nameRight = button.isValid() ? button.left() - kPad : x + columnWidth_ - kPad;
        p.drawText(QRect(x + kPad, kPad / 2, nameRight - x - kPad, fm.height() + kPad), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(c.name, Qt::ElideRight, nameRight - x - kPad));
        p.setFont(font());
        p.setPen(c.state.state == ActorState::Blocked ? palette::stateColor(ActorState::Blocked) : textColour);
        p.drawText(QRect(x + kPad, fm.height() + 2 * kPad, columnWidth_ - 2 * kPad, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(c.status, Qt::ElideRight, columnWidth_ - 2 * kPad));
        if (button.isValid()) {
            p.setPen(palette::stateColor(ActorState::Ready).darker(130));
            p.setBrush(palette::stateBackground(ActorState::Ready));
            p.drawRoundedRect(button, 4, 4);
            p.setPen(pal.color(QPalette::Text));
            p.drawText(button, Qt::AlignCenter, QStringLiteral("\u25B6 ") + tr("Run"));
            p.setBrush(Qt::NoBrush);
        }
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
        if (const RaceAccess* race = raceAt(help->pos())) {
            QToolTip::showText(help->globalPos(), raceText(*race), viewport());
            return true;
        }
        const int ci = columnAt(help->pos());
        if (ci >= 0) {
            const Column& c = columns_[static_cast<std::size_t>(ci)];
            QString text = QStringLiteral("%1: %2").arg(c.name, c.status);
            if (c.choosable) text += QLatin1Char('\n') + tr("Double-click or press Run to let it take the next step.");
            else if (c.state.state == ActorState::Blocked) text += QLatin1Char('\n') + tr("It cannot run until what it waits for is free.");
            QToolTip::showText(help->globalPos(), text, viewport());
            return true;
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void CodeView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateEditor();
        rebuildStatus();
        viewport()->update();
    } else if (event->type() == QEvent::FontChange) {
        updateMetrics();
        updateScrollBars();
        layoutEditor();
    }
    QAbstractScrollArea::changeEvent(event);
}

}  // namespace lockstep::app
