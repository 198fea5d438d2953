"""The ingest → load orchestration that the CLI and the UI share: extract each file (ingest/), load the good ones
into Neo4j (graph/), and report on every file. It is the one place that knows both stages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j

from policykg.graph.embeddings import Embedder, make_embedder
from policykg.graph.loader import LoadResult, PreparedArticle, embed_missing, prepare, write_batch
from policykg.graph.schema import ensure_schema
from policykg.ingest.pipeline import ArticleReport, ingest_file

Progress = Callable[[Iterable[Path]], Iterator[Path]]


def load_files(
    driver: neo4j.Driver,
    database: str,
    paths: list[Path],
    embedder: Embedder,
    progress: Progress | None = None,
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
    # Refused files are reported at once and loaded ones at their batch's end: give them back in input order.
    order = {str(path): i for i, path in enumerate(paths)}
    return sorted(outcomes, key=lambda o: order.get(str(o[0].path), len(order)))


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
    progress: Progress | None = None,
    force: bool = False,
) -> IngestRun:
    """What `policykg ingest` and the UI's upload do: schema, extraction and load, then any re-embedding."""
    embedder = make_embedder(embedder_spec)
    switched = ensure_schema(driver, database, embedder)
    outcomes = load_files(driver, database, paths, embedder, progress=progress, force=force)
    return IngestRun(outcomes, switched, embed_missing(driver, database, embedder))
