"""Real page layouts, in fixtures of our own writing (tests/ingest/layouts/): a wire-service article with a photo
credit and a © line before the body, '(서울=뉴스1) 기자 =' opening it and sub-headings on top; bullet summaries
above a '[세종=뉴시스]' body; an excerpt cut mid-sentence; a page whose body the layout rules cannot find."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph

from policykg.ingest.article import build_article
from policykg.ingest.batch import ingest_files
from policykg.ingest.loading import read_source
from policykg.ingest.pipeline import ArticleReport, ingest_file
from policykg.ontology.validate import validate
from policykg.ontology.vocab import PKG

LAYOUTS = Path(__file__).resolve().parent / "layouts"


@pytest.fixture(scope="module")
def layouts() -> tuple[Graph, dict[str, ArticleReport]]:
    graph, reports = ingest_files([LAYOUTS])
    return graph, {r.source_id: r for r in reports}


def _body(name: str) -> str:
    return build_article(read_source(next(LAYOUTS.glob(f"{name}.*")))).body


def _sentences(graph: Graph) -> set[str]:
    return {str(t) for s in graph.subjects(RDF.type, PKG.Sentence) for t in graph.objects(s, PKG.text)}


def test_every_layout_loads_into_a_valid_graph(layouts: tuple[Graph, dict[str, ArticleReport]]) -> None:
    graph, reports = layouts
    assert {r.source_id: r.status for r in reports.values()} == dict.fromkeys(
        ("bullets_only", "cut_excerpt", "wire_profile", "wire_summary"), "ingested"
    )
    assert validate(graph).conforms


def test_wire_layout_credit_before_the_body_and_sub_headings_on_top(
    layouts: tuple[Graph, dict[str, ArticleReport]],
) -> None:
    graph, reports = layouts
    report = reports["wire_profile"]
    # The © in the photo credit does not end the article before it begins.
    assert report.body_blocks == {"subheading": 2, "paragraph": 3, "cut": 1}
    assert report.skipped_blocks == {"photo caption": 2, "heading or fragment without a sentence": 1}
    assert (report.title, report.publisher) == ("[인물] 한가상 디지털정책관 내정…데이터 표준 전문가", "뉴스1")
    body = _body("wire_profile")
    assert body.startswith("가상데이터연구소에서 공공데이터 표준 설계 주도\n")
    for furniture in ("ⓒ", "News1", "발언하고 있다", "(서울=뉴스1)", "박기록 기자 ="):
        assert furniture not in body
    assert "정부가 17일 디지털정책관에 한가상 가상데이터연구소장을 내정했다." in _sentences(graph)
    assert "가상데이터연구소에서 공공데이터 표준 설계 주도" in _sentences(graph)  # searchable by the bot


def test_bullet_summaries_above_a_bracket_dateline_body(layouts: tuple[Graph, dict[str, ArticleReport]]) -> None:
    _, reports = layouts
    report = reports["wire_summary"]
    assert report.body_blocks == {"subheading": 3, "paragraph": 2}
    assert (report.published, report.publisher) == ("2026-04-01", "뉴시스")
    body = _body("wire_summary")
    assert body.startswith("경남·충북·전북 산업단지 세 곳 실증지로 뽑혀\n공장별 불량 검사 모델 공동 개발\n")
    for furniture in ("▶", "사진=", "재판매", "[세종=뉴시스]", "등록 2026"):
        assert furniture not in body
    assert body.split("\n")[3].startswith("산업통상자원부는 지역 제조 현장에")


def test_a_paragraph_cut_off_keeps_its_sentences_and_the_cut_one_with_a_warning(
    layouts: tuple[Graph, dict[str, ArticleReport]],
) -> None:
    graph, reports = layouts
    report = reports["cut_excerpt"]
    assert report.body_blocks == {"cut": 1}
    assert report.sentences == 4  # three complete sentences run together without spaces, then the cut one
    (warning,) = report.warnings
    assert warning.startswith("1번째 문단이 마침표 없이 끊겨") and "수 있도록" in warning
    assert any(s.endswith("일할 수 있도록") for s in _sentences(graph))
    # The profile's last line, cut after two words, stays too, marked the same way.
    assert reports["wire_profile"].warnings == [
        "6번째 문단이 마침표 없이 끊겨 마지막 문장이 온전하지 않습니다 "
        "(paragraph 6 is cut off without a final full stop: …이러한 경험을)"
    ]


def test_a_body_the_layout_rules_cannot_find_falls_back_to_all_prose_paragraphs(
    layouts: tuple[Graph, dict[str, ArticleReport]],
) -> None:
    _, reports = layouts
    report = reports["bullets_only"]
    assert report.sentences == 3 and report.body_blocks == {"paragraph": 3}
    assert report.warnings == [
        "레이아웃 규칙으로 본문을 찾지 못해 산문 문단 3개를 모두 본문으로 삼았습니다 "
        "(no article body found by the layout rules (list of headlines): kept all 3 prose paragraphs instead)"
    ]
    assert "⚠ 레이아웃 규칙으로 본문을 찾지 못해" in report.line()
    assert not _body("bullets_only").startswith("-")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "빈 파일입니다 (empty file)"),
        ("Only English here. The article is about policy, but not in Korean at all.\n", "한국어 기사가 아닙니다"),
        (
            "- 인기 가수 단독 콘서트 매진\n- 주말 고속도로 정체 예상\n- 봄철 황사 주의보 발령\n",
            "기사 본문을 찾지 못했습니다",
        ),
    ],
)
def test_refusals_stay_for_empty_non_korean_and_prose_free_files(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "refused.txt"
    path.write_text(text * (20 if reason == "기사 본문을 찾지 못했습니다" else 1), encoding="utf-8")
    report = ingest_file(path).report
    assert report.status == "skipped" and report.reason.startswith(reason), report.reason


def test_a_copyright_line_after_the_body_still_ends_it(tmp_path: Path) -> None:
    path = tmp_path / "ended.txt"
    path.write_text(
        "가상시, 공공 청사에 인공지능 안내 로봇 배치\n\n"
        "가상시는 다음 달부터 시청과 구청 민원실에 인공지능 안내 로봇을 배치한다고 2일 밝혔다.\n"
        "ⓒ 가상일보 무단전재 및 재배포 금지\n"
        "다른 기사에서 이어지는 이 문장은 본문이 아니므로 그래프에 들어가면 안 된다.\n",
        encoding="utf-8",
    )
    result = ingest_file(path)
    assert result.report.sentences == 1 and result.report.body_blocks == {"paragraph": 1}


def test_the_sole_programme_is_the_topic_from_its_first_mention_not_its_last(tmp_path: Path) -> None:
    # A longer body (a cut paragraph kept) may name the article's programme again at the end: the sentences
    # between the two mentions are still about it.
    path = tmp_path / "programme.txt"
    path.write_text(
        "가상부, 데이터 바우처 사업 공고\n\n"
        "가상부는 올해 '가상 데이터 바우처' 사업 참여 기업을 모집한다고 3일 밝혔다.\n"
        "올해는 중소기업 300곳을 뽑아 데이터 구매 비용을 지원한다.\n"
        "가상부는 '가상 데이터 바우처' 사업 성과를 연말에 공개할 계획이다.\n",
        encoding="utf-8",
    )
    assert ingest_file(path).report.facts == {"QuantityFact": 1}


@pytest.mark.parametrize(
    ("byline", "lead", "signoff"),
    [
        ("", "[가상일보=김하늘 기자] ", ""),  # the publisher, '=', the reporter in brackets
        ("", "date 2026-03-02 [가상일보=김하늘 기자] ", ""),  # the same after a dateline
        ("세종=김하늘 기자\n2026.03.02 10:15\n\n", "", ""),  # the place filed from, '=', the reporter on a line alone
        ("", "[가상일보|김하늘 기자] ", ""),  # a bar between the publisher and the reporter
        ("", "앵커가 소식을 전합니다.\n\n김하늘 기자입니다.\n\n", ""),  # a news broadcast hands over to its reporter
        ("사진=박바다 기자\n\n", "[가상일보=김하늘 기자] ", ""),  # a photographer's credit first: no author
        ("", "", "\n글·사진=김하늘 기자\n"),  # who wrote it and took its photos, signing off
        ("", "", "\n사진=박바다 기자\n\n세종=김하늘 기자\n"),  # the photographer, then the reporter
    ],
    ids=[
        "equals-in-brackets",
        "date-then-equals-in-brackets",
        "place-equals-name",
        "bar-in-brackets",
        "broadcast-hand-over",
        "photographer-before-the-byline",
        "text-and-photos-by",
        "photographer-then-reporter-signing-off",
    ],
)
def test_reporter_lines_of_other_layouts_name_the_author_and_stay_out_of_the_body(
    tmp_path: Path, byline: str, lead: str, signoff: str
) -> None:
    path = tmp_path / "reporter.txt"
    path.write_text(
        f"가상 연구원 새 슈퍼컴퓨터 이름 공모\n\n{byline}{lead}가상과학연구원은 새 슈퍼컴퓨터의 "
        f"이름을 공모한다고 2일 밝혔다.\n\n응모는 이달 말까지 받는다.\n{signoff}",
        encoding="utf-8",
    )
    article = build_article(read_source(path))
    assert article.author == "김하늘"
    assert "김하늘" not in article.body
    assert "박바다" not in article.body
    assert "가상과학연구원은 새 슈퍼컴퓨터의" in article.body
    if "[가상일보=" in lead:
        assert article.publisher == "가상일보"
