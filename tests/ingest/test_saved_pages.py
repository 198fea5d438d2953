"""Whole pages as a browser saves them, in fixtures of our own writing (tests/ingest/pages/): the layouts of
portal and publisher pages that real saved pages showed (bench/html_bodies.py measures those). The article is
the element holding the page's prose; notices, menus, toolbars, captions, bylines and other stories' headlines
around it or inside it never reach the body, and sub-headings stay with it."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.errors import BadArticle
from policykg.ingest.article import build_article
from policykg.ingest.loading import read_source
from policykg.ingest.models import Article
from policykg.ingest.pipeline import ingest_file

PAGES = Path(__file__).resolve().parent / "pages"


def _article(name: str) -> Article:
    return build_article(read_source(PAGES / f"{name}.html"))


def _kinds(article: Article) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in article.blocks]


def test_portal_notices_and_menus_above_the_article_element_stay_out() -> None:
    # '…볼 수 있어요!' ends like a sentence and a '주요뉴스' menu follows it: by lines alone the article would
    # start and end up there, before its first paragraph.
    body = _article("portal_page").body
    assert body.splitlines()[3] == "과학기술정보통신부가 지역 인공지능 실증센터 세 곳을 추가로 지정했다."
    assert body.endswith('"지역 기업이 가까운 곳에서 모델을 검증하도록 돕겠다"고 말했다.')
    for junk in ("구독", "볼 수 있어요", "통화료", "인쇄하기", "한가람 기자", "Copyright", "항구도시", "프로배구"):
        assert junk not in body


def test_summary_lines_run_into_the_byline_are_sub_headings_and_the_byline_goes() -> None:
    blocks = _kinds(_article("portal_page"))
    assert blocks[:4] == [
        ("subheading", "실증센터 세 곳 새로 지정"),
        ("subheading", "내년 예산 90억원 배정"),
        ("subheading", "중소기업 참여 문턱 낮춰"),
        ("paragraph", "과학기술정보통신부가 지역 인공지능 실증센터 세 곳을 추가로 지정했다."),
    ]


def test_sub_headings_between_paragraphs_are_kept_as_sub_headings() -> None:
    assert ("subheading", "중소기업 참여 확대") in _kinds(_article("portal_page"))
    # An <h3> ends like a sentence ('… 매긴다') but is a heading, not a paragraph.
    assert ("subheading", "민간 활용 사례도 점수로 매긴다") in _kinds(_article("publisher_page"))


def test_captions_by_class_name_or_by_the_agency_credit_after_them_are_not_body() -> None:
    portal, publisher = _article("portal_page").body, _article("publisher_page").body
    assert "장비를 살펴보고 있다" not in portal  # <em class="img_desc"> inside the article text
    assert "설명하는 모습" not in publisher  # <div class="caption">
    assert "자료를 살펴보고 있다" not in publisher  # a bare <p> closed by '… 있다. 가상뉴스'
    assert "점검하는 모습" not in publisher  # '… 사진=가상시 제공'
    assert "조감도" not in publisher  # '… (이미지=가상시)'


def test_the_article_without_body_class_names_is_the_element_holding_most_prose() -> None:
    article = _article("publisher_page")
    paragraphs = [text for kind, text in _kinds(article) if kind == "paragraph"]
    assert paragraphs[0] == "행정안전부가 공공기관이 개방하는 데이터 목록을 올해 안에 두 배로 늘리기로 했다."
    # Other stories' summaries are prose too, but they are links: they never make the article.
    for junk in ("도서관", "딸기", "등산객", "신인 가수", "Copyright"):
        assert junk not in article.body


def test_reader_toolbar_and_bylines_are_no_sub_headings() -> None:
    blocks = _kinds(_article("publisher_page"))
    headings = [text for kind, text in blocks if kind == "subheading"]
    assert headings[:2] == ["데이터 개방 목록 두 배로", "개방 실적을 기관 평가에 반영"]
    for junk in ("회원 전용", "회원 가입", "공유하기", "박준서 기자 외 1명", "한가람 기자"):
        assert not any(junk in text for _, text in blocks)
    assert all(text for _, text in blocks)  # a byline alone on its line leaves no empty block behind


def test_a_pull_quote_above_the_body_does_not_start_it() -> None:
    blocks = _kinds(_article("publisher_page"))
    assert ("subheading", '"쓸 수 있는 데이터가 먼저다."') in blocks
    assert next(text for kind, text in blocks if kind == "paragraph").startswith("행정안전부가")


def test_a_sign_off_glued_to_the_last_sentence_is_cut_off() -> None:
    last = _article("publisher_page").blocks[-1]
    assert (last.kind, last.text) == (
        "paragraph",
        '정한결 데이터정책관은 "목록만 늘리는 개방은 의미가 없다"고 강조했다.',
    )


def test_a_page_whose_text_only_scripts_draw_is_refused_with_what_to_do() -> None:
    with pytest.raises(BadArticle, match="no visible text: the page builds its text with scripts"):
        _article("script_page")


def test_copied_page_text_the_article_is_the_run_of_lines_densest_in_sentences() -> None:
    # A page selected and copied in the browser: no markup, one line per block. Notices end like sentences
    # ('…볼 수 있어요!') above a '주요뉴스' menu line; short sentences of the body still count as prose.
    article = build_article(read_source(PAGES / "copied_page.txt"))
    blocks = _kinds(article)
    assert blocks[:4] == [
        ("subheading", "정부, 지역 센터에 시험 장비 몰아준다"),  # above the run, but no polite notice
        ("subheading", "실증센터 세 곳 새로 지정"),
        ("subheading", "내년 예산 90억원 배정"),
        ("paragraph", "과학기술정보통신부가 지역 인공지능 실증센터 세 곳을 추가로 지정했다."),
    ]
    assert blocks[-1][1].endswith('"지역 기업이 가까운 곳에서 모델을 검증하도록 돕겠다"고 말했다.')
    assert ("paragraph", "정부는 내년 예산안에 센터 운영비로 90억원을 반영했다.") in blocks
    for junk in ("구독", "볼 수 있어요", "주요뉴스", "장비를 살펴보고", "좋아요", "Copyright", "항구도시", "전경"):
        assert junk not in article.body  # '… 전경' labels a photo: no sub-heading, though between paragraphs


def test_a_short_article_whose_first_paragraph_is_long_keeps_all_its_paragraphs(tmp_path: Path) -> None:
    page = tmp_path / "short.html"
    page.write_text(
        "<html><head><title>드론청, 섬 배송 사업에 80억 투입</title></head><body><article>"
        "<h1>드론청, 섬 배송 사업에 80억 투입</h1>"
        "<p>드론청은 3일 섬 지역 드론 배송 지원 사업에 내년 80억원을 투입한다고 밝혔다.</p>"
        "<p>이 가운데 국비는 40억원이다.</p><p>나머지는 민간이 낸다.</p>"
        "</article><footer>ⓒ 가상일보</footer></body></html>",
        encoding="utf-8",
    )
    result = ingest_file(page)
    assert result.report.body_blocks == {"paragraph": 3}, result.report


def _copied_agency_page() -> list[tuple[str, str]]:
    return _kinds(build_article(read_source(PAGES / "copied_agency_page.txt")))


def test_copied_captions_from_the_photographers_byline_to_the_dated_credit_are_no_body() -> None:
    # Copied text has no <figcaption>: a caption is lines opened by the photographer's byline and closed by the
    # day of the photo and an e-mail; the line above is the photo's title, neither a sub-heading nor body.
    blocks = _copied_agency_page()
    assert blocks[0] == ("subheading", "항만 물류 모델 시험에 우선 쓰기로")
    assert blocks[1] == ("paragraph", "해양수산부가 해양 데이터 거점 두 곳을 부산과 여수에 새로 연다.")
    assert ("paragraph", "거점 이용 신청은 다음 달부터 받는다.") in blocks
    for junk in ("현판식", "현판을 걸고", "연산 자원을 빌려준다", "입구 모습", "준공식", "기념 촬영", "전경"):
        assert not any(junk in text for _, text in blocks), junk


def test_a_line_signed_by_a_reporter_above_the_byline_opening_the_body_is_a_photo_caption() -> None:
    # A sign-off closes an article, so one above the article's byline credits a photo ('… 부산=한별 기자 …').
    assert not any("장비를 옮기는" in text for _, text in _copied_agency_page())


def test_a_reporter_page_link_and_a_preferred_source_button_are_no_sub_headings() -> None:
    texts = [text for _, text in _copied_agency_page()]
    assert not any("기자 페이지" in text or "선호 출처" in text for text in texts)
