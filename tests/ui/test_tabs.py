"""The Graph and Cypher tabs and the phone layout, in Chromium against a real `policykg serve` over the sample
articles (and the seeds beside ../shared): a graph that explains and answers clicks, the console's editor,
keys, cancel and numbers, and every tab within reach at 390×844."""

from __future__ import annotations

import re
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import Browser, FrameLocator, Page, expect

from tests.ui.conftest import ask, type_cypher

pytestmark = pytest.mark.neo4j


def _search(page: Page, text: str) -> None:
    page.get_by_role("tab", name="그래프 Graph").click()
    page.fill("#pkg-entity-text textarea", text)
    page.press("#pkg-entity-text textarea", "Enter")


def _picture(page: Page) -> FrameLocator:
    frame = page.frame_locator("#pkg-graph iframe")
    expect(frame.locator("body[data-ready='1']")).to_be_attached()
    return frame


def _node_labels(frame: FrameLocator) -> list[str]:
    return frame.locator("body").evaluate("() => data.nodes.map((n) => n.label)")


def _click_node(frame: FrameLocator, label: str) -> None:
    """Click the node drawn with this caption, brought into view first as a user would pan to it."""
    spot = frame.locator("body").evaluate(
        """(body, label) => { const node = data.nodes.find((n) => n.label === label);
             network.focus(node.id, {scale: 1, animation: false});
             return network.canvasToDOM(network.getPositions([node.id])[node.id]); }""",
        label,
    )
    frame.locator("#g").click(position={"x": spot["x"], "y": spot["y"]})


