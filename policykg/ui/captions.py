"""Korean captions for the graph's nodes, in the spirit of Neo4j Bloom: a fact is shown by what it says
("110억원 · 2026 예산안", "선정 · 2025-08-04", "장관 · 과학기술정보통신부"), never by its class name or IRI.
Kinds, relationship names and SKOS values come from the ontology's Korean labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policykg.bot.numbers import korean_amount
from policykg.ontology.labels import korean_labels
from policykg.ontology.mapping import neo4j_mapping
from policykg.ontology.neo4j_names import Label, Prop, Rel

MAX_CAPTION = 40
# A law's action is stored as the English word ingest writes (ingest/facts_relations.py); it has no SKOS concept.
LAW_ACTIONS = {"amended": "개정", "passed": "통과", "enacted": "제정", "in force": "시행", "proposed": "발의"}


@dataclass(frozen=True)
class NodeRecord:
    """A node as graph/cypher.py's NODES_FOR_DRAWING returns it."""

    iri: str
    labels: tuple[str, ...]
    props: dict[str, Any]
    links: list[dict[str, Any]] = field(default_factory=list)  # a fact's outgoing links: rel, name, value…
    weight: int = 0  # sentences stating or mentioning it

    @classmethod
    def of(cls, record: Any) -> NodeRecord:
        return cls(
            record["iri"], tuple(record["labels"]), dict(record["props"]), list(record["links"]), record["weight"]
        )

    @property
    def is_fact(self) -> bool:
        return Label.Fact in self.labels

    def link(self, *rels: str) -> dict[str, Any] | None:
        return next((x for rel in rels for x in self.links if x["rel"] == rel), None)

    def linked_name(self, *rels: str) -> str | None:
        return next((x["name"] for rel in rels for x in self.links if x["rel"] == rel and x["name"]), None)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.iso_format() if hasattr(value, "iso_format") else str(value)


def kind_name(labels: tuple[str, ...] | list[str]) -> str:
    """The Korean name of the node's most specific class ('중앙행정기관', '예산·자금 사실')."""
    specific = neo4j_mapping().most_specific(labels)
    return korean_labels().label(specific) if specific else "개체"


def value_text(link: dict[str, Any]) -> str:
    """An amount or count as written ('약 150억원', '1만 장'), else from its number ('110억 원')."""
    if link.get("surface"):
        return str(link["surface"])
    value = link.get("value")
    if value is None:
        return ""
    if link.get("currency") == "KRW":
        return f"{korean_amount(value)} 원"
    return f"{value:,} {link.get('currency') or link.get('unit') or ''}".strip()


def _quantity(node: NodeRecord) -> str:
    link = node.link(Rel.QUANTITY, Rel.FIGURE) or {}
    text = value_text(link)
    measure = link.get("measure")
    # 'GPU 1만 장', but not '곳 150곳': a measure that is only the counter adds nothing
    return f"{measure} {text}" if measure and measure != link.get("unit") and measure not in text else text


def _date(node: NodeRecord) -> str:
    period = node.link(Rel.DURING)
    return _text(period["begin"] if period and period.get("begin") else node.props.get(Prop.as_of))


def _fact_parts(node: NodeRecord, kind: str) -> list[str]:
    p, names = node.props, korean_labels()
    if kind == Label.FundingFact:
        when = " ".join(x for x in (_text(p.get(Prop.fiscal_year)), names.concept(p.get(Prop.stage) or "")) if x)
        return [value_text(node.link(Rel.AMOUNT) or {}), when or node.linked_name(Rel.FOR_PROGRAMME) or ""]
    if kind in (Label.QuantityFact, Label.StatedValue):
        return [_quantity(node), node.linked_name(Rel.FOR_PROGRAMME, Rel.ABOUT) or ""]
    if kind == Label.SelectionFact:
        return [names.concept(p.get(Prop.outcome) or ""), _date(node)]
    if kind == Label.PostHolding:
        return [_text(p.get(Prop.post)), node.linked_name(Rel.IN_ORGANIZATION) or ""]
    if kind == Label.RoleFact:
        return [names.concept(p.get(Prop.role) or ""), node.linked_name(Rel.FOR_PROGRAMME) or ""]
    if kind == Label.LawFact:
        return [node.linked_name(Rel.ON_LAW) or "", LAW_ACTIONS.get(p.get(Prop.action) or "", "")]
    if kind == Label.TransferFact:
        moved = f"{node.linked_name(Rel.FROM_ORG) or '?'} → {node.linked_name(Rel.TO_ORG) or '?'}"
        return [names.label(kind).removesuffix(" 사실"), moved]
    if kind == Label.EventFact:
        return [node.linked_name(Rel.AT_EVENT) or "", _date(node)]
    if kind == Label.Quote:
        return [names.label(kind), node.linked_name(Rel.SAID_BY) or ""]
    return [names.label(kind), node.linked_name(Rel.FOR_PROGRAMME) or ""]


def caption(node: NodeRecord) -> str:
    """What the node says in a few words: a fact by its content, anything else by its name."""
    kind = neo4j_mapping().most_specific(node.labels) or ""
    if node.is_fact:
        text = " · ".join(part for part in _fact_parts(node, kind) if part) or korean_labels().label(kind)
    else:
        p = node.props
        text = _text(p.get(Prop.name) or p.get(Prop.title) or p.get(Prop.surface) or p.get(Prop.text))
        if not text and p.get(Prop.value) is not None:
            text = value_text(p)
    text = text or kind_name(node.labels)
    return text if len(text) <= MAX_CAPTION else text[: MAX_CAPTION - 1] + "…"


def roles(node: NodeRecord) -> list[tuple[str, str]]:
    """A fact's named links in Korean ('지급 주체', '과학기술정보통신부'), in the order stored."""
    names = korean_labels()
    return [(names.relationship(x["rel"]), x["name"]) for x in node.links if x["name"]]


def tooltip(node: NodeRecord) -> str:
    """Plain text shown on hover: the kind, the caption and, for a fact, who and what it names."""
    lines = [f"{kind_name(node.labels)}: {caption(node)}", *(f"{rel}: {name}" for rel, name in roles(node))]
    if node.weight:
        lines.append(f"근거·언급 문장 {node.weight}개 — 누르면 근거와 이웃을 봅니다")
    return "\n".join(lines)
