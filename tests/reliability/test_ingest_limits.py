"""Files within the limits never tie ingest up, odd files are refused with a reason, and a Neo4j lost midway
never loses the per-article report. Every input here is written by the test."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import neo4j
import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic

import policykg.cli
import policykg.service
from bench.ingest_limits import amounts_article
from policykg.cli import main
from policykg.graph.export import export_graph
from policykg.graph.server import USERNAME, ManagedNeo4j
from policykg.ingest.batch import ingest_files
from policykg.ingest.pipeline import MAX_SENTENCES, ArticleReport, ingest_file
from policykg.ontology.vocab import PKG
from policykg.ui.backend import ArticleView
from policykg.ui.render import source_html
from tests.conftest import TEST_HEAP, TEST_PAGECACHE, kill_server

# Written for these tests, not taken from any article.
ARTICLE = """인공지능 반도체 실증 사업 예산 확정

과학기술정보통신부는 올해 인공지능 반도체 실증 사업에 120억 원을 투입한다고 밝혔다.
이 사업은 정보통신산업진흥원이 맡아 운영하며, 지역 기업 열두 곳이 참여한다.
과학기술정보통신부 관계자는 "현장 수요에 맞춰 지원을 늘리겠다"고 말했다.
"""
PAGE = """<html><head><title>인공지능 반도체 실증 사업 예산 확정</title>
<meta property="og:url" content="{url}"></head>
<body><article><p>과학기술정보통신부는 올해 인공지능 반도체 실증 사업에 120억 원을 투입한다고 밝혔다.</p>
<p>이 사업은 정보통신산업진흥원이 맡아 운영하며, 지역 기업 열두 곳이 참여한다.</p></article></body></html>
"""


def _returns(call: Callable[[], Any], within: float = 120.0) -> Any:
    """The call's result; fails instead of hanging the test run when it never returns."""
    done: list[Any] = []
    worker = threading.Thread(target=lambda: done.append(call()), daemon=True)
    worker.start()
    worker.join(within)
    assert done, f"still running after {within:.0f} s"
    return done[0]


def _reasons(reports: list[ArticleReport]) -> dict[str, str]:
    return {r.source_id: r.reason if r.status != "ingested" else "ingested" for r in reports}


def test_devices_pipes_and_folders_are_refused_and_the_batch_goes_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "folder.txt").mkdir()
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    # Named one by one, as a user passes them; a FIFO nobody writes to used to block for ever.
    files = [Path("/dev/zero"), fifo, good]
    _, reports = _returns(lambda: ingest_files(files))
    assert _reasons(reports) == {
        "zero": "일반 파일이 아니라 읽지 않았습니다 (not a regular file but a character device)",
        "pipe": "일반 파일이 아니라 읽지 않았습니다 (not a regular file but a named pipe (FIFO))",
        "good": "ingested",
    }
    assert ingest_file(tmp_path / "folder.txt").report.reason.endswith("(not a regular file but a directory)")


def test_a_file_over_the_size_limit_is_refused_whatever_it_holds(tmp_path: Path) -> None:
    from policykg.ingest.loading import MAX_BYTES

    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    assert ingest_file(big).report.reason == (
        "파일이 너무 큽니다: 10 MB가 넘는 기사는 받지 않습니다 (file is 10.5 MB; articles over 10 MB are refused)"
    )


