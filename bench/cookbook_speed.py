"""Speed of the saved queries: `uv run python -m bench.cookbook_speed [COPIES] [ROUNDS]`.

Loads COPIES renamed copies of the seed articles (as bench/load_speed.py does) into a fresh managed Neo4j
and runs every cookbook query ROUNDS times through the read-only runner, printing each one's median.
"""

from __future__ import annotations

import statistics
import sys
import time

from bench.common import SHARED, temporary_neo4j
from bench.load_speed import renamed
from policykg.graph.embeddings import make_embedder
from policykg.graph.loader import prepare, write_batch
from policykg.graph.query import run_read_query
from policykg.graph.schema import ensure_schema
from policykg.ingest.pipeline import discover, ingest_file
from policykg.ontology.competency import competency_questions


def main(copies: int = 20, rounds: int = 5) -> None:
    embedder = make_embedder()
    seeds = [ingest_file(p) for p in discover([SHARED / "corpus" / "seeds"])]
    items = [
        prepare(f"{r.report.source_id}-{c}", r.content_hash or "", renamed(r.graph, r.report.source_id, c), embedder)  # type: ignore[arg-type]
        for c in range(copies)
        for r in seeds
    ]
    with temporary_neo4j() as driver:
        ensure_schema(driver, "neo4j", embedder)
        for i in range(0, len(items), 50):
            write_batch(driver, "neo4j", items[i : i + 50])
        print(f"{len(items)} articles loaded; median of {rounds} runs after one warm-up, read-only runner:")
        medians = []
        for cq in competency_questions():
            run_read_query(driver, "neo4j", cq.cypher, cq.params)
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                result = run_read_query(driver, "neo4j", cq.cypher, cq.params)
                times.append((time.perf_counter() - start) * 1000)
            medians.append(statistics.median(times))
            print(f"  {cq.id}  {medians[-1]:7.1f} ms  {len(result.rows):4d} rows  {cq.en[:60]}")
    print(f"all saved queries: median {statistics.median(medians):.1f} ms, slowest {max(medians):.1f} ms")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
