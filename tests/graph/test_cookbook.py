"""Every saved query of the cookbook (the competency questions' Cypher) on the loaded seed articles, and a few
on the project's own sample articles (which also run without ../shared)."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest

from policykg.graph.query import run_read_query
from policykg.ontology.competency import competency_questions

CQS = {cq.id: cq for cq in competency_questions()}
SOVEREIGN = "독자 AI 파운데이션 모델 프로젝트"
OSS = "AI 기반 분야 오픈소스 생태계 조성 사업"


def _rows(driver: neo4j.Driver, cq_id: str, **params: Any) -> list[dict[str, Any]]:
    cq = CQS[cq_id]
    result = run_read_query(driver, "neo4j", cq.cypher, {**cq.params, **params})
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


EXPECTED: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {
    "cq02": ({"programme": OSS}, [{"year": 2026, "stage": "proposal", "value": 11_000_000_000, "qualifier": "exact"}]),
    "cq04": (
        {"programme": "공개SW 활성화 지원사업"},
        [{"year": y, "value": v * 10**8} for y, v in ((2021, 134), (2022, 134), (2023, 116), (2024, 69), (2025, 53))],
    ),
    "cq05": (
        {"programme": SOVEREIGN},
        [
            {"team": t, "asOf": "2025-08-04"}
            for t in ("LG AI연구원", "NC AI", "SK텔레콤", "네이버클라우드", "업스테이지")
        ],
    ),
    "cq06": (
        {"programme": SOVEREIGN},
        [{"team": "NC AI", "asOf": "2026-01-29"}, {"team": "네이버클라우드", "asOf": "2026-01-29"}],
    ),
    "cq07": (
        {"programme": "World Best LLM 프로젝트"},
        [{"organization": "한국지능정보사회진흥원", "role": "plans", "modality": "done"}],
    ),
    "cq08": (
        {},
        [
            {
                "programme": "World Best LLM 프로젝트",
                "from": "한국지능정보사회진흥원",
                "to": "정보통신산업진흥원",
                "modality": "likely",
            }
        ],
    ),
    "cq10": (
        {"person": "배경훈"},
        [
            {"post": "장관", "organization": "과학기술정보통신부", "asOf": "2025-08-04"},
            {"post": "부총리 겸 과학기술정보통신부 장관", "organization": "과학기술정보통신부", "asOf": "2026-01-29"},
        ],
    ),
    "cq13": ({}, []),
    "cq14": (
        {"programme": "국가AI컴퓨팅센터"},
        [{"payer": "대한민국 정부", "total": 200_000_000_000}, {"payer": "민간", "total": 200_000_000_000}],
    ),
    "cq16": (
        {"organization": "과학기술정보통신부"},
        [{"child": "정보통신산업진흥원"}, {"child": "한국지능정보사회진흥원"}],
    ),
    "cq19": ({}, [{"law": "조세특례제한법", "action": "amended", "purpose": "AI를 국가전략기술로 지정"}]),
}


@pytest.mark.parametrize("cq_id", sorted(EXPECTED))
def test_saved_query_returns_the_expected_rows(seeded: neo4j.Driver, cq_id: str) -> None:
    params, expected = EXPECTED[cq_id]
    rows = _rows(seeded, cq_id, **params)
    key = lambda r: sorted(map(str, r.values()))  # noqa: E731 - order within equal sort keys is not specified
    assert sorted(rows, key=key) == sorted(expected, key=key)


def test_funding_by_payer_and_breakdown(seeded: neo4j.Driver) -> None:
    rows = _rows(seeded, "cq01")
    assert {"programme": OSS, "value": 11_000_000_000, "currency": "KRW", "year": 2026, "stage": "proposal"} in rows
    assert {
        "programme": "국가AI컴퓨팅센터",
        "value": 20_000_000_000,
        "currency": "KRW",
        "year": 2025,
        "stage": "executed",
    } in rows
    parts = _rows(seeded, "cq03", programme=OSS)
    assert [(r["total"], r["part"]) for r in parts] == [
        (11_000_000_000, 10_000_000_000),
        (11_000_000_000, 1_000_000_000),
    ]


def test_people_quotes_and_evidence(seeded: neo4j.Driver) -> None:
    posts = _rows(seeded, "cq09", organization="과학기술정보통신부")
    assert posts[0] == {"person": "배경훈", "post": "부총리 겸 과학기술정보통신부 장관", "asOf": "2026-01-29"}, (
        "latest first"
    )
    quotes = _rows(seeded, "cq11", person="배경훈")
    assert {q["article"] for q in quotes} == {"002_9cdbd4561d2efd3a", "003_26de90ae6184e7fd"}
    speakers = {r["speaker"] for r in _rows(seeded, "cq12", programme=SOVEREIGN)}
    assert {"김유원", "김민재", "배경훈"} <= speakers
    evidence = _rows(seeded, "cq15", programme=OSS)
    assert len(evidence) == 3 and all(r["article"] == "000_f943f955f41cbba2" for r in evidence)


def test_quantities_events_modality_mentions_and_top_amounts(seeded: neo4j.Driver) -> None:
    quantities = {
        (r["measure"], r["value"], r["unit"], r["qualifier"]) for r in _rows(seeded, "cq17", programme=SOVEREIGN)
    }
    assert {("성능", 95, "%", "at_least"), ("팀", 2, "팀", "exact"), ("GPU", 1000, "장", "at_least")} <= quantities
    assert {
        "event": "2026년 인공지능·소프트웨어인 신년인사회",
        "place": None,
        "participant": "배경훈",
        "asOf": "2026-01-29",
    } in _rows(seeded, "cq18")
    modalities = {(r["type"], r["modality"]) for r in _rows(seeded, "cq20")}
    assert ("TransferFact", "likely") in modalities and all(t != "Resource" for t, _ in modalities)
    mentions = {r["entity"]: r["mentions"] for r in _rows(seeded, "cq21", article="004_53fb900db9c2816c")}
    assert mentions["국가AI컴퓨팅센터"] >= 3 and mentions["정보통신산업진흥원"] == 1
    top = _rows(seeded, "cq22")
    assert top[0]["value"] == 1_800_000_000_000 and len(top) == 10


def test_every_saved_query_runs_read_only(loaded: neo4j.Driver) -> None:
    for cq in CQS.values():
        run_read_query(loaded, "neo4j", cq.cypher, cq.params)


def test_saved_queries_on_the_sample_articles(loaded: neo4j.Driver) -> None:
    cluster = "인공지능 집적단지 2단계 사업"
    totals = {r["payer"]: r["total"] for r in _rows(loaded, "cq14", programme=cluster)}
    # 6000억 in all: 국비 4000억, 시비 1200억, 민간 800억 (regional_ai_cluster.txt)
    assert totals == {"대한민국 정부": 400_000_000_000, "광주광역시": 120_000_000_000, "민간": 80_000_000_000}
    parts = [(r["total"], r["part"]) for r in _rows(loaded, "cq03", programme=cluster)]
    assert parts == [
        (600_000_000_000, 400_000_000_000),
        (600_000_000_000, 120_000_000_000),
        (600_000_000_000, 80_000_000_000),
    ]
    children = {r["child"] for r in _rows(loaded, "cq16", organization="과학기술정보통신부")}
    assert {"AI안전연구소", "정보통신산업진흥원", "한국전자통신연구원"} <= children
    laws = _rows(loaded, "cq19")
    assert {"law": "인공지능 발전과 신뢰 기반 조성 등에 관한 기본법", "action": "in force", "purpose": None} in laws
    funded = _rows(loaded, "cq01", payer="과학기술정보통신부")
    assert {"programme": None, "value": 15_000_000_000, "currency": "KRW", "year": 2026, "stage": None} in funded
