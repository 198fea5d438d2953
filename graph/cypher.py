"""Every Cypher statement policykg sends, in one place. Values are always $parameters; labels, relationship
types and property keys are the ontology mapping's names: written in from ontology/neo4j_names.py here, and
passed through `safe_name` when they arrive at run time."""

from __future__ import annotations

import re

from policykg.errors import PolicyKGError
from policykg.ontology.neo4j_names import Label, Prop, Rel

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def safe_name(name: str) -> str:
    """A label or relationship type, backtick-quoted after checking it is a plain identifier."""
    if not _NAME.match(name):
        raise PolicyKGError(f"refusing to use {name!r} as a Neo4j label or relationship type")
    return f"`{name}`"


# --- schema -------------------------------------------------------------------------------------------
CONSTRAINT_IRI = f"CREATE CONSTRAINT resource_iri IF NOT EXISTS FOR (n:{Label.Resource}) REQUIRE n.{Prop.iri} IS UNIQUE"
CONSTRAINT_META = (
    f"CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:{Label.PolicykgMeta}) REQUIRE m.{Prop.key} IS UNIQUE"
)
FULLTEXT_SENTENCE_CJK = (
    f"CREATE FULLTEXT INDEX sentence_text IF NOT EXISTS FOR (s:{Label.Sentence}) ON EACH [s.{Prop.text}] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
)
FULLTEXT_SENTENCE_TOKENS = (
    f"CREATE FULLTEXT INDEX sentence_tokens IF NOT EXISTS FOR (s:{Label.Sentence}) ON EACH [s.{Prop.tokens}] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}"
)
# The kinds of node a question names; the bot links its words to these.
_NAMED = (Label.Agent, Label.Programme, Label.Law, Label.Event, Label.Place, Label.Policy)
FULLTEXT_NAMES = (
    f"CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:{'|'.join(_NAMED)}) "
    f"ON EACH [n.{Prop.name}, n.{Prop.name_en}, n.{Prop.aliases}] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
)
VECTOR_INDEX = (
    f"CREATE VECTOR INDEX sentence_embedding IF NOT EXISTS FOR (s:{Label.Sentence}) ON s.{Prop.embedding} "
    "OPTIONS {indexConfig: {`vector.dimensions`: $dimensions, `vector.similarity_function`: 'cosine'}}"
)
DROP_VECTOR_INDEX = "DROP INDEX sentence_embedding IF EXISTS"
GET_META = f"MATCH (m:{Label.PolicykgMeta} {{{Prop.key}: $key}}) RETURN m.{Prop.value} AS value"
SET_META = f"MERGE (m:{Label.PolicykgMeta} {{{Prop.key}: $key}}) SET m.{Prop.value} = $value"

# --- loading ------------------------------------------------------------------------------------------
ARTICLE_HASHES = (
    f"MATCH (a:{Label.Article}) WHERE a.{Prop.source_id} IN $ids "
    f"RETURN a.{Prop.source_id} AS id, a.{Prop.content_hash} AS hash"
)
# An article's own nodes go: the article by its exact IRI, its children by IRI prefixes ending in '/' (index
# seeks; ontology/iris.py). The entities they touched are returned so that those left with no relationship,
# which belonged to these articles alone, can go too.
DELETE_OWNED = (
    f"CALL () {{ UNWIND $articles AS a MATCH (n:{Label.Resource} {{{Prop.iri}: a}}) RETURN n "
    f"UNION UNWIND $prefixes AS p MATCH (n:{Label.Resource}) WHERE n.{Prop.iri} STARTS WITH p RETURN n }} "
    f"OPTIONAL MATCH (n)--(m:{Label.Resource}) WITH collect(DISTINCT m.{Prop.iri}) AS around, "
    "collect(DISTINCT n) AS owned "
    "FOREACH (x IN owned | DETACH DELETE x) RETURN around"
)
DELETE_ORPHANS = (
    f"UNWIND $iris AS iri MATCH (n:{Label.Resource} {{{Prop.iri}: iri}}) "
    f"WHERE NOT (n)--() AND NOT n:{Label.Article} DELETE n"
)


# Cypher cannot take labels or relationship types as parameters: rows are grouped by them and each group
# gets a statement with its names written in, after safe_name (native MERGE is far faster than APOC's).
def merge_nodes(labels: tuple[str, ...]) -> str:
    return (
        f"UNWIND $rows AS row MERGE (n:{Label.Resource} {{{Prop.iri}: row.iri}}) SET n += row.props "
        f"SET n:{':'.join(safe_name(label) for label in labels)}"
    )


