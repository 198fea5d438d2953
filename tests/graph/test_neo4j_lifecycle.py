"""Start, stop, restart, crash and port conflicts of a managed Neo4j in a home of its own."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from policykg.errors import EnvironmentProblem
from policykg.graph.server import USERNAME, ManagedNeo4j
from tests.conftest import TEST_HEAP, TEST_PAGECACHE, kill_server


@pytest.fixture(scope="module")
def own_neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ManagedNeo4j]:
    srv = ManagedNeo4j(tmp_path_factory.mktemp("lifecycle-home"), heap=TEST_HEAP, pagecache=TEST_PAGECACHE)
    yield srv
    srv.stop()


def _count_markers(srv: ManagedNeo4j) -> int:
    with neo4j.GraphDatabase.driver(srv.uri, auth=(USERNAME, srv.password())) as drv:
        records, _, _ = drv.execute_query("MATCH (m:LifecycleMarker) RETURN count(m) AS n")
    return int(records[0]["n"])


def test_status_before_first_start_says_not_running(own_neo4j: ManagedNeo4j) -> None:
    status = own_neo4j.status()
    assert not status.running and status.pid is None


def test_data_survives_a_clean_restart(own_neo4j: ManagedNeo4j) -> None:
    own_neo4j.start()
    with neo4j.GraphDatabase.driver(own_neo4j.uri, auth=(USERNAME, own_neo4j.password())) as drv:
        drv.execute_query("CREATE (:LifecycleMarker {name: '재시작 확인'})")
    port = own_neo4j.port
    stopped = own_neo4j.stop()
    assert not stopped.running and not own_neo4j.status().running
    assert not own_neo4j.pid_file.exists()
    own_neo4j.start()
    assert own_neo4j.port == port, "the port chosen at first start is kept"
    assert _count_markers(own_neo4j) == 1


def test_stop_when_stopped_is_harmless(own_neo4j: ManagedNeo4j) -> None:
    own_neo4j.stop()
    assert "was not running" in own_neo4j.stop().note


def test_crashed_server_is_detected_and_restart_recovers(own_neo4j: ManagedNeo4j) -> None:
    own_neo4j.start()
    kill_server(own_neo4j, wait=30)
    # The pid file is left behind by the crash; status must see through it.
    status = own_neo4j.status()
    assert not status.running
    assert "stale pid file" in status.note
    assert own_neo4j.start().running
    assert _count_markers(own_neo4j) == 1, "data committed before the crash is recovered"


def test_taken_port_is_reported_clearly(own_neo4j: ManagedNeo4j) -> None:
    own_neo4j.stop()
    port = own_neo4j.port
    assert port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        squatter.bind(("127.0.0.1", port))
        squatter.listen(1)
        with pytest.raises(EnvironmentProblem, match=f"port {port}.*taken by another process"):
            own_neo4j.start()
    assert not own_neo4j.status().running


def test_two_homes_never_share_a_database(own_neo4j: ManagedNeo4j, managed_neo4j: ManagedNeo4j) -> None:
    own_neo4j.start()
    assert own_neo4j.port != managed_neo4j.port
    with neo4j.GraphDatabase.driver(managed_neo4j.uri, auth=(USERNAME, managed_neo4j.password())) as drv:
        records, _, _ = drv.execute_query("MATCH (m:LifecycleMarker) RETURN count(m) AS n")
    assert records[0]["n"] == 0
    assert Path(own_neo4j.home) != Path(managed_neo4j.home)


def test_generated_passwords_are_never_read_as_options() -> None:
    """Regression: a password starting with '-' made neo4j-admin print its usage and fail the first start."""
    from policykg.graph.server import generate_password

    passwords = [generate_password() for _ in range(2000)]
    assert all(p.isalnum() and p.isascii() and len(p) == 24 for p in passwords)
    assert len(set(passwords)) == len(passwords)
