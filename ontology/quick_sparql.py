"""The SPARQL constraints of the quick check (ontology/quick_check.py), run in plain Python over an index of the
data graph.

rdflib's SPARQL engine took about 4 ms per seed article for the one constraint of shapes.ttl (a sentence's text is
the body between its offsets), most of it re-reading the filter's expression tree for each row. Here the query's
basic graph pattern is joined over the index and its filter is compiled once into Python functions that follow
rdflib's operators for the values they accept: integers and plain strings. Any other value makes the row count as
a violation, so the graph goes to pySHACL; a query or filter using anything else is not judged here at all.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from rdflib import XSD, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

Row = Mapping[Node, Node]  # a variable → the node bound to it
Value = int | str | bool
Evaluate = Callable[[Row], Value]

# The comparisons the compiled filter makes itself: any on two integers, = and != on two strings too.
COMPARISONS: dict[str, Callable[[Value, Value], bool]] = {
    "=": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}


class Unsupported(Exception):
    """The shapes use a SHACL or SPARQL feature the quick check does not judge."""


class Unknown(Exception):
    """A value the compiled filter does not judge: the row may be a violation, left to pySHACL."""


class TripleIndex:
    """The data graph's triples by subject and predicate, by predicate and object, and by predicate, read once:
    rdflib's store answers each look-up through several layers of generators."""

    def __init__(self, graph: Graph) -> None:
        self.objects_of: dict[tuple[Node, Node], list[Node]] = {}
        self.subjects_of: dict[tuple[Node, Node], list[Node]] = {}
        self.pairs_of: dict[Node, list[tuple[Node, Node]]] = {}
        for s, p, o in graph:
            self.objects_of.setdefault((s, p), []).append(o)
            self.subjects_of.setdefault((p, o), []).append(s)
            self.pairs_of.setdefault(p, []).append((s, o))

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        return self.objects_of.get((subject, predicate), [])

    def subjects(self, predicate: Node, obj: Node) -> list[Node]:
        return self.subjects_of.get((predicate, obj), [])


@dataclass(frozen=True)
class SparqlConstraint:
    """A SELECT of $this over one basic graph pattern (subject and object terms are variables or constants, every
    predicate an IRI), kept where every filter holds."""

    patterns: tuple[tuple[Node, URIRef, Node], ...]
    filters: tuple[Evaluate, ...]

    def violating(self, index: TripleIndex) -> Iterator[Node]:
        """$this of each row: a focus node that may fail the constraint."""
        for row in self._rows(index, {}, list(self.patterns)):
            try:
                keep = all(_truth(f(row)) for f in self.filters)
            except Unknown:
                keep = True
            if keep:
                yield row[THIS]

    def _rows(self, index: TripleIndex, row: dict[Node, Node], todo: list[tuple[Node, URIRef, Node]]) -> Iterator[Row]:
        if not todo:
            yield row
            return
        # A pattern whose subject is known first: the join then follows links instead of scanning a predicate.
        s, p, o = pattern = next((t for t in todo if _term(t[0], row) is not None), todo[0])
        rest = [t for t in todo if t is not pattern]
        subject = _term(s, row)
        pairs = [(subject, x) for x in index.objects(subject, p)] if subject is not None else index.pairs_of.get(p, [])
        for s_value, o_value in pairs:
            extended = _bind(_bind(row, s, s_value), o, o_value)
            if extended is not None:
                yield from self._rows(index, extended, rest)


THIS = Variable("this")


def _term(term: Node, row: Row) -> Node | None:
    """The node a pattern's term stands for in the row, None for a variable not bound yet."""
    return row.get(term) if isinstance(term, Variable) else term


def _bind(row: dict[Node, Node] | None, term: Node, value: Node) -> dict[Node, Node] | None:
    """The row with `term` matched to `value`, None when it cannot match."""
    if row is None:
        return None
    known = _term(term, row)
    if known is None:
        return {**row, term: value}
    return row if known == value else None