def merge_relationships(rel_type: str) -> str:
    return (
        f"UNWIND $rows AS row MATCH (a:{Label.Resource} {{{Prop.iri}: row.src}}) "
        f"MATCH (b:{Label.Resource} {{{Prop.iri}: row.dst}}) "
        f"MERGE (a)-[:{safe_name(rel_type)}]->(b)"
    )


SET_SENTENCE_VECTORS = (
    f"UNWIND $rows AS row MATCH (s:{Label.Resource} {{{Prop.iri}: row.iri}}) SET s.{Prop.embedding} = row.embedding"
)
SENTENCES_WITHOUT_VECTORS = (
    f"MATCH (s:{Label.Sentence}) WHERE s.{Prop.embedding} IS NULL RETURN s.{Prop.iri} AS iri, s.{Prop.text} AS text"
)
CLEAR_VECTORS = f"MATCH (s:{Label.Sentence}) WHERE s.{Prop.embedding} IS NOT NULL REMOVE s.{Prop.embedding}"

# --- export -------------------------------------------------------------------------------------------
ALL_NODES = f"MATCH (n:{Label.Resource}) RETURN n.{Prop.iri} AS iri, labels(n) AS labels, properties(n) AS props"
ALL_RELATIONSHIPS = (
    f"MATCH (a:{Label.Resource})-[r]->(b:{Label.Resource}) "
    f"RETURN a.{Prop.iri} AS src, type(r) AS type, b.{Prop.iri} AS dst"
)
ARTICLE_NODES = (
    f"MATCH (n:{Label.Resource}) WHERE n.{Prop.iri} = $article OR any(p IN $prefixes WHERE n.{Prop.iri} STARTS WITH p) "
    "OPTIONAL MATCH (n)-[]->(m) WITH collect(DISTINCT n) + collect(DISTINCT m) AS nodes "
    "UNWIND nodes AS x WITH DISTINCT x WHERE x IS NOT NULL "
    f"RETURN x.{Prop.iri} AS iri, labels(x) AS labels, properties(x) AS props"
)
RELATIONSHIPS_AMONG = (
    f"MATCH (a:{Label.Resource})-[r]->(b:{Label.Resource}) WHERE a.{Prop.iri} IN $iris AND b.{Prop.iri} IN $iris "
    f"RETURN a.{Prop.iri} AS src, type(r) AS type, b.{Prop.iri} AS dst"
)

# Sentences by full text (index given as $index) or by vector, with the article each belongs to.
_SENTENCE_HIT = (
    f"MATCH (node)-[:{Rel.IN_ARTICLE}]->(a:{Label.Article}) "
    f"RETURN node.{Prop.iri} AS iri, node.{Prop.text} AS text, a.{Prop.source_id} AS source_id, score"
)
SEARCH_FULLTEXT = "CALL db.index.fulltext.queryNodes($index, $q, {limit: $k}) YIELD node, score " + _SENTENCE_HIT
SEARCH_VECTOR = "CALL db.index.vector.queryNodes('sentence_embedding', $k, $v) YIELD node, score " + _SENTENCE_HIT
# The same full-text search within the reports of the publishers $publishers: of the $scan best sentences,
# the $k best of theirs.
SEARCH_FULLTEXT_FROM = (
    "CALL db.index.fulltext.queryNodes($index, $q, {limit: $scan}) YIELD node, score "
    f"MATCH (node)-[:{Rel.IN_ARTICLE}]->(a:{Label.Article})-[:{Rel.PUBLISHED_BY}]->(p) "
    f"WHERE p.{Prop.name} IN $publishers "
    f"RETURN node.{Prop.iri} AS iri, node.{Prop.text} AS text, a.{Prop.source_id} AS source_id, score "
    "ORDER BY score DESC LIMIT $k"
)

