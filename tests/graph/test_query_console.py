"""The researchers' Cypher console cannot write, reports errors clearly, and caps time and rows."""

from __future__ import annotations

import neo4j
import pytest

from policykg.errors import UserError
from policykg.graph.query import render, run_read_query


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE (n:Programme {name: 'x'}) RETURN n",
        "MATCH (n:Programme) SET n.name = 'x'",
        "MATCH (n) DETACH DELETE n",
        "MERGE (n:Person {name: 'x'})",
        "CALL apoc.create.node(['X'], {}) YIELD node RETURN node",
        "CREATE INDEX x FOR (n:X) ON (n.y)",
    ],
)
def test_writes_are_refused_and_nothing_changes(loaded: neo4j.Driver, statement: str) -> None:
    before = loaded.execute_query("MATCH (n) RETURN count(n) AS c")[0][0]["c"]
    with pytest.raises(UserError, match=r"read-only|not allowed|Cypher"):
        run_read_query(loaded, "neo4j", statement)
    assert loaded.execute_query("MATCH (n) RETURN count(n) AS c")[0][0]["c"] == before


def test_syntax_error_is_a_clear_message(loaded: neo4j.Driver) -> None:
    with pytest.raises(UserError, match="syntax error"):
        run_read_query(loaded, "neo4j", "MATCH (n RETURN n")


def test_row_cap_and_time_limit(loaded: neo4j.Driver) -> None:
    result = run_read_query(loaded, "neo4j", "UNWIND range(1, 50) AS i RETURN i", limit=10)
    assert len(result.rows) == 10 and result.truncated
    assert "raise --limit" in render(result, "table")
    with pytest.raises(UserError, match="query failed"):
        run_read_query(
            loaded, "neo4j", "UNWIND range(1, 100000000) AS i WITH i WHERE i % 7 = 0 RETURN count(*)", timeout=0.5
        )


def test_results_render_as_table_json_and_csv(loaded: neo4j.Driver) -> None:
    result = run_read_query(
        loaded,
        "neo4j",
        "MATCH (p:Programme {name: $n}) RETURN p.name AS name, p",
        {"n": "인공지능 집적단지 2단계 사업"},
    )
    assert "인공지능 집적단지 2단계 사업" in render(result, "table")
    assert '"labels": [' in render(result, "json") and "Resource" not in render(result, "json")
    assert render(result, "csv").splitlines()[0] == "name,p"
