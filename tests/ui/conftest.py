"""Shared by the browser tests: `policykg serve` as a user starts it, and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import neo4j
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from policykg.graph.server import ManagedNeo4j

CHROMIUM = os.environ.get("POLICYKG_CHROMIUM", "/usr/bin/chromium")
expect.set_options(timeout=60_000)  # answers are fast; an upload, an export or SHACL over the graph take longer
# Written for this test (not from any article): a new programme with a figure the bot can only know from it.
UPLOADED = """\
AI 반도체 팹리스 육성에 450억 투입
입력 2026.04.10 09:00
김하늘 기자

과학기술정보통신부는 10일 AI 반도체 팹리스 육성 사업에 올해 450억원을 지원한다고 밝혔다.
사업은 정보통신산업진흥원(NIPA)이 맡아 팹리스 기업 30곳을 선정할 예정이다.

ⓒ 가상경제신문, 무단전재 및 재배포 금지
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@contextmanager
def serving(home: Path, **env_extra: str) -> Iterator[str]:
    """`policykg serve` on a free port in its own process; yields its URL once it answers."""
    port = free_port()
    env = {**os.environ, "POLICYKG_HOME": str(home), **env_extra}
    log = home / f"ui-{port}.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "policykg", "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
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


class Relay:
    """A TCP relay to a port that a test can cut, as if the server behind it stopped (without stopping the
    session's shared Neo4j)."""

    def __init__(self, target_port: int, cut_on: bytes | None = None) -> None:
        """With `cut_on`, the relay cuts itself when the client sends those bytes, before passing them on (Bolt
        sends query parameters as plain UTF-8: an article's text marks the moment its load is sent)."""
        self.target_port, self.cut_on = target_port, cut_on
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:  # cut
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            self.sockets += [client, upstream]
            for src, dst, watch in ((client, upstream, self.cut_on), (upstream, client, None)):
                threading.Thread(target=self._pump, args=(src, dst, watch), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, watch: bytes | None) -> None:
        tail = b""  # the pattern may straddle two reads
        try:
            while data := src.recv(65536):
                if watch and watch in tail + data:
                    self.cut()
                    return
                tail = data[-len(watch) :] if watch else b""
                dst.sendall(data)
        except OSError:
            pass

    def cut(self) -> None:
        """New connections are refused and open ones are reset."""
        for s in (self.listener, *self.sockets):
            with suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), (
        f"{CHROMIUM} is missing: `make test` installs Debian's chromium (apt-get install chromium)"
    )
    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        )
        yield b
        b.close()


@contextmanager
def open_page(browser: Browser, url: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    expect(page.locator("#pkg-question textarea")).to_be_visible()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def ui_url(loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j) -> Iterator[str]:
    """`policykg serve` over the session's Neo4j holding the sample articles (and the seeds beside ../shared)."""
    with serving(managed_neo4j.home) as url:
        yield url


@pytest.fixture
def page(browser: Browser, ui_url: str) -> Iterator[Page]:
    with open_page(browser, ui_url) as page:
        yield page


def ask(page: Page, question: str) -> None:
    page.get_by_role("tab", name="질문 Chat").click()
    page.fill("#pkg-question textarea", question)
    page.click("#pkg-ask")


def type_cypher(page: Page, text: str) -> None:
    """Replace the Cypher editor's text as a user types it."""
    page.get_by_role("tab", name="Cypher").click()
    page.locator("#pkg-cypher .cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def upload_own_article(page: Page, folder: Path) -> None:
    """Upload UPLOADED (saved as '팹리스 육성.txt') on the Data tab and wait for its report."""
    article = folder / "팹리스 육성.txt"
    article.write_text(UPLOADED, encoding="utf-8")
    page.get_by_role("tab", name="데이터 Data").click()
    page.locator("#pkg-upload input[type=file]").set_input_files([str(article)])
    page.click("#pkg-ingest")
    expect(page.locator("#pkg-report")).to_contain_text("팹리스_육성.txt")  # the name it is kept under
