"""The managed Neo4j is a real 5.26 Community server with APOC, vector and CJK full-text indexes."""

from __future__ import annotations

import stat
from pathlib import Path

import neo4j
import pytest

from policykg.graph.server import ManagedNeo4j


def test_components_report_neo4j_5_26_community(driver: neo4j.Driver) -> None:
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition"
    )
    assert records[0]["name"] == "Neo4j Kernel"
    assert records[0]["version"].startswith("5.26.")
    assert records[0]["edition"] == "community"


def test_apoc_core_procedures_are_installed(driver: neo4j.Driver) -> None:
    records, _, _ = driver.execute_query("RETURN apoc.version() AS v, apoc.text.join(['과기','정통부'], '') AS j")
    assert records[0]["v"].startswith("5.26.")
    assert records[0]["j"] == "과기정통부"


def test_vector_index_is_created_and_queried(driver: neo4j.Driver) -> None:
    driver.execute_query(
        "CREATE VECTOR INDEX probe_vec IF NOT EXISTS FOR (n:ProbeVec) ON n.embedding "
        "OPTIONS {indexConfig: {`vector.dimensions`: 3, `vector.similarity_function`: 'cosine'}}"
    )
    driver.execute_query(
        "UNWIND $rows AS r CREATE (:ProbeVec {name: r.name, embedding: r.v})",
        rows=[{"name": "east", "v": [1.0, 0.0, 0.0]}, {"name": "north", "v": [0.0, 1.0, 0.0]}],
    )
    driver.execute_query("CALL db.awaitIndexes(60)")
    records, _, _ = driver.execute_query(
        "CALL db.index.vector.queryNodes('probe_vec', 1, $q) YIELD node, score RETURN node.name AS name, score",
        q=[0.9, 0.1, 0.0],
    )
    assert [r["name"] for r in records] == ["east"]
    assert records[0]["score"] > 0.9


def test_cjk_fulltext_index_finds_korean_words(driver: neo4j.Driver) -> None:
    driver.execute_query(
        "CREATE FULLTEXT INDEX probe_ft IF NOT EXISTS FOR (n:ProbeText) ON EACH [n.text] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
    )
    driver.execute_query(
        "UNWIND $texts AS t CREATE (:ProbeText {text: t})",
        texts=["과학기술정보통신부가 오픈소스 예산을 배정했다", "전혀 다른 문화 행사 소식"],
    )
    driver.execute_query("CALL db.awaitIndexes(60)")
    records, _, _ = driver.execute_query(
        "CALL db.index.fulltext.queryNodes('probe_ft', '예산') YIELD node RETURN node.text AS text"
    )
    assert [r["text"] for r in records] == ["과학기술정보통신부가 오픈소스 예산을 배정했다"]


def test_wrong_password_is_rejected(managed_neo4j: ManagedNeo4j) -> None:
    with (
        neo4j.GraphDatabase.driver(managed_neo4j.uri, auth=("neo4j", "not-the-password")) as bad,
        pytest.raises(neo4j.exceptions.AuthError),
    ):
        bad.verify_connectivity()


def test_password_file_is_readable_by_owner_only(managed_neo4j: ManagedNeo4j) -> None:
    mode = stat.S_IMODE(managed_neo4j.password_file.stat().st_mode)
    assert mode == 0o600
    assert len(managed_neo4j.password()) >= 20


def test_bolt_listens_on_loopback_only(managed_neo4j: ManagedNeo4j) -> None:
    port = managed_neo4j.port
    assert port
    listening = []
    for line in (
        Path("/proc/net/tcp").read_text().splitlines()[1:] + Path("/proc/net/tcp6").read_text().splitlines()[1:]
    ):
        local, state = line.split()[1], line.split()[3]
        addr, port_hex = local.rsplit(":", 1)
        if int(port_hex, 16) == port and state == "0A":  # 0A = LISTEN
            listening.append(addr)
    assert listening, "nothing listens on the Bolt port"
    # 0100007F is 127.0.0.1 in /proc's little-endian hex; a wildcard bind would show 00000000.
    assert all(addr in ("0100007F", "0000000000000000FFFF00000100007F") for addr in listening), listening


def test_second_start_is_harmless(managed_neo4j: ManagedNeo4j) -> None:
    before = managed_neo4j.running_pid()
    status = managed_neo4j.start()
    assert status.running and status.pid == before
    assert "already running" in status.note


def test_status_reports_version_and_uri(managed_neo4j: ManagedNeo4j) -> None:
    status = managed_neo4j.status()
    assert status.running
    assert status.version and status.version.startswith("5.26.")
    assert status.uri == f"bolt://127.0.0.1:{managed_neo4j.port}"
