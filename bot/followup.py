"""Follow-up questions: a question that leans on the conversation is rewritten, before it is answered, into one
that stands alone, from the entities the earlier turns named and answered with.

Three categories, read from Kiwi's tags and not from whole phrasings:
- a demonstrative pronoun ('그거', '거기', '그곳', '그분') or a determiner with a noun ('그 사업', '해당 기관',
  '이 사람', '그 예산') points at an entity of the kind its noun says;
- a fragment without a predicate or a question word ('NIA는?', '그럼 2026년은?', '국비는요?') keeps the previous
  question's ask and swaps in its terms: a date for a date, a payer for a payer, an entity for an entity of the
  same kind, otherwise the noun the previous question asked about;
- a question opened by a connective ('그럼 예산은 얼마야?') that names nothing continues the previous topic.
A question that names its own entity and points back at nothing stands alone and is left as it is."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from policykg.bot.models import Answer, Named
from policykg.bot.need import analyse_need
from policykg.bot.understand import PAYERS, Linked
from policykg.korean.dates import find_dates
from policykg.korean.sentences import Token, tokens_of
from policykg.korean.words import TITLES
from policykg.ontology.neo4j_names import Label

LOOK_BACK = 3  # turns searched for what a pronoun points at
# Demonstrative pronouns (Kiwi: NP) and the kind of entity each points at.
PRONOUNS = {
    **dict.fromkeys(("그거", "그것", "이거", "이것", "저거", "저것"), "thing"),
    **dict.fromkeys(("거기", "여기", "저기", "그곳", "이곳", "저곳", "그쪽", "이쪽"), "place"),
    **dict.fromkeys(("그분", "이분", "저분", "그", "그녀", "그이"), "person"),
}
DETERMINERS = ("그", "이", "저", "해당")
# Nouns after a determiner that say the kind of entity meant ('그 사업' is a programme); the titles of posts
# ('그 장관') mean people. A determiner before any other noun ('그 예산') points at the previous topic.
KIND_NOUNS = {
    **dict.fromkeys(("사업", "프로젝트", "과제", "계획", "정책", "프로그램", "공모"), "programme"),
    **dict.fromkeys(
        ("기관", "부처", "회사", "기업", "업체", "단체", "조직", "곳", "팀", "위원회", "협회", "재단", "지자체"),
        "organisation",
    ),
    **dict.fromkeys(("사람", "분", "인물", *TITLES), "person"),
    **dict.fromkeys(("법", "법안", "법률", "법령"), "law"),
}
# Nouns of time and position a determiner points at in the text, not at an entity ('그 가운데', '이 밖에').
NOT_REFERRING = {"가운데", "후", "전", "뒤", "다음", "동안", "당시", "밖", "외", "때"}
# Question words: a fragment has none ('NIA는?'), a question of its own has one ('NIA는 어디야?').
QUESTION_WORDS = {"누구", "무엇", "뭐", "어디", "언제", "왜", "어떤", "어느", "무슨", "몇", "얼마", "얼마나"}
_NOUN = ("NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XR", "XPN", "XSN")
_PREDICATE = ("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA")
# Pairs of particles that alternate with the final sound of the word before them.
_PARTICLES = {
    "은": ("은", "는"),
    "는": ("은", "는"),
    "이": ("이", "가"),
    "가": ("이", "가"),
    "을": ("을", "를"),
    "를": ("을", "를"),
    "과": ("과", "와"),
    "와": ("과", "와"),
    "으로": ("으로", "로"),
    "로": ("으로", "로"),
}
_CLOSED_DIGITS = set("0136789")  # 영 일 삼 육 칠 팔 구: read with a final consonant
_CLOSED_LATIN = set("lmnr")  # 엘 엠 엔 알
# find_dates needs a publication date to find relative dates ('내년'); only their place in the text is used here.
_ANY_DAY = date(2000, 1, 1)
_MAX_BARE_NOUNS = 2  # a fragment of more nouns without a connective is a new question ('프로야구 개막전 관중 수는?')


@dataclass(frozen=True)
class Turn:
    """One earlier exchange: the question as it was answered, the answer, and the entities both named."""

    question: str
    answer: str
    entities: tuple[Named, ...] = ()

    @classmethod
    def of(cls, answer: Answer) -> Turn:
        return cls(answer.resolved or answer.question, answer.answer, tuple(answer.entities))


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str  # for a reference: the entity kind it points at; for a term: time, payer, entity, attribute
    keeps_noun: bool = False  # '그 예산': only the determiner is replaced


def kind_of(labels: Sequence[str]) -> str:
    """The kind of entity a pronoun or a determiner's noun can point at."""
    for label, kind in (
        (Label.Person, "person"),
        (Label.Programme, "programme"),
        (Label.Policy, "programme"),
        (Label.Law, "law"),
        (Label.Place, "place"),
        (Label.Event, "event"),
    ):
        if label in labels:
            return kind
    return "organisation"


