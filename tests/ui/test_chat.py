"""The chat a policy researcher keeps open, in Chromium against a real `policykg serve`: citation chips that
open their own answer's article, clearing, Neo4j going away mid-session, the Data tab's per-file results,
and the Korean-first details (names, empty tables, contrast, line breaks)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import neo4j
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from policykg.graph.server import ManagedNeo4j
from policykg.ui.backend import Backend
from tests.ui.conftest import Relay, ask, open_page, serving, type_cypher, upload_own_article

pytestmark = pytest.mark.neo4j
BUDGET = "AI안전연구소에 배정한 올해 예산은 얼마야?"  # answered from "AI 기본법 시행…" (a sample article)
CLUSTER = "인공지능 집적단지 2단계 사업 예산은 얼마야?"  # answered from "광주시, AI 집적단지 2단계에…"


def _answer(page: Page, k: int) -> Locator:
    """The k-th answer (0-based): rows alternate question, answer."""
    return page.locator("#pkg-chat .message-row").nth(2 * k + 1)


def test_citation_chips_open_the_article_of_their_own_answer(page: Page) -> None:
    ask(page, BUDGET)
    first = _answer(page, 0)
    expect(first).to_contain_text("150억")
    chip = first.get_by_role("button", name="[1]").first
    quote = first.locator("blockquote").first.inner_text().strip()
    assert quote and quote in (chip.get_attribute("title") or "")  # hovering shows the quoted sentence
    assert "AI 기본법 시행" in (chip.get_attribute("title") or "")  # and its article

    ask(page, CLUSTER)
    second = _answer(page, 1)
    expect(second).to_contain_text("6000억")
    chat, top = page.locator("#pkg-chat").bounding_box(), second.bounding_box()
    assert chat and top and chat["y"] + 30 <= top["y"] < chat["y"] + chat["height"] / 2  # opens at its first line
    expect(page.locator("#pkg-citations")).to_contain_text("광주")

    chip.click()  # the first answer's chip: the panel follows that answer, not the last one
    expect(page.locator("#pkg-source mark#pkg-quote")).to_have_text(quote)
    expect(page.locator("#pkg-source .pkg-source-title")).to_contain_text("AI 기본법 시행")
    expect(page.locator("#pkg-citations")).to_contain_text("AI 기본법 시행")
    expect(page.locator("#pkg-citations")).not_to_contain_text("광주")
    expect(page.locator("#pkg-citations input:checked")).to_have_count(1)

    second.get_by_role("button", name="[1]").first.click()
    expect(page.locator("#pkg-source .pkg-source-title")).to_contain_text("광주")

    page.click("#pkg-clear")
    expect(page.locator("#pkg-chat .message-row")).to_have_count(0)
    expect(page.locator("#pkg-citations input")).to_have_count(0)
    expect(page.locator("#pkg-source")).not_to_contain_text("광주")


def test_when_neo4j_goes_away_the_chat_says_how_to_fix_it_and_keeps_the_question(
    browser: Browser, seeded_with_samples: neo4j.Driver, managed_neo4j: ManagedNeo4j, tmp_path: Path
) -> None:
    assert managed_neo4j.uri
    relay = Relay(urlparse(managed_neo4j.uri).port or 7687)
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{relay.port}", "NEO4J_PASSWORD": managed_neo4j.password()}
    with serving(tmp_path, **env) as url, open_page(browser, url) as page:
        ask(page, BUDGET)
        expect(_answer(page, 0)).to_contain_text("150억")
        relay.cut()
        ask(page, CLUSTER)
        message = page.locator("#pkg-chat .message-row").last
        expect(message).to_contain_text("그래프 데이터베이스(Neo4j)에 연결할 수 없습니다", timeout=10_000)
        expect(message).to_contain_text("NEO4J_URI")  # the fix for a server policykg does not manage
        expect(page.locator("#pkg-question textarea")).to_have_value(CLUSTER)  # to send again
        expect(page.locator(".toast-body")).to_have_count(0)  # no error badge over the chat


UNREACHABLE = "그래프 데이터베이스(Neo4j)에 연결할 수 없습니다"
# Written for this test: an article whose body the relay watches for, to cut Neo4j off as its load is sent.
INTERRUPTED = """\
지역 데이터센터 전력 효율 실증 착수
입력 2026.06.03 11:00
정다온 기자

산업통상부는 3일 지역 데이터센터 전력 효율 실증 사업에 올해 85억원을 지원한다고 밝혔다.
실증은 전국 네 곳의 데이터센터에서 진행된다.

