"""A quick "conforms" verdict on a data graph against policykg's shapes, so that pySHACL runs only on graphs that
may not conform (ontology/validate.py).

pySHACL validates each property shape once per focus node and builds its constraint objects anew each time: about
30 ms for a seed article, more than the article's whole extraction. Here shapes.ttl is read once into plain checks
of the SHACL Core components it uses, each as strict as pySHACL's or stricter, so a graph passes here only if
pySHACL passes it too. A graph that does not pass here goes to pySHACL, whose report says what fails (or that it
conforms after all). Shapes using any SHACL term this module does not know make it pass no graph at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache, partial

from rdflib import OWL, RDF, RDFS, SH, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.plugins.sparql.processor import prepareQuery
from rdflib.term import Node

from policykg.ontology.quick_sparql import SparqlConstraint, TripleIndex, Unsupported, compile_constraint
from policykg.ontology.schema import ontology, shapes

Test = Callable[["Data", Node], bool]

# The SHACL terms a shape may use here; any other (sh:not, sh:xone, sh:qualifiedValueShape, sh:flags, paths that
# are not one IRI …) makes the module decline every graph rather than judge it wrongly.
KNOWN = {
    RDF.type,
    SH.targetClass,
    SH.path,
    SH.property,
    SH["or"],
    SH.sparql,
    SH.message,
    SH.minCount,
    SH.maxCount,
    SH.hasValue,
    SH.datatype,
    SH.minLength,
    SH.pattern,
    SH["in"],
    SH["class"],
    SH.minInclusive,
    SH.maxInclusive,
}
# The Python value rdflib gives a well-typed literal of these datatypes, as pySHACL checks it (bool is an int and
# datetime a date in Python, so they are refused explicitly); other datatypes pass pySHACL when well-typed.
PYTHON_VALUE: dict[Node, tuple[type, ...]] = {
    XSD.string: (str,),
    XSD.integer: (int,),
    XSD.decimal: (Decimal,),
    XSD.date: (date,),
}
NOT_THE_VALUE: dict[Node, tuple[type, ...]] = {XSD.integer: (bool,), XSD.date: (datetime,)}


@dataclass(frozen=True)
class Data:
    """The data graph with what a check needs of the ontology pySHACL mixes into it."""

    index: TripleIndex
    superclasses: dict[Node, frozenset[Node]]  # class → itself and every class above it
    ontology_subjects: frozenset[Node]

    def is_instance(self, node: Node, cls: Node) -> bool:
        return any(cls in self.superclasses.get(t, {t}) for t in self.index.objects(node, RDF.type))


@dataclass(frozen=True)
class Shape:
    """A node shape (no path: its value node is the focus node) or a property shape."""

    path: URIRef | None
    min_count: int
    max_count: int | None
    has_values: tuple[Node, ...]
    tests: tuple[Test, ...]  # each holds for every value node
    properties: tuple[Shape, ...]  # each value node conforms to each
    any_of: tuple[tuple[Shape, ...], ...]  # each value node conforms to one shape of each list

    def holds(self, data: Data, focus: Node) -> bool:
        if self.path is None:
            values = {focus}
        elif focus in data.ontology_subjects:
            return False  # its values would include the ontology's triples: left to pySHACL
        else:
            values = set(data.index.objects(focus, self.path))
        if len(values) < self.min_count or (self.max_count is not None and len(values) > self.max_count):
            return False
        return all(h in values for h in self.has_values) and all(
            all(test(data, v) for test in self.tests)
            and all(p.holds(data, v) for p in self.properties)
            and all(any(s.holds(data, v) for s in shapes) for shapes in self.any_of)
            for v in values
        )


@dataclass(frozen=True)
class TargetedShape:
    classes: frozenset[Node]  # the target classes and every class below them
    shape: Shape
    queries: tuple[SparqlConstraint, ...]  # a row for a focus node is a violation

    def focus_nodes(self, data: Data) -> set[Node]:
        return {s for cls in self.classes for s in data.index.subjects(RDF.type, cls)}


class QuickCheck:
    def __init__(self, shapes_graph: Graph, ontology_graph: Graph) -> None:
        self.superclasses = _superclasses(ontology_graph)
        self.ontology_subjects = frozenset(ontology_graph.subjects())
        try:
            _only_class_targets(shapes_graph)
            self.shapes: tuple[TargetedShape, ...] | None = tuple(
                self._targeted(shapes_graph, ontology_graph, node)
                for node in set(shapes_graph.subjects(SH.targetClass, None))
            )
        except Unsupported:
            self.shapes = None

    def conforms(self, graph: Graph) -> bool:
        """True only if pySHACL finds the graph conforming; False when it may not."""
        if self.shapes is None or (None, RDFS.subClassOf, None) in graph:
            return False  # a class hierarchy of the data's own is left to pySHACL
        data = Data(TripleIndex(graph), self.superclasses, self.ontology_subjects)
        for targeted in self.shapes:
            focus = targeted.focus_nodes(data)
            if not all(targeted.shape.holds(data, f) for f in focus):
                return False
            for query in targeted.queries:
                if any(this in focus for this in query.violating(data.index)):
                    return False
        return True

    def _targeted(self, sg: Graph, og: Graph, node: Node) -> TargetedShape:
        targets = set(sg.objects(node, SH.targetClass))
        below = targets | {c for c, above in self.superclasses.items() if targets & above}
        if any((None, RDF.type, c) in og for c in below):
            raise Unsupported("the ontology has instances the shapes target")  # pySHACL would check them too
        queries = tuple(_query(sg, og, q) for q in sg.objects(node, SH.sparql))
        return TargetedShape(frozenset(below), _shape(sg, node, self.superclasses), queries)


def _only_class_targets(sg: Graph) -> None:
    """Shapes are found by sh:targetClass: any other kind of target, implicit ones included (a shape that is also a
    class), would leave shapes unchecked here."""
    for target in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
        if (None, target, None) in sg:
            raise Unsupported(f"shapes targeted by {target}")
    if any((None, RDF.type, cls) in sg for cls in (RDFS.Class, OWL.Class)):
        raise Unsupported("shapes that are classes (implicit targets)")


def _superclasses(og: Graph) -> dict[Node, frozenset[Node]]:
    classes = set(og.subjects(RDF.type, None)) | set(og.subjects(RDFS.subClassOf, None))
    return {c: frozenset(s for s in og.transitive_objects(c, RDFS.subClassOf) if s is not None) for c in classes}


def _shape(sg: Graph, node: Node, superclasses: dict[Node, frozenset[Node]]) -> Shape:
    unknown = set(sg.predicates(node)) - KNOWN
    if unknown:
        raise Unsupported(f"unknown SHACL terms {unknown}")
    path = sg.value(node, SH.path)
    if path is not None and not isinstance(path, URIRef):
        raise Unsupported("a path that is not one IRI")
    return Shape(
        path=path,
        min_count=_int(sg.value(node, SH.minCount)) or 0,
        max_count=_int(sg.value(node, SH.maxCount)),
        has_values=tuple(sg.objects(node, SH.hasValue)),
        tests=tuple(_tests(sg, node, superclasses)),
        properties=tuple(_shape(sg, p, superclasses) for p in sg.objects(node, SH.property)),
        any_of=tuple(tuple(_shape(sg, s, superclasses) for s in Collection(sg, o)) for o in sg.objects(node, SH["or"])),
    )


def _int(value: Node | None) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def _tests(sg: Graph, node: Node, superclasses: dict[Node, frozenset[Node]]) -> Iterator[Test]:
    for datatype in sg.objects(node, SH.datatype):
        yield partial(_has_datatype, datatype)
    for length in sg.objects(node, SH.minLength):
        yield partial(_long_enough, int(length))  # type: ignore[call-overload]
    for pattern in sg.objects(node, SH.pattern):
        yield partial(_matches, re.compile(str(pattern)))
    for members in sg.objects(node, SH["in"]):
        yield partial(_one_of, frozenset(m for m in Collection(sg, members) if m is not None))
    for cls in sg.objects(node, SH["class"]):
        yield partial(_instance_of, cls)
    for bound in sg.objects(node, SH.minInclusive):
        yield partial(_at_least, bound)
    for bound in sg.objects(node, SH.maxInclusive):
        yield partial(_at_most, bound)


def _has_datatype(datatype: Node, _: Data, v: Node) -> bool:
    if not isinstance(v, Literal) or getattr(v, "ill_typed", False):
        return False
    plain_string = datatype == XSD.string and v.datatype is None and v.language is None
    if v.datatype != datatype and not plain_string:
        return False
    if datatype not in PYTHON_VALUE:
        return datatype not in (XSD.float, XSD.boolean, XSD.time, XSD.dateTime)  # pySHACL checks these: left to it
    return isinstance(v.value, PYTHON_VALUE[datatype]) and not isinstance(v.value, NOT_THE_VALUE.get(datatype, ()))


def _long_enough(length: int, _: Data, v: Node) -> bool:
    return isinstance(v, URIRef | Literal) and len(str(v)) >= length


def _matches(pattern: re.Pattern[str], _: Data, v: Node) -> bool:
    return isinstance(v, URIRef | Literal) and pattern.search(str(v)) is not None


def _one_of(allowed: frozenset[Node], _: Data, v: Node) -> bool:
    return v in allowed


def _instance_of(cls: Node, data: Data, v: Node) -> bool:
    return not isinstance(v, Literal) and data.is_instance(v, cls)


def _at_least(bound: Node, _: Data, v: Node) -> bool:
    return _numbers(v, bound) and v.value >= bound.value  # type: ignore[attr-defined]


def _at_most(bound: Node, _: Data, v: Node) -> bool:
    return _numbers(v, bound) and v.value <= bound.value  # type: ignore[attr-defined]


def _numbers(*literals: Node) -> bool:
    return all(
        isinstance(x, Literal) and isinstance(x.value, int | Decimal | float) and not isinstance(x.value, bool)
        for x in literals
    )


def _query(sg: Graph, og: Graph, constraint: Node) -> SparqlConstraint:
    unknown = set(sg.predicates(constraint)) - {SH.select, SH.message, SH.prefixes, RDF.type}
    if unknown:
        raise Unsupported(f"unknown SPARQL constraint terms {unknown}")
    namespaces = {
        str(sg.value(d, SH.prefix)): str(sg.value(d, SH.namespace))
        for p in sg.objects(constraint, SH.prefixes)
        for d in sg.objects(p, SH.declare)
    }
    query = compile_constraint(prepareQuery(str(sg.value(constraint, SH.select)), initNs=namespaces))
    # Run once over the data alone, the query's pattern must use only predicates the ontology never uses: then the
    # ontology pySHACL mixes in adds no row. Pre-binding $this to a focus node, as pySHACL does, then selects
    # exactly the rows with that $this.
    if any((None, p, None) in og for _, p, _ in query.patterns):
        raise Unsupported("a SPARQL constraint that could match the ontology's triples")
    return query


@lru_cache(maxsize=1)
def quick_check() -> QuickCheck:
    return QuickCheck(shapes(), ontology())


def surely_conforms(graph: Graph) -> bool:
    """True only when pySHACL would find the graph conforming to the shapes."""
    return quick_check().conforms(graph)
