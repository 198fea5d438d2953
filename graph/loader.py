"""Load ingested articles into Neo4j: one transaction per article (a failure leaves nothing of it),
batched `UNWIND … MERGE`, idempotent, and a changed article replaces its old facts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j
from rdflib import Graph

from policykg.graph import cypher
from policykg.graph.embeddings import Embedder, make_embedder
from policykg.graph.rows import NodeRow, RelRow, graph_to_rows
from policykg.graph.schema import ensure_schema
from policykg.ingest.entities import mint_iri
from policykg.ingest.pipeline import ArticleReport, ingest_file
from policykg.ingest.sentences import analyse

BATCH = 1000
OWNED_KINDS = ("article", "sentence", "fact", "value", "period")


@dataclass(frozen=True)
class LoadResult:
    source_id: str
    status: str  # loaded | replaced | unchanged
    nodes: int = 0
    relationships: int = 0
    facts: int = 0


def owned_prefixes(source_id: str) -> list[str]:
    """IRI prefixes of the nodes an article owns; shared entities are never among them."""
    return [mint_iri(kind, source_id) + ("" if kind == "article" else "/") for kind in OWNED_KINDS]


def search_tokens(text: str) -> str:
    """Kiwi morphemes of a sentence, space-joined, for the whitespace full-text index."""
    _, tokens = analyse(text)
    return " ".join(
        text[t.start : t.end] for t in tokens if t.tag.startswith(("NN", "SL", "SN", "SH", "VV", "VA", "XR"))
    )


def _sentence_extras(nodes: list[NodeRow], embedder: Embedder) -> list[dict[str, object]]:
    sentences = [n for n in nodes if "Sentence" in n.labels]
    for node in sentences:
        node.props["tokens"] = search_tokens(str(node.props["text"]))
    vectors = embedder.passages([str(n.props["text"]) for n in sentences])
    return [{"iri": n.iri, "embedding": v} for n, v in zip(sentences, vectors, strict=True)]


@dataclass
class PreparedArticle:
    """An article's rows, search tokens and vectors, computed before any transaction opens."""

    source_id: str
    content_hash: str
    nodes: list[NodeRow]
    rels: list[RelRow]
    vectors: list[dict[str, object]]

    @property
    def facts(self) -> int:
        return sum(1 for n in self.nodes if "Fact" in n.labels)


def prepare(source_id: str, content_hash: str, graph: Graph, embedder: Embedder) -> PreparedArticle:
    nodes, rels = graph_to_rows(graph)
    return PreparedArticle(source_id, content_hash, nodes, rels, _sentence_extras(nodes, embedder))


def _write(
    tx: neo4j.ManagedTransaction,
    nodes: list[NodeRow],
    rels: list[RelRow],
    vectors: list[dict[str, object]],
    prefixes: list[str],
) -> None:
    around = tx.run(cypher.DELETE_OWNED, prefixes=prefixes).single(strict=True)["around"]
    by_labels: dict[tuple[str, ...], list[dict[str, object]]] = defaultdict(list)
    for node in nodes:
        by_labels[node.labels].append({"iri": node.iri, "props": node.props})
    by_type: dict[str, list[dict[str, object]]] = defaultdict(list)
    for rel in rels:
        by_type[rel.type].append({"src": rel.src, "dst": rel.dst})
    statements = [(cypher.merge_nodes(labels), rows) for labels, rows in by_labels.items()]
    statements += [(cypher.merge_relationships(rel_type), rows) for rel_type, rows in by_type.items()]
    statements.append((cypher.SET_SENTENCE_VECTORS, vectors))
    for statement, rows in statements:
        for i in range(0, len(rows), BATCH):
            tx.run(statement, rows=rows[i : i + BATCH]).consume()
    tx.run(cypher.DELETE_ORPHANS, iris=around).consume()


def _write_all(driver: neo4j.Driver, database: str, items: list[PreparedArticle]) -> None:
    nodes = [n for item in items for n in item.nodes]
    rels = [r for item in items for r in item.rels]
    vectors = [v for item in items for v in item.vectors]
    prefixes = [p for item in items for p in owned_prefixes(item.source_id)]
    with driver.session(database=database) as session:
        session.execute_write(_write, nodes, rels, vectors, prefixes)


