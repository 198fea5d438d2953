"""What fact rules see of one article: its sentences with their mentions, values and dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from policykg.ingest.entities import Entities
from policykg.ingest.models import Article, Mention
from policykg.korean.dates import find_dates
from policykg.korean.spans import DateSpan, Sentence, Value
from policykg.korean.values import find_values

GOVERNMENT_CLASSES = {
    "GovernmentBody",
    "Ministry",
    "PublicAgency",
    "GovernmentCommittee",
    "Legislature",
    "LegislativeCommittee",
    "LocalGovernment",
}
ORG_CLASSES = GOVERNMENT_CLASSES | {
    "Organization",
    "Company",
    "Association",
    "ResearchInstitute",
    "University",
    "PoliticalParty",
    "Consortium",
    "NewsPublisher",
}
TEAM_CLASSES = {"Company", "ResearchInstitute", "University", "Consortium", "Organization"}
_ANAPHORA = re.compile(r"(이번|이|해당|본|동|같은)\s*(사업|프로젝트|펀드)|사업\s*예산|이들\s*정예팀|정예팀")
_LIKELY = re.compile(r"가능성|전망|예상|유력|관측|검토|보인다")
_PLANNED = re.compile(
    r"계획|예정|방침|추진한다|추진할|할 것|나선다|나설|목표|하기로|착수한다|조성한다|지원한다|투입된다|사용된다|쓰인다"
)
_DECIDED = re.compile(r"배정|편성|확정|선정|선발|제시|확보|의결|통과")
_DONE = re.compile(r"(?:했|됐|였|었)(?:다[.\"”']*$|으나|지만|고\b)")
_CONTRAST = re.compile(r"^\S*\s*(?:과|와)\s*(?:달리|다르게|비교)")
_OTHER_PROGRAMME = re.compile(r"(?:비슷한|유사한|유사|다른|별도의?|기존)\s*(?:사업|프로젝트|과제)")


@dataclass
class SentenceView:
    sentence: Sentence
    mentions: list[Mention]
    values: list[Value]  # offsets relative to the sentence
    dates: list[DateSpan]  # offsets relative to the sentence

    @property
    def text(self) -> str:
        return self.sentence.text

    def of_class(self, classes: set[str]) -> list[Mention]:
        return [m for m in self.mentions if m.cls in classes]

    def programmes(self) -> list[Mention]:
        return [m for m in self.mentions if m.cls == "Programme"]

    def local(self, mention: Mention) -> tuple[int, int]:
        return mention.start - self.sentence.start, mention.end - self.sentence.start

    def followed_by(self, mention: Mention, pattern: str) -> bool:
        return bool(re.match(pattern, self.text[self.local(mention)[1] :]))


@dataclass
class ArticleContext:
    article: Article
    views: list[SentenceView]
    entities: Entities
    last_programme: dict[int, Mention] = field(default_factory=dict)  # sentence → programme in scope
    sole_programme: Mention | None = None  # when the article names one programme only, it is the topic

    @property
    def published(self) -> date | None:
        return self.article.published

    def programme_for(self, view: SentenceView, anaphora_only: bool = True) -> Mention | None:
        """The programme a sentence is about: named in it, or referred back to ('이 사업', '정예팀')."""
        named = view.programmes()
        if named:
            return named[0]
        if _OTHER_PROGRAMME.search(view.text):  # '지난해에도 비슷한 사업에 …': some other programme
            return None
        # The article's only programme is its topic, but a quoted remark is not assumed to be about it.
        if (
            self.sole_programme is not None
            and view.sentence.index >= self.sole_programme.sentence
            and not re.search(r"[“”\"]", view.text)
        ):
            return self.sole_programme
        previous = self.last_programme.get(view.sentence.index)
        if previous and (not anaphora_only or _ANAPHORA.search(view.text)):
            return previous
        return None


def modality(text: str) -> str:
    if _LIKELY.search(text):
        return "likely"
    if _PLANNED.search(text):
        return "planned"
    if _DECIDED.search(text):
        return "decided"
    return "done" if _DONE.search(text) else "decided"


def year_of(span: DateSpan) -> int | None:
    """The year a span names when it is a whole year ('2026년', '올해', '내년')."""
    if (
        span.begin
        and span.end
        and span.begin.year == span.end.year
        and (span.begin.month, span.begin.day) == (1, 1)
        and (span.end.month, span.end.day) == (12, 31)
    ):
        return span.begin.year
    return None


def build_context(article: Article, sentences: list[Sentence], entities: Entities) -> ArticleContext:
    views = []
    last: Mention | None = None
    last_by_sentence: dict[int, Mention] = {}
    for s in sentences:
        views.append(
            SentenceView(s, entities.in_sentence(s.index), find_values(s.text), find_dates(s.text, article.published))
        )
        if last is not None:
            last_by_sentence[s.index] = last
        view = views[-1]
        # A programme named only in contrast ('…사업과 달리') is not what the next sentences are about.
        topical = [m for m in view.programmes() if not _CONTRAST.match(view.text[view.local(m)[1] :])]
        if topical:
            last = topical[-1]
    named: dict[str, Mention] = {}
    for m in entities.mentions:  # each programme at its first mention: the topic from there on
        if m.cls == "Programme":
            named.setdefault(m.iri, m)
    sole = next(iter(named.values())) if len(named) == 1 else None
    return ArticleContext(article, views, entities, last_by_sentence, sole)
