"""Which sentence index finds the evidence: `uv run python -m bench.retrieval_compare [QA.jsonl]`.

Loads the seed articles into a fresh managed Neo4j and, for each answerable dev question, checks
whether a top-5 sentence comes from a source article and contains an expected answer.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import SHARED, temporary_neo4j
from policykg.graph import search
from policykg.graph.embeddings import make_embedder
from policykg.graph.schema import ensure_schema
from policykg.ingest.pipeline import discover
from policykg.service import load_files


def _norm(text: str) -> str:
    return text.replace(" ", "").replace(",", "")


def is_evidence(hit: search.Hit, question: dict[str, Any]) -> bool:
    expected = [s for group in question.get("expect", []) for s in group]
    return hit.source_id in question["sources"] and any(_norm(s) in _norm(hit.text) for s in expected)


def main(qa_file: str = str(SHARED / "eval" / "dev_qa.jsonl")) -> None:
    questions = [
        q for q in map(json.loads, Path(qa_file).read_text(encoding="utf-8").splitlines()) if not q.get("abstain")
    ]
    embedder = make_embedder()
    with temporary_neo4j() as driver:
        ensure_schema(driver, "neo4j", embedder)
        load_files(driver, "neo4j", discover([SHARED / "corpus" / "seeds"]), embedder)
        driver.execute_query("CALL db.awaitIndexes(120)")
        methods = {
            "full-text, CJK bigram analyzer": lambda q: search.fulltext(driver, "neo4j", q, "cjk"),
            "full-text, Kiwi morphemes + whitespace": lambda q: search.fulltext(driver, "neo4j", q, "kiwi"),
            "vector (multilingual-e5-small)": lambda q: search.vector(driver, "neo4j", q, embedder),
            "hybrid: Kiwi full-text + vector (RRF)": lambda q: search.fuse(
                search.fulltext(driver, "neo4j", q, "kiwi"), search.vector(driver, "neo4j", q, embedder)
            ),
            "hybrid: CJK full-text + vector (RRF)": lambda q: search.fuse(
                search.fulltext(driver, "neo4j", q, "cjk"), search.vector(driver, "neo4j", q, embedder)
            ),
        }
        print(
            f"{len(questions)} answerable questions from {Path(qa_file).name}; hit = an evidence sentence in the top 5"
        )
        for name, method in methods.items():
            start = time.perf_counter()
            ranks = [
                next((i + 1 for i, h in enumerate(method(q["question"])[:10]) if is_evidence(h, q)), None)
                for q in questions
            ]
            elapsed = (time.perf_counter() - start) / len(questions) * 1000
            hits = [r is not None and r <= 5 for r in ranks]
            mrr = sum(1 / r for r in ranks if r) / len(ranks)
            misses = [q["id"] for q, hit in zip(questions, hits, strict=True) if not hit]
            print(
                f"  {name:42} top-5 {sum(hits):2d}/{len(hits)} ({sum(hits) / len(hits):.0%})  MRR@10 {mrr:.2f}  "
                f"{elapsed:5.1f} ms/question  missed: {', '.join(misses) or '-'}"
            )


if __name__ == "__main__":
    main(*sys.argv[1:])
