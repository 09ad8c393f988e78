#pragma once
// One entry of the timeline's legend: a swatch and what it means. Each lane family gives the entries of its
// lanes (TimelineModel::legend gathers them); the painter draws every swatch the same way, whatever the family.

#include <QColor>
#include <QRect>
#include <QString>
#include <cstdint>

#include "timeline/Lane.h"

namespace lockstep::timeline {

struct LegendEntry {
    // Where it goes: sections in this order, the entries of one section in the order they were given.
    enum class Section : std::uint8_t {
        ActorStates,
        FutureStates,
        TaskStates,
        Processes,
        Holders,
        Counts,
        Cycle,
        Marks,
        ProcessMarks,
    };
    enum class Swatch : std::uint8_t {
        Fill,     // a square of `colour`, outlined
        Halves,   // `colour` left, `second` right
        Bars,     // a little step chart in `colour`
        Hatched,  // `colour`, hatched and framed as the deadlock cycle is
        Mark,     // the mark `mark` in its own shape and colour
        Arrow,    // a message's arrow
        Cause,    // a cause → effect arrow (dashed)
        Bracket,  // the bracket under a critical section
        Held,     // a holder's band: the neutral fill, outlined, with its tick
    };
    Section section = Section::ActorStates;
    Swatch swatch = Swatch::Fill;
    QColor colour, second;
    MarkKind mark = MarkKind::Switch;
    QString text;
    QRect rect;  // swatch and text, once laid out
};

}  // namespace lockstep::timeline
