"""Extraction throughput without embeddings: `uv run python -m bench.ingest_speed [ROUNDS]`.

Ingests the seed articles from ../shared ROUNDS times over and prints articles/s: by stage in one process (without
SHACL), with the plain page-to-body cleaning alone as the baseline; the CPU time per article of the whole
extraction with and without SHACL; then the whole extraction `policykg ingest` runs (with and without SHACL) in 1
and 2 worker processes, at their steady rate (from the first article out to the last) and the workers' start-up
apart.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from policykg.ingest.article import build_article
from policykg.ingest.batch import extract_files
from policykg.ingest.context import build_context
from policykg.ingest.entities import extract_entities
from policykg.ingest.facts import extract_facts
from policykg.ingest.loading import read_source
from policykg.ingest.pipeline import ingest_file
from policykg.korean.sentences import analyse, kiwi
from policykg.ontology.validate import shacl_validate, validate

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def main(rounds: int = 20) -> None:
    files = sorted(SEEDS.iterdir())
    sizes = [f.stat().st_size for f in files]
    kiwi()  # model load is a one-off start-up cost, reported apart
    ingest_file(files[0], check_shapes=False)
    start = time.perf_counter()
    for _ in range(rounds):
        for f in files:
            build_article(read_source(f))
    cleaning = rounds * len(files) / (time.perf_counter() - start)
    bodies = [build_article(read_source(f)).body for f in files]
    start = time.perf_counter()
    for _ in range(rounds):
        for body in bodies:
            analyse(body)
    morphology = rounds * len(files) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(rounds):
        for f in files:
            extract(f)
    facts = rounds * len(files) / (time.perf_counter() - start)
    start = time.perf_counter()
    for _ in range(rounds):
        for f in files:
            ingest_file(f, check_shapes=False)
    full = rounds * len(files) / (time.perf_counter() - start)
    print(f"articles: {len(files)} seeds x {rounds} rounds, {min(sizes) / 1000:.1f}-{max(sizes) / 1000:.1f} KB each")
    print(f"cleaning + metadata only (baseline): {cleaning:8.1f} articles/s")
    print(
        f"Kiwi sentences + morphemes alone:    {morphology:8.1f} articles/s"
        "  (the ceiling while Kiwi runs on every body)"
    )
    print(f"extraction to entities and facts:    {facts:8.1f} articles/s")
    print(f"full extraction to an RDF graph:     {full:8.1f} articles/s  ({full / cleaning:.2f} x baseline)")
    shacl_cpu(files, rounds)
    extraction_cpu(files, rounds)
    for check_shapes in (False, True):
        rates = {workers: in_workers(files * rounds, check_shapes, workers) for workers in (1, 2)}
        shacl = "with SHACL" if check_shapes else "without SHACL"
        for workers, (rate, start_up) in rates.items():
            print(f"{workers} worker(s), {shacl}: {rate:8.1f} articles/s  (first article after {start_up:.1f} s)")
        ratio = rates[2][0] / rates[1][0]
        verdict = "met" if rates[2][0] >= 50 else "NOT met"
        print(f"2 workers / 1 worker, {shacl}: {ratio:.2f} x; target >= 50 articles/s with 2 workers: {verdict}")


def shacl_cpu(files: list[Path], rounds: int) -> None:
    """CPU time of the SHACL check of each article's graph, apart from extraction: little disturbed by other jobs
    on the cores, unlike the rates above. The quick check passes the seeds' graphs, so pySHACL does not run."""
    graphs = [g for g in (ingest_file(f, check_shapes=False).graph for f in files) if g is not None]
    for name, check in (("quick check, pySHACL when needed", validate), ("pySHACL alone", shacl_validate)):
        start = time.process_time()
        for _ in range(rounds):
            for graph in graphs:
                check(graph)
        ms = (time.process_time() - start) / rounds / len(graphs) * 1000
        print(f"SHACL check, {name + ':':33} {ms:6.1f} ms CPU per article")


def extraction_cpu(files: list[Path], rounds: int) -> None:
    """CPU time of the whole extraction per article in this process, with and without SHACL. Other jobs on the
    cores slow the wall-clock rates by the minute but this far less, so it is the figure to compare two versions
    by; 1000 / ms is what one core could do with the machine to itself."""
    for check_shapes in (False, True):
        start = time.process_time()
        for _ in range(rounds):
            for f in files:
                ingest_file(f, check_shapes=check_shapes)
        ms = (time.process_time() - start) / rounds / len(files) * 1000
        shacl = "with SHACL:   " if check_shapes else "without SHACL:"
        print(f"extraction CPU per article, {shacl} {ms:6.1f} ms  ({1000 / ms:.1f} articles/s per core)")


def in_workers(paths: list[Path], check_shapes: bool, workers: int) -> tuple[float, float]:
    """Steady articles/s (first result to last) and the seconds until the first result. One worker runs in
    this process, where Kiwi is loaded already; two start their processes."""
    start = time.perf_counter()
    first = last = start
    for i, _ in enumerate(extract_files(paths, check_shapes, workers)):
        last = time.perf_counter()
        if i == 0:
            first = last
    return (len(paths) - 1) / (last - first), first - start


def extract(path: Path) -> None:
    article = build_article(read_source(path))
    sentences, tokens = analyse(article.body)
    entities = extract_entities(article.body, sentences, tokens)
    extract_facts(build_context(article, sentences, entities))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rounds", type=int, nargs="?", default=20, help="times over the seeds (default 20)")
    main(parser.parse_args().rounds)
