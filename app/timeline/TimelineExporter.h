#pragma once
// The timeline as an image for notes and slides: PNG, SVG or PDF, chosen by the file's extension, painted by
// the same TimelinePainter as the screen, with lane names, the axis and the legend. Needs a QGuiApplication
// (text is laid out with the platform's fonts; the offscreen platform will do).

#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>

#include "lockstep/Trace.h"
#include "lockstep/TraceModel.h"
#include "timeline/Axis.h"

namespace lockstep::timeline {

class TimelineModel;

enum class ExportFormat { Unknown, Png, Svg, Pdf };

inline constexpr int kMinExportWidth = 200;
inline constexpr int kMaxExportWidth = 16000;
inline constexpr double kMaxExportScale = 4;

struct ExportOptions {
    QString path;      // .png, .svg or .pdf (any case)
    int width = 1600;  // pixels (PNG, SVG) or points (PDF); the height follows from the lanes
    Axis axis = Axis::Steps;
    bool wholeRun = true;  // false: only [begin, end) of the axis
    Pos begin = 0, end = 0;
    QString title;             // a title row when not empty
    QString caption;           // after the title, in grey: how the run ended, its policy and seed
    // Everything drawn this many times larger in an image of the same width (fewer steps per pixel, larger
    // text): 2 makes a timeline readable on a slide. 1 to kMaxExportScale.
    double scale = 1;
    // Only steps [firstStep, lastStep] (on either axis), when firstStep > 0; past the run's end is an error.
    std::uint32_t firstStep = 0, lastStep = 0;
    std::uint32_t cursor = 0;  // a cursor line at this step (0: none)
    // Cause → effect arrows: all of them, or only those from or to the cursor's step. With no cursor (the
    // command line's export) all are drawn whatever this says.
    bool allCauses = false;
    QStringList expandedGroups;  // asyncio task groups shown with their tasks' lanes (TimelineModel keys)
    // Lanes of the standard library's own objects (ObjectInfo::internal), as View > Show internals says in the
    // window and --internals on the command line.
    bool showInternals = true;
};

ExportFormat exportFormat(const QString& path);
// Checks the extension, the width and the range without writing anything; the message says what to change.
bool checkExportOptions(const ExportOptions& options, QString* error);

// The trace's lanes, task groups expanded as the options say; or a model's lanes as they are.
bool exportTimeline(const Trace& trace, const ExportOptions& options, QString* error);
// The lanes of a derivation the window follows (safe while its run goes on).
bool exportTimeline(std::shared_ptr<const TraceModel> model, const ExportOptions& options, QString* error);
bool exportTimeline(const TimelineModel& model, const ExportOptions& options, QString* error);

}  // namespace lockstep::timeline
