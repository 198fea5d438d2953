"""Answer a Korean question from the graph: facts first (exact values, sums, timelines, several figures
with their dates), sentences when the graph holds no fact, and "no evidence" rather than a guess."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import neo4j

from policykg.bot import numbers, parts, reader
from policykg.bot.combine import Part, combine, listed_total
from policykg.bot.english import korean_reading
from policykg.bot.examples import josa, josa_ro
from policykg.bot.facts import Evidence, FactView, facts_about, facts_of_kind
from policykg.bot.followup import Turn, leans_on_context, named, resolve
from policykg.bot.models import Answer, Citation
from policykg.bot.need import Need, analyse_need, implied_unit
from policykg.bot.rank import OVERRULE_MARGIN, THRESHOLD, Candidate, same_unit
from policykg.bot.understand import Catalogue, Question, analyse_question, is_the_state, post_matches
from policykg.graph import cypher
from policykg.korean.sentences import tokens_of
from policykg.korean.values import find_values
from policykg.ontology.neo4j_names import Label, Prop, Rel
from policykg.ontology.registry import name_key

ABSTAIN = "자료에서 근거를 찾지 못했습니다."
NO_CONTEXT = "앞선 질문을 이어받는 질문인데, 이어받을 대화가 없습니다. 무엇에 대한 질문인지 넣어 다시 물어 주세요."
# Questions are short; a longer text is refused before Kiwi and retrieval see it (100 KB took minutes).
MAX_QUESTION_CHARS = 500
USAGE_HINT = '질문을 입력해 주세요. 예: "독자 AI 파운데이션 모델 프로젝트 정예팀은 어디야?"'
TOO_LONG = "질문이 너무 깁니다({n:,}자). {limit}자 이내로 줄여서 다시 물어 주세요."
STAGE_KO = {
    "proposal": "예산안",
    "supplementary": "추경",
    "enacted": "확정 예산",
    "executed": "집행 예산",
    "investment": "출자",
    "plan": "사업비 총액",
}
# Who a word in a question means as payer: '공공 부문이 출자하는' is the state's share.
PAYER_WORDS = {"민간": "민간", "공공": "대한민국 정부", "정부": "대한민국 정부", "국비": "대한민국 정부"}
_CONTENT_TAGS = ("NNG", "NNP", "SL", "SN", "XR", "VV", "VA")
_NOUN_TAGS = ("NNG", "NNP", "SL", "SN", "XR")
_STOP = {"얼마", "누구", "어디", "무엇", "예산", "사업", "금액", "규모", "은", "는"}
# Words that only say what kind of answer is wanted; the rest of a question must be in its evidence.
_ASKING = {
    "얼마",
    "얼마야",
    "얼마인가",
    "얼마였",
    "예산",
    "금액",
    "규모",
    "사업",
    "프로젝트",
    "돈",
    "수",
    "몇",
    "어디",
    "누구",
    "되",
    "하",
    "있",
    "이",
    "것",
    "무엇",
    "어떻",
    "어느",
    "값",
    "지원",
    # how money is said to be put in: the evidence may say 편성 where the question says 투입
    "투입",
    "투자",
    "편성",
    "배정",
    "책정",
    "들이",
    "쓰",
    # what a post is called: the evidence names the post, not the word for it
    "직책",
    "직위",
    "직함",
    "자리",
    "이름",
}


@dataclass
class Result:
    lines: list[str]
    facts: list[FactView]
    cypher: list[str] = field(default_factory=list)
    quotes: list[Evidence] = field(default_factory=list)  # sentence-level evidence when no fact carries it


def need_of(question: Question) -> Need:
    """The answer a question expects, read with the names of the entities it links; the publishers it names are
    the reports it asks about."""
    return analyse_need(
        question.text,
        tuple(e.name for e in question.entities),
        tuple(e.surface for e in question.entities),
        tuple(e.name for e in question.of(Label.NewsPublisher)),
    )


def in_asked_unit(need: Need, result: Result) -> bool:
    """A figure answers in the unit asked: a percentage for '몇 퍼센트', a count in a like counter for '몇 곳' (a
    counter only implied, '정예팀의 성능 수준은?', constrains nothing)."""
    values = [f for f in result.facts if f.value is not None]
    if need.type == "percent":
        return all(f.unit == "%" and not f.currency for f in values)
    if need.type == "count" and need.unit and re.search(r"몇\s*" + re.escape(need.unit), need.text):
        return all(f.unit and not f.currency and same_unit(f.unit, need.unit) for f in values)
    return True


def content_words(text: str, nouns_only: bool = False) -> set[str]:
    tokens = tokens_of(text)
    tags = _NOUN_TAGS if nouns_only else _CONTENT_TAGS
    return {text[t.start : t.end] for t in tokens if t.tag in tags and text[t.start : t.end] not in _STOP}


def overlap(question_words: set[str], text: str) -> float:
    return sum(1 for w in question_words if w in text) / len(question_words) if question_words else 0.0


class Bot:
    def __init__(self, driver: neo4j.Driver, database: str = "neo4j") -> None:
        self.driver, self.database = driver, database
        self.catalogue = Catalogue(driver, database)

    def ask(self, text: str, history: Sequence[Turn] = ()) -> Answer:
        """The answer to `text`; with `history` (the conversation's earlier turns, oldest first) a follow-up
        question ('그 기관은?', '그럼 2026년은?') is first made to stand alone (bot/followup.py)."""
        length = len(text.strip())
        if not length or length > MAX_QUESTION_CHARS:
            message = TOO_LONG.format(n=length, limit=MAX_QUESTION_CHARS) if length else USAGE_HINT
            return Answer(question=text, answer=message, abstained=True, citations=[], facts=[], cypher=[])
        question = self.understand(text.strip(), history)
        if not history and leans_on_context(question.text, question.entities):
            return Answer(question=text, answer=NO_CONTEXT, abstained=True, citations=[], facts=[], cypher=[])
        answer = self.in_parts(text, question) or self.answer(text, question)
        return answer.model_copy(
            update={
                "resolved": answer.resolved or (question.text if question.text != text.strip() else None),
                "entities": named(question.entities, answer, lambda line: self.catalogue.link(line, partial=False)),
            }
        )

    def understand(self, text: str, history: Sequence[Turn] = ()) -> Question:
        """The question as it will be answered: an English one as the Korean question it asks, a follow-up made to
        stand alone; its text is that reading."""
        english = korean_reading(text, self.catalogue.latin_names)
        question = analyse_question(english or text, self.catalogue)
        resolved = resolve(question.text, question.entities, history)
        return question if resolved == question.text else analyse_question(resolved, self.catalogue)

    def in_parts(self, text: str, question: Question) -> Answer | None:
        """A question asking for several things ('기종이랑 수량은?', 'A랑 B 합치면?'), answered part by part."""
        need = need_of(question)
        unit = implied_unit(question.text)
        split = parts.ratio(question.text, f"몇 {unit}이야?" if unit else "얼마야?") if need.type == "percent" else None
        if split is None:
            asking = f"몇 {need.unit}이야?" if need.type == "count" and need.unit else "얼마야?"
            split = parts.split(question.text, asking)
        if split is None or (split.mode not in ("each", "ratio") and need.type not in ("money", "count")):
            return None
        # '참여하는 대학·기업은?' asks for the bodies of both kinds, not for one answer per kind
        if split.mode == "each" and "각각" not in question.text and need.type in ("org", "list", "person", "place"):
            return None
        read = []
        for item, anchor, text_of_part in zip(split.items, split.anchors, split.questions, strict=True):
            sub = self.understand(text_of_part)
            sub_need = need_of(sub)
            found, ranked = self.read(sub, sub_need)
            read.append(Part(item, anchor, ranked, found.cites, sub_need.type))
        return combine(text, split, read)

    def answer(self, text: str, question: Question) -> Answer:
        # A question about a body no article mentions is outside the evidence, whatever else it names.
        if question.outside_articles:
            return Answer(question=text, answer=ABSTAIN, abstained=True, citations=[], facts=[], cypher=[])
        need = need_of(question)
        question.answer_type = need.type
        result = self.from_facts(question, need)
        read = None
        if result is not None:
            read = self.read(question, need) if any(reader.fact_key(f) for f in result.facts) else None
            if read is None or not overruled(result, read[1]):
                return compose(text, result)
        # No graph fact answers: read the answer from the retrieved sentences, or show the closest ones.
        found, ranked = read or self.read(question, need)
        return listed_total(text, need, found, ranked) or reader.compose(text, need, found, ranked, ABSTAIN)

    def from_facts(self, question: Question, need: Need) -> Result | None:
        """The answer of the handler for the question's kind, when it is of the type the question asks for and
        the graph's facts give one that covers the question's own words."""
        if need.type not in ANSWER_TYPES.get(question.kind, ANSWER_TYPES["which"]):
            return None
        words = content_words(question.text)
        result = HANDLERS.get(question.kind, answer_which)(self, question, words)
        if result is not None and question.kind in COVERED_KINDS and not covers(question, words, result):
            return None
        return result if result is None or in_asked_unit(need, result) else None

    def read(self, question: Question, need: Need) -> tuple[reader.Evidenced, list[Candidate]]:
        """The retrieval-first reader: typed spans from the retrieved sentences, ranked."""
        # the state as a whole ('한국 정부') is behind every policy article: it anchors a question to none of them;
        # a publisher names whose report is asked about (need.sources), not what the report is about
        named = [e for e in question.entities if not is_the_state(e.iri) and not e.has(Label.NewsPublisher)]
        found = reader.retrieve(self.driver, self.database, question.text, need, [e.iri for e in named])
        forms: dict[str, set[str]] = {}
        for e in named:
            forms.setdefault(e.iri, set()).update(name_key(f) for f in (e.name, e.surface) if len(name_key(f)) >= 2)
        reader.named_in_text(found, forms)
        return found, reader.candidates(found, need, {e.iri for e in named})

    def facts(self, kind: str, anchors: list[str], stage: str | None = None) -> list[FactView]:
        if anchors:
            return facts_about(self.driver, self.database, kind, anchors)
        return facts_of_kind(self.driver, self.database, kind, stage)


def overruled(result: Result, ranked: list[Candidate]) -> bool:
    """A handler's figure gives way to the reader's when the reader, reading the same question, ranks another
    figure far above it ('…디지털 의료 분야 국비' answered by a region's whole 국비 fact, while a sentence states
    the field's own figure). A figure the reader does not find at all tells nothing either way."""
    values = {k for f in result.facts if (k := reader.fact_key(f))}
    if not ranked or ranked[0].span.key in values or ranked[0].score < THRESHOLD:
        return False
    own = max((c.score for c in ranked if c.span.key in values), default=None)
    return own is not None and ranked[0].score - own >= OVERRULE_MARGIN


# --- scoring ------------------------------------------------------------------------------------------
def year_score(q: Question, fact: FactView) -> float:
    year = fact.props.get(Prop.fiscal_year)
    wanted = list(q.years)
    if q.relative_year is not None and fact.as_of:
        wanted.append(fact.as_of.year + q.relative_year)
    if not wanted:
        return 0.0
    if year is None:
        return -0.5
    return 2.0 if year in wanted else -3.0


def amount_score(q: Question, fact: FactView, words: set[str]) -> float:
    score = 0.0
    programmes = {e.iri for e in q.of(Label.Programme)}
    orgs = {e.iri for e in q.entities if not e.has(Label.Programme)}
    if programmes:
        score += 3.0 if programmes & set(fact.iris(Rel.FOR_PROGRAMME)) else -2.0
    if orgs:
        score += 2.0 if orgs & set(fact.iris(Rel.PAYER) + fact.iris(Rel.RECIPIENT)) else -0.5
    if q.stage:
        score += 3.0 if fact.props.get(Prop.stage) == q.stage else -2.0
    score += year_score(q, fact)
    payers = fact.names(Rel.PAYER)
    for word in q.payer_words:
        score += 3.0 if PAYER_WORDS.get(word, word) in payers else -1.5
    purpose = str(fact.props.get(Prop.purpose) or "")
    # Words of the programme's own name say nothing about which part of its budget is meant.
    rest = q.text
    for entity in q.entities:
        rest = rest.replace(entity.surface, " ")
    purpose_hit = (
        overlap(content_words(purpose) - content_words(" ".join(e.name for e in q.entities)), rest) if purpose else 0.0
    )
    score += 3.0 * purpose_hit
    if fact.is_part:
        score += -2.0 if q.wants_total else (-1.5 if purpose_hit < 0.3 and not q.payer_words else 0.0)
    elif q.wants_total:
        score += 1.0
    score += 2.0 * max((overlap(words, e.text) for e in fact.evidence), default=0.0)
    return score


def covers(q: Question, words: set[str], result: Result) -> bool:
    """Half the question's own nouns (beyond names and asking words) must be in each answered fact's evidence:
    '…전기요금은 얼마야?' is not answered by a sentence about an investment that never mentions electricity.
    Verbs are left out: '들어가는 돈' may be stated as '투입' or '지원'."""
    names = content_words(" ".join(e.name + " " + e.surface for e in q.entities))
    specific = {w for w in content_words(q.text, nouns_only=True) - names - _ASKING if len(w) > 1 or w.isdigit()}
    if not specific:
        return True

    def enough(haystack: str) -> bool:
        return sum(1 for w in specific if w in haystack) >= 0.5 * len(specific)

    # each figure answered on its own evidence: two differing figures do not pool their sentences' words
    if result.facts:
        return all(
            enough(" ".join([e.text for e in f.evidence] + [str(f.props.get(Prop.purpose) or "")]))
            for f in result.facts
        )
    return enough(" ".join(e.text for e in result.quotes))


def best(facts: list[FactView], score: dict[str, float]) -> list[FactView]:
    """The top-scoring facts; several only when they state different values (articles disagree)."""
    if not facts:
        return []
    ranked = sorted(facts, key=lambda f: (-score[f.iri], -(f.as_of.toordinal() if f.as_of else 0), f.iri))
    top = score[ranked[0].iri]
    tied = [f for f in ranked if score[f.iri] >= top - 0.25]
    distinct: dict[object, FactView] = {}
    sources: set[str] = set()
    for f in tied:
        # one article does not disagree with itself: its other figures are other things (last year's, the rise)
        own = {e.source_id for e in f.evidence}
        if f.value not in distinct and not own & sources:
            distinct[f.value] = f
            sources |= own
    return sorted(distinct.values(), key=lambda f: -(f.as_of.toordinal() if f.as_of else 0))


# --- handlers -------------------------------------------------------------------------------------------
def anchors_of(q: Question, labels: tuple[str, ...] = (Label.Programme,)) -> list[str]:
    chosen = [e.iri for e in q.entities if any(e.has(label) for label in labels)]
    return chosen or [e.iri for e in q.entities]


def describe_funding(f: FactView) -> str:
    parts = [", ".join(f.names(Rel.FOR_PROGRAMME)), ", ".join(f.names(Rel.PAYER))]
    if f.props.get(Prop.fiscal_year):
        parts.append(f"{f.props[Prop.fiscal_year]}년")
    if f.props.get(Prop.stage):
        parts.append(STAGE_KO.get(f.props[Prop.stage], f.props[Prop.stage]))
    if f.props.get(Prop.purpose):
        parts.append(f"용도: {f.props[Prop.purpose]}")
    return " · ".join(p for p in parts if p)


def answer_amount(bot: Bot, q: Question, words: set[str]) -> Result | None:
    if not q.entities and not q.stage:
        return None  # naming nothing the graph knows, the question is the reader's: no scan of every amount
    candidates = [f for f in bot.facts(Label.FundingFact, anchors_of(q), q.stage) if f.value is not None]
    if not candidates:
        return None
    score = {f.iri: amount_score(q, f, words) for f in candidates}
    chosen = best(candidates, score)
    if score[chosen[0].iri] < 1.0:
        return None
    if len(chosen) == 1:
        f = chosen[0]
        lines = [f"{numbers.money(f.value, f.currency or 'KRW', f.qualifier)}입니다.", f"— {describe_funding(f)}"]  # type: ignore[arg-type]
    else:
        first = chosen[0]
        lines = [
            f"{numbers.money(first.value, first.currency or 'KRW', first.qualifier)}입니다"  # type: ignore[arg-type]
            f" (기사마다 수치가 다릅니다. 최신 순으로 보입니다)."
        ]
        lines += [
            f"— {numbers.money(f.value, f.currency or 'KRW', f.qualifier)}: {describe_funding(f)}"  # type: ignore[arg-type]
            f" ({f.as_of or '날짜 미상'})"
            for f in chosen
        ]
    return Result(lines, chosen, [cypher.FACTS_ABOUT])


def _programmes_of_team(bot: Bot, q: Question) -> Result | None:
    """'SKT는 어떤 사업의 정예팀으로 선정됐어?': the programmes a named team was selected for (or left)."""
    teams = [e.iri for e in q.entities if not e.has(Label.Programme) and not e.has(Label.Person)]
    outcome = q.outcome or "selected"
    facts = [
        f
        for f in bot.facts(Label.SelectionFact, teams)
        if f.props.get(Prop.outcome) == outcome and set(f.iris(Rel.TEAM)) & set(teams)
    ]
    if not facts:
        return None
    programmes = list(dict.fromkeys(name for f in facts for name in f.names(Rel.FOR_PROGRAMME)))
    verb = "탈락" if outcome == "eliminated" else "선정"
    return Result(
        [f"{', '.join(programmes)}입니다.", f"— {', '.join(facts[0].names(Rel.TEAM))}: {verb}"],
        facts,
        [cypher.FACTS_ABOUT],
    )


def answer_selection(bot: Bot, q: Question, words: set[str]) -> Result | None:
    programmes = [e.iri for e in q.of(Label.Programme)]
    if not programmes:
        return _programmes_of_team(bot, q) if q.entities else None
    if q.answer_type == "name":
        return None  # '업스테이지가 내세운 모델 이름' asks for a name, not for the programme's teams
    outcome = q.outcome or "selected"
    facts = [f for f in bot.facts(Label.SelectionFact, programmes) if f.props.get(Prop.outcome) == outcome]
    if not facts:
        return None
    teams = list(dict.fromkeys(name for f in facts for name in f.names(Rel.TEAM)))
    stated = [int(v.value) for v in find_values(q.text) if v.value is not None and v.unit in ("팀", "곳", "개")]
    if stated and len(teams) != stated[0]:
        # '최종 5개 정예팀': the selection of the latest report, if that is the number the question states
        latest = max((f.as_of for f in facts if f.as_of), default=None)
        facts = [f for f in facts if f.as_of == latest]
        teams = list(dict.fromkeys(name for f in facts for name in f.names(Rel.TEAM)))
        if len(teams) != stated[0]:
            return None
    verb = "탈락" if outcome == "eliminated" else "선정"
    programme = facts[0].names(Rel.FOR_PROGRAMME)[0]
    when = max((f.as_of for f in facts if f.as_of), default=None)
    return Result(
        [
            f"{', '.join(teams)} ({len(teams)}곳)입니다.",
            f"— {programme}에서 {verb}" + (f" ({when} 보도 기준)" if when else ""),
        ],
        facts,
        [cypher.FACTS_ABOUT],
    )


def _posts_of_person(bot: Bot, q: Question) -> Result | None:
    people = [e.iri for e in q.of(Label.Person)]
    facts = sorted(bot.facts(Label.PostHolding, people), key=lambda f: -(f.as_of.toordinal() if f.as_of else 0))
    if not facts:
        return None
    latest = facts[0]
    lines = [
        f"{latest.names(Rel.HELD_BY)[0]}: {latest.props.get(Prop.post)}입니다"
        + (f" ({latest.as_of} 보도 기준)." if latest.as_of else ".")
    ]
    lines += [f"— 이전 보도: {f.props.get(Prop.post)} ({f.as_of or '날짜 미상'})" for f in facts[1:]]
    return Result(lines, facts, [cypher.FACTS_ABOUT])


def _holders(bot: Bot, org_iris: list[str], posts: list[str]) -> list[FactView]:
    facts = bot.facts(Label.PostHolding, org_iris)
    matching = [
        f
        for f in facts
        if set(f.iris(Rel.IN_ORGANIZATION)) & set(org_iris)
        and (not posts or post_matches(str(f.props.get(Prop.post)), posts))
    ]
    return sorted(matching, key=lambda f: -(f.as_of.toordinal() if f.as_of else 0))


def answer_who(bot: Bot, q: Question, words: set[str]) -> Result | None:
    if q.of(Label.Person) and not q.posts:
        return _posts_of_person(bot, q)
    org_iris = [e.iri for e in q.entities if not e.has(Label.Programme) and not e.has(Label.Person)]
    hops: list[FactView] = []
    if q.outcome and q.of(Label.Programme):  # 'the CEO of the company that was eliminated from 독파모'
        hops = [
            f
            for f in bot.facts(Label.SelectionFact, [e.iri for e in q.of(Label.Programme)])
            if f.props.get(Prop.outcome) == q.outcome
        ]
        org_iris = [iri for f in hops for iri in f.iris(Rel.TEAM)]
    if not org_iris:
        return None
    holders = _holders(bot, org_iris, q.posts)
    if re.search(r"소감|말했|밝힌|발언|언급", q.text):  # only those the articles quote
        quoted = {
            f.iris(Rel.SAID_BY)[0]
            for f in bot.facts(Label.Quote, [iri for h in holders for iri in h.iris(Rel.HELD_BY)])
        }
        holders = [h for h in holders if set(h.iris(Rel.HELD_BY)) & quoted] or holders
    if not holders:
        return None
    names = list(dict.fromkeys(h.names(Rel.HELD_BY)[0] for h in holders))
    # several holders (one post over time, or several posts): all of them, latest report first, each dated below
    lines = [f"{', '.join(names)}입니다."]
    lines += [
        f"— {h.names(Rel.HELD_BY)[0]}: {', '.join(h.names(Rel.IN_ORGANIZATION))} {h.props.get(Prop.post)}"
        f" ({h.as_of or '날짜 미상'})"
        for h in holders
    ]
    return Result(lines, holders + hops, [cypher.FACTS_ABOUT])


def answer_payer(bot: Bot, q: Question, words: set[str]) -> Result | None:
    """'X에 돈을 대는 부처는 어디야?': the payers of the programme's funding facts, whole budgets first."""
    facts = [
        f
        for f in bot.facts(Label.FundingFact, anchors_of(q))
        if f.names(Rel.PAYER) and set(f.iris(Rel.FOR_PROGRAMME)) & {e.iri for e in q.of(Label.Programme)}
    ]
    if not facts:
        return None
    facts.sort(key=lambda f: (f.is_part, f.iri))
    payers = list(dict.fromkeys(name for f in facts for name in f.names(Rel.PAYER)))
    lines = [f"{', '.join(payers)}입니다."]
    lines += [
        f"— {', '.join(f.names(Rel.PAYER))}: {numbers.money(f.value, f.currency or 'KRW', f.qualifier)}"
        f" ({describe_funding(f)})"
        for f in facts
        if f.value is not None
    ]
    return Result(lines, facts, [cypher.FACTS_ABOUT])


def answer_post(bot: Bot, q: Question, words: set[str]) -> Result | None:
    return _posts_of_person(bot, q) if q.of(Label.Person) else answer_who(bot, q, words)


def answer_transfer(bot: Bot, q: Question, words: set[str]) -> Result | None:
    if not q.entities:
        return None
    facts = bot.facts(Label.TransferFact, anchors_of(q))
    if not facts:
        return None
    f = facts[0]
    to, src = ", ".join(f.names(Rel.TO_ORG)), ", ".join(f.names(Rel.FROM_ORG))
    likely = {
        "likely": "이관될 가능성이 큽니다",
        "planned": "이관될 예정입니다",
        "decided": "이관이 결정됐습니다",
        "done": "이관됐습니다",
    }.get(str(f.props.get(Prop.modality)), "이관됩니다")
    lines = [f"{josa_ro(to)} {likely}."]
    if src:
        lines.append(f"— {', '.join(f.names(Rel.FOR_PROGRAMME))}: {src} → {to}")
    return Result(lines, [f], [cypher.FACTS_ABOUT])


def near(words: set[str], f: FactView) -> float:
    """How many question words stand right around the value in its sentence ('최종 2팀만이 남게 된다')."""
    for ev in f.evidence:
        at = ev.text.find(f.surface or "\0")
        if at >= 0:
            return overlap(words, ev.text[max(0, at - 12) : at + len(f.surface or "") + 12])
    return 0.0


def answer_quantity(bot: Bot, q: Question, words: set[str]) -> Result | None:
    if not q.entities:
        return None
    facts = [f for f in bot.facts(Label.QuantityFact, anchors_of(q)) if f.value is not None]
    if not facts:
        return None if q.kind == "count" else answer_amount(bot, q, words)

    def score(f: FactView) -> float:
        unit = f.unit or ""
        asked_unit = re.search(r"몇\s*(개\s*)?" + re.escape(unit), q.text) if unit and unit != "%" else None
        unit_hit = (
            1.0
            if asked_unit
            or (unit == "%" and re.search(r"성능|비율|%|퍼센트|수준", q.text))
            or (f.measure == "GPU" and "GPU" in q.text)
            else 0.0
        )
        measure_hit = 1.0 if f.measure and f.measure in q.text else 0.0
        text = max((overlap(words, e.text) for e in f.evidence), default=0.0)
        return 2 * unit_hit + measure_hit + 3 * text + 2 * near(words, f)

    chosen = max(facts, key=score)
    label = f" ({chosen.measure})" if chosen.measure and chosen.measure != chosen.unit else ""
    return Result(
        [f"{numbers.quantity(chosen.value, chosen.unit or '', chosen.qualifier)}입니다{label}."],  # type: ignore[arg-type]
        [chosen],
        [cypher.FACTS_ABOUT],
    )


def answer_trend(bot: Bot, q: Question, words: set[str]) -> Result | None:
    if not q.entities:
        return None
    facts = [
        f for f in bot.facts(Label.FundingFact, anchors_of(q)) if f.props.get(Prop.fiscal_year) and f.value is not None
    ]
    by_year: dict[int, FactView] = {}
    for f in sorted(facts, key=lambda f: -amount_score(q, f, words)):
        by_year.setdefault(int(f.props[Prop.fiscal_year]), f)
    if len(by_year) < 2:
        return None
    ordered = [by_year[y] for y in sorted(by_year)]
    steps = " → ".join(f"{f.props[Prop.fiscal_year]}년 {numbers.korean_amount(f.value)}원" for f in ordered)  # type: ignore[arg-type]
    return Result([steps, f"— {', '.join(ordered[0].names(Rel.FOR_PROGRAMME))}"], ordered, [cypher.FACTS_ABOUT])


def answer_sum(bot: Bot, q: Question, words: set[str]) -> Result | None:
    chosen = []
    for programme in q.of(Label.Programme):
        sub = Question(**{**q.__dict__, "entities": [programme]})
        result = answer_amount(bot, sub, words)
        if result:
            chosen.append(result.facts[0])
    if len(chosen) < 2:
        return None
    total = sum((f.value for f in chosen if f.value is not None), Decimal(0))
    lines = [f"합계 {numbers.money(total)}입니다."]
    lines += [f"— {', '.join(f.names(Rel.FOR_PROGRAMME))}: {numbers.money(f.value)}" for f in chosen]  # type: ignore[arg-type]
    return Result(lines, chosen, [cypher.FACTS_ABOUT])


def answer_compare(bot: Bot, q: Question, words: set[str]) -> Result | None:
    result = answer_sum(bot, q, words)
    if result is None:
        return None
    facts = sorted(result.facts, key=lambda f: -(f.value or 0))
    diff = (facts[0].value or Decimal(0)) - (facts[-1].value or Decimal(0))
    lines = [
        f"{josa(', '.join(facts[0].names(Rel.FOR_PROGRAMME)), '이', '가')} {numbers.korean_amount(diff)}원 더 많습니다."
    ]
    lines += result.lines[1:]
    return Result(lines, facts, result.cypher)


def answer_which(bot: Bot, q: Question, words: set[str]) -> Result | None:
    for handler in (answer_transfer, answer_selection):
        result = handler(bot, q, words)
        if result:
            return result
    return None


HANDLERS = {
    "amount": answer_amount,
    "payer": answer_payer,
    "selection": answer_selection,
    "who": answer_who,
    "post": answer_post,
    "transfer": answer_transfer,
    "quantity": answer_quantity,
    "count": answer_quantity,
    "trend": answer_trend,
    "sum": answer_sum,
    "compare": answer_compare,
    "which": answer_which,
    "when": answer_which,
}
COVERED_KINDS = {"amount", "quantity", "count", "which", "when"}
# The answer types (bot/need.py) each handler's answer is of: a handler answers only a question asking for one of
# them ('어느 건물에서 발표됐어?' mentions a selection but asks for a place; the reader takes it).
_NAMES = {"org", "list", "name", "other"}
ANSWER_TYPES: dict[str, set[str]] = {
    "amount": {"money", "other"},
    "payer": _NAMES | {"person"},  # '누가 지원해?' asks which body pays
    "selection": {"org", "list", "name", "other"},
    "who": {"person", "other"},
    "post": {"post", "name", "other"},
    "transfer": {"org", "place", "other"},
    "quantity": {"count", "percent", "money", "other"},
    "count": {"count", "percent", "other"},
    "trend": {"money", "other"},
    "sum": {"money", "other"},
    "compare": {"money", "org", "name", "other"},
    "which": _NAMES | {"place"},
    "when": _NAMES,
}


# --- composition ------------------------------------------------------------------------------------------
def compose(question: str, result: Result) -> Answer:
    citations: list[Citation] = []
    index: dict[tuple[str, int], int] = {}

    def cite(ev: Evidence) -> int:
        key = (ev.source_id, ev.start)
        if key not in index:
            index[key] = len(citations) + 1
            citations.append(ev.citation(index[key]))
        return index[key]

    marks = [f"[{cite(f.evidence[0])}]" for f in result.facts if f.evidence] + [f"[{cite(e)}]" for e in result.quotes]
    lines = list(result.lines)
    lines[0] = f"{lines[0]} {''.join(dict.fromkeys(marks))}".strip()
    facts = [
        {
            "iri": f.iri,
            "kind": f.kind,
            "value": str(f.value) if f.value is not None else None,
            "roles": {k: [n for _, n in v] for k, v in f.roles.items()},
            **{k: (v.iso_format() if hasattr(v, "iso_format") else v) for k, v in f.props.items() if k != Prop.iri},
        }
        for f in result.facts
    ]
    return Answer(
        question=question,
        answer="\n".join(lines),
        abstained=False,
        citations=citations,
        facts=facts,
        cypher=list(dict.fromkeys(result.cypher)),
    )
