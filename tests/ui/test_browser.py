"""End to end in a real browser: Debian's Chromium driven by Playwright against `policykg serve`, which
talks to the session's real Neo4j holding the sample articles (and the seeds when ../shared is there)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import neo4j
from playwright.sync_api import Browser, Page, expect
from rdflib import Graph, Literal

from policykg.graph.server import ManagedNeo4j
from policykg.ingest.loading import MAX_BYTES
from policykg.ontology.vocab import PKG
from tests.bot.test_answers import OWN
from tests.ui.conftest import ask, http_status, serving, type_cypher, upload_own_article


def _own_question(qid: str) -> dict:  # type: ignore[type-arg]
    rows = [json.loads(line) for line in OWN.read_text(encoding="utf-8").splitlines()]
    return next(r for r in rows if r["id"] == qid)


def test_a_question_is_answered_with_a_citation_that_opens_the_article(page: Page) -> None:
    qa = _own_question("q30")  # about a sample article: the total cost of the Gwangju AI cluster
    ask(page, qa["question"])
    reply = page.locator("#pkg-chat .message-row").last
    expect(reply).to_contain_text("[1]")
    assert any(form in reply.inner_text().replace(" ", "") for form in qa["expect"][0]), reply.inner_text()
    citation = page.locator("#pkg-citations label").first
    expect(citation).to_contain_text("[1]")
    citation.click()
    mark = page.locator("#pkg-source mark#pkg-quote")
    expect(mark).to_be_visible()
    quote = mark.inner_text().strip()
    assert quote and quote in reply.inner_text()  # the sentence quoted in the answer, highlighted in its article
    title = page.locator("#pkg-source .pkg-source-title").inner_text().strip()
    assert title and title in citation.inner_text()  # the article the citation names

    page.get_by_role("tab", name="그래프 Graph").click()
    frame = page.frame_locator("#pkg-graph iframe")
    expect(frame.locator("body[data-ready='1']")).to_be_attached()
    expect(page.locator("#pkg-graph .pkg-graph-count")).to_contain_text("노드")
    page.fill("#pkg-entity-text textarea", "과학기술정보통신부")
    page.press("#pkg-entity-text textarea", "Enter")
    expect(page.locator("#pkg-entity-facts")).to_contain_text("예산·자금 사실")
    expect(page.locator("#pkg-graph-note")).to_contain_text("‘과학기술정보통신부’ 주변")
    expect(page.frame_locator("#pkg-graph iframe").locator("body[data-ready='1']")).to_be_attached()


def test_a_saved_cypher_query_runs_and_a_write_is_refused(page: Page) -> None:
    page.get_by_role("tab", name="Cypher").click()
    page.click("#pkg-saved input")
    page.get_by_role("option", name="cq01", exact=False).first.click()
    expect(page.locator("#pkg-cypher .cm-content")).to_contain_text("FundingFact")
    expect(page.locator("#pkg-params textarea, #pkg-params input")).to_have_value('{"payer": "과학기술정보통신부"}')
    page.click("#pkg-run")
    expect(page.locator("#pkg-cypher-message")).to_contain_text("행")
    expect(page.locator("#pkg-cypher-table")).to_contain_text("KRW")
    with page.expect_download() as download:
        page.locator("#pkg-csv a").first.click()
    lines = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()  # a BOM for Excel
    assert lines[0] == "programme,value,currency,year,stage" and len(lines) > 1

    type_cypher(page, "MATCH (n:Programme) DETACH DELETE n")
    page.click("#pkg-run")
    expect(page.locator("#pkg-cypher-message .pkg-error")).to_contain_text("read-only")
    type_cypher(page, "MATCH (n RETURN n")
    page.click("#pkg-run")
    expect(page.locator("#pkg-cypher-message .pkg-error")).to_contain_text("syntax error")


def test_an_uploaded_article_is_ingested_answered_and_exported(page: Page, tmp_path: Path) -> None:
    upload_own_article(page, tmp_path)
    expect(page.locator("#pkg-articles")).to_contain_text("팹리스_육성")

    page.click("#pkg-export-pick input")
    page.get_by_role("option", name="AI 반도체 팹리스 육성에 450억 투입").click()  # by title, not by id
    page.click("#pkg-export")
    with page.expect_download() as download:
        page.locator("#pkg-turtle a").first.click()
    graph = Graph().parse(download.value.path(), format="turtle")
    assert (None, PKG.sourceId, Literal("팹리스_육성")) in graph
    page.click("#pkg-shacl")
    expect(page.locator("#pkg-shacl-report textarea")).to_have_value(
        re.compile(r"^그래프가 SHACL 형상을 모두 따릅니다 \(the graph conforms to the SHACL shapes\)")
    )

    ask(page, "AI 반도체 팹리스 육성 사업 예산은 얼마야?")
    expect(page.locator("#pkg-chat .message-row").last).to_contain_text("450억")


def test_with_a_password_set_the_ui_asks_for_it(
    browser: Browser, loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j
) -> None:
    with serving(managed_neo4j.home, POLICYKG_UI_USERNAME="analyst", POLICYKG_UI_PASSWORD="s3cret-pw") as url:
        assert http_status(url + "config") == 401  # nothing of the app without logging in
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.get_by_label("username").fill("analyst")
        page.get_by_label("password").fill("wrong")
        page.get_by_role("button", name="Login").click()
        expect(page.get_by_text("Incorrect Credentials")).to_be_visible()
        page.get_by_label("username").fill("analyst")
        page.get_by_label("password").fill("s3cret-pw")
        page.get_by_role("button", name="Login").click()
        expect(page.locator("#pkg-question textarea")).to_be_visible()
        context.close()


def test_an_upload_is_taken_file_by_file(page: Page, tmp_path: Path) -> None:
    """One wrong file among several is refused alone, with its reason; the article beside it is ingested."""
    good = tmp_path / "민원 상담.txt"
    good.write_text(
        "지능형 민원 상담 시범 서비스 개시\n입력 2026.05.02 10:00\n박서연 기자\n\n"
        "행정안전부는 2일 지능형 민원 상담 시범 서비스를 세 곳에서 시작한다고 밝혔다.\n"
        "서비스는 한국지능정보사회진흥원(NIA)이 운영한다.\n\nⓒ 가상경제신문, 무단전재 및 재배포 금지\n",
        encoding="utf-8",
    )
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ" + bytes(100))
    huge = tmp_path / "huge.md"
    huge.write_bytes(b"# x\n" + b"x" * MAX_BYTES)
    english = tmp_path / "english.txt"
    english.write_text("Only English here, about policy but not in Korean.\n", encoding="utf-8")
    page.get_by_role("tab", name="데이터 Data").click()
    page.locator("#pkg-upload input[type=file]").set_input_files([str(good), str(program), str(huge), str(english)])
    page.click("#pkg-ingest")
    report = page.locator("#pkg-report")
    expect(report).to_contain_text("✓ 적재됨")
    expect(report).to_contain_text("기사 파일이 아닙니다")
    expect(report).to_contain_text("파일이 너무 큽니다: 10 MB까지 받습니다")
    expect(report).to_contain_text("한국어 기사가 아닙니다: policykg는 한국어 기사만 받습니다 (no Korean text")
