#include "timeline/Lane.h"

#include <algorithm>

namespace lockstep::timeline {

void Lane::finish(std::size_t fromBand) {
    auto byBegin = [](const Band& x, const Band& y) {
        return x.beginStep != y.beginStep ? x.beginStep < y.beginStep : x.begin < y.begin;
    };
    const std::size_t checkFrom = fromBand > 0 ? fromBand - 1 : 0;
    if (!std::is_sorted(bands.begin() + std::ptrdiff_t(std::min(checkFrom, bands.size())), bands.end(),
                        byBegin)) {
        std::stable_sort(bands.begin(), bands.end(), byBegin);
        fromBand = 0;
    }
    fromBand = std::min({fromBand, maxEndStep_.size(), bands.size()});
    maxEndStep_.resize(bands.size());
    maxEndTime_.resize(bands.size());
    std::uint32_t s = fromBand ? maxEndStep_[fromBand - 1] : 0;
    Nanos t = fromBand ? maxEndTime_[fromBand - 1] : INT64_MIN;
    for (std::size_t i = fromBand; i < bands.size(); ++i) {
        s = std::max(s, bands[i].endStep);
        t = std::max(t, bands[i].end);
        maxEndStep_[i] = s;
        maxEndTime_[i] = t;
    }
    if (counts.size() < countsSeen_) {
        countsSeen_ = 0;
        settledCountMax_ = 0;
    }
    for (; countsSeen_ + 1 < counts.size(); ++countsSeen_)
        settledCountMax_ = std::max(settledCountMax_, counts[countsSeen_].value);
    countMax = counts.empty() ? 0 : std::max(settledCountMax_, counts.back().value);
}

std::size_t Lane::firstBand(Axis a, Pos begin) const {
    // The first band whose end (or that of a band before it) passes begin; earlier bands all end before it.
    if (a == Axis::Steps)
        return static_cast<std::size_t>(std::upper_bound(maxEndStep_.begin(), maxEndStep_.end(), begin,
                                                         [](Pos p, std::uint32_t e) { return p < Pos(e); }) -
                                        maxEndStep_.begin());
    return static_cast<std::size_t>(std::upper_bound(maxEndTime_.begin(), maxEndTime_.end(), begin) -
                                    maxEndTime_.begin());
}

std::size_t Lane::firstBandFrom(Axis a, std::size_t from, std::size_t to, Pos p) const {
    return static_cast<std::size_t>(
        std::lower_bound(bands.begin() + static_cast<std::ptrdiff_t>(from),
                         bands.begin() + static_cast<std::ptrdiff_t>(to), p,
                         [a](const Band& b, Pos v) { return beginOf(b, a) < v; }) -
        bands.begin());
}

std::size_t Lane::bandEnd(Axis a, Pos end) const {
    return firstBandFrom(a, 0, bands.size(), end);
}

int Lane::bandAt(Axis a, Pos p) const {
    std::size_t i = firstBandFrom(a, 0, bands.size(), p + 1);  // bands beginning at or before p
    // Zero-length bands (instants on this axis) lie on top of the band that covers p; look past them.
    while (i > 0) {
        --i;
        const Band& b = bands[i];
        if (endOf(b, a) > p && endOf(b, a) > beginOf(b, a)) return static_cast<int>(i);
        if (a == Axis::Steps ? maxEndStep_[i] <= p : maxEndTime_[i] <= p) break;
    }
    return -1;
}

std::size_t Lane::firstMark(MarkKind k, Axis a, Pos p) const {
    const auto& list = marks[static_cast<std::size_t>(k)];
    return static_cast<std::size_t>(
        std::lower_bound(list.begin(), list.end(), p, [a](const Mark& m, Pos v) { return posOf(m, a) < v; }) -
        list.begin());
}

std::size_t Lane::firstCount(Axis a, Pos p) const {
    return static_cast<std::size_t>(
        std::lower_bound(counts.begin(), counts.end(), p,
                         [a](const CountPoint& c, Pos v) { return posOf(c, a) < v; }) -
        counts.begin());
}

int Lane::countAt(Axis a, Pos p) const {
    const std::size_t i = firstCount(a, p + 1);
    return i == 0 ? 0 : counts[i - 1].value;
}

std::size_t Lane::firstStates(Axis a, Pos p) const {
    return static_cast<std::size_t>(
        std::lower_bound(states.begin(), states.end(), p,
                         [a](const StateCounts& c, Pos v) { return posOf(c, a) < v; }) -
        states.begin());
}

const StateCounts* Lane::statesAt(Axis a, Pos p) const {
    const std::size_t i = firstStates(a, p + 1);
    return i == 0 ? nullptr : &states[i - 1];
}

bool Lane::empty() const {
    if (!bands.empty() || !counts.empty() || !states.empty()) return false;
    for (const auto& list : marks)
        if (!list.empty()) return false;
    return true;
}

}  // namespace lockstep::timeline
