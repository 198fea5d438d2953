"""The quick check's SPARQL constraints, joined and filtered in Python (ontology/quick_sparql.py), find every focus
node rdflib's SPARQL engine finds (the engine pySHACL runs), whatever values the sentence nodes hold; on integer
offsets and plain strings they find exactly those."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, SH, XSD, Graph, Literal, URIRef
from rdflib.plugins.sparql.processor import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from policykg.ontology.quick_sparql import TripleIndex, Unsupported, compile_constraint
from policykg.ontology.schema import PKG_NS, shapes
from policykg.ontology.vocab import PKG

ARTICLE = URIRef("https://w3id.org/policykg/id/article/t")
BODY = "정부는 내년 예산을 늘린다.\n시는 사업을 공모한다."
# Offsets and texts a broken extractor might write: right and wrong integers, past either end, negative, of
# other datatypes; the text verbatim, shifted, empty, tagged, typed.
OFFSETS: list[Node] = [*(Literal(n) for n in (-3, -1, 0, 1, 3, 14, 15, 16, 27, 40)), Literal(Decimal(3))]
OFFSETS += [Literal("3"), Literal(True), Literal("3", datatype=XSD.long), Literal("x", datatype=XSD.integer)]
TEXTS: list[Node] = [Literal(BODY[a:b]) for a, b in ((0, 15), (0, 14), (16, 27), (1, 15), (15, 15), (-3, 40))]
TEXTS += [Literal("정부는", lang="ko"), Literal("정부는", datatype=XSD.string), Literal(3), PKG.planned]


def _sentence_constraint() -> str:
    texts = [str(s) for s in shapes().objects(None, SH.select)]
    assert len(texts) == 1, "one SPARQL constraint in shapes.ttl: this test covers it"
    return texts[0]


def _prepared() -> Query:
    return prepareQuery(_sentence_constraint(), initNs={"pkg": PKG_NS})


def _graph(sentences: list[tuple[Node, Node, Node]], body: Node) -> Graph:
    graph = Graph()
    graph.add((ARTICLE, PKG.bodyText, body))
    for i, (start, end, text) in enumerate(sentences):
        node = URIRef(f"{ARTICLE}/s{i}")
        graph.add((node, RDF.type, PKG.Sentence))
        graph.add((node, PKG.inArticle, ARTICLE))
        for predicate, value in ((PKG.start, start), (PKG.end, end), (PKG.text, text)):
            graph.add((node, predicate, value))
    return graph


def _rdflib_rows(graph: Graph) -> set[Node]:
    return {row[0] for row in graph.query(_prepared())}  # type: ignore[index]


SENTENCE = st.tuples(st.sampled_from(OFFSETS), st.sampled_from(OFFSETS), st.sampled_from(TEXTS))


@settings(max_examples=300, deadline=None)
@given(
    sentences=st.lists(SENTENCE, min_size=1, max_size=3),
    body=st.sampled_from([Literal(BODY), Literal(BODY, lang="ko"), Literal(BODY, datatype=XSD.string), Literal(1)]),
)
def test_the_compiled_constraint_finds_every_row_rdflib_finds(sentences: list[tuple[Node, Node, Node]], body: Node):
    graph = _graph(sentences, body)
    found = set(compile_constraint(_prepared()).violating(TripleIndex(graph)))
    try:
        expected = _rdflib_rows(graph)
    except Exception:
        # rdflib's engine breaks on some values (a decimal slice index, an ill-typed integer), and pySHACL with it:
        # such a graph must not pass here either.
        assert found
    else:
        assert expected <= found


@settings(max_examples=200, deadline=None)
@given(
    start=st.integers(min_value=-5, max_value=40),
    end=st.integers(min_value=-5, max_value=40),
    cut=st.tuples(st.integers(min_value=-5, max_value=40), st.integers(min_value=-5, max_value=40)),
)
def test_on_integer_offsets_and_plain_text_it_finds_exactly_the_rows_rdflib_finds(
    start: int, end: int, cut: tuple[int, int]
) -> None:
    graph = _graph([(Literal(start), Literal(end), Literal(BODY[cut[0] : cut[1]]))], Literal(BODY))
    found = set(compile_constraint(_prepared()).violating(TripleIndex(graph)))
    assert found == _rdflib_rows(graph)


def test_a_sentence_with_two_start_values_is_judged_on_each() -> None:
    right, wrong = (Literal(0), Literal(14), Literal(BODY[0:14])), (Literal(1), Literal(14), Literal(BODY[0:14]))
    graph = _graph([right], Literal(BODY))
    graph.add((URIRef(f"{ARTICLE}/s0"), PKG.start, wrong[0]))
    assert set(compile_constraint(_prepared()).violating(TripleIndex(graph))) == {URIRef(f"{ARTICLE}/s0")}


@pytest.mark.parametrize(
    "select",
    [
        "SELECT $this WHERE { $this pkg:text ?t . FILTER (STRLEN(?t) < 2) }",  # a function it does not compile
        "SELECT $this WHERE { $this pkg:text ?t . FILTER NOT EXISTS { $this pkg:start ?s } }",
        "SELECT $this WHERE { $this ?p ?t }",  # a variable predicate
        "SELECT $this ?t WHERE { $this pkg:text ?t }",  # more than $this projected
        "SELECT $this WHERE { { $this pkg:text ?t } UNION { $this pkg:end ?t } }",
    ],
)
def test_a_constraint_it_cannot_compile_is_unsupported(select: str) -> None:
    with pytest.raises(Unsupported):
        compile_constraint(prepareQuery(select, initNs={"pkg": PKG_NS}))
