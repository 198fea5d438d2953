"""A word for a kind of body ('정부' the government in general, '당국', '업계', '관계부처') is no organisation the
article names, while a fact may still say the state pays. The sentences here are our own."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from policykg.ingest.pipeline import ingest_file
from policykg.ontology.vocab import PKG

ARTICLE = """가상경제신문 2026.03.02

정부는 내년 인공지능 인재 양성 사업에 500억원을 투입한다고 2일 밝혔다.
업계와 관계부처는 이번 결정을 반겼고, 당국은 세부 계획을 다음 달 내놓는다.
사업의 운영은 과학기술정보통신부가 맡는다.
"""


def _graph(tmp_path: Path) -> Graph:
    path = tmp_path / "generic.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = ingest_file(path)
    assert result.graph is not None, result.report.reason
    return result.graph


def test_a_word_for_a_kind_of_body_names_no_organisation(tmp_path: Path) -> None:
    graph = _graph(tmp_path)
    mentioned = {str(graph.value(e, PKG.name)) for e in graph.objects(None, PKG.mentions)}
    assert "과학기술정보통신부" in mentioned
    assert not mentioned & {"대한민국 정부", "정부", "업계", "관계부처", "당국"}


def test_the_state_still_pays_when_the_article_says_the_government_does(tmp_path: Path) -> None:
    graph = _graph(tmp_path)
    payers = {str(graph.value(p, PKG.name)) for p in graph.objects(None, PKG.payer)}
    assert payers == {"대한민국 정부"}
