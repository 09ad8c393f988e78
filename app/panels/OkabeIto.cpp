#include "panels/OkabeIto.h"

namespace lockstep::app {

QColor OkabeIto::color(int index) {
    static constexpr QRgb kColors[kCount] = {
        qRgb(230, 159, 0),    // orange
        qRgb(86, 180, 233),   // sky blue
        qRgb(0, 158, 115),    // bluish green
        qRgb(240, 228, 66),   // yellow
        qRgb(0, 114, 178),    // blue
        qRgb(213, 94, 0),     // vermillion
        qRgb(204, 121, 167),  // reddish purple
        qRgb(0, 0, 0),        // black
    };
    // Charts with more series than colours wrap around; seven distinct hues cover every shipped scenario.
    const int i = ((index % kCount) + kCount) % kCount;
    return QColor::fromRgb(kColors[i]);
}

}  // namespace lockstep::app
