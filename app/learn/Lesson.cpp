#include "learn/Lesson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <map>

#include "lockstep/scenarios/Registry.h"

namespace lockstep::app {

namespace {

// ---- where each value of a JSON text starts, by its path ("challenges[2].goal")

// A scanner for text QJsonDocument has already accepted: it only walks it, noting the line of every value.
class LineMap {
public:
    explicit LineMap(const QByteArray& text) : t_(text) { value(QString()); }
    int lineOf(const QString& path) const {
        // The nearest enclosing path that was seen: a missing field is reported at its object.
        QString p = path;
        while (true) {
            const auto it = lines_.find(p);
            if (it != lines_.end()) return it->second;
            const int cut = std::max(p.lastIndexOf(QLatin1Char('.')), p.lastIndexOf(QLatin1Char('[')));
            if (cut <= 0) return 1;
            p.truncate(cut);
        }
    }

private:
    void skipSpace() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\r' || t_[i_] == '\n')) {
            if (t_[i_] == '\n') ++line_;
            ++i_;
        }
    }
    QString string() {
        QByteArray raw;
        ++i_;  // "
        while (i_ < t_.size() && t_[i_] != '"') {
            if (t_[i_] == '\\') raw += t_[i_++];
            if (i_ < t_.size()) raw += t_[i_++];
        }
        ++i_;
        return QJsonDocument::fromJson("[\"" + raw + "\"]").array().at(0).toString();
    }
    void value(const QString& path) {
        skipSpace();
        if (i_ >= t_.size()) return;
        lines_.emplace(path, line_);
        const char c = t_[i_];
        if (c == '{') {
            ++i_;
            while (true) {
                skipSpace();
                if (i_ >= t_.size() || t_[i_] == '}') break;
                if (t_[i_] == ',') {
                    ++i_;
                    continue;
                }
                const QString key = string();
                skipSpace();
                ++i_;  // :
                value(path.isEmpty() ? key : path + QLatin1Char('.') + key);
            }
            ++i_;
        } else if (c == '[') {
            ++i_;
            int index = 0;
            while (true) {
                skipSpace();
                if (i_ >= t_.size() || t_[i_] == ']') break;
                if (t_[i_] == ',') {
                    ++i_;
                    continue;
                }
                value(QStringLiteral("%1[%2]").arg(path).arg(index++));
            }
            ++i_;
        } else if (c == '"') {
            string();
        } else {
            while (i_ < t_.size() && t_[i_] != ',' && t_[i_] != '}' && t_[i_] != ']' && t_[i_] != '\n' && t_[i_] != ' ')
                ++i_;
        }
    }

    const QByteArray& t_;
    qsizetype i_ = 0;
    int line_ = 1;
    std::map<QString, int> lines_;
};

// A mistake in a lesson, with the path of the field it is about.
struct Mistake {
    QString path;
    QString what;
};

class Reader {
public:
    Reader(bool campaign) : campaign_(campaign) {}

    std::optional<Mistake> mistake;

    bool fail(const QString& path, const QString& what) {
        if (!mistake) mistake = Mistake{path, what};
        return false;
    }

    bool onlyFields(const QJsonObject& o, const QString& path, const QStringList& allowed, const QString& what) {
        for (const QString& key : o.keys())
            if (!allowed.contains(key))
                return fail(path.isEmpty() ? key : path + "." + key,
                            QStringLiteral("unknown field '%1'; the fields of %2 are %3")
                                .arg(key, what, allowed.join(", ")));
        return true;
    }

