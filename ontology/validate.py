"""SHACL validation of a data graph against policykg's shapes, with the ontology mixed in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pyshacl
from rdflib import Graph, plugin
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Processor
from rdflib.term import Identifier

from policykg.ontology.schema import ontology, shapes


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    report: Graph
    text: str


class ParsedOnceProcessor(SPARQLProcessor):
    """rdflib's SPARQL processor, parsing each query text once. pySHACL runs a SPARQL constraint by passing
    its text again for every focus node, and parsing it (about 20 ms) was most of an article's validation
    time: the sentence shape's check alone took 11 s for a 100 KB article of 1,000 sentences. The parsed
    query is the same each time, and rdflib evaluates a prepared query with any bindings."""

    def query(  # type: ignore[override]  # rdflib's own signature, which differs from Processor's
        self,
        strOrQuery: str | Query,  # rdflib's names
        initBindings: Mapping[str, Identifier] | None = None,
        initNs: Mapping[str, Any] | None = None,
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Mapping[str, Any]:
        if isinstance(strOrQuery, str):
            strOrQuery = _parsed(strOrQuery, base, tuple(sorted((initNs or {}).items())))
        return super().query(strOrQuery, initBindings, initNs, base, DEBUG)


@lru_cache(maxsize=256)
def _parsed(text: str, base: str | None, namespaces: tuple[tuple[str, Any], ...]) -> Query:
    return translateQuery(parseQuery(text), base, dict(namespaces))


plugin.register("sparql", Processor, __name__, ParsedOnceProcessor.__name__)


def validate(data: Graph) -> ValidationResult:
    """pySHACL's (conforms, report graph, readable text); the ontology lets targets reach subclasses."""
    conforms, report, text = pyshacl.validate(
        data,
        shacl_graph=shapes(),
        ont_graph=ontology(),
        inference="none",
        allow_warnings=True,
        advanced=True,
        abort_on_first=False,
    )
    return ValidationResult(bool(conforms), report, str(text))
