"""Sentence search over the indexes the loader builds: full text (CJK bigrams, or Kiwi morphemes with a
whitespace analyzer) and vectors, fused by reciprocal rank."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j.exceptions import Neo4jError

from policykg.graph import cypher
from policykg.graph.embeddings import Embedder
from policykg.korean.sentences import search_tokens

log = logging.getLogger(__name__)
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')
# Words Lucene's query parser reads as operators (AND, OR, NOT; TO in ranges); in a question they carry
# no meaning worth searching for (the CJK analyzer drops them as stop words anyway).
_OPERATOR_WORDS = {"and", "or", "not", "to"}
# Lucene refuses a query of more than 1,024 clauses and the CJK analyzer makes one per bigram: 64 terms
# of at most 16 characters make at most 960, and no question needs more.
MAX_TERMS, MAX_TERM_CHARS = 64, 16
FULLTEXT_INDEXES = {"cjk": "sentence_text", "kiwi": "sentence_tokens"}
# bench/retrieval_compare.py on the dev questions: both put an evidence sentence in the top 5 for 16/16,
# but CJK bigrams rank it higher (MRR@10 0.86 against 0.76 for Kiwi morphemes), so CJK is the default.
DEFAULT_ANALYZER = "cjk"


@dataclass(frozen=True)
class Hit:
    iri: str
    text: str
    source_id: str
    score: float


def lucene_query(text: str, analyzer: str) -> str:
    """User text as a Lucene query that only lists terms: operator words dropped, special characters
    escaped, at most MAX_TERMS terms of MAX_TERM_CHARS characters. Empty when nothing is left to search."""
    words = (search_tokens(text) if analyzer == "kiwi" else text).split()
    terms = [w[:MAX_TERM_CHARS] for w in words if w.lower() not in _OPERATOR_WORDS][:MAX_TERMS]
    return " ".join(_LUCENE_SPECIAL.sub(r"\\\1", t) for t in terms)


def query_fulltext(
    driver: neo4j.Driver, database: str, statement: str, text: str, analyzer: str, **params: Any
) -> list[neo4j.Record]:
    """Run a full-text `statement` with the user's `text` as `$q`. A query Lucene still refuses is a
    question with no hits, logged, never an error shown to the user."""
    q = lucene_query(text, analyzer)
    if not q:
        return []
    try:
        records, _, _ = driver.execute_query(statement, q=q, database_=database, **params)
    except Neo4jError as exc:
        log.warning("full-text query %r refused, treated as no hits: %s", q[:200], exc.message)
        return []
    return records


def fulltext(
    driver: neo4j.Driver, database: str, text: str, analyzer: str = DEFAULT_ANALYZER, k: int = 10
) -> list[Hit]:
    records = query_fulltext(
        driver, database, cypher.SEARCH_FULLTEXT, text, analyzer, index=FULLTEXT_INDEXES[analyzer], k=k
    )
    return [Hit(**r.data()) for r in records]


# How many of the best sentences a search within some publishers' reports looks through.
SCAN_FROM = 500


def fulltext_from(
    driver: neo4j.Driver, database: str, text: str, publishers: list[str], analyzer: str = DEFAULT_ANALYZER, k: int = 10
) -> list[Hit]:
    """The best full-text hits among the sentences of the named publishers' reports."""
    records = query_fulltext(
        driver,
        database,
        cypher.SEARCH_FULLTEXT_FROM,
        text,
        analyzer,
        index=FULLTEXT_INDEXES[analyzer],
        k=k,
        scan=SCAN_FROM,
        publishers=publishers,
    )
    return [Hit(**r.data()) for r in records]


def vector(driver: neo4j.Driver, database: str, text: str, embedder: Embedder, k: int = 10) -> list[Hit]:
    records, _, _ = driver.execute_query(cypher.SEARCH_VECTOR, k=k, v=embedder.query(text), database_=database)
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