    bool text(const QJsonObject& o, const QString& key, const QString& path, bool required, LessonText& out) {
        const QString at = path.isEmpty() ? key : path + "." + key;
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) return required ? fail(at, "missing; give a text, or {\"en\": \"...\", \"ru\": \"...\"}") : true;
        return textValue(v, at, out);
    }
    bool textValue(const QJsonValue& v, const QString& at, LessonText& out) {
        if (v.isString()) {
            out.en = v.toString();
            return !out.en.trimmed().isEmpty() || fail(at, "is empty");
        }
        if (!v.isObject()) return fail(at, "must be a text, or {\"en\": \"...\", \"ru\": \"...\"}");
        const QJsonObject t = v.toObject();
        if (!onlyFields(t, at, {"en", "ru"}, "a text")) return false;
        if (!t.value("en").isString() || t.value("en").toString().trimmed().isEmpty())
            return fail(at + ".en", "missing or empty: every text needs its English words");
        out.en = t.value("en").toString();
        if (t.contains("ru")) {
            if (!t.value("ru").isString()) return fail(at + ".ru", "must be a text");
            out.ru = t.value("ru").toString();
        }
        return true;
    }

    bool name(const QJsonObject& o, const QString& path, QStringList& seen, QString& out) {
        static const QRegularExpression kName(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
        const QJsonValue v = o.value("name");
        if (!v.isString()) return fail(path + ".name", "missing; give a name of lower-case letters, digits and '-'");
        out = v.toString();
        if (!kName.match(out).hasMatch())
            return fail(path + ".name", QStringLiteral("'%1' is not a name of lower-case letters, digits and '-'").arg(out));
        if (seen.contains(out)) return fail(path + ".name", QStringLiteral("'%1' is the name of an earlier one too").arg(out));
        seen << out;
        return true;
    }

    bool scenarioAndChapter(const QJsonObject& o, const QString& path, QString& scenario, QString& chapter) {
        if (!campaign_) {
            if (o.contains("scenario") || o.contains("chapter"))
                return fail(path + (o.contains("scenario") ? ".scenario" : ".chapter"),
                            "a lesson file's challenges and predictions are about its program: leave this field out");
            return true;
        }
        if (!o.value("scenario").isString()) return fail(path + ".scenario", "missing; give a built-in scenario's id");
        scenario = o.value("scenario").toString();
        if (!scenarios::find(scenario.toStdString()))
            return fail(path + ".scenario", QStringLiteral("'%1' is no scenario (see 'lockstep list')").arg(scenario));
        if (!o.value("chapter").isString() || !campaignChapters().contains(o.value("chapter").toString()))
            return fail(path + ".chapter", "missing or unknown; the chapters are " + campaignChapters().join(", "));
        chapter = o.value("chapter").toString();
        return true;
    }

    bool params(const QJsonObject& o, const QString& key, const QString& path, const QString& scenario, LessonParams& out) {
        const QString at = path + "." + key;
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) return true;
        if (!v.isObject()) return fail(at, "must be an object of parameters, e.g. {\"delay_ms\": 0}");
        const scenarios::Scenario* s = scenario.isEmpty() ? nullptr : scenarios::find(scenario.toStdString());
        const QJsonObject p = v.toObject();
        for (const QString& k : p.keys()) {
            const QJsonValue pv = p.value(k);
            const double d = pv.toDouble();
            // Within what a parameter may be at all before the cast (beyond it the cast is undefined).
            if (!pv.isDouble() || std::fabs(d) > 1e15 || d != static_cast<double>(static_cast<std::int64_t>(d)))
                return fail(at + "." + k, "must be a whole number");
            const auto value = static_cast<std::int64_t>(d);
            if (s) {
                const auto spec = std::find_if(s->params.begin(), s->params.end(),
                                               [&](const scenarios::ParamSpec& ps) { return ps.key == k.toStdString(); });
                if (spec == s->params.end()) {
                    QStringList keys;
                    for (const auto& ps : s->params) keys << QString::fromStdString(ps.key);
                    return fail(at + "." + k, QStringLiteral("'%1' is no parameter of %2 (it has: %3)")
                                                  .arg(k, scenario, keys.isEmpty() ? "none" : keys.join(", ")));
                }
                if (value < spec->min || value > spec->max)
                    return fail(at + "." + k,
                                QStringLiteral("%1 is out of range %2..%3").arg(value).arg(spec->min).arg(spec->max));
            }
            out.emplace_back(k.toStdString(), value);
        }
        return true;
    }

    bool goal(const QJsonObject& o, const QString& key, const QString& path, bool value, Goal& out) {
        const QString at = path + "." + key;
        if (!o.value(key).isString())
            return fail(at, value ? "missing; give the expression whose value is the answer, e.g. counter"
                                  : "missing; give a goal, e.g. counter < 30 or deadlock");
        std::string why;
        const std::string text = o.value(key).toString().toStdString();
        const std::optional<Goal> g = value ? Goal::parseValue(text, &why) : Goal::parse(text, &why);
        if (!g) return fail(at, QString::fromStdString(why));
        out = *g;
        return true;
    }

    bool challenge(const QJsonObject& o, const QString& path, QStringList& seen, Challenge& c) {
        if (!onlyFields(o, path,
                        {"name", "chapter", "scenario", "params", "title", "task", "kind", "goal", "max_steps",
                         "manual_only", "hints", "explanation", "fix", "verified"},  // verified: what `lockstep challenges --verify --json` adds
                        "a challenge"))
            return false;
        if (!name(o, path, seen, c.name) || !scenarioAndChapter(o, path, c.scenario, c.chapter) ||
            !params(o, "params", path, c.scenario, c.params) || !text(o, "title", path, true, c.title) ||
            !text(o, "task", path, true, c.task) || !goal(o, "goal", path, false, c.goal) ||
            !text(o, "explanation", path, true, c.explanation))
            return false;
        const QString kind = o.value("kind").toString("make");
        if (kind != "make" && kind != "prevent") return fail(path + ".kind", "must be \"make\" or \"prevent\"");
        c.prevent = kind == "prevent";
        if (o.contains("max_steps")) {
            const double d = o.value("max_steps").toDouble(-1);
            if (d < 1 || d > 1e6 || d != static_cast<double>(static_cast<int>(d)))
                return fail(path + ".max_steps", "must be a whole number of steps from 1 to 1000000");
            c.maxSteps = static_cast<std::uint32_t>(d);
        }
        if (o.contains("manual_only")) {
            if (!o.value("manual_only").isBool()) return fail(path + ".manual_only", "must be true or false");
            c.manualOnly = o.value("manual_only").toBool();
        }
        if (o.contains("hints")) {
            if (!o.value("hints").isArray()) return fail(path + ".hints", "must be a list of texts");
            const QJsonArray hints = o.value("hints").toArray();
            for (qsizetype k = 0; k < hints.size(); ++k) {
                LessonText t;
                if (!textValue(hints[k], QStringLiteral("%1.hints[%2]").arg(path).arg(k), t)) return false;
                c.hints.push_back(t);
            }
        }
        const QJsonValue fix = o.value("fix");
        if (!c.prevent) {
            if (!fix.isUndefined()) return fail(path + ".fix", "only a \"prevent\" challenge has a fix");
            return true;
        }
        if (!fix.isObject())
            return fail(path + ".fix", campaign_ ? "a \"prevent\" challenge needs its reference fix, e.g. {\"params\": {\"lock\": 1}}"
                                                 : "a \"prevent\" challenge needs its reference fix: {\"program\": \"fixed.py\"}");
        const QJsonObject f = fix.toObject();
        const QString at = path + ".fix";
        if (campaign_) {
            if (!onlyFields(f, at, {"scenario", "params"}, "a fix")) return false;
            c.fixScenario = c.scenario;
            if (f.contains("scenario")) {
                c.fixScenario = f.value("scenario").toString();
                if (!scenarios::find(c.fixScenario.toStdString()))
                    return fail(at + ".scenario", QStringLiteral("'%1' is no scenario").arg(c.fixScenario));
            }
            if (!params(f, "params", at, c.fixScenario, c.fixParams)) return false;
            if (!f.contains("scenario") && !f.contains("params")) return fail(at, "give the fix's scenario, params or both");
        } else {
            if (!onlyFields(f, at, {"program", "params"}, "a fix")) return false;
            if (!f.value("program").isString() || f.value("program").toString().isEmpty())
                return fail(at + ".program", "missing; give the fixed program's file name, next to the lesson");
            c.fixProgram = f.value("program").toString();
            if (!params(f, "params", at, QString(), c.fixParams)) return false;
        }
        return true;
    }

    bool prediction(const QJsonObject& o, const QString& path, QStringList& seen, Prediction& p) {
        if (!onlyFields(o, path,
                        {"name", "chapter", "scenario", "params", "question", "answer", "choices", "explanation",
                         "verified"},
                        "a prediction"))
            return false;
        if (!name(o, path, seen, p.name) || !scenarioAndChapter(o, path, p.scenario, p.chapter) ||
            !params(o, "params", path, p.scenario, p.params) || !text(o, "question", path, true, p.question) ||
            !goal(o, "answer", path, true, p.answer) || !text(o, "explanation", path, true, p.explanation))
            return false;
        if (o.contains("choices")) {
            if (!o.value("choices").isArray()) return fail(path + ".choices", "must be a list of answers, e.g. [\"10\"]");
            const QJsonArray list = o.value("choices").toArray();
            for (qsizetype k = 0; k < list.size(); ++k) {
                const QString at = QStringLiteral("%1.choices[%2]").arg(path).arg(k);
                if (list[k].isString() && !list[k].toString().isEmpty()) p.extraChoices << list[k].toString();
                else if (list[k].isDouble()) p.extraChoices << QString::number(list[k].toDouble());
                else return fail(at, "must be an answer: a text or a number");
            }
        }
        return true;
    }

    bool lesson(const QJsonObject& root, Lesson& out) {
        if (!onlyFields(root, QString(), {"lockstep_lesson", "title", "text", "challenges", "predictions"}, "a lesson"))
            return false;
        const QJsonValue format = root.value("lockstep_lesson");
        if (!format.isDouble())
            return fail("lockstep_lesson", "missing; a lesson file starts with \"lockstep_lesson\": 1");
        if (format.toDouble() > 1)
            return fail("lockstep_lesson", QStringLiteral("this lesson is of format %1, written for a newer Lockstep; "
                                                          "this one reads format 1: update Lockstep")
                                               .arg(format.toDouble()));
        if (format.toDouble() != 1) return fail("lockstep_lesson", "must be 1");
        if (!text(root, "title", QString(), true, out.title) || !text(root, "text", QString(), false, out.text))
            return false;
        QStringList seen;
        for (const char* list : {"challenges", "predictions"}) {
            const QJsonValue v = root.value(list);
            if (v.isUndefined()) continue;
            if (!v.isArray()) return fail(list, "must be a list");
            const QJsonArray items = v.toArray();
            for (qsizetype k = 0; k < items.size(); ++k) {
                const QString path = QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(k);
                if (!items[k].isObject()) return fail(path, "must be an object");
                if (QLatin1String(list) == QLatin1String("challenges")) {
                    Challenge c;
                    if (!challenge(items[k].toObject(), path, seen, c)) return false;
                    out.challenges.push_back(std::move(c));
                } else {
                    Prediction p;
                    if (!prediction(items[k].toObject(), path, seen, p)) return false;
                    out.predictions.push_back(std::move(p));
                }
            }
        }
        if (out.challenges.empty() && out.predictions.empty())
            return fail("challenges", "a lesson needs at least one challenge or prediction");
        return true;
    }

