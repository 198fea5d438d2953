"""Shared fixtures: one real managed Neo4j per test session, in its own temporary home.

Two collection rules live here, in one place:
- a test that needs ../shared (the third-party seed articles and the eval files beside the clone) is skipped
  with a one-line reason when it is absent: marked `shared`, or using the `seeded` fixture;
- a test that uses a Neo4j server (`managed_neo4j` in its fixture closure, or the lifecycle tests' own
  server) is marked `neo4j`, so `pytest -m "not neo4j"` starts none.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import click
import neo4j
import pytest

from policykg.graph.server import USERNAME, ManagedNeo4j

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "ingest" / "samples"
# A plain clone has no ../shared; CI puts it beside the repository.
HAS_SHARED = (SHARED / "corpus" / "seeds").is_dir() and (SHARED / "eval").is_dir()
NEEDS_SHARED = "needs ../shared (the seed articles and eval files); CI provides it"
# Fixtures that start a Neo4j server: the session's, and the lifecycle tests' own.
STARTS_NEO4J = {"managed_neo4j", "own_neo4j"}
# Small enough that two test servers fit beside the models on a 2-core / 24 GiB machine.
TEST_HEAP, TEST_PAGECACHE = "1g", "256m"


def cli_commands(group: click.Group | None = None, prefix: str = "policykg") -> dict[str, click.Command]:
    """Every command a user can run, by its full name ('policykg neo4j lock'), sub-commands included."""
    from policykg.cli import main

    found: dict[str, click.Command] = {}
    for name, command in (group or main).commands.items():
        if isinstance(command, click.Group):
            found.update(cli_commands(command, f"{prefix} {name}"))
        else:
            found[f"{prefix} {name}"] = command
    return found


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skip_shared = pytest.mark.skip(reason=NEEDS_SHARED)
    for item in items:
        names = set(getattr(item, "fixturenames", ()))  # the whole closure: `seeded` brings `managed_neo4j`
        if names & STARTS_NEO4J:
            item.add_marker(pytest.mark.neo4j)
        if not HAS_SHARED and (item.get_closest_marker("shared") or "seeded" in names):
            item.add_marker(skip_shared)


@pytest.fixture(autouse=True)
def _no_external_neo4j(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never talk to a server the developer happens to have configured."""
    for name in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "POLICYKG_BOLT_PORT"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def neo4j_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("policykg-home")


@pytest.fixture(scope="session")
def managed_neo4j(neo4j_home: Path) -> Iterator[ManagedNeo4j]:
    server = ManagedNeo4j(neo4j_home, heap=TEST_HEAP, pagecache=TEST_PAGECACHE)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def driver(managed_neo4j: ManagedNeo4j) -> Iterator[neo4j.Driver]:
    assert managed_neo4j.uri
    with neo4j.GraphDatabase.driver(managed_neo4j.uri, auth=(USERNAME, managed_neo4j.password())) as drv:
        yield drv


@pytest.fixture(scope="module")
def seeded(driver: neo4j.Driver) -> neo4j.Driver:
    """The session's Neo4j holding exactly the five seed articles (loaded once per test module)."""
    if not HAS_SHARED:  # the collection hook skips these tests first; this guards a dynamic request
        pytest.skip(NEEDS_SHARED)
    return load_only(driver, [SHARED / "corpus" / "seeds"])


def load_only(driver: neo4j.Driver, folders: list[Path]) -> neo4j.Driver:
    """The session's Neo4j emptied and holding exactly the articles of `folders`, indexes ready."""
    from policykg.graph.embeddings import make_embedder
    from policykg.graph.schema import ensure_schema
    from policykg.ingest.pipeline import discover
    from policykg.service import load_files

    driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
    embedder = make_embedder()
    ensure_schema(driver, "neo4j", embedder)
    load_files(driver, "neo4j", discover(folders), embedder)
    driver.execute_query("CALL db.awaitIndexes(120)")
    return driver


@pytest.fixture(scope="module")
def seeded_with_samples(seeded: neo4j.Driver) -> neo4j.Driver:
    """The seed articles plus the bundled sample articles written for policykg."""
    from policykg.graph.embeddings import make_embedder
    from policykg.ingest.pipeline import discover
    from policykg.service import load_files

    load_files(seeded, "neo4j", discover([SAMPLES]), make_embedder())
    seeded.execute_query("CALL db.awaitIndexes(120)")
    return seeded


@pytest.fixture(scope="module")
def loaded(request: pytest.FixtureRequest, driver: neo4j.Driver) -> neo4j.Driver:
    """The project's own sample articles, plus the seed articles when ../shared is there.

    For tests of general behaviour: their assertions hold on the samples alone, so they run on a plain clone
    and, beside ../shared, on the larger graph as before.
    """
    if HAS_SHARED:
        return request.getfixturevalue("seeded_with_samples")
    return load_only(driver, [SAMPLES])


def loaded_folders() -> list[Path]:
    """The folders `loaded` holds, for tests that compare the graph with a fresh ingest."""
    return [SHARED / "corpus" / "seeds", SAMPLES] if HAS_SHARED else [SAMPLES]


def kill_server(server: ManagedNeo4j, wait: float = 60.0) -> None:
    """kill -9 the server's Java process, as a crash would, and wait until it is gone."""
    pid = server.running_pid()
    assert pid
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + wait
    while server.running_pid() is not None and time.monotonic() < deadline:
        time.sleep(0.2)
