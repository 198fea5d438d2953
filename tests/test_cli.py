"""The `policykg` command as a user runs it: exit codes, messages, managed and external Neo4j."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policykg.cli import main
from policykg.graph.server import ManagedNeo4j


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