@pytest.mark.parametrize("one_line", [False, True], ids=["paragraphs", "one-line"])
def test_two_megabytes_of_amounts_are_refused_by_the_sentence_budget(tmp_path: Path, one_line: bool) -> None:
    flood = tmp_path / "flood.txt"
    flood.write_text(amounts_article(2_000_000, one_line), encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    _, reports = _returns(lambda: ingest_files([flood, good]))
    assert _reasons(reports) == {
        "flood": f"문장이 너무 많습니다: {MAX_SENTENCES:,}문장이 넘는 기사는 받지 않습니다 "
        f"(more than {MAX_SENTENCES:,} sentences; articles over {MAX_SENTENCES:,} sentences are refused)",
        "good": "ingested",
    }


def test_an_article_over_the_time_budget_is_refused_with_the_stage_reached(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text(ARTICLE, encoding="utf-8")
    report = ingest_file(slow, time_budget=0.0).report
    assert report.status == "skipped"
    assert report.reason.endswith("(over the time budget of 0 s per file (stopped after reading))")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be"])
def test_utf16_articles_are_read_like_utf8(tmp_path: Path, encoding: str) -> None:
    codec = encoding.removesuffix("-bom")
    text = "\ufeff" + ARTICLE if encoding.endswith("-bom") else ARTICLE
    (tmp_path / "utf8.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes(text.encode(codec))
    utf8, utf16 = ingest_file(tmp_path / "utf8.txt").report, ingest_file(tmp_path / "utf16.txt").report
    assert utf16.status == "ingested", utf16.reason
    assert (utf16.title, utf16.sentences, utf16.facts) == (utf8.title, utf8.sentences, utf8.facts)


@pytest.mark.parametrize(
    "url", ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd"]
)
def test_an_og_url_that_is_not_http_is_dropped_with_the_reason(tmp_path: Path, url: str) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(url=url), encoding="utf-8")
    result = ingest_file(page)
    assert result.graph is not None and not list(result.graph.objects(None, PKG.url))
    scheme = url.split(":", 1)[0]
    assert result.report.metadata_found_by["url dropped"] == f"og:url meta tag is a {scheme}: URL, not http(s)"


def test_an_http_og_url_is_kept(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(url="https://news.example.kr/article/1"), encoding="utf-8")
    result = ingest_file(page)
    assert result.graph is not None
    assert [str(u) for u in result.graph.objects(None, PKG.url)] == ["https://news.example.kr/article/1"]
    assert result.report.metadata_found_by["url"] == "og:url meta tag"


def test_the_source_view_links_only_http_urls() -> None:
    def view(url: str) -> str:
        return source_html(ArticleView("a", "제목", None, None, url, "본문"))

    # A graph loaded before ingest dropped such URLs may still hold one.
    assert "<a " not in view("javascript:alert(1)") and "javascript:alert(1)" in view("javascript:alert(1)")
    assert '<a href="https://news.example.kr/1"' in view("https://news.example.kr/1")


@pytest.fixture
def own_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ManagedNeo4j]:
    """A server of the test's own, since the test kills it."""
    server = ManagedNeo4j(tmp_path_factory.mktemp("killed-home"), heap=TEST_HEAP, pagecache=TEST_PAGECACHE)
    server.start()
    yield server
    server.stop()


def test_neo4j_killed_mid_ingest_exits_2_with_the_report_so_far_and_a_rerun_matches_a_clean_load(
    own_server: ManagedNeo4j, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ("first", "second", "third")
    for n, name in enumerate(names):
        (tmp_path / f"{name}.txt").write_text(ARTICLE.replace("120억", f"{120 + n}억"), encoding="utf-8")

    def advancing(bar: Any) -> Callable[[Iterable[Path]], Iterator[Path]]:
        def progress(items: Iterable[Path]) -> Iterator[Path]:
            for i, item in enumerate(items):
                if i == 1:  # the first article's batch is loaded: the server dies before the second
                    kill_server(own_server)
                yield item

        return progress

    # One article per batch, so the first is loaded before the server goes.
    monkeypatch.setattr(policykg.service, "load_files", partial(policykg.service.load_files, batch_articles=1))
    monkeypatch.setattr(policykg.cli, "_advancing", advancing)
    report = tmp_path / "report.json"
    result = CliRunner().invoke(
        main, ["ingest", str(tmp_path), "--report", str(report)], env={"POLICYKG_HOME": str(own_server.home)}
    )
    assert result.exit_code == 2, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("✓ first: ")
    assert lines[1:] == [
        "✗ second: 추출했지만 적재하지 못했습니다: 적재 중에 Neo4j 연결이 끊겼습니다 "
        "(extracted, not loaded: Neo4j became unreachable during its batch)",
        "✗ third: 처리하지 않았습니다: Neo4j 연결이 끊겼습니다 (not attempted: Neo4j became unreachable)",
    ]
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("error: Neo4j became unreachable during the load")
    assert "after 1 of 3 articles" in error and "`policykg neo4j start`" in error
    saved = json.loads(report.read_text(encoding="utf-8"))
    assert [(r["source_id"], r["status"]) for r in saved] == [
        ("first", "ingested"),
        ("second", "skipped"),
        ("third", "not attempted"),
    ]

    # After a restart every article is whole or absent, and a re-run gives what a clean load gives.
    own_server.start()
    with _driver(own_server) as driver:
        sentences = {r["sid"]: r["n"] for r in driver.execute_query(SENTENCES_PER_ARTICLE)[0]}
        assert set(sentences) == {"first"} and sentences["first"] > 0
        monkeypatch.undo()
        env = {"POLICYKG_HOME": str(own_server.home)}
        assert CliRunner().invoke(main, ["ingest", str(tmp_path)], env=env).exit_code == 0
        rerun = export_graph(driver, "neo4j")
        driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
        assert CliRunner().invoke(main, ["ingest", str(tmp_path)], env=env).exit_code == 0
        assert isomorphic(rerun, export_graph(driver, "neo4j"))


SENTENCES_PER_ARTICLE = (
    "MATCH (a:Article) OPTIONAL MATCH (s:Sentence)-[:IN_ARTICLE]->(a) RETURN a.source_id AS sid, count(s) AS n"
)


def _driver(server: ManagedNeo4j) -> neo4j.Driver:
    assert server.uri
    return neo4j.GraphDatabase.driver(server.uri, auth=(USERNAME, server.password()))
