#pragma once
// Helpers shared by the benchmark executables: a console reporter that also keeps every run's counters (so
// main() can print the summary report after Google Benchmark is done), resident-set measurement, a median, and
// the hand-off workload both executables measure.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "lockstep/Api.h"
#include "lockstep/Thread.h"

namespace lockstep::bench {

inline std::int64_t nowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Resident set size in bytes, from /proc/self/statm (second field, in pages).
inline std::size_t residentBytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long size = 0, resident = 0;
    const int n = std::fscanf(f, "%lu %lu", &size, &resident);
    std::fclose(f);
    if (n != 2) return 0;
    return static_cast<std::size_t>(resident) * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

inline double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

// Shows the usual console table and remembers each benchmark's counters by name.
class CapturingReporter : public benchmark::ConsoleReporter {
public:
    // Colours only on a terminal (the library applies --benchmark_color to its own reporter only).
    CapturingReporter() : benchmark::ConsoleReporter(::isatty(1) ? OO_ColorTabular : OO_Tabular) {}
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& r : runs) {
            if (r.error_occurred || r.run_type != Run::RT_Iteration) continue;
            std::map<std::string, double>& c = counters_[r.run_name.function_name];
            for (const auto& [name, counter] : r.counters) c[name] = counter.value;
        }
        benchmark::ConsoleReporter::ReportRuns(runs);
    }
    bool has(const std::string& bench) const { return counters_.count(bench) != 0; }
    double get(const std::string& bench, const std::string& counter) const {
        auto b = counters_.find(bench);
        if (b == counters_.end()) return 0;
        auto c = b->second.find(counter);
        return c == b->second.end() ? 0 : c->second;
    }

private:
    std::map<std::string, std::map<std::string, double>> counters_;
};

inline const char* verdict(bool ok) { return ok ? "MET" : "MISSED"; }

// The hand-off workload: T1 and T2 each give up their turn `rounds` times with sleep(0), so under round-robin
// every step is a switch to the other OS thread.
inline std::function<void()> pingPongBody(std::int64_t rounds) {
    return [rounds] {
        using namespace std::chrono_literals;
        auto yielder = [rounds] {
            for (std::int64_t i = 0; i < rounds; ++i) lockstep::sleep(0ns);
        };
        lockstep::Thread t1(yielder, {.name = "T1"});
        lockstep::Thread t2(yielder, {.name = "T2"});
        t1.start();
        t2.start();
        t1.join();
        t2.join();
    };
}

}  // namespace lockstep::bench
