"""The evaluation's matching rules, without Neo4j: a figure counts only when stated as itself."""

from __future__ import annotations

from policykg.bot.evaluate import judge, states
from policykg.bot.models import Answer, Citation


def test_a_figure_is_not_found_inside_a_longer_number() -> None:
    assert states("10억", "10억 원입니다.")
    assert states("1조8000억", "1조 8,000억 원입니다.")
    assert not states("10억", "110억 원입니다.")
    assert not states("2026", "20261건")
    assert not states("1.5조", "21.5조 원")
    assert not states("", "아무 문장")


def _answer(first_line: str, quote: str, source: str = "a1") -> Answer:
    citation = Citation(
        n=1, source_id=source, title="t", publisher=None, published=None, url=None, quote=quote, start=0, end=len(quote)
    )
    return Answer(question="q", answer=first_line, abstained=False, citations=[citation], facts=[], cypher=[])


def test_the_cited_sentence_must_state_the_answer() -> None:
    gold = {"id": "x", "question": "q", "expect": [["450억"]], "sources": ["a1"]}
    right = judge(gold, _answer("450억 원입니다. [1]", "사업에 450억원을 지원한다."), 0.0)
    assert right.correct and right.cited and right.quoted
    wrong_sentence = judge(gold, _answer("450억 원입니다. [1]", "사업은 진흥원이 맡는다."), 0.0)
    assert wrong_sentence.correct and wrong_sentence.cited and not wrong_sentence.quoted
    wrong_article = judge(gold, _answer("450억 원입니다. [1]", "사업에 450억원을 지원한다.", "a2"), 0.0)
    assert not wrong_article.cited and not wrong_article.quoted
    bigger = judge(gold, _answer("1450억 원입니다. [1]", "사업에 1450억원을 지원한다."), 0.0)
    assert not bigger.correct