def _fits(wanted: str, kind: str) -> bool:
    if wanted == "any":
        return True
    if wanted == "thing":
        return kind != "person"
    if wanted in ("place", "organisation"):
        return kind in ("place", "organisation")
    return wanted == kind


def named(question: Sequence[Linked], answer: Answer, link: Callable[[str], list[Linked]]) -> list[Named]:
    """What the question named, then what the answer's first line named (a person, a body, a programme):
    the entities a later question may point back at."""
    found = [Named(iri=e.iri, name=e.name, labels=list(e.labels), surface=e.surface, answered=False) for e in question]
    if not answer.abstained:
        seen = {e.iri for e in question}
        first_line = answer.answer.split("\n", 1)[0]
        found += [
            Named(iri=e.iri, name=e.name, labels=list(e.labels), surface=e.surface, answered=True)
            for e in link(first_line)
            if e.in_graph and e.iri not in seen
        ]
    return found


def resolve(text: str, own: Sequence[Linked], history: Sequence[Turn]) -> str:
    """`text` standing alone: references to earlier turns replaced by what they point at, a fragment merged into
    the previous question. `text` itself when it stands alone already or nothing earlier fits. `own`: the
    entities `text` names (linked by the caller); `history`: the earlier turns, oldest first."""
    if not history:
        return text
    tokens = tokens_of(text)
    references = _references(text, tokens)
    resolved, inserted = _replace_references(text, tokens, references, history[-LOOK_BACK:])
    if resolved != text:
        tokens = tokens_of(resolved)
    entities = [(e.surface, kind_of(e.labels)) for e in own] + inserted
    opener = _connective_end(resolved, tokens)
    if _is_fragment(resolved, tokens):
        merged = _merge_fragment(resolved, tokens, entities, history[-1], bool(opener))
        return merged or resolved
    if opener and not entities:
        topic = _topic(history[-1])
        if topic:
            return f"{' '.join(e.name for e in topic)} {resolved[opener:].lstrip()}"
    return resolved


def leans_on_context(text: str, own: Sequence[Linked]) -> bool:
    """A follow-up that means nothing alone, naming no entity: opened by 그럼/그러면 as a bare noun phrase ('그럼
    국비는?'), or pointing back at something ('거기 올해 예산은?', '그 기관 원장은?'). Asked with no conversation
    before it, it has nothing to continue."""
    if own:
        return False
    tokens = tokens_of(text)
    return (bool(_connective_end(text, tokens)) and _is_fragment(text, tokens)) or bool(_references(text, tokens))


