"""The ontology's Korean names for what Neo4j stores: node labels (rdfs:label@ko of the class), relationship types
(rdfs:label@ko of the object property) and SKOS notations (skos:prefLabel@ko of the concept), so a UI speaks
Korean without a hand list of its own."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from policykg.ontology.schema import ontology
from policykg.ontology.vocab import PKG


@dataclass(frozen=True)
class KoreanLabels:
    classes: dict[str, str]  # Neo4j label → Korean name ('FundingFact' → '예산·자금 사실')
    relationships: dict[str, str]  # relationship type → Korean name ('PAYER' → '지급 주체')
    concepts: dict[str, str]  # SKOS notation → Korean name ('proposal' → '예산안')

    def label(self, neo4j_label: str) -> str:
        return self.classes.get(neo4j_label, neo4j_label)

    def relationship(self, rel_type: str) -> str:
        return self.relationships.get(rel_type, rel_type)

    def concept(self, notation: str) -> str:
        return self.concepts.get(notation, notation)


def _korean(graph: Graph, subject: Node, prop: URIRef) -> str | None:
    return next((str(v) for v in graph.objects(subject, prop) if isinstance(v, Literal) and v.language == "ko"), None)


def _named(graph: Graph, annotation: URIRef, label_prop: URIRef) -> dict[str, str]:
    pairs = ((str(key), _korean(graph, s, label_prop)) for s, key in graph.subject_objects(annotation))
    return {key: name for key, name in pairs if name}


@lru_cache(maxsize=1)
def korean_labels() -> KoreanLabels:
    g = ontology()
    return KoreanLabels(
        classes=_named(g, PKG.neo4jLabel, RDFS.label),
        relationships=_named(g, PKG.neo4jType, RDFS.label),
        concepts=_named(g, SKOS.notation, SKOS.prefLabel),
    )
