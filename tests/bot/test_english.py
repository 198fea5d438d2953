"""English questions are read as the Korean question they ask and answered from the Korean articles."""

from __future__ import annotations

import neo4j
import pytest

from policykg.bot.answer import Bot
from policykg.bot.english import is_english, korean_reading

NAMES = {"NIPA": "정보통신산업진흥원", "Gwangju": "광주광역시", "National AI Strategy Committee": "국가AI전략위원회"}


def names(text: str) -> list[tuple[str, str]]:
    return [(form, name) for form, name in NAMES.items() if form.casefold() in text.casefold()]


@pytest.mark.parametrize(
    ("question", "reading"),
    [
        ("How much will Gwangju invest by 2030?", "광주광역시 투자 2030년 얼마?"),
        ("How many companies did NIPA select?", "정보통신산업진흥원 선정 기업 몇 곳?"),
        ("Who is the second vice minister appointed in June 2025?", "2차관 임명 2025년 6월 누구?"),
        ("When was the National AI Strategy Committee launched?", "국가AI전략위원회 출범 언제?"),
        ("What was the budget of NIPA in 2026?", "정보통신산업진흥원 2026년 예산 무엇?"),
        ("Is NIPA required to add a team?", "정보통신산업진흥원 의무 추가 팀 맞아?"),
        ("How many GPUs will be secured: 10,000?", "확보 1만 GPU 몇 장?"),
        ("How large will the NIPA data center be, in gigawatts?", "정보통신산업진흥원 데이터센터 GW 규모는 얼마?"),
    ],
)
def test_an_english_question_reads_as_the_korean_question_it_asks(question: str, reading: str) -> None:
    assert korean_reading(question, names) == reading


def test_korean_questions_are_not_rewritten() -> None:
    assert not is_english("GPU 몇 장 확보해?") and korean_reading("NIPA 원장은 누구야?", names) is None


@pytest.fixture(scope="module")
def bot(loaded: neo4j.Driver) -> Bot:
    return Bot(loaded)


def test_an_english_question_is_answered_in_korean_with_its_reading_shown(bot: Bot) -> None:
    answer = bot.ask("How many companies did NIPA select for the AI voucher program?")
    assert not answer.abstained and answer.answer.splitlines()[0].startswith("120곳")
    assert answer.resolved is not None and "정보통신산업진흥원" in answer.resolved
    assert any("120곳" in c.quote for c in answer.citations)
    who = bot.ask("Who is the director of NIPA?")
    assert who.answer.splitlines()[0].startswith("윤서진")
