"""Loading follows the ontology, round-trips through Turtle, is idempotent and all-or-nothing per article."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from policykg import service
from policykg.graph import loader
from policykg.graph.embeddings import make_embedder
from policykg.graph.export import export_graph, serialize
from policykg.graph.rows import NodeRow, graph_to_rows
from policykg.ingest.pipeline import ingest_file, ingest_files
from policykg.ontology.validate import validate
from tests.conftest import SHARED

SEEDS = SHARED / "corpus" / "seeds"

ARTICLE = """정부, 가상 AI 교육 사업에 {amount} 투입
2026-05-01 시험일보

과학기술정보통신부는 1일 'AI 교실 시범' 사업에 올해 {amount}을 투입한다고 밝혔다.
사업 관리는 정보통신산업진흥원(NIPA)이 맡는다.
"""


def _count(driver: neo4j.Driver, query: str, **params: object) -> int:
    records, _, _ = driver.execute_query(query, params)
    return int(records[0][0])


def test_export_round_trips_to_the_ingest_graph(seeded: neo4j.Driver) -> None:
    ingested, _ = ingest_files([SEEDS])
    exported = export_graph(seeded, "neo4j")
    assert isomorphic(ingested, exported)
    assert validate(exported).conforms
    turtle = serialize(exported, "turtle")
    assert "@prefix pkg: <https://w3id.org/policykg/ontology#>" in turtle
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), ingested)
    assert isomorphic(Graph().parse(data=serialize(exported, "jsonld"), format="json-ld"), ingested)


def test_labels_relationships_and_types_follow_the_mapping(seeded: neo4j.Driver) -> None:
    records, _, _ = seeded.execute_query("""
        MATCH (m:Ministry {name: '과학기술정보통신부'}) RETURN labels(m) AS labels""")
    assert set(records[0]["labels"]) == {"Resource", "Ministry", "GovernmentBody", "Organization", "Agent"}
    records, _, _ = seeded.execute_query("""
        MATCH (f:FundingFact)-[:AMOUNT]->(a:MonetaryAmount), (f)-[:EVIDENCE]->(s:Sentence)-[:IN_ARTICLE]->(art:Article)
        WHERE a.value = 11000000000
        RETURN a.value * 2 AS doubled, a.value_exact AS exact, f.fiscal_year AS year, f.stage AS stage,
               art.published.year AS published_year, s.text AS text, s.start AS start, s.end AS end,
               art.body AS body""")
    row = records[0]
    assert row["doubled"] == 22_000_000_000 and row["exact"] == "11000000000.0"
    assert (row["year"], row["stage"], row["published_year"]) == (2026, "proposal", 2025)
    assert row["body"][row["start"] : row["end"]] == row["text"], "evidence offsets index the stored body"


def test_reloading_an_unchanged_article_changes_nothing(seeded: neo4j.Driver) -> None:
    before = _count(seeded, "MATCH (n) RETURN count(n)"), _count(seeded, "MATCH ()-[r]->() RETURN count(r)")
    outcomes = service.load_files(seeded, "neo4j", [SEEDS / "000_f943f955f41cbba2.txt"], make_embedder())
    assert outcomes[0][1] is not None and outcomes[0][1].status == "unchanged"
    assert (_count(seeded, "MATCH (n) RETURN count(n)"), _count(seeded, "MATCH ()-[r]->() RETURN count(r)")) == before


def test_changed_article_replaces_its_facts_and_delete_removes_them(seeded: neo4j.Driver, tmp_path: Path) -> None:
    path = tmp_path / "ai_classroom.txt"
    embedder = make_embedder()
    path.write_text(ARTICLE.format(amount="30억원"), encoding="utf-8")
    assert service.load_files(seeded, "neo4j", [path], embedder)[0][1].status == "loaded"  # type: ignore[union-attr]
    path.write_text(ARTICLE.format(amount="45억원"), encoding="utf-8")
    assert service.load_files(seeded, "neo4j", [path], embedder)[0][1].status == "replaced"  # type: ignore[union-attr]
    values = {
        r["v"]
        for r in seeded.execute_query(
            "MATCH (:Programme {name: 'AI 교실 시범 사업'})<-[:FOR_PROGRAMME]-(:FundingFact)-[:AMOUNT]->(a) "
            "RETURN a.value AS v"
        )[0]
    }
    assert values == {4_500_000_000}
    loader.delete_article(seeded, "neo4j", "ai_classroom")
    assert _count(seeded, "MATCH (a:Article {source_id: 'ai_classroom'}) RETURN count(a)") == 0
    assert _count(seeded, "MATCH (p:Programme {name: 'AI 교실 시범 사업'}) RETURN count(p)") == 0, "orphans go too"
    assert _count(seeded, "MATCH (m:Ministry {name: '과학기술정보통신부'}) RETURN count(m)") == 1, (
        "shared entities stay"
    )


def test_a_failed_load_leaves_nothing_half_written(seeded: neo4j.Driver) -> None:
    result = ingest_file(SHARED / "corpus" / "bad" / "euckr_article.txt")
    assert result.graph is not None
    nodes, rels = graph_to_rows(result.graph)
    # Neo4j refuses a map as a property value: the error comes after the first batches were written.
    broken = [
        *nodes,
        NodeRow(
            "https://w3id.org/policykg/id/fact/euckr_article/broken",
            ("Resource", "Fact"),
            {"iri": "x", "nested": {"not": "allowed"}},
        ),
    ]
    with seeded.session(database="neo4j") as session, pytest.raises(neo4j.exceptions.Neo4jError):
        session.execute_write(loader._write, broken, rels, [], ["euckr_article"])
    assert _count(seeded, "MATCH (n:Resource) WHERE n.iri CONTAINS 'euckr_article' RETURN count(n)") == 0


def test_one_article_exports_alone(seeded: neo4j.Driver) -> None:
    graph = export_graph(seeded, "neo4j", "004_53fb900db9c2816c")
    sources = {str(o) for o in graph.objects(None, graph.namespace_manager.expand_curie("pkg:sourceId"))}
    assert sources == {"004_53fb900db9c2816c"}
    assert validate(graph).conforms
