"""The ingest → load orchestration that the CLI and the UI share: extract each file (ingest/), load the good ones
into Neo4j (graph/), and report on every file. It is the one place that knows both stages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import neo4j

from policykg.errors import Neo4jUnavailable, explained
from policykg.graph.connection import is_external
from policykg.graph.embeddings import Embedder, make_embedder
from policykg.graph.loader import LoadResult, PreparedArticle, embed_missing, prepare, write_batch
from policykg.graph.schema import ensure_schema
from policykg.ingest.batch import extract_files
from policykg.ingest.pipeline import ArticleReport

Progress = Callable[[Iterable[Path]], Iterator[Path]]
Outcome = tuple[ArticleReport, LoadResult | None]
# The server went away (stopped, crashed, network gone); the driver has already retried what it could.
_LOST = (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired)
# The reasons LoadInterrupted gives the files it could not load, so a caller can tell them from refused files.
NOT_LOADED = explained(
    "추출했지만 적재하지 못했습니다: 적재 중에 Neo4j 연결이 끊겼습니다",
    "extracted, not loaded: Neo4j became unreachable during its batch",
)
NOT_ATTEMPTED = explained("처리하지 않았습니다: Neo4j 연결이 끊겼습니다", "not attempted: Neo4j became unreachable")


class LoadInterrupted(Neo4jUnavailable):
    """Neo4j became unreachable during a load. `outcomes` has every file, in input order: the loaded ones, the
    batch in flight (not loaded) and the files after it (not attempted), so the caller can still report."""

    def __init__(self, cause: Exception, outcomes: list[Outcome]) -> None:
        loaded = sum(result is not None and not result.status.startswith("failed") for _, result in outcomes)
        fix = "check the server at NEO4J_URI" if is_external() else "run `policykg neo4j start`"
        super().__init__(
            f"Neo4j became unreachable during the load ({type(cause).__name__}) after {loaded} of {len(outcomes)} "
            f"articles: {fix} and ingest again (loaded articles are then skipped as unchanged)"
        )
        self.outcomes = outcomes


def load_files(
    driver: neo4j.Driver,
    database: str,
    paths: list[Path],
    embedder: Embedder,
    progress: Progress | None = None,
    batch_articles: int = 50,
    force: bool = False,
    workers: int = 1,
) -> list[Outcome]:
    """Ingest each file (in `workers` processes) and load the good ones, many per transaction, here in this
    process; a bad file is reported and the batch goes on. Should Neo4j become unreachable, raises
    LoadInterrupted with every file's outcome."""
    outcomes: list[Outcome] = []
    pending: list[tuple[ArticleReport, PreparedArticle]] = []

    def flush() -> None:
        for (report, _), loaded in zip(
            pending, write_batch(driver, database, [p for _, p in pending], force), strict=True
        ):
            if loaded.status.startswith("failed"):
                report.status, report.reason = (
                    "skipped",
                    explained("Neo4j가 이 기사의 적재를 거부했습니다", f"Neo4j refused it: {loaded.status}"),
                )
            outcomes.append((report, loaded))
        pending.clear()

    results = extract_files(paths, workers=workers)
    try:
        # The progress wrapper advances as each path's result arrives, in order.
        for _, result in zip(progress(paths) if progress else paths, results, strict=True):
            if result.graph is None:
                outcomes.append((result.report, None))
                continue
            pending.append(
                (result.report, prepare(result.report.source_id, result.content_hash or "", result.graph, embedder))
            )
            if len(pending) >= batch_articles:
                flush()
        flush()
    except _LOST as exc:
        for report, _ in pending:
            report.status, report.reason = "skipped", NOT_LOADED
            outcomes.append((report, None))
        reported = {o[0].path for o in outcomes}
        outcomes += [
            (ArticleReport(str(p), p.stem, "not attempted", NOT_ATTEMPTED), None)
            for p in paths
            if str(p) not in reported
        ]
        raise LoadInterrupted(exc, _in_input_order(outcomes, paths)) from exc
    finally:
        results.close()
    return _in_input_order(outcomes, paths)


def _in_input_order(outcomes: list[Outcome], paths: list[Path]) -> list[Outcome]:
    # Refused files are reported at once and loaded ones at their batch's end: give them back in input order.
    order = {str(path): i for i, path in enumerate(paths)}
    return sorted(outcomes, key=lambda o: order.get(str(o[0].path), len(order)))


@dataclass
class IngestRun:
    outcomes: list[Outcome]
    switched_embedder: bool
    reembedded: int


def ingest_into_neo4j(
    driver: neo4j.Driver,
    database: str,
    paths: list[Path],
    embedder_spec: str | None = None,
    progress: Progress | None = None,
    force: bool = False,
    workers: int = 1,
) -> IngestRun:
    """What `policykg ingest` and the UI's upload do: schema, extraction and load, then any re-embedding."""
    embedder = make_embedder(embedder_spec)
    switched = ensure_schema(driver, database, embedder)
    outcomes = load_files(driver, database, paths, embedder, progress=progress, force=force, workers=workers)
    try:
        reembedded = embed_missing(driver, database, embedder)
    except _LOST as exc:
        raise LoadInterrupted(exc, outcomes) from exc
    return IngestRun(outcomes, switched, reembedded)
