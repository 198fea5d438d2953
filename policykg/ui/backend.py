"""What the UI does, without Gradio: each tab's work as plain functions over one Neo4j connection.
The Gradio layer (app.py) only wires these to components, so they are tested directly as well."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j

from policykg.bot.answer import Bot
from policykg.bot.facts import FactView, facts_about
from policykg.bot.followup import Turn
from policykg.bot.models import Answer
from policykg.errors import Neo4jUnavailable
from policykg.graph import cypher
from policykg.graph.export import export_graph, serialize
from policykg.graph.loader import LoadResult
from policykg.graph.query import QueryResult, render, run_read_query
from policykg.graph.search import query_fulltext
from policykg.ingest.pipeline import ArticleReport
from policykg.ontology.neo4j_names import Label, Rel
from policykg.ontology.validate import ValidationResult, validate
from policykg.service import ingest_into_neo4j

# Node groups of a drawing, most specific first: a node takes the first group among its labels.
GROUPS = (
    Label.Fact,
    Label.Article,
    Label.MonetaryAmount,
    Label.Quantity,
    Label.Person,
    Label.Programme,
    Label.Organization,
    Label.Law,
    Label.Event,
    Label.Place,
    Label.TimeSpan,
)
MAX_NEIGHBOURS = 150
UNREACHABLE = "그래프 데이터베이스(Neo4j)에 연결할 수 없습니다. "
FIX_MANAGED = "터미널에서 `policykg neo4j start`를 실행한 뒤 다시 질문해 주세요."
FIX_EXTERNAL = "NEO4J_URI의 서버가 실행 중인지 확인한 뒤 다시 질문해 주세요."


@dataclass(frozen=True)
class ArticleView:
    source_id: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    body: str


@dataclass
class Drawing:
    """Nodes and edges as vis-network takes them."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)


def _iso(value: Any) -> Any:
    return value.iso_format() if hasattr(value, "iso_format") else value


def _caption(record: neo4j.Record) -> str:
    if record["caption"]:
        return str(record["caption"])
    if record["value"] is not None:
        return f"{record['value']:,} {record['currency'] or ''}".strip()
    return next((label for label in record["labels"] if label not in (Label.Resource, Label.Fact)), "?")


def fact_summary(fact: FactView) -> str:
    """One line for a fact: its kind, the names in its roles and its value as written."""
    roles = "; ".join(
        f"{rel.lower()}: {', '.join(names)}"
        for rel, pairs in sorted(fact.roles.items())
        if rel not in (Rel.AMOUNT, Rel.QUANTITY) and (names := [n for _, n in pairs if n])
    )
    value = fact.surface or (f"{fact.value:,}" if fact.value is not None else "")
    return " · ".join(part for part in (fact.kind, roles, value) if part)


class Backend:
    def __init__(self, driver: neo4j.Driver, database: str, uploads: Path, managed: bool = True) -> None:
        self.driver, self.database, self.uploads = driver, database, uploads
        self.unreachable = UNREACHABLE + (FIX_MANAGED if managed else FIX_EXTERNAL)
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
    def drawing(
        self, iris: Iterable[str], relationships: list[tuple[str, str, str]] | None = None, centre: Iterable[str] = ()
    ) -> Drawing:
        """The nodes named, with the relationships among them (fetched unless given)."""
        iris = list(dict.fromkeys(iris))
        if relationships is None:
            records, _, _ = self.driver.execute_query(cypher.RELATIONSHIPS_AMONG, iris=iris, database_=self.database)
            relationships = [(r["src"], r["type"], r["dst"]) for r in records]
        records, _, _ = self.driver.execute_query(cypher.NODES_FOR_DRAWING, iris=iris, database_=self.database)
        centre = set(centre)
        nodes = []
        for r in records:
            group = next((g for g in GROUPS if g in r["labels"]), "Other")
            kind = next((lbl for lbl in r["labels"] if lbl not in (Label.Resource, Label.Fact, Label.Agent)), group)
            nodes.append(
                {
                    "id": r["iri"],
                    "label": _caption(r)[:40],
                    "group": group,
                    "title": f"{kind}\n{r['iri']}",
                    **({"borderWidth": 4} if r["iri"] in centre else {}),
                }
            )
        edges = [{"from": s, "to": d, "label": t, "arrows": "to"} for s, t, d in relationships]
        return Drawing(nodes, edges)

    def around(self, iris: list[str]) -> Drawing:
        """The nodes and their neighbours (sentences and articles left out: they would swamp the picture)."""
        records, _, _ = self.driver.execute_query(
            cypher.NEIGHBOURS, iris=iris, k=MAX_NEIGHBOURS, database_=self.database
        )
        return self.drawing(iris + [r["iri"] for r in records], centre=iris)

    def answer_drawing(self, answer: Answer) -> Drawing:
        return self.around([f["iri"] for f in answer.facts if f.get("iri")])

    def search_entities(self, text: str, k: int = 20) -> list[dict[str, Any]]:
        records = query_fulltext(self.driver, self.database, cypher.ENTITY_SEARCH, text, "cjk", k=k)
        return [r.data() for r in records]

    def entity_facts(self, iri: str) -> list[FactView]:
        return facts_about(self.driver, self.database, Label.Fact, [iri])

    def entity_drawing(self, iri: str, facts: list[FactView]) -> Drawing:
        return self.around([iri, *(f.iri for f in facts)])

    # --- Cypher ---------------------------------------------------------------------------------------
    def run_cypher(self, text: str, params: dict[str, Any], limit: int = 1000, timeout: float = 30.0) -> QueryResult:
        return run_read_query(self.driver, self.database, text, params, timeout=timeout, limit=limit)

    def result_drawing(self, result: QueryResult) -> Drawing:
        # Nodes returned without their relationships are joined as Neo4j Browser does.
        return self.drawing(result.node_iris, result.relationships or None)

    def csv_file(self, result: QueryResult) -> Path:
        # With a BOM: Excel on Korean Windows reads a CSV without one as CP949 and garbles the Hangul.
        return self._write("query-result.csv", "\ufeff" + render(result, "csv"))

    # --- data -----------------------------------------------------------------------------------------
    def ingest(
        self, paths: list[Path], progress: Callable[[Iterable[Path]], Iterator[Path]] | None = None
    ) -> list[tuple[ArticleReport, LoadResult | None]]:
        """Each file's report with what loading did (None when it was not loaded)."""
        run = ingest_into_neo4j(self.driver, self.database, paths, progress=progress)
        self._bot = None
        return run.outcomes

    def articles(self) -> list[dict[str, Any]]:
        records, _, _ = self.driver.execute_query(cypher.ARTICLE_STATS, database_=self.database)
        return [{**r.data(), "published": _iso(r["published"])} for r in records]

    def turtle_file(self, source_id: str | None = None) -> Path:
        graph = export_graph(self.driver, self.database, source_id)
        return self._write(f"policykg-{source_id or 'all'}.ttl", serialize(graph, "turtle"))

    def shacl_report(self) -> ValidationResult:
        return validate(export_graph(self.driver, self.database))

    def _write(self, name: str, text: str) -> Path:
        path = Path(tempfile.mkdtemp(dir=self._downloads)) / name  # one folder per file: names never collide
        path.write_text(text, encoding="utf-8")
        return path
