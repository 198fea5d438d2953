"""SHACL accepts well-formed graphs and rejects the mistakes that would break provenance or arithmetic."""

from __future__ import annotations

from rdflib import Literal, URIRef

from policykg.ontology.schema import ID
from policykg.ontology.validate import validate
from policykg.ontology.vocab import PKG
from tests.ontology.sample_graph import build_sample_graph


def test_sample_graph_conforms() -> None:
    result = validate(build_sample_graph())
    assert result.conforms, result.text


def test_fact_without_evidence_is_rejected() -> None:
    g = build_sample_graph()
    g.remove((ID["fact/wbl-transfer"], PKG.evidence, None))
    result = validate(g)
    assert not result.conforms
    assert "evidence" in result.text and "wbl-transfer" in result.text


def test_amount_that_is_not_a_decimal_is_rejected() -> None:
    g = build_sample_graph()
    amount = ID["amount/oss-2026"]
    g.set((amount, PKG.value, Literal("110억원")))
    result = validate(g)
    assert not result.conforms and "decimal" in result.text


def test_amount_without_currency_is_rejected() -> None:
    g = build_sample_graph()
    g.remove((ID["amount/oss-2026"], PKG.currency, None))
    assert not validate(g).conforms


def test_sentence_that_is_not_verbatim_is_rejected() -> None:
    g = build_sample_graph()
    sentence = URIRef(ID["sentence/sample-001/0"])
    g.set((sentence, PKG.text, Literal(str(g.value(sentence, PKG.text)).replace("110억원", "120억원"))))
    result = validate(g)
    assert not result.conforms and "verbatim" in result.text


def test_date_that_is_not_a_date_is_rejected() -> None:
    g = build_sample_graph()
    g.set((ID["article/sample-001"], PKG.published, Literal("11-30 23")))
    assert not validate(g).conforms


def test_unnamed_organisation_is_rejected() -> None:
    g = build_sample_graph()
    g.remove((ID["org/upstage"], PKG.name, None))
    result = validate(g)
    assert not result.conforms and "upstage" in result.text


def test_the_summary_a_reader_sees_gives_the_verdict_in_korean_before_the_report() -> None:
    assert (
        validate(build_sample_graph())
        .summary()
        .startswith("그래프가 SHACL 형상을 모두 따릅니다 (the graph conforms to the SHACL shapes)\n\n")
    )
    g = build_sample_graph()
    g.remove((ID["fact/wbl-transfer"], PKG.evidence, None))
    result = validate(g)
    head, _, report = result.summary().partition("\n\n")
    count = len(result.violations)
    assert (
        head
        == f"그래프가 SHACL 형상을 어깁니다: 위반 {count}건, 아래 보고서 참고 (the graph violates the SHACL shapes)"
    )
    assert report == result.text and "wbl-transfer" in report
