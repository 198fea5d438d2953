"""Nothing is lost to one bad fact: a fact (or entity) that fails its SHACL shape is dropped with its reason and
everything it alone owns, the article, its sentences and its other facts load. The sentences here are our own."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, URIRef

from policykg.ingest import pipeline
from policykg.ingest.models import Fact
from policykg.ingest.pipeline import ingest_file
from policykg.korean.spans import Value
from policykg.ontology import iris
from policykg.ontology.registry import registry
from policykg.ontology.validate import validate
from policykg.ontology.vocab import PKG

# A total that names nobody ('정부 총 … 예산'), split into a ministry's share and two purposes: the structure of
# the two real articles whose parts pointed at a total that was never kept (ClassConstraint on pkg:partOf).
UNNAMED_TOTAL = (
    "가상경제신문 2026.02.10\n\n"
    "올해 정부 총 연구 예산 8조2000억원 중 산업부 소관은 3조원으로 반도체 공정에 2조원, "
    "배터리 소재에 1조원을 각각 배정했다. 업계는 이번 배정을 반겼다.\n"
)
LABELLED_PART = """가상경제신문 2026.02.10

총 사업비 5000억원 가운데 국비 2000억원은 연구 장비 구입에 쓰인다. 업계는 이번 결정을 반겼다.
"""
ARTICLE = """가상경제신문 2026.02.11

과학기술정보통신부는 내년 인공지능 반도체 실증 사업에 300억원을 투입한다고 11일 밝혔다.
이 사업에는 중소기업 40곳이 참여한다.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _programme() -> str:
    return next(str(iri) for iri, e in registry().entries.items() if e.cls == PKG.Programme)


def _money(surface: str, amount: int) -> Value:
    return Value("money", Decimal(amount), "KRW", "exact", surface, 0, len(surface))


def test_parts_of_a_total_that_names_nobody_point_at_no_missing_fact(tmp_path: Path) -> None:
    # Regression (r023, r035): the total was not kept, its parts kept a pkg:partOf to it.
    result = ingest_file(_write(tmp_path, "unnamed_total", UNNAMED_TOTAL), check_shapes=False)
    assert result.graph is not None and validate(result.graph).conforms
    checked = ingest_file(_write(tmp_path, "unnamed_total2", UNNAMED_TOTAL))
    assert checked.report.status == "ingested" and checked.report.dropped_by_shacl == []


def test_a_labelled_part_of_an_unkept_total_stands_alone_with_its_payer(tmp_path: Path) -> None:
    result = ingest_file(_write(tmp_path, "labelled", LABELLED_PART))
    assert result.report.status == "ingested" and result.report.dropped_by_shacl == []
    graph = result.graph
    assert graph is not None
    (fact,) = graph.subjects(RDF.type, PKG.FundingFact)
    assert (fact, PKG.partOf, None) not in graph
    assert graph.value(graph.value(fact, PKG.amount), PKG.value).toPython() == Decimal(200_000_000_000)
    assert graph.value(graph.value(fact, PKG.payer), PKG.name) is not None


def _with_bad_facts(monkeypatch: pytest.MonkeyPatch, *bad: Fact) -> None:
    real = pipeline.extract_facts
    monkeypatch.setattr(pipeline, "extract_facts", lambda ctx: [*real(ctx), *bad])


def test_a_fact_failing_its_shape_is_dropped_with_what_it_alone_owns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = ingest_file(_write(tmp_path, "good", ARTICLE))
    assert good.report.status == "ingested" and good.graph is not None
    good_facts = set(good.graph.subjects(RDF.type, PKG.Fact)) | {
        s for cls in (PKG.FundingFact, PKG.QuantityFact) for s in good.graph.subjects(RDF.type, cls)
    }
    assert good_facts
    # A payer that is a programme, not an agent, with a link only this fact reveals.
    wrong_payer = Fact(
        "FundingFact",
        "bad-payer",
        0,
        roles={"payer": _programme()},
        value=_money("777억원", 77_700_000_000),
        links=((_programme(), "subOrganizationOf", str(registry().resolve("과학기술정보통신부").iri)),),  # type: ignore[union-attr]
    )
    _with_bad_facts(monkeypatch, wrong_payer)
    result = ingest_file(_write(tmp_path, "bad", ARTICLE))
    report, graph = result.report, result.graph
    assert report.status == "ingested" and graph is not None
    assert validate(graph).conforms
    (line,) = report.dropped_by_shacl
    assert line.startswith(
        "예산·자금 사실 1건 제외: SHACL 형상 위반 "
        "(FundingFact bad-payer: FundingFactShape pkg:payer (Class) on fact/bad/bad-payer: "
    )
    assert report.facts_dropped == 1
    assert "SHACL 형상 검사를 통과하지 못한 사실 1건 제외 (1 facts dropped by SHACL)" in report.line()
    assert (URIRef(iris.child_iri("fact", "bad", "bad-payer")), None, None) not in graph
    assert (URIRef(iris.child_iri("value", "bad", "bad-payer")), None, None) not in graph
    assert (URIRef(_programme()), PKG.subOrganizationOf, None) not in graph
    assert not list(graph.subjects(PKG.surface, Literal("777억원")))
    # The article, its sentences and its other facts are all there.
    assert report.sentences == good.report.sentences and report.facts == good.report.facts
    assert len(list(graph.subjects(RDF.type, PKG.Sentence))) == good.report.sentences


