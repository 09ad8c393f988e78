#include "style/OkabeIto.h"

namespace lockstep::style {

QColor OkabeIto::color(int index) {
    static constexpr QRgb kColors[kCount] = {
        qRgb(0xE6, 0x9F, 0x00),  // orange
        qRgb(0x56, 0xB4, 0xE9),  // sky blue
        qRgb(0x00, 0x9E, 0x73),  // bluish green
        qRgb(0xF0, 0xE4, 0x42),  // yellow
        qRgb(0x00, 0x72, 0xB2),  // blue
        qRgb(0xD5, 0x5E, 0x00),  // vermillion
        qRgb(0xCC, 0x79, 0xA7),  // reddish purple
        qRgb(0x00, 0x00, 0x00),  // black
    };
    // More series than colours wrap around; seven hues cover every shipped scenario.
    const int i = ((index % kCount) + kCount) % kCount;
    return QColor::fromRgb(kColors[i]);
}

}  // namespace lockstep::style
