"""`policykg ingest`, `export` and `query` against the managed Neo4j, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner
from rdflib import Graph

from policykg.cli import main
from policykg.graph.server import ManagedNeo4j
from tests.conftest import SAMPLES, SHARED


def _run(args: list[str], home: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, env={"POLICYKG_HOME": str(home)})
    return result.exit_code, result.stdout, result.stderr


def test_ingest_export_and_query_through_the_cli(
    managed_neo4j: ManagedNeo4j, driver: neo4j.Driver, tmp_path: Path
) -> None:
    driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
    home = managed_neo4j.home
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, _ = _run(["ingest", str(SAMPLES), str(empty)], home)
    assert code == 0, out
    assert "3 of 4 articles ingested" in out and "3 loaded" in out and "✗ empty: 빈 파일입니다 (empty file)" in out
    code, out, _ = _run(["ingest", str(SAMPLES)], home)
    assert code == 0 and "3 unchanged" in out
    code, out, _ = _run(["ingest", "--force", str(SAMPLES)], home)  # after an upgrade
    assert code == 0 and "3 replaced" in out

    ttl = tmp_path / "graph.ttl"
    code, _, _ = _run(["export", "--format", "turtle", "-o", str(ttl)], home)
    assert code == 0 and len(Graph().parse(ttl)) > 300
    code, out, _ = _run(["export", "--format", "nt", "--article", "regional_ai_cluster"], home)
    assert code == 0 and "regional_ai_cluster" in out and "ai_basic_act_page" not in out

    code, out, _ = _run(
        ["query", "--saved", "cq14", "--param", "programme=인공지능 집적단지 2단계 사업", "--format", "json"], home
    )
    assert code == 0
    assert json.loads(out) == [
        {"payer": "대한민국 정부", "total": 400_000_000_000},
        {"payer": "광주광역시", "total": 120_000_000_000},
        {"payer": "민간", "total": 80_000_000_000},
    ]
    code, out, _ = _run(
        [
            "query",
            "MATCH (p:Person {name: $n})<-[:HELD_BY]-(f) RETURN f.post AS post",
            "--param",
            "n=윤서진",
            "--format",
            "csv",
        ],
        home,
    )
    assert code == 0 and out.splitlines() == ["post", "원장"]
    code, out, _ = _run(["query", "--list"], home)
    assert code == 0 and "cq22" in out


@pytest.mark.shared
def test_ingest_and_query_the_seed_articles_through_the_cli(managed_neo4j: ManagedNeo4j, driver: neo4j.Driver) -> None:
    driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
    home = managed_neo4j.home
    code, out, _ = _run(
        ["ingest", str(SHARED / "corpus" / "seeds"), str(SHARED / "corpus" / "bad" / "empty.txt")], home
    )
    assert code == 0, out
    assert "5 of 6 articles ingested" in out and "5 loaded" in out and "✗ empty: 빈 파일입니다 (empty file)" in out
    code, out, _ = _run(["export", "--format", "nt", "--article", "004_53fb900db9c2816c"], home)
    assert code == 0 and "004_53fb900db9c2816c" in out and "000_f943f955f41cbba2" not in out
    code, out, _ = _run(["query", "--saved", "cq08", "--format", "json"], home)
    assert code == 0
    assert json.loads(out) == [
        {
            "programme": "World Best LLM 프로젝트",
            "from": "한국지능정보사회진흥원",
            "to": "정보통신산업진흥원",
            "modality": "likely",
        }
    ]
    code, out, _ = _run(
        ["query", "MATCH (p:Person {name: $n})<-[:HELD_BY]-(f) RETURN f.post AS post", "--param", "n=조준희"], home
    )
    assert code == 0 and "회장" in out


def test_cli_refuses_writes_and_reports_bad_cypher(managed_neo4j: ManagedNeo4j) -> None:
    code, _, err = _run(["query", "CREATE (n:Hack) RETURN n"], managed_neo4j.home)
    assert code == 1 and "read-only" in err
    code, _, err = _run(["query", "MATCH (n RETURN n"], managed_neo4j.home)
    assert code == 1 and "syntax error" in err
    code, _, err = _run(["export", "--article", "no-such-article"], managed_neo4j.home)
    assert code == 1 and "no article" in err


def test_commands_need_a_running_neo4j(tmp_path: Path) -> None:
    code, _, err = _run(["query", "RETURN 1"], tmp_path)
    assert code == 2 and "policykg neo4j start" in err
