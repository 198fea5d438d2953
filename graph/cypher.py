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


# --- schema -------------------------------------------------------------------------------------------
CONSTRAINT_IRI = f"CREATE CONSTRAINT resource_iri IF NOT EXISTS FOR (n:{RESOURCE}) REQUIRE n.iri IS UNIQUE"
CONSTRAINT_META = f"CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:{META}) REQUIRE m.key IS UNIQUE"
FULLTEXT_SENTENCE_CJK = (
    "CREATE FULLTEXT INDEX sentence_text IF NOT EXISTS FOR (s:Sentence) ON EACH [s.text] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
)
FULLTEXT_SENTENCE_TOKENS = (
    "CREATE FULLTEXT INDEX sentence_tokens IF NOT EXISTS FOR (s:Sentence) ON EACH [s.tokens] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}"
)
FULLTEXT_NAMES = (
    "CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Agent|Programme|Law|Event|Place|Policy) "
    "ON EACH [n.name, n.name_en, n.aliases] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
)
VECTOR_INDEX = (
    "CREATE VECTOR INDEX sentence_embedding IF NOT EXISTS FOR (s:Sentence) ON s.embedding "
    "OPTIONS {indexConfig: {`vector.dimensions`: $dimensions, `vector.similarity_function`: 'cosine'}}"
)
DROP_VECTOR_INDEX = "DROP INDEX sentence_embedding IF EXISTS"
GET_META = f"MATCH (m:{META} {{key: $key}}) RETURN m.value AS value"
SET_META = f"MERGE (m:{META} {{key: $key}}) SET m.value = $value"

# --- loading ------------------------------------------------------------------------------------------
ARTICLE_HASHES = "MATCH (a:Article) WHERE a.source_id IN $ids RETURN a.source_id AS id, a.content_hash AS hash"
# An article's own nodes go: the article by its exact IRI, its children by IRI prefixes ending in '/' (index
# seeks; ontology/iris.py). The entities they touched are returned so that those left with no relationship,
# which belonged to these articles alone, can go too.
DELETE_OWNED = (
    f"CALL () {{ UNWIND $articles AS a MATCH (n:{RESOURCE} {{iri: a}}) RETURN n "
    f"UNION UNWIND $prefixes AS p MATCH (n:{RESOURCE}) WHERE n.iri STARTS WITH p RETURN n }} "
    f"OPTIONAL MATCH (n)--(m:{RESOURCE}) WITH collect(DISTINCT m.iri) AS around, collect(DISTINCT n) AS owned "
    "FOREACH (x IN owned | DETACH DELETE x) RETURN around"
)
DELETE_ORPHANS = f"UNWIND $iris AS iri MATCH (n:{RESOURCE} {{iri: iri}}) WHERE NOT (n)--() AND NOT n:Article DELETE n"


# Cypher cannot take labels or relationship types as parameters: rows are grouped by them and each group
# gets a statement with its names written in, after safe_name (native MERGE is far faster than APOC's).
def merge_nodes(labels: tuple[str, ...]) -> str:
    return (
        f"UNWIND $rows AS row MERGE (n:{RESOURCE} {{iri: row.iri}}) SET n += row.props "
        f"SET n:{':'.join(safe_name(label) for label in labels)}"
    )


def merge_relationships(rel_type: str) -> str:
    return (
        f"UNWIND $rows AS row MATCH (a:{RESOURCE} {{iri: row.src}}) MATCH (b:{RESOURCE} {{iri: row.dst}}) "
        f"MERGE (a)-[:{safe_name(rel_type)}]->(b)"
    )


SET_SENTENCE_VECTORS = "UNWIND $rows AS row MATCH (s:Resource {iri: row.iri}) SET s.embedding = row.embedding"
SENTENCES_WITHOUT_VECTORS = "MATCH (s:Sentence) WHERE s.embedding IS NULL RETURN s.iri AS iri, s.text AS text"
CLEAR_VECTORS = "MATCH (s:Sentence) WHERE s.embedding IS NOT NULL REMOVE s.embedding"

# --- export -------------------------------------------------------------------------------------------
ALL_NODES = f"MATCH (n:{RESOURCE}) RETURN n.iri AS iri, labels(n) AS labels, properties(n) AS props"
ALL_RELATIONSHIPS = f"MATCH (a:{RESOURCE})-[r]->(b:{RESOURCE}) RETURN a.iri AS src, type(r) AS type, b.iri AS dst"
ARTICLE_NODES = (
    f"MATCH (n:{RESOURCE}) WHERE n.iri = $article OR any(p IN $prefixes WHERE n.iri STARTS WITH p) "
    "OPTIONAL MATCH (n)-[]->(m) WITH collect(DISTINCT n) + collect(DISTINCT m) AS nodes "
    "UNWIND nodes AS x WITH DISTINCT x WHERE x IS NOT NULL "
    "RETURN x.iri AS iri, labels(x) AS labels, properties(x) AS props"
)
RELATIONSHIPS_AMONG = (
    f"MATCH (a:{RESOURCE})-[r]->(b:{RESOURCE}) WHERE a.iri IN $iris AND b.iri IN $iris "
    "RETURN a.iri AS src, type(r) AS type, b.iri AS dst"
)

