"""Constraints and indexes, and the record of which embedder built the vector index."""

from __future__ import annotations

import neo4j

from policykg.graph import cypher
from policykg.graph.embeddings import Embedder

EMBEDDER_KEY = "embedder"


def ensure_schema(driver: neo4j.Driver, database: str, embedder: Embedder) -> bool:
    """Create what is missing. When the vector index was built by another embedder, drop its vectors and
    the index so every sentence is embedded again by this one; returns True when that happened."""
    with driver.session(database=database) as session:
        for statement in (
            cypher.CONSTRAINT_IRI,
            cypher.CONSTRAINT_META,
            cypher.FULLTEXT_SENTENCE_CJK,
            cypher.FULLTEXT_SENTENCE_TOKENS,
            cypher.FULLTEXT_NAMES,
        ):
            session.run(statement).consume()
        record = session.run(cypher.GET_META, key=EMBEDDER_KEY).single()
        previous = record["value"] if record else None
        switched = previous is not None and previous != embedder.name
        if switched:
            session.run(cypher.DROP_VECTOR_INDEX).consume()
            session.run(cypher.CLEAR_VECTORS).consume()
        session.run(cypher.VECTOR_INDEX, dimensions=embedder.dimensions).consume()
        session.run(cypher.SET_META, key=EMBEDDER_KEY, value=embedder.name).consume()
    return switched


def indexed_embedder(driver: neo4j.Driver, database: str) -> str | None:
    with driver.session(database=database) as session:
        record = session.run(cypher.GET_META, key=EMBEDDER_KEY).single()
    return record["value"] if record else None
