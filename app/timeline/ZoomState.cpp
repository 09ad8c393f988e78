#include "timeline/ZoomState.h"

#include <algorithm>
#include <cmath>

namespace lockstep::timeline {

namespace {
// Virtual nanoseconds times a pixel count overflow 64 bits for long runs, so products go through 128 bits.
__extension__ typedef __int128 Wide;

Pos floorDiv(Wide a, Wide b) {
    Wide q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return static_cast<Pos>(q);
}
Pos ceilDiv(Wide a, Wide b) {
    return -floorDiv(-a, b);
}
}  // namespace

void ZoomState::setRange(Pos begin, Pos end) {
    const bool wasFit = isFit();
    rangeBegin_ = begin;
    rangeEnd_ = std::max(end, begin + 1);
    // A window that showed the whole run keeps showing it as the run grows: that is what a learner expects
    // while stepping with the view fitted.
    if (wasFit) {
        begin_ = rangeBegin_;
        end_ = rangeEnd_;
    }
    clamp();
}

void ZoomState::setWidth(int pixels) {
    width_ = std::max(1, pixels);
}

void ZoomState::setMinimumSpan(Pos span) {
    minSpan_ = std::max<Pos>(1, span);
    clamp();
}

void ZoomState::setWindow(Pos begin, Pos end) {
    begin_ = begin;
    end_ = end;
    clamp();
}

void ZoomState::clamp() {
    const Pos range = rangeEnd_ - rangeBegin_;
    Pos span = std::clamp<Pos>(end_ - begin_, std::min(minSpan_, range), range);
    begin_ = std::clamp(begin_, rangeBegin_, rangeEnd_ - span);
    end_ = begin_ + span;
}

double ZoomState::xOf(Pos p) const {
    return static_cast<double>(static_cast<long double>(p - begin_) * width_ /
                               static_cast<long double>(span()));
}

Pos ZoomState::columnOf(Pos p) const {
    return floorDiv(Wide(p - begin_) * width_, span());
}

Pos ZoomState::positionAtColumn(Pos column) const {
    return begin_ + ceilDiv(Wide(column) * span(), width_);
}

Pos ZoomState::positionAtX(double x) const {
    return begin_ + static_cast<Pos>(std::floor(static_cast<long double>(x) * span() / width_));
}

void ZoomState::zoom(double factor, double anchorX) {
    if (!(factor > 0)) return;
    const Pos anchor = positionAtX(anchorX);
    const Pos range = rangeEnd_ - rangeBegin_;
    const long double wanted = std::round(static_cast<long double>(span()) / factor);
    const Pos span =
        std::clamp<Pos>(wanted > static_cast<long double>(range) ? range : static_cast<Pos>(wanted),
                        std::min(minSpan_, range), range);
    begin_ = anchor - static_cast<Pos>(std::llround(static_cast<long double>(anchorX) * span / width_));
    end_ = begin_ + span;
    clamp();
}

void ZoomState::panPixels(double dx) {
    panBy(static_cast<Pos>(std::llround(static_cast<long double>(dx) * span() / width_)));
}

void ZoomState::panBy(Pos units) {
    begin_ += units;
    end_ += units;
    clamp();
}

void ZoomState::fit() {
    begin_ = rangeBegin_;
    end_ = rangeEnd_;
}

void ZoomState::ensureVisible(Pos p, int marginPixels) {
    const Pos margin = std::min<Pos>(floorDiv(Wide(marginPixels) * span(), width_), (span() - 1) / 2);
    if (p < begin_ + margin)
        panBy(p - margin - begin_);
    else if (p >= end_ - margin)
        panBy(p + margin + 1 - end_);
}

}  // namespace lockstep::timeline