# --- references ----------------------------------------------------------------------------------------------
def _references(text: str, tokens: list[Token]) -> list[_Span]:
    spans: list[_Span] = []
    for i, t in enumerate(tokens):
        word = text[t.start : t.end]
        if t.tag == "NP" and word in PRONOUNS:
            after = tokens[i + 1] if i + 1 < len(tokens) else None
            if not (after and after.tag == "XSN"):  # '그들': a group, no one entity
                spans.append(_Span(t.start, t.end, PRONOUNS[word]))
        # Kiwi tags a determiner MM, '해당' NNG, and a '그' before a noun it does not expect sometimes IC
        elif word in DETERMINERS and t.tag in ("MM", "NNG", "IC") and i + 1 < len(tokens):
            noun = tokens[i + 1]
            head = text[noun.start : noun.end]
            plural = i + 2 < len(tokens) and tokens[i + 2].tag == "XSN" and text[tokens[i + 2].start] == "들"
            if noun.tag not in ("NNG", "NNP") or head in NOT_REFERRING or plural:  # '그 기업들': a group
                continue
            if head in KIND_NOUNS:
                spans.append(_Span(t.start, noun.end, KIND_NOUNS[head]))
            else:
                spans.append(_Span(t.start, t.end, "any", keeps_noun=True))
    return spans


def _referent(kind: str, turns: Sequence[Turn]) -> Named | None:
    """The entity of `kind` the latest turn that has one named: the answer's, when it named exactly one ('NIA'
    for '거기'), else the question's first; a pronoun of any kind takes the question's topic first."""
    for turn in reversed(turns):
        fitting = [e for e in turn.entities if _fits(kind, kind_of(e.labels))]
        asked = [e for e in fitting if not e.answered]
        answered = [e for e in fitting if e.answered]
        if kind not in ("any", "thing") and len(answered) == 1:
            return answered[0]
        if asked or answered:
            return (asked or answered)[0]
    return None


def _replace_references(
    text: str, tokens: list[Token], spans: list[_Span], turns: Sequence[Turn]
) -> tuple[str, list[tuple[str, str]]]:
    """`text` with each reference replaced by its referent's name, and the names put in with their kinds."""
    inserted: list[tuple[str, str]] = []
    for span in reversed(spans):  # from the end, so earlier offsets stay valid
        referent = _referent(span.kind, turns)
        if referent is None:
            continue
        tail = text[span.end :]
        if not span.keeps_noun and _particle_at(tokens, span.end):
            tail = _agree(referent.name, tail)
        text = text[: span.start] + referent.name + tail
        inserted.append((referent.name, kind_of(referent.labels)))
    return text, inserted


# --- fragments ---------------------------------------------------------------------------------------------
def _connective_end(text: str, tokens: list[Token]) -> int:
    """Where the connectives opening the question ('그럼', '그러면', '그리고') end; 0 when none."""
    end = 0
    for t in tokens:
        if t.tag != "MAJ":
            break
        end = t.end
    return end


def _is_fragment(text: str, tokens: list[Token]) -> bool:
    """A noun phrase with its particles and nothing else: no predicate, no question word."""
    has_noun = False
    for t in tokens:
        word = text[t.start : t.end]
        if t.tag.startswith(_PREDICATE) or word in QUESTION_WORDS:
            return False
        has_noun = has_noun or t.tag in _NOUN
    return has_noun


def _phrases(text: str, tokens: list[Token]) -> list[tuple[int, int, int]]:
    """(start, end, number of nouns) of each run of nouns, cut by particles and punctuation."""
    runs: list[tuple[int, int, int]] = []
    for t in tokens:
        if t.tag in _NOUN:
            if runs and not text[runs[-1][1] : t.start].strip():
                start, _, count = runs[-1]
                runs[-1] = (start, t.end, count + 1)
            else:
                runs.append((t.start, t.end, 1))
    return runs


def _find(surface: str, text: str) -> re.Match[str] | None:
    """`surface` in `text`, whatever the spacing, dots and case ('국가AI컴퓨팅센터' in '국가 AI 컴퓨팅센터')."""
    chars = [re.escape(c) for c in surface if not c.isspace()]
    return re.search(r"[\s.·]*".join(chars), text, re.IGNORECASE) if chars else None