def test_the_graph_explains_an_entity_found_by_its_alias_and_opens_a_clicked_node(page: Page) -> None:
    _search(page, "NIPA")  # an alias in the registry; the article says 정보통신산업진흥원
    expect(page.locator("#pkg-entity-pick input")).to_have_value(re.compile("정보통신산업진흥원 .*‘NIPA’의 정식 이름"))
    expect(page.locator("#pkg-graph-note")).to_contain_text("‘정보통신산업진흥원’ 주변")
    frame = _picture(page)
    labels = _node_labels(frame)
    assert "원장 · 정보통신산업진흥원" in labels and not {"PostHolding", "FundingFact"} & set(labels)
    expect(frame.locator("#legend")).to_contain_text("사실")  # the legend in Korean
    expect(frame.locator("#legend")).not_to_contain_text("Fact")
    titles = frame.locator("body").evaluate("() => data.nodes.map((n) => n.title).join(' ')")
    assert "%" not in titles and "://" not in titles  # tooltips name things, not IRIs

    _click_node(frame, "원장 · 정보통신산업진흥원")
    panel = page.locator("#pkg-node")
    expect(panel).to_contain_text("윤서진")  # the sentence stating the post
    expect(panel).to_contain_text("광주시, AI 집적단지 2단계에")  # with the title of its article…
    expect(panel).to_contain_text("2026-03-05")  # …and its date

    count = len(labels)
    # expanding a node draws its neighbours too; a click that lands while the drawing still settles is
    # repeated, as a user would
    for attempt in range(3):
        _click_node(_picture(page), "과학기술정보통신부")
        try:
            expect(panel).to_contain_text("중앙행정기관", timeout=15_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
    expect(page.locator("#pkg-graph .pkg-graph-count")).not_to_contain_text(f"노드 {count}개")
    assert len(_node_labels(_picture(page))) > count


def test_a_search_that_finds_nothing_says_so_in_korean(page: Page) -> None:
    _search(page, "존재하지않는기관")
    expect(page.locator("#pkg-graph")).to_contain_text("일치하는 개체가 없습니다: ‘존재하지않는기관’")
    expect(page.locator("#pkg-entity-facts")).to_contain_text("개체를 고르면")


def test_the_graph_of_the_last_answer_is_drawn_when_the_tab_opens(page: Page) -> None:
    ask(page, "AI안전연구소 소장은 누구야?")
    expect(page.locator("#pkg-chat .message-row").last).to_contain_text("정세린")
    page.get_by_role("tab", name="그래프 Graph").click()
    expect(page.locator("#pkg-graph-note")).to_contain_text("1번째 답")
    assert "소장 · AI안전연구소" in _node_labels(_picture(page))


def test_the_cypher_editor_highlights_runs_on_ctrl_enter_and_formats_numbers(page: Page) -> None:
    page.get_by_role("tab", name="Cypher").click()
    expect(page.locator("#pkg-cypher-limits")).to_contain_text("최대 30초")
    type_cypher(page, "MATCH (a:MonetaryAmount) RETURN a.value AS won, 2026 AS year ORDER BY won DESC LIMIT 1")
    keyword = page.locator("#pkg-cypher .cm-line span", has_text=re.compile("^MATCH$")).first
    plain = page.locator("#pkg-cypher .cm-line").first
    assert keyword.evaluate("e => getComputedStyle(e).color") != plain.evaluate("e => getComputedStyle(e).color")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#pkg-cypher-message")).to_contain_text("1행")
    table = page.locator("#pkg-cypher-table")
    expect(table).to_contain_text(re.compile(r"\d{1,3}(,\d{3}){3,}"))  # an amount of billions, with separators
    expect(table).to_contain_text("2026")
    expect(table).not_to_contain_text("2,026")
    expect(page.locator("#pkg-cypher .cm-line")).to_have_count(1)  # the key ran the query and added no line

    with page.expect_download() as download:
        page.locator("#pkg-csv a").first.click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"," not in raw.splitlines()[1].split(b",")[0]  # numbers raw

    type_cypher(page, "MATCH (n RETURN n")
    page.click("#pkg-run")
    error = page.locator("#pkg-cypher-message .pkg-error")
    expect(error).to_contain_text("column 10 (offset: 9)")  # where RETURN is in what was typed
    expect(error).not_to_contain_text("EXPLAIN")


def test_cancel_stops_a_running_query_on_the_server_too(page: Page, loaded: neo4j.Driver) -> None:
    page.get_by_role("tab", name="Cypher").click()
    type_cypher(page, "UNWIND range(1, 4000000000) AS x WITH x WHERE x = -1 RETURN x")
    page.click("#pkg-run")

    def running() -> int:
        query = "SHOW TRANSACTIONS YIELD metaData WHERE metaData.policykg_console IS NOT NULL RETURN count(*) AS n"
        return int(loaded.execute_query(query)[0][0]["n"])

    for _ in range(600):  # until the query runs on the server
        if running():
            break
        page.wait_for_timeout(100)
    page.click("#pkg-cancel")
    expect(page.locator("#pkg-cypher-message")).to_contain_text("쿼리를 취소했습니다")
    expect(page.locator("#pkg-cypher-message")).to_contain_text("서버에서 실행 중이던 쿼리도 멈췄습니다")
    for _ in range(100):  # a terminated transaction may be listed a moment longer while it rolls back
        if not running():
            break
        page.wait_for_timeout(100)
    assert running() == 0


def test_on_a_phone_every_tab_is_in_view_and_sources_follow_the_answer(browser: Browser, ui_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(ui_url)
    for name in ("질문 Chat", "그래프 Graph", "Cypher", "데이터 Data"):
        box = page.get_by_role("tab", name=name).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (name, box)
    expect(page.get_by_text("More tabs")).to_have_count(0)
    ask(page, "AI안전연구소 소장은 누구야?")
    expect(page.locator("#pkg-chat .message-row").last).to_contain_text("정세린")
    chat, sources = page.locator("#pkg-chat").bounding_box(), page.locator("#pkg-sources").bounding_box()
    examples = page.get_by_text("예시 질문").first.bounding_box()
    assert chat and sources and examples
    assert chat["y"] + chat["height"] <= sources["y"] < examples["y"]  # under the answer, before the examples
    page.get_by_role("tab", name="데이터 Data").click()
    expect(page.locator("#pkg-ingest")).to_be_visible()
    context.close()
