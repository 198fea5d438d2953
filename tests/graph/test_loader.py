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
from policykg.ingest.batch import ingest_files
from policykg.ingest.pipeline import ingest_file
from policykg.ontology.validate import validate
from tests.conftest import SAMPLES, loaded_folders

ARTICLE = """정부, 가상 AI 교육 사업에 {amount} 투입
2026-05-01 시험일보

과학기술정보통신부는 1일 'AI 교실 시범' 사업에 올해 {amount}을 투입한다고 밝혔다.
사업 관리는 정보통신산업진흥원(NIPA)이 맡는다.
"""


def _count(driver: neo4j.Driver, query: str, **params: object) -> int:
    records, _, _ = driver.execute_query(query, params)
    return int(records[0][0])


def test_export_round_trips_to_the_ingest_graph(loaded: neo4j.Driver) -> None:
    ingested, _ = ingest_files(loaded_folders())
    exported = export_graph(loaded, "neo4j")
    assert isomorphic(ingested, exported)
    assert validate(exported).conforms
    turtle = serialize(exported, "turtle")
    assert "@prefix pkg: <https://w3id.org/policykg/ontology#>" in turtle
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), ingested)
    assert isomorphic(Graph().parse(data=serialize(exported, "jsonld"), format="json-ld"), ingested)


def _funding_with_evidence(driver: neo4j.Driver, value: int) -> neo4j.Record:
    records, _, _ = driver.execute_query(
        """
        MATCH (f:FundingFact)-[:AMOUNT]->(a:MonetaryAmount), (f)-[:EVIDENCE]->(s:Sentence)-[:IN_ARTICLE]->(art:Article)
        WHERE a.value = $value
        RETURN a.value * 2 AS doubled, a.value_exact AS exact, f.fiscal_year AS year, f.stage AS stage,
               art.published.year AS published_year, s.text AS text, s.start AS start, s.end AS end,
               art.body AS body""",
        value=value,
    )
    return records[0]


def test_labels_relationships_and_types_follow_the_mapping(loaded: neo4j.Driver) -> None:
    records, _, _ = loaded.execute_query("""
        MATCH (m:Ministry {name: '과학기술정보통신부'}) RETURN labels(m) AS labels""")
    assert set(records[0]["labels"]) == {"Resource", "Ministry", "GovernmentBody", "Organization", "Agent"}
    # The sample article's 150억 for the AI safety institute: an integer, its exact text, year, offsets.
    row = _funding_with_evidence(loaded, 15_000_000_000)
    assert row["doubled"] == 30_000_000_000 and row["exact"] == "15000000000.0"
    assert (row["year"], row["stage"], row["published_year"]) == (2026, None, 2026)
    assert row["body"][row["start"] : row["end"]] == row["text"], "evidence offsets index the stored body"


def test_a_seed_proposal_keeps_its_fiscal_year_and_stage(seeded: neo4j.Driver) -> None:
    row = _funding_with_evidence(seeded, 11_000_000_000)
    assert row["doubled"] == 22_000_000_000 and row["exact"] == "11000000000.0"
    assert (row["year"], row["stage"], row["published_year"]) == (2026, "proposal", 2025)
    assert row["body"][row["start"] : row["end"]] == row["text"], "evidence offsets index the stored body"


def test_reloading_an_unchanged_article_changes_nothing(loaded: neo4j.Driver) -> None:
    before = _count(loaded, "MATCH (n) RETURN count(n)"), _count(loaded, "MATCH ()-[r]->() RETURN count(r)")
    outcomes = service.load_files(loaded, "neo4j", [SAMPLES / "regional_ai_cluster.txt"], make_embedder())
    assert outcomes[0][1] is not None and outcomes[0][1].status == "unchanged"
    assert (_count(loaded, "MATCH (n) RETURN count(n)"), _count(loaded, "MATCH ()-[r]->() RETURN count(r)")) == before


def test_changed_article_replaces_its_facts_and_delete_removes_them(loaded: neo4j.Driver, tmp_path: Path) -> None:
    path = tmp_path / "ai_classroom.txt"
    embedder = make_embedder()
    path.write_text(ARTICLE.format(amount="30억원"), encoding="utf-8")
    assert service.load_files(loaded, "neo4j", [path], embedder)[0][1].status == "loaded"  # type: ignore[union-attr]
    path.write_text(ARTICLE.format(amount="45억원"), encoding="utf-8")
    assert service.load_files(loaded, "neo4j", [path], embedder)[0][1].status == "replaced"  # type: ignore[union-attr]
    values = {
        r["v"]
        for r in loaded.execute_query(
            "MATCH (:Programme {name: 'AI 교실 시범 사업'})<-[:FOR_PROGRAMME]-(:FundingFact)-[:AMOUNT]->(a) "
            "RETURN a.value AS v"
        )[0]
    }
    assert values == {4_500_000_000}
    loader.delete_article(loaded, "neo4j", "ai_classroom")
    assert _count(loaded, "MATCH (a:Article {source_id: 'ai_classroom'}) RETURN count(a)") == 0
    assert _count(loaded, "MATCH (p:Programme {name: 'AI 교실 시범 사업'}) RETURN count(p)") == 0, "orphans go too"
    assert _count(loaded, "MATCH (m:Ministry {name: '과학기술정보통신부'}) RETURN count(m)") == 1, (
        "shared entities stay"
    )


def test_a_failed_load_leaves_nothing_half_written(loaded: neo4j.Driver, tmp_path: Path) -> None:
    path = tmp_path / "half_written.txt"  # an article not in the graph yet
    path.write_text(ARTICLE.format(amount="12억원"), encoding="utf-8")
    result = ingest_file(path)
    assert result.graph is not None
    nodes, rels = graph_to_rows(result.graph)
    # Neo4j refuses a map as a property value: the error comes after the first batches were written.
    broken = [
        *nodes,
        NodeRow(
            "https://w3id.org/policykg/id/fact/half_written/broken",
            ("Resource", "Fact"),
            {"iri": "x", "nested": {"not": "allowed"}},
        ),
    ]
    with loaded.session(database="neo4j") as session, pytest.raises(neo4j.exceptions.Neo4jError):
        session.execute_write(loader._write, broken, rels, [], ["half_written"])
    assert _count(loaded, "MATCH (n:Resource) WHERE n.iri CONTAINS 'half_written' RETURN count(n)") == 0


def test_one_article_exports_alone(loaded: neo4j.Driver) -> None:
    graph = export_graph(loaded, "neo4j", "regional_ai_cluster")
    sources = {str(o) for o in graph.objects(None, graph.namespace_manager.expand_curie("pkg:sourceId"))}
    assert sources == {"regional_ai_cluster"}
    assert validate(graph).conforms
