"""What the UI does, without Gradio: each tab's work as plain functions over one Neo4j connection.
The Gradio layer (app.py) only wires these to components, so they are tested directly as well."""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

import neo4j

from policykg.bot.answer import Bot
from policykg.bot.facts import FactView, facts_about
from policykg.bot.followup import Turn
from policykg.bot.models import Answer
from policykg.errors import Neo4jUnavailable
from policykg.graph import cypher
from policykg.graph.export import export_graph, serialize
from policykg.graph.loader import LoadResult
from policykg.graph.query import QueryResult, render, run_read_query, stop_queries
from policykg.ingest.pipeline import ArticleReport
from policykg.ontology.labels import korean_labels
from policykg.ontology.neo4j_names import Label, Rel
from policykg.ontology.validate import ValidationResult, validate
from policykg.service import ingest_into_neo4j
from policykg.ui.explore import PAGE, Drawing, EntityHit, Explorer, NodeDetails, Scene

UNREACHABLE = "그래프 데이터베이스(Neo4j)에 연결할 수 없습니다. "
FIX_MANAGED = "터미널에서 `policykg neo4j start`를 실행한 뒤 다시 시도해 주세요."
FIX_EXTERNAL = "NEO4J_URI의 서버가 실행 중인지 확인한 뒤 다시 시도해 주세요."
# The server went away (stopped, crashed, network gone); the driver has already retried what it could.
_LOST = (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired)
CONSOLE_TIMEOUT = 30.0  # seconds per console query, stated in the Cypher tab
CONSOLE_ROWS = 1000
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class ArticleView:
    source_id: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    body: str


def _iso(value: Any) -> Any:
    return value.iso_format() if hasattr(value, "iso_format") else value


def fact_summary(fact: FactView) -> str:
    """One Korean line for a fact: its kind, the names in its roles and its value as written."""
    names = korean_labels()
    roles = "; ".join(
        f"{names.relationship(rel)}: {', '.join(found)}"
        for rel, pairs in sorted(fact.roles.items())
        if rel not in (Rel.AMOUNT, Rel.QUANTITY) and (found := [n for _, n in pairs if n])
    )
    value = fact.surface or (f"{fact.value:,}" if fact.value is not None else "")
    return " · ".join(part for part in (names.label(fact.kind), roles, value) if part)


def reachable(method: Callable[Concatenate[Backend, P], R]) -> Callable[Concatenate[Backend, P], R]:
    """A Backend method whose lost connection becomes Neo4jUnavailable with the Korean message and its fix."""

    @functools.wraps(method)
    def wrapper(self: Backend, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(self, *args, **kwargs)
        except _LOST as exc:
            raise Neo4jUnavailable(self.unreachable) from exc

    return wrapper


class Backend:
    def __init__(self, driver: neo4j.Driver, database: str, uploads: Path, managed: bool = True) -> None:
        self.driver, self.database, self.uploads = driver, database, uploads
        self.fix = FIX_MANAGED if managed else FIX_EXTERNAL
        self.unreachable = UNREACHABLE + self.fix
        self.explorer = Explorer(driver, database)
        self._bot: Bot | None = None
        self._downloads = Path(tempfile.mkdtemp(prefix="policykg-ui-"))  # Gradio serves files from the temp dir

    # --- chat ---------------------------------------------------------------------------------------
    @property
    def bot(self) -> Bot:
        if self._bot is None:  # built on first use and again after an upload, so new entities are known
            self._bot = Bot(self.driver, self.database)
        return self._bot

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        try:
            return self.bot.ask(question, history)
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired) as exc:
            raise Neo4jUnavailable(self.unreachable) from exc

    @reachable
    def article(self, source_id: str) -> ArticleView | None:
        records, _, _ = self.driver.execute_query(cypher.ARTICLE_VIEW, source_id=source_id, database_=self.database)
        if not records:
            return None
        r = records[0]
        return ArticleView(
            r["source_id"],
            r["title"] or r["source_id"],
            r["publisher"],
            _iso(r["published"]),
            r["url"],
            r["body"] or "",
        )

    # --- graph ----------------------------------------------------------------------------------------
    @reachable
    def search_entities(self, text: str) -> list[EntityHit]:
        return self.explorer.search(text)

    @reachable
    def scene(self, centres: list[str], limit: int = PAGE) -> Scene:
        return self.explorer.scene(centres, limit)

    @reachable
    def details(self, iri: str) -> NodeDetails | None:
        return self.explorer.details(iri)

    @reachable
    def entity_facts(self, iri: str) -> list[FactView]:
        return facts_about(self.driver, self.database, Label.Fact, [iri])

    # --- Cypher ---------------------------------------------------------------------------------------
    @reachable
    def run_cypher(self, text: str, params: dict[str, Any], tag: str | None = None) -> QueryResult:
        """The console's query; `tag` names it for stop_cypher."""
        return run_read_query(
            self.driver, self.database, text, params, timeout=CONSOLE_TIMEOUT, limit=CONSOLE_ROWS, tag=tag
        )

    @reachable
    def stop_cypher(self, tag: str) -> int:
        """End the console queries named `tag` on the server; how many were running."""
        return stop_queries(self.driver, self.database, tag)

    @reachable
    def result_drawing(self, result: QueryResult) -> Drawing:
        # Nodes returned without their relationships are joined as Neo4j Browser does.
        return self.explorer.drawing(result.node_iris, result.relationships or None)

    def csv_file(self, result: QueryResult) -> Path:
        # With a BOM: Excel on Korean Windows reads a CSV without one as CP949 and garbles the Hangul.
        return self._write("query-result.csv", "\ufeff" + render(result, "csv"))

    # --- data -----------------------------------------------------------------------------------------
    @reachable
    def ingest(
        self, paths: list[Path], progress: Callable[[Iterable[Path]], Iterator[Path]] | None = None
    ) -> list[tuple[ArticleReport, LoadResult | None]]:
        """Each file's report with what loading did (None when it was not loaded). Should Neo4j go away during
        the load, LoadInterrupted carries every file's outcome (a failed batch leaves nothing of its articles)."""
        self._bot = None  # new entities, or a half-known graph after an interruption
        return ingest_into_neo4j(self.driver, self.database, paths, progress=progress).outcomes

    @reachable
    def articles(self) -> list[dict[str, Any]]:
        records, _, _ = self.driver.execute_query(cypher.ARTICLE_STATS, database_=self.database)
        return [{**r.data(), "published": _iso(r["published"])} for r in records]

    @reachable
    def turtle_file(self, source_id: str | None = None) -> Path:
        graph = export_graph(self.driver, self.database, source_id)
        return self._write(f"policykg-{source_id or 'all'}.ttl", serialize(graph, "turtle"))

    @reachable
    def shacl_report(self) -> ValidationResult:
        return validate(export_graph(self.driver, self.database))

    def _write(self, name: str, text: str) -> Path:
        path = Path(tempfile.mkdtemp(dir=self._downloads)) / name  # one folder per file: names never collide
        path.write_text(text, encoding="utf-8")
        return path
