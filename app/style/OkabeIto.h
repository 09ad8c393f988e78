#pragma once
// The Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008): eight colours that stay apart under the
// common colour-vision deficiencies, so a learner who cannot tell red from green still reads every view. Every
// colour of the application is one of these, or a grey.

#include <QColor>

namespace lockstep::style {

class OkabeIto {
public:
    static constexpr int kCount = 8;
    // In the order a chart hands them to its series; black is last because it also draws the cursor.
    static QColor color(int index);
    static QColor orange() { return color(0); }
    static QColor skyBlue() { return color(1); }
    static QColor bluishGreen() { return color(2); }
    static QColor yellow() { return color(3); }
    static QColor blue() { return color(4); }
    static QColor vermillion() { return color(5); }
    static QColor reddishPurple() { return color(6); }
    static QColor black() { return color(7); }
};

}  // namespace lockstep::style