# --- the bot ----------------------------------------------------------------------------------------------
CATALOGUE = (
    f"MATCH (n:{Label.Resource}) WHERE {' OR '.join(f'n:{label}' for label in _NAMED)} "
    f"RETURN n.{Prop.iri} AS iri, n.{Prop.name} AS name, labels(n) AS labels, n.{Prop.aliases} AS aliases"
)
_FACT_RETURN = (
    "WITH DISTINCT f "
    f"OPTIONAL MATCH (f)-[rel]->(x:{Label.Resource}) WHERE NOT x:{Label.Sentence} "
    f"WITH f, collect({{rel: type(rel), iri: x.{Prop.iri}, name: x.{Prop.name}, value: x.{Prop.value}, "
    f"exact: x.{Prop.value_exact}, currency: x.{Prop.currency}, unit: x.{Prop.unit}, "
    f"qualifier: x.{Prop.qualifier}, measure: x.{Prop.measure}, surface: x.{Prop.surface}, "
    f"begin: x.{Prop.begin}, end: x.{Prop.end_date}}}) AS links "
    f"MATCH (f)-[:{Rel.EVIDENCE}]->(s:{Label.Sentence})-[:{Rel.IN_ARTICLE}]->(a:{Label.Article}) "
    f"OPTIONAL MATCH (a)-[:{Rel.PUBLISHED_BY}]->(p) "
    f"RETURN f.{Prop.iri} AS iri, [l IN labels(f) WHERE NOT l IN ['{Label.Resource}', '{Label.Fact}']][0] AS kind, "
    "properties(f) AS props, "
    f"links, collect({{text: s.{Prop.text}, start: s.{Prop.start}, end: s.{Prop.end}, "
    f"source_id: a.{Prop.source_id}, title: a.{Prop.title}, "
    f"published: a.{Prop.published}, url: a.{Prop.url}, publisher: p.{Prop.name}, "
    f"verified: substring(a.{Prop.body}, s.{Prop.start}, s.{Prop.end} - s.{Prop.start}) = s.{Prop.text}}}) AS evidence"
)
FACTS_ABOUT = (
    f"MATCH (f:{Label.Fact})-[]->(e:{Label.Resource}) WHERE e.{Prop.iri} IN $anchors AND $kind IN labels(f) "
    + _FACT_RETURN
)
FACTS_OF_KIND = (
    f"MATCH (f:{Label.Fact}) WHERE $kind IN labels(f) AND ($stage IS NULL OR f.{Prop.stage} = $stage) "
    "WITH f LIMIT 500 " + _FACT_RETURN
)
SENTENCE_CONTEXT = (
    f"MATCH (s:{Label.Sentence} {{{Prop.iri}: $iri}})-[:{Rel.IN_ARTICLE}]->(a:{Label.Article}) "
    f"OPTIONAL MATCH (a)-[:{Rel.PUBLISHED_BY}]->(p) "
    f"OPTIONAL MATCH (s)-[:{Rel.MENTIONS}]->(e) "
    f"RETURN s.{Prop.text} AS text, s.{Prop.start} AS start, s.{Prop.end} AS end, "
    f"a.{Prop.source_id} AS source_id, a.{Prop.title} AS title, "
    f"a.{Prop.published} AS published, a.{Prop.url} AS url, p.{Prop.name} AS publisher, "
    f"collect(e.{Prop.iri}) AS mentions, "
    f"substring(a.{Prop.body}, s.{Prop.start}, s.{Prop.end} - s.{Prop.start}) = s.{Prop.text} AS verified"
)

# The reader's evidence (bot/reader.py): the sentences found, each with its neighbours in the article
# (index within $around), its article's citation data, what it mentions and whether it is verbatim.
SENTENCES_AROUND = (
    f"UNWIND $iris AS hit MATCH (h:{Label.Sentence} {{{Prop.iri}: hit}})-[:{Rel.IN_ARTICLE}]->(a:{Label.Article}) "
    f"MATCH (s:{Label.Sentence})-[:{Rel.IN_ARTICLE}]->(a) "
    f"WHERE s.{Prop.index} >= h.{Prop.index} - $around AND s.{Prop.index} <= h.{Prop.index} + $around "
    f"WITH DISTINCT s, a OPTIONAL MATCH (a)-[:{Rel.PUBLISHED_BY}]->(p) "
    f"OPTIONAL MATCH (s)-[:{Rel.MENTIONS}]->(e) "
    f"RETURN s.{Prop.iri} AS iri, s.{Prop.text} AS text, s.{Prop.start} AS start, s.{Prop.end} AS end, "
    f"s.{Prop.index} AS index, a.{Prop.source_id} AS source_id, a.{Prop.title} AS title, "
    f"a.{Prop.published} AS published, a.{Prop.url} AS url, p.{Prop.name} AS publisher, "
    f"collect(e.{Prop.iri}) AS mentions, "
    f"substring(a.{Prop.body}, s.{Prop.start}, s.{Prop.end} - s.{Prop.start}) = s.{Prop.text} AS verified"
)
# Everything each article of $source_ids mentions anywhere, and its body: a sentence is about its article's
# subject even when it names it only by a pronoun, and what its article says elsewhere (which report, which year).
ARTICLE_CONTEXT = (
    f"MATCH (a:{Label.Article})<-[:{Rel.IN_ARTICLE}]-(:{Label.Sentence})-[:{Rel.MENTIONS}]->(e) "
    f"WHERE a.{Prop.source_id} IN $source_ids "
    f"RETURN a.{Prop.source_id} AS source_id, a.{Prop.body} AS body, collect(DISTINCT e.{Prop.iri}) AS mentions"
)
# Facts whose evidence is one of the sentences $iris.
FACTS_EVIDENCED_BY = (
    f"MATCH (f:{Label.Fact})-[:{Rel.EVIDENCE}]->(s:{Label.Sentence}) WHERE s.{Prop.iri} IN $iris " + _FACT_RETURN
)

