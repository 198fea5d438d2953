"""Researchers' Cypher, read-only: checked with EXPLAIN (writes, administration, network and file access,
procedures beyond schema and index look-ups are refused with a reason, never attempted), then run in a READ
transaction with a time limit and a row cap, without retries."""

from __future__ import annotations

import csv
import io
import json
import math
import queue
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import neo4j
from neo4j.exceptions import CypherSyntaxError, Neo4jError

from policykg.errors import UserError
from policykg.graph import cypher
from policykg.korean.textwidth import fit, width

DEFAULT_TIMEOUT = 30.0
DEFAULT_LIMIT = 1000
MAX_TIMEOUT = 300.0
MAX_LIMIT = 100_000
# Neo4j stops a query only between rows: one expression looping inside a row runs on past the time limit.
# The console waits this much longer, then gives up on it instead of hanging with it.
GRACE = 5.0

# Procedures the console may call, read from the plan: schema and index look-ups only. Everything else
# (apoc.load/import/export: files and URLs; apoc.cypher/periodic: queries outside these limits;
# apoc.trigger/systemdb, dbms.*: administration) is refused. A trailing dot allows a namespace.
ALLOWED_PROCEDURES = (
    "db.labels",
    "db.relationshipTypes",
    "db.propertyKeys",
    "db.schema.",
    "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships",
    "db.index.vector.queryNodes",
    "apoc.meta.",
)
# Functions with a namespace (plain ones like toUpper are Cypher's own): Cypher's temporal, spatial and
# vector functions, and APOC's pure helpers. Unknown namespaces (apoc.cypher.runFirstColumn…) are refused.
ALLOWED_FUNCTIONS = (
    "date.",
    "datetime.",
    "localdatetime.",
    "localtime.",
    "time.",
    "duration.",
    "point.",
    "vector.",
    "db.nameFromElementId",
    "apoc.coll.",
    "apoc.map.",
    "apoc.text.",
    "apoc.convert.",
    "apoc.math.",
    "apoc.number.",
    "apoc.date.",
    "apoc.temporal.",
    "apoc.agg.",
    "apoc.label.",
    "apoc.meta.",
    "apoc.any.",
    "apoc.version",
)
# SHOW commands that only describe the schema; the rest show or end other sessions' work or the config.
ALLOWED_SHOW = ("ShowIndexes", "ShowConstraints")
ADMIN_WORDS = {"SHOW", "TERMINATE", "GRANT", "DENY", "REVOKE", "ALTER", "RENAME", "START", "STOP", "ENABLE"}
ADMIN_OBJECTS = {"USER", "USERS", "ROLE", "ROLES", "DATABASE", "DATABASES", "COMPOSITE", "ALIAS", "SERVER"}
SCHEMA_WORDS = {"INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS"}

