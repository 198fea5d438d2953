"""Optional: a LangChain chat model the user configures phrases the answer from the retrieved facts only.

Every sentence it writes must cite evidence ([n]); a sentence whose citation does not exist, or whose
numbers are not in the cited sentences or the facts, is dropped. The direct answer (first line) stays
the one computed from the graph. Nothing here runs unless POLICYKG_LLM is set.
"""

from __future__ import annotations

import importlib
import json
import re
from typing import Any

from policykg import settings
from policykg.bot.models import Answer
from policykg.errors import UserError
from policykg.korean.sentences import split_sentences

SYSTEM = (
    "당신은 한국 AI 정책 자료를 설명하는 도우미입니다. 아래에 주어진 사실과 번호가 붙은 근거 문장만 사용해 "
    "질문에 한국어로 2~4문장으로 답하세요. 모든 문장 끝에 근거 번호를 [1]처럼 붙이세요. "
    "근거에 없는 내용, 숫자, 추측은 쓰지 마세요."
)
_MARK = re.compile(r"\[(\d+)\]")
_NUMBER = re.compile(r"\d[\d,.]*")


def load_chat_model() -> Any | None:
    """POLICYKG_LLM='package.module:ClassName' (e.g. 'langchain_openai:ChatOpenAI', 'langchain_ollama:ChatOllama')
    with POLICYKG_LLM_ARGS as JSON keyword arguments (model, base_url, api_key …)."""
    spec = settings.get("POLICYKG_LLM")
    if not spec:
        return None
    module_name, _, class_name = spec.partition(":")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise UserError(
            f"POLICYKG_LLM={spec!r} cannot be loaded ({exc}); install the package that provides it"
        ) from exc
    return cls(**json.loads(settings.get("POLICYKG_LLM_ARGS") or "{}"))


def _digits(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def checks_out(sentence: str, answer: Answer) -> bool:
    cited = {int(n) for n in _MARK.findall(sentence)}
    quotes = {c.n: c.quote for c in answer.citations}
    if not cited or not cited <= set(quotes):
        return False
    support = " ".join([answer.answer, *(quotes[n] for n in cited)])
    plain = _MARK.sub("", sentence)
    return _digits(plain) <= _digits(support)


def phrase(answer: Answer, model: Any) -> Answer:
    if answer.abstained or not answer.citations:
        return answer
    from langchain_core.messages import HumanMessage, SystemMessage

    evidence = "\n".join(f"[{c.n}] {c.quote}" for c in answer.citations)
    prompt = f"질문: {answer.question}\n\n사실:\n{answer.answer}\n\n근거:\n{evidence}"
    reply = str(model.invoke([SystemMessage(SYSTEM), HumanMessage(prompt)]).content)
    kept = [s.text for s in split_sentences(reply.replace("\n", " ")) if checks_out(s.text, answer)]
    if not kept:
        return answer
    first = answer.answer.splitlines()[0]
    return answer.model_copy(update={"answer": "\n".join([first, *kept])})