# --- the bot ----------------------------------------------------------------------------------------------
CATALOGUE = (
    "MATCH (n:Resource) WHERE n:Agent OR n:Programme OR n:Law OR n:Event OR n:Place OR n:Policy "
    "RETURN n.iri AS iri, n.name AS name, labels(n) AS labels, n.aliases AS aliases"
)
_FACT_RETURN = (
    "WITH DISTINCT f "
    "OPTIONAL MATCH (f)-[rel]->(x:Resource) WHERE NOT x:Sentence "
    "WITH f, collect({rel: type(rel), iri: x.iri, name: x.name, value: x.value, exact: x.value_exact, "
    "currency: x.currency, unit: x.unit, qualifier: x.qualifier, measure: x.measure, surface: x.surface, "
    "begin: x.begin, "
    "end: x.end_date}) AS links "
    "MATCH (f)-[:EVIDENCE]->(s:Sentence)-[:IN_ARTICLE]->(a:Article) "
    "OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p) "
    "RETURN f.iri AS iri, [l IN labels(f) WHERE NOT l IN ['Resource', 'Fact']][0] AS kind, properties(f) AS props, "
    "links, collect({text: s.text, start: s.start, end: s.end, source_id: a.source_id, title: a.title, "
    "published: a.published, url: a.url, publisher: p.name, "
    "verified: substring(a.body, s.start, s.end - s.start) = s.text}) AS evidence"
)
FACTS_ABOUT = "MATCH (f:Fact)-[]->(e:Resource) WHERE e.iri IN $anchors AND $kind IN labels(f) " + _FACT_RETURN
FACTS_OF_KIND = (
    "MATCH (f:Fact) WHERE $kind IN labels(f) AND ($stage IS NULL OR f.stage = $stage) WITH f LIMIT 500 " + _FACT_RETURN
)
SENTENCE_CONTEXT = (
    "MATCH (s:Sentence {iri: $iri})-[:IN_ARTICLE]->(a:Article) OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p) "
    "OPTIONAL MATCH (s)-[:MENTIONS]->(e) "
    "RETURN s.text AS text, s.start AS start, s.end AS end, a.source_id AS source_id, a.title AS title, "
    "a.published AS published, a.url AS url, p.name AS publisher, collect(e.iri) AS mentions, "
    "substring(a.body, s.start, s.end - s.start) = s.text AS verified"
)

# --- the UI -------------------------------------------------------------------------------------------
ARTICLE_VIEW = (
    "MATCH (a:Article {source_id: $source_id}) OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p) "
    "RETURN a.source_id AS source_id, a.title AS title, a.published AS published, a.url AS url, "
    "p.name AS publisher, a.body AS body"
)
ARTICLE_STATS = (
    "MATCH (a:Article) OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p) "
    "CALL (a) { MATCH (s:Sentence)-[:IN_ARTICLE]->(a) OPTIONAL MATCH (s)-[:MENTIONS]->(e) "
    "OPTIONAL MATCH (f:Fact)-[:EVIDENCE]->(s) "
    "RETURN count(DISTINCT s) AS sentences, count(DISTINCT e) AS entities, count(DISTINCT f) AS facts } "
    "RETURN a.source_id AS source_id, a.title AS title, a.published AS published, p.name AS publisher, "
    "sentences, entities, facts ORDER BY a.published IS NULL, a.published DESC, a.source_id"
)
ENTITY_SEARCH = (
    "CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $k}) YIELD node, score "
    "RETURN node.iri AS iri, node.name AS name, "
    "[l IN labels(node) WHERE NOT l IN ['Resource', 'Agent', 'Entity']] AS labels, score"
)
# What a drawing needs of each node: a caption (name, amount or kind) and its most specific label.
NODES_FOR_DRAWING = (
    "MATCH (n:Resource) WHERE n.iri IN $iris "
    "RETURN n.iri AS iri, labels(n) AS labels, coalesce(n.name, n.surface, n.title, n.post) AS caption, "
    "n.value AS value, n.currency AS currency"
)
NEIGHBOURS = (
    "MATCH (c:Resource)-[]-(x:Resource) WHERE c.iri IN $iris AND NOT x:Sentence AND NOT x:Article "
    "RETURN DISTINCT x.iri AS iri LIMIT $k"
)
EXAMPLE_PROGRAMMES = (
    "MATCH (f:FundingFact)-[:FOR_PROGRAMME]->(p:Programme) "
    "RETURN p.name AS name, count(f) AS n ORDER BY n DESC, name LIMIT $k"
)
EXAMPLE_POSTS = (
    "MATCH (h:PostHolding)-[:IN_ORGANIZATION]->(o:Organization) WHERE h.post IS NOT NULL "
    "RETURN o.name AS org, h.post AS post, count(h) AS n ORDER BY n DESC, org LIMIT $k"
)
