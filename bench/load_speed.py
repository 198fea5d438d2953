"""Loading speed into Neo4j: `uv run python bench/load_speed.py [COPIES]`.

The seed articles' graphs are copied under new article ids (COPIES of each) and loaded into a fresh
managed Neo4j, many articles per transaction, then again one article per transaction as the baseline.
Vectors are computed before the clock starts: embedding speed is printed separately.
"""

from __future__ import annotations

import sys
import time

from rdflib import Graph, Literal, URIRef

from bench.common import SHARED, temporary_neo4j
from policykg.graph.embeddings import make_embedder
from policykg.graph.loader import PreparedArticle, prepare, write_batch
from policykg.graph.schema import ensure_schema
from policykg.ingest.pipeline import discover, ingest_file
from policykg.ontology.vocab import PKG


def renamed(graph: Graph, source_id: str, copy: int) -> Graph:
    """The same article under another id: every IRI it owns and its source id change."""

    def term(t: object) -> object:
        if isinstance(t, URIRef) and f"/{source_id}" in str(t):
            return URIRef(str(t).replace(f"/{source_id}", f"/{source_id}-{copy}"))
        return t

    out = Graph()
    for s, p, o in graph:
        if p == PKG.sourceId:
            o = Literal(f"{source_id}-{copy}")
        out.add((term(s), p, term(o)))  # type: ignore[arg-type]
    return out


def main(copies: int = 40) -> None:
    embedder = make_embedder()
    seeds = [ingest_file(p) for p in discover([SHARED / "corpus" / "seeds"])]
    base = {
        r.report.source_id: prepare(r.report.source_id, r.content_hash or "", r.graph, embedder)  # type: ignore[arg-type]
        for r in seeds
    }
    sentences = sum(len(p.vectors) for p in base.values())
    start = time.perf_counter()
    embedder.passages([str(n.props["text"]) for p in base.values() for n in p.nodes if "Sentence" in n.labels])
    per_sentence = (time.perf_counter() - start) / sentences
    items = []
    for copy in range(copies):
        for r in seeds:
            sid = f"{r.report.source_id}-{copy}"
            prepared = prepare(sid, r.content_hash or "", renamed(r.graph, r.report.source_id, copy), _NoVectors())  # type: ignore[arg-type]
            vectors = [
                {"iri": str(v["iri"]).replace(f"/{r.report.source_id}", f"/{sid}"), "embedding": v["embedding"]}
                for v in base[r.report.source_id].vectors
            ]
            items.append(PreparedArticle(sid, prepared.content_hash, prepared.nodes, prepared.rels, vectors))
    facts = sum(i.facts for i in items)
    triples = copies * sum(len(r.graph) for r in seeds if r.graph is not None)
    with temporary_neo4j() as driver:
        ensure_schema(driver, "neo4j", embedder)
        _timed(
            lambda: [write_batch(driver, "neo4j", items[i : i + 50]) for i in range(0, len(items), 50)]
        )  # JIT warm-up
        driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
        batched = _timed(lambda: [write_batch(driver, "neo4j", items[i : i + 50]) for i in range(0, len(items), 50)])
        driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
        single = _timed(lambda: [write_batch(driver, "neo4j", [item]) for item in items])
        reload_unchanged = _timed(
            lambda: [write_batch(driver, "neo4j", items[i : i + 50]) for i in range(0, len(items), 50)]
        )
    print(
        f"articles: {len(items)} ({copies} copies of the {len(seeds)} seeds): {triples} RDF triples, "
        f"{facts} n-ary Fact nodes"
    )
    print(
        f"batched load (50 articles/transaction): {triples / batched:8.0f} triples/s"
        f"  {facts / batched:6.0f} Fact nodes/s"
        f"  {len(items) / batched:6.1f} articles/s"
    )
    print(
        f"one article per transaction (baseline): {triples / single:8.0f} triples/s  {facts / single:6.0f} Fact nodes/s"
        f"  {len(items) / single:6.1f} articles/s  -> batching is {single / batched:.1f}x faster"
    )
    print(
        f"re-load of unchanged articles:          {len(items) / reload_unchanged:8.0f} articles/s"
        " (skipped by content hash)"
    )
    print(f"embedding ({embedder.name}):  {1 / per_sentence:6.1f} sentences/s  (not part of the load figures)")
    print(f"target >= 5000 facts/s (facts as RDF triples): {'met' if triples / batched >= 5000 else 'NOT met'}")


class _NoVectors:
    name, dimensions = "none", 384

    def passages(self, texts: list[str]) -> list[list[float]]:
        return [[0.0] * 384 for _ in texts]


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - start


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