ⓒ 가상경제신문, 무단전재 및 재배포 금지
"""


def _relay_env(managed_neo4j: ManagedNeo4j, relay: Relay) -> dict[str, str]:
    return {"NEO4J_URI": f"bolt://127.0.0.1:{relay.port}", "NEO4J_PASSWORD": managed_neo4j.password()}


def _says_how_to_fix_it(message: Locator) -> None:
    expect(message).to_contain_text(UNREACHABLE, timeout=10_000)
    expect(message).to_contain_text("NEO4J_URI")  # the fix for a server policykg does not manage
    for english in ("ServiceUnavailable", "Couldn't connect", "Failed to", "Error"):
        expect(message).not_to_contain_text(english)


def test_when_neo4j_goes_away_the_graph_cypher_and_data_tabs_say_how_to_fix_it(
    browser: Browser, loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j, tmp_path: Path
) -> None:
    relay = Relay(urlparse(managed_neo4j.uri or "").port or 7687)
    with serving(tmp_path, **_relay_env(managed_neo4j, relay)) as url, open_page(browser, url) as page:
        relay.cut()
        page.get_by_role("tab", name="그래프 Graph").click()
        page.fill("#pkg-entity-text textarea", "과학기술정보통신부")
        page.press("#pkg-entity-text textarea", "Enter")
        _says_how_to_fix_it(page.locator("#pkg-graph"))
        type_cypher(page, "MATCH (n:Programme) RETURN n.name")
        page.click("#pkg-run")
        _says_how_to_fix_it(page.locator("#pkg-cypher-message"))
        page.get_by_role("tab", name="데이터 Data").click()
        page.click("#pkg-export")
        _says_how_to_fix_it(page.locator("#pkg-data-message"))
        expect(page.locator(".toast-body")).to_have_count(0)  # no raw error over the page


def test_an_upload_cut_off_mid_load_is_reported_in_korean_and_leaves_nothing_half_loaded(
    browser: Browser, loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j, tmp_path: Path
) -> None:
    relay = Relay(urlparse(managed_neo4j.uri or "").port or 7687, cut_on="전력 효율 실증".encode())
    article = tmp_path / "전력 효율.txt"
    article.write_text(INTERRUPTED, encoding="utf-8")
    with serving(tmp_path, **_relay_env(managed_neo4j, relay)) as url, open_page(browser, url) as page:
        page.get_by_role("tab", name="데이터 Data").click()
        page.locator("#pkg-upload input[type=file]").set_input_files([str(article)])
        page.click("#pkg-ingest")
        message = page.locator("#pkg-data-message")
        expect(message).to_contain_text("기사를 적재하는 중에 Neo4j 연결이 끊겼습니다")
        expect(message).to_contain_text("반쯤 적재된 기사는 없습니다")
        expect(message).to_contain_text("NEO4J_URI")
        expect(page.locator("#pkg-report")).to_contain_text("✗ 적재 안 됨")
    left = loaded.execute_query(
        "MATCH (n:Resource) WHERE n.source_id = $id OR n.text CONTAINS $words RETURN count(n) AS n",
        id="전력_효율",
        words="전력 효율 실증",
    )[0][0]["n"]
    assert left == 0


def test_the_fix_named_for_the_managed_server_is_its_start_command(loaded: neo4j.Driver, tmp_path: Path) -> None:
    assert "`policykg neo4j start`" in Backend(loaded, "neo4j", tmp_path, managed=True).unreachable
    assert "NEO4J_URI" in Backend(loaded, "neo4j", tmp_path, managed=False).unreachable


def test_the_upload_box_empties_and_each_file_shows_its_result(page: Page, tmp_path: Path) -> None:
    upload_own_article(page, tmp_path)
    report = page.locator("#pkg-report")
    expect(report).to_contain_text("✓ 적재됨")
    expect(page.locator("#pkg-upload")).not_to_contain_text("팹리스")  # ready for the next files
    upload_own_article(page, tmp_path)
    expect(report).to_contain_text("↷ 변경 없음")


def _luminance(rgb: str) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (float(x) for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3])
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_korean_first_names_tables_contrast_and_line_breaks(page: Page) -> None:
    expect(page.get_by_role("textbox", name="질문 입력")).to_be_visible()
    placeholder, background = page.evaluate(
        """() => { const t = document.querySelector('#pkg-question textarea');
                   return [getComputedStyle(t, '::placeholder').color, getComputedStyle(t).backgroundColor]; }"""
    )
    light, dark = sorted((_luminance(placeholder), _luminance(background)), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5, (placeholder, background)
    assert page.evaluate("getComputedStyle(document.querySelector('h2')).wordBreak") == "keep-all"

    page.get_by_role("tab", name="데이터 Data").click()
    expect(page.get_by_role("button", name="기사 파일 올리기")).to_be_visible()
    expect(page.locator("#pkg-report")).to_contain_text("파일마다 결과가 여기 나옵니다")  # not "1 2 3"
    articles = page.locator("#pkg-articles")
    expect(articles).to_contain_text("AI 기본법 시행")  # the title, with the id kept in its own column
    expect(articles).to_contain_text("기사 ID")
    page.get_by_role("tab", name="Cypher").click()
    expect(page.locator("#pkg-cypher-table")).to_contain_text("쿼리를 실행하면 결과가 여기 나옵니다")
