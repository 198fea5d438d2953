"""The one class/property → Neo4j mapping, read from the ontology's pkg:neo4j* annotations.

The loader and the exporter both use this, so a renamed label or relationship type changes in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import SKOS

from policykg.ontology.schema import PKG_NS, ontology
from policykg.ontology.vocab import PKG


@dataclass(frozen=True)
class PropertyMap:
    iri: URIRef
    key: str
    datatype: URIRef | None  # xsd type for literals; None for concept-valued properties
    concept: bool = False  # value is a SKOS concept stored as its skos:notation


@dataclass(frozen=True)
class Neo4jMapping:
    labels: dict[URIRef, str]  # class → its own node label
    superclasses: dict[URIRef, tuple[URIRef, ...]]  # class → its policykg ancestors (itself first)
    relationships: dict[URIRef, str]  # object property → relationship type
    properties: dict[URIRef, PropertyMap]  # datatype or concept property → node property
    concepts: dict[str, URIRef] = field(default_factory=dict)  # skos:notation → concept IRI

    def node_labels(self, cls: URIRef) -> list[str]:
        """All labels a node of class `cls` carries: its own and those of its policykg superclasses."""
        return [self.labels[c] for c in self.superclasses.get(cls, (cls,)) if c in self.labels]

    def most_specific(self, labels: Iterable[str]) -> str | None:
        """The label of the deepest class among `labels` ('Ministry' among Organization, GovernmentBody, …)."""
        depth = {label: len(self.superclasses.get(c, ())) for c, label in self.labels.items()}
        known = [label for label in labels if label in depth]
        return max(known, key=lambda label: depth[label], default=None)

    def class_for_labels(self, labels: set[str]) -> URIRef | None:
        """The most specific class whose label set equals `labels` (the inverse, for export)."""
        best = [c for c in self.labels if set(self.node_labels(c)) == labels]
        return max(best, key=lambda c: len(self.superclasses[c]), default=None)


def _ancestors(graph: Graph, cls: URIRef) -> tuple[URIRef, ...]:
    seen: list[URIRef] = [cls]
    for parent in graph.transitive_objects(cls, RDFS.subClassOf):
        if isinstance(parent, URIRef) and str(parent).startswith(PKG_NS) and parent not in seen:
            seen.append(parent)
    return tuple(seen)


@lru_cache(maxsize=1)
def neo4j_mapping() -> Neo4jMapping:
    g = ontology()
    labels = {c: str(v) for c, v in g.subject_objects(PKG.neo4jLabel) if isinstance(c, URIRef)}
    relationships = {p: str(v) for p, v in g.subject_objects(PKG.neo4jType) if isinstance(p, URIRef)}
    properties: dict[URIRef, PropertyMap] = {}
    for prop, key in g.subject_objects(PKG.neo4jProperty):
        assert isinstance(prop, URIRef)
        if (prop, RDF.type, OWL.ObjectProperty) in g:
            properties[prop] = PropertyMap(prop, str(key), None, concept=True)
        else:
            rng = g.value(prop, RDFS.range)
            properties[prop] = PropertyMap(prop, str(key), rng if isinstance(rng, URIRef) else XSD.string)
    concepts = {str(n): c for c, n in g.subject_objects(SKOS.notation) if isinstance(c, URIRef)}
    superclasses = {c: _ancestors(g, c) for c in labels}
    return Neo4jMapping(labels, superclasses, relationships, properties, concepts)
