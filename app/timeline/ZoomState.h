#pragma once
// The visible window [begin, end) of one axis inside the run's range, mapped onto a plot `width` pixels
// wide. Pure integer maths (no Qt), so it is tested to the unit: pixel column c shows the positions
// [positionAtColumn(c), positionAtColumn(c + 1)), and columnOf() is its exact inverse.

#include "timeline/Axis.h"

namespace lockstep::timeline {

class ZoomState {
public:
    ZoomState() = default;

    // The whole run. The window keeps its span where it can and is moved/shrunk to stay inside.
    void setRange(Pos begin, Pos end);
    void setWidth(int pixels);
    // The narrowest window zooming may reach (at least 1 unit).
    void setMinimumSpan(Pos span);
    // Shows [begin, end), clamped to the range and to the minimum span.
    void setWindow(Pos begin, Pos end);

    Pos rangeBegin() const { return rangeBegin_; }
    Pos rangeEnd() const { return rangeEnd_; }
    Pos begin() const { return begin_; }
    Pos end() const { return end_; }
    Pos span() const { return end_ - begin_; }
    int width() const { return width_; }
    Pos minimumSpan() const { return minSpan_; }
    bool isFit() const { return begin_ == rangeBegin_ && end_ == rangeEnd_; }
    bool contains(Pos p) const { return p >= begin_ && p < end_; }

    // x of a position, relative to the plot's left edge (may lie outside [0, width)).
    double xOf(Pos p) const;
    // The pixel column a position falls in: floor(xOf(p)), computed exactly.
    Pos columnOf(Pos p) const;
    // The first position shown in pixel column c: ceil(c * span / width) after begin.
    Pos positionAtColumn(Pos column) const;
    // The position under a fractional x: floor(x * span / width) after begin.
    Pos positionAtX(double x) const;

    // Zooms by `factor` (> 1 in, < 1 out) keeping the position under anchorX where it is.
    void zoom(double factor, double anchorX);
    // Moves the window by a number of pixels (positive: later) or of units.
    void panPixels(double dx);
    void panBy(Pos units);
    void fit();
    // Pans the least needed so that p is inside the window, `marginPixels` away from the edges if it can.
    void ensureVisible(Pos p, int marginPixels = 0);

private:
    void clamp();

    Pos rangeBegin_ = 0, rangeEnd_ = 1;
    Pos begin_ = 0, end_ = 1;
    Pos minSpan_ = 1;
    int width_ = 1;
};

}  // namespace lockstep::timeline
