"""The bot on the dev questions and on questions written for policykg: right answers, verbatim citations,
abstention where the articles hold no evidence."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import pytest

from policykg.bot.answer import ABSTAIN, Bot
from policykg.bot.evaluate import evaluate_file, judge
from tests.conftest import SHARED

DEV = SHARED / "eval" / "dev_qa.jsonl"
OWN = Path(__file__).with_name("questions.jsonl")


@pytest.fixture(scope="module")
def bot(seeded_with_samples: neo4j.Driver) -> Bot:
    return Bot(seeded_with_samples)


def test_every_dev_question_is_answered_with_a_correct_citation(bot: Bot) -> None:
    report = evaluate_file(bot, DEV)
    print("\n" + report.summary())
    wrong = [(r.id, r.first_line) for r in report.rows if not (r.correct and r.cited)]
    assert not wrong


@pytest.mark.parametrize(
    "gold",
    [json.loads(line) for line in OWN.read_text(encoding="utf-8").splitlines()],
    ids=lambda g: f"{g['id']}-{g['kind']}",
)
def test_own_questions(bot: Bot, gold: dict) -> None:  # type: ignore[type-arg]
    answer = bot.ask(gold["question"])
    row = judge(gold, answer, 0.0)
    assert row.correct and row.cited, answer.answer


def test_quotes_are_verbatim_at_their_offsets(bot: Bot, seeded_with_samples: neo4j.Driver) -> None:
    for line in DEV.read_text(encoding="utf-8").splitlines():
        for c in bot.ask(json.loads(line)["question"]).citations:
            records, _, _ = seeded_with_samples.execute_query(
                "MATCH (a:Article {source_id: $sid}) RETURN substring(a.body, $start, $end - $start) AS text",
                sid=c.source_id,
                start=c.start,
                end=c.end,
            )
            assert records[0]["text"] == c.quote


def test_answer_shape_first_line_and_abstention(bot: Bot) -> None:
    answer = bot.ask("World Best LLM 프로젝트에 투입되는 예산은?")
    assert answer.answer.splitlines()[0].startswith("1936억 원 (193,600,000,000원)입니다.")
    assert (answer.citations[0].n, answer.citations[0].source_id, answer.citations[0].published) == (
        1,
        "001_01d45856f63ebb58",
        None,
    ), "001 carries no publication date"
    assert answer.facts and answer.cypher and not answer.abstained
    nothing = bot.ask("화성 탐사선 발사 예산은 얼마야?")
    assert nothing.abstained and nothing.answer == ABSTAIN and nothing.citations == []
