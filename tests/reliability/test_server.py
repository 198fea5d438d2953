"""The managed Neo4j's lifecycle under races and crashes: real servers in a temporary home of their own.

One home serves the whole module (each Neo4j start costs 10-30 s here): two concurrent first starts,
then a crash and restart, then a lost pid file, in that order.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j
import pytest

from policykg.graph.server import ADMIN_TOOL, ENTRY_POINT, USERNAME, ManagedNeo4j
from tests.conftest import TEST_HEAP, TEST_PAGECACHE

EXTERNAL = ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE", "POLICYKG_BOLT_PORT")


def _command_lines() -> dict[int, bytes]:
    found = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            found[int(entry.name)] = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):  # gone meanwhile
            continue
    return found


def _java_servers(root: Path) -> list[int]:
    """Read from /proc here, independently of the code under test."""
    wanted = {ENTRY_POINT.encode(), f"--home-dir={root}".encode()}
    return sorted(pid for pid, cmd in _command_lines().items() if wanted <= set(cmd.split(b"\0")))


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policykg", *args], env=_env(home), capture_output=True, text=True, check=False
    )


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in EXTERNAL}
    return env | {
        "POLICYKG_HOME": str(home),
        "POLICYKG_NEO4J_HEAP": TEST_HEAP,
        "POLICYKG_NEO4J_PAGECACHE": TEST_PAGECACHE,
    }


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@dataclass
class Race:
    server: ManagedNeo4j
    outcomes: list[tuple[int, str, str]]  # exit code, stdout, stderr of each concurrent start
    command_lines: set[bytes]  # every process's command line seen while they ran


@pytest.fixture(scope="module")
def race(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Race]:
    home = tmp_path_factory.mktemp("race-home")
    server = ManagedNeo4j(home, heap=TEST_HEAP, pagecache=TEST_PAGECACHE)
    seen: set[bytes] = set()
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.update(_command_lines().values())
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        starts = [
            subprocess.Popen(
                [sys.executable, "-m", "policykg", "neo4j", "start", "--json"],
                env=_env(home),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outcomes = []
        for proc in starts:
            out, err = proc.communicate(timeout=900)
            outcomes.append((proc.returncode, out, err))
        done.set()
        watcher.join()
        yield Race(server, outcomes, seen)
    finally:
        done.set()
        server.stop()
        for pid in _java_servers(server.root):  # whatever a failed test left behind
            os.kill(pid, signal.SIGKILL)


def test_two_concurrent_first_starts_both_succeed_with_one_server(race: Race) -> None:
    assert [code for code, _, _ in race.outcomes] == [0, 0], [err[-2000:] for _, _, err in race.outcomes]
    statuses = [json.loads(out) for _, out, _ in race.outcomes]
    servers = _java_servers(race.server.root)
    assert len(servers) == 1, f"{len(servers)} Java servers for one home"
    assert all(s["running"] and s["uri"] == race.server.uri and s["pid"] == servers[0] for s in statuses)
    assert any("already running" in s["note"] for s in statuses), "the second start found the first one's server"


def test_the_password_file_opens_the_server(race: Race) -> None:
    with neo4j.GraphDatabase.driver(race.server.uri, auth=(USERNAME, race.server.password())) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS ok")
    assert records[0]["ok"] == 1


def test_the_password_is_never_on_a_command_line(race: Race) -> None:
    initialising = [c for c in race.command_lines if ADMIN_TOOL.encode() in c]
    assert initialising, "the watcher saw neo4j-admin set the initial password"
    password = race.server.password().encode()
    assert not [c for c in race.command_lines | set(_command_lines().values()) if password in c]


def test_database_logs_run_conf_and_password_are_owner_only(race: Race) -> None:
    root = race.server.root
    assert {sub: oct(_mode(root / sub)) for sub in ("data", "logs", "run", "conf")} == dict.fromkeys(
        ("data", "logs", "run", "conf"), oct(0o700)
    )
    assert _mode(race.server.password_file) == 0o600


def test_the_first_query_after_a_crash_restart_succeeds(race: Race) -> None:
    server = race.server
    with neo4j.GraphDatabase.driver(server.uri, auth=(USERNAME, server.password())) as driver:
        # Enough uncheckpointed writes that the restart has transactions to recover.
        for _ in range(5):
            driver.execute_query("UNWIND range(1, 20000) AS i CREATE (:CrashMarker {i: i, text: '복구 확인'})")
    # A home made before modes were enforced gets them fixed at its next start.
    for sub in ("data", "logs"):
        (server.root / sub).chmod(0o755)
    server.password_file.chmod(0o644)
    (pid,) = _java_servers(server.root)
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while _java_servers(server.root) and time.monotonic() < deadline:
        time.sleep(0.1)

    assert server.start().running
    with (
        neo4j.GraphDatabase.driver(server.uri, auth=(USERNAME, server.password())) as driver,
        driver.session(database="neo4j") as session,
    ):  # an auto-commit query: the driver does not retry it, as a user's first query would not be
        count = session.run("MATCH (m:CrashMarker) RETURN count(m) AS n").single(strict=True)["n"]
    assert count == 100_000
    assert _mode(server.root / "data") == _mode(server.root / "logs") == 0o700
    assert _mode(server.password_file) == 0o600


def test_a_lost_pid_file_neither_hides_the_server_nor_lets_a_second_start(race: Race, tmp_path: Path) -> None:
    server = race.server
    (pid,) = _java_servers(server.root)
    server.pid_file.unlink()
    status = json.loads(_cli(server.home, "neo4j", "status", "--json").stdout)
    assert status["running"] and status["pid"] == pid

    server.pid_file.unlink()
    started = server.start()
    assert started.pid == pid and "already running" in started.note
    assert _java_servers(server.root) == [pid]

    # A server of another home, whose path starts like this one's, is never touched.
    other = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(600)", ENTRY_POINT, f"--home-dir={server.root}-other"]
    )
    try:
        server.pid_file.unlink()
        stopped = _cli(server.home, "neo4j", "stop")
        assert stopped.returncode == 0, stopped.stderr
        assert "stopped" in stopped.stdout
        assert _java_servers(server.root) == []
        assert other.poll() is None, "another home's process was signalled"
    finally:
        other.kill()
        other.wait()
