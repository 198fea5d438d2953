"""Every label, relationship type and property key in graph/cypher.py's statements is one the ontology's
mapping (or the loader) defines: a misspelt name in Cypher matches nothing instead of failing, so it fails here."""

from __future__ import annotations

import re

import pytest

from policykg.graph import cypher
from policykg.ontology.neo4j_names import Label, Prop, Rel

STATEMENTS = {name: value for name, value in vars(cypher).items() if name.isupper() and isinstance(value, str)}
_QUOTED = re.compile(r"'[^']*'|`[^`]*`")  # index names, analyzers, option keys: not graph names
_REL_TYPES = re.compile(r"\[\w*:([\w|]+)\]")  # -[:TYPE]-> or -[r:A|B]->
_LABELS = re.compile(r"\b\w+:(\w+(?:[:|]\w+)*)")  # (n:A:B), (n:A|B), WHERE n:A (map entries have 'key: value')
_NODE_VARIABLES = re.compile(r"\((\w+)|YIELD (\w+)")  # (n…) and procedure results; function args add no harm
_PATTERN_KEYS = re.compile(r"\(\w*:[\w:|]+ \{(\w+):")  # (n:Label {key: …})
_ACCESS = re.compile(r"\b(\w+)\.(\w+)")


def _names(cls: type) -> set[str]:
    return {value for name, value in vars(cls).items() if not name.startswith("_")}


def unknown_names(statement: str) -> list[str]:
    """The labels, relationship types and property keys `statement` uses that neo4j_names does not define."""
    text = _QUOTED.sub("''", statement)
    rel_types = {t for group in _REL_TYPES.findall(text) for t in group.split("|")}
    text = _REL_TYPES.sub("[]", text)
    labels = {label for group in _LABELS.findall(text) for label in re.split(r"[:|]", group)}
    variables = {v for pair in _NODE_VARIABLES.findall(text) for v in pair if v}
    keys = set(_PATTERN_KEYS.findall(text)) | {key for var, key in _ACCESS.findall(text) if var in variables}
    return sorted(
        [f"[:{t}]" for t in rel_types - _names(Rel)]
        + [f":{label}" for label in labels - _names(Label)]
        + [f".{key}" for key in keys - _names(Prop)]
    )


@pytest.mark.parametrize("name", sorted(STATEMENTS))
def test_statement_uses_only_mapped_names(name: str) -> None:
    assert not unknown_names(STATEMENTS[name])


def test_a_misspelt_name_is_caught() -> None:
    query = "MATCH (f:FundingFakt)-[:FOR_PROGRAM]->(p:Programme {nmae: $n}) RETURN p.name, f.fiscal_yaer"
    assert unknown_names(query) == [".fiscal_yaer", ".nmae", ":FundingFakt", "[:FOR_PROGRAM]"]
