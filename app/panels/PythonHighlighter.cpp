#include "panels/PythonHighlighter.h"

#include <QSet>

#include "style/OkabeIto.h"
#include "style/Palette.h"

namespace lockstep::app {

namespace {

const QSet<QString>& keywords() {
    // Python 3.11's hard keywords (keyword.kwlist). The soft ones (match, case, _) are left plain: in a
    // learner's program they are far more often names than a match statement.
    static const QSet<QString> words{
        "False", "None",   "True",    "and",      "as",     "assert", "async", "await",  "break",
        "class", "continue", "def",   "del",      "elif",   "else",   "except", "finally", "for",
        "from",  "global", "if",      "import",   "in",     "is",     "lambda", "nonlocal", "not",
        "or",    "pass",   "raise",   "return",   "try",    "while",  "with",   "yield"};
    return words;
}

bool isIdentStart(QChar c) { return c.isLetter() || c == QLatin1Char('_'); }
bool isIdentChar(QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); }
bool isQuote(QChar c) { return c == QLatin1Char('\'') || c == QLatin1Char('"'); }

// Whether `text` from `i` is a string prefix (r, b, f, u and their two-letter pairs) directly followed by a
// quote; returns the prefix length, or -1.
int stringPrefixLength(const QString& text, int i) {
    for (int len = 0; len <= 2 && i + len < text.size(); ++len) {
        if (isQuote(text[i + len])) {
            const QString prefix = text.mid(i, len).toLower();
            static const QSet<QString> prefixes{"", "r", "b", "f", "u", "rb", "br", "fr", "rf"};
            return prefixes.contains(prefix) ? len : -1;
        }
        if (!text[i + len].isLetter()) return -1;
    }
    return -1;
}

// The end (one past) of a string whose body starts at `from` and is closed by `quote` (one or three
// characters); -1 when the line ends first. A backslash escapes the next character, as in Python.
int stringEnd(const QString& text, int from, const QString& quote) {
    for (int i = from; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (text.mid(i, quote.size()) == quote) return i + static_cast<int>(quote.size());
    }
    return -1;
}

int numberEnd(const QString& text, int i) {
    int j = i;
    if (j + 1 < text.size() && text[j] == QLatin1Char('0') && QStringLiteral("xXoObB").contains(text[j + 1])) {
        j += 2;
        while (j < text.size() && (text[j].isLetterOrNumber() || text[j] == QLatin1Char('_'))) ++j;
        return j;
    }
    while (j < text.size()) {
        const QChar c = text[j];
        if (c.isDigit() || c == QLatin1Char('_') || c == QLatin1Char('.')) {
            ++j;
        } else if ((c == QLatin1Char('e') || c == QLatin1Char('E'))) {
            ++j;
            if (j < text.size() && (text[j] == QLatin1Char('+') || text[j] == QLatin1Char('-'))) ++j;
        } else if (c == QLatin1Char('j') || c == QLatin1Char('J')) {
            return j + 1;
        } else {
            break;
        }
    }
    return j;
}

}  // namespace

PythonHighlighter::PythonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

QTextCharFormat PythonHighlighter::format(Kind kind) {
    QTextCharFormat f;
    switch (kind) {
        case Kind::Keyword:
            f.setForeground(style::OkabeIto::blue());
            f.setFontWeight(QFont::Bold);
            break;
        case Kind::String: f.setForeground(style::OkabeIto::bluishGreen().darker(140)); break;
        case Kind::Comment:
            f.setForeground(style::Palette::muted().darker(120));
            f.setFontItalic(true);
            break;
        case Kind::Number: f.setForeground(style::OkabeIto::reddishPurple().darker(140)); break;
        case Kind::DefinedName:
            f.setForeground(style::OkabeIto::orange().darker(160));
            f.setFontWeight(QFont::Bold);
            break;
    }
    return f;
}

QList<QTextLayout::FormatRange> PythonHighlighter::formatLine(const QString& text, State state, State* next) {
    QList<QTextLayout::FormatRange> out;
    auto add = [&out](int start, int end, Kind kind) {
        if (end > start) out.push_back({start, end - start, format(kind)});
    };
    int i = 0;
    State ending = Normal;
    if (state != Normal) {
        // The line goes on with a triple-quoted string from an earlier line.
        const QString quote = state == InSingleTriple ? QStringLiteral("'''") : QStringLiteral("\"\"\"");
        const int end = stringEnd(text, 0, quote);
        if (end < 0) {
            add(0, static_cast<int>(text.size()), Kind::String);
            if (next) *next = state;
            return out;
        }
        add(0, end, Kind::String);
        i = end;
    }
    bool afterDefOrClass = false;
    const int n = static_cast<int>(text.size());
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('#')) {
            add(i, n, Kind::Comment);
            break;
        }
        if (const int prefix = isIdentStart(c) || isQuote(c) ? stringPrefixLength(text, i) : -1; prefix >= 0) {
            const int q = i + prefix;
            const bool triple = text.mid(q, 3) == QString(3, text[q]);
            const QString quote = triple ? QString(3, text[q]) : QString(text[q]);
            const int end = stringEnd(text, q + static_cast<int>(quote.size()), quote);
            if (end < 0) {
                add(i, n, Kind::String);
                if (triple) ending = text[q] == QLatin1Char('\'') ? InSingleTriple : InDoubleTriple;
                break;
            }
            add(i, end, Kind::String);
            i = end;
            afterDefOrClass = false;
            continue;
        }
        if (isIdentStart(c)) {
            int j = i + 1;
            while (j < n && isIdentChar(text[j])) ++j;
            const QString word = text.mid(i, j - i);
            if (afterDefOrClass) add(i, j, Kind::DefinedName);
            else if (keywords().contains(word)) add(i, j, Kind::Keyword);
            afterDefOrClass = word == QLatin1String("def") || word == QLatin1String("class");
            i = j;
            continue;
        }
        if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && text[i + 1].isDigit())) {
            const int j = numberEnd(text, i);
            add(i, j, Kind::Number);
            i = j;
            continue;
        }
        if (!c.isSpace()) afterDefOrClass = false;
        ++i;
    }
    if (next) *next = ending;
    return out;
}

void PythonHighlighter::highlightBlock(const QString& text) {
    const int previous = previousBlockState();
    const State start = previous == InSingleTriple || previous == InDoubleTriple ? static_cast<State>(previous) : Normal;
    State next = Normal;
    for (const QTextLayout::FormatRange& r : formatLine(text, start, &next)) setFormat(r.start, r.length, r.format);
    setCurrentBlockState(next);
}

}  // namespace lockstep::app
