"""An article, its sentences, mentions and facts → an rdflib Graph following the ontology."""

from __future__ import annotations

from rdflib import RDF, XSD, Graph, Literal, URIRef

from policykg.ingest.entities import Entities
from policykg.ingest.models import Article, Fact
from policykg.korean.spans import DateSpan, Sentence, Value
from policykg.ontology import iris
from policykg.ontology.iris import mint_iri
from policykg.ontology.literals import decimal_literal
from policykg.ontology.mapping import neo4j_mapping
from policykg.ontology.registry import registry
from policykg.ontology.schema import new_graph
from policykg.ontology.vocab import PKG

_CONCEPT_PROPERTIES = {
    "modality": PKG.modality,
    "budgetStage": PKG.budgetStage,
    "outcome": PKG.outcome,
    "role": PKG.role,
}
_QUALIFIER_NOTATION = {
    "exact": "exact",
    "approx": "approx",
    "at_most": "at_most",
    "at_least": "at_least",
    "vague": "vague",
}


def article_iri(source_id: str) -> URIRef:
    return URIRef(iris.article_iri(source_id))


def sentence_iri(source_id: str, index: int) -> URIRef:
    return URIRef(iris.child_iri("sentence", source_id, index))


def fact_iri(source_id: str, key: str) -> URIRef:
    return URIRef(iris.child_iri("fact", source_id, key))


def _concept(notation: str) -> URIRef:
    return neo4j_mapping().concepts[notation]


