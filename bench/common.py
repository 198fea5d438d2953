"""Shared by the benchmarks: a managed Neo4j in a temporary home, and the shared corpus."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import neo4j

from policykg.graph.server import USERNAME, ManagedNeo4j

SHARED = Path(__file__).resolve().parents[2] / "shared"


@contextmanager
def temporary_server(heap: str = "2g", pagecache: str = "1g") -> Iterator[tuple[ManagedNeo4j, neo4j.Driver]]:
    """A fresh managed Neo4j, stopped and forgotten afterwards: benchmarks never touch a user's data."""
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as home:
        server = ManagedNeo4j(Path(home), heap=heap, pagecache=pagecache)
        server.start()
        try:
            assert server.uri
            with neo4j.GraphDatabase.driver(
                server.uri, auth=(USERNAME, server.password()), notifications_min_severity="OFF"
            ) as driver:
                yield server, driver
        finally:
            server.stop()


@contextmanager
def temporary_neo4j(heap: str = "2g", pagecache: str = "1g") -> Iterator[neo4j.Driver]:
    with temporary_server(heap, pagecache) as (_, driver):
        yield driver
