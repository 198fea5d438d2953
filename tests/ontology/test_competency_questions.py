"""The competency questions answer on a sample graph (SPARQL) and compile on the real Neo4j (Cypher)."""

from __future__ import annotations

from decimal import Decimal

import neo4j
import pytest

from policykg.ontology.competency import competency_questions, run_sparql
from tests.ontology.sample_graph import build_sample_graph

SAMPLE = build_sample_graph()
CQS = {cq.id: cq for cq in competency_questions()}


def test_there_are_at_least_twenty_with_korean_and_english() -> None:
    assert len(CQS) >= 20 and len(CQS) == len(competency_questions())
    assert all(cq.ko and cq.en and cq.sparql.strip() and cq.cypher.strip() for cq in CQS.values())


@pytest.mark.parametrize("cq_id", sorted(CQS))
def test_sparql_runs_and_answers_on_the_sample(cq_id: str) -> None:
    rows = run_sparql(SAMPLE, CQS[cq_id])
    assert rows, f"{cq_id} found nothing in the sample graph"


def test_funding_by_payer_with_year_and_stage() -> None:
    rows = run_sparql(SAMPLE, CQS["cq01"])
    assert {
        "programme": "AI 기반 분야 오픈소스 생태계 조성 사업",
        "value": Decimal(11_000_000_000),
        "currency": "KRW",
        "year": rows[0]["year"],
        "stage": "proposal",
    } in rows


def test_breakdown_and_series() -> None:
    assert [(r["total"], r["part"]) for r in run_sparql(SAMPLE, CQS["cq03"])] == [
        (Decimal(11_000_000_000), Decimal(10_000_000_000)),
        (Decimal(11_000_000_000), Decimal(1_000_000_000)),
    ]
    assert [r["value"] for r in run_sparql(SAMPLE, CQS["cq04"])] == [Decimal(6_900_000_000), Decimal(5_300_000_000)]


def test_selected_eliminated_and_transferred() -> None:
    assert [r["team"] for r in run_sparql(SAMPLE, CQS["cq05"])] == ["네이버클라우드", "업스테이지"]
    assert [r["team"] for r in run_sparql(SAMPLE, CQS["cq06"])] == ["네이버클라우드"]
    assert run_sparql(SAMPLE, CQS["cq08"]) == [
        {
            "programme": "World Best LLM 프로젝트",
            "from": "한국지능정보사회진흥원",
            "to": "정보통신산업진흥원",
            "modality": "likely",
        }
    ]


def test_sums_hierarchy_and_modality() -> None:
    totals = {r["payer"]: r["total"] for r in run_sparql(SAMPLE, CQS["cq14"])}
    assert totals == {"과학기술정보통신부": Decimal(200_000_000_000), "민간": Decimal(200_000_000_000)}
    assert [r["child"] for r in run_sparql(SAMPLE, CQS["cq16"])] == ["정보통신산업진흥원"]
    assert {r["modality"] for r in run_sparql(SAMPLE, CQS["cq20"])} == {"planned", "likely"}


@pytest.mark.parametrize("cq_id", sorted(CQS))
def test_cypher_compiles_on_neo4j(cq_id: str, driver: neo4j.Driver) -> None:
    cq = CQS[cq_id]
    with driver.session() as session:  # EXPLAIN plans without running: syntax, functions and procedures checked
        session.run("EXPLAIN " + cq.cypher, cq.params).consume()
