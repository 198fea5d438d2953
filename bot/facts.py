"""Facts from the graph as the bot reads them: roles by name, the value, and verified evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import neo4j

from policykg.bot.models import Citation
from policykg.graph import cypher
from policykg.ontology.neo4j_names import Label, Prop, Rel


@dataclass
class Evidence:
    text: str
    start: int
    end: int
    source_id: str
    title: str
    published: str | None
    url: str | None
    publisher: str | None

    def citation(self, n: int) -> Citation:
        """This sentence as the answer's citation number n."""
        return Citation(
            n=n,
            source_id=self.source_id,
            title=self.title,
            publisher=self.publisher,
            published=self.published,
            url=self.url,
            quote=self.text,
            start=self.start,
            end=self.end,
        )


@dataclass
class FactView:
    iri: str
    kind: str
    props: dict[str, Any]
    roles: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # REL TYPE → [(iri, name)]
    value: Decimal | None = None
    currency: str | None = None
    unit: str | None = None
    qualifier: str = "exact"
    measure: str | None = None
    surface: str | None = None  # the words that stated the value ('최종 2팀'), to find it in its sentence
    evidence: list[Evidence] = field(default_factory=list)

    def names(self, rel: str) -> list[str]:
        return [name for _, name in self.roles.get(rel, [])]

    def iris(self, rel: str) -> list[str]:
        return [iri for iri, _ in self.roles.get(rel, [])]

    @property
    def as_of(self) -> date | None:
        value = self.props.get(Prop.as_of)
        return value.to_native() if value is not None and hasattr(value, "to_native") else value

    @property
    def is_part(self) -> bool:
        return bool(self.roles.get(Rel.PART_OF))


def _view(record: neo4j.Record) -> FactView:
    fact = FactView(record["iri"], record["kind"] or Label.Fact, dict(record["props"]))
    for link in record["links"]:
        if link["rel"] is None:
            continue
        fact.roles.setdefault(link["rel"], []).append((link["iri"], link["name"] or ""))
        if link["rel"] in (Rel.AMOUNT, Rel.QUANTITY) and link["value"] is not None:
            fact.value = Decimal(str(link["exact"] or link["value"]))
            fact.currency, fact.unit = link["currency"], link["unit"]
            fact.qualifier, fact.measure, fact.surface = link["qualifier"] or "exact", link["measure"], link["surface"]
    for e in record["evidence"]:
        if e["verified"]:  # a quote that is not verbatim at its offsets is never cited
            published = e["published"].iso_format() if hasattr(e["published"], "iso_format") else e["published"]
            fact.evidence.append(
                Evidence(
                    e["text"], e["start"], e["end"], e["source_id"], e["title"], published, e["url"], e["publisher"]
                )
            )
    fact.evidence.sort(key=lambda ev: (ev.source_id, ev.start))
    return fact


def facts_about(driver: neo4j.Driver, database: str, kind: str, anchors: list[str]) -> list[FactView]:
    records, _, _ = driver.execute_query(cypher.FACTS_ABOUT, kind=kind, anchors=anchors, database_=database)
    return sorted((_view(r) for r in records), key=lambda f: f.iri)  # the same answer every time


def facts_of_kind(driver: neo4j.Driver, database: str, kind: str, stage: str | None = None) -> list[FactView]:
    records, _, _ = driver.execute_query(cypher.FACTS_OF_KIND, kind=kind, stage=stage, database_=database)
    return sorted((_view(r) for r in records), key=lambda f: f.iri)


def facts_evidenced_by(driver: neo4j.Driver, database: str, sentence_iris: list[str]) -> list[FactView]:
    """The facts whose evidence is one of these sentences."""
    records, _, _ = driver.execute_query(cypher.FACTS_EVIDENCED_BY, iris=sentence_iris, database_=database)
    return sorted((_view(r) for r in records), key=lambda f: f.iri)
