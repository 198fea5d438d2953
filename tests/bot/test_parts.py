"""Questions asking for several things: split into parts (bot/parts.py), each part's evidence picked and the answers
put side by side, added up or compared (bot/combine.py)."""

from __future__ import annotations

import neo4j
import pytest

from policykg.bot.answer import Bot
from policykg.bot.combine import Part, combine, listed_total
from policykg.bot.facts import Evidence
from policykg.bot.need import analyse_need
from policykg.bot.parts import ratio, split
from policykg.bot.rank import Sentence, rank
from policykg.bot.reader import Evidenced, spans_for


def test_parts_joined_by_particles_commas_or_dots_become_one_question_each() -> None:
    each = split("해양 드론 예산은 지난해와 내년에 각각 얼마?")
    assert each and each.mode == "each" and each.items == ("지난해", "내년")
    assert each.questions == ("해양 드론 예산은 지난해에 얼마?", "해양 드론 예산은 내년에 얼마?")
    kinds = split("드론 학교에 주는 드론 기종이랑 수량은?")
    assert kinds and kinds.questions == ("드론 학교에 주는 드론 기종은?", "드론 학교에 주는 드론 수량은?")
    summed = split("드론 예산에서 연구, 교육, 시설 세 분야를 합치면 얼마야?")
    assert summed and summed.mode == "sum" and summed.items == ("연구", "교육", "시설")
    shared = split("해양·항공·육상 드론 사업을 모두 합치면 얼마?")
    assert shared and shared.questions[0] == "해양 드론 사업 얼마야?"
    larger = split("드론 학교 예산이랑 드론 센터 예산 중 어느 쪽이 더 커?")
    assert larger and larger.mode == "more" and larger.items == ("예산", "드론 센터 예산")


def test_a_share_of_one_figure_in_another_is_two_questions_and_a_division() -> None:
    share = ratio("드론청의 올해 출자액은 드론 센터 총 출자 계획의 몇 % 수준이야?")
    assert share and share.mode == "ratio"
    assert share.questions == ("드론청의 올해 출자액 얼마야?", "드론 센터 총 출자 계획 얼마야?")
    assert ratio("드론팀은 세계 최고 모델 대비 몇 % 성능이 목표야?") is None  # a stated figure, no division
    sentences = ["드론청은 올해 출자액을 20억원으로 정했다.", "드론 센터 총 출자 계획은 400억원이다."]
    read = [_part(i, q, sentences) for i, q in zip(share.items, share.questions, strict=True)]
    answer = combine("…", share, read)
    assert answer and answer.answer.startswith("약 5%입니다 (20억 원 ÷ 400억 원).")


def test_a_question_that_names_two_bodies_as_its_subject_is_not_split() -> None:
    assert split("드론청과 해양청이 함께 만든 센터 이름은?") is None
    assert split("드론 학교 예산은 얼마야?") is None


def _part(item: str, question: str, sentences: list[str]) -> Part:
    need = analyse_need(question)
    evidence = [Sentence(f"s{i}", text, i, context=text) for i, text in enumerate(sentences)]
    ranked = rank(evidence, {s.key: spans_for(s.text, need) for s in evidence}, need)
    cites = {s.key: Evidence(s.text, 0, len(s.text), "a1", "드론 소식", None, None, None) for s in evidence}
    return Part(item, item, ranked, cites, need.type)


def test_each_part_takes_the_figure_its_own_clause_names_and_sums_are_exact() -> None:
    sentences = ["해양 드론 예산은 지난해 120억원에서 내년 200억원으로 늘었다."]
    question = "해양 드론 예산은 지난해와 내년에 각각 얼마?"
    parts = split(question)
    assert parts
    read = [_part(i, q, sentences) for i, q in zip(parts.items, parts.questions, strict=True)]
    answer = combine(question, parts, read)
    assert answer and answer.answer.splitlines()[0] == "지난해 120억 원, 내년 200억 원입니다. [1]"
    summed = split("해양 드론 예산에서 지난해랑 내년 합치면 얼마?")
    assert summed
    read = [_part(i, q, sentences) for i, q in zip(summed.items, summed.questions, strict=True)]
    total = combine("…", summed, read)
    assert total and total.answer.startswith("합계 320억 원입니다. [1]")


def test_the_total_of_as_many_listed_figures_as_the_question_counts_is_their_exact_sum() -> None:
    sentences = ["내년 드론 신규 사업은 해양 순찰(12억원), 산림 감시(7억 5000만원), 배송 실증(30억원)이다."]
    question = "드론 신규 사업 세 개의 내년 예산 합계는?"
    need = analyse_need(question)
    evidence = [Sentence(f"s{i}", text, i, context=text) for i, text in enumerate(sentences)]
    ranked = rank(evidence, {s.key: spans_for(s.text, need) for s in evidence}, need)
    cites = {s.key: Evidence(s.text, 0, len(s.text), "a1", "드론 소식", None, None, None) for s in evidence}
    answer = listed_total(question, need, Evidenced(sentences=evidence, cites=cites), ranked)
    assert answer and answer.answer.splitlines()[0].startswith("합계 49억 5000만 원입니다")
    # a count the sentence's figures do not match is no total of them
    two = analyse_need("드론 신규 사업 두 개의 내년 예산 합계는?")
    assert (
        listed_total(
            "드론 신규 사업 두 개의 내년 예산 합계는?", two, Evidenced(sentences=evidence, cites=cites), ranked
        )
        is None
    )


@pytest.fixture(scope="module")
def bot(loaded: neo4j.Driver) -> Bot:
    return Bot(loaded)


def test_the_bot_answers_each_part_with_its_citation(bot: Bot) -> None:
    each = bot.ask("광주 인공지능 집적단지 2단계 재원에서 국비와 시비는 각각 얼마야?")
    first = each.answer.splitlines()[0]
    assert first.startswith("국비 4000억 원, 시비 1200억 원입니다.") and each.citations
    assert each.resolved and " / " in each.resolved
    assert all("4000억원" in c.quote or "1200억원" in c.quote for c in each.citations)
    total = bot.ask("광주 인공지능 집적단지 2단계 재원에서 국비랑 시비 합치면 얼마야?")
    assert total.answer.startswith("합계 5200억 원입니다.")
