"""Literals in their canonical lexical form, so a graph written as Turtle and read back is identical."""

from __future__ import annotations

from decimal import Decimal

from rdflib import XSD, Literal


def decimal_literal(value: Decimal | int | str) -> Literal:
    """xsd:decimal in canonical form: '11000000000.0', '9.5' (never an exponent). Turtle writers print
    decimals this way, so using it from the start keeps round trips isomorphic."""
    d = Decimal(str(value))
    text = f"{d.quantize(Decimal(1))}.0" if d == d.to_integral_value() else format(d.normalize(), "f")
    return Literal(text, datatype=XSD.decimal)