# --- the UI -------------------------------------------------------------------------------------------
ARTICLE_VIEW = (
    f"MATCH (a:{Label.Article} {{{Prop.source_id}: $source_id}}) OPTIONAL MATCH (a)-[:{Rel.PUBLISHED_BY}]->(p) "
    f"RETURN a.{Prop.source_id} AS source_id, a.{Prop.title} AS title, a.{Prop.published} AS published, "
    f"a.{Prop.url} AS url, p.{Prop.name} AS publisher, a.{Prop.body} AS body"
)
ARTICLE_STATS = (
    f"MATCH (a:{Label.Article}) OPTIONAL MATCH (a)-[:{Rel.PUBLISHED_BY}]->(p) "
    f"CALL (a) {{ MATCH (s:{Label.Sentence})-[:{Rel.IN_ARTICLE}]->(a) OPTIONAL MATCH (s)-[:{Rel.MENTIONS}]->(e) "
    f"OPTIONAL MATCH (f:{Label.Fact})-[:{Rel.EVIDENCE}]->(s) "
    "RETURN count(DISTINCT s) AS sentences, count(DISTINCT e) AS entities, count(DISTINCT f) AS facts } "
    f"RETURN a.{Prop.source_id} AS source_id, a.{Prop.title} AS title, a.{Prop.published} AS published, "
    f"p.{Prop.name} AS publisher, sentences, entities, facts "
    f"ORDER BY a.{Prop.published} IS NULL, a.{Prop.published} DESC, a.{Prop.source_id}"
)
ENTITY_SEARCH = (
    "CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $k}) YIELD node, score "
    f"RETURN node.{Prop.iri} AS iri, node.{Prop.name} AS name, "
    # 'Entity' is no label the loader writes; it stays so that this query's text is unchanged.
    f"[l IN labels(node) WHERE NOT l IN ['{Label.Resource}', '{Label.Agent}', 'Entity']] AS labels, score"
)
# What a drawing and its captions need of each node: the properties a caption reads and, for a fact, what it
# links to (names, the amount or count with the words that stated it, a period's start). `weight` is how many
# sentences state or mention the node.
_CAPTION_PROPS = (
    Prop.name, Prop.title, Prop.text, Prop.value, Prop.currency, Prop.unit, Prop.surface, Prop.qualifier,
    Prop.measure, Prop.post, Prop.stage, Prop.fiscal_year, Prop.outcome, Prop.role, Prop.action, Prop.as_of,
    Prop.begin, Prop.published,
)  # fmt: skip
# Amounts, counts and periods are drawn inside their fact's caption ("110억원 · 2026 예산안"), not as nodes.
_NOT_DRAWN = (Label.Sentence, Label.Article, Label.MonetaryAmount, Label.Quantity, Label.TimeSpan)


def _drawn(x: str) -> str:
    return " AND ".join(f"NOT {x}:{label}" for label in _NOT_DRAWN)


def _weight(x: str) -> str:
    return (
        f"COUNT {{ ({x})-[:{Rel.EVIDENCE}]->(:{Label.Sentence}) }} "
        f"+ COUNT {{ (:{Label.Sentence})-[:{Rel.MENTIONS}]->({x}) }}"
    )


