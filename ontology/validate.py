"""SHACL validation of a data graph against policykg's shapes, with the ontology mixed in: pySHACL for its report,
after a quick check (ontology/quick_check.py) that passes the graphs pySHACL would pass."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pyshacl
from rdflib import RDF, SH, BNode, Graph, Literal, URIRef, plugin
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.processor import SPARQLProcessor
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Processor
from rdflib.term import Identifier, Node

from policykg.errors import explained
from policykg.ontology.quick_check import surely_conforms
from policykg.ontology.schema import ID_NS, PREFIXES, ontology, shapes


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node that fails, the shape and constraint it fails, and why."""

    focus: URIRef | BNode
    shape: str  # 'FundingFactShape pkg:partOf' for a property shape, 'FundingFactShape' for a node shape
    constraint: str  # 'Class', 'MinCount', 'Or' … (sh:…ConstraintComponent without the suffix)
    message: str
    value: str | None = None

    def line(self) -> str:
        """One line: shape (constraint) on focus node: message [value]."""
        value = f" (value {self.value})" if self.value and self.value != short(self.focus) else ""
        return f"{self.shape} ({self.constraint}) on {short(self.focus)}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    report: Graph
    text: str

    @property
    def violations(self) -> list[Violation]:
        return violations(self.report)

    def summary(self) -> str:
        """For readers: the verdict in Korean (the technical one after it), then pySHACL's report."""
        if self.conforms:
            verdict = explained("그래프가 SHACL 형상을 모두 따릅니다", "the graph conforms to the SHACL shapes")
        else:
            count = len(self.violations)
            verdict = explained(
                f"그래프가 SHACL 형상을 어깁니다: 위반 {count}건, 아래 보고서 참고",
                "the graph violates the SHACL shapes",
            )
        return f"{verdict}\n\n{self.text}"


def short(term: object) -> str:
    """An IRI as a reader wants it in a report line: 'fact/r023/money-6-1', 'pkg:partOf'."""
    text = str(term)
    if text.startswith(ID_NS):
        return text[len(ID_NS) :]
    for prefix, ns in PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return text


def _shape_name(shape: Node | None) -> str:
    """A named node shape by its local name; a property shape (a blank node) by its node shape and path."""
    if isinstance(shape, URIRef):
        return str(shape).rsplit("#", 1)[-1]
    if shape is None:
        return "shape"
    graph = shapes()
    parent = next(graph.subjects(SH.property, shape), None)
    path = graph.value(shape, SH.path)
    owner = _shape_name(parent) if parent is not None else "shape"
    return f"{owner} {short(path)}" if path is not None else owner


def violations(report: Graph) -> list[Violation]:
    """Every sh:Violation in a pySHACL report graph, in a stable order."""
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) not in (None, SH.Violation):
            continue
        focus = report.value(result, SH.focusNode)
        if not isinstance(focus, URIRef | BNode):
            continue
        component = str(report.value(result, SH.sourceConstraintComponent) or "")
        value = report.value(result, SH.value)
        found.append(
            Violation(
                focus=focus,
                shape=_shape_name(report.value(result, SH.sourceShape)),
                constraint=component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent"),
                message=" ".join(str(report.value(result, SH.resultMessage) or "fails its shape").split()),
                value=short(value) if value is not None else None,
            )
        )
    return sorted(set(found), key=lambda v: (str(v.focus), v.shape, v.constraint, v.message))


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
    """pySHACL's (conforms, report graph, readable text). A graph the quick check passes is one pySHACL passes,
    and gets the report pySHACL gives such a graph without the 30 ms per article pySHACL takes for it."""
    if surely_conforms(data):
        report = Graph()
        report.add((node := BNode(), RDF.type, SH.ValidationReport))
        report.add((node, SH.conforms, Literal(True)))
        return ValidationResult(True, report, "Validation Report\nConforms: True\n")
    return shacl_validate(data)


def shacl_validate(data: Graph) -> ValidationResult:
    """pySHACL's verdict; the ontology lets targets reach subclasses."""
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