private:
    bool campaign_;
};

}  // namespace

namespace {
QString gLessonLanguage = QStringLiteral("en");
}

void setLessonLanguage(const QString& language) {
    gLessonLanguage = language == QLatin1String("ru") ? language : QStringLiteral("en");
}

QString LessonText::here() const { return in(gLessonLanguage); }

const Challenge* Lesson::challenge(const QString& name) const {
    for (const Challenge& c : challenges)
        if (c.name == name) return &c;
    return nullptr;
}

const Prediction* Lesson::prediction(const QString& name) const {
    for (const Prediction& p : predictions)
        if (p.name == name) return &p;
    return nullptr;
}

std::optional<Lesson> parseLesson(const QByteArray& json, const QString& path, bool campaign, QString& error) {
    const QString file = QFileInfo(path).fileName();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        error = QStringLiteral("%1:%2: not valid JSON: %3").arg(file).arg(line).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        error = QStringLiteral("%1:1: a lesson file is one JSON object, {\"lockstep_lesson\": 1, ...}").arg(file);
        return std::nullopt;
    }
    Reader reader(campaign);
    Lesson lesson;
    lesson.path = path;
    if (!reader.lesson(doc.object(), lesson)) {
        const LineMap lines(json);
        const Mistake& m = *reader.mistake;
        error = QStringLiteral("%1:%2: %3: %4").arg(file).arg(lines.lineOf(m.path)).arg(m.path, m.what);
        return std::nullopt;
    }
    const LineMap lines(json);
    for (std::size_t k = 0; k < lesson.challenges.size(); ++k)
        lesson.challenges[k].line = lines.lineOf(QStringLiteral("challenges[%1]").arg(k));
    for (std::size_t k = 0; k < lesson.predictions.size(); ++k)
        lesson.predictions[k].line = lines.lineOf(QStringLiteral("predictions[%1]").arg(k));
    return lesson;
}

