"""Cost against corpus size, side by side with a plain-search baseline: `uv run python -m bench.scale`.

Per size (default 100 and 1,000 synthetic articles; `--sizes 100 1000 10000` for the large one) in a fresh
managed Neo4j: extraction (articles/s, one process and one per core), embedding (sentences/s), load
(Fact nodes/s and RDF triples/s), index build, extraction accuracy against the generator's truth, `ask`
latency and accuracy over a fixed question set, and the same questions through the baseline: the
best-matching sentence by BM25 over Kiwi tokens. Writes bench/results/scale.json and scale.png.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import subprocess
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.common import temporary_server
from bench.synthetic import Truth, write_corpus
from policykg.bot.answer import Bot
from policykg.graph.embeddings import make_embedder
from policykg.graph.loader import prepare, search_tokens, write_batch
from policykg.graph.schema import ensure_schema
from policykg.ingest.pipeline import ArticleResult, discover, ingest_file
from policykg.ontology.vocab import PKG

RESULTS = Path(__file__).resolve().parent / "results"
QUESTIONS = 60
# Whole budgets only: the parts of a breakdown are checked through the questions about them.
FUNDING = (
    "MATCH (f:FundingFact)-[:FOR_PROGRAMME]->(p:Programme) WHERE NOT (f)-[:PART_OF]->() "
    "OPTIONAL MATCH (f)-[:PAYER]->(o) "
    "OPTIONAL MATCH (f)-[:AMOUNT]->(a) RETURN p.name AS programme, o.name AS payer, "
    "coalesce(a.value_exact, toString(a.value)) AS amount"
)
POSTS = (
    "MATCH (h:PostHolding)-[:IN_ORGANIZATION]->(o), (h)-[:HELD_BY]->(p) "
    "RETURN o.name AS org, h.post AS post, p.name AS person"
)


class Precomputed:
    """The real embedder's vectors, computed (and timed) once before the load is timed."""

    def __init__(self, name: str, dimensions: int, vectors: dict[str, list[float]]) -> None:
        self.name, self.dimensions, self.vectors = name, dimensions, vectors

    def passages(self, texts: list[str]) -> list[list[float]]:
        return [self.vectors[t] for t in texts]

    def query(self, text: str) -> list[float]:
        raise NotImplementedError("only used for loading")


