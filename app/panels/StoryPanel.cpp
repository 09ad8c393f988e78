#include "panels/StoryPanel.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QPalette>
#include <QVBoxLayout>
#include <algorithm>

#include "view/StoryText.h"
#include "view/VerdictText.h"

namespace lockstep::app {

StoryPanel::StoryPanel(QWidget* parent)
    : QWidget(parent), list_(new QListWidget(this)), verdictLabel_(new QLabel), verdictArea_(new QScrollArea(this)) {
    verdictLabel_->setWordWrap(true);
    verdictLabel_->setTextFormat(Qt::RichText);
    verdictLabel_->setTextInteractionFlags(Qt::TextBrowserInteraction);
    verdictLabel_->setContentsMargins(6, 4, 6, 4);
    verdictLabel_->setObjectName(QStringLiteral("verdict"));
    verdictArea_->setWidget(verdictLabel_);
    verdictArea_->setWidgetResizable(true);
    verdictArea_->setFrameShape(QFrame::NoFrame);
    verdictArea_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verdictArea_->setMaximumHeight(fontMetrics().lineSpacing() * 9);
    verdictArea_->hide();
    // A link names the step an item points at: following it moves the cursor there.
    connect(verdictLabel_, &QLabel::linkActivated, this, [this](const QString& link) {
        bool ok = false;
        const auto step = link.toUInt(&ok);
        if (ok && step > 0) emit stepRequested(step);
    });
    list_->setWordWrap(true);
    // Sentences differ in length: each item is as tall as its wrapped text, and rewraps as the dock resizes.
    list_->setUniformItemSizes(false);
    list_->setResizeMode(QListView::Adjust);
    list_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Narrower than about 30 characters, a sentence wraps into a column of single words.
    setMinimumWidth(fontMetrics().averageCharWidth() * 30);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(verdictArea_);
    layout->addWidget(list_);
    auto request = [this](QListWidgetItem* item) {
        const auto step = item ? item->data(StepRole).toUInt() : 0u;
        if (step > 0 && step != current_) emit stepRequested(step);
    };
    list_->viewport()->installEventFilter(this);
    connect(list_, &QListWidget::itemClicked, this, request);
    connect(list_, &QListWidget::itemActivated, this, request);  // Enter (and a double click)
    rebuild();
}

void StoryPanel::setView(const TraceView& view) {
    view_ = view;
    rebuild();
    rebuildVerdict();
}

void StoryPanel::setVerdict(const Verdict& verdict, std::shared_ptr<const TraceModel> model) {
    verdict_ = verdict;
    verdictModel_ = std::move(model);
    rebuildVerdict();
}

QStringList StoryPanel::verdictTexts() const {
    if (verdictArea_->isHidden() || !verdictModel_) return {};
    return VerdictText::sentences(verdict_, *verdictModel_);
}

QString StoryPanel::verdictSummary() const { return verdictTexts().value(0); }

void StoryPanel::rebuildVerdict() {
    // Only for the ended run it was derived from: a restart or a branch shows nothing until its own arrives.
    const bool shown = verdictModel_ && view_.model == verdictModel_ && view_.ended && !verdict_.items.empty();
    verdictArea_->setVisible(shown);
    if (!shown) {
        verdictLabel_->clear();
        return;
    }
    QStringList lines;
    for (const VerdictItem& item : verdict_.items) {
        QString line = VerdictText::sentence(item, verdict_, *verdictModel_).toHtmlEscaped();
        if (item.step > 0)
            line += QStringLiteral(" <a href=\"%1\">%2</a>").arg(item.step).arg(tr("(go to step %1)").arg(item.step));
        lines << line;
    }
    verdictLabel_->setText(QStringLiteral("<b>%1</b> ").arg(tr("Verdict:")) + lines.join(QStringLiteral("<br>")));
}

QStringList StoryPanel::texts() const {
    QStringList out;
    for (int i = 0; i < list_->count(); ++i) out << list_->item(i)->text();
    return out;
}

void StoryPanel::rebuild() {
    const std::string listing = view_.scenario ? view_.scenario->listing : std::string();
    if (view_.model != tellerModel_ || listing != tellerListing_) {
        tellerModel_ = view_.model;
        tellerListing_ = listing;
        teller_ = tellerModel_ ? std::make_unique<StoryTeller>(*tellerModel_, listing) : nullptr;
    }
    list_->clear();
    current_ = 0;
    summary_.clear();
    if (!teller_ || !view_.trace || view_.cursor == 0) {
        auto* item =
            new QListWidgetItem(view_.trace ? tr("Step forward (F10): each step is told here.")
                                            : tr("Load a scenario and step: each step is told here."),
                                list_);
        item->setFlags(Qt::ItemIsEnabled);
        item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        return;
    }
    const TraceModel& model = *tellerModel_;
    const std::uint32_t last = std::min<std::uint32_t>(view_.cursor, model.steps());
    const std::uint32_t first = last > kStepsBefore ? last - kStepsBefore : 1;
    QFont bold = list_->font();
    bold.setBold(true);
    // A tint of the selection colour: the cursor step stands out without looking selected line by line.
    QColor highlight = palette().color(QPalette::Highlight);
    highlight.setAlpha(40);
    QListWidgetItem* cursorHeader = nullptr;
    const QStringList lines = QString::fromStdString(listing).split(QLatin1Char('\n'));
    // Telling the steps in order lets the teller go on from where it stopped.
    for (std::uint32_t step = first; step <= last; ++step) {
        auto* header = new QListWidgetItem(StoryText::header(step, model, lines), list_);
        header->setFont(bold);
        header->setData(StepRole, step);
        const bool atCursor = step == last;
        if (atCursor) {
            cursorHeader = header;
            header->setBackground(highlight);
        }
        for (const StorySentence& s : teller_->storyOf(step)) {
            if (!view_.showInternals && s.hiddenWithInternals()) continue;
            // Indented under the header, so a wrapped sentence still reads as part of its step.
            const QString text = StoryText::sentence(s, model, view_.showInternals);
            if (atCursor && summary_.isEmpty()) summary_ = text;
            auto* item = new QListWidgetItem(QStringLiteral("    ") + text, list_);
            item->setData(StepRole, step);
            if (atCursor) item->setBackground(highlight);
        }
    }
    current_ = last;
    if (cursorHeader) {
        const QSignalBlocker block(list_);
        list_->setCurrentItem(cursorHeader);
    }
    scrollToCursor();
}

void StoryPanel::scrollToCursor() {
    if (current_ == 0 || list_->count() == 0) return;
    QListWidgetItem* header = nullptr;
    for (int i = list_->count() - 1; i >= 0; --i) {
        if (list_->item(i)->data(StepRole).toUInt() != current_) break;
        header = list_->item(i);
    }
    // The list lays its items out lazily: without this the scroll would use the heights of before a rewrap.
    list_->doItemsLayout();
    list_->scrollToItem(list_->item(list_->count() - 1));
    if (header) list_->scrollToItem(header);
}

bool StoryPanel::eventFilter(QObject* watched, QEvent* event) {
    // A narrower or wider panel rewraps the sentences and moves them: the cursor step must stay in sight.
    // Once the resize is done (queued), as the list rewraps its items only then.
    if (watched == list_->viewport() && event->type() == QEvent::Resize)
        QMetaObject::invokeMethod(
            this, [this] { scrollToCursor(); }, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

void StoryPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        rebuild();
        rebuildVerdict();
    }
    QWidget::changeEvent(event);
}

}  // namespace lockstep::app
