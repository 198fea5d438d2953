"""The quick check (ontology/quick_check.py) passes a graph only when pySHACL passes it: graphs that conform, broken
in many small ways, are judged both ways. It must also pass the graphs ingest makes of real-looking articles, or
every article pays for pySHACL again. (tests/ontology/test_shapes.py goes through the quick check too: each
mistake there must still be refused.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, SH, BNode, Graph, Literal, URIRef, namespace
from rdflib.term import Node

from policykg.ingest.pipeline import ingest_file
from policykg.ontology.quick_check import QuickCheck, surely_conforms
from policykg.ontology.schema import ontology, shapes
from policykg.ontology.validate import shacl_validate
from policykg.ontology.vocab import PKG
from tests.ontology.sample_graph import build_sample_graph

Triple = tuple[Node, Node, Node]
SAMPLES = Path(__file__).resolve().parents[2] / "ingest" / "samples"
# Values a broken extractor might write instead of the right one: wrong datatypes, ill-typed, empty, negative,
# out of range, with a language tag, an IRI where a literal belongs.
FOREIGN_VALUES: list[Node] = [
    Literal("값"),
    Literal(""),
    Literal("값", lang="ko"),
    Literal(-1),
    Literal(7),
    Literal(Decimal("1.5")),
    Literal("12억", datatype=namespace.XSD.decimal),
    Literal("2026-13-45", datatype=namespace.XSD.date),
    Literal(date(2026, 1, 1)),
    Literal("2026", datatype=namespace.XSD.gYear),
    Literal(True),
    Literal("KRW"),
    Literal("krw"),
    PKG.planned,
    PKG.vague,
    PKG.Organization,
]


def _article_graph(path: Path) -> Graph:
    result = ingest_file(path, check_shapes=False)
    assert result.graph is not None, result.report.reason
    return result.graph


@pytest.fixture(scope="module")
def graphs() -> list[Graph]:
    return [build_sample_graph()] + [_article_graph(p) for p in sorted(SAMPLES.iterdir())]


def test_the_quick_check_passes_the_graphs_of_the_sample_articles(graphs: list[Graph]) -> None:
    for graph in graphs:
        assert shacl_validate(graph).conforms
        assert surely_conforms(graph)


def _changed(graph: Graph, drop: Triple | None, add: Triple | None) -> Graph:
    mutant = Graph()
    for triple in graph:
        if triple != drop:
            mutant.add(triple)
    if add is not None:
        mutant.add(add)
    return mutant


def _single_changes(graph: Graph) -> Iterator[tuple[Triple | None, Triple | None]]:
    """For one triple of each predicate a shape constrains on each kind of subject: drop it, replace its object by a
    foreign value or by a node of another kind (a class of another kind for rdf:type), or add a second object of the
    same kind beside it."""
    seen: set[tuple[Node, frozenset[Node]]] = set()
    constrained = {RDF.type, *shapes().objects(None, SH.path)}
    classes = sorted(set(graph.objects(None, RDF.type)))
    nodes = [next(iter(sorted(graph.subjects(RDF.type, c)))) for c in classes]
    for s, p, o in sorted(graph):
        key = (p, frozenset(graph.objects(s, RDF.type)))
        if key in seen or p not in constrained:
            continue
        seen.add(key)
        yield (s, p, o), None
        for other in classes[::3] if p == RDF.type else FOREIGN_VALUES + nodes[::6]:
            yield (s, p, o), (s, p, other)
        sibling = Literal(f"{o}0", datatype=o.datatype) if isinstance(o, Literal) else URIRef(f"{o}-0")
        yield None, (s, p, sibling)


def test_a_graph_broken_in_one_place_passes_the_quick_check_only_if_pyshacl_passes_it() -> None:
    graph = build_sample_graph()
    wrongly_passed = []
    for drop, add in list(_single_changes(graph)):
        # Changed in place and restored: copying the graph for each change would take longer than judging it.
        if drop is not None:
            graph.remove(drop)
        if add is not None and add not in graph:
            graph.add(add)
        else:
            add = None
        if surely_conforms(graph) and not shacl_validate(graph).conforms:
            wrongly_passed.append((drop, add))
        if add is not None:
            graph.remove(add)
        if drop is not None:
            graph.add(drop)
    assert wrongly_passed == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    which=st.integers(min_value=0),
    changes=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0)), min_size=2, max_size=4),
)
def test_a_graph_broken_in_several_places_passes_the_quick_check_only_if_pyshacl_passes_it(
    graphs: list[Graph], which: int, changes: list[tuple[int, int]]
) -> None:
    graph = graphs[which % len(graphs)]
    for index, change in changes:
        single = list(_single_changes(graph))
        graph = _changed(graph, *single[(index + change) % len(single)])
    if surely_conforms(graph):
        assert shacl_validate(graph).conforms, shacl_validate(graph).text


@pytest.mark.parametrize(
    "extra",
    [
        (URIRef("https://w3id.org/policykg/shapes#FactShape"), SH["not"], BNode()),  # a constraint it does not know
        (URIRef("https://w3id.org/policykg/shapes#Extra"), SH.targetNode, URIRef("https://example.org/x")),
    ],
)
def test_shapes_it_cannot_judge_make_it_pass_nothing(extra: Triple) -> None:
    extended = Graph()
    for triple in shapes():
        extended.add(triple)
    extended.add(extra)
    assert QuickCheck(shapes(), ontology()).conforms(build_sample_graph())
    assert not QuickCheck(extended, ontology()).conforms(build_sample_graph())