def compile_constraint(query: Query) -> SparqlConstraint:
    """SelectQuery → Project($this) → Filter* → BGP; anything else is Unsupported."""
    select = query.algebra
    project = select.p
    if select.name != "SelectQuery" or project.name != "Project" or list(project.PV) != [THIS]:
        raise Unsupported("a SPARQL constraint that is not a SELECT of $this alone")
    part, filters = project.p, []
    while isinstance(part, CompValue) and part.name == "Filter":
        filters.append(_compile(part.expr))
        part = part.p
    if not isinstance(part, CompValue) or part.name != "BGP":
        raise Unsupported(f"SPARQL algebra {getattr(part, 'name', part)}")
    patterns = tuple(part.triples)
    for s, p, o in patterns:
        if not isinstance(p, URIRef) or not all(isinstance(t, Variable | URIRef | Literal) for t in (s, o)):
            raise Unsupported("a triple pattern with a blank node or a variable predicate")
    if not any(THIS in (s, o) for s, _, o in patterns):
        raise Unsupported("a SPARQL constraint whose pattern does not bind $this")
    return SparqlConstraint(patterns, tuple(filters))


def _compile(expr: object) -> Evaluate:
    if isinstance(expr, Variable):
        return lambda row: _value(row.get(expr))
    if isinstance(expr, Literal):
        constant = _value(expr)
        return lambda _: constant
    if not isinstance(expr, CompValue):
        raise Unsupported(f"SPARQL expression {expr!r}")
    if expr.name in ("RelationalExpression", "AdditiveExpression", "ConditionalOrExpression") and not expr.other:
        return _compile(expr.expr)  # rdflib's parser wraps every operand in each precedence level
    compiler = COMPILERS.get(expr.name)
    if compiler is None:
        raise Unsupported(f"SPARQL expression {expr.name}")
    return compiler(expr)


def _value(node: Node | None) -> Value:
    """An xsd:integer literal as its int, a plain literal as its str; anything else is Unknown."""
    if isinstance(node, Literal) and node.language is None:
        if node.datatype is None and isinstance(node.value, str):
            return node.value
        if node.datatype == XSD.integer and type(node.value) is int:
            return node.value
    raise Unknown(node)


def _truth(value: Value) -> bool:
    if isinstance(value, bool):
        return value
    raise Unknown(value)


def _integer(value: Value) -> int:
    if type(value) is int:
        return value
    raise Unknown(value)


def _string(value: Value) -> str:
    if isinstance(value, str):
        return value
    raise Unknown(value)


def _or(expr: CompValue) -> Evaluate:
    parts = [_compile(e) for e in [expr.expr, *expr.other]]
    return lambda row: any(_truth(part(row)) for part in parts)


def _compare(expr: CompValue) -> Evaluate:
    compare = COMPARISONS.get(expr.op)
    if compare is None:
        raise Unsupported(f"SPARQL operator {expr.op}")
    left, right = _compile(expr.expr), _compile(expr.other)
    equality = expr.op in ("=", "!=")

    def evaluate(row: Row) -> bool:
        a, b = left(row), right(row)
        if (type(a) is int and type(b) is int) or (equality and isinstance(a, str) and isinstance(b, str)):
            return compare(a, b)
        raise Unknown((a, b))

    return evaluate


def _add(expr: CompValue) -> Evaluate:
    first = _compile(expr.expr)
    terms = [(op, _compile(term)) for op, term in zip(expr.op, expr.other, strict=True)]

    def evaluate(row: Row) -> int:
        total = _integer(first(row))
        for op, term in terms:
            total = total + _integer(term(row)) if op == "+" else total - _integer(term(row))
        return total

    return evaluate


def _substr(expr: CompValue) -> Evaluate:
    text, start = _compile(expr.arg), _compile(expr.start)
    length = _compile(expr.length) if expr.length is not None else None

    def evaluate(row: Row) -> str:
        # rdflib's Builtin_SUBSTR, which pySHACL runs: a Python slice from start - 1, negative indices and all.
        begin = _integer(start(row)) - 1
        end = _integer(length(row)) + begin if length is not None else None
        return _string(text(row))[begin:end]

    return evaluate


COMPILERS: dict[str, Callable[[CompValue], Evaluate]] = {
    "ConditionalOrExpression": _or,
    "RelationalExpression": _compare,
    "AdditiveExpression": _add,
    "Builtin_SUBSTR": _substr,
}
