"""Articles written for this project in other layouts (a full HTML page, portal text, an EUC-KR Markdown
file) about other AI-policy topics: the same general rules handle them, with no rule added for them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph

from policykg.ingest.batch import ingest_files
from policykg.ingest.pipeline import ArticleReport
from policykg.ontology.validate import validate
from policykg.ontology.vocab import PKG

ARTICLES = Path(__file__).resolve().parents[2] / "ingest" / "samples"


@pytest.fixture(scope="module")
def own() -> tuple[Graph, dict[str, ArticleReport]]:
    graph, reports = ingest_files([ARTICLES])
    return graph, {r.source_id: r for r in reports}


def _rows(graph: Graph, query: str) -> list[tuple]:  # type: ignore[type-arg]
    return [tuple(r) for r in graph.query(query, initNs={"pkg": str(PKG)})]


def test_all_layouts_are_read_with_metadata(own: tuple[Graph, dict[str, ArticleReport]]) -> None:
    graph, reports = own
    assert validate(graph).conforms
    page, text, euckr = reports["ai_basic_act_page"], reports["regional_ai_cluster"], reports["ai_chip_pilot_euckr"]
    assert (page.published, page.publisher, page.title) == (
        "2026-01-22",
        "테크정책신문",
        "AI 기본법 시행…정부, AI안전연구소에 150억원 투입",
    )
    assert (text.published, text.publisher) == ("2026-03-05", "가상지역일보")
    assert text.title.startswith("광주시, AI 집적단지 2단계에 6000억 투입")
    assert (euckr.published, euckr.publisher) == ("2026-04-02", "정책데일리")
    assert euckr.title.startswith("정부, AI 반도체 실증에 1,200억원 투입")


def test_page_furniture_never_reaches_the_body(own: tuple[Graph, dict[str, ArticleReport]]) -> None:
    graph, _ = own
    bodies = " ".join(str(b) for b in graph.objects(None, PKG.bodyText))
    for junk in ("올스타전", "난방비", "꽃축제", "급식", "로그인", "공유하기", "dataLayer", "(사진=", "무단전재"):
        assert junk not in bodies


def test_breakdowns_with_labelled_payers(own: tuple[Graph, dict[str, ArticleReport]]) -> None:
    graph, _ = own
    parts = _rows(
        graph,
        """
        SELECT ?payer ?value WHERE {
          ?total pkg:amount/pkg:value ?t ; pkg:budgetStage pkg:planTotal .
          ?part pkg:partOf ?total ; pkg:payer/pkg:name ?payer ; pkg:amount/pkg:value ?value .
          FILTER (?t = 600000000000) }""",
    )
    assert {(str(p), v.toPython()) for p, v in parts} == {
        ("대한민국 정부", Decimal(400_000_000_000)),
        ("광주광역시", Decimal(120_000_000_000)),
        ("민간", Decimal(80_000_000_000)),
    }
    aisi = _rows(
        graph,
        """
        SELECT ?value ?part WHERE {
          ?f pkg:recipient/pkg:name "AI안전연구소" ; pkg:payer/pkg:name "과학기술정보통신부" ;
             pkg:amount/pkg:value ?value .
          ?p pkg:partOf ?f ; pkg:amount/pkg:value ?part }""",
    )
    assert {(v.toPython(), p.toPython()) for v, p in aisi} == {
        (Decimal(15_000_000_000), Decimal(10_000_000_000)),
        (Decimal(15_000_000_000), Decimal(5_000_000_000)),
    }


def test_people_posts_new_organisations_and_laws(own: tuple[Graph, dict[str, ArticleReport]]) -> None:
    graph, _ = own
    posts = {
        tuple(map(str, r))
        for r in _rows(
            graph,
            """
        SELECT ?who ?post ?org WHERE {
          ?f pkg:holder/pkg:name ?who ; pkg:postTitle ?post ; pkg:organization/pkg:name ?org }""",
        )
    }
    assert {
        ("정세린", "소장", "AI안전연구소"),
        ("윤서진", "원장", "정보통신산업진흥원"),
        ("최민호", "회장", "한국인공지능반도체산업협회"),
    } <= posts
    names = {str(n) for n in graph.objects(None, PKG.name)}
    assert "한국인공지능신뢰협회" in names, "an association the registry does not know is found by its suffix"
    laws = _rows(
        graph, 'SELECT ?a WHERE { ?f pkg:law/pkg:name ?n ; pkg:lawAction ?a . FILTER(CONTAINS(?n, "인공지능")) }'
    )
    assert [str(a) for (a,) in laws] == ["in force"]


def test_payer_labels_after_a_particle_or_after_the_part_and_regions_inside_programme_names(tmp_path: Path) -> None:
    """'국비는 200억원이고 … 100억원은 민간이 부담한다'; '충북 초거대 AI 실증 지원 사업 예산으로' names a programme
    that starts with a region, keeps the prefix 초 (Kiwi: XPN) and ends before 예산."""
    article = tmp_path / "labels.txt"
    article.write_text(
        "중소벤처기업부, 충북 반도체 사업에 300억 편성\n입력 2026.05.02 10:00\n\n"
        "중소벤처기업부는 2026년 충북 초거대 AI 실증 지원 사업 예산으로 300억원을 편성했다.\n"
        "이 가운데 국비는 200억원이고 나머지 100억원은 민간이 부담한다.\n",
        encoding="utf-8",
    )
    graph, _ = ingest_files([article])
    rows = _rows(
        graph,
        """
        SELECT ?programme ?payer ?value ?part WHERE {
          ?f pkg:programme/pkg:name ?programme ; pkg:payer/pkg:name ?payer ; pkg:amount/pkg:value ?value .
          BIND (EXISTS { ?f pkg:partOf ?t } AS ?part) }""",
    )
    assert {(str(g), str(p), v.toPython(), w.toPython()) for g, p, v, w in rows} == {
        ("충북 초거대 AI 실증 지원 사업", "중소벤처기업부", Decimal(30_000_000_000), False),
        ("충북 초거대 AI 실증 지원 사업", "대한민국 정부", Decimal(20_000_000_000), True),
        ("충북 초거대 AI 실증 지원 사업", "민간", Decimal(10_000_000_000), True),
    }


def test_longer_names_around_known_programmes_similar_programmes_and_agencies_that_are_no_posts(tmp_path: Path) -> None:
    article = tmp_path / "voucher.txt"
    article.write_text(
        "고용노동부, 바우처 사업 편성\n입력 2026.06.11 10:00\n\n"
        "고용노동부는 서울 AI 바우처 육성 사업에 2026년 64억원을 투입한다고 밝혔다.\n"
        "전담 기관인 한국과학기술정보연구원은 올해 20곳을 지원 대상으로 뽑는다.\n"
        "고용노동부는 지난해에도 비슷한 사업에 30억원을 들인 바 있다.\n",
        encoding="utf-8",
    )
    graph, _ = ingest_files([article])
    funded = _rows(graph, "SELECT ?n ?v WHERE { ?f pkg:programme/pkg:name ?n ; pkg:amount/pkg:value ?v }")
    assert {(str(n), v.toPython()) for n, v in funded} == {("서울 AI 바우처 육성 사업", Decimal(6_400_000_000))}
    assert not _rows(graph, "SELECT ?h WHERE { ?h a pkg:PostHolding }")


def test_a_policy_loanword_kiwi_would_split_stays_one_noun() -> None:
    from policykg.korean.sentences import analyse

    text = "부산 AI 반도체 얼라이언스 사업에"
    _, tokens = analyse(text)
    assert ("얼라이언스", "NNG") in [(text[t.start : t.end], t.tag) for t in tokens]
