"""Write ontology/vocab.py and ontology/neo4j_names.py from ontology/policykg.ttl:
`python -m policykg.ontology.generate_vocab`.

vocab.py's class is an rdflib DefinedNamespace, so a misspelt term raises instead of minting a new IRI.
neo4j_names.py holds the Neo4j labels, relationship types and property keys of the ontology's mapping as
constants named by themselves, so Cypher built from them reads as Cypher and a misspelt name raises.
"""

from __future__ import annotations

import keyword
from pathlib import Path

from rdflib import Graph, URIRef

from policykg.ontology.mapping import Neo4jMapping, neo4j_mapping
from policykg.ontology.schema import ONTOLOGY_FILE, PKG_NS

VOCAB_FILE = Path(__file__).with_name("vocab.py")
NAMES_FILE = Path(__file__).with_name("neo4j_names.py")

# Names the loader adds to what the ontology maps (they are no RDF data, so the ontology cannot state them),
# each with why it exists.
LOADER_LABELS = {
    "Resource": "every node loaded from RDF carries it; its `iri` is unique",
    "PolicykgMeta": "bookkeeping (which embedder built the vector index); never exported",
}
LOADER_PROPERTIES = {
    "iri": "the node's IRI, so RDF round-trips",
    "key": "a PolicykgMeta entry's name",
    "tokens": "a sentence's Kiwi morphemes for the whitespace full-text index",
    "embedding": "a sentence's vector for the vector index",
    "value_exact": "an amount's exact decimal beside its number `value` (graph/rows.py)",
}


def terms(graph: Graph) -> list[str]:
    names = {str(s)[len(PKG_NS) :] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(PKG_NS)}
    return sorted(n for n in names if n)


def render(graph: Graph) -> str:
    lines = [
        '"""Generated from ontology/policykg.ttl by generate_vocab.py: do not edit by hand."""',
        "",
        "from rdflib import URIRef",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "",
        "",
        "class PKG(DefinedNamespace):",
        '    """The policykg ontology. Using a term that is not defined raises AttributeError."""',
        "",
        "    _fail = True",
    ]
    lines += [f"    {name}: URIRef" for name in terms(graph)]
    lines += ["", f'    _NS = Namespace("{PKG_NS}")', ""]
    return "\n".join(lines)


def _constants(doc: str, mapped: set[str], loader: dict[str, str]) -> list[str]:
    lines = [f'    """{doc}"""', ""]
    for name in sorted(mapped | loader.keys()):
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError(f"{name!r} cannot be a Python constant; rename it in the ontology")
        lines.append(f'    {name}: Final = "{name}"' + (f"  # loader: {loader[name]}" if name in loader else ""))
    return lines


def render_names(mapping: Neo4jMapping) -> str:
    lines = [
        '"""Generated from the Neo4j mapping in ontology/policykg.ttl by generate_vocab.py: do not edit by hand.',
        "",
        "Each constant is named by its own value, so a Cypher f-string built from them reads as the Cypher it sends.",
        '"""',
        "",
        "from typing import Final",
        "",
        "",
        "class Label:",
        *_constants("Node labels (pkg:neo4jLabel).", set(mapping.labels.values()), LOADER_LABELS),
        "",
        "",
        "class Rel:",
        *_constants("Relationship types (pkg:neo4jType).", set(mapping.relationships.values()), {}),
        "",
        "",
        "class Prop:",
        *_constants(
            "Node property keys (pkg:neo4jProperty).", {p.key for p in mapping.properties.values()}, LOADER_PROPERTIES
        ),
        "",
    ]
    return "\n".join(lines)


def rendered() -> dict[Path, str]:
    """Each generated file with the text it should have now."""
    graph = Graph().parse(ONTOLOGY_FILE)
    return {VOCAB_FILE: render(graph), NAMES_FILE: render_names(neo4j_mapping())}


def main() -> None:
    for path, text in rendered().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
