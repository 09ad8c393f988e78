#pragma once
// The learner's program as editable text: Python colouring, line numbers, and each thread's current line
// marked as in the code view's columns (a background in the colour of the thread's state and a marker in
// the gutter, a triangle or, when blocked, a square). Hovering the gutter names the threads on that line.

#include <QPlainTextEdit>
#include <QString>

#include <vector>

#include "lockstep/RunState.h"

namespace lockstep::app {

class PythonHighlighter;

class ProgramEditor : public QPlainTextEdit {
    Q_OBJECT
public:
    struct Marker {
        int line = 0;  // 1-based
        ActorState state = ActorState::NotStarted;
        QString actor;
    };

    explicit ProgramEditor(QWidget* parent = nullptr);

    void setMarkers(std::vector<Marker> markers);
    const std::vector<Marker>& markers() const { return markers_; }
    PythonHighlighter* highlighter() const { return highlighter_; }
    // Scrolls so that `line` (1-based) is in sight, without moving the text cursor.
    void showLine(int line);
    int gutterWidth() const;
    // Where the names of the threads on `line` are drawn (in the viewport) and the text each shows: right to
    // left after the code, shortened rather than over it. Empty when the line is out of sight.
    struct NameBox {
        QRect box;
        QString text;
        const Marker* marker;
    };
    std::vector<NameBox> nameBoxes(int line) const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    friend class ProgramEditorGutter;
    void paintGutter(QPaintEvent* event);
    QString gutterToolTip(int y) const;
    void updateGutterWidth();
    void updateSelections();

    QWidget* gutter_ = nullptr;
    PythonHighlighter* highlighter_ = nullptr;
    std::vector<Marker> markers_;
};

}  // namespace lockstep::app
