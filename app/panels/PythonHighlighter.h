#pragma once
// Python syntax colouring for the program editor and the listing columns of the code view: keywords, strings
// (triple-quoted ones may span lines), comments, numbers and the names that def and class introduce. The
// colours keep clear of the state backgrounds (running, ready, blocked) that mark each thread's line.

#include <QList>
#include <QSyntaxHighlighter>
#include <QTextLayout>

namespace lockstep::app {

class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    enum class Kind { Keyword, String, Comment, Number, DefinedName };
    // What a line ends inside: nothing, or a string opened by ''' or """ that goes on past the line.
    enum State { Normal = 0, InSingleTriple = 1, InDoubleTriple = 2 };

    explicit PythonHighlighter(QTextDocument* document);

    static QTextCharFormat format(Kind kind);
    // The coloured ranges of one line that starts in `state`; `next` is the state the line ends in. The
    // code view paints its read-only columns with these, so they look like the editor.
    static QList<QTextLayout::FormatRange> formatLine(const QString& text, State state, State* next);

protected:
    void highlightBlock(const QString& text) override;
};

}  // namespace lockstep::app