class GraphWriter:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.g = new_graph()
        self.sid = article.source_id

    def entity(self, iri: str, cls: str, name: str) -> URIRef:
        node = URIRef(iri)
        entry = registry().entries.get(node)
        if entry is not None:
            self._registry_entity(node)
            return node
        if (node, PKG.name, None) not in self.g:
            self.g.add((node, RDF.type, PKG[cls]))
            self.g.add((node, PKG.name, Literal(name)))
        return node

    def _registry_entity(self, node: URIRef) -> None:
        entry = registry().entries[node]
        if (node, PKG.name, None) in self.g:
            return
        self.g.add((node, RDF.type, entry.cls))
        self.g.add((node, PKG.name, Literal(entry.name)))
        if entry.english:
            self.g.add((node, PKG.englishName, Literal(entry.english)))
        if entry.parent is not None:  # NIPA under 과학기술정보통신부: the hierarchy comes with the entity
            self._registry_entity(entry.parent)
            self.g.add((node, PKG.subOrganizationOf, entry.parent))
        # Aliases and former names stay in the registry, which ingest and the bot both read.

    def article_node(self, sentences: list[Sentence]) -> URIRef:
        a, node = self.article, article_iri(self.sid)
        g = self.g
        g.add((node, RDF.type, PKG.NewsArticle))
        for prop, value in (
            (PKG.sourceId, a.source_id),
            (PKG.title, a.title or a.source_id),
            (PKG.bodyText, a.body),
            (PKG.contentHash, a.content_hash),
        ):
            g.add((node, prop, Literal(value)))
        if a.published:
            g.add((node, PKG.published, Literal(a.published.isoformat(), datatype=XSD.date)))
        if a.url:
            g.add((node, PKG.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.how:
            g.add((node, PKG.metadataSource, Literal("; ".join(f"{k}={v}" for k, v in sorted(a.how.items())))))
        entry = registry().resolve(a.publisher) if a.publisher else None
        if a.publisher and (entry is None or entry.cls == PKG.NewsPublisher):  # never a ministry as the publisher
            iri = str(entry.iri) if entry else mint_iri("org", a.publisher)
            if entry is None:
                self.g.add((URIRef(iri), RDF.type, PKG.NewsPublisher))
            g.add((node, PKG.publisher, self.entity(iri, "NewsPublisher", a.publisher)))
        if a.author:
            g.add((node, PKG.author, self.entity(mint_iri("person", a.author), "Person", a.author)))
        for s in sentences:
            sn = sentence_iri(self.sid, s.index)
            g.add((sn, RDF.type, PKG.Sentence))
            g.add((sn, PKG.inArticle, node))
            g.add((sn, PKG.text, Literal(s.text)))
            g.add((sn, PKG.start, Literal(s.start)))
            g.add((sn, PKG.end, Literal(s.end)))
            g.add((sn, PKG.sentenceIndex, Literal(s.index)))
        return node

    def mentions(self, entities: Entities) -> dict[str, tuple[str, str]]:
        known: dict[str, tuple[str, str]] = {}
        for m in entities.mentions:
            known[m.iri] = (m.cls, m.name)
            if m.named:
                self.g.add((sentence_iri(self.sid, m.sentence), PKG.mentions, self.entity(m.iri, m.cls, m.name)))
        return known

    def value(self, key: str, value: Value) -> URIRef:
        node = URIRef(iris.child_iri("value", self.sid, key))
        cls = PKG.MonetaryAmount if value.kind == "money" else PKG.Percentage if value.unit == "%" else PKG.Quantity
        self.g.add((node, RDF.type, cls))
        if value.value is not None:
            self.g.add((node, PKG.value, decimal_literal(value.value)))
        self.g.add((node, PKG.qualifier, _concept(_QUALIFIER_NOTATION[value.qualifier])))
        self.g.add((node, PKG.surface, Literal(value.surface)))
        self.g.add((node, PKG.currency if value.kind == "money" else PKG.unit, Literal(value.unit)))
        return node

    def period(self, key: str, span: DateSpan) -> URIRef:
        node = URIRef(iris.child_iri("period", self.sid, key))
        self.g.add((node, RDF.type, PKG.TimeSpan))
        if span.begin:
            self.g.add((node, PKG.beginDate, Literal(span.begin.isoformat(), datatype=XSD.date)))
        if span.end:
            self.g.add((node, PKG.endDate, Literal(span.end.isoformat(), datatype=XSD.date)))
        self.g.add((node, PKG.surface, Literal(span.surface)))
        self.g.add((node, PKG.resolution, Literal(span.resolution)))
        return node

    def fact(self, fact: Fact, known: dict[str, tuple[str, str]]) -> None:
        g, node = self.g, fact_iri(self.sid, fact.key)
        g.add((node, RDF.type, PKG[fact.kind]))
        for index in (fact.sentence, *fact.more_evidence):
            g.add((node, PKG.evidence, sentence_iri(self.sid, index)))
        if self.article.published:
            g.add((node, PKG.asOf, Literal(self.article.published.isoformat(), datatype=XSD.date)))
        for prop, iri in fact.roles.items():
            cls, name = known.get(iri, ("Organization", iri.rsplit("/", 1)[-1]))
            g.add((node, PKG[prop], self.entity(iri, cls, name)))
        for prop, notation in fact.concepts.items():
            g.add((node, _CONCEPT_PROPERTIES[prop], _concept(notation)))
        for prop, text in fact.literals.items():
            if prop == "measure" and fact.value is not None:
                continue
            datatype = XSD.gYear if prop == "fiscalYear" else None
            g.add((node, PKG[prop], Literal(text, datatype=datatype)))
        if fact.value is not None:
            value = self.value(fact.key, fact.value)
            link = {"FundingFact": PKG.amount, "StatedValue": PKG.figure}.get(fact.kind, PKG.quantity)
            g.add((node, link, value))
            if "measure" in fact.literals:
                g.add((value, PKG.measure, Literal(fact.literals["measure"])))
        if fact.period is not None:
            g.add((node, PKG.period, self.period(fact.key, fact.period)))
        if fact.part_of:
            g.add((node, PKG.partOf, fact_iri(self.sid, fact.part_of)))
        for key in fact.observations:
            g.add((node, PKG.observation, fact_iri(self.sid, key)))
        for subject, prop, obj in fact.links:
            g.add((URIRef(subject), PKG[prop], URIRef(obj)))
        if fact.extractor:
            g.add((node, PKG.extractor, Literal(fact.extractor)))


def article_graph(article: Article, sentences: list[Sentence], entities: Entities, facts: list[Fact]) -> Graph:
    writer = GraphWriter(article)
    writer.article_node(sentences)
    known = writer.mentions(entities)
    known.setdefault(mint_iri("org", "민간"), ("Organization", "민간"))
    for fact in facts:
        writer.fact(fact, known)
    return writer.g
