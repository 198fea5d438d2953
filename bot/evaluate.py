"""Score the bot on a gold file (the format of ../shared/eval/dev_qa.jsonl): answer accuracy, citation
correctness, abstention correctness and latency."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policykg.bot.answer import Bot
from policykg.bot.models import Answer


def _norm(text: str) -> str:
    return text.replace(" ", "").replace(",", "")


@dataclass
class Row:
    id: str
    correct: bool
    cited: bool
    abstain_expected: bool
    abstained: bool
    seconds: float
    first_line: str


def judge(gold: dict[str, Any], answer: Answer, seconds: float) -> Row:
    first = answer.answer.splitlines()[0] if answer.answer else ""
    expect_abstain = bool(gold.get("abstain"))
    if expect_abstain:
        correct = answer.abstained
    else:
        correct = not answer.abstained and all(any(_norm(s) in _norm(first) for s in group) for group in gold["expect"])
    sources = set(gold.get("sources", []))
    cited = (
        (answer.abstained and not answer.citations)
        if expect_abstain
        else bool(answer.citations) and (not sources or any(c.source_id in sources for c in answer.citations))
    )
    return Row(str(gold.get("id", gold["question"])), correct, cited, expect_abstain, answer.abstained, seconds, first)


@dataclass
class Report:
    rows: list[Row]

    def summary(self) -> str:
        n = len(self.rows)
        answerable = [r for r in self.rows if not r.abstain_expected]
        abstentions = [r for r in self.rows if r.abstain_expected or r.abstained]
        latencies = sorted(r.seconds * 1000 for r in self.rows[1:] or self.rows)  # the first pays model loading
        p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))] if latencies else 0.0
        abstain_ok = sum(1 for r in abstentions if r.abstained == r.abstain_expected)
        return "\n".join(
            [
                f"questions: {n}",
                f"accuracy: {sum(r.correct for r in self.rows)}/{n} ({sum(r.correct for r in self.rows) / n:.0%})",
                f"citation correctness: {sum(r.cited for r in self.rows)}/{n}",
                f"answerable answered right: {sum(r.correct for r in answerable)}/{len(answerable)}",
                f"abstention correctness: {abstain_ok}/{len(abstentions)} (abstained where it should, and only there)",
                f"latency after warm-up: p50 {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms",
            ]
        )


def evaluate_file(bot: Bot, path: Path) -> Report:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        start = time.perf_counter()
        answer = bot.ask(gold["question"])
        rows.append(judge(gold, answer, time.perf_counter() - start))
    return Report(rows)
