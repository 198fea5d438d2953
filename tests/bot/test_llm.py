"""The optional LLM path, driven by LangChain's own fake chat model: unsupported sentences are dropped."""

from __future__ import annotations

import neo4j
import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from policykg.bot.answer import Bot
from policykg.bot.llm import checks_out, load_chat_model, phrase
from policykg.bot.models import Answer
from policykg.errors import UserError


def test_only_sentences_with_checked_citations_survive(loaded: neo4j.Driver) -> None:
    answer = Bot(loaded).ask("인공지능 집적단지 2단계 사업에서 민간이 내는 돈은?")
    reply = (
        "인공지능 집적단지 2단계 사업에서 민간은 800억 원을 냅니다 [1]. "
        "민간 부담은 1500억 원으로 늘어났습니다 [1]. "
        "광주시는 이 사업을 내년에 끝낸다고 밝혔습니다 [7]. "
        "근거 없이 덧붙인 문장입니다."
    )
    phrased = phrase(answer, FakeListChatModel(responses=[reply]))
    lines = phrased.answer.splitlines()
    assert lines[0] == answer.answer.splitlines()[0], "the direct answer stays the graph's"
    assert lines[1:] == ["인공지능 집적단지 2단계 사업에서 민간은 800억 원을 냅니다 [1]."]
    assert phrased.citations == answer.citations


def test_abstentions_are_not_rephrased(loaded: neo4j.Driver) -> None:
    answer = Bot(loaded).ask("화성 탐사선 발사 예산은 얼마야?")
    assert phrase(answer, FakeListChatModel(responses=["무엇이든 지어냅니다 [1]."])) == answer


def test_a_model_is_configured_by_class_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POLICYKG_LLM", "langchain_core.language_models.fake_chat_models:FakeListChatModel")
    monkeypatch.setenv("POLICYKG_LLM_ARGS", '{"responses": ["좋습니다 [1]."]}')
    assert isinstance(load_chat_model(), FakeListChatModel)
    monkeypatch.setenv("POLICYKG_LLM", "no_such_package:Model")
    with pytest.raises(UserError, match="cannot be loaded"):
        load_chat_model()
    monkeypatch.delenv("POLICYKG_LLM")
    assert load_chat_model() is None
    empty = Answer(question="q", answer="a", abstained=False, citations=[], facts=[], cypher=[])
    assert not checks_out("인용이 없는 문장 [1].", empty), "a citation number with no citation behind it"
