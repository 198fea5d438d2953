"""A follow-up question in the chat, in Chromium against a real `policykg serve`: the UI passes the conversation
to the bot, shows how it read the question, and 대화 지우기 forgets it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.ui.conftest import ask

pytestmark = pytest.mark.neo4j
FIRST = "AI안전연구소 소장은 누구야?"  # the sample article "AI 기본법 시행…"
FOLLOW_UP = "거기 올해 예산은 얼마야?"  # '거기' is AI안전연구소: 150억


def _answer(page: Page, k: int) -> Locator:
    """The k-th answer (0-based): rows alternate question, answer."""
    return page.locator("#pkg-chat .message-row").nth(2 * k + 1)


def _short_answer(answer: Locator) -> str:
    """The answer's first line up to its citations, after the reading of a follow-up (if any)."""
    expect(answer).to_contain_text("[1]")
    lines = [line for line in answer.inner_text().splitlines() if line.strip()]
    return next(line for line in lines if not line.startswith("질문을 이렇게 읽었습니다")).split("[", 1)[0]


def test_a_follow_up_question_is_answered_from_the_conversation_until_it_is_cleared(page: Page) -> None:
    ask(page, FIRST)
    expect(_answer(page, 0)).to_contain_text("정세린")
    ask(page, FOLLOW_UP)
    follow_up = _answer(page, 1)
    expect(follow_up).to_contain_text("질문을 이렇게 읽었습니다: AI안전연구소 올해 예산은 얼마야?")
    assert "150억" in _short_answer(follow_up)
    follow_up.get_by_role("button", name="[1]").first.click()
    expect(page.locator("#pkg-source mark#pkg-quote")).to_contain_text("150억")

    page.click("#pkg-clear")
    expect(page.locator("#pkg-chat .message-row")).to_have_count(0)
    ask(page, FOLLOW_UP)  # the conversation is gone: '거기' points at nothing now, and the bot says so
    alone = _answer(page, 0)
    expect(alone).to_contain_text("이어받을 대화가 없습니다")
    expect(alone).not_to_contain_text("150억")
    expect(alone).not_to_contain_text("질문을 이렇게 읽었습니다")
