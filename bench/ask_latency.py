"""Answer latency after warm-up: `uv run python -m bench.ask_latency [ROUNDS]`.

Loads the seed articles into a fresh managed Neo4j and asks every dev question ROUNDS times; prints
p50/p95, with plain sentence search (full text, no answer) as the baseline it is measured against.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from bench.common import SHARED, temporary_neo4j
from policykg.bot.answer import Bot
from policykg.graph.embeddings import make_embedder
from policykg.graph.schema import ensure_schema
from policykg.graph.search import fulltext
from policykg.ingest.pipeline import discover
from policykg.service import load_files


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main(rounds: int = 5) -> None:
    questions = [json.loads(line)["question"] for line in (SHARED / "eval" / "dev_qa.jsonl").read_text().splitlines()]
    embedder = make_embedder()
    with temporary_neo4j() as driver:
        ensure_schema(driver, "neo4j", embedder)
        load_files(driver, "neo4j", discover([SHARED / "corpus" / "seeds"]), embedder)
        driver.execute_query("CALL db.awaitIndexes(120)")
        bot = Bot(driver)
        for q in questions:  # warm-up: models, query plans, JIT
            bot.ask(q)
        timings, baseline = [], []
        for _ in range(rounds):
            for q in questions:
                start = time.perf_counter()
                bot.ask(q)
                timings.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                fulltext(driver, "neo4j", q)
                baseline.append((time.perf_counter() - start) * 1000)
    print(f"{len(timings)} answers ({len(questions)} dev questions x {rounds})")
    print(f"policykg ask:           p50 {statistics.median(timings):6.1f} ms   p95 {percentile(timings, 0.95):6.1f} ms")
    print(
        f"full-text search only:  p50 {statistics.median(baseline):6.1f} ms   p95 {percentile(baseline, 0.95):6.1f} ms"
    )
    print(f"target p95 <= 300 ms: {'met' if percentile(timings, 0.95) <= 300 else 'NOT met'}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
