"""SHACL validation of a data graph against policykg's shapes, with the ontology mixed in."""

from __future__ import annotations

from dataclasses import dataclass

import pyshacl
from rdflib import Graph

from policykg.ontology.schema import ontology, shapes


@dataclass(frozen=True)
class ValidationResult:
    conforms: bool
    report: Graph
    text: str


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
