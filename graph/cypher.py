"""Every Cypher statement policykg sends, in one place. Values are always $parameters; labels and
relationship types come only from the ontology's mapping and pass `safe_name` before they are used."""

from __future__ import annotations

import re

from policykg.errors import PolicyKGError

RESOURCE = "Resource"  # every node loaded from RDF carries it; its `iri` is unique
META = "PolicykgMeta"  # bookkeeping (which embedder built the vector index); never exported
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def safe_name(name: str) -> str:
    """A label or relationship type, backtick-quoted after checking it is a plain identifier."""
    if not _NAME.match(name):
        raise PolicyKGError(f"refusing to use {name!r} as a Neo4j label or relationship type")
    return f"`{name}`"


def labels_clause(labels: tuple[str, ...]) -> str:
    return ":".join(safe_name(label) for label in labels)


# --- schema -------------------------------------------------------------------------------------------
CONSTRAINT_IRI = f"CREATE CONSTRAINT resource_iri IF NOT EXISTS FOR (n:{RESOURCE}) REQUIRE n.iri IS UNIQUE"
CONSTRAINT_META = f"CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:{META}) REQUIRE m.key IS UNIQUE"
FULLTEXT_SENTENCE_CJK = ("CREATE FULLTEXT INDEX sentence_text IF NOT EXISTS FOR (s:Sentence) ON EACH [s.text] "
                         "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}")
FULLTEXT_SENTENCE_TOKENS = ("CREATE FULLTEXT INDEX sentence_tokens IF NOT EXISTS FOR (s:Sentence) ON EACH [s.tokens] "
                            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}")
FULLTEXT_NAMES = ("CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Agent|Programme|Law|Event|Place|Policy) "
                  "ON EACH [n.name, n.name_en, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}")
VECTOR_INDEX = ("CREATE VECTOR INDEX sentence_embedding IF NOT EXISTS FOR (s:Sentence) ON s.embedding "
                "OPTIONS {indexConfig: {`vector.dimensions`: $dimensions, `vector.similarity_function`: 'cosine'}}")
DROP_VECTOR_INDEX = "DROP INDEX sentence_embedding IF EXISTS"
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"
GET_META = f"MATCH (m:{META} {{key: $key}}) RETURN m.value AS value"
SET_META = f"MERGE (m:{META} {{key: $key}}) SET m.value = $value"

# --- loading ------------------------------------------------------------------------------------------
ARTICLE_HASH = "MATCH (a:Article {source_id: $source_id}) RETURN a.content_hash AS hash"
DELETE_OWNED = f"MATCH (n:{RESOURCE}) WHERE any(p IN $prefixes WHERE n.iri STARTS WITH p) DETACH DELETE n"
# Entities left with no relationship once an article is gone belonged to it alone.
DELETE_ORPHANS = f"MATCH (n:{RESOURCE}) WHERE NOT (n)--() AND NOT n:Article DELETE n"


def merge_nodes(labels: tuple[str, ...]) -> str:
    return (f"UNWIND $rows AS row MERGE (n:{RESOURCE} {{iri: row.iri}}) "
            f"SET n += row.props SET n:{labels_clause(labels)}")


def merge_relationships(rel_type: str) -> str:
    return (f"UNWIND $rows AS row MATCH (a:{RESOURCE} {{iri: row.src}}) MATCH (b:{RESOURCE} {{iri: row.dst}}) "
            f"MERGE (a)-[:{safe_name(rel_type)}]->(b)")


SET_SENTENCE_VECTORS = ("UNWIND $rows AS row MATCH (s:Sentence {iri: row.iri}) "
                        "CALL db.create.setNodeVectorProperty(s, 'embedding', row.embedding)")
SENTENCES_WITHOUT_VECTORS = "MATCH (s:Sentence) WHERE s.embedding IS NULL RETURN s.iri AS iri, s.text AS text"
CLEAR_VECTORS = "MATCH (s:Sentence) WHERE s.embedding IS NOT NULL REMOVE s.embedding"

# --- export -------------------------------------------------------------------------------------------
ALL_NODES = f"MATCH (n:{RESOURCE}) RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props"
ALL_RELATIONSHIPS = f"MATCH (a:{RESOURCE})-[r]->(b:{RESOURCE}) RETURN a.iri AS src, type(r) AS type, b.iri AS dst"
ARTICLE_NODES = (f"MATCH (n:{RESOURCE}) WHERE any(p IN $prefixes WHERE n.iri STARTS WITH p) "
                 "OPTIONAL MATCH (n)-[]->(m) WITH collect(DISTINCT n) + collect(DISTINCT m) AS nodes "
                 "UNWIND nodes AS x WITH DISTINCT x WHERE x IS NOT NULL "
                 "RETURN x.iri AS iri, labels(x) AS labels, properties(x) AS props")
RELATIONSHIPS_AMONG = (f"MATCH (a:{RESOURCE})-[r]->(b:{RESOURCE}) WHERE a.iri IN $iris AND b.iri IN $iris "
                       "RETURN a.iri AS src, type(r) AS type, b.iri AS dst")
