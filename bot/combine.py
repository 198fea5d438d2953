"""One answer for a question asking for several things (bot/parts.py). Parts that name what is asked about
('지난해와 내년에 각각 얼마?') each take the best candidate of their own question whose clause names them ('지난해
266억원에서 내년 445억원으로': 266억 for 지난해); parts that name what kind of answer is wanted ('기종이랑 수량은?',
'규모와 증가율은?') take their best candidates, preferably from one sentence. The answers are then put side by side
('기종 B200, 수량 768장'), added up from their exact values, or compared. Nothing is combined unless every part has
its own candidate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import product

from policykg.bot import numbers
from policykg.bot.examples import josa
from policykg.bot.facts import Evidence
from policykg.bot.models import Answer
from policykg.bot.need import Need
from policykg.bot.parts import Split
from policykg.bot.rank import THRESHOLD, Candidate, segment_of
from policykg.bot.reader import Citer, Evidenced, clip
from policykg.graph import cypher

# A candidate whose own clause names its part may score this much under the threshold: the clause is the evidence.
NAMED_MARGIN = 3.0
SAME_SENTENCE = 2.0  # parts of different kinds answered from one sentence ('3300억원으로 약 8.1% 증가')
_TOP = 5


@dataclass
class Part:
    """What one part's own question retrieved and ranked, and the answer type it asks for."""

    item: str
    anchor: str  # the words its evidence must name: the item, with the noun before it when it is a bare '수'
    ranked: list[Candidate]
    cites: dict[str, Evidence]
    type: str


def _at(c: Candidate) -> tuple[str, int]:
    return c.sentence.key, c.span.start


def pick(part: Part, pool: list[Candidate], taken: set[tuple[str, int]]) -> Candidate | None:
    """The best candidate of the type asked whose own clause names the part, and no other part took: from the
    part's own ranking first, then from what the other parts' questions found ('융자·기술개발·사업화' are often in
    one sentence that only some of their questions retrieve)."""
    words = [w for w in part.anchor.split() if len(w) > 1] or [part.anchor]
    return next(
        (
            c
            for c in part.ranked + pool
            if c.score >= THRESHOLD - NAMED_MARGIN
            and c.features.get("type") == 1.0
            and _at(c) not in taken
            and any(w in segment_of(c.sentence.text, c.span) for w in words)
        ),
        None,
    )


def pick_jointly(parts: list[Part]) -> list[Candidate] | None:
    """For parts asking different kinds of answer: the best candidates of each, one from each part's top ones above
    the threshold, scoring a bonus when they come from one sentence."""
    tops = [
        [c for c in p.ranked if c.score >= THRESHOLD - NAMED_MARGIN and c.features.get("type", 0.0) > 0][:_TOP]
        for p in parts
    ]
    if not all(tops):
        return None
    best: tuple[float, list[Candidate]] | None = None
    for combo in product(*tops):
        sentences = {c.sentence.key for c in combo}
        total = sum(c.score for c in combo) + (SAME_SENTENCE if len(sentences) == 1 else 0.0)
        if best is None or total > best[0]:
            best = (total, list(combo))
    return best[1] if best else None


def _value(c: Candidate) -> tuple[Decimal, str] | None:
    """The exact figure of a money or count span and its unit ('money:1460000000000:KRW')."""
    kind, _, rest = c.span.key.partition(":")
    if kind not in ("money", "count"):
        return None
    value, _, unit = rest.partition(":")
    return Decimal(value), unit


_TOTAL = re.compile(r"합계|합치면|합하면|더하면|다\s*더|총합|합산")


