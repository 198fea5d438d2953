"""Sentence search over the indexes the loader builds: full text (CJK bigrams, or Kiwi morphemes with a
whitespace analyzer) and vectors, fused by reciprocal rank."""

from __future__ import annotations

import re
from dataclasses import dataclass

import neo4j

from policykg.graph.embeddings import Embedder
from policykg.korean.sentences import search_tokens

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
FULLTEXT_INDEXES = {"cjk": "sentence_text", "kiwi": "sentence_tokens"}
# bench/retrieval_compare.py on the dev questions: both put an evidence sentence in the top 5 for 16/16,
# but CJK bigrams rank it higher (MRR@10 0.86 against 0.76 for Kiwi morphemes), so CJK is the default.
DEFAULT_ANALYZER = "cjk"
SEARCH_FULLTEXT = (
    "CALL db.index.fulltext.queryNodes($index, $q, {limit: $k}) YIELD node, score "
    "MATCH (node)-[:IN_ARTICLE]->(a:Article) "
    "RETURN node.iri AS iri, node.text AS text, a.source_id AS source_id, score"
)
SEARCH_VECTOR = (
    "CALL db.index.vector.queryNodes('sentence_embedding', $k, $v) YIELD node, score "
    "MATCH (node)-[:IN_ARTICLE]->(a:Article) "
    "RETURN node.iri AS iri, node.text AS text, a.source_id AS source_id, score"
)


@dataclass(frozen=True)
class Hit:
    iri: str
    text: str
    source_id: str
    score: float


def lucene_query(text: str, analyzer: str) -> str:
    terms = search_tokens(text) if analyzer == "kiwi" else text
    escaped = _LUCENE_SPECIAL.sub(r"\\\1", terms).strip()
    return escaped or "*"


def fulltext(
    driver: neo4j.Driver, database: str, text: str, analyzer: str = DEFAULT_ANALYZER, k: int = 10
) -> list[Hit]:
    records, _, _ = driver.execute_query(
        SEARCH_FULLTEXT, index=FULLTEXT_INDEXES[analyzer], q=lucene_query(text, analyzer), k=k, database_=database
    )
    return [Hit(**r.data()) for r in records]


def vector(driver: neo4j.Driver, database: str, text: str, embedder: Embedder, k: int = 10) -> list[Hit]:
    records, _, _ = driver.execute_query(SEARCH_VECTOR, k=k, v=embedder.query(text), database_=database)
    return [Hit(**r.data()) for r in records]


def fuse(*rankings: list[Hit], k: int = 60) -> list[Hit]:
    """Reciprocal rank fusion: a sentence high in several lists rises; scores are the fused ones."""
    scores: dict[str, float] = {}
    hits: dict[str, Hit] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking):
            scores[hit.iri] = scores.get(hit.iri, 0.0) + 1.0 / (k + rank + 1)
            hits.setdefault(hit.iri, hit)
    return [Hit(h.iri, h.text, h.source_id, scores[h.iri]) for h in sorted(hits.values(), key=lambda h: -scores[h.iri])]
