"""Stated values: every amount, count and percentage a sentence states becomes a fact with its evidence, even
when no narrower rule (funding, quantities) reads it. One value surface is one fact: values a rule already
claimed are left to it. The fact names the programme the sentence is about or the organisation nearest to the
value, and what is counted ('GPU 1만 장' → GPU) when the words before the value say it."""

from __future__ import annotations

import re

from policykg.ingest.context import ORG_CLASSES, ArticleContext, SentenceView, modality
from policykg.ingest.facts_relations import quantity_measure
from policykg.ingest.models import Fact, Mention
from policykg.korean.spans import Value
from policykg.korean.words import NOT_COUNTED


def _nearest_org(view: SentenceView, value: Value) -> Mention | None:
    """The organisation closest to the value, preferring one before it (the subject usually comes first)."""
    orgs = view.of_class(ORG_CLASSES)

    def distance(m: Mention) -> int:
        start, end = view.local(m)
        return value.start - end if end <= value.start else (start - value.end) * 2

    return min(orgs, key=distance, default=None)


_TOPIC = re.compile(r"([가-힣]{2,8})(?:은|는|이|가)\s*$")
_PART_WORDS = {"가운데", "중", "중에서"}  # '이 가운데 12곳': a part of what came before, no measure


def _measure(view: SentenceView, value: Value) -> str:
    """What is counted, as the quantity rule reads it, else the topic right before ('점유율은 12.5%')."""
    measure = quantity_measure(view, value.start, value.end, value.unit)
    if measure in _PART_WORDS:
        return value.unit
    topic = _TOPIC.search(view.text[: value.start])
    return topic.group(1) if measure == value.unit and topic else measure


def stated_value_facts(ctx: ArticleContext, facts: list[Fact]) -> list[Fact]:
    claimed = {(f.sentence, f.value.start) for f in facts if f.value is not None}
    # '사업 예산 110억원 중 …' restating the programme's 110억 already read by a rule is that same fact again
    stated = {(f.roles.get("programme"), f.value.value, f.value.unit) for f in facts if f.value is not None}
    found = []
    for view in ctx.views:
        index = view.sentence.index
        for n, value in enumerate(view.values):
            if value.value is None or (index, value.start) in claimed or value.unit in NOT_COUNTED:
                continue
            programme = ctx.programme_for(view)
            roles = {}
            if programme is not None:
                if (programme.iri, value.value, value.unit) in stated:
                    continue
                roles["programme"] = programme.iri
            org = _nearest_org(view, value)
            if org is not None:
                roles["about"] = org.iri
            literals = {}
            if value.kind != "money":
                literals["measure"] = _measure(view, value)
            found.append(
                Fact(
                    "StatedValue",
                    f"value-{index}-{n}",
                    index,
                    roles,
                    value,
                    literals,
                    {"modality": modality(view.text)},
                    extractor="stated value",
                )
            )
    return found
