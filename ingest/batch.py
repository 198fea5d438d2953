"""Many files: extraction in worker processes, one per core, with the results in input order, and the batch as
one graph.

Each worker loads Kiwi once and runs `ingest_file` (reading, sentences, entities, facts, RDF, SHACL), so a bad
file is reported exactly as on the single-process path. Workers start with `spawn`: the parent may hold a Neo4j
driver, Gradio's threads and Kiwi's native state, none of which survive a fork safely. A worker that dies (out
of memory, a crash in a native library) breaks only its pool: the first unfinished file is retried alone and
refused with the reason if it breaks that one too; the rest go on in a fresh pool."""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from functools import partial
from pathlib import Path

from rdflib import Graph

from policykg.errors import explained
from policykg.ingest.pipeline import ArticleReport, ArticleResult, discover, ingest_file
from policykg.ontology.schema import new_graph

log = logging.getLogger(__name__)
Extract = Callable[[Path], ArticleResult]
Results = Generator[ArticleResult, None, None]
# Files handed to the pool ahead of the one the caller waits for, per worker: enough to keep every worker busy
# while the parent loads, few enough that a slow parent does not hold a corpus of finished graphs in memory.
AHEAD_PER_WORKER = 4
WORKER_DIED = explained(
    "이 파일을 처리하던 추출 프로세스가 멈춰 받지 않았습니다 (메모리 부족이나 충돌)",
    "the extraction worker process died while reading this file",
)
# A worker takes about 2 s to start (imports, Kiwi's model, the shapes), the time of some 25 articles: a batch
# with fewer files per worker is done sooner in one process.
MIN_FILES_PER_WORKER = 25


def cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def default_workers(files: int) -> int:
    """One worker per core, as many as the batch keeps busy long enough to pay for starting them."""
    return max(1, min(cores(), files // MIN_FILES_PER_WORKER))


def extract_files(paths: list[Path], check_shapes: bool = True, workers: int = 1) -> Results:
    """`ingest_file` of each path, in input order; with `workers` > 1 (and more than one file) in that many
    processes. Close the iterator (or exhaust it) to stop the workers."""
    extract = partial(ingest_file, check_shapes=check_shapes)
    if workers <= 1 or len(paths) <= 1:
        return (extract(p) for p in paths)
    return in_workers(paths, extract, workers)


def in_workers(paths: list[Path], extract: Extract, workers: int) -> Results:
    """`extract` (a picklable module-level function) of each path in worker processes, in input order."""
    pending = deque(paths)
    started = False
    while pending:
        try:
            with closing(_pool_run(pending, extract, min(workers, len(pending)))) as results:
                for result in results:
                    started = True
                    yield result
        except BrokenProcessPool as exc:
            if not started and not _workers_start():
                # Workers cannot start here (a main module Python cannot import again, such as a script read
                # from stdin): this process does the work.
                log.warning("extraction workers could not start (%s); extracting in this process", exc)
                while pending:
                    yield extract(pending.popleft())
                return
            started = True
            yield _alone(pending.popleft(), extract)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def _pool_run(pending: deque[Path], extract: Extract, workers: int) -> Results:
    """Results of the files in `pending`, in order, each removed from it once yielded."""
    pool = _pool(workers)
    try:
        futures: deque[Future[ArticleResult]] = deque()
        for path in pending:
            if len(futures) >= workers * AHEAD_PER_WORKER:
                break
            futures.append(pool.submit(extract, path))
        while futures:
            result = futures.popleft().result()
            pending.popleft()
            if len(futures) < len(pending):
                futures.append(pool.submit(extract, pending[len(futures)]))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _workers_start() -> bool:
    pool = _pool(1)
    try:
        return pool.submit(os.getpid).result() > 0
    except BrokenProcessPool:
        return False
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _alone(path: Path, extract: Extract) -> ArticleResult:
    """The file that was first in line when a pool broke, in a pool of its own: it either ingests, or it is
    the one that kills workers and is refused."""
    pool = _pool(1)
    try:
        return pool.submit(extract, path).result()
    except BrokenProcessPool:
        return ArticleResult(ArticleReport(str(path), path.stem, "skipped", WORKER_DIED), None)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def ingest_files(
    paths: Iterable[Path],
    check_shapes: bool = True,
    progress: Callable[[Iterable[Path]], Iterator[Path]] | None = None,
    workers: int = 1,
) -> tuple[Graph, list[ArticleReport]]:
    """Every article into one graph; each file's outcome in the report list, in order."""
    files = discover(paths)
    merged, reports = new_graph(), []
    results = extract_files(files, check_shapes, workers)
    try:
        # The progress wrapper advances as each path's result arrives, in order.
        for _, result in zip(progress(files) if progress else files, results, strict=True):
            reports.append(result.report)
            if result.graph is not None:
                merged += result.graph
    finally:
        results.close()  # stops the workers when the loop was left early
    return merged, reports
