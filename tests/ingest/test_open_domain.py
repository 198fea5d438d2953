"""Facts in text no specific rule was written for, on sentences written for these tests: every stated value
becomes a fact (ordinals and ranks do not), people are found by the full 직제 of titles, and organisations the
registry does not know by their proper nouns and heads."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from policykg.ingest.article import build_article
from policykg.ingest.context import build_context
from policykg.ingest.entities import Entities, extract_entities
from policykg.ingest.facts import extract_facts
from policykg.ingest.loading import read_source
from policykg.ingest.models import Fact
from policykg.ingest.pipeline import ingest_file
from policykg.korean.sentences import analyse
from policykg.korean.values import find_values
from policykg.ontology.validate import validate
from policykg.ontology.vocab import PKG

ARTICLE = """가상시 AI 산업 소식

2026년 3월 2일 가상일보

한빛물산은 올해 서버 120대를 새로 들여 매출 300억원을 목표로 한다고 밝혔다.
도내 참여 기업은 모두 45곳이며 이 가운데 12곳이 지난해에도 참여했다.
시는 AI 3대 강국 도약을 내세우며 제2회 설명회를 열었고, 점유율은 12.5%로 올랐다.
"""


def _article(tmp_path: Path, text: str = ARTICLE) -> tuple[Entities, list[Fact], Path]:
    path = tmp_path / "open_domain.txt"
    path.write_text(text, encoding="utf-8")
    article = build_article(read_source(path))
    sentences, tokens = analyse(article.body)
    entities = extract_entities(article.body, sentences, tokens)
    return entities, extract_facts(build_context(article, sentences, entities)), path


def _people(text: str) -> set[tuple[str, str, str | None]]:
    sentences, tokens = analyse(text)
    posts = extract_entities(text, sentences, tokens).posts
    return {(p.person.name, p.post, p.organization.name if p.organization else None) for p in posts}


@pytest.mark.parametrize(
    "text",
    ["AI 3대 강국", "제6대 원장", "제1회 포럼", "2차 평가", "슈퍼컴퓨터 6호기", "세계 1위", "2단계 사업", "6대4 비율"],
)
def test_ordinals_and_ranks_are_no_quantities(text: str) -> None:
    assert find_values(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("서버 1714대가 들어온다", 1714, "대"),
        ("3개 정예팀이 남았다", 3, "팀"),
        ("두 차례 회의", 2, "차례"),
        ("세 곳에 센터를 둔다", 3, "곳"),
        ("성능은 120페타플롭스", 120, "PF"),
        ("평가 점수 33.6점", Decimal("33.6"), "점"),
        ("최종 2팀만이 남는다", 2, "팀"),
    ],
)
def test_counts_with_their_unit(text: str, value: Decimal | int, unit: str) -> None:
    assert [(v.value, v.unit) for v in find_values(text)] == [(Decimal(value), unit)]


def test_every_value_no_rule_reads_is_a_stated_value_with_its_evidence(tmp_path: Path) -> None:
    entities, facts, _ = _article(tmp_path)
    stated = {(f.value.value, f.value.unit): f for f in facts if f.kind == "StatedValue" and f.value}
    assert set(stated) == {
        (Decimal(30_000_000_000), "KRW"),
        (Decimal(45), "곳"),
        (Decimal(12), "곳"),
        (Decimal("12.5"), "%"),
    }, "ordinals (3대 강국, 제2회) are left out"
    company = next(m for m in entities.mentions if m.name == "한빛물산")
    assert company.cls == "Company" and company.via == "suffix"
    sales = stated[(Decimal(30_000_000_000), "KRW")]
    assert sales.sentence == 0 and sales.roles == {"about": company.iri}
    assert stated[(Decimal(45), "곳")].sentence == 1
    assert stated[(Decimal("12.5"), "%")].literals["measure"] == "점유율"
    # the quantity rule reads '서버 120대' (its subject names it): one value surface, one fact
    servers = [f for f in facts if f.value is not None and f.value.value == 120]
    assert [(f.kind, f.literals["measure"]) for f in servers] == [("QuantityFact", "서버")]
    assert len([f for f in facts if f.value is not None]) == len(stated) + 1


def test_stated_values_pass_the_shapes(tmp_path: Path) -> None:
    _, _, path = _article(tmp_path)
    result = ingest_file(path)
    assert result.graph is not None and validate(result.graph).conforms
    figures = list(result.graph.subject_objects(PKG.figure))
    assert len(figures) == 4


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("박가온 정보통신산업정책관은 회의를 열었다.", ("박가온", "정보통신산업정책관", None)),
        ("황보람 원장은 이날 취임했다.", ("황보람", "원장", None)),
        ("류하늘 2차관은 현장을 찾았다.", ("류하늘", "2차관", None)),
        ("기술분과장(홍길동)이 발표했다.", ("홍길동", "분과장", None)),
        ("과학기술정보통신부 1차관에 이나래 교수를 임명했다.", ("이나래", "1차관", "과학기술정보통신부")),
    ],
)
def test_people_by_their_titles(text: str, person: tuple[str, str, str | None]) -> None:
    assert person in _people(text)


@pytest.mark.parametrize(
    "text", ["최상위 기관장과 부처 장관이 모였다.", "전문가 장관이 말했다.", "도시계획 교수가 말했다."]
)
def test_common_nouns_before_a_title_are_no_people(text: str) -> None:
    assert _people(text) == set()


def test_organisations_not_in_the_registry(tmp_path: Path) -> None:
    text = (
        "가상기술\n\n2026년 3월 2일 가상일보\n\n"
        "해당 컨소시엄에는 누리엔터프라이즈와 재단법인 한빛미래재단이 참여하고, 이동통신 분야 전문가가 돕는다.\n"
        "AI 데이터센터는 내년에 문을 연다.\n"
    )
    entities, _, _ = _article(tmp_path, text)
    orgs = {m.name: m.cls for m in entities.mentions if m.cls != "Person"}
    assert orgs.get("한빛미래재단") == "Organization"
    assert not {"해당 컨소시엄", "이동통신", "AI 데이터센터", "재단법인 한빛미래재단"} & set(orgs)


def _orgs(text: str) -> dict[str, str]:
    sentences, tokens = analyse(text)
    return {m.name: m.cls for m in extract_entities(text, sentences, tokens).mentions if m.cls != "Person"}


def test_a_proper_noun_listed_among_known_organisations_is_one_and_places_do_not_count() -> None:
    orgs = _orgs("이 컨소시엄에는 네이버클라우드·삼성물산·카카오·누리온·KT 등이 참여했다.")
    assert orgs.get("누리온") == "Organization"
    assert "광주" not in _orgs("업체는 후보지로 광주·전남·전북 세 곳을 검토했다.")
    # a term of the field split off a listed name is no organisation
    assert "AI" not in _orgs("남은 팀(누리온 AI·SK텔레콤·업스테이지)은 다음 평가로 간다.")


def test_an_organisation_name_ends_at_its_head_not_at_what_the_body_does() -> None:
    orgs = _orgs("이 계획은 향후 국가첨단산업평가 총괄위원회 심의를 거쳐 확정된다.")
    assert orgs == {"국가첨단산업평가 총괄위원회": "GovernmentCommittee"}


def test_a_head_that_is_also_an_everyday_word_makes_no_body_of_common_nouns() -> None:
    assert _orgs("새 이름은 순우리말 조합으로 지었다.") == {}


RESTATED = """가상 데이터 바우처 사업 예산 확정

2026.03.02 09:00 김하늘 기자

과학기술정보통신부는 '가상 데이터 바우처 사업'에 올해 50억원을 투입한다고 밝혔다.
사업 예산 50억원 중 40억원은 바우처 발급에 쓰이고, 남은 10억원은 운영에 쓰인다.
"""


def test_a_restated_programme_figure_is_no_second_fact(tmp_path: Path) -> None:
    _, facts, _ = _article(tmp_path, RESTATED)
    fifty = [f for f in facts if f.value is not None and f.value.value == Decimal(5_000_000_000)]
    assert [f.kind for f in fifty] == ["FundingFact"], "the second '50억원' restates the budget"


SHORT_TITLE = """홍길동 부총리 "AI 예산 더 늘린다"

2026.03.02 09:00 김하늘 기자

홍길동 부총리 겸 과학기술정보통신부 장관은 2일 간담회에서 예산 확대 방침을 밝혔다.
"""


def test_a_short_title_restating_a_full_post_is_one_post(tmp_path: Path) -> None:
    _, facts, _ = _article(tmp_path, SHORT_TITLE)
    posts = [f.literals["postTitle"] for f in facts if f.kind == "PostHolding"]
    assert posts == ["부총리 겸 과학기술정보통신부 장관"]
