"""The Graph tab's work, without Gradio: an entity search that resolves aliases through the registry, a
neighbourhood that stays readable (the best-evidenced neighbours first, more on request), and what a clicked
node says, with the sentences that state it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import neo4j

from policykg.bot.facts import Evidence
from policykg.graph import cypher
from policykg.graph.search import query_fulltext
from policykg.ontology.labels import korean_labels
from policykg.ontology.neo4j_names import Label
from policykg.ontology.registry import name_key, registry
from policykg.ui.captions import NodeRecord, caption, kind_name, roles, tooltip

# Node groups of a drawing, most specific first: a node takes the first group among its labels.
GROUPS = (
    Label.Fact,
    Label.Article,
    Label.MonetaryAmount,
    Label.Quantity,
    Label.Person,
    Label.Programme,
    Label.Organization,
    Label.Law,
    Label.Event,
    Label.Place,
    Label.TimeSpan,
)
PAGE = 10  # neighbours drawn per centre; "더 보기" adds as many again
EVIDENCE_SHOWN = 5


@dataclass
class Drawing:
    """Nodes and edges as vis-network takes them."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class EntityHit:
    iri: str
    name: str
    kind: str
    facts: int
    mentions: int
    note: str = ""  # how the search reached it: "‘NBP’의 정식 이름", "네이버 산하"

    @property
    def label(self) -> str:
        return " · ".join([self.name, self.kind, f"사실 {self.facts}건"]) + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class Scene:
    drawing: Drawing
    hidden: int  # neighbours of the centres left out of the drawing


@dataclass(frozen=True)
class NodeDetails:
    iri: str
    caption: str
    kind: str
    roles: list[tuple[str, str]]
    evidence: list[Evidence]  # the first EVIDENCE_SHOWN, newest article first
    total: int  # all sentences that state or mention it


def _evidence(record: neo4j.Record) -> Evidence:
    published = record["published"]
    return Evidence(
        record["text"],
        record["start"],
        record["end"],
        record["source_id"],
        record["title"] or record["source_id"],
        published.iso_format() if hasattr(published, "iso_format") else published,
        record["url"],
        record["publisher"],
    )


class Explorer:
    def __init__(self, driver: neo4j.Driver, database: str) -> None:
        self.driver, self.database = driver, database

    def _query(self, query: str, **params: Any) -> list[neo4j.Record]:
        records, _, _ = self.driver.execute_query(query, params, database_=self.database)
        return records

    # --- search ---------------------------------------------------------------------------------------
    def search(self, text: str, k: int = 20) -> list[EntityHit]:
        """Entities named `text`: its registry entry (aliases, former and English names: 과기부, NBP), full-text
        hits, and the organisations those belong to or hold. Entities with facts come first, so a name that
        nothing is stated about leads to the one that has them (네이버 → 네이버클라우드)."""
        text = text.strip()
        if not text:
            return []
        found: dict[str, str] = {}
        entry = registry().resolve(text)
        if entry is not None:
            found[str(entry.iri)] = "" if name_key(entry.name) == name_key(text) else f"‘{text}’의 정식 이름"
        for r in query_fulltext(self.driver, self.database, cypher.ENTITY_SEARCH, text, "cjk", k=k):
            found.setdefault(r["iri"], "")
        stats = {r["iri"]: r for r in self._query(cypher.ENTITY_STATS, iris=list(found))}
        related: dict[str, str] = {}
        for r in stats.values():
            related.update({iri: f"{r['name']} 산하" for iri in r["parts"] if iri not in related})
            related.update({iri: f"{r['name']}의 상위 기관" for iri in r["parents"] if iri not in related})
        new = [iri for iri in related if iri not in found]
        stats |= {r["iri"]: r for r in self._query(cypher.ENTITY_STATS, iris=new) if r["facts"]}
        hits = [
            EntityHit(
                iri,
                stats[iri]["name"] or "",
                kind_name(stats[iri]["labels"]),
                stats[iri]["facts"],
                stats[iri]["mentions"],
                found.get(iri) or related.get(iri, ""),
            )
            for iri in [*found, *new]
            if iri in stats  # a registry entry no article names is not in the graph
        ]
        return sorted(hits, key=lambda h: h.facts == 0)

    # --- drawing --------------------------------------------------------------------------------------
    def scene(self, centres: list[str], limit: int = PAGE) -> Scene:
        """The centres with their `limit` best-evidenced neighbours each and what those facts name."""
        iris, hidden = list(centres), 0
        for r in self._query(cypher.NEIGHBOURHOOD, iris=centres, k=limit):
            iris += [*r["shown"], *r["named"]]
            hidden += r["total"] - len(r["shown"])
        return Scene(self.drawing(iris, centre=centres), hidden)

    def drawing(
        self, iris: Iterable[str], relationships: list[tuple[str, str, str]] | None = None, centre: Iterable[str] = ()
    ) -> Drawing:
        """The nodes named, captioned in Korean, with the relationships among them (fetched unless given)."""
        iris = list(dict.fromkeys(iris))
        if relationships is None:
            relationships = [
                (r["src"], r["type"], r["dst"]) for r in self._query(cypher.RELATIONSHIPS_AMONG, iris=iris)
            ]
        centre, names = set(centre), korean_labels()
        nodes = []
        for node in map(NodeRecord.of, self._query(cypher.NODES_FOR_DRAWING, iris=iris)):
            group = next((g for g in GROUPS if g in node.labels), "Other")
            style = {"borderWidth": 4} if node.iri in centre else {}
            nodes.append({"id": node.iri, "label": caption(node), "group": group, "title": tooltip(node), **style})
        edges = [
            {"from": s, "to": d, "label": names.relationship(t), "title": names.relationship(t), "arrows": "to"}
            for s, t, d in relationships
        ]
        return Drawing(nodes, edges)

    # --- a node ---------------------------------------------------------------------------------------
    def details(self, iri: str) -> NodeDetails | None:
        """What the node says and the sentences stating or mentioning it (only those verbatim in their article)."""
        records = self._query(cypher.NODES_FOR_DRAWING, iris=[iri])
        if not records:
            return None
        node = NodeRecord.of(records[0])
        evidence = [_evidence(r) for r in self._query(cypher.NODE_EVIDENCE, iri=iri) if r["verified"]]
        return NodeDetails(
            iri, caption(node), kind_name(node.labels), roles(node), evidence[:EVIDENCE_SHOWN], len(evidence)
        )
