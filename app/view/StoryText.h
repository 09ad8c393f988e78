#pragma once
// The story of a step in words: one wording per sentence kind, English in the source and Russian (and any
// later language) from the translations, for the window and the command line alike.

#include <QCoreApplication>
#include <QString>

#include "lockstep/Story.h"

namespace lockstep {
class TraceModel;
}

namespace lockstep::app {

class StoryText {
    Q_DECLARE_TR_FUNCTIONS(lockstep::app::StoryText)
public:
    // One sentence, with actors and objects by name.
    static QString sentence(const StorySentence& s, const TraceModel& model);
    // What heads a step's story: its number, virtual time, who ran it and on which line.
    static QString header(std::uint32_t step, const TraceModel& model);
    // Seconds as a learner reads them: 0.1 s, 2 s.
    static QString seconds(std::int64_t nanos);
};

}  // namespace lockstep::app
