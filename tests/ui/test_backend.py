"""The UI's work without the browser, on the real Neo4j holding the sample articles (and the seeds when
../shared is there)."""

from __future__ import annotations

import html

import neo4j
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF

from policykg.bot.examples import example_questions, josa
from policykg.errors import UserError
from policykg.ontology.neo4j_names import Label, Rel
from policykg.ontology.vocab import PKG
from policykg.ui import render
from policykg.ui.backend import Backend
from policykg.ui.explore import Drawing


@pytest.fixture(scope="module")
def backend(loaded: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory) -> Backend:
    return Backend(loaded, "neo4j", tmp_path_factory.mktemp("uploads"))


def test_a_citation_opens_its_article_with_the_quote_marked(backend: Backend) -> None:
    answer = backend.ask("AI안전연구소 소장은 누구야?")
    assert not answer.abstained and answer.citations
    c = answer.citations[0]
    article = backend.article(c.source_id)
    assert article is not None and article.body[c.start : c.end] == c.quote
    page = render.source_html(article, c.start, c.end)
    assert f'<mark id="pkg-quote">{html.escape(c.quote)}</mark>' in page
    assert html.escape(article.title) in page and (article.publisher or "") in page
    assert backend.article("no-such-article") is None


def test_the_answer_graph_holds_the_facts_and_who_they_name(backend: Backend) -> None:
    answer = backend.ask("AI안전연구소 소장은 누구야?")
    drawing = backend.scene([f["iri"] for f in answer.facts if f.get("iri")]).drawing
    ids = {n["id"] for n in drawing.nodes}
    assert {f["iri"] for f in answer.facts} <= ids
    assert {"정세린", "소장 · AI안전연구소"} <= {n["label"] for n in drawing.nodes}  # a fact by what it says
    assert all(e["from"] in ids and e["to"] in ids for e in drawing.edges) and drawing.edges


def test_the_graph_speaks_korean_without_iris(backend: Backend) -> None:
    nipa = backend.search_entities("정보통신산업진흥원")[0]
    drawing = backend.scene([nipa.iri]).drawing
    english = {v for k, v in [*vars(Label).items(), *vars(Rel).items()] if not k.startswith("_")}
    assert not english & {n["label"] for n in drawing.nodes} and not english & {e["label"] for e in drawing.edges}
    assert "기관" in {e["label"] for e in drawing.edges}  # IN_ORGANIZATION, by the ontology's rdfs:label@ko
    assert all("%" not in n["title"] and "://" not in n["title"] for n in drawing.nodes)
    assert "원장 · 정보통신산업진흥원" in {n["label"] for n in drawing.nodes}


def test_entity_search_resolves_aliases_and_shows_facts_with_sources(backend: Backend) -> None:
    hits = backend.search_entities("과학기술정보통신부")
    assert hits and hits[0].name == "과학기술정보통신부" and hits[0].facts > 0
    facts = backend.entity_facts(hits[0].iri)
    assert facts and all(f.evidence for f in facts)
    assert backend.search_entities("   ") == []
    nipa = backend.search_entities("NIPA")[0]  # a registry alias: no article node carries it
    assert nipa.name == "정보통신산업진흥원" and "NIPA" in nipa.label
    assert any("정보통신산업진흥원 산하" in h.label or "상위 기관" in h.label for h in backend.search_entities("NIPA"))
    assert backend.search_entities("존재하지않는기관이름") == []


@pytest.mark.shared
def test_a_name_with_no_facts_leads_to_the_organisation_that_has_them(backend: Backend) -> None:
    hits = backend.search_entities("네이버")  # 네이버 is only mentioned; 네이버클라우드 (under it) was selected
    assert hits[0].name == "네이버클라우드" and hits[0].facts > 0 and "네이버 산하" in hits[0].label
    assert "네이버" in [h.name for h in hits]


def test_the_neighbourhood_is_drawn_a_page_at_a_time(backend: Backend) -> None:
    msit = backend.search_entities("과학기술정보통신부")[0].iri
    small, everything = backend.scene([msit], limit=2), backend.scene([msit], limit=1000)
    assert everything.hidden == 0 and small.hidden == _neighbour_count(backend, msit) - 2 > 0
    assert len(small.drawing.nodes) < len(everything.drawing.nodes)


