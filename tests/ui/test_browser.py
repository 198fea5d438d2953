"""End to end in a real browser: Debian's Chromium driven by Playwright against `policykg serve`, which
talks to the session's real Neo4j holding the seed and sample articles."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from rdflib import Graph, Literal

from policykg.graph.server import ManagedNeo4j
from policykg.ontology.vocab import PKG

from tests.conftest import SHARED

pytestmark = pytest.mark.neo4j
expect.set_options(timeout=60_000)  # answers are fast; an upload, an export or SHACL over the graph take longer
CHROMIUM = os.environ.get("POLICYKG_CHROMIUM", "/usr/bin/chromium")
# Where to keep the screenshots of each tab; `POLICYKG_SCREENSHOTS=docs/screenshots` refreshes the README's.
SHOTS = os.environ.get("POLICYKG_SCREENSHOTS")
# Written for this test (not from any article): a new programme with a figure the bot can only know from it.
UPLOADED = """\
AI 반도체 팹리스 육성에 450억 투입
입력 2026.04.10 09:00
김하늘 기자

과학기술정보통신부는 10일 AI 반도체 팹리스 육성 사업에 올해 450억원을 지원한다고 밝혔다.
사업은 정보통신산업진흥원(NIPA)이 맡아 팹리스 기업 30곳을 선정할 예정이다.

ⓒ 가상경제신문, 무단전재 및 재배포 금지
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@contextmanager
def _serving(home: Path, **env_extra: str) -> Iterator[str]:
    """`policykg serve` as a user starts it, on a free port; yields its URL once it answers."""
    port = _free_port()
    env = {**os.environ, "POLICYKG_HOME": str(home), **env_extra}
    log = home / f"ui-{port}.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "policykg", "serve", "--port", str(port)], env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 180
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"policykg serve did not come up:\n{log.read_text()}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def ui_url(seeded_with_samples: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> Iterator[str]:
    with _serving(managed_neo4j.home) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), \
        f"{CHROMIUM} is missing: `make test` installs Debian's chromium (apt-get install chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, ui_url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(ui_url)
    expect(page.locator("#pkg-question textarea")).to_be_visible()
    yield page
    context.close()


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


def _ask(page: Page, question: str) -> None:
    page.get_by_role("tab", name="질문 Chat").click()
    page.fill("#pkg-question textarea", question)
    page.click("#pkg-ask")


def _dev_question(qid: str) -> dict:
    rows = [json.loads(line) for line in (SHARED / "eval" / "dev_qa.jsonl").read_text(encoding="utf-8").splitlines()]
    return next(r for r in rows if r["id"] == qid)


def test_a_dev_question_is_answered_with_a_citation_that_opens_the_article(page: Page) -> None:
    qa = _dev_question("d03")
    _ask(page, qa["question"])
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
    _shot(page, "chat")

    page.get_by_role("tab", name="그래프 Graph").click()
    frame = page.frame_locator("#pkg-answer-graph iframe")
    expect(frame.locator("body[data-ready='1']")).to_be_attached()
    expect(page.locator("#pkg-answer-graph .pkg-graph-count")).to_contain_text("nodes")
    page.fill("#pkg-entity-text textarea, #pkg-entity-text input", "과학기술정보통신부")
    page.press("#pkg-entity-text textarea, #pkg-entity-text input", "Enter")
    expect(page.locator("#pkg-entity-facts")).to_contain_text("FundingFact")
    expect(page.frame_locator("#pkg-entity-graph iframe").locator("body[data-ready='1']")).to_be_attached()
    _shot(page, "graph")


def test_a_saved_cypher_query_runs_and_a_write_is_refused(page: Page) -> None:
    page.get_by_role("tab", name="Cypher").click()
    page.click("#pkg-saved input")
    page.get_by_role("option", name="cq01", exact=False).first.click()
    expect(page.locator("#pkg-cypher textarea")).to_have_value(re.compile(r"FundingFact"))
    expect(page.locator("#pkg-params textarea, #pkg-params input")).to_have_value('{"payer": "과학기술정보통신부"}')
    page.click("#pkg-run")
    expect(page.locator("#pkg-cypher-message")).to_contain_text("rows")
    expect(page.locator("#pkg-cypher-table")).to_contain_text("KRW")
    with page.expect_download() as download:
        page.locator("#pkg-csv a").first.click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "programme,value,currency,year,stage" and len(lines) > 1
    _shot(page, "cypher")

    page.fill("#pkg-cypher textarea", "MATCH (n:Programme) DETACH DELETE n")
    page.click("#pkg-run")
    expect(page.locator("#pkg-cypher-message .pkg-error")).to_contain_text("read-only")
    page.fill("#pkg-cypher textarea", "MATCH (n RETURN n")
    page.click("#pkg-run")
    expect(page.locator("#pkg-cypher-message .pkg-error")).to_contain_text("syntax error")


def test_an_uploaded_article_is_ingested_answered_and_exported(page: Page, tmp_path: Path) -> None:
    article = tmp_path / "팹리스 육성.txt"
    article.write_text(UPLOADED, encoding="utf-8")
    page.get_by_role("tab", name="데이터 Data").click()
    page.locator("#pkg-upload input[type=file]").set_input_files([str(article)])
    page.click("#pkg-ingest")
    expect(page.locator("#pkg-report")).to_contain_text("ingested")
    expect(page.locator("#pkg-articles")).to_contain_text("팹리스_육성")
    _shot(page, "data")

    page.click("#pkg-export-pick input")
    page.get_by_role("option", name="팹리스_육성").click()
    page.click("#pkg-export")
    with page.expect_download() as download:
        page.locator("#pkg-turtle a").first.click()
    graph = Graph().parse(download.value.path(), format="turtle")
    assert (None, PKG.sourceId, Literal("팹리스_육성")) in graph
    page.click("#pkg-shacl")
    expect(page.locator("#pkg-shacl-report textarea")).to_have_value(re.compile(r"conforms to the SHACL shapes"))

    _ask(page, "AI 반도체 팹리스 육성 사업 예산은 얼마야?")
    expect(page.locator("#pkg-chat .message-row").last).to_contain_text("450억")


def test_with_a_password_set_the_ui_asks_for_it(browser: Browser, seeded_with_samples: neo4j.Driver,
                                                managed_neo4j: ManagedNeo4j) -> None:
    with _serving(managed_neo4j.home, POLICYKG_UI_USERNAME="analyst", POLICYKG_UI_PASSWORD="s3cret-pw") as url:
        assert _status(url + "config") == 401  # nothing of the app without logging in
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
