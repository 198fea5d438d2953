"""All fact rules over one article, in one place."""

from __future__ import annotations

from dataclasses import replace

from policykg.ingest.context import ArticleContext
from policykg.ingest.facts_money import MoneyFacts
from policykg.ingest.facts_relations import (
    event_facts,
    law_facts,
    post_facts,
    quantity_facts,
    quote_facts,
    role_facts,
    selection_facts,
    transfer_facts,
)
from policykg.ingest.facts_values import stated_value_facts
from policykg.ingest.models import Fact

RULES = (quantity_facts, selection_facts, transfer_facts, role_facts, post_facts, quote_facts, event_facts, law_facts)


def _identity(fact: Fact) -> tuple[object, ...]:
    value = (fact.value.value, fact.value.unit, fact.value.qualifier) if fact.value else None
    concepts = tuple(sorted((k, v) for k, v in fact.concepts.items() if k != "modality"))  # the first wording's
    return (
        fact.kind,
        tuple(sorted(fact.roles.items())),
        value,
        tuple(sorted(fact.literals.items())),
        concepts,
        fact.part_of,
        fact.observations,
    )


def merge_restatements(facts: list[Fact]) -> list[Fact]:
    """An article often states a fact twice (lead and body): keep one fact with every evidence sentence."""
    first: dict[tuple[object, ...], int] = {}
    merged: list[Fact] = []
    for fact in facts:
        key = _identity(fact)
        if key in first:
            kept = merged[first[key]]
            merged[first[key]] = replace(kept, more_evidence=(*kept.more_evidence, fact.sentence))
        else:
            first[key] = len(merged)
            merged.append(fact)
    return merged


def extract_facts(ctx: ArticleContext) -> list[Fact]:
    facts = MoneyFacts(ctx).run()
    for rule in RULES:
        facts += rule(ctx)
    facts += stated_value_facts(ctx, facts)  # what no rule above read, one fact per value
    return merge_restatements(facts)
