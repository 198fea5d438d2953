"""RDF ⇄ Neo4j rows by the ontology's mapping: the loader uses `graph_to_rows`, the exporter `rows_to_graph`.

Decimals become numbers usable in Cypher arithmetic (an integer when whole) plus an exact string in
`<key>_exact`; dates become Neo4j dates; fiscal years integers; SKOS concepts their notation.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, cast

from rdflib import RDF, XSD, Graph, Literal, URIRef

from policykg.errors import PolicyKGError
from policykg.ontology.literals import decimal_literal
from policykg.ontology.mapping import Neo4jMapping, PropertyMap, neo4j_mapping
from policykg.ontology.neo4j_names import Label, Prop
from policykg.ontology.schema import new_graph

EXACT_SUFFIX = "_exact"
INTERNAL_KEYS = {Prop.iri, Prop.embedding, Prop.tokens}  # loader bookkeeping, not ontology data


@dataclass
class NodeRow:
    iri: str
    labels: tuple[str, ...]
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RelRow:
    src: str
    type: str
    dst: str


def _to_neo4j(value: Literal, pm: PropertyMap) -> dict[str, Any]:
    python = value.toPython()
    if pm.datatype == XSD.decimal:
        exact = Decimal(str(value))
        number: int | float = int(exact) if exact == exact.to_integral_value() else float(exact)
        return {pm.key: number, pm.key + EXACT_SUFFIX: str(value)}
    if pm.datatype == XSD.gYear:
        return {pm.key: int(str(value)[:4])}
    if pm.datatype == XSD.date:
        return {pm.key: python if isinstance(python, date) else date.fromisoformat(str(value))}
    if pm.datatype == XSD.integer:
        return {pm.key: int(python)}
    return {pm.key: str(value)}


def graph_to_rows(graph: Graph, mapping: Neo4jMapping | None = None) -> tuple[list[NodeRow], list[RelRow]]:
    mapping = mapping or neo4j_mapping()
    notation = {iri: n for n, iri in mapping.concepts.items()}
    nodes: dict[str, NodeRow] = {}
    rels: list[RelRow] = []
    multi: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for s, cls in graph.subject_objects(RDF.type):
        if isinstance(cls, URIRef) and cls in mapping.labels:
            nodes[str(s)] = NodeRow(str(s), (Label.Resource, *mapping.node_labels(cls)), {Prop.iri: str(s)})
    for s, pred, o in graph:
        if pred == RDF.type:
            continue
        p = cast(URIRef, pred)  # rdflib types a triple's predicate as any Node; in a graph it is an IRI
        node = nodes.get(str(s))
        if node is None:
            raise PolicyKGError(f"{s} has {p} but no ontology class: cannot map it to a Neo4j label")
        if p in mapping.relationships:
            rels.append(RelRow(str(s), mapping.relationships[p], str(o)))
        elif p in mapping.properties:
            pm = mapping.properties[p]
            values = {pm.key: notation[o]} if pm.concept else _to_neo4j(o, pm)  # type: ignore[arg-type, index]
            for key, value in values.items():
                multi[(node.iri, key)].append(value)
        else:
            raise PolicyKGError(f"{p} is not in the ontology's Neo4j mapping")
    for (iri, key), found in multi.items():
        nodes[iri].props[key] = sorted(found) if len(found) > 1 else found[0]
    return list(nodes.values()), rels


def _from_neo4j(value: Any, pm: PropertyMap, props: dict[str, Any], concepts: dict[str, URIRef]) -> list[Any]:
    values = value if isinstance(value, list) else [value]
    if pm.concept:
        return [concepts[v] for v in values]
    if pm.datatype == XSD.decimal:
        exact = props.get(pm.key + EXACT_SUFFIX, value)
        return [decimal_literal(v) for v in (exact if isinstance(exact, list) else [exact])]
    if pm.datatype == XSD.gYear:
        return [Literal(f"{int(v):04d}", datatype=XSD.gYear) for v in values]
    if pm.datatype == XSD.date:
        return [Literal(v.iso_format() if hasattr(v, "iso_format") else str(v), datatype=XSD.date) for v in values]
    if pm.datatype == XSD.integer:
        return [Literal(int(v)) for v in values]
    if pm.datatype == XSD.anyURI:
        return [Literal(str(v), datatype=XSD.anyURI) for v in values]
    return [Literal(str(v)) for v in values]


def rows_to_graph(nodes: list[NodeRow], rels: list[RelRow], mapping: Neo4jMapping | None = None) -> Graph:
    mapping = mapping or neo4j_mapping()
    by_key = {pm.key: pm for pm in mapping.properties.values()}
    rel_props = {t: p for p, t in mapping.relationships.items()}
    graph = new_graph()
    for node in nodes:
        subject = URIRef(node.iri)
        cls = mapping.class_for_labels(set(node.labels) - {Label.Resource})
        if cls is None:
            raise PolicyKGError(f"labels {sorted(node.labels)} of {node.iri} match no ontology class")
        graph.add((subject, RDF.type, cls))
        for key, value in node.props.items():
            if key in INTERNAL_KEYS or key.endswith(EXACT_SUFFIX) or key not in by_key:
                continue
            for obj in _from_neo4j(value, by_key[key], node.props, mapping.concepts):
                graph.add((subject, by_key[key].iri, obj))
    for rel in rels:
        graph.add((URIRef(rel.src), rel_props[rel.type], URIRef(rel.dst)))
    return graph
