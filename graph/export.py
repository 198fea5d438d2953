"""Neo4j → RDF (Turtle, N-Triples, JSON-LD) with the ontology's IRIs and prefixes."""

from __future__ import annotations

import neo4j
from rdflib import Graph

from policykg.errors import UserError
from policykg.graph import cypher
from policykg.graph.rows import NodeRow, RelRow, rows_to_graph
from policykg.ontology import iris

FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "ntriples": "nt", "jsonld": "json-ld", "json-ld": "json-ld"}


def export_graph(driver: neo4j.Driver, database: str, source_id: str | None = None) -> Graph:
    """The whole graph, or one article with the entities it touches."""
    with driver.session(database=database) as session:
        if source_id is None:
            node_records = session.run(cypher.ALL_NODES).data()
            rel_records = session.run(cypher.ALL_RELATIONSHIPS).data()
        else:
            node_records = session.run(
                cypher.ARTICLE_NODES, article=iris.article_iri(source_id), prefixes=iris.child_prefixes(source_id)
            ).data()
            if not any(iris.article_iri(source_id) == r["iri"] for r in node_records):
                raise UserError(f"no article {source_id!r} in the graph")
            rel_records = session.run(cypher.RELATIONSHIPS_AMONG, iris=[r["iri"] for r in node_records]).data()
    nodes = [NodeRow(r["iri"], tuple(r["labels"]), r["props"]) for r in node_records]
    rels = [RelRow(r["src"], r["type"], r["dst"]) for r in rel_records]
    return rows_to_graph(nodes, rels)


def serialize(graph: Graph, fmt: str) -> str:
    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}: use turtle, nt or jsonld")
    return graph.serialize(format=FORMATS[fmt])