def write_batch(
    driver: neo4j.Driver, database: str, items: list[PreparedArticle], force: bool = False
) -> list[LoadResult]:
    """Write many articles in one transaction; should Neo4j refuse it, write them one per transaction so a
    broken article fails alone and leaves nothing behind."""
    with driver.session(database=database) as session:
        known = {r["id"]: r["hash"] for r in session.run(cypher.ARTICLE_HASHES, ids=[i.source_id for i in items])}
    results = {
        i.source_id: LoadResult(i.source_id, "unchanged")
        for i in items
        if known.get(i.source_id) == i.content_hash and not force
    }
    todo = [i for i in items if i.source_id not in results]
    try:
        if todo:
            _write_all(driver, database, todo)
        failed: dict[str, str] = {}
    except neo4j.exceptions.Neo4jError:
        if len(todo) == 1:
            raise
        failed = {}
        for item in todo:
            try:
                _write_all(driver, database, [item])
            except neo4j.exceptions.Neo4jError as exc:
                failed[item.source_id] = exc.message or str(exc)
    for item in todo:
        status = (
            f"failed: {failed[item.source_id]}"
            if item.source_id in failed
            else ("replaced" if item.source_id in known else "loaded")
        )
        results[item.source_id] = LoadResult(item.source_id, status, len(item.nodes), len(item.rels), item.facts)
    return [results[i.source_id] for i in items]


def load_files(
    driver: neo4j.Driver,
    database: str,
    paths: list[Path],
    embedder: Embedder,
    progress: Callable[[Iterable[Path]], Iterator[Path]] | None = None,
    batch_articles: int = 50,
    force: bool = False,
) -> list[tuple[ArticleReport, LoadResult | None]]:
    """Ingest each file and load the good ones, many per transaction; a bad file is reported and the
    batch goes on."""
    outcomes: list[tuple[ArticleReport, LoadResult | None]] = []
    pending: list[tuple[ArticleReport, PreparedArticle]] = []

    def flush() -> None:
        for (report, _), loaded in zip(
            pending, write_batch(driver, database, [p for _, p in pending], force), strict=True
        ):
            if loaded.status.startswith("failed"):
                report.status, report.reason = "skipped", f"Neo4j refused it ({loaded.status})"
            outcomes.append((report, loaded))
        pending.clear()

    for path in progress(paths) if progress else paths:
        result = ingest_file(path)
        if result.graph is None:
            outcomes.append((result.report, None))
            continue
        pending.append(
            (result.report, prepare(result.report.source_id, result.content_hash or "", result.graph, embedder))
        )
        if len(pending) >= batch_articles:
            flush()
    flush()
    order = {r.path: i for i, r in enumerate(o[0] for o in outcomes)}
    return sorted(outcomes, key=lambda o: order[o[0].path])


def delete_article(driver: neo4j.Driver, database: str, source_id: str) -> None:
    def work(tx: neo4j.ManagedTransaction) -> None:
        around = tx.run(cypher.DELETE_OWNED, prefixes=owned_prefixes(source_id)).single(strict=True)["around"]
        tx.run(cypher.DELETE_ORPHANS, iris=around).consume()

    with driver.session(database=database) as session:
        session.execute_write(work)


def embed_missing(driver: neo4j.Driver, database: str, embedder: Embedder) -> int:
    """Embed sentences that have no vector (after an embedder switch); returns how many."""
    with driver.session(database=database) as session:
        rows = session.run(cypher.SENTENCES_WITHOUT_VECTORS).data()
        for i in range(0, len(rows), 256):
            batch = rows[i : i + 256]
            vectors = embedder.passages([r["text"] for r in batch])
            session.execute_write(
                lambda tx, b=batch, v=vectors: tx.run(
                    cypher.SET_SENTENCE_VECTORS,
                    rows=[{"iri": r["iri"], "embedding": e} for r, e in zip(b, v, strict=True)],
                ).consume()
            )
    return len(rows)


@dataclass
class IngestRun:
    outcomes: list[tuple[ArticleReport, LoadResult | None]]
    switched_embedder: bool
    reembedded: int


def ingest_into_neo4j(
    driver: neo4j.Driver,
    database: str,
    paths: list[Path],
    embedder_spec: str | None = None,
    progress: Callable[[Iterable[Path]], Iterator[Path]] | None = None,
    force: bool = False,
) -> IngestRun:
    """What `policykg ingest` and the UI's upload do: schema, extraction and load, then any re-embedding."""
    embedder = make_embedder(embedder_spec)
    switched = ensure_schema(driver, database, embedder)
    outcomes = load_files(driver, database, paths, embedder, progress=progress, force=force)
    return IngestRun(outcomes, switched, embed_missing(driver, database, embedder))
