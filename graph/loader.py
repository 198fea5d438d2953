"""Load articles' RDF graphs into Neo4j: one transaction per article (a failure leaves nothing of it),
batched `UNWIND … MERGE`, idempotent, and a changed article replaces its old facts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import neo4j
from rdflib import Graph

from policykg.graph import cypher
from policykg.graph.embeddings import Embedder
from policykg.graph.rows import NodeRow, RelRow, graph_to_rows
from policykg.korean.sentences import search_tokens
from policykg.ontology import iris

BATCH = 1000


@dataclass(frozen=True)
class LoadResult:
    source_id: str
    status: str  # loaded | replaced | unchanged
    nodes: int = 0
    relationships: int = 0
    facts: int = 0


def _sentence_extras(nodes: list[NodeRow], embedder: Embedder) -> list[dict[str, object]]:
    sentences = [n for n in nodes if "Sentence" in n.labels]
    for node in sentences:
        node.props["tokens"] = search_tokens(str(node.props["text"]))
    vectors = embedder.passages([str(n.props["text"]) for n in sentences])
    return [{"iri": n.iri, "embedding": v} for n, v in zip(sentences, vectors, strict=True)]


@dataclass
class PreparedArticle:
    """An article's rows, search tokens and vectors, computed before any transaction opens."""

    source_id: str
    content_hash: str
    nodes: list[NodeRow]
    rels: list[RelRow]
    vectors: list[dict[str, object]]

    @property
    def facts(self) -> int:
        return sum(1 for n in self.nodes if "Fact" in n.labels)


def prepare(source_id: str, content_hash: str, graph: Graph, embedder: Embedder) -> PreparedArticle:
    nodes, rels = graph_to_rows(graph)
    return PreparedArticle(source_id, content_hash, nodes, rels, _sentence_extras(nodes, embedder))


def _delete_owned(tx: neo4j.ManagedTransaction, source_ids: list[str]) -> list[str]:
    """Delete what the articles own (matched by exact identity, never by a bare id prefix); returns the IRIs of
    the entities they touched, for the orphan clean-up."""
    articles = [iris.article_iri(sid) for sid in source_ids]
    prefixes = [p for sid in source_ids for p in iris.child_prefixes(sid)]
    return list(tx.run(cypher.DELETE_OWNED, articles=articles, prefixes=prefixes).single(strict=True)["around"])


def _write(
    tx: neo4j.ManagedTransaction,
    nodes: list[NodeRow],
    rels: list[RelRow],
    vectors: list[dict[str, object]],
    source_ids: list[str],
) -> None:
    around = _delete_owned(tx, source_ids)
    by_labels: dict[tuple[str, ...], list[dict[str, object]]] = defaultdict(list)
    for node in nodes:
        by_labels[node.labels].append({"iri": node.iri, "props": node.props})
    by_type: dict[str, list[dict[str, object]]] = defaultdict(list)
    for rel in rels:
        by_type[rel.type].append({"src": rel.src, "dst": rel.dst})
    statements = [(cypher.merge_nodes(labels), rows) for labels, rows in by_labels.items()]
    statements += [(cypher.merge_relationships(rel_type), rows) for rel_type, rows in by_type.items()]
    statements.append((cypher.SET_SENTENCE_VECTORS, vectors))
    for statement, rows in statements:
        for i in range(0, len(rows), BATCH):
            tx.run(statement, rows=rows[i : i + BATCH]).consume()
    tx.run(cypher.DELETE_ORPHANS, iris=around).consume()


def _write_all(driver: neo4j.Driver, database: str, items: list[PreparedArticle]) -> None:
    nodes = [n for item in items for n in item.nodes]
    rels = [r for item in items for r in item.rels]
    vectors = [v for item in items for v in item.vectors]
    with driver.session(database=database) as session:
        session.execute_write(_write, nodes, rels, vectors, [item.source_id for item in items])


def write_batch(
    driver: neo4j.Driver, database: str, items: list[PreparedArticle], force: bool = False
) -> list[LoadResult]:
    """Write many articles in one transaction; should Neo4j refuse it, write them one per transaction so a
    broken article fails alone and leaves nothing behind."""
    with driver.session(database=database) as session:
        known = {r["id"]: r["hash"] for r in session.run(cypher.ARTICLE_HASHES, ids=[i.source_id for i in items])}
    results = {
        i.source_id: LoadResult(i.source_id, "unchanged")
        for i in items
        if known.get(i.source_id) == i.content_hash and not force
    }
    todo = [i for i in items if i.source_id not in results]
    try:
        if todo:
            _write_all(driver, database, todo)
        failed: dict[str, str] = {}
    except neo4j.exceptions.Neo4jError:
        if len(todo) == 1:
            raise
        failed = {}
        for item in todo:
            try:
                _write_all(driver, database, [item])
            except neo4j.exceptions.Neo4jError as exc:
                failed[item.source_id] = exc.message or str(exc)
    for item in todo:
        status = (
            f"failed: {failed[item.source_id]}"
            if item.source_id in failed
            else ("replaced" if item.source_id in known else "loaded")
        )
        results[item.source_id] = LoadResult(item.source_id, status, len(item.nodes), len(item.rels), item.facts)
    return [results[i.source_id] for i in items]


def delete_article(driver: neo4j.Driver, database: str, source_id: str) -> None:
    def work(tx: neo4j.ManagedTransaction) -> None:
        around = _delete_owned(tx, [source_id])
        tx.run(cypher.DELETE_ORPHANS, iris=around).consume()

    with driver.session(database=database) as session:
        session.execute_write(work)


def _set_vectors(tx: neo4j.ManagedTransaction, rows: list[dict[str, Any]]) -> None:
    tx.run(cypher.SET_SENTENCE_VECTORS, rows=rows).consume()


def embed_missing(driver: neo4j.Driver, database: str, embedder: Embedder) -> int:
    """Embed sentences that have no vector (after an embedder switch); returns how many."""
    with driver.session(database=database) as session:
        rows = session.run(cypher.SENTENCES_WITHOUT_VECTORS).data()
        for i in range(0, len(rows), 256):
            batch = rows[i : i + 256]
            vectors = embedder.passages([r["text"] for r in batch])
            rows_with_vectors = [{"iri": r["iri"], "embedding": e} for r, e in zip(batch, vectors, strict=True)]
            session.execute_write(_set_vectors, rows_with_vectors)
    return len(rows)
