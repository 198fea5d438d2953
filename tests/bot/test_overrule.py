"""A graph-fact handler's figure against the reader's ranking of the same question (no Neo4j: facts and sentences
are our own)."""

from decimal import Decimal

from policykg.bot.answer import Result, overruled
from policykg.bot.facts import FactView
from policykg.bot.need import analyse_need
from policykg.bot.rank import Sentence, rank
from policykg.bot.reader import spans_for

SENTENCES = [
    "해양도가 사상 처음으로 국비 5조원 시대를 열었다.",
    "분야별로는 해양 드론 관측 분야에서 국비 120억원을 확보했다.",
]


def _ranked(question: str) -> list:
    need = analyse_need(question)
    evidence = [Sentence(f"s{i}", text, i, context=text) for i, text in enumerate(SENTENCES)]
    return rank(evidence, {s.key: spans_for(s.text, need) for s in evidence}, need)


def _fact(value: str) -> Result:
    return Result(["…"], [FactView("urn:f", "FundingFact", {}, value=Decimal(value), currency="KRW")])


def test_the_reader_overrules_a_handler_figure_it_ranks_far_below_another() -> None:
    ranked = _ranked("해양도 해양 드론 관측 분야 국비 얼마 확보했어?")
    assert ranked[0].span.text == "120억 원"
    assert overruled(_fact("5000000000000"), ranked)


def test_the_handler_keeps_a_figure_the_reader_also_ranks_first_or_never_finds() -> None:
    ranked = _ranked("해양도 해양 드론 관측 분야 국비 얼마 확보했어?")
    assert not overruled(_fact("12000000000"), ranked)
    assert not overruled(_fact("777000000"), ranked)
