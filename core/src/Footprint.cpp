#include "lockstep/Footprint.h"

#include <algorithm>

namespace lockstep {

void Footprint::finish() {
    std::sort(touched.begin(), touched.end());
    // After sorting, (thing, false) comes before (thing, true): keep one entry per thing, written if any was.
    std::size_t out = 0;
    for (std::size_t i = 0; i < touched.size(); ++i) {
        if (out > 0 && touched[out - 1].first == touched[i].first) touched[out - 1].second = touched[out - 1].second || touched[i].second;
        else touched[out++] = touched[i];
    }
    touched.resize(out);
    writes = std::any_of(touched.begin(), touched.end(), [](const auto& t) { return t.second; });
}

bool Footprint::dependsOn(const Footprint& other) const {
    if ((random && other.random) || (cpu && other.cpu)) return true;
    if (!writes && !other.writes) return false;
    // Both lists are sorted: one merge pass finds the things both touched.
    auto a = touched.begin();
    auto b = other.touched.begin();
    while (a != touched.end() && b != other.touched.end()) {
        if (a->first < b->first) ++a;
        else if (b->first < a->first) ++b;
        else {
            if (a->second || b->second) return true;
            ++a;
            ++b;
        }
    }
    return false;
}

}  // namespace lockstep