def _terms(text: str, tokens: list[Token], entities: list[tuple[str, str]]) -> list[_Span] | None:
    """The fragment's terms by category (an entity's carries its kind): dates, payers, entities, and the rest of
    each noun phrase as the noun asked about. None when it stands alone, naming an entity and what it asks about
    it ('AI 반도체 실증 사업 투자액은?')."""
    dates = [(d.start, d.end_offset) for d in find_dates(text, _ANY_DAY)]
    terms = [_Span(start, end, "time") for start, end in dates]
    for start, end, _ in _phrases(text, tokens):
        for part_start, part_end in _outside(text, start, end, dates):
            phrase = text[part_start:part_end]
            named_here = [(m, kind) for m, kind in ((_find(e, phrase), kind) for e, kind in entities) if m]
            if PAYERS.fullmatch(phrase):
                terms.append(_Span(part_start, part_end, "payer"))
            elif named_here:
                m, kind = named_here[0]
                if (phrase[: m.start()] + phrase[m.end() :]).strip():
                    return None
                terms.append(_Span(part_start, part_end, f"entity:{kind}"))
            else:
                terms.append(_Span(part_start, part_end, "attribute"))
    kinds = {t.kind.split(":")[0] for t in terms}
    return None if {"entity", "attribute"} <= kinds else sorted(terms, key=lambda t: t.start)