std::optional<Lesson> readLesson(const QString& path, QString& error) {
    const QFileInfo info(path);
    QFile f(path);
    if (!info.isFile() || !f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read the lesson file '%1'%2").arg(path, f.errorString().isEmpty() ? QString() : ": " + f.errorString());
        return std::nullopt;
    }
    if (info.size() > kMaxLessonBytes) {
        error = QStringLiteral("the lesson file '%1' is %2 bytes; a lesson file has at most %3")
                    .arg(path).arg(info.size()).arg(kMaxLessonBytes);
        return std::nullopt;
    }
    return parseLesson(f.read(kMaxLessonBytes + 1), path, false, error);
}

QString lessonPathFor(const QString& programPath) {
    const QFileInfo info(programPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".lesson.json"));
}

namespace {
struct CampaignData {
    Lesson lesson;
    QString error;
    CampaignData() {
        QFile f(QStringLiteral(":/learn/campaign.json"));
        if (!f.open(QIODevice::ReadOnly)) {
            error = "the campaign is missing from the program's resources";
            return;
        }
        if (auto l = parseLesson(f.readAll(), f.fileName(), true, error)) lesson = std::move(*l);
    }
};
const CampaignData& campaignData() {
    static const CampaignData data;
    return data;
}
}  // namespace

