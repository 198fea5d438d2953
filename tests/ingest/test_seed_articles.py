"""Ingest on the five real seed articles in ../shared (read at test time, never copied into the repo)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from policykg.ingest.batch import ingest_files
from policykg.ingest.pipeline import ArticleReport
from policykg.ontology.registry import registry
from policykg.ontology.validate import validate
from policykg.ontology.vocab import PKG
from tests.conftest import SHARED

pytestmark = pytest.mark.shared  # the seed articles themselves
SEEDS = SHARED / "corpus" / "seeds"
BAD = SHARED / "corpus" / "bad"
SOVEREIGN = registry().resolve("독자 AI 파운데이션 모델 프로젝트")


@pytest.fixture(scope="module")
def seeds() -> tuple[Graph, list[ArticleReport]]:
    return ingest_files([SEEDS])


def _select(graph: Graph, query: str) -> list[tuple]:  # type: ignore[type-arg]
    return [tuple(row) for row in graph.query(query, initNs={"pkg": str(PKG)})]


def test_every_seed_is_ingested_into_a_shacl_valid_graph(seeds: tuple[Graph, list[ArticleReport]]) -> None:
    graph, reports = seeds
    assert [r.status for r in reports] == ["ingested"] * 5
    result = validate(graph)
    assert result.conforms, result.text


def test_open_source_budget_proposal_and_its_breakdown(seeds: tuple[Graph, list[ArticleReport]]) -> None:
    graph, _ = seeds
    rows = _select(
        graph,
        """
        SELECT ?f ?value ?year ?text WHERE {
          ?f a pkg:FundingFact ; pkg:budgetStage pkg:proposal ; pkg:fiscalYear ?year ; pkg:amount/pkg:value ?value ;
             pkg:programme/pkg:name ?name ; pkg:evidence/pkg:text ?text .
          FILTER NOT EXISTS { ?f pkg:partOf ?whole }
          FILTER (CONTAINS(?name, "오픈소스 생태계 조성"))
        }""",
    )
    assert len(rows) == 1
    total, value, year, text = rows[0]
    assert value.toPython() == Decimal(11_000_000_000) and str(year) == "2026" and "110억원" in str(text)
    parts = _select(graph, f"SELECT ?v WHERE {{ ?p pkg:partOf <{total}> ; pkg:amount/pkg:value ?v }}")
    assert sorted(v.toPython() for (v,) in parts) == [Decimal(1_000_000_000), Decimal(10_000_000_000)]


def test_open_sw_series_is_complete_from_2021_to_2025(seeds: tuple[Graph, list[ArticleReport]]) -> None:
    graph, _ = seeds
    rows = _select(
        graph,
        """
        SELECT ?year ?value WHERE {
          ?s a pkg:TimeSeries ; pkg:observation ?f .
          ?f pkg:fiscalYear ?year ; pkg:amount/pkg:value ?value .
        } ORDER BY ?year""",
    )
    assert [(str(y), v.toPython() / 10**8) for y, v in rows] == [
        ("2021", 134),
        ("2022", 134),
        ("2023", 116),
        ("2024", 69),
        ("2025", 53),
    ]


def test_selected_and_eliminated_teams_are_linked_to_one_programme(seeds: tuple[Graph, list[ArticleReport]]) -> None:
    graph, _ = seeds
    assert SOVEREIGN is not None
    rows = _select(
        graph,
        f"""
        SELECT ?outcome ?team WHERE {{
          ?f a pkg:SelectionFact ; pkg:programme <{SOVEREIGN.iri}> ; pkg:outcome ?outcome ; pkg:team/pkg:name ?team .
        }}""",
    )
    selected = {str(t) for o, t in rows if o == PKG.selected}
    eliminated = {str(t) for o, t in rows if o == PKG.eliminated}
    assert selected == {"네이버클라우드", "업스테이지", "SK텔레콤", "NC AI", "LG AI연구원"}
    assert eliminated == {"네이버클라우드", "NC AI"}


def test_no_entity_comes_from_trailing_headline_lists(seeds: tuple[Graph, list[ArticleReport]]) -> None:
    graph, _ = seeds
    names = {str(n) for n in graph.objects(None, PKG.name)}
    for junk in ("메가존클라우드", "LG전자", "삼성전자", "스타벅스", "에버랜드", "카카오", "엔믹스", "수출입은행"):
        assert junk not in names
    bodies = " ".join(str(b) for b in graph.objects(None, PKG.bodyText))
    for junk in ("무선청소기", "상호관세", "콘서트", "코인 해킹", "동계올림픽"):
        assert junk not in bodies


def test_aliases_merge_across_articles(seeds: tuple[Graph, list[ArticleReport]]) -> None:
    graph, _ = seeds
    msit = registry().resolve("과학기술정보통신부")
    assert msit is not None
    mentioned_as = {
        str(t) for (t,) in _select(graph, f"SELECT ?text WHERE {{ ?s pkg:mentions <{msit.iri}> ; pkg:text ?text }}")
    }
    assert any("과기부" in t for t in mentioned_as) and any("과기정통부" in t for t in mentioned_as)
    assert SOVEREIGN is not None
    programme_articles = {
        str(a)
        for (a,) in _select(
            graph, f"SELECT DISTINCT ?id WHERE {{ ?s pkg:mentions <{SOVEREIGN.iri}> ; pkg:inArticle/pkg:sourceId ?id }}"
        )
    }
    assert programme_articles == {"002_9cdbd4561d2efd3a", "003_26de90ae6184e7fd"}


def test_posts_transfers_and_quotes(seeds: tuple[Graph, list[ArticleReport]]) -> None:
    graph, _ = seeds
    posts = set(
        _select(
            graph,
            """
        SELECT ?person ?post ?org WHERE {
          ?f a pkg:PostHolding ; pkg:holder/pkg:name ?person ; pkg:postTitle ?post ;
             pkg:organization/pkg:name ?org }""",
        )
    )
    assert (Literal("조준희"), Literal("회장"), Literal("한국인공지능·소프트웨어산업협회")) in posts
    assert (Literal("김민재"), Literal("최고기술책임자"), Literal("NC AI")) in posts
    assert (Literal("김유원"), Literal("대표"), Literal("네이버클라우드")) in posts
    assert (Literal("배경훈"), Literal("부총리 겸 과학기술정보통신부 장관"), Literal("과학기술정보통신부")) in posts
    transfers = _select(
        graph,
        """
        SELECT ?to ?from ?modality WHERE {
          ?f a pkg:TransferFact ; pkg:toOrganization/pkg:name ?to ; pkg:fromOrganization/pkg:name ?from ;
             pkg:modality ?modality }""",
    )
    assert transfers == [(Literal("정보통신산업진흥원"), Literal("한국지능정보사회진흥원"), PKG.likely)]
    for quote, sentence in _select(
        graph, "SELECT ?q ?s WHERE { ?f a pkg:Quote ; pkg:text ?q ; pkg:evidence/pkg:text ?s }"
    ):
        assert str(quote) in str(sentence), "quotes are verbatim from their evidence sentence"


def test_reingesting_an_unchanged_article_gives_the_same_graph(seeds: tuple[Graph, list[ArticleReport]]) -> None:
    again, _ = ingest_files([SEEDS / "000_f943f955f41cbba2.txt"])
    first, _ = ingest_files([SEEDS / "000_f943f955f41cbba2.txt"])
    assert isomorphic(first, again)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("binary_as_article.html", "binary"),
        ("empty.txt", "empty"),
        ("english_only.txt", "no Korean text"),
        ("headlines_only.txt", "list of headlines"),
        ("truncated_page.html", "truncated HTML"),
    ],
)
def test_damaged_inputs_get_a_clear_reason(name: str, reason: str) -> None:
    _, reports = ingest_files([BAD / name])
    assert reports[0].status == "skipped" and reason in reports[0].reason


def test_cp949_and_bom_articles_are_read_and_the_batch_goes_on() -> None:
    graph, reports = ingest_files([BAD])
    by_id = {r.source_id: r for r in reports}
    assert len(reports) == 7
    for sid in ("euckr_article", "utf8_bom_article"):
        assert by_id[sid].status == "ingested" and by_id[sid].published == "2026-02-10"
    assert (None, PKG.sourceId, Literal("euckr_article")) in graph
    amounts = {v.toPython() for v in graph.objects(None, PKG.value)}
    assert {Decimal(35_000_000_000), Decimal(30_000_000_000), Decimal(5_000_000_000)} <= amounts
    assert validate(graph).conforms


def test_metadata_says_how_it_was_found(seeds: tuple[Graph, list[ArticleReport]]) -> None:
    _, reports = seeds
    by_id = {r.source_id[:3]: r for r in reports}
    assert (by_id["000"].published, by_id["000"].publisher) == ("2025-11-30", "전자신문")
    assert "image URL" in by_id["000"].metadata_found_by["published"]
    assert (by_id["002"].published, by_id["002"].publisher) == ("2026-01-29", "이데일리")
    assert (by_id["003"].published, by_id["003"].publisher) == ("2025-08-04", "아시아투데이")
    assert by_id["003"].title.startswith("막 올린 한국형 AI모델 개발")
    assert by_id["004"].metadata_found_by["published"] == "date in an image URL (last resort)"
    assert by_id["001"].published is None


def test_cli_writes_turtle_and_a_report(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from policykg.cli import main

    out, report = tmp_path / "seeds.ttl", tmp_path / "report.json"
    result = CliRunner().invoke(
        main, ["ingest", str(SEEDS), str(BAD / "empty.txt"), "--out", str(out), "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert "5 of 6 articles ingested" in result.stdout and "✗ empty: 빈 파일입니다 (empty file)" in result.stdout
    assert len(Graph().parse(out)) > 1000
    assert {r["status"] for r in json.loads(report.read_text())} == {"ingested", "skipped"}


def test_huge_and_unreadable_files_are_refused_clearly(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(11 * 1024 * 1024)  # sparse: 11 MB without writing them
    garbled = tmp_path / "garbled.txt"
    garbled.write_bytes(bytes(range(128, 256)) * 40)
    _, reports = ingest_files([huge, garbled, tmp_path / "missing.txt"])
    reasons = {r.source_id: r.reason for r in reports}
    assert "11.5 MB" in reasons["huge"] and "refused" in reasons["huge"]
    assert "cannot decode" in reasons["garbled"] or "no Korean" in reasons["garbled"]
    assert reasons["missing"] == "파일이 없습니다 (no such file)"
