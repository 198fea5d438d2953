"""Rank candidate answers by named features. Every weight, and the score below which the bot abstains, is
in WEIGHTS / THRESHOLD here and nowhere else; they were chosen on the train half of bench/real and the dev
set (bench/real/README.md: the test half is never tuned on). Pure: testable without Neo4j."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.bot.need import Need
from policykg.bot.spans import Span

WEIGHTS: dict[str, float] = {
    "retrieval": 1.0,  # 1 / (1 + rank) of the sentence in the fused full-text + vector ranking
    "overlap": 4.5,  # share of the question's terms in the sentence
    "near": 2.5,  # share of the question's terms within a few words of the span
    "type": 5.0,  # the span is of the expected type (1), a close one (0.5: a name where an org is asked)
    "unit": 2.5,  # the count's unit is the one asked (+1) or another (-1)
    "in_question": -1.5,  # the span repeats a figure or name the question itself states
    "year": 1.5,  # the sentence names the question's year (+1) or only other years (-1)
    "agreement": 0.0,  # other retrieved sentences state the same value (capped at 2; no gain on train)
    "fact": 0.5,  # a stored fact holds this value and cites this sentence
    "entity": 0.0,  # share of the entities the question names that the sentence mentions (no gain on train)
    "neighbour": -1.0,  # the sentence was not found itself but stands beside one that was
    "no_entity": -3.0,  # the question names entities and neither the sentence nor its neighbours mention one
    "loose": -2.0,  # a name, organisation, place, post or list: spans found by part of speech, less sure
    "uncovered": -8.0,  # under half of the question's specific nouns are in the sentence or its neighbours
}
THRESHOLD = 7.0  # below it: no answer, the closest sentences are shown instead
# Differing figures: a second value of the same kind whose score is this close to the best one.
DIFFERING_MARGIN = 0.5

# Types that can stand in for one another, at half the type weight.
_CLOSE = {
    "org": {"name", "place", "list"},
    "place": {"name", "org"},
    "name": {"org", "place", "post"},
    "person": set(),
    "list": {"org", "name"},
    "post": {"name"},
    "count": {"percent"},
    "reason": set(),
}
_WINDOW = 20  # characters either side of a span that count as 'near'


@dataclass
class Sentence:
    """One evidence sentence as the ranker sees it."""

    key: str
    text: str
    rank: int  # its place in the fused ranking (neighbours get their hit's)
    neighbour: bool = False
    mentions: set[str] = field(default_factory=set)  # entity IRIs it and its neighbours mention
    context: str = ""  # the sentence with its neighbours, for coverage
    fact_keys: set[str] = field(default_factory=set)  # candidate keys stored facts state with this sentence


@dataclass
class Candidate:
    span: Span
    sentence: Sentence
    features: dict[str, float]
    score: float = 0.0


def _present(term: str, text: str) -> bool:
    return term.lower() in text.lower()


def features(span: Span, sentence: Sentence, need: Need, agree: int, entities: set[str]) -> dict[str, float]:
    terms = [t for t in need.terms if not t.isdigit()] or list(need.terms)
    text = sentence.text
    window = text[max(0, span.start - _WINDOW) : span.end + _WINDOW]
    type_hit = 1.0 if span.type == need.type else 0.5 if span.type in _CLOSE.get(need.type, set()) else 0.0
    unit = 0.0
    if need.type == "count" and need.unit and span.type == "count":
        unit = 1.0 if span.unit == need.unit or (span.unit or "").startswith(need.unit) else -1.0
    compact = span.text.replace(" ", "").replace(",", "")
    in_question = 1.0 if any(compact == n or compact.startswith(n) for n in need.numbers if n) else 0.0
    if span.type not in ("money", "count", "percent", "date") and span.text in " ".join(need.terms):
        in_question = 1.0
    context = sentence.context or text
    covered = sum(_present(t, context) for t in need.specific) / len(need.specific) if need.specific else 1.0
    years = set(re.findall(r"(20\d\d)년", text))
    year = 0.0
    if need.years:
        year = 1.0 if years & {str(y) for y in need.years} else -1.0 if years else 0.0
    return {
        "retrieval": 1.0 / (1 + sentence.rank),
        "overlap": sum(_present(t, text) for t in terms) / len(terms) if terms else 0.0,
        "near": sum(_present(t, window) for t in terms) / len(terms) if terms else 0.0,
        "type": type_hit,
        "unit": unit,
        "in_question": in_question,
        "year": year,
        "agreement": float(min(agree, 2)),
        "fact": 1.0 if span.key in sentence.fact_keys else 0.0,
        "entity": len(entities & sentence.mentions) / len(entities) if entities else 0.0,
        "neighbour": 1.0 if sentence.neighbour else 0.0,
        "no_entity": 1.0 if entities and not entities & sentence.mentions else 0.0,
        "loose": 1.0 if span.type in ("name", "org", "place", "list", "post") else 0.0,
        "uncovered": 1.0 if need.specific and covered < 0.5 else 0.0,
    }


def score(values: dict[str, float], weights: dict[str, float] | None = None) -> float:
    w = weights or WEIGHTS
    return sum(w[name] * value for name, value in values.items())


def rank(
    sentences: list[Sentence],
    spans: dict[str, list[Span]],
    need: Need,
    entities: set[str] = frozenset(),  # type: ignore[assignment]
    weights: dict[str, float] | None = None,
) -> list[Candidate]:
    """Every span of an acceptable type in every sentence, scored, best first."""
    wanted = {need.type} | _CLOSE.get(need.type, set())
    if need.wants_list:
        wanted |= {"list"}
    asked = re.sub(r"\s", "", need.text).lower()
    # a name the question itself gives is never its answer ('국가AI컴퓨팅센터' for a question about it)
    pool = [
        (sp, s)
        for s in sentences
        for sp in spans.get(s.key, [])
        if sp.type in wanted
        and not (sp.type not in ("money", "count", "percent", "date") and re.sub(r"\s", "", sp.text).lower() in asked)
    ]
    seen: dict[str, set[str]] = {}
    for sp, s in pool:
        seen.setdefault(sp.key, set()).add(s.key)
    out = []
    for sp, s in pool:
        f = features(sp, s, need, len(seen[sp.key]) - 1, entities)
        out.append(Candidate(sp, s, f, score(f, weights)))
    return sorted(out, key=lambda c: (-c.score, c.sentence.rank, c.span.start))
