// Timeline benchmarks on a synthetic trace of one million events (8 threads switching, two locks, a queue,
// sleeps):
//  (5) milliseconds per frame painting a 1600x900 QImage with TimelinePainter at full zoom-out and zoomed in
//  to
//      2000 steps, on the step axis and the time axis (target < 16 ms: one frame at 60 Hz);
//  (6) step-to-redraw latency: the trace grows by one step, the cursor moves to it, the model is brought up
//  to
//      date and a frame is painted (what the GUI does after each step);
//  and, for reference, the time to build every lane from scratch.
// main() prints a summary after Google Benchmark's own table.

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <cstdio>
#include <memory>
#include <tuple>
#include <vector>

#include "BenchSupport.h"
#include "SyntheticTrace.h"
#include "timeline/TimelineLayout.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelinePainter.h"
#include "timeline/ZoomState.h"

using namespace lockstep;
using namespace lockstep::timeline;
using lockstep::bench::median;
using lockstep::bench::nowNs;

namespace {

constexpr int kFrames = 15;
constexpr int kWidth = 1600, kHeight = 900;
using lockstep::bench::kActors;
using lockstep::bench::synthetic;

// Paints one frame of the whole timeline widget area (names, axis, lanes, cursor, legend).
double paintFrameMs(const TimelineModel& m, ZoomState& zoom, Axis axis, std::uint32_t cursor, QImage& image) {
    const std::int64_t t0 = nowNs();
    const TimelineLayout layout =
        TimelineLayout::compute(QRect(0, 0, kWidth, kHeight), m, TimelineLayout::defaultFont(), false, true);
    zoom.setWidth(layout.plot.width());
    QPainter p(&image);
    PaintOptions o;
    o.cursor = cursor;
    TimelinePainter(m, zoom, axis).paint(p, layout, o);
    p.end();
    return double(nowNs() - t0) / 1e6;
}

void BM_TimelineBuild(benchmark::State& state) {
    lockstep::bench::Synthetic& s = synthetic();
    std::vector<double> ms;
    for (auto _ : state) {
        const std::int64_t t0 = nowNs();
        TimelineModel m(s.trace);
        benchmark::DoNotOptimize(m.laneCount());
        ms.push_back(double(nowNs() - t0) / 1e6);
        state.SetIterationTime(ms.back() / 1e3);
    }
    state.counters["ms"] = median(ms);
    state.counters["events"] = double(s.trace.eventCount());
}

// range(0): axis; range(1): 0 = full zoom-out, 1 = a 2000-step (or equivalent time) window in the middle.
void BM_TimelineFrame(benchmark::State& state) {
    lockstep::bench::Synthetic& s = synthetic();
    static const TimelineModel model(s.trace);
    const auto axis = Axis(state.range(0));
    ZoomState zoom;
    zoom.setRange(model.rangeBegin(axis), model.rangeEnd(axis));
    zoom.setWidth(kWidth);
    const std::uint32_t cursor = model.stepCount() / 2;
    if (state.range(1)) {
        const Pos mid = model.stepPosition(axis, cursor);
        const Pos half = axis == Axis::Steps ? 1000 : 1000 * 1000;
        zoom.setWindow(mid - half, mid + half);
    }
    QImage image(kWidth, kHeight, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms;
    for (auto _ : state) {
        ms.clear();
        for (int i = 0; i < kFrames; ++i) ms.push_back(paintFrameMs(model, zoom, axis, cursor, image));
        state.SetIterationTime(median(ms) / 1e3);
    }
    state.counters["ms_per_frame"] = median(ms);
}

// The trace grows by one step; the model catches up and a frame is painted with the cursor on the new step.
void BM_StepToRedraw(benchmark::State& state) {
    lockstep::bench::Synthetic& s = synthetic();
    TimelineModel model(s.trace);
    ZoomState zoom;
    zoom.setRange(model.rangeBegin(Axis::Steps), model.rangeEnd(Axis::Steps));
    QImage image(kWidth, kHeight, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> ms, update;
    for (auto _ : state) {
        for (int i = 0; i < 5; ++i) {
            s.addStep();
            const std::int64_t t0 = nowNs();
            model.update(s.trace);
            zoom.setRange(model.rangeBegin(Axis::Steps), model.rangeEnd(Axis::Steps));
            const std::int64_t t1 = nowNs();
            paintFrameMs(model, zoom, Axis::Steps, model.stepCount(), image);
            ms.push_back(double(nowNs() - t0) / 1e6);
            update.push_back(double(t1 - t0) / 1e6);
        }
        state.SetIterationTime(median(ms) / 1e3);
    }
    state.counters["ms"] = median(ms);
    state.counters["update_ms"] = median(update);
}

}  // namespace

BENCHMARK(BM_TimelineBuild)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StepToRedraw)->UseManualTime()->Iterations(2)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    // Text needs a QGuiApplication; the offscreen platform needs no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    const std::int64_t t0 = nowNs();
    const std::size_t events = synthetic().trace.eventCount();
    const std::uint32_t steps = synthetic().trace.stepCount();
    const double generateMs = double(nowNs() - t0) / 1e6;
    // One name per case: the reporter keys its counters by function name.
    for (const auto& [name, axis, zoomed] :
         {std::tuple{"BM_FrameStepsFull", 0, 0}, std::tuple{"BM_FrameStepsZoomed", 0, 1},
          std::tuple{"BM_FrameTimeFull", 1, 0}, std::tuple{"BM_FrameTimeZoomed", 1, 1}})
        benchmark::RegisterBenchmark(name, BM_TimelineFrame)
            ->Args({axis, zoomed})
            ->UseManualTime()
            ->Iterations(1)
            ->Unit(benchmark::kMillisecond);
    lockstep::bench::CapturingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    using lockstep::bench::verdict;
    std::printf(
        "\n==== Lockstep timeline (synthetic trace: %zu events, %u steps, %d threads; generated in %.0f ms) "
        "====\n",
        events, steps, kActors, generateMs);
    std::printf(
        "(5) ms per frame painting a %dx%d QImage (names, axis, lanes, cursor, legend)        target < 16\n",
        kWidth, kHeight);
    const struct {
        const char* bench;
        const char* label;
    } frames[] = {{"BM_FrameStepsFull", "step axis, full zoom-out"},
                  {"BM_FrameStepsZoomed", "step axis, 2000 steps visible"},
                  {"BM_FrameTimeFull", "time axis, full zoom-out"},
                  {"BM_FrameTimeZoomed", "time axis, 2 ms visible"}};
    for (const auto& row : frames) {
        if (!reporter.has(row.bench)) continue;
        const double ms = reporter.get(row.bench, "ms_per_frame");
        std::printf("    %-40s: %7.2f ms   %s\n", row.label, ms, verdict(ms < 16.0));
    }
    if (reporter.has("BM_StepToRedraw")) {
        const double ms = reporter.get("BM_StepToRedraw", "ms");
        std::printf("(6) step-to-redraw latency (trace +1 step, model update, frame)       target < 16\n");
        std::printf("    %-40s: %7.2f ms (of which model update %.2f ms)   %s\n", "1M events, fitted view",
                    ms, reporter.get("BM_StepToRedraw", "update_ms"), verdict(ms < 16.0));
    }
    if (reporter.has("BM_TimelineBuild"))
        std::printf("    building every lane from scratch: %.1f ms for %.0f events\n",
                    reporter.get("BM_TimelineBuild", "ms"), reporter.get("BM_TimelineBuild", "events"));
    return 0;
}
