"""Shared fixtures: one real managed Neo4j per test session, in its own temporary home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import neo4j
import pytest

from policykg.graph.server import USERNAME, ManagedNeo4j

SHARED = Path(__file__).resolve().parents[2] / "shared"
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
    from policykg.graph.embeddings import make_embedder
    from policykg.graph.schema import ensure_schema
    from policykg.ingest.pipeline import discover
    from policykg.service import load_files

    driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
    embedder = make_embedder()
    ensure_schema(driver, "neo4j", embedder)
    load_files(driver, "neo4j", discover([SHARED / "corpus" / "seeds"]), embedder)
    driver.execute_query("CALL db.awaitIndexes(120)")
    return driver


@pytest.fixture(scope="module")
def seeded_with_samples(seeded: neo4j.Driver) -> neo4j.Driver:
    """The seed articles plus the bundled sample articles written for policykg."""
    from policykg.graph.embeddings import make_embedder
    from policykg.ingest.pipeline import discover
    from policykg.service import load_files

    samples = Path(__file__).resolve().parents[1] / "ingest" / "samples"
    load_files(seeded, "neo4j", discover([samples]), make_embedder())
    seeded.execute_query("CALL db.awaitIndexes(120)")
    return seeded