const Lesson& campaign() { return campaignData().lesson; }
QString campaignError() { return campaignData().error; }

QStringList campaignChapters() {
    return {"threads", "races",  "locks", "deadlocks", "semaphores", "events-conditions",
            "queues",  "pools-futures", "gil", "processes", "asyncio"};
}

QString chapterTitle(const QString& chapter) {
    static const std::map<QString, const char*> kTitles = {
        {"threads", QT_TRANSLATE_NOOP("Lesson", "Threads")},
        {"races", QT_TRANSLATE_NOOP("Lesson", "Races")},
        {"locks", QT_TRANSLATE_NOOP("Lesson", "Locks")},
        {"deadlocks", QT_TRANSLATE_NOOP("Lesson", "Deadlocks")},
        {"semaphores", QT_TRANSLATE_NOOP("Lesson", "Semaphores")},
        {"events-conditions", QT_TRANSLATE_NOOP("Lesson", "Events and conditions")},
        {"queues", QT_TRANSLATE_NOOP("Lesson", "Queues")},
        {"pools-futures", QT_TRANSLATE_NOOP("Lesson", "Pools and futures")},
        {"gil", QT_TRANSLATE_NOOP("Lesson", "The GIL")},
        {"processes", QT_TRANSLATE_NOOP("Lesson", "Processes")},
        {"asyncio", QT_TRANSLATE_NOOP("Lesson", "asyncio")},
    };
    const auto it = kTitles.find(chapter);
    return it == kTitles.end() ? chapter : QCoreApplication::translate("Lesson", it->second);
}

}  // namespace lockstep::app
