"""Draw the class hierarchy and main relations as Graphviz DOT: `python -m policykg.ontology.diagram DIR`
writes ontology.dot and, when Graphviz's `dot` is installed, ontology.svg and ontology.png."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from policykg.ontology.schema import PKG_NS, ontology
from policykg.ontology.vocab import PKG


def _local(term: Node | None) -> str:
    return str(term)[len(PKG_NS) :]


def _is_pkg(term: object) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(PKG_NS)


def to_dot(graph: Graph) -> str:
    lines = [
        "digraph policykg {",
        "  rankdir=LR; splines=true; nodesep=0.25; ranksep=0.6;",
        '  node [shape=box, style="rounded,filled", fillcolor="#eef3fb", fontname="NanumGothic", fontsize=10];',
        '  edge [fontname="NanumGothic", fontsize=8];',
    ]
    for cls in sorted((c for c in graph.subjects(RDF.type, OWL.Class) if _is_pkg(c)), key=str):
        labels = [lbl for lbl in graph.objects(cls, RDFS.label) if isinstance(lbl, Literal)]
        ko = next((str(lbl) for lbl in labels if lbl.language == "ko"), "")
        fill = ' fillcolor="#fdf2e3"' if (cls, RDFS.subClassOf, PKG.Fact) in graph or cls == PKG.Fact else ""
        lines.append(f'  "{_local(cls)}" [label="{_local(cls)}\\n{ko}"{fill}];')
        for parent in graph.objects(cls, RDFS.subClassOf):
            if _is_pkg(parent):
                lines.append(
                    f'  "{_local(cls)}" -> "{_local(parent)}" [arrowhead=onormal, style=dashed, color="#888888"];'
                )
    for prop in sorted((p for p in graph.subjects(RDF.type, OWL.ObjectProperty) if _is_pkg(p)), key=str):
        domain, rng = graph.value(prop, RDFS.domain), graph.value(prop, RDFS.range)
        if _is_pkg(domain) and _is_pkg(rng):
            lines.append(f'  "{_local(domain)}" -> "{_local(rng)}" [label="{_local(prop)}", color="#2f5d9b"];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(out_dir: str = "docs") -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    dot_file = out / "ontology.dot"
    dot_file.write_text(to_dot(ontology()), encoding="utf-8")
    dot = shutil.which("dot")
    if dot is None:
        print(f"wrote {dot_file}; install Graphviz (apt-get install graphviz) to render it")
        return
    for fmt in ("svg", "png"):
        subprocess.run([dot, f"-T{fmt}", "-Gdpi=110", str(dot_file), "-o", str(out / f"ontology.{fmt}")], check=True)
    print(f"wrote {out}/ontology.dot, .svg and .png")


if __name__ == "__main__":
    main(*sys.argv[1:])
