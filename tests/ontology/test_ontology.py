"""The ontology parses, labels and defines every term, aligns with standard vocabularies and states the
Neo4j mapping once."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.namespace import SKOS

from policykg.ontology import generate_vocab
from policykg.ontology.mapping import neo4j_mapping
from policykg.ontology.schema import PKG_NS, ontology
from policykg.ontology.vocab import PKG

TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


def _terms(kind: URIRef) -> list[URIRef]:
    return [s for s in ontology().subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(PKG_NS)]


def test_every_term_has_korean_and_english_labels_and_a_definition() -> None:
    g = ontology()
    problems = []
    for kind in TERM_TYPES:
        for term in _terms(kind):
            langs = {lbl.language for lbl in g.objects(term, RDFS.label)}
            if not {"ko", "en"} <= langs or g.value(term, SKOS.definition) is None:
                problems.append(term)
    assert not problems
    assert len(_terms(OWL.Class)) >= 40 and len(_terms(OWL.ObjectProperty)) >= 30


def test_every_class_is_aligned_with_a_standard_vocabulary() -> None:
    g = ontology()
    standard = (
        "https://schema.org/",
        "http://www.w3.org/ns/org#",
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/2006/time#",
        "http://xmlns.com/foaf/0.1/",
    )
    unaligned = [
        c
        for c in _terms(OWL.Class)
        if not any(str(p).startswith(standard) for p in g.transitive_objects(c, RDFS.subClassOf))
    ]
    assert not unaligned
    assert (PKG.GovernmentBody, RDFS.subClassOf, URIRef("https://schema.org/GovernmentOrganization")) in g
    assert (PKG.evidence, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in g


def test_neo4j_mapping_is_complete_and_unambiguous() -> None:
    m = neo4j_mapping()
    classes = [c for c in _terms(OWL.Class)]
    assert set(classes) == set(m.labels), "every class has exactly one node label"
    assert len(set(m.labels.values())) == len(m.labels)
    for prop in _terms(OWL.ObjectProperty):
        assert (prop in m.relationships) != (prop in m.properties), f"{prop} maps to one relationship or property"
    assert set(_terms(OWL.DatatypeProperty)) <= set(m.properties)
    assert len({p.key for p in m.properties.values()}) == len(m.properties), "property keys are unique"
    assert m.node_labels(PKG.Ministry) == ["Ministry", "GovernmentBody", "Organization", "Agent"]
    assert m.class_for_labels({"FundingFact", "Fact"}) == PKG.FundingFact
    assert m.concepts["likely"] == PKG.likely and m.properties[PKG.modality].concept


@pytest.mark.parametrize(
    ("path", "text"), [pytest.param(path, text, id=path.name) for path, text in generate_vocab.rendered().items()]
)
def test_generated_modules_match_the_ontology(path: Path, text: str) -> None:
    assert text == path.read_text(encoding="utf-8"), "run `python -m policykg.ontology.generate_vocab`"


def test_misspelt_vocabulary_term_raises() -> None:
    with pytest.raises(AttributeError):
        PKG.FundingFakt  # noqa: B018


def test_diagram_draws_every_class_and_main_relation() -> None:
    from policykg.ontology.diagram import to_dot

    dot = to_dot(ontology())
    assert all(f'"{str(c)[len(PKG_NS) :]}" [label=' in dot for c in _terms(OWL.Class))
    assert '"FundingFact" -> "MonetaryAmount" [label="amount"' in dot
