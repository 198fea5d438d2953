"""Write ontology/vocab.py from ontology/policykg.ttl: `python -m policykg.ontology.generate_vocab`.

The generated class is an rdflib DefinedNamespace, so a misspelt term raises instead of minting a new IRI.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

from policykg.ontology.schema import ONTOLOGY_FILE, PKG_NS

VOCAB_FILE = Path(__file__).with_name("vocab.py")


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


def main() -> None:
    VOCAB_FILE.write_text(render(Graph().parse(ONTOLOGY_FILE)), encoding="utf-8")
    print(f"wrote {VOCAB_FILE}")


if __name__ == "__main__":
    main()
