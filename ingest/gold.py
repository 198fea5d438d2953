"""Precision and recall of ingest against a hand-made gold annotation (entities and facts, no text).

`python -m policykg.ingest.gold ARTICLES_DIR GOLD.toml` prints the table; the tests assert floors.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from policykg.ingest.batch import ingest_files
from policykg.ontology.mapping import neo4j_mapping
from policykg.ontology.schema import select_rows
from policykg.ontology.vocab import PKG

GROUPS = {
    "Person": "Person",
    "Programme": "Programme",
    "Law": "Law",
    "Conference": "Event",
    "Event": "Event",
    "Briefing": "Event",
    "Evaluation": "Event",
    "Place": "Place",
}
# The fields a fact is judged on, as SPARQL fragments over ?f binding ?v.
FIELDS = {
    "value": "?f (pkg:amount|pkg:quantity)/pkg:value ?v",
    "unit": "?f pkg:quantity/pkg:unit ?v",
    "programme": "?f pkg:programme/pkg:name ?v",
    "payer": "?f pkg:payer/pkg:name ?v",
    "year": "?f pkg:fiscalYear ?v",
    "stage": "?f pkg:budgetStage ?v",
    "team": "?f pkg:team/pkg:name ?v",
    "outcome": "?f pkg:outcome ?v",
    "from": "?f pkg:fromOrganization/pkg:name ?v",
    "to": "?f pkg:toOrganization/pkg:name ?v",
    "modality": "?f pkg:modality ?v",
    "organization": "?f pkg:organization/pkg:name ?v",
    "role": "?f pkg:role ?v",
    "person": "?f pkg:holder/pkg:name ?v",
    "post": "?f pkg:postTitle ?v",
    "speaker": "?f pkg:speaker/pkg:name ?v",
    "law": "?f pkg:law/pkg:name ?v",
    "action": "?f pkg:lawAction ?v",
    "event": "?f pkg:event/pkg:name ?v",
    "part": "BIND(EXISTS { ?f pkg:partOf ?t } AS ?v)",
}


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched


def _python(term: Any) -> Any:
    if isinstance(term, URIRef):  # a SKOS concept: judged by its notation
        return {iri: notation for notation, iri in neo4j_mapping().concepts.items()}.get(term, str(term))
    value = term.toPython()
    return str(value) if value is term else value  # rdflib hands back types it cannot convert (xsd:gYear)


def predicted_facts(graph: Graph, source_id: str, kinds: set[str]) -> list[dict[str, Any]]:
    ns = {"pkg": str(PKG), "skos": "http://www.w3.org/2004/02/skos/core#"}
    facts = []
    query = (
        "SELECT DISTINCT ?f ?kind WHERE { ?f a ?kind ; pkg:evidence/pkg:inArticle/pkg:sourceId ?sid . "
        "FILTER(STRSTARTS(STR(?kind), STR(pkg:))) }"
    )
    for f, kind in select_rows(graph.query(query, initNs=ns, initBindings={"sid": _literal(source_id)})):
        name = str(kind).rsplit("#", 1)[1]
        if name not in kinds:
            continue
        fact: dict[str, Any] = {"kind": name}
        for field, pattern in FIELDS.items():
            rows = list(select_rows(graph.query(f"SELECT ?v WHERE {{ {pattern} }}", initNs=ns, initBindings={"f": f})))
            if rows and rows[0][0] is not None:
                fact[field] = _python(rows[0][0])
        facts.append(fact)
    return facts


def _literal(text: str) -> Any:
    from rdflib import Literal

    return Literal(text)


def predicted_entities(graph: Graph, source_id: str) -> set[tuple[str, str]]:
    query = (
        "SELECT DISTINCT ?cls ?name WHERE { ?s pkg:inArticle/pkg:sourceId ?sid ; pkg:mentions ?e . "
        "?e a ?cls ; pkg:name ?name }"
    )
    return {
        (GROUPS.get(str(c).rsplit("#", 1)[1], "Organization"), str(n))
        for c, n in select_rows(graph.query(query, initNs={"pkg": str(PKG)}, initBindings={"sid": _literal(source_id)}))
    }


def match_facts(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Score:
    used: set[int] = set()
    matched = 0
    for g in gold:
        for i, p in enumerate(predicted):
            if i not in used and all(p.get(k) == v for k, v in g.items()):
                used.add(i)
                matched += 1
                break
    return Score(len(gold), len(predicted), matched)


def evaluate(articles: Path, gold_file: Path) -> dict[str, tuple[Score, Score]]:
    """Per article id: (entity score, fact score)."""
    gold = tomllib.loads(gold_file.read_text(encoding="utf-8"))["article"]
    graph, _ = ingest_files([articles / f"{a['id']}.txt" for a in gold], check_shapes=False)
    results = {}
    for article in gold:
        entities = {tuple(e) for e in article["entities"]}
        found = predicted_entities(graph, article["id"])
        entity_score = Score(len(entities), len(found), len(entities & found))
        kinds = {f["kind"] for f in article["facts"]} | {"FundingFact", "SelectionFact", "PostHolding", "Quote"}
        fact_score = match_facts(article["facts"], predicted_facts(graph, article["id"], kinds))
        results[article["id"]] = (entity_score, fact_score)
    return results


def report(results: dict[str, tuple[Score, Score]]) -> str:
    lines = [f"{'article':24} {'entity P':>8} {'entity R':>8} {'fact P':>8} {'fact R':>8}"]
    total_e, total_f = Score(), Score()
    for sid, (e, f) in results.items():
        total_e.add(e)
        total_f.add(f)
        lines.append(f"{sid:24} {e.precision:8.2f} {e.recall:8.2f} {f.precision:8.2f} {f.recall:8.2f}")
    lines.append(
        f"{'all':24} {total_e.precision:8.2f} {total_e.recall:8.2f} {total_f.precision:8.2f} {total_f.recall:8.2f}"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(evaluate(Path(sys.argv[1]), Path(sys.argv[2]))))
