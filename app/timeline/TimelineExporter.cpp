#include "timeline/TimelineExporter.h"

#include <cmath>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QBuffer>
#include <QSvgGenerator>

#include "timeline/TimelineLayout.h"
#include "timeline/TimelineModel.h"
#include "timeline/TimelinePainter.h"
#include "timeline/TimelineStrings.h"
#include "timeline/ZoomState.h"

namespace lockstep::timeline {

ExportFormat exportFormat(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return ExportFormat::Png;
    if (suffix == QLatin1String("svg")) return ExportFormat::Svg;
    if (suffix == QLatin1String("pdf")) return ExportFormat::Pdf;
    return ExportFormat::Unknown;
}

bool checkExportOptions(const ExportOptions& o, QString* error) {
    auto fail = [error](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (exportFormat(o.path) == ExportFormat::Unknown)
        return fail(
            TimelineStrings::tr(
                "'%1': the timeline can be exported as .png, .svg or .pdf; use one of these extensions")
                .arg(o.path));
    if (o.width < kMinExportWidth || o.width > kMaxExportWidth)
        return fail(TimelineStrings::tr("width %1 is out of range: use %2 to %3 pixels")
                        .arg(o.width)
                        .arg(kMinExportWidth)
                        .arg(kMaxExportWidth));
    if (!(o.scale >= 1 && o.scale <= kMaxExportScale))
        return fail(TimelineStrings::tr("scale %1 is out of range: use 1 to %2").arg(o.scale).arg(kMaxExportScale));
    if (o.width / o.scale < kMinExportWidth)
        return fail(TimelineStrings::tr("width %1 at scale %2 leaves %3 pixels for the timeline: use a width of at "
                                        "least %4 or a smaller scale")
                        .arg(o.width)
                        .arg(o.scale)
                        .arg(static_cast<int>(o.width / o.scale))
                        .arg(static_cast<int>(std::ceil(kMinExportWidth * o.scale))));
    if (o.firstStep > 0 && o.lastStep < o.firstStep)
        return fail(TimelineStrings::tr("the steps to export are %1 to %2: the first must not be after the last")
                        .arg(o.firstStep)
                        .arg(o.lastStep));
    if (!o.wholeRun && o.end <= o.begin)
        return fail(TimelineStrings::tr("the range to export is empty (%1 to %2)").arg(o.begin).arg(o.end));
    return true;
}

bool exportTimeline(const Trace& trace, const ExportOptions& options, QString* error) {
    if (!checkExportOptions(options, error)) return false;
    TimelineModel model(trace);
    model.setExpandedGroups(options.expandedGroups);
    model.setShowInternals(options.showInternals);
    return exportTimeline(model, options, error);
}

bool exportTimeline(std::shared_ptr<const TraceModel> traceModel, const ExportOptions& options, QString* error) {
    if (!checkExportOptions(options, error)) return false;
    TimelineModel model(std::move(traceModel));
    model.setExpandedGroups(options.expandedGroups);
    model.setShowInternals(options.showInternals);
    return exportTimeline(model, options, error);
}

bool exportTimeline(const TimelineModel& model, const ExportOptions& o, QString* error) {
    if (!checkExportOptions(o, error)) return false;
    auto fail = [error](const QString& message) {
        if (error) *error = message;
        return false;
    };
    const QFont font = TimelineLayout::defaultFont();
    const bool withTitle = !o.title.isEmpty();
    // Laid out at width / scale and painted scaled up: the picture keeps its width, its text grows.
    const double scale = o.scale;
    const int logicalWidth = static_cast<int>(std::lround(o.width / scale));
    const int logicalHeight = TimelineLayout::preferredHeight(logicalWidth, model, font, withTitle, true);
    const int height = static_cast<int>(std::lround(logicalHeight * scale));
    // Past this, painters and image formats give up (and a picture of thousands of lanes says nothing).
    constexpr int kMaxHeight = 32000;
    if (height > kMaxHeight)
        return fail(TimelineStrings::tr(
                        "the timeline is %1 pixels high with its %2 lanes, more than %3: collapse the "
                        "task groups before exporting")
                        .arg(height)
                        .arg(model.laneCount())
                        .arg(kMaxHeight));
    const TimelineLayout layout =
        TimelineLayout::compute(QRect(0, 0, logicalWidth, logicalHeight), model, font, withTitle, true);
    ZoomState zoom;
    zoom.setRange(model.rangeBegin(o.axis), model.rangeEnd(o.axis));
    zoom.setWidth(layout.plot.width());
    zoom.fit();
    if (o.firstStep > 0) {
        const std::uint32_t steps = model.stepCount();
        if (o.lastStep > steps)
            return fail(TimelineStrings::tr("the run has %1 steps: steps %2 to %3 are not all in it")
                            .arg(steps)
                            .arg(o.firstStep)
                            .arg(o.lastStep));
        const Pos begin = model.stepPosition(o.axis, o.firstStep);
        const Pos end = o.lastStep == steps ? model.rangeEnd(o.axis) : model.stepPosition(o.axis, o.lastStep + 1);
        zoom.setWindow(begin, std::max(end, begin + 1));
    } else if (!o.wholeRun) {
        zoom.setWindow(o.begin, o.end);
    }
    const TimelinePainter painter(model, zoom, o.axis);
    PaintOptions paintOptions;
    paintOptions.cursor = o.cursor;
    paintOptions.title = o.title;
    paintOptions.caption = o.caption;
    paintOptions.allCauses = o.allCauses;
    QStringList causeTexts;
    paintOptions.causeTexts = &causeTexts;

    QFile file(o.path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(TimelineStrings::tr("cannot write '%1': %2").arg(o.path, file.errorString()));

    bool painted = false;
    switch (exportFormat(o.path)) {
        case ExportFormat::Png: {
            QImage image(o.width, height, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter p(&image);
            p.scale(scale, scale);
            painter.paint(p, layout, paintOptions);
            p.end();
            painted = image.save(&file, "PNG");
            break;
        }
        case ExportFormat::Svg: {
            // Painted into memory first: the cause arrows' sentences go into the SVG as text a reader (or a
            // screen reader, or a test) can find, which QSvgGenerator has no call for.
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(QSize(o.width, height));
            svg.setViewBox(QRect(0, 0, logicalWidth, logicalHeight));
            svg.setTitle(o.title);
            svg.setDescription(TimelineStrings::tr("Lockstep timeline"));
            QPainter p;
            if ((painted = p.begin(&svg))) {
                painter.paint(p, layout, paintOptions);
                painted = p.end();
            }
            if (painted) {
                QByteArray data = buffer.data();
                const qsizetype end = data.lastIndexOf("</svg>");
                if (end >= 0 && !causeTexts.isEmpty()) {
                    QByteArray titles = "<g id=\"cause-effect\">\n";
                    for (const QString& t : causeTexts)
                        titles += "<g class=\"cause-effect-arrow\"><title>" + t.toHtmlEscaped().toUtf8() + "</title></g>\n";
                    titles += "</g>\n";
                    data.insert(end, titles);
                }
                painted = file.write(data) == data.size();
            }
            break;
        }
        case ExportFormat::Pdf: {
            // One page exactly the size of the picture, at 72 dpi so one pixel of the layout is one point.
            QPdfWriter pdf(&file);
            pdf.setResolution(72);
            pdf.setPageSize(
                QPageSize(QSizeF(o.width, height), QPageSize::Point, QString(), QPageSize::ExactMatch));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setTitle(o.title);
            pdf.setCreator(QStringLiteral("Lockstep"));
            QPainter p;
            if ((painted = p.begin(&pdf))) {
                p.scale(scale, scale);
                painter.paint(p, layout, paintOptions);
                painted = p.end();
            }
            break;
        }
        case ExportFormat::Unknown:
            break;
    }
    file.close();
    if (!painted || file.error() != QFileDevice::NoError) {
        const QString reason = file.error() != QFileDevice::NoError
                                   ? file.errorString()
                                   : TimelineStrings::tr("the picture could not be encoded");
        file.remove();
        return fail(TimelineStrings::tr("writing '%1' failed: %2").arg(o.path, reason));
    }
    return true;
}

}  // namespace lockstep::timeline
