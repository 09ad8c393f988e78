#include "panels/ProgramEditor.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

#include "panels/PythonHighlighter.h"
#include "style/Glyphs.h"
#include "style/Palette.h"
#include "style/StateNames.h"

namespace lockstep::app {

namespace {
constexpr int kPad = 6;

// Of several threads on one line, the marker shows the one a learner most needs to see: the one running,
// then a blocked one (something to explain), then the rest.
int importance(ActorState s) {
    switch (s) {
        case ActorState::Running: return 5;
        case ActorState::Computing: return 4;
        case ActorState::Blocked: return 3;
        case ActorState::Ready: return 2;
        case ActorState::Sleeping: return 1;
        default: return 0;
    }
}
}  // namespace

class ProgramEditorGutter : public QWidget {
public:
    explicit ProgramEditorGutter(ProgramEditor* editor) : QWidget(editor), editor_(editor) {}
    QSize sizeHint() const override { return {editor_->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent* event) override { editor_->paintGutter(event); }
    bool event(QEvent* event) override {
        if (event->type() == QEvent::ToolTip) {
            const auto* help = static_cast<QHelpEvent*>(event);
            const QString text = editor_->gutterToolTip(help->pos().y());
            if (text.isEmpty()) QToolTip::hideText();
            else QToolTip::showText(help->globalPos(), text, this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    ProgramEditor* editor_;
};

ProgramEditor::ProgramEditor(QWidget* parent) : QPlainTextEdit(parent) {
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(4 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    gutter_ = new ProgramEditorGutter(this);
    highlighter_ = new PythonHighlighter(document());
    connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { updateGutterWidth(); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy) gutter_->scroll(0, dy);
        else gutter_->update(0, rect.y(), gutter_->width(), rect.height());
    });
    updateGutterWidth();
}

int ProgramEditor::gutterWidth() const {
    const QFontMetrics fm = fontMetrics();
    const int digits = static_cast<int>(QString::number(std::max(99, blockCount())).size());
    return fm.horizontalAdvance(QStringLiteral("\u25B6")) + kPad + fm.horizontalAdvance(QLatin1Char('9')) * digits + 2 * kPad;
}

void ProgramEditor::updateGutterWidth() { setViewportMargins(gutterWidth(), 0, 0, 0); }

void ProgramEditor::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    gutter_->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void ProgramEditor::changeEvent(QEvent* event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange) updateGutterWidth();
}

void ProgramEditor::setMarkers(std::vector<Marker> markers) {
    markers_ = std::move(markers);
    updateSelections();
    gutter_->update();
}

void ProgramEditor::showLine(int line) {
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid()) return;
    const QRectF r = blockBoundingGeometry(block).translated(contentOffset());
    if (r.top() < 0 || r.bottom() > viewport()->height()) {
        // The vertical scroll bar of a plain text edit counts blocks: put the line a third of the way down.
        const int visible = std::max(1, static_cast<int>(viewport()->height() / std::max(1.0, r.height())));
        verticalScrollBar()->setValue(std::max(0, line - 1 - visible / 3));
    }
}

void ProgramEditor::updateSelections() {
    // One background per line, in the colour of its most important thread.
    std::vector<const Marker*> top;
    for (const Marker& m : markers_) {
        auto it = std::find_if(top.begin(), top.end(), [&](const Marker* t) { return t->line == m.line; });
        if (it == top.end()) top.push_back(&m);
        else if (importance(m.state) > importance((*it)->state)) *it = &m;
    }
    QList<QTextEdit::ExtraSelection> selections;
    for (const Marker* m : top) {
        const QTextBlock block = document()->findBlockByNumber(m->line - 1);
        if (!block.isValid()) continue;
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(block);
        s.format.setBackground(style::Palette::actorStateBackground(m->state));
        s.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.push_back(s);
    }
    setExtraSelections(selections);
}

void ProgramEditor::paintEvent(QPaintEvent* event) {
    QPlainTextEdit::paintEvent(event);
    if (markers_.empty()) return;
    QPainter p(viewport());
    std::vector<int> lines;
    for (const Marker& m : markers_)
        if (std::find(lines.begin(), lines.end(), m.line) == lines.end()) lines.push_back(m.line);
    for (int line : lines)
        for (const NameBox& n : nameBoxes(line)) {
            p.fillRect(n.box, palette().color(QPalette::Base));
            p.fillRect(n.box, style::Palette::actorStateBackground(n.marker->state));
            p.setPen(style::Palette::actorState(n.marker->state).darker(170));
            p.drawText(n.box, Qt::AlignCenter, n.text);
        }
}

std::vector<ProgramEditor::NameBox> ProgramEditor::nameBoxes(int line) const {
    std::vector<NameBox> boxes;
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid() || !block.isVisible()) return boxes;
    const QRectF r = blockBoundingGeometry(block).translated(contentOffset());
    if (r.bottom() < 0 || r.top() > viewport()->height()) return boxes;
    const QFontMetrics fm = fontMetrics();
    // Right to left: "Thread-2  Thread-1", each in its state's colour, on a plain patch. Names that would
    // cover the line's code give up width instead, down to a few letters, shortened in the middle so the end
    // that tells them apart stays (the gutter's tooltip has them whole).
    std::vector<const Marker*> here;
    for (auto it = markers_.rbegin(); it != markers_.rend(); ++it)
        if (it->line == line) here.push_back(&*it);
    std::vector<int> widths;
    int total = 0;
    for (const Marker* m : here) {
        widths.push_back(fm.horizontalAdvance(m->actor) + kPad);
        total += widths.back() + 2;
    }
    QString code = block.text();
    while (!code.isEmpty() && code.back().isSpace()) code.chop(1);
    const int codeEnd = static_cast<int>(r.left() + document()->documentMargin()) + fm.horizontalAdvance(code);
    const int room = viewport()->width() - kPad - codeEnd - kPad;
    if (total > room && !here.empty()) {
        const int least = fm.horizontalAdvance(QStringLiteral("Thr\u2026")) + kPad;
        const int each = std::max(least, room / static_cast<int>(here.size()) - 2);
        for (int& w : widths) w = std::min(w, each);
    }
    int right = viewport()->width() - kPad;
    for (std::size_t i = 0; i < here.size(); ++i) {
        const int w = widths[i];
        boxes.push_back({QRect(right - w, static_cast<int>(r.top()), w, static_cast<int>(r.height())),
                         fm.elidedText(here[i]->actor, Qt::ElideMiddle, w - kPad + 2), here[i]});
        right -= w + 2;
    }
    return boxes;
}

void ProgramEditor::paintGutter(QPaintEvent* event) {
    QPainter p(gutter_);
    p.fillRect(event->rect(), palette().color(QPalette::Window));
    const QFontMetrics fm = fontMetrics();
    const int markerWidth = fm.horizontalAdvance(QStringLiteral("\u25B6")) + kPad;
    QFont bold = font();
    bold.setBold(true);
    QTextBlock block = firstVisibleBlock();
    int top = static_cast<int>(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = static_cast<int>(blockBoundingRect(block).height());
        const int line = block.blockNumber() + 1;
        if (block.isVisible() && top + height >= event->rect().top()) {
            p.setPen(style::Palette::muted());
            p.setFont(font());
            p.drawText(QRect(markerWidth, top, gutter_->width() - markerWidth - kPad, height),
                       Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
            const Marker* shown = nullptr;
            for (const Marker& m : markers_)
                if (m.line == line && (!shown || importance(m.state) > importance(shown->state))) shown = &m;
            if (shown) {
                p.setPen(style::Palette::actorState(shown->state));
                p.setFont(bold);
                p.drawText(QRect(2, top, markerWidth, height), Qt::AlignCenter,
                           style::Glyphs::lineMarker(shown->state));
            }
        }
        block = block.next();
        top += height;
    }
}

QString ProgramEditor::gutterToolTip(int y) const {
    const QTextCursor cursor = cursorForPosition(QPoint(0, y));
    const int line = cursor.blockNumber() + 1;
    QStringList names;
    for (const Marker& m : markers_)
        if (m.line == line) names << QStringLiteral("%1: %2").arg(m.actor, style::StateNames::actor(m.state));
    return names.join(QLatin1Char('\n'));
}

}  // namespace lockstep::app
