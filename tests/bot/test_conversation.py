"""Conversations over the loaded sample articles: a follow-up question is answered right only when the bot is
given the turns before it, and the answer shows the question as the bot read it."""

from __future__ import annotations

import neo4j
import pytest

from policykg.bot.answer import Bot
from policykg.bot.followup import Turn
from policykg.bot.models import Answer

# (first question, follow-up, what the follow-up's first line must say): from "AI 기본법 시행…" and
# "광주시, AI 집적단지 2단계에…" (ingest/samples).
CONVERSATIONS = [
    ("AI안전연구소 소장은 누구야?", "거기 올해 예산은 얼마야?", "150억"),  # a place pronoun
    ("인공지능 집적단지 2단계 사업에서 민간이 내는 돈은?", "그럼 국비는?", "4000억"),  # an elliptical fragment
]


@pytest.fixture(scope="module")
def bot(loaded: neo4j.Driver) -> Bot:
    return Bot(loaded)


def first_line(answer: Answer) -> str:
    return answer.answer.splitlines()[0]


@pytest.mark.parametrize(("first", "follow_up", "expected"), CONVERSATIONS)
def test_a_follow_up_is_answered_from_the_conversation(bot: Bot, first: str, follow_up: str, expected: str) -> None:
    previous = bot.ask(first)
    assert not previous.abstained and previous.entities
    answer = bot.ask(follow_up, [Turn.of(previous)])
    assert expected in first_line(answer) and not answer.abstained
    assert answer.question == follow_up and answer.resolved and answer.resolved != follow_up
    assert answer.citations and any(expected in c.quote for c in answer.citations)


@pytest.mark.parametrize(("first", "follow_up", "expected"), CONVERSATIONS)
def test_the_same_follow_up_alone_is_not_answered_that_way(bot: Bot, first: str, follow_up: str, expected: str) -> None:
    alone = bot.ask(follow_up)
    assert alone.resolved is None
    assert alone.abstained or expected not in first_line(alone)
