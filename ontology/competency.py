"""The competency questions (ontology/competency_questions.toml) and a runner for their SPARQL."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rdflib import Graph, Literal
from rdflib.namespace import RDFS, SKOS

from policykg.ontology.schema import HERE, PREFIXES, ontology, select_rows

CQ_FILE = HERE / "competency_questions.toml"


@dataclass(frozen=True)
class CompetencyQuestion:
    id: str
    ko: str
    en: str
    params: dict[str, Any]
    sparql: str
    cypher: str


@lru_cache(maxsize=1)
def competency_questions() -> tuple[CompetencyQuestion, ...]:
    data = tomllib.loads(CQ_FILE.read_text(encoding="utf-8"))
    return tuple(CompetencyQuestion(**q) for q in data["question"])


def run_sparql(graph: Graph, cq: CompetencyQuestion, **params: Any) -> list[dict[str, Any]]:
    """Rows as dicts of Python values; `params` override the question's defaults.

    The ontology is queried with the data, as a researcher loads both into a triple store: concept
    notations and the class hierarchy live there.
    """
    combined = Graph()
    combined += graph
    combined += ontology()
    namespaces = {**PREFIXES, "rdfs": str(RDFS), "skos": str(SKOS)}
    bindings = {k: Literal(v) for k, v in {**cq.params, **params}.items()}
    result = combined.query(cq.sparql, initNs=namespaces, initBindings=bindings)
    names = [str(v) for v in result.vars or []]
    return [
        {n: (row[i].toPython() if row[i] is not None else None) for i, n in enumerate(names)}  # type: ignore[attr-defined]
        for row in select_rows(result)
    ]
