"""The bot on the dev questions and on questions written for policykg: right answers, verbatim citations,
abstention where the articles hold no evidence."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import pytest

from policykg.bot.answer import ABSTAIN, Bot
from policykg.bot.evaluate import evaluate_file, judge
from tests.conftest import SAMPLES, SHARED

DEV = SHARED / "eval" / "dev_qa.jsonl"
OWN = Path(__file__).with_name("questions.jsonl")
SAMPLE_IDS = {p.stem for p in SAMPLES.iterdir()}

# d01-d17, the original dev set, must all stay right and cited.
CORE = {f"d{i:02d}" for i in range(1, 18)}
# The whole dev set (57 questions; d18-d57 written by people who had not seen the bot), as measured on
# 2026-11-22 with seeds + samples loaded. Floors, not targets: the bot issue raises them as it improves.
# Raised with the retrieval-first reader (bot/reader.py); an expected abstention that shows its closest
# sentences counts as cited (bot/evaluate.py).
DEV_QUESTIONS = 57
FLOOR_CORRECT = 44  # accuracy 44/57 (2026-11-23, second session)
FLOOR_CITED = 55  # citation correctness 55/57
FLOOR_ABSTAINED_RIGHT = 7  # of the 7 questions no article answers, the bot abstained on 7


@pytest.fixture(scope="module")
def bot(loaded: neo4j.Driver) -> Bot:
    return Bot(loaded)


@pytest.mark.shared
def test_dev_set_never_falls_below_its_measured_level(bot: Bot) -> None:
    report = evaluate_file(bot, DEV)
    print("\n" + report.summary())
    rows = {r.id: r for r in report.rows}
    assert len(rows) == DEV_QUESTIONS, "the dev set changed: measure again and update the floors"
    wrong = [(i, rows[i].first_line) for i in sorted(CORE) if not (rows[i].correct and rows[i].cited)]
    assert not wrong, "d01-d17 must all be right and cited"
    correct, cited = sum(r.correct for r in report.rows), sum(r.cited for r in report.rows)
    abstained_right = sum(r.abstain_expected and r.abstained for r in report.rows)
    assert correct >= FLOOR_CORRECT and cited >= FLOOR_CITED and abstained_right >= FLOOR_ABSTAINED_RIGHT


def _own(gold: dict) -> object:  # type: ignore[type-arg]
    """Questions about the seed articles need ../shared; those about the samples, and abstentions, do not."""
    on_seeds = any(s not in SAMPLE_IDS for s in gold.get("sources", []))
    return pytest.param(gold, id=f"{gold['id']}-{gold['kind']}", marks=[pytest.mark.shared] if on_seeds else [])


@pytest.mark.parametrize("gold", [_own(json.loads(line)) for line in OWN.read_text(encoding="utf-8").splitlines()])
def test_own_questions(bot: Bot, gold: dict) -> None:  # type: ignore[type-arg]
    answer = bot.ask(gold["question"])
    row = judge(gold, answer, 0.0)
    assert row.correct and row.cited, answer.answer


@pytest.mark.shared
def test_quotes_are_verbatim_at_their_offsets(bot: Bot, loaded: neo4j.Driver) -> None:
    for line in DEV.read_text(encoding="utf-8").splitlines():
        for c in bot.ask(json.loads(line)["question"]).citations:
            records, _, _ = loaded.execute_query(
                "MATCH (a:Article {source_id: $sid}) RETURN substring(a.body, $start, $end - $start) AS text",
                sid=c.source_id,
                start=c.start,
                end=c.end,
            )
            assert records[0]["text"] == c.quote


@pytest.mark.shared
def test_answer_shape_first_line_and_citation_without_date(bot: Bot) -> None:
    answer = bot.ask("World Best LLM 프로젝트에 투입되는 예산은?")
    assert answer.answer.splitlines()[0].startswith("1936억 원 (193,600,000,000원)입니다.")
    assert (answer.citations[0].n, answer.citations[0].source_id, answer.citations[0].published) == (
        1,
        "001_01d45856f63ebb58",
        None,
    ), "001 carries no publication date"
    assert answer.facts and answer.cypher and not answer.abstained


def test_answer_shape_and_abstention(bot: Bot) -> None:
    answer = bot.ask("광주 인공지능 집적단지 2단계 사업의 총 사업비는?")
    assert answer.answer.splitlines()[0].startswith("6000억 원 (600,000,000,000원)입니다.")
    assert (answer.citations[0].n, answer.citations[0].source_id, answer.citations[0].published) == (
        1,
        "regional_ai_cluster",
        "2026-03-05",
    )
    assert answer.facts and answer.cypher and not answer.abstained
    nothing = bot.ask("화성 탐사선 발사 예산은 얼마야?")
    # no answer; the closest sentences are shown, cited, for the user to judge
    lines = nothing.answer.splitlines()
    assert nothing.abstained and lines[0] == ABSTAIN and not nothing.facts
    assert lines[1:] == ["가장 가까운 근거: " + " ".join(f"[{c.n}]" for c in nothing.citations)]
    assert 1 <= len(nothing.citations) <= 3


def test_an_english_question_it_cannot_read_says_korean_works_best(bot: Bot) -> None:
    answer = bot.ask("What was the electricity bill of the drone school in 2031?")
    assert answer.abstained and "questions in Korean work best" in answer.answer
    assert "Korean work best" not in bot.ask("드론 학교의 2031년 전기요금은?").answer
