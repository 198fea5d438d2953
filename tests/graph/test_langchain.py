"""langchain-neo4j introspects this graph's schema (what GraphCypherQAChain shows an LLM)."""

from __future__ import annotations

import neo4j

from policykg.graph.server import USERNAME, ManagedNeo4j


def test_neo4jgraph_schema_names_the_ontology_labels_and_relationships(
    loaded: neo4j.Driver, managed_neo4j: ManagedNeo4j
) -> None:
    from langchain_neo4j import Neo4jGraph

    graph = Neo4jGraph(
        url=managed_neo4j.uri,
        username=USERNAME,
        password=managed_neo4j.password(),
        database="neo4j",
        refresh_schema=True,
    )
    schema = graph.structured_schema
    assert {"FundingFact", "Programme", "Sentence", "Article"} <= set(schema["node_props"])
    relationships = {(r["start"], r["type"], r["end"]) for r in schema["relationships"]}
    assert any(t == "FOR_PROGRAMME" and e == "Programme" for _, t, e in relationships)
    assert any(t == "EVIDENCE" and e == "Sentence" for _, t, e in relationships)
    assert "value" in {p["property"] for p in schema["node_props"]["MonetaryAmount"]}
    assert "FundingFact" in graph.get_schema
    rows = graph.query("MATCH (p:Programme) RETURN count(p) AS n")
    assert rows[0]["n"] == loaded.execute_query("MATCH (p:Programme) RETURN count(p) AS n")[0][0]["n"] >= 3


def test_retriever_returns_cited_sentences(loaded: neo4j.Driver) -> None:
    from policykg.bot.retriever import PolicyKGRetriever

    documents = PolicyKGRetriever(driver=loaded, k=3).invoke("광주 인공지능 집적단지 2단계 사업 재원")
    assert 1 <= len(documents) <= 3
    top = documents[0]
    assert {"source_id", "title", "publisher", "published", "url", "start", "end"} <= set(top.metadata)
    body = loaded.execute_query("MATCH (a:Article {source_id: $s}) RETURN a.body AS b", s=top.metadata["source_id"])[0][
        0
    ]["b"]
    assert body[top.metadata["start"] : top.metadata["end"]] == top.page_content
    # The sentence naming the programme, from the sample article about it, comes first (seeds loaded or not).
    assert top.metadata["source_id"] == "regional_ai_cluster" and "인공지능 집적단지 2단계 사업" in top.page_content