def _outside(text: str, start: int, end: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of text[start:end] outside the cuts, without edge spaces ('올해 예산' less '올해' → '예산')."""
    bounds, at = [], start
    for cut_start, cut_end in sorted(cuts):
        if cut_start < end and start < cut_end:
            bounds.append((at, max(at, cut_start)))
            at = max(at, cut_end)
    bounds.append((at, end))
    parts = []
    for s, e in bounds:
        piece = text[s:e]
        if piece.strip():
            parts.append((s + len(piece) - len(piece.lstrip()), e - (len(piece) - len(piece.rstrip()))))
    return parts


def _merge_fragment(
    text: str, tokens: list[Token], entities: list[tuple[str, str]], last: Turn, opener: bool
) -> str | None:
    """The previous question with the fragment's terms swapped in ('그럼 국비는?' after '… 민간이 내는 돈은?'
    → '… 국비가 내는 돈은?'); a term with no counterpart there goes in front. None when the fragment stands
    alone."""
    terms = _terms(text, tokens, entities)
    if not terms:
        return None
    nouns = sum(count for _, _, count in _phrases(text, tokens))
    if {t.kind for t in terms} == {"attribute"} and not opener and nouns > _MAX_BARE_NOUNS:
        return None
    previous = last.question
    previous_tokens = tokens_of(previous)
    slots = _slots(previous, previous_tokens, last)
    replacements: dict[tuple[int, int], str] = {}
    prefix: list[str] = []
    for term in terms:
        word = text[term.start : term.end]
        free = [
            (start, end) for start, end, kind in slots if (start, end) not in replacements and _fills(term.kind, kind)
        ]
        slot = free[0] if free else None
        if slot is None:
            prefix.append(word)
        else:
            replacements[slot] = word
    end = _asked_end(previous, slots, replacements)
    cut = end < len(previous)
    previous = previous[:end]
    for (start, stop), word in sorted(replacements.items(), reverse=True):
        if stop > end:  # cut off with the previous ask: the term goes in front instead
            prefix.append(word)
        else:
            tail = previous[stop:]
            previous = previous[:start] + word + (_agree(word, tail) if _particle_at(previous_tokens, stop) else tail)
    return " ".join([*prefix, previous + ("?" if cut else "")])


def _asked_end(question: str, slots: list[tuple[int, int, str]], replacements: dict[tuple[int, int], str]) -> int:
    """Where the previous question's kept part ends. All of it, unless the noun asked about was replaced by one
    that wants another type of answer: '예산은?' after '… 소장은 누구야?' asks for money, not for a person, so
    the previous question is cut after the new noun and its particle ('… 예산은?')."""
    attribute = next(((s, e) for s, e, kind in slots if kind == "attribute" and (s, e) in replacements), None)
    if attribute is None:
        return len(question)
    wanted = analyse_need(replacements[attribute] + "은?").type
    if wanted == "other" or wanted == analyse_need(question).type:
        return len(question)
    particle = re.match(r"은|는|이|가", question[attribute[1] :])
    return attribute[1] + (particle.end() if particle else 0)


def _fills(term: str, slot: str) -> bool:
    """A date takes a date's place, a payer a payer's, an entity that of an entity of its kind."""
    if term.startswith("entity:") and slot.startswith("entity:"):
        return _fits(term.removeprefix("entity:"), slot.removeprefix("entity:"))
    return term == slot


def _slots(question: str, tokens: list[Token], turn: Turn) -> list[tuple[int, int, str]]:
    """(start, end, category) of each term of the previous question a fragment may replace: its dates, payer
    words, the entities it named, and the noun it asked about (before its last topic or subject particle)."""
    names = [m for e in turn.entities if not e.answered and (m := _find(e.surface, question))]
    payers = [
        m
        for m in PAYERS.finditer(question)  # '정부' inside a longer name is no payer; '민간' may be both
        if not any(n.start() <= m.start() and m.end() <= n.end() and n.group() != m.group() for n in names)
    ]
    slots = [(d.start, d.end_offset, "time") for d in find_dates(question, _ANY_DAY)]
    slots += [(m.start(), m.end(), "payer") for m in payers]
    slots += [
        (n.start(), n.end(), f"entity:{kind_of(e.labels)}")
        for e in turn.entities
        if not e.answered and (n := _find(e.surface, question)) and n.group() not in {m.group() for m in payers}
    ]
    asked = [
        t
        for t, particle in pairwise(tokens)
        if t.tag in _NOUN and particle.tag in ("JX", "JKS") and question[particle.start : particle.end] in _PARTICLES
    ]
    if asked:
        head = asked[-1]
        start = next(s for s, e, _ in _phrases(question, tokens) if s <= head.start < e)
        # the part of that noun phrase after any name, date or payer in it: '업스테이지 대표' → '대표'
        start = max([start, *(e for s, e, _ in slots if start <= e <= head.end)])
        while start < head.end and question[start].isspace():
            start += 1
        if start < head.end:
            slots.append((start, head.end, "attribute"))
    return slots


def _topic(turn: Turn) -> list[Named]:
    """What a turn was about: the entities its question named, else the one its answer named."""
    asked = [e for e in turn.entities if not e.answered]
    answered = [e for e in turn.entities if e.answered]
    return asked or answered[:1]


# --- particles ---------------------------------------------------------------------------------------------
def _closed(word: str) -> tuple[bool, bool]:
    """Whether `word` is read ending in a consonant, and whether that consonant is ㄹ (which takes '로')."""
    last = word.rstrip()[-1:] if word.strip() else ""
    if "가" <= last <= "힣":
        final = (ord(last) - ord("가")) % 28
        return final != 0, final == 8
    if last.isdigit():
        return last in _CLOSED_DIGITS, last in "178"
    return last.lower() in _CLOSED_LATIN, last.lower() in "lr"


def _particle_at(tokens: list[Token], offset: int) -> bool:
    """Whether a particle starts at `offset` ('이' of '그곳이', not of '그 사업이야')."""
    return any(t.start == offset and t.tag.startswith("J") for t in tokens)


def _agree(word: str, tail: str) -> str:
    """`tail` with the particle that opens it agreeing with `word` ('NIA' + '은' → 'NIA는')."""
    for particle in sorted(_PARTICLES, key=len, reverse=True):
        if tail.startswith(particle):
            with_final, without = _PARTICLES[particle]
            closed, rieul = _closed(word)
            chosen = with_final if closed and not (with_final == "으로" and rieul) else without
            return chosen + tail[len(particle) :]
    return tail
