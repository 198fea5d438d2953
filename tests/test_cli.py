"""The `policykg` command as a user runs it: exit codes, messages, managed and external Neo4j."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner

from policykg.cli import main
from policykg.graph.server import ManagedNeo4j
from tests.conftest import cli_commands


def _run(args: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, env=env)
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_every_subcommand_with_korean_examples() -> None:
    code, out, _ = _run(["--help"], {})
    assert code == 0
    for command in ("neo4j", "ingest", "export", "query", "ask", "eval", "serve", "demo", "reset"):
        assert f"  {command}" in out
    assert "독자 AI 파운데이션 모델" in out
    code, out, _ = _run(["neo4j", "--help"], {})
    assert code == 0 and all(c in out for c in ("start", "stop", "status", "install"))


def test_status_and_start_report_the_running_managed_server(managed_neo4j: ManagedNeo4j) -> None:
    env = {"POLICYKG_HOME": str(managed_neo4j.home)}
    code, out, _ = _run(["neo4j", "status", "--json"], env)
    assert code == 0
    info = json.loads(out)
    assert info["running"] is True and info["uri"] == managed_neo4j.uri and info["version"].startswith("5.26.")
    code, out, _ = _run(["neo4j", "start"], env)
    assert code == 0 and managed_neo4j.uri in out and "already running" in out


def test_status_of_an_empty_home_says_not_running(tmp_path: Path) -> None:
    code, out, _ = _run(["neo4j", "status"], {"POLICYKG_HOME": str(tmp_path)})
    assert code == 0 and "not running" in out


def test_external_server_is_used_and_never_started(managed_neo4j: ManagedNeo4j, tmp_path: Path) -> None:
    env = {
        "POLICYKG_HOME": str(tmp_path),
        "NEO4J_URI": managed_neo4j.uri or "",
        "NEO4J_USERNAME": "neo4j",
        "NEO4J_PASSWORD": managed_neo4j.password(),
    }
    code, out, _ = _run(["neo4j", "status", "--json"], env)
    assert code == 0
    info = json.loads(out)
    assert info["external"] is True and info["uri"] == managed_neo4j.uri and info["edition"] == "community"
    code, _, err = _run(["neo4j", "start"], env)
    assert code == 1 and "NEO4J_URI is set" in err
    assert not (tmp_path / "neo4j").exists(), "no managed server was set up in the home"


def test_external_server_with_wrong_password_is_an_environment_error(managed_neo4j: ManagedNeo4j) -> None:
    env = {"NEO4J_URI": managed_neo4j.uri or "", "NEO4J_PASSWORD": "wrong-password"}
    code, _, err = _run(["neo4j", "status"], env)
    assert code == 2 and "rejected the credentials" in err


def test_serving_beyond_loopback_without_a_password_is_refused() -> None:
    for args in (["serve", "--host", "0.0.0.0"], ["serve", "--share"], ["serve", "--host", "192.168.0.10"]):
        code, _, err = _run(args, {})
        assert code == 1 and "POLICYKG_UI_USERNAME" in err, args


def test_unexpected_exception_exits_3_with_one_line_and_a_crash_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise ValueError("cookbook table is corrupt")

    monkeypatch.setattr("policykg.ontology.competency.competency_questions", broken)
    code, out, err = _run(["query", "--list"], {"POLICYKG_HOME": str(tmp_path)})
    assert code == 3 and out == ""
    assert len(err.splitlines()) == 1, err
    assert "internal error (ValueError: cookbook table is corrupt)" in err and "please report it" in err
    match = re.search(r"traceback in (\S+\.log)", err)
    assert match, err
    log = Path(match.group(1))
    assert log.parent == tmp_path.resolve() / "logs" and log.name.startswith("crash-")
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in broken" in text and "cookbook table is corrupt" in text
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700 and stat.S_IMODE(log.stat().st_mode) == 0o600


def test_neo4j_lost_mid_command_is_an_environment_error(
    managed_neo4j: ManagedNeo4j, monkeypatch: pytest.MonkeyPatch
) -> None:
    def server_gone(*args: object, **kwargs: object) -> None:
        raise neo4j.exceptions.ServiceUnavailable("Failed to read from defunct connection")

    monkeypatch.setattr("policykg.graph.query.run_read_query", server_gone)
    code, _, err = _run(["query", "RETURN 1"], {"POLICYKG_HOME": str(managed_neo4j.home)})
    assert code == 2 and len(err.splitlines()) == 1, err
    assert "Neo4j became unreachable" in err and "policykg neo4j start" in err
    assert not (managed_neo4j.home / "logs").exists(), "not a bug: no crash log"


def test_usage_errors_are_user_errors() -> None:
    for args in (["query", "--format", "xml", "RETURN 1"], ["no-such-command"], ["neo4j", "lock"]):
        code, _, err = _run(args, {})
        assert code == 1 and "Error:" in err, args


def test_every_command_maps_errors_to_exit_codes() -> None:
    unwrapped = [name for name, c in cli_commands().items() if not getattr(c.callback, "reports_errors", False)]
    assert not unwrapped, f"commands without @reports_errors (tracebacks, wrong exit codes): {unwrapped}"


def test_output_cut_short_by_its_reader_is_no_crash(tmp_path: Path) -> None:
    """`policykg query --list | head -1`: the reader closes the pipe before policykg has written."""
    env = {**os.environ, "POLICYKG_HOME": str(tmp_path)}
    with subprocess.Popen(
        [sys.executable, "-m", "policykg", "query", "--list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read().decode()
    assert proc.returncode == 1 and err == "", err
    assert not (tmp_path / "logs").exists()
