// Lockstep installed as a desktop application: `cmake --install` of this build into a temporary prefix puts
// every file where the desktop looks for it, and each file says what it should (the desktop entry's keys, the
// icon's sizes, the AppStream metadata, a man page naming every command and option, a bash completion that
// completes, the MIME type of run files); `cpack -G DEB` makes a package of them with Debian's dependencies.
// desktop-file-validate, appstreamcli, cpack and dpkg-deb are used where they are installed, skipped otherwise.

#include "common/TestMain.h"
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

const QString kAppId = QStringLiteral(LOCKSTEP_APP_ID);

struct Result {
    int code = -1;
    QString out;
    QString err;
};

Result run(const QString& program, const QStringList& args, const QString& workDir = {},
           const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(), int timeoutMs = 120000) {
    QProcess p;
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty()) p.setWorkingDirectory(workDir);
    p.start(program, args);
    Result r;
    if (!p.waitForStarted(10000)) {
        r.err = program + ": " + p.errorString();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = program + ": timed out";
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString readText(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll());
}

// A desktop entry's [Desktop Entry] group as key → value (localised keys keep their [ru]).
QMap<QString, QString> desktopKeys(const QString& text) {
    QMap<QString, QString> keys;
    bool inGroup = false;
    for (const QString& line : text.split('\n')) {
        if (line.startsWith('[')) {
            inGroup = line.trimmed() == "[Desktop Entry]";
            continue;
        }
        if (!inGroup || line.startsWith('#') || !line.contains('=')) continue;
        const qsizetype eq = line.indexOf('=');
        keys.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return keys;
}

// The long options a command's help lists (`lockstep help run`...), without Qt's own --help-all.
QStringList helpOptions(const QString& helpText) {
    QStringList options;
    static const QRegularExpression option(QStringLiteral("(?:^|\\s)(--[a-z][a-z-]*)"));
    for (auto it = option.globalMatch(helpText); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (name != "--help-all" && !options.contains(name)) options << name;
    }
    return options;
}

}  // namespace

class TestInstall : public QObject {
    Q_OBJECT

    QTemporaryDir prefix_;
    QTemporaryDir emptyDir_;  // the completion's working directory: no files to offer besides scenarios

    QString installed(const QString& relative) const { return prefix_.filePath(relative); }
    QString desktopPath() const { return installed("share/applications/" + kAppId + ".desktop"); }
    QString metainfoPath() const { return installed("share/metainfo/" + kAppId + ".metainfo.xml"); }
    QString completionPath() const { return installed("share/bash-completion/completions/lockstep"); }

