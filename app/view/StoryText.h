#pragma once
// The story of a step in words: one wording per sentence kind, English in the source and Russian (and any
// later language) from the translations, for the window and the command line alike.

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>
#include <QString>

#include "lockstep/Story.h"

namespace lockstep {
class TraceModel;
}

namespace lockstep::app {

class StoryText {
    Q_DECLARE_TR_FUNCTIONS(lockstep::app::StoryText)
public:
    // One sentence, with actors and objects by name. With `showInternals` off, a wait on one of the standard
    // library's own objects names the learner's call instead (StorySentence::inside); callers leave out the
    // sentences that are hiddenWithInternals().
    static QString sentence(const StorySentence& s, const TraceModel& model, bool showInternals = true);
    // The learner's call a wait is inside, as the sentences name it: "q.put()", or the standard library at the
    // line when the line shows no call.
    static QString inside(const InsideCall& call);
    // What heads a step's story: its number, virtual time, who ran it and on which line, with that line's code
    // when the listing (the scenario's or the program's text) is given.
    static QString header(std::uint32_t step, const TraceModel& model, const QStringList& listing = {});
    // Seconds as a learner reads them: 0.1 s, 2 s (0,1 с in Russian).
    static QString seconds(std::int64_t nanos);
    // An actor's or object's name as sentences give it ("?" for none).
    static QString actorName(const TraceModel& model, ActorId a);
    static QString objectName(const TraceModel& model, ObjectId o);
    // A number with the translation's decimal point.
    static QString number(double value);
    // Line `line` (1-based) of a listing, spaces collapsed and cut to fit a header; empty when there is none.
    static QString codeOf(const QStringList& listing, int line);
    // The locale the translation writes its numbers in (0,1 in Russian), without group separators: for any view
    // that writes a fraction, so every number of the window has the same decimal point.
    static QLocale numberLocale();
};

}  // namespace lockstep::app
