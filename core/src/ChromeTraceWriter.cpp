#include "lockstep/ChromeTraceWriter.h"

#include <algorithm>
#include <cstdio>

#include "lockstep/TraceAnalysis.h"

namespace lockstep {

namespace {

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string micros(Nanos t) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(t) / 1000.0);
    return buf;
}

}  // namespace

void writeChromeTrace(const Trace& trace, const std::string& title, std::ostream& out) {
    const TraceAnalysis analysis(trace);
    bool first = true;
    auto emit = [&](const std::string& json) {
        out << (first ? "\n  " : ",\n  ") << json;
        first = false;
    };
    auto objectName = [&](ObjectId o) {
        return o < trace.objectCount() ? trace.object(o).name : std::string();
    };
    out << "{\"displayTimeUnit\": \"ms\", \"otherData\": {\"title\": \"" << escape(title) << "\", \"status\": \""
        << runStatusName(trace.outcome().status) << "\"}, \"traceEvents\": [";
    emit("{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": 1, \"args\": {\"name\": \"threads: " + escape(title) +
         "\"}}");
    emit("{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": 2, \"args\": {\"name\": \"locks and semaphores\"}}");
    // A child process is a process of its own in the viewer too (ids from 10 up, by actor), named with its
    // real pid; the main process's threads share pid 1.
    auto pidOf = [&](std::size_t a) {
        return trace.actor(static_cast<ActorId>(a)).kind == ActorKind::Process ? std::to_string(10 + a)
                                                                               : std::string("1");
    };
    for (std::size_t a = 0; a < trace.actorCount(); ++a) {
        const ActorInfo& info = trace.actor(static_cast<ActorId>(a));
        const std::string pid = pidOf(a);
        if (info.kind == ActorKind::Process) {
            emit("{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": " + pid + ", \"args\": {\"name\": \"" +
                 escape(info.name) + " (pid " + std::to_string(info.pid) + ")\"}}");
            emit("{\"name\": \"process_sort_index\", \"ph\": \"M\", \"pid\": " + pid +
                 ", \"args\": {\"sort_index\": " + pid + "}}");
        }
        const std::string thread = info.kind == ActorKind::Process ? std::string("MainThread") : info.name;
        emit("{\"name\": \"thread_name\", \"ph\": \"M\", \"pid\": " + pid + ", \"tid\": " + std::to_string(a) +
             ", \"args\": {\"name\": \"" + escape(thread) + " (tid " + std::to_string(info.tid) + ")\"}}");
        emit("{\"name\": \"thread_sort_index\", \"ph\": \"M\", \"pid\": " + pid + ", \"tid\": " + std::to_string(a) +
             ", \"args\": {\"sort_index\": " + std::to_string(a) + "}}");
    }
    const auto lanes = analysis.actorStates();
    for (std::size_t a = 0; a < lanes.size(); ++a) {
        for (const StateInterval& s : lanes[a]) {
            if (s.state == ActorState::NotStarted || s.end <= s.begin) continue;
            std::string name(actorStateName(s.state));
            if (s.state == ActorState::Blocked)
                name += " (" + std::string(opName(s.op)) + " " + escape(objectName(s.object)) + ")";
            emit("{\"name\": \"" + name + "\", \"cat\": \"state\", \"ph\": \"X\", \"pid\": " + pidOf(a) +
                 ", \"tid\": " + std::to_string(a) + ", \"ts\": " + micros(s.begin) + ", \"dur\": " + micros(s.end - s.begin) +
                 ", \"args\": {\"first_step\": " + std::to_string(s.beginStep) + "}}");
        }
    }
    std::uint32_t step = 0;
    for (std::size_t i = 0; i < trace.eventCount(); ++i) {
        const TraceEvent& e = trace.event(i);
        if (e.flags & TraceEvent::StepStart) ++step;
        if (e.op == Op::Create || e.actor >= trace.actorCount()) continue;
        std::string name(opName(e.op));
        if (e.object != kNoObject) name += " " + escape(objectName(e.object));
        std::string args = "\"step\": " + std::to_string(step) + ", \"result\": \"" +
                           std::string(resultName(e.result)) + "\", \"line\": " + std::to_string(e.line);
        if (e.flags & TraceEvent::ArgIsString) args += ", \"text\": \"" + escape(trace.argText(e)) + "\"";
        else if (e.op == Op::Switch) args += ", \"from\": \"" + escape(trace.actor(static_cast<ActorId>(e.arg)).name) + "\"";
        else args += ", \"arg\": " + std::to_string(e.arg);
        emit("{\"name\": \"" + name + "\", \"cat\": \"" + std::string(opName(e.op)) +
             "\", \"ph\": \"i\", \"s\": \"t\", \"pid\": " + pidOf(e.actor) + ", \"tid\": " + std::to_string(e.actor) +
             ", \"ts\": " + micros(e.time) + ", \"args\": {" + args + "}}");
    }
    for (ObjectId o = 0; o < trace.objectCount(); ++o) {
        const ObjectKind k = trace.object(o).kind;
        if (k != ObjectKind::Lock && k != ObjectKind::RLock && k != ObjectKind::Semaphore &&
            k != ObjectKind::BoundedSemaphore && k != ObjectKind::Gil)
            continue;
        const bool semaphore = k == ObjectKind::Semaphore || k == ObjectKind::BoundedSemaphore;
        const auto holds = analysis.holds(o);
        int slots = semaphore ? static_cast<int>(trace.object(o).param) : 1;
        for (const HoldInterval& h : holds) slots = std::max(slots, h.slot + 1);
        for (int s = 0; s < slots; ++s) {
            const std::string tid = std::to_string(o * 64 + static_cast<ObjectId>(s));
            std::string lane = trace.object(o).name + (semaphore ? " slot " + std::to_string(s + 1) : "");
            emit("{\"name\": \"thread_name\", \"ph\": \"M\", \"pid\": 2, \"tid\": " + tid + ", \"args\": {\"name\": \"" +
                 escape(lane) + "\"}}");
        }
        for (const HoldInterval& h : holds) {
            if (h.holder >= trace.actorCount()) continue;
            const std::string tid = std::to_string(o * 64 + static_cast<ObjectId>(h.slot));
            emit("{\"name\": \"held by " + escape(trace.actor(h.holder).name) +
                 "\", \"cat\": \"hold\", \"ph\": \"X\", \"pid\": 2, \"tid\": " + tid + ", \"ts\": " + micros(h.begin) +
                 ", \"dur\": " + micros(h.end - h.begin) + ", \"args\": {\"first_step\": " +
                 std::to_string(h.beginStep) + "}}");
        }
    }
    out << "\n]}\n";
}

}  // namespace lockstep
