#include "lockstep/RunDiff.h"

#include <algorithm>
#include <map>

#include "lockstep/TraceModel.h"

namespace lockstep {

namespace {

std::vector<std::string> printedLines(const Trace& t, const TraceModel& model) {
    std::vector<std::string> out;
    for (const OutputLine& line : model.output())
        out.push_back(t.actor(line.actor).name + ": " + model.text(line.text));
    return out;
}

// The lines of `from` that `other` lacks, counting repeats: a line printed twice in one run and once in the
// other is left over once.
std::vector<std::string> missingFrom(const std::vector<std::string>& from, const std::vector<std::string>& other) {
    std::map<std::string, int> left;
    for (const std::string& l : other) ++left[l];
    std::vector<std::string> out;
    for (const std::string& l : from) {
        auto it = left.find(l);
        if (it != left.end() && it->second > 0) --it->second;
        else out.push_back(l);
    }
    return out;
}

}  // namespace

bool RunDifference::sameOutcome() const {
    return statusA == statusB && onlyA.empty() && onlyB.empty() &&
           std::all_of(values.begin(), values.end(), [](const Value& v) { return v.a == v.b; });
}

RunDifference diffRuns(const Trace& a, const Trace& b) {
    RunDifference d;
    const TraceModel ma(a), mb(b);
    const std::vector<Decision> da = a.decisions(), db = b.decisions();
    const auto name = [](const Trace& t, ActorId id) { return id < t.actorCount() ? t.actor(id).name : std::string(); };
    const std::size_t common = std::min(da.size(), db.size());
    std::size_t k = 0;
    // Actors are compared by name: both runs made them in the same order up to the first divergence.
    while (k < common && da[k].step == db[k].step && name(a, da[k].chosen) == name(b, db[k].chosen)) ++k;
    if (k < common || da.size() != db.size()) {
        d.sameSchedule = false;
        const bool inA = k < da.size(), inB = k < db.size();
        d.step = inA && inB ? std::min(da[k].step, db[k].step) : inA ? da[k].step : db[k].step;
        if (inA && da[k].step == d.step) d.chosenA = name(a, da[k].chosen);
        if (inB && db[k].step == d.step) d.chosenB = name(b, db[k].chosen);
        const RunState at = ma.stateAt(std::min(d.step, ma.steps()));
        for (ActorId id : at.runnable()) d.candidates.push_back(name(a, id));
    }
    d.statusA = a.outcome().status;
    d.statusB = b.outcome().status;
    d.stepsA = a.outcome().steps;
    d.stepsB = b.outcome().steps;
    d.endA = a.outcome().endTime;
    d.endB = b.outcome().endTime;
    std::map<std::string, RunDifference::Value> values;
    for (const FinalValue& v : a.outcome().shared) {
        auto& e = values[a.object(v.object).name];
        e.name = a.object(v.object).name;
        e.a = v.text;
    }
    for (const FinalValue& v : b.outcome().shared) {
        auto& e = values[b.object(v.object).name];
        e.name = b.object(v.object).name;
        e.b = v.text;
    }
    for (auto& [n, v] : values) d.values.push_back(v);
    std::stable_partition(d.values.begin(), d.values.end(), [](const RunDifference::Value& v) { return v.a != v.b; });
    const std::vector<std::string> pa = printedLines(a, ma), pb = printedLines(b, mb);
    d.onlyA = missingFrom(pa, pb);
    d.onlyB = missingFrom(pb, pa);
    return d;
}

}  // namespace lockstep