ADMIN_REFUSAL = (
    "administration commands (SHOW other than indexes and constraints, TERMINATE, users, roles, databases, "
    "privileges, USE of another database) are not allowed in the Cypher console: it only reads the graph"
)
_TOKENS = re.compile(
    r"""(?P<skip>\s+|//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
      |(?P<quoted>`(?:[^`]|``)*`)
      |(?P<word>[^\W\d]\w*)
      |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
# A call of a namespaced function or procedure in a plan's details (names there are unquoted).
_QUALIFIED_CALL = re.compile(r"((?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*)\s*\(")
_UNKNOWN_FUNCTION = re.compile(r"Unknown function '([\w.]+)'")
_UNKNOWN_PROCEDURE = re.compile(r"no procedure with the name `([\w.]+)`")
_RANGE_IN_UNWIND = re.compile(r"range\([^()]*\) AS [^()]*")


class QueryCancelled(UserError):
    """The query was ended on the server by stop_queries (the console's cancel button)."""


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


def check_limits(timeout: float, limit: int) -> None:
    """The console's own limits, the same for the CLI and the UI: a query always has both."""
    if not (isinstance(timeout, (int, float)) and math.isfinite(timeout) and 0 < timeout <= MAX_TIMEOUT):
        raise UserError(f"the time limit (--timeout) must be more than 0 and at most {MAX_TIMEOUT:g} s, not {timeout}")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 0 < limit <= MAX_LIMIT:
        raise UserError(f"the row cap (--limit) must be a whole number from 1 to {MAX_LIMIT}, not {limit}")


def _leading_words(text: str) -> Iterator[str | None]:
    """The statement's words in order, comments and strings skipped; None for a `quoted` name, which is
    never a keyword."""
    for token in _TOKENS.finditer(text):
        if token.lastgroup == "word":
            yield token.group().upper()
        elif token.lastgroup in ("quoted", "other"):
            yield None


def check_command(text: str, database: str) -> None:
    """Administration commands by their leading words, for those EXPLAIN does not plan (or refuses to)."""
    words = [w for w in _leading_words(text) if w != "EXPLAIN"][:6]
    if words[:1] == ["USE"]:
        names = [t.group().strip("`") for t in _TOKENS.finditer(text) if t.lastgroup in ("word", "quoted")]
        target = names[1] if len(names) > 1 else ""
        if target.lower() != database.lower():
            raise UserError(ADMIN_REFUSAL)
        words = words[2:]
    first = words[0] if words else None
    if first == "SHOW" and SCHEMA_WORDS & set(filter(None, words[1:5])):
        return
    if first in ADMIN_WORDS or (first in ("CREATE", "DROP") and ADMIN_OBJECTS & set(filter(None, words[1:4]))):
        raise UserError(ADMIN_REFUSAL)


def _allowed(name: str, allowlist: tuple[str, ...]) -> bool:
    return any(name == a or (a.endswith(".") and name.startswith(a)) for a in allowlist)


def _check_procedure(name: str) -> None:
    if not _allowed(name, ALLOWED_PROCEDURES):
        raise UserError(
            f"procedure {name} is not allowed in the Cypher console: only schema and index look-ups "
            f"({', '.join(a.rstrip('.') + ('*' if a.endswith('.') else '') for a in ALLOWED_PROCEDURES)})"
        )


def _check_function(name: str) -> None:
    if not _allowed(name, ALLOWED_FUNCTIONS):
        raise UserError(
            f"function {name} is not allowed in the Cypher console: only Cypher's own functions and "
            "APOC's pure helpers (apoc.coll, apoc.text, apoc.map, …)"
        )


def _operators(plan: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(operator, database, details) of every operator of an EXPLAIN plan, subqueries included."""
    op, _, db = plan["operatorType"].partition("@")
    yield op, db, str(plan.get("args", {}).get("Details", ""))
    for child in plan.get("children", []):
        yield from _operators(child)


def check_plan(plan: dict[str, Any], database: str) -> None:
    """Refuse by what the query would do, as Neo4j planned it (comments, case and quoting do not matter)."""
    for op, db, details in _operators(plan):
        if db and db != database:
            raise UserError(ADMIN_REFUSAL)
        if op == "LoadCSV":
            raise UserError(
                "LOAD CSV is not allowed in the Cypher console: it makes the server fetch a URL or read a file"
            )
        if (
            op == "AdministrationCommand"
            or op.startswith("Terminate")
            or (op.startswith("Show") and op not in ALLOWED_SHOW)
        ):
            raise UserError(ADMIN_REFUSAL)
        calls = _QUALIFIED_CALL.findall(details)
        if op == "ProcedureCall" and calls:
            _check_procedure(calls[0])
        for name in calls[1 if op == "ProcedureCall" else 0 :]:
            _check_function(name)
        if "range(" in details and not (op == "Unwind" and _RANGE_IN_UNWIND.fullmatch(details)):
            raise UserError(
                "range() is only allowed as UNWIND range(…) AS x in the Cypher console: inside an expression "
                "Neo4j cannot stop it at the time limit"
            )


_POSITION = re.compile(r"\(line (\d+), column (\d+) \(offset: (\d+)\)\)")
EXPLAIN = "EXPLAIN "


def as_typed(message: str, prefix: str = EXPLAIN) -> str:
    """Neo4j's error about `prefix + text` as about the text the user typed: line 1's columns and every offset
    shifted back, the quoted statement and its caret without the prefix."""
    n = len(prefix)

    def shift(m: re.Match[str]) -> str:
        line, column, offset = (int(g) for g in m.groups())
        return f"(line {line}, column {column - n if line == 1 else column} (offset: {offset - n}))"

    lines = _POSITION.sub(shift, message, count=1).split("\n")
    for i, line in enumerate(lines):
        if line.startswith('"' + prefix):
            lines[i] = '"' + line[1 + n :]
            if i + 1 < len(lines) and lines[i + 1].strip() == "^":
                lines[i + 1] = lines[i + 1][n:]
    return "\n".join(lines)


def check_read_only(session: neo4j.Session, text: str, params: dict[str, Any], database: str) -> None:
    check_command(text, database)
    try:
        summary = session.run(EXPLAIN + text, params).consume()
    except CypherSyntaxError as exc:
        # A function this server lacks (the managed one does not load apoc.cypher.*, for one): still say
        # why the console would refuse it anyway.
        if unknown := _UNKNOWN_FUNCTION.search(exc.message or ""):
            _check_function(unknown.group(1))
        raise UserError(f"Cypher syntax error: {as_typed(exc.message or '')}") from exc
    except Neo4jError as exc:
        if exc.code == "Neo.ClientError.Procedure.ProcedureNotFound" and (
            unknown := _UNKNOWN_PROCEDURE.search(exc.message or "")
        ):
            _check_procedure(unknown.group(1))
        raise UserError(f"Cypher error: {as_typed(_one_line(exc))}") from exc
    if summary.plan:
        check_plan(summary.plan, database)
    if summary.query_type != "r":
        raise UserError(
            "the Cypher console is read-only: this query would write "
            f"(query type {summary.query_type!r}); use MATCH … RETURN"
        )


def _one_line(exc: Neo4jError) -> str:
    return " ".join((exc.message or str(exc)).split())


def _within(seconds: float, work: Callable[[], QueryResult]) -> QueryResult:
    """Run `work` in a thread and stop waiting for it after `seconds`: the console never hangs on a query."""
    outcome: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=1)

    def run() -> None:
        try:
            outcome.put((True, work()))
        except BaseException as exc:  # handed to the caller, raised there
            outcome.put((False, exc))

    # A daemon thread: a query Neo4j cannot interrupt must not keep the CLI from exiting.
    threading.Thread(target=run, name="policykg-console-query", daemon=True).start()
    try:
        ok, value = outcome.get(timeout=seconds)
    except queue.Empty:
        raise UserError(
            f"the query ran past its time limit of {seconds - GRACE:g} s inside one expression, where Neo4j "
            "cannot stop it; it keeps a CPU core busy until it ends or the server restarts "
            "(`policykg neo4j stop`, then `start`)"
        ) from None
    if ok:
        return value
    raise value


def run_read_query(
    driver: neo4j.Driver,
    database: str,
    text: str,
    params: dict[str, Any] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    limit: int = DEFAULT_LIMIT,
    tag: str | None = None,
) -> QueryResult:
    """`tag`, when given, marks the transaction so that stop_queries(tag) can end it."""
    check_limits(timeout, limit)
    params = params or {}

    def work() -> QueryResult:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
            check_read_only(session, text, params, database)
            # An explicit transaction, not execute_read: that retries "transient" errors (a heap
            # OutOfMemoryError three times over); a console query fails once and says why.
            metadata = {"policykg_console": tag} if tag else None
            with session.begin_transaction(timeout=timeout, metadata=metadata) as tx:
                try:
                    return _fetch(tx.run(text, params), limit)
                except Neo4jError as exc:
                    if exc.code and exc.code.endswith("Transaction.Terminated"):
                        raise QueryCancelled("query stopped: terminated by the user (cancel)") from exc
                    if exc.code and "TransactionTimedOut" in exc.code:
                        raise UserError(
                            f"query failed: stopped at its time limit of {timeout:g} s (--timeout)"
                        ) from exc
                    raise UserError(f"query failed: {_one_line(exc)}") from exc

    return _within(timeout + GRACE, work)


def stop_queries(driver: neo4j.Driver, database: str, tag: str) -> int:
    """End the console's transactions marked `tag` on the server; how many there were."""
    records, _, _ = driver.execute_query(cypher.CONSOLE_TRANSACTIONS, tag=tag, database_=database)
    ids = [r["id"] for r in records]
    if ids:
        driver.execute_query(cypher.TERMINATE_TRANSACTIONS, ids=ids, database_=database)
    return len(ids)


def _fetch(result: neo4j.Result, limit: int) -> QueryResult:
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
