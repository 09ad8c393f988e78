// Renders the application icon's SVG into the PNG sizes of the hicolor theme at build time, so the PNGs
// never drift from the SVG: render_icon ICON.svg OUTDIR NAME SIZE... writes OUTDIR/SIZExSIZE/apps/NAME.png.

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char** argv) {
    if (argc < 5) {
        QTextStream(stderr) << "usage: render_icon ICON.svg OUTDIR NAME SIZE...\n";
        return 2;
    }
    // QSvgRenderer paints through QPainter, which wants a GUI application for its fonts even when the icon has
    // no text; the build runs it with QT_QPA_PLATFORM=offscreen.
    QGuiApplication app(argc, argv);
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid()) {
        QTextStream(stderr) << "render_icon: cannot read " << argv[1] << "\n";
        return 1;
    }
    const QString outDir = QString::fromLocal8Bit(argv[2]);
    const QString name = QString::fromLocal8Bit(argv[3]);
    for (int i = 4; i < argc; ++i) {
        const int size = QString::fromLocal8Bit(argv[i]).toInt();
        if (size <= 0) return 2;
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(outDir).arg(size);
        const QString path = QStringLiteral("%1/%2.png").arg(dir, name);
        if (!QDir().mkpath(dir) || !image.save(path)) {
            QTextStream(stderr) << "render_icon: cannot write " << path << "\n";
            return 1;
        }
    }
    return 0;
}
