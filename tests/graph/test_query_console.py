"""The researchers' Cypher console cannot write, reports errors clearly, and caps time and rows."""

from __future__ import annotations

import threading
import time

import neo4j
import pytest

from policykg.errors import UserError
from policykg.graph.query import QueryResult, render, run_read_query, stop_queries
from policykg.korean.textwidth import width


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


def test_an_error_points_at_what_the_user_typed_not_at_the_hidden_explain(loaded: neo4j.Driver) -> None:
    with pytest.raises(UserError) as first_line:
        run_read_query(loaded, "neo4j", "MATCH (n RETURN n")
    message = str(first_line.value)
    assert "(line 1, column 10 (offset: 9))" in message and "EXPLAIN" not in message  # 'R' of RETURN
    quoted, caret = message.splitlines()[-2:]
    assert quoted == '"MATCH (n RETURN n"' and caret.index("^") == quoted.index("RETURN")
    with pytest.raises(UserError) as second_line:
        run_read_query(loaded, "neo4j", "MATCH (n)\nRETURN m")
    assert "(line 2, column 8 (offset: 17))" in str(second_line.value)  # columns of line 2 were never shifted


def test_a_cancelled_console_query_ends_on_the_server(loaded: neo4j.Driver) -> None:
    failures: list[Exception] = []

    def run() -> None:
        try:
            run_read_query(loaded, "neo4j", "UNWIND range(1, 4000000000) AS x WITH x WHERE x = -1 RETURN x", tag="t1")
        except UserError as exc:
            failures.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    stopped = 0
    while not stopped and worker.is_alive():  # until the query's transaction has begun
        stopped = stop_queries(loaded, "neo4j", "t1")
        time.sleep(0.05)
    worker.join()
    assert stopped == 1 and failures and "terminated" in str(failures[0])
    assert stop_queries(loaded, "neo4j", "t1") == 0


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


def _separator_columns(line: str, mark: str) -> list[int]:
    """The terminal columns at which the column separators of a table line stand."""
    columns, at = [], 0
    for char in line:
        if char == mark:
            columns.append(at)
        at += width(char)
    return columns


def test_table_of_hangul_and_ascii_lines_up_in_a_terminal() -> None:
    result = QueryResult(
        columns=["기관", "amount", "note"],
        rows=[
            ["과학기술정보통신부", 110_0000_0000, "AI 반도체"],
            ["NIA", 1.5, "ascii only"],
            ["네이버클라우드 컨소시엄", None, "A" + "초거대" * 11],  # 67 columns: cut to the 60-column maximum
            ["업스테이지", 3, "두 줄로\n된 값"],
        ],
        truncated=False,
    )
    lines = render(result, "table").splitlines()
    assert len(lines) == 6, "one line per row, header and rule"
    assert len({width(line) for line in lines}) == 1, lines
    bars = _separator_columns(lines[0], "|")
    assert len(bars) == 2
    assert all(_separator_columns(line, "|") == bars for line in lines[2:]), lines
    assert _separator_columns(lines[1], "+") == bars
    assert lines[4].endswith("A" + ("초거대" * 10)[:29] + " "), "cut before the wide character that would overflow"