def listed_total(question: str, need: Need, found: Evidenced, ranked: list[Candidate]) -> Answer | None:
    """'다섯 개 사업의 국비 합계는?': the total of as many figures as the question counts, listed in one retrieved
    sentence ('A(20억원), B(70억원), …'), added up from their exact values."""
    if need.type != "money" or not need.several or not _TOTAL.search(question):
        return None
    for top in (c for c in ranked if c.score >= THRESHOLD - NAMED_MARGIN and _value(c)):
        listed = {
            c.span.start: c
            for c in ranked
            if c.sentence.key == top.sentence.key and c.span.type == "money" and _value(c)
        }
        values = [_value(c) for c in listed.values()]
        if len(listed) not in need.several or len({v[1] for v in values if v}) != 1:
            continue
        total = sum((v[0] for v in values if v), Decimal(0))
        cite = Citer(found.cites)
        mark = f"[{cite(top.sentence.key)}]"
        terms = " + ".join(c.span.text for _, c in sorted(listed.items()))
        said = numbers.money(total, values[0][1] if values[0] else "KRW").split(" (")[0]
        return Answer(
            question=question,
            answer="\n".join([f"합계 {said}입니다 ({terms}). {mark}", f"— {top.sentence.text}"]),
            abstained=False,
            citations=cite.list,
            facts=[],
            cypher=[cypher.SEARCH_FULLTEXT, cypher.SEARCH_VECTOR, cypher.SENTENCES_AROUND],
        )
    return None


def combine(question: str, split: Split, parts: list[Part]) -> Answer | None:
    chosen: list[Candidate] = []
    if split.mode == "ratio":  # the best figure of each part's own question, two different ones
        first_pick = next((c for c in parts[0].ranked if c.score >= THRESHOLD - NAMED_MARGIN and _value(c)), None)
        second = next(
            (
                c
                for c in parts[1].ranked
                if c.score >= THRESHOLD - NAMED_MARGIN and _value(c) and first_pick and _at(c) != _at(first_pick)
            ),
            None,
        )
        chosen = [first_pick, second] if first_pick and second else []
    elif len({p.type for p in parts}) == len(parts):
        chosen = pick_jointly(parts) or []
    else:
        pool = sorted((c for p in parts for c in p.ranked), key=lambda c: -c.score)
        for part in parts:
            best = pick(part, pool, {_at(c) for c in chosen})
            if best is None:
                return None
            chosen.append(best)
    if not chosen:
        return None
    cite = Citer({k: v for part in parts for k, v in part.cites.items()})
    marks = [f"[{cite(c.sentence.key)}]" for c in chosen]
    every = "".join(dict.fromkeys(marks))
    details = [
        f"— {item}: {clip(c.sentence.text, c.span)} {mark}"
        for item, c, mark in zip(split.anchors, chosen, marks, strict=True)
    ]
    if split.mode == "each":
        first = ", ".join(f"{item} {c.span.text}" for item, c in zip(split.anchors, chosen, strict=True))
        first += f"입니다. {every}"
    else:
        values = [_value(c) for c in chosen]
        if any(v is None for v in values) or len({v[1] for v in values if v}) != 1:
            return None
        amounts = [v[0] for v in values if v]
        unit = values[0][1] if values[0] else ""
        if split.mode == "ratio":
            if not amounts[1]:
                return None
            share = amounts[0] / amounts[1] * 100
            said = f"{share:.1f}".rstrip("0").rstrip(".")
            first = f"약 {said}%입니다 ({chosen[0].span.text} ÷ {chosen[1].span.text}). {every}"
        elif split.mode == "sum":
            total = sum(amounts, Decimal(0))
            money = unit in ("KRW", "USD")
            said = numbers.money(total, unit).split(" (")[0] if money else numbers.quantity(total, unit)
            first = f"합계 {said}입니다. {every}"
        else:
            at = amounts.index(max(amounts) if split.mode == "more" else min(amounts))
            word = "큽니다" if split.mode == "more" else "작습니다"
            first = f"{josa(split.anchors[at], '이', '가')} 더 {word} ({chosen[at].span.text}). {every}"
        details = [
            f"— {item}: {c.span.text} {mark}" for item, c, mark in zip(split.anchors, chosen, marks, strict=True)
        ]
    return Answer(
        question=question,
        answer="\n".join([first, *details]),
        abstained=False,
        citations=cite.list,
        facts=[],
        cypher=[cypher.SEARCH_FULLTEXT, cypher.SEARCH_VECTOR, cypher.SENTENCES_AROUND],
        resolved=" / ".join(split.questions),
    )
