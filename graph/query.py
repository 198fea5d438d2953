"""Researchers' Cypher, read-only: checked with EXPLAIN, run in a READ transaction with a time limit
and a row cap. Writes are refused with a clear message, never attempted."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import neo4j
from neo4j.exceptions import ClientError, CypherSyntaxError

from policykg.errors import UserError
from policykg.korean.textwidth import fit, width

DEFAULT_TIMEOUT = 30.0
DEFAULT_LIMIT = 1000


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    # The graph elements among the values, by IRI, so a result can also be drawn.
    node_iris: list[str] = field(default_factory=list)
    relationships: list[tuple[str, str, str]] = field(default_factory=list)


def collect_elements(value: Any, nodes: dict[str, None], rels: dict[tuple[str, str, str], None]) -> None:
    """Gather the nodes and relationships a value holds (nested in lists, maps and paths)."""
    if isinstance(value, neo4j.graph.Node):
        if value.get("iri"):
            nodes[value["iri"]] = None
    elif isinstance(value, neo4j.graph.Relationship):
        start, end = value.start_node, value.end_node
        if start is not None and end is not None and start.get("iri") and end.get("iri"):
            nodes[start["iri"]] = nodes[end["iri"]] = None
            rels[(start["iri"], value.type, end["iri"])] = None
    elif isinstance(value, neo4j.graph.Path):
        for part in (*value.nodes, *value.relationships):
            collect_elements(part, nodes, rels)
    elif isinstance(value, (list, tuple)):
        for v in value:
            collect_elements(v, nodes, rels)
    elif isinstance(value, dict):
        for v in value.values():
            collect_elements(v, nodes, rels)


def plain(value: Any) -> Any:
    """Driver values → JSON-ready values (nodes as their properties with labels, dates as ISO text)."""
    if isinstance(value, neo4j.graph.Node):
        props = {k: plain(v) for k, v in value.items() if k != "embedding"}
        return {"labels": sorted(set(value.labels) - {"Resource"}), **props}
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return [plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def check_read_only(session: neo4j.Session, text: str, params: dict[str, Any]) -> None:
    try:
        summary = session.run("EXPLAIN " + text, params).consume()
    except CypherSyntaxError as exc:
        raise UserError(f"Cypher syntax error: {exc.message}") from exc
    except ClientError as exc:
        raise UserError(f"Cypher error: {exc.message}") from exc
    if summary.query_type != "r":
        raise UserError(
            "the Cypher console is read-only: this query would write "
            f"(query type {summary.query_type!r}); use MATCH … RETURN"
        )


def run_read_query(
    driver: neo4j.Driver,
    database: str,
    text: str,
    params: dict[str, Any] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    limit: int = DEFAULT_LIMIT,
) -> QueryResult:
    params = params or {}
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        check_read_only(session, text, params)

        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            result = tx.run(text, params)
            columns = list(result.keys())
            rows: list[list[Any]] = []
            nodes: dict[str, None] = {}
            rels: dict[tuple[str, str, str], None] = {}
            truncated = False
            for record in result:
                if len(rows) == limit:
                    truncated = True
                    break
                collect_elements(record.values(), nodes, rels)
                rows.append([plain(v) for v in record.values()])
            return QueryResult(columns, rows, truncated, list(nodes), list(rels))

        try:
            return session.execute_read(neo4j.unit_of_work(timeout=timeout)(work))
        except ClientError as exc:
            raise UserError(f"query failed: {exc.message}") from exc


def _table_cell(text: str) -> str:
    """One line: a line break inside a value (an article body) would split its table row."""
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")


def _csv_cell(value: Any) -> Any:
    """A text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading ' as OWASP
    advises; numbers are left as they are, so -5 stays a number."""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value


def render(result: QueryResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [dict(zip(result.columns, row, strict=True)) for row in result.rows], ensure_ascii=False, indent=1
        )
    if fmt == "csv":
        out = io.StringIO()
        # CRLF ends records (RFC 4180), so the writer quotes a value holding a lone CR: left bare, a
        # spreadsheet starts a new row there, and a formula after it would escape the check below.
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([_csv_cell(c) for c in result.columns])  # an alias is the user's text too
        writer.writerows([[_csv_cell(v) for v in row] for row in result.rows])
        return out.getvalue().removesuffix("\r\n")
    cells = [result.columns] + [
        [_table_cell(json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else str(v)) for v in row]
        for row in result.rows
    ]
    # Padded by terminal columns, not characters: a Hangul syllable takes two.
    widths = [min(60, max(width(r[i]) for r in cells)) for i in range(len(result.columns))]
    lines = [" | ".join(fit(c, w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    if result.truncated:
        lines.append(f"(first {len(result.rows)} rows; raise --limit for more)")
    return "\n".join(lines)
