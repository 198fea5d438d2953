"""Korean captions, kinds and relationship names for the graph, without Neo4j: the values below are this test's
own, in the shape graph/cypher.py's NODES_FOR_DRAWING returns."""

from __future__ import annotations

from typing import Any

from neo4j.time import Date

from policykg.ontology.labels import korean_labels
from policykg.ontology.neo4j_names import Label, Rel
from policykg.ui.captions import NodeRecord, caption, kind_name, tooltip
from policykg.ui.explore import GROUPS
from policykg.ui.tables import readable_number


def _link(rel: str, **values: Any) -> dict[str, Any]:
    return {"rel": rel, "name": None, "value": None, "currency": None, "unit": None, "surface": None,
            "measure": None, "begin": None, **values}  # fmt: skip


def _fact(kind: str, props: dict[str, Any], *links: dict[str, Any]) -> NodeRecord:
    return NodeRecord(
        "https://w3id.org/policykg/id/fact/x/1", (Label.Resource, kind, Label.Fact), props, list(links), 1
    )


def test_a_funding_fact_reads_as_its_amount_year_and_stage() -> None:
    fact = _fact(
        Label.FundingFact,
        {"fiscal_year": 2026, "stage": "proposal"},
        _link(Rel.AMOUNT, value=11_000_000_000, currency="KRW", surface="110억 원"),
        _link(Rel.PAYER, name="과학기술정보통신부"),
    )
    assert caption(fact) == "110억 원 · 2026 예산안"
    no_surface = _fact(Label.FundingFact, {}, _link(Rel.AMOUNT, value=52_000_000_000, currency="KRW"))
    assert caption(no_surface) == "520억 원"


def test_a_selection_reads_as_its_outcome_and_date_and_a_post_as_title_and_body() -> None:
    chosen = _fact(Label.SelectionFact, {"outcome": "selected", "as_of": Date(2025, 9, 1)},
                   _link(Rel.DURING, begin=Date(2025, 8, 4)))  # fmt: skip
    assert caption(chosen) == "선정 · 2025-08-04"  # the selection's own date before the article's
    post = _fact(Label.PostHolding, {"post": "장관"}, _link(Rel.IN_ORGANIZATION, name="과학기술정보통신부"))
    assert caption(post) == "장관 · 과학기술정보통신부"
    count = _fact(Label.QuantityFact, {}, _link(Rel.QUANTITY, value=3000, unit="장", surface="3000장", measure="GPU"))
    assert caption(count) == "GPU 3000장"


def test_kinds_and_tooltips_are_korean_and_carry_no_iri() -> None:
    ministry = NodeRecord("https://w3id.org/policykg/id/org/%EA%B3%BC", ("Resource", "Agent", "Organization",
                          "GovernmentBody", "Ministry"), {"name": "과학기술정보통신부"}, [], 12)  # fmt: skip
    assert kind_name(ministry.labels) == "중앙행정기관"
    assert tooltip(ministry).startswith("중앙행정기관: 과학기술정보통신부") and "%" not in tooltip(ministry)
    assert "http" not in tooltip(ministry)


def test_every_relationship_and_drawn_group_has_a_korean_name_from_the_ontology() -> None:
    names = korean_labels()
    rels = [v for k, v in vars(Rel).items() if not k.startswith("_")]
    assert all(names.relationship(r) != r for r in rels), [r for r in rels if names.relationship(r) == r]
    assert all(names.label(g) != g for g in GROUPS)
    assert names.relationship(Rel.PAYER) == "지급 주체" and names.concept("eliminated") == "탈락"


def test_large_numbers_get_thousands_separators_and_years_do_not() -> None:
    assert readable_number(11_000_000_000) == "11,000,000,000"
    assert readable_number(2026) == 2026 and readable_number(True) is True and readable_number("12345") == "12345"
    assert readable_number(12345.5) == "12,345.5"