    // The environment the installed binary runs in: the prefix's bin/ first on PATH, as after installing.
    QProcessEnvironment installedEnv() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("PATH", installed("bin") + ":" + env.value("PATH"));
        return env;
    }

    // What the completion offers for the words typed so far (the last one being completed).
    QStringList complete(const QStringList& words) const {
        QString script = QStringLiteral("source '%1' || exit 3\nCOMP_WORDS=(").arg(completionPath());
        for (const QString& w : words) script += " '" + w + "'";
        script += QStringLiteral(" )\nCOMP_CWORD=%1\n_lockstep\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
                      .arg(words.size() - 1);
        const Result r = run("bash", {"-c", script}, emptyDir_.path(), installedEnv());
        if (r.code != 0) return {"<bash failed: " + r.err + ">"};
        return r.out.split('\n', Qt::SkipEmptyParts);
    }

private slots:
    void initTestCase() {
        QVERIFY(prefix_.isValid());
        QVERIFY(emptyDir_.isValid());
        const Result r = run(QStringLiteral(LOCKSTEP_CMAKE_COMMAND),
                             {"--install", QStringLiteral(LOCKSTEP_BUILD_DIR), "--prefix", prefix_.path()});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    }

    void everyFileIsInstalled_data() {
        QTest::addColumn<QString>("path");
        QStringList paths = {"bin/lockstep",
                             "share/applications/" + kAppId + ".desktop",
                             "share/icons/hicolor/scalable/apps/" + kAppId + ".svg",
                             "share/metainfo/" + kAppId + ".metainfo.xml",
                             "share/man/man1/lockstep.1",
                             "share/bash-completion/completions/lockstep",
                             "share/mime/packages/" + kAppId + ".xml"};
        for (int size : {16, 32, 48, 64, 128, 256})
            paths << QStringLiteral("share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(kAppId);
        for (const QString& p : paths) QTest::newRow(qPrintable(p)) << p;
    }
    void everyFileIsInstalled() {
        QFETCH(QString, path);
        const QFileInfo info(installed(path));
        QVERIFY2(info.isFile(), qPrintable(info.filePath() + " is missing"));
        QVERIFY(info.size() > 0);
    }

    void binaryRuns() {
        const QFileInfo binary(installed("bin/lockstep"));
        QVERIFY(binary.isExecutable());
        const Result r = run(binary.filePath(), {"--version"});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("lockstep " LOCKSTEP_VERSION));
    }

    void desktopEntryKeys() {
        const auto keys = desktopKeys(readText(desktopPath()));
        QCOMPARE(keys.value("Type"), QStringLiteral("Application"));
        QCOMPARE(keys.value("Name"), QStringLiteral("Lockstep"));
        for (const char* key : {"Name[ru]", "GenericName", "GenericName[ru]", "Comment", "Comment[ru]", "Keywords"})
            QVERIFY2(!keys.value(key).isEmpty(), key);
        // The Russian texts are Russian, not copies of the English ones (the name is the same in both).
        QVERIFY(keys.value("GenericName[ru]") != keys.value("GenericName"));
        QVERIFY(keys.value("Comment[ru]") != keys.value("Comment"));
        QCOMPARE(keys.value("Exec"), QStringLiteral("lockstep %f"));
        QCOMPARE(keys.value("Icon"), kAppId);
        QCOMPARE(keys.value("Terminal"), QStringLiteral("false"));
        const QStringList categories = keys.value("Categories").split(';', Qt::SkipEmptyParts);
        for (const char* c : {"Education", "Development", "ComputerScience"}) QVERIFY2(categories.contains(c), c);
        QVERIFY(keys.value("MimeType").split(';', Qt::SkipEmptyParts).contains("application/x-lockstep-run"));
    }

    void desktopEntryValidates() {
        const QString validator = QStandardPaths::findExecutable("desktop-file-validate");
        if (validator.isEmpty()) QSKIP("desktop-file-validate is not installed (desktop-file-utils)");
        const Result r = run(validator, {desktopPath()});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
        // Hints are advice (several main categories are on purpose); errors and warnings are not.
        QVERIFY2(!r.out.contains("error:") && !r.out.contains("warning:"), qPrintable(r.out));
    }

    void iconsAtTheirSizes() {
        QFile svg(installed("share/icons/hicolor/scalable/apps/" + kAppId + ".svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svg);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
        while (!xml.atEnd()) xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        for (int size : {16, 32, 48, 64, 128, 256}) {
            const QImage png(installed(QStringLiteral("share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(kAppId)));
            QVERIFY2(!png.isNull(), qPrintable(QString::number(size)));
            QCOMPARE(png.size(), QSize(size, size));
            // Drawn, with a transparent corner outside the rounded tile and an opaque middle.
            QCOMPARE(qAlpha(png.pixel(0, 0)), 0);
            QCOMPARE(qAlpha(png.pixel(size / 2, size / 2)), 255);
        }
    }

    // main() sets the window's icon from this resource: the same drawing as the installed icon.
    void windowIconIsTheInstalledIcon() {
        QFile resource(":/icons/" + kAppId + ".svg");
        QVERIFY2(resource.open(QIODevice::ReadOnly), qPrintable(resource.fileName()));
        QFile installedSvg(installed("share/icons/hicolor/scalable/apps/" + kAppId + ".svg"));
        QVERIFY(installedSvg.open(QIODevice::ReadOnly));
        QCOMPARE(resource.readAll(), installedSvg.readAll());
    }

    void metainfo() {
        QFile file(metainfoPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QMap<QString, QString> text;  // element name (English only) → its text
        QString releaseVersion, launchable, binary;
        int paragraphs = 0, screenshots = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) continue;
            const QString name = xml.name().toString();
            if (name == "release") releaseVersion = xml.attributes().value("version").toString();
            if (name == "p") ++paragraphs;
            if (name == "screenshot") ++screenshots;
            if (name == "component") QCOMPARE(xml.attributes().value("type").toString(), QStringLiteral("desktop-application"));
            if (name == "content_rating") QVERIFY(!xml.attributes().value("type").isEmpty());
            if ((name == "id" || name == "name" || name == "summary" || name == "metadata_license" || name == "launchable" ||
                 name == "binary") && !xml.attributes().hasAttribute("xml:lang"))
                text.insert(name, xml.readElementText());
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(text.value("id"), kAppId);
        QCOMPARE(text.value("name"), QStringLiteral("Lockstep"));
        QVERIFY(!text.value("summary").isEmpty());
        QCOMPARE(text.value("metadata_license"), QStringLiteral("CC0-1.0"));
        QCOMPARE(text.value("launchable"), kAppId + ".desktop");
        QCOMPARE(text.value("binary"), QStringLiteral("lockstep"));
        QCOMPARE(releaseVersion, QStringLiteral(LOCKSTEP_VERSION));
        QVERIFY(paragraphs >= 1);
        QVERIFY(screenshots >= 1);
    }

    void metainfoValidates() {
        const QString appstreamcli = QStandardPaths::findExecutable("appstreamcli");
        if (appstreamcli.isEmpty()) QSKIP("appstreamcli is not installed (appstream)");
        const Result r = run(appstreamcli, {"validate", "--no-net", metainfoPath()});
        QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    }

    void manPageNamesEveryCommandAndOption() {
        const QString man = readText(installed("share/man/man1/lockstep.1"));
        QVERIFY(man.startsWith(".\\\"") || man.startsWith(".TH"));
        QVERIFY(man.contains(".TH LOCKSTEP 1 "));
        QVERIFY(man.contains("Lockstep " LOCKSTEP_VERSION));
        for (const char* section : {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH EXIT STATUS", ".SH EXAMPLES", ".SH FILES"})
            QVERIFY2(man.contains(section), section);
        for (const char* command : {"list", "run", "explore", "check", "challenges", "diff", "compare", "help"})
            QVERIFY2(man.contains(QStringLiteral(".B lockstep %1").arg(command)), command);
        for (const char* code : {"\n.B 0\n", "\n.B 1\n", "\n.B 2\n", "\n.B 130\n"}) QVERIFY2(man.contains(code), code);
        // Every option each command's help lists, so the page cannot fall behind the help.
        const QString binary = installed("bin/lockstep");
        for (const char* command : {"list", "run", "explore", "check", "challenges", "diff", "compare"}) {
            const Result help = run(binary, {"help", command});
            QCOMPARE(help.code, 0);
            const QStringList options = helpOptions(help.out);
            QVERIFY(options.size() >= 2);
            for (const QString& option : options) {
                const QString roff = QString(option).replace("-", "\\-");
                QVERIFY2(man.contains(roff), qPrintable(QStringLiteral("%1 of '%2' is not in the man page").arg(option, command)));
            }
        }
    }

    void completionParses() {
        const Result r = run("bash", {"-n", completionPath()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }

    void completionCompletes() {
        QCOMPARE(complete({"lockstep", "ru"}), QStringList{"run"});
        QCOMPARE(complete({"lockstep", "run", "race-counter-s"}), QStringList{"race-counter-sleep"});
        QCOMPARE(complete({"lockstep", "explore", "x", "--strategy", ""}), (QStringList{"dfs", "random", "pct"}));
        QCOMPARE(complete({"lockstep", "run", "x", "--policy", "r"}), (QStringList{"rr", "random"}));
        QCOMPARE(complete({"lockstep", "list", "--la"}), QStringList{"--lang"});
        QCOMPARE(complete({"lockstep", "help", "ex"}), QStringList{"explore"});
    }

    void mimeTypeOfRunFiles() {
        QFile file(installed("share/mime/packages/" + kAppId + ".xml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString type, glob, parent;
        QStringList commentLanguages;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement) continue;
            const QString name = xml.name().toString();
            if (name == "mime-info")
                QCOMPARE(xml.namespaceUri().toString(), QStringLiteral("http://www.freedesktop.org/standards/shared-mime-info"));
            if (name == "mime-type") type = xml.attributes().value("type").toString();
            if (name == "glob") glob = xml.attributes().value("pattern").toString();
            if (name == "sub-class-of") parent = xml.attributes().value("type").toString();
            if (name == "comment") {
                const QString lang = xml.attributes().value("xml:lang").toString();
                commentLanguages << (lang.isEmpty() ? QStringLiteral("en") : lang);
                QVERIFY(!xml.readElementText().isEmpty());
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(type, QStringLiteral("application/x-lockstep-run"));
        QCOMPARE(glob, QStringLiteral("*.lockstep"));
        QCOMPARE(parent, QStringLiteral("application/json"));
        QCOMPARE(commentLanguages, (QStringList{"en", "ru"}));
    }

    // The package, made by CPack from this build directory (the dev or asan preset's: a debug binary, stripped
    // by the package), into a temporary directory so the build directory gains no .deb.
    void debianPackage() {
        const QString dpkgDeb = QStandardPaths::findExecutable("dpkg-deb");
        if (dpkgDeb.isEmpty()) QSKIP("dpkg-deb is not installed");
        if (!QFileInfo::exists(QStringLiteral(LOCKSTEP_CPACK_COMMAND))) QSKIP("cpack is not installed");
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const Result made = run(QStringLiteral(LOCKSTEP_CPACK_COMMAND),
                                {"-G", "DEB", "--config", QStringLiteral(LOCKSTEP_BUILD_DIR "/CPackConfig.cmake"), "-B", out.path()},
                                out.path(), QProcessEnvironment::systemEnvironment(), 300000);
        QVERIFY2(made.code == 0, qPrintable(made.out + made.err));
        const QStringList debs = QDir(out.path()).entryList({"lockstep_*.deb"}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        const QString deb = out.filePath(debs.first());

        const Result fields = run(dpkgDeb, {"-f", deb, "Package", "Version", "Depends", "Section", "Maintainer"});
        QCOMPARE(fields.code, 0);
        QVERIFY2(fields.out.contains("Package: lockstep\n"), qPrintable(fields.out));
        QVERIFY2(fields.out.contains("Version: " LOCKSTEP_VERSION "\n"), qPrintable(fields.out));
        QVERIFY2(fields.out.contains("Section: education\n"), qPrintable(fields.out));
        QVERIFY2(fields.out.contains("Maintainer: "), qPrintable(fields.out));
        const QString depends = fields.out.section("Depends: ", 1).section('\n', 0, 0);
        for (const char* package : {"libqt6widgets6", "libpython3.11", "libqt6svg6"})
            QVERIFY2(depends.contains(package), qPrintable(QStringLiteral("%1 not in Depends: %2").arg(package, depends)));

        const Result contents = run(dpkgDeb, {"-c", deb});
        QCOMPARE(contents.code, 0);
        for (const QString& path : {QStringLiteral("./usr/bin/lockstep"),
                                    "./usr/share/applications/" + kAppId + ".desktop",
                                    "./usr/share/icons/hicolor/scalable/apps/" + kAppId + ".svg",
                                    "./usr/share/icons/hicolor/48x48/apps/" + kAppId + ".png",
                                    "./usr/share/metainfo/" + kAppId + ".metainfo.xml",
                                    QStringLiteral("./usr/share/man/man1/lockstep.1"),
                                    QStringLiteral("./usr/share/bash-completion/completions/lockstep"),
                                    "./usr/share/mime/packages/" + kAppId + ".xml"})
            QVERIFY2(contents.out.contains(" " + path + "\n"), qPrintable(path + " is not in the package"));
    }
};

#define main lockstepQTestMain
QTEST_GUILESS_MAIN(TestInstall)
#undef main
LOCKSTEP_CHILD_AWARE_MAIN()
#include "tst_install.moc"