NODES_FOR_DRAWING = (
    f"MATCH (n:{Label.Resource}) WHERE n.{Prop.iri} IN $iris "
    f"RETURN n.{Prop.iri} AS iri, labels(n) AS labels, n {{{', '.join('.' + p for p in _CAPTION_PROPS)}}} AS props, "
    f"[(n:{Label.Fact})-[r]->(x:{Label.Resource}) WHERE NOT x:{Label.Sentence} | "
    f"{{rel: type(r), name: coalesce(x.{Prop.name}, x.{Prop.title}), value: x.{Prop.value}, "
    f"currency: x.{Prop.currency}, unit: x.{Prop.unit}, surface: x.{Prop.surface}, measure: x.{Prop.measure}, "
    f"begin: x.{Prop.begin}}}] AS links, "
    f"{_weight('n')} AS weight"
)
# Each centre's neighbours by how many sentences state or mention them, the first $k of them and how many there
# are; and what the facts among those name, so a fact is never drawn without what it is about.
NEIGHBOURHOOD = (
    f"UNWIND $iris AS centre MATCH (c:{Label.Resource} {{{Prop.iri}: centre}})-[]-(x:{Label.Resource}) "
    f"WHERE {_drawn('x')} "
    f"WITH c, x, {_weight('x')} AS weight ORDER BY weight DESC, x.{Prop.iri} "
    f"WITH c, collect(DISTINCT x.{Prop.iri}) AS around "
    "WITH c, around[..$k] AS shown, size(around) AS total "
    f"CALL (shown) {{ UNWIND shown AS s MATCH (f:{Label.Fact} {{{Prop.iri}: s}})-[]->(y:{Label.Resource}) "
    f"WHERE {_drawn('y')} RETURN collect(DISTINCT y.{Prop.iri}) AS named }} "
    f"RETURN c.{Prop.iri} AS centre, shown, total, named"
)
# The sentences that state a fact or mention an entity, newest article first, with what a citation needs.
NODE_EVIDENCE = (
    f"MATCH (n:{Label.Resource} {{{Prop.iri}: $iri}}) "
    f"CALL (n) {{ MATCH (n)-[:{Rel.EVIDENCE}]->(s:{Label.Sentence}) RETURN s "
    f"UNION MATCH (s:{Label.Sentence})-[:{Rel.MENTIONS}]->(n) RETURN s }} "
    f"MATCH (s)-[:{Rel.IN_ARTICLE}]->(a:{Label.Article}) OPTIONAL MATCH (a)-[:{Rel.PUBLISHED_BY}]->(p) "
    f"RETURN s.{Prop.text} AS text, s.{Prop.start} AS start, s.{Prop.end} AS end, a.{Prop.source_id} AS source_id, "
    f"a.{Prop.title} AS title, a.{Prop.published} AS published, a.{Prop.url} AS url, p.{Prop.name} AS publisher, "
    f"substring(a.{Prop.body}, s.{Prop.start}, s.{Prop.end} - s.{Prop.start}) = s.{Prop.text} AS verified "
    f"ORDER BY a.{Prop.published} IS NULL, a.{Prop.published} DESC, a.{Prop.source_id}, s.{Prop.start}"
)
# Search hits with what tells them apart: kind, how many facts and mentions, and the organisations they belong
# to or that belong to them (a search for 네이버 leads to 네이버클라우드, where the facts are).
ENTITY_STATS = (
    f"UNWIND $iris AS iri MATCH (n:{Label.Resource} {{{Prop.iri}: iri}}) "
    f"RETURN n.{Prop.iri} AS iri, n.{Prop.name} AS name, labels(n) AS labels, "
    f"COUNT {{ (:{Label.Fact})-[]->(n) }} AS facts, "
    f"COUNT {{ (:{Label.Sentence})-[:{Rel.MENTIONS}]->(n) }} AS mentions, "
    f"[(n)<-[:{Rel.SUB_ORGANIZATION_OF}]-(m:{Label.Resource}) | m.{Prop.iri}] AS parts, "
    f"[(n)-[:{Rel.SUB_ORGANIZATION_OF}]->(m:{Label.Resource}) | m.{Prop.iri}] AS parents"
)
EXAMPLE_PROGRAMMES = (
    f"MATCH (f:{Label.FundingFact})-[:{Rel.FOR_PROGRAMME}]->(p:{Label.Programme}) "
    f"RETURN p.{Prop.name} AS name, count(f) AS n ORDER BY n DESC, name LIMIT $k"
)
EXAMPLE_POSTS = (
    f"MATCH (h:{Label.PostHolding})-[:{Rel.IN_ORGANIZATION}]->(o:{Label.Organization}) WHERE h.{Prop.post} IS NOT NULL "
    f"RETURN o.{Prop.name} AS org, h.{Prop.post} AS post, count(h) AS n ORDER BY n DESC, org LIMIT $k"
)

# --- the console ----------------------------------------------------------------------------------------
# A console query runs with {policykg_console: tag} as transaction metadata, so a user's cancel can end it
# on the server too (Gradio only stops waiting for it).
CONSOLE_TRANSACTIONS = (
    "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.policykg_console = $tag RETURN transactionId AS id"
)
TERMINATE_TRANSACTIONS = "TERMINATE TRANSACTIONS $ids"