def _neighbour_count(backend: Backend, iri: str) -> int:
    """Neighbours a drawing may show: not sentences, articles, or the values a fact's caption already holds."""
    records, _, _ = backend.driver.execute_query(
        "MATCH ({iri: $iri})--(x:Resource) WHERE NOT x:Sentence AND NOT x:Article AND NOT x:MonetaryAmount "
        "AND NOT x:Quantity AND NOT x:TimeSpan RETURN count(DISTINCT x) AS n",
        iri=iri,
    )
    return int(records[0]["n"])


def test_a_clicked_node_shows_its_sentences_with_their_articles(backend: Backend) -> None:
    nipa = backend.search_entities("정보통신산업진흥원")[0]
    post = next(n for n in backend.scene([nipa.iri]).drawing.nodes if n["label"] == "원장 · 정보통신산업진흥원")
    details = backend.details(post["id"])
    assert details is not None and details.kind == "직위 재임" and ("재임자", "윤서진") in details.roles
    e = details.evidence[0]
    assert "윤서진" in e.text and e.title and e.published  # the citation: article title and date
    page = render.node_details_html(details)
    assert html.escape(e.title) in page and e.published in page
    assert backend.details("https://w3id.org/policykg/id/no-such-node") is None


def test_cypher_results_can_be_drawn_and_downloaded(backend: Backend) -> None:
    result = backend.run_cypher("MATCH (f:FundingFact)-[r:PAYER]->(o) RETURN f, r, o LIMIT 5", {})
    assert len(result.rows) == 5 and result.relationships
    drawing = backend.result_drawing(result)
    assert {n["id"] for n in drawing.nodes} == set(result.node_iris) and len(drawing.edges) >= 5
    # Nodes returned alone are joined by the relationships among them.
    nodes_only = backend.run_cypher("MATCH (f:FundingFact)-[:PAYER]->(o) RETURN f, o LIMIT 5", {})
    assert not nodes_only.relationships and backend.result_drawing(nodes_only).edges
    csv_text = backend.csv_file(result).read_text(encoding="utf-8-sig")  # written with a BOM for Excel
    assert csv_text.splitlines()[0] == "f,r,o" and len(csv_text.splitlines()) == 6
    with pytest.raises(UserError, match="read-only"):
        backend.run_cypher("CREATE (n:Oops) RETURN n", {})


def test_article_list_counts_and_turtle_export_per_article(backend: Backend) -> None:
    rows = {r["source_id"]: r for r in backend.articles()}
    assert {"ai_basic_act_page", "regional_ai_cluster", "ai_chip_pilot_euckr"} <= set(rows)
    assert all(r["sentences"] > 0 and r["entities"] > 0 and r["facts"] > 0 for r in rows.values())
    graph = Graph().parse(backend.turtle_file("ai_basic_act_page"), format="turtle")
    articles = set(graph.subjects(RDF.type, PKG.NewsArticle))
    assert len(articles) == 1 and (next(iter(articles)), PKG.sourceId, Literal("ai_basic_act_page")) in graph
    assert backend.shacl_report().conforms


def test_example_questions_come_from_the_graph_and_are_answered(backend: Backend) -> None:
    questions = example_questions(backend.driver, backend.database)
    assert len(questions) >= 3
    for q in questions:
        assert not backend.ask(q).abstained, q
    assert josa("원장", "은", "는") == "원장은" and josa("대표", "은", "는") == "대표는"
    assert josa("CEO", "은", "는") == "CEO는" and josa("LG", "이", "가") == "LG가" and josa("KT", "과", "와") == "KT와"


def test_graph_page_escapes_names_that_look_like_markup() -> None:
    drawing = Drawing([{"id": "x", "label": "</script><script>alert(1)</script>", "group": "Other", "title": "t"}], [])
    page = html.unescape(render.graph_html(drawing).split('srcdoc="', 1)[1].rsplit('"></iframe>', 1)[0])
    assert "</script><script>alert(1)" not in page and "alert(1)" in page
    assert "data-ready" not in render.graph_html(Drawing())  # nothing drawn: a message, no script
