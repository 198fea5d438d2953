"""The ontology's files and namespaces, loaded once per process."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from rdflib import RDFS, Graph, Literal, Namespace, URIRef
from rdflib.query import Result, ResultRow

HERE = Path(__file__).resolve().parent
ONTOLOGY_FILE = HERE / "policykg.ttl"
SHAPES_FILE = HERE / "shapes.ttl"
REGISTRY_FILE = HERE / "registry.ttl"

PKG_NS = "https://w3id.org/policykg/ontology#"
ID_NS = "https://w3id.org/policykg/id/"
ID = Namespace(ID_NS)

PREFIXES = {
    "pkg": PKG_NS,
    "pkgid": ID_NS,
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "time": "http://www.w3.org/2006/time#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def new_graph() -> Graph:
    """An empty graph with policykg's prefixes bound, so Turtle output reads cleanly in Protégé/GraphDB."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, Namespace(ns), override=True)
    return graph


@lru_cache(maxsize=1)
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def registry_graph() -> Graph:
    return Graph().parse(REGISTRY_FILE, format="turtle")


def korean_label(local_name: str) -> str:
    """A term's Korean label ('FundingFact' → '예산·자금 사실'), else its name."""
    for label in ontology().objects(URIRef(PKG_NS + local_name), RDFS.label):
        if isinstance(label, Literal) and label.language == "ko":
            return str(label)
    return local_name


def select_rows(result: Result) -> Iterator[ResultRow]:
    """A SELECT query's rows (rdflib types iterating any result as rows, booleans or triples)."""
    for row in result:
        if not isinstance(row, ResultRow):
            raise TypeError("not a SELECT result")
        yield row
