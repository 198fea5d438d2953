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
from policykg.graph.embeddings import Embedder
from policykg.graph.rows import NodeRow, RelRow, graph_to_rows
from policykg.ingest.entities import mint_iri
from policykg.ingest.pipeline import ArticleReport, ingest_file
from policykg.ingest.sentences import analyse

BATCH = 1000
OWNED_KINDS = ("article", "sentence", "fact", "value", "period")


@dataclass(frozen=True)
class LoadResult:
    source_id: str
    status: str   # loaded | replaced | unchanged
    nodes: int = 0
    relationships: int = 0
    facts: int = 0


def owned_prefixes(source_id: str) -> list[str]:
    """IRI prefixes of the nodes an article owns; shared entities are never among them."""
    return [mint_iri(kind, source_id) + ("" if kind == "article" else "/") for kind in OWNED_KINDS]


def search_tokens(text: str) -> str:
    """Kiwi morphemes of a sentence, space-joined, for the whitespace full-text index."""
    _, tokens = analyse(text)
    return " ".join(text[t.start:t.end] for t in tokens if t.tag.startswith(("NN", "SL", "SN", "SH", "VV", "VA", "XR")))


def _sentence_extras(nodes: list[NodeRow], embedder: Embedder) -> list[dict[str, object]]:
    sentences = [n for n in nodes if "Sentence" in n.labels]
    for node in sentences:
        node.props["tokens"] = search_tokens(str(node.props["text"]))
    vectors = embedder.passages([str(n.props["text"]) for n in sentences])
    return [{"iri": n.iri, "embedding": v} for n, v in zip(sentences, vectors)]


def _write(tx: neo4j.ManagedTransaction, nodes: list[NodeRow], rels: list[RelRow],
           vectors: list[dict[str, object]], prefixes: list[str]) -> None:
    tx.run(cypher.DELETE_OWNED, prefixes=prefixes).consume()
    by_labels: dict[tuple[str, ...], list[dict[str, object]]] = defaultdict(list)
    for node in nodes:
        by_labels[node.labels].append({"iri": node.iri, "props": node.props})
    for labels, rows in by_labels.items():
        for i in range(0, len(rows), BATCH):
            tx.run(cypher.merge_nodes(labels), rows=rows[i:i + BATCH]).consume()
    by_type: dict[str, list[dict[str, str]]] = defaultdict(list)
    for rel in rels:
        by_type[rel.type].append({"src": rel.src, "dst": rel.dst})
    for rel_type, rows in by_type.items():
        for i in range(0, len(rows), BATCH):
            tx.run(cypher.merge_relationships(rel_type), rows=rows[i:i + BATCH]).consume()
    for i in range(0, len(vectors), BATCH):
        tx.run(cypher.SET_SENTENCE_VECTORS, rows=vectors[i:i + BATCH]).consume()
    tx.run(cypher.DELETE_ORPHANS).consume()


def load_article(driver: neo4j.Driver, database: str, source_id: str, content_hash: str, graph: Graph,
                 embedder: Embedder, force: bool = False) -> LoadResult:
    with driver.session(database=database) as session:
        record = session.run(cypher.ARTICLE_HASH, source_id=source_id).single()
        if record is not None and record["hash"] == content_hash and not force:
            return LoadResult(source_id, "unchanged")
        nodes, rels = graph_to_rows(graph)
        vectors = _sentence_extras(nodes, embedder)
        session.execute_write(_write, nodes, rels, vectors, owned_prefixes(source_id))
    facts = sum(1 for n in nodes if "Fact" in n.labels)
    return LoadResult(source_id, "replaced" if record is not None else "loaded", len(nodes), len(rels), facts)


def load_files(driver: neo4j.Driver, database: str, paths: list[Path], embedder: Embedder,
               progress: Callable[[Iterable[Path]], Iterator[Path]] | None = None) -> list[tuple[ArticleReport, LoadResult | None]]:
    """Ingest each file and load it in its own transaction; a bad file is reported and the batch goes on."""
    outcomes = []
    for path in (progress(paths) if progress else paths):
        result = ingest_file(path)
        loaded = None
        if result.graph is not None:
            loaded = load_article(driver, database, result.report.source_id, result.content_hash or "",
                                  result.graph, embedder)
        outcomes.append((result.report, loaded))
    return outcomes


def delete_article(driver: neo4j.Driver, database: str, source_id: str) -> None:
    def work(tx: neo4j.ManagedTransaction) -> None:
        tx.run(cypher.DELETE_OWNED, prefixes=owned_prefixes(source_id)).consume()
        tx.run(cypher.DELETE_ORPHANS).consume()

    with driver.session(database=database) as session:
        session.execute_write(work)


def embed_missing(driver: neo4j.Driver, database: str, embedder: Embedder) -> int:
    """Embed sentences that have no vector (after an embedder switch); returns how many."""
    with driver.session(database=database) as session:
        rows = session.run(cypher.SENTENCES_WITHOUT_VECTORS).data()
        for i in range(0, len(rows), 256):
            batch = rows[i:i + 256]
            vectors = embedder.passages([r["text"] for r in batch])
            session.execute_write(lambda tx, b=batch, v=vectors: tx.run(
                cypher.SET_SENTENCE_VECTORS, rows=[{"iri": r["iri"], "embedding": e} for r, e in zip(b, v)]).consume())
    return len(rows)
