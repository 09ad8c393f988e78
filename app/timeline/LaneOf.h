#pragma once
// A lane of one kind: the bands every lane has, and beside them what each band shows for this kind of lane
// (an actor's state and what it waits on, a holder, a future's or a task's state...) and what the lane itself
// is (which actor, which slot, which process...). Only the lane's family reads `data` and `info`; the painter
// reads the bands alone. Data and Info are plain structs with ==.

#include <algorithm>
#include <numeric>
#include <variant>
#include <vector>

#include "timeline/Lane.h"

namespace lockstep::timeline {

template <class Data = std::monostate, class Info = std::monostate>
class LaneOf final : public Lane {
public:
    Info info;
    std::vector<Data> data;  // data[i] is what bands[i] shows

    void add(const Band& band, const Data& what) {
        bands.push_back(band);
        data.push_back(what);
    }

    void truncate(std::size_t n) override {
        bands.resize(std::min(n, bands.size()));
        data.resize(bands.size());
    }

    bool sameData(const Lane& other) const override {
        const auto* o = dynamic_cast<const LaneOf*>(&other);
        return o && info == o->info && data == o->data;
    }

protected:
    void sortBands() override {
        std::vector<std::size_t> order(bands.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::stable_sort(order.begin(), order.end(),
                         [this](std::size_t x, std::size_t y) { return beginsBefore(bands[x], bands[y]); });
        std::vector<Band> sortedBands;
        std::vector<Data> sortedData;
        sortedBands.reserve(order.size());
        sortedData.reserve(order.size());
        for (std::size_t i : order) {
            sortedBands.push_back(bands[i]);
            sortedData.push_back(data[i]);
        }
        bands = std::move(sortedBands);
        data = std::move(sortedData);
    }
};

// The lane as a lane of kind L, or nullptr when it is of another kind.
template <class L>
const L* laneAs(const Lane& lane) {
    return dynamic_cast<const L*>(&lane);
}

}  // namespace lockstep::timeline
