#pragma once
// Lessons: challenges and predictions about a scenario or a learner's program, read from a lesson file (JSON, see
// the README's "Lesson files"): the built-in campaign (:/learn/campaign.json) and the file a teacher puts next to
// a program (prog.py -> prog.lesson.json). What a goal means is core's (lockstep/Goal.h); this reads the texts and
// checks every field, naming the line and the field of whatever is wrong.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lockstep/Goal.h"

namespace lockstep::app {

// A text in each language the lesson gives; en is required, ru falls back to it.
struct LessonText {
    QString en, ru;
    QString in(const QString& language) const { return language == QLatin1String("ru") && !ru.isEmpty() ? ru : en; }
    // In the language the interface speaks (setLessonLanguage()).
    QString here() const;
};
// Told by installTranslations(): "en" or "ru" (anything else is English).
void setLessonLanguage(const QString& language);

using LessonParams = std::vector<std::pair<std::string, std::int64_t>>;

struct Challenge {
    QString name;
    QString chapter;       // campaign: where it stands in the course
    QString scenario;      // campaign: a built-in scenario's id; a lesson file's: empty (its program)
    LessonParams params;
    LessonText title, task;
    bool prevent = false;  // "prevent it": the goal must be unreachable in every schedule of the fix
    Goal goal;
    std::uint32_t maxSteps = 0;  // 0: no limit
    bool manualOnly = false;
    std::vector<LessonText> hints;
    LessonText explanation;
    // prevent: the reference fix (another scenario and/or parameters, or another program of the lesson's folder)
    QString fixScenario;
    LessonParams fixParams;
    QString fixProgram;
    int line = 0;          // where it begins in its file
};

struct Prediction {
    QString name;
    QString chapter;
    QString scenario;
    LessonParams params;
    LessonText question;
    Goal answer;           // a value expression, evaluated when the run ends
    // Answers offered besides those exploration finds: tempting wrong ones (two 5 s sleeps gathered "take 10 s").
    QStringList extraChoices;
    LessonText explanation;
    int line = 0;
};

struct Lesson {
    QString path;          // the file it was read from (":/learn/campaign.json" for the campaign)
    LessonText title, text;
    std::vector<Challenge> challenges;
    std::vector<Prediction> predictions;

    const Challenge* challenge(const QString& name) const;
    const Prediction* prediction(const QString& name) const;
};

// The largest lesson file read: a lesson is text, not data.
inline constexpr qint64 kMaxLessonBytes = 1 << 20;

// Reads a lesson from `json`. `campaign`: every challenge and prediction names its scenario and chapter (a lesson
// file's are about its program and may not). On a mistake returns nullopt with `error` as
// "FILE:LINE: FIELD: what is wrong", e.g. "race.lesson.json:14: challenges[1].goal: column 9: expected a value".
std::optional<Lesson> parseLesson(const QByteArray& json, const QString& path, bool campaign, QString& error);
// Reads the file at `path` (size-checked), as parseLesson.
std::optional<Lesson> readLesson(const QString& path, QString& error);

// The lesson file that goes with a program: prog.py -> prog.lesson.json in the same folder.
QString lessonPathFor(const QString& programPath);

// The built-in campaign, read once; an error in it is a bug the tests catch, reported here as an empty lesson
// with campaignError() set.
const Lesson& campaign();
QString campaignError();
// The course's chapters in order, as campaign.json names them, and each one's title in the installed language.
QStringList campaignChapters();
QString chapterTitle(const QString& chapter);

}  // namespace lockstep::app