class BM25:
    """Okapi BM25 (k1 1.5, b 0.75) over Kiwi tokens: the plain search a user could set up in an afternoon."""

    def __init__(self, docs: list[list[str]], k1: float = 1.5, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.lengths = [len(d) for d in docs]
        self.avg = sum(self.lengths) / max(1, len(docs))
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                self.postings[term].append((i, tf))
        self.idf = {t: math.log(1 + (len(docs) - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def best(self, query: list[str]) -> int | None:
        scores: dict[int, float] = defaultdict(float)
        for term in set(query):
            for i, tf in self.postings.get(term, ()):
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg)
                scores[i] += self.idf[term] * tf * (self.k1 + 1) / norm
        return max(scores, key=scores.__getitem__) if scores else None


def _extract(path: Path) -> ArticleResult:
    return ingest_file(path, check_shapes=False)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def _question_set(truths: list[Truth]) -> list[dict[str, Any]]:
    """The same questions at every size from 100 up: drawn with a fixed seed from the first 100 articles."""
    pool = [q for t in truths[:100] for q in t.questions]
    return random.Random(0).sample(pool, min(QUESTIONS, len(pool)))


def _correct(text: str, expect: list[str]) -> bool:
    squeezed = text.replace(" ", "")
    return any(e.replace(" ", "") in squeezed for e in expect)


def _extraction_accuracy(driver: Any, truths: list[Truth]) -> dict[str, float]:
    funding, _, _ = driver.execute_query(FUNDING)
    posts, _, _ = driver.execute_query(POSTS)
    got_f = {(r["programme"], r["payer"], int(Decimal(r["amount"]))) for r in funding if r["amount"]}
    want_f = {(t.programme, t.payer, t.amount) for t in truths}
    got_p = {(r["org"], r["post"], r["person"]) for r in posts}
    want_p = {(t.agency, t.post, t.holder) for t in truths}
    out = {}
    for name, got, want in (("funding", got_f, want_f), ("posts", got_p, want_p)):
        hit = len(got & want)
        out[f"{name}_precision"] = round(hit / len(got), 3) if got else 0.0
        out[f"{name}_recall"] = round(hit / len(want), 3) if want else 0.0
    return out


def _vm_hwm_mb(pid: int | None) -> float | None:
    """Peak resident memory of a process (VmHWM), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _du_mb(path: Path) -> float:
    return (
        int(subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout.split()[0])
        / 1024
    )


def run_size(n: int, workdir: Path, workers: int, verbose: bool = False) -> dict[str, Any]:
    corpus = workdir / f"corpus-{n}"
    truths = write_corpus(n, corpus)
    paths = discover([corpus])
    row: dict[str, Any] = {"articles": n}

    _extract(paths[0])  # Kiwi's model loads once per process, before the clock starts
    start = time.perf_counter()
    results = [_extract(p) for p in paths]
    row["extract_articles_per_s"] = round(n / (time.perf_counter() - start), 1)
    with ProcessPoolExecutor(workers) as pool:  # each worker loads Kiwi once; timed after that
        list(pool.map(_extract, paths[:workers]))
        start = time.perf_counter()
        list(pool.map(_extract, paths, chunksize=16))
        row[f"extract_articles_per_s_{workers}_processes"] = round(n / (time.perf_counter() - start), 1)
    good = [r for r in results if r.graph is not None]
    row["articles_ingested"] = len(good)

    embedder = make_embedder()
    texts = sorted({str(o) for r in good for o in r.graph.objects(None, PKG.text)})  # type: ignore[union-attr]
    start = time.perf_counter()
    vectors = dict(zip(texts, embedder.passages(texts), strict=True))
    row["sentences"] = len(texts)
    row["embed_sentences_per_s"] = round(len(texts) / (time.perf_counter() - start), 1)
    cached = Precomputed(embedder.name, embedder.dimensions, vectors)

    items = [prepare(r.report.source_id, r.content_hash or "", r.graph, cached) for r in good]  # type: ignore[arg-type]
    triples = sum(len(r.graph) for r in good if r.graph is not None)
    facts = sum(i.facts for i in items)
    with temporary_server() as (server, driver):
        ensure_schema(driver, "neo4j", cached)
        write_batch(driver, "neo4j", items[:50])  # warms the JVM and the query plans, then goes
        driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
        start = time.perf_counter()
        for i in range(0, len(items), 50):
            write_batch(driver, "neo4j", items[i : i + 50])
        load_s = time.perf_counter() - start
        row.update(
            fact_nodes=facts,
            triples=triples,
            load_fact_nodes_per_s=round(facts / load_s),
            load_triples_per_s=round(triples / load_s),
            load_s=round(load_s, 1),
        )

        # Index build: the search indexes dropped and built again over the loaded graph.
        for index in ("sentence_text", "sentence_tokens", "entity_names", "sentence_embedding"):
            driver.execute_query(f"DROP INDEX {index} IF EXISTS")
        start = time.perf_counter()
        ensure_schema(driver, "neo4j", cached)
        driver.execute_query("CALL db.awaitIndexes(3600)")
        row["index_build_s"] = round(time.perf_counter() - start, 2)
        row.update(_extraction_accuracy(driver, truths))

        questions = _question_set(truths)
        bot = Bot(driver, "neo4j")
        for q in questions[:3]:
            bot.ask(str(q["question"]))  # warm-up: models, caches, query plans
        latencies, right = [], 0
        for q in questions:
            start = time.perf_counter()
            answer = bot.ask(str(q["question"]))
            latencies.append(time.perf_counter() - start)
            ok = _correct(answer.answer, q["expect"])
            right += ok
            if not ok and verbose:
                print(f"  ✗ {q['question']} → {answer.answer.splitlines()[0]} (expected {q['expect']})")
        row.update(
            questions=len(questions),
            ask_accuracy=round(right / len(questions), 3),
            ask_p50_ms=round(1000 * _percentile(latencies, 0.5), 1),
            ask_p95_ms=round(1000 * _percentile(latencies, 0.95), 1),
        )
        row["neo4j_peak_rss_mb"] = _vm_hwm_mb(server.status().pid)
        row["db_size_mb"] = round(_du_mb(server.root / "data"), 1)

    start = time.perf_counter()
    sentences = sorted({str(o) for r in good for o in r.graph.objects(None, PKG.text)})  # type: ignore[union-attr]
    bm25 = BM25([search_tokens(s).split() for s in sentences])
    row["bm25_index_build_s"] = round(time.perf_counter() - start, 2)
    latencies, right = [], 0
    for q in questions:
        start = time.perf_counter()
        best = bm25.best(search_tokens(str(q["question"])).split())
        latencies.append(time.perf_counter() - start)
        right += int(best is not None and _correct(sentences[best], q["expect"]))
    row.update(
        bm25_accuracy=round(right / len(questions), 3),
        bm25_p50_ms=round(1000 * _percentile(latencies, 0.5), 1),
        bm25_p95_ms=round(1000 * _percentile(latencies, 0.95), 1),
    )
    row["python_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return row


def plot(rows: list[dict[str, Any]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [r["articles"] for r in rows]
    fig, axes = plt.subplots(2, 2, figsize=(11, 8))
    panels = [
        (
            "throughput (per second)",
            [
                ("extract articles/s", "extract_articles_per_s"),
                ("extract, 1 process/core", next(k for k in rows[0] if k.startswith("extract_articles_per_s_"))),
                ("embed sentences/s", "embed_sentences_per_s"),
                ("load Fact nodes/s", "load_fact_nodes_per_s"),
            ],
            True,
        ),
        (
            "latency (ms)",
            [
                ("ask p50", "ask_p50_ms"),
                ("ask p95", "ask_p95_ms"),
                ("BM25 p50", "bm25_p50_ms"),
                ("BM25 p95", "bm25_p95_ms"),
            ],
            True,
        ),
        (
            "accuracy",
            [
                ("bot", "ask_accuracy"),
                ("BM25 baseline", "bm25_accuracy"),
                ("funding facts recall", "funding_recall"),
                ("posts recall", "posts_recall"),
            ],
            False,
        ),
        (
            "size (MB) and index build (s)",
            [
                ("DB size MB", "db_size_mb"),
                ("Neo4j peak RSS MB", "neo4j_peak_rss_mb"),
                ("Python peak RSS MB", "python_peak_rss_mb"),
                ("index build s", "index_build_s"),
            ],
            True,
        ),
    ]
    for ax, (title, series, log) in zip(axes.flat, panels, strict=False):
        for label, key in series:
            ax.plot(x, [r.get(key) or 0 for r in rows], marker="o", label=label)
        ax.set_xscale("log")
        if log:
            ax.set_yscale("log")
        ax.set_title(title)
        ax.set_xlabel("articles")
        ax.legend(fontsize=8)
        ax.grid(True, alpha=0.3)
    fig.suptitle("policykg cost against corpus size (synthetic corpus, 2 cores)")
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--show-misses", action="store_true", help="Print every question the bot got wrong.")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="policykg-scale-") as work:
        for n in args.sizes:
            t = time.perf_counter()
            rows.append(run_size(n, Path(work), args.workers, args.show_misses))
            rows[-1]["wall_s"] = round(time.perf_counter() - t)
            print(json.dumps(rows[-1], ensure_ascii=False))
    report = {"machine": {"cpus": os.cpu_count()}, "total_s": round(time.perf_counter() - started), "rows": rows}
    (args.out / "scale.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    plot(rows, args.out / "scale.png")
    print(f"wrote {args.out / 'scale.json'} and {args.out / 'scale.png'} in {report['total_s']} s")


if __name__ == "__main__":
    main()
