"""The IRI policy read back: an entity's IRI gives its kind and the name it was minted from."""

from __future__ import annotations

from policykg.ontology.iris import kind_of, mint_iri, name_of


def test_an_entity_iri_gives_back_its_kind_and_name() -> None:
    iri = mint_iri("programme", "해양 드론 혁신펀드")
    assert (kind_of(iri), name_of(iri)) == ("programme", "해양 드론 혁신펀드")
    assert kind_of("https://example.org/other/thing") == ""
