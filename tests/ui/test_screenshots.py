"""Every tab rendered over the articles written for policykg only (the seed articles are third-party text
and stay out of pictures kept in the repository), with a screenshot of each.
`POLICYKG_SCREENSHOTS=docs/screenshots uv run pytest tests/ui/test_screenshots.py` refreshes the README's."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect

from policykg.graph.embeddings import make_embedder
from policykg.graph.schema import ensure_schema
from policykg.graph.server import ManagedNeo4j
from policykg.ingest.pipeline import discover
from policykg.service import load_files
from tests.ui.conftest import ask, open_page, serving, upload_own_article

SAMPLES = Path(__file__).resolve().parents[2] / "ingest" / "samples"


@pytest.fixture(scope="module")
def samples_only_url(driver: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> Iterator[str]:
    driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
    embedder = make_embedder()
    ensure_schema(driver, "neo4j", embedder)
    load_files(driver, "neo4j", discover([SAMPLES]), embedder)
    driver.execute_query("CALL db.awaitIndexes(120)")
    with serving(managed_neo4j.home) as url:
        yield url


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("POLICYKG_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _shot(page: Page, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    assert (folder / f"{name}.png").stat().st_size > 20_000


def test_each_tab_over_the_own_sample_articles(
    browser: Browser, samples_only_url: str, shots: Path, tmp_path: Path
) -> None:
    with open_page(browser, samples_only_url) as page:
        ask(page, "AI안전연구소에 배정한 올해 예산은 얼마야?")
        expect(page.locator("#pkg-chat .message-row").last).to_contain_text("150억")
        page.locator("#pkg-citations label").first.click()
        expect(page.locator("#pkg-source mark#pkg-quote")).to_contain_text("150억")
        _shot(page, shots, "chat")

        page.get_by_role("tab", name="그래프 Graph").click()
        page.fill("#pkg-entity-text textarea", "NIPA")
        page.press("#pkg-entity-text textarea", "Enter")
        expect(page.locator("#pkg-entity-facts")).to_contain_text("윤서진")
        expect(page.locator("#pkg-graph-note")).to_contain_text("‘정보통신산업진흥원’ 주변")  # not the answer's
        frame = page.frame_locator("#pkg-graph iframe")
        expect(frame.locator("body[data-ready='1']")).to_be_attached()
        spot = frame.locator("body").evaluate(
            """() => { const node = data.nodes.find((n) => n.label === "윤서진");
                 network.fit(); return network.canvasToDOM(network.getPositions([node.id])[node.id]); }"""
        )
        frame.locator("#g").click(position={"x": spot["x"], "y": spot["y"]})
        expect(page.locator("#pkg-node")).to_contain_text("인물")  # the clicked node's panel
        expect(page.locator("#pkg-graph .pkg-graph-count")).not_to_contain_text("노드 5개")  # its neighbours drawn
        expect(page.frame_locator("#pkg-graph iframe").locator("body[data-ready='1']")).to_be_attached()
        _shot(page, shots, "graph")

        page.get_by_role("tab", name="Cypher").click()
        page.click("#pkg-saved input")
        page.get_by_role("option", name="cq01").first.click()
        page.click("#pkg-run")
        expect(page.locator("#pkg-cypher-table")).to_contain_text("KRW")
        _shot(page, shots, "cypher")

        upload_own_article(page, tmp_path)
        for source_id in ("ai_basic_act_page", "regional_ai_cluster", "ai_chip_pilot_euckr", "팹리스_육성"):
            expect(page.locator("#pkg-articles")).to_contain_text(source_id)
        page.click("#pkg-shacl")
        expect(page.locator("#pkg-shacl-report textarea")).to_have_value(re.compile("conforms"))
        _shot(page, shots, "data")

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    page.goto(samples_only_url)
    ask(page, "인공지능 집적단지 2단계 사업 예산은 얼마야?")
    expect(page.locator("#pkg-chat .message-row").last).to_contain_text("6000억")
    expect(page.locator("#pkg-citations")).to_contain_text("광주")  # the sources drawer under the answer
    _shot(page, shots, "phone")
    phone.close()
