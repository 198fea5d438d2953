"""The registry resolves names, abbreviations and former names of Korean bodies to one IRI each."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from policykg.ontology.registry import name_key, registry
from policykg.ontology.schema import registry_graph
from policykg.ontology.validate import validate
from policykg.ontology.vocab import PKG


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("과기부", "과학기술정보통신부"),
        ("과기정통부", "과학기술정보통신부"),
        ("MSIT", "과학기술정보통신부"),
        ("미래창조과학부", "과학기술정보통신부"),
        ("SKT", "SK텔레콤"),
        ("NIPA", "정보통신산업진흥원"),
        ("한국정보화진흥원", "한국지능정보사회진흥원"),
        ("KOSA", "한국인공지능·소프트웨어산업협회"),
        ("AI·소프트웨어산업협회", "한국인공지능·소프트웨어산업협회"),
        ("과방위", "과학기술정보방송통신위원회"),
        ("독파모", "독자 AI 파운데이션 모델 프로젝트"),
        ("월드베스트 LLM", "World Best LLM 프로젝트"),
        ("조특법", "조세특례제한법"),
    ],
)
def test_alias_resolves_to_the_canonical_iri(alias: str, canonical: str) -> None:
    reg = registry()
    by_alias, by_name = reg.resolve(alias), reg.resolve(canonical)
    assert by_alias is not None and by_name is not None
    assert by_alias.iri == by_name.iri and by_alias.name == canonical


def test_spacing_case_and_company_marks_do_not_matter() -> None:
    reg = registry()
    assert reg.resolve("네이버 클라우드") == reg.resolve("네이버클라우드") == reg.resolve("naver cloud")
    assert reg.resolve("㈜카카오") == reg.resolve("카카오")
    assert name_key("과학기술 정보통신부") == name_key("과학기술정보통신부")


def test_distinct_entities_sharing_a_substring_stay_distinct() -> None:
    reg = registry()
    assert reg.resolve("네이버").iri != reg.resolve("네이버클라우드").iri  # type: ignore[union-attr]
    assert reg.resolve("NC AI").iri != reg.resolve("엔씨소프트").iri  # type: ignore[union-attr]


def test_unknown_name_resolves_to_nothing() -> None:
    assert registry().resolve("가상의 미래기술처") is None


def test_registry_has_no_ambiguous_names_and_covers_the_field() -> None:
    reg = registry()
    assert not reg.ambiguous
    by_class: dict[URIRef, int] = {}
    for entry in reg.entries.values():
        by_class[entry.cls] = by_class.get(entry.cls, 0) + 1
    assert by_class[PKG.Ministry] >= 35 and by_class[PKG.PublicAgency] >= 15 and by_class[PKG.Company] >= 40
    msit = reg.resolve("과학기술정보통신부")
    assert msit and msit.english == "Ministry of Science and ICT"
    nipa = reg.resolve("NIPA")
    assert nipa and nipa.parent == msit.iri
    assert all(e.parent in reg.entries for e in reg.entries.values() if e.parent), "parents are registry entries"


def test_registry_is_valid_rdf_under_the_shapes() -> None:
    result = validate(registry_graph())
    assert result.conforms, result.text