def test_a_part_of_a_dropped_total_loses_the_pointer_and_keeps_its_own_payer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    state = str(registry().resolve("정부").iri)  # type: ignore[union-attr]
    total = Fact("FundingFact", "t", 0, roles={"payer": _programme()}, value=_money("900억원", 90_000_000_000))
    part = Fact("FundingFact", "p", 0, roles={"payer": state}, value=_money("300억원", 30_000_000_000), part_of="t")
    orphan = Fact("FundingFact", "o", 0, value=_money("600억원", 60_000_000_000), part_of="t")
    _with_bad_facts(monkeypatch, total, part, orphan)
    result = ingest_file(_write(tmp_path, "parts", ARTICLE))
    graph = result.graph
    assert result.report.status == "ingested" and graph is not None and validate(graph).conforms
    dropped = {line.split("(", 1)[1].split(":")[0] for line in result.report.dropped_by_shacl}
    assert dropped == {"FundingFact t", "FundingFact o"}  # the orphan names nobody once its total is gone
    kept = URIRef(iris.child_iri("fact", "parts", "p"))
    assert (kept, PKG.payer, URIRef(state)) in graph and (kept, PKG.partOf, None) not in graph


def test_an_entity_failing_its_shape_takes_its_mentions_and_facts_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.article_graph

    def two_names(article, sentences, entities, facts) -> Graph:  # type: ignore[no-untyped-def]
        graph = real(article, sentences, entities, facts)
        msit = registry().resolve("과학기술정보통신부").iri  # type: ignore[union-attr]
        if (msit, PKG.name, None) in graph:
            graph.add((msit, PKG.name, Literal("둘째 이름")))  # NamedThingShape: exactly one name
        return graph

    monkeypatch.setattr(pipeline, "article_graph", two_names)
    result = ingest_file(_write(tmp_path, "entity", ARTICLE))
    assert result.report.status == "ingested" and result.graph is not None
    assert validate(result.graph).conforms
    assert result.report.dropped_by_shacl[0].startswith(
        "개체 org/msit 제외: SHACL 형상 위반 (entity org/msit: NamedThingShape pkg:name (MaxCount)"
    )
    assert len(list(result.graph.subjects(RDF.type, PKG.Sentence))) == result.report.sentences > 0


def test_the_article_is_refused_only_when_its_own_nodes_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.article_graph

    def two_titles(article, sentences, entities, facts) -> Graph:  # type: ignore[no-untyped-def]
        graph = real(article, sentences, entities, facts)
        graph.add((URIRef(iris.article_iri(article.source_id)), PKG.title, Literal("둘째 제목")))
        return graph

    monkeypatch.setattr(pipeline, "article_graph", two_titles)
    result = ingest_file(_write(tmp_path, "refused", ARTICLE))
    assert result.report.status == "skipped" and result.graph is None
    assert result.report.reason.startswith("기사 자체가 SHACL 형상 검사를 통과하지 못했습니다")
    assert "(the article's own nodes fail SHACL validation: ArticleShape" in result.report.reason
    assert "\n" not in result.report.reason


def test_a_photo_credit_naming_a_ministry_is_no_publisher_and_the_article_loads(tmp_path: Path) -> None:
    page = tmp_path / "credit.txt"
    page.write_text(
        "과기정통부, 드론 인재 500명 키운다\n"
        "▲ ⓒ과학기술정보통신부\n"
        "과학기술정보통신부는 올해 드론 인재 500명을 길러 내겠다고 밝혔다.\n"
        "이를 위해 전국 5곳에 드론 교육센터를 연다.\n",
        encoding="utf-8",
    )
    result = ingest_file(page)
    assert result.report.status == "ingested", result.report
    assert result.graph is not None
    ministry = registry().resolve("과학기술정보통신부")
    assert ministry and (None, PKG.publisher, ministry.iri) not in result.graph
