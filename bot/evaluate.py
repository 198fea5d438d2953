"""Score the bot on a gold file (the format of ../shared/eval/dev_qa.jsonl): answer accuracy, citation
correctness (the right article, and a cited sentence that states the answer), abstention correctness and
latency."""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policykg.bot.answer import Bot
from policykg.bot.models import Answer


def _norm(text: str) -> str:
    return text.replace(" ", "").replace(",", "")


def states(expected: str, text: str) -> bool:
    """`expected` occurs in `text` (spaces and thousands commas ignored) and is not part of a longer number:
    '10억' is not stated by '110억', nor '2026' by '20261'."""
    needle = _norm(expected)
    return bool(needle) and re.search(rf"(?<![\d.]){re.escape(needle)}(?![\d])", _norm(text)) is not None


@dataclass
class Row:
    id: str
    correct: bool
    cited: bool
    abstain_expected: bool
    abstained: bool
    seconds: float
    first_line: str
    quoted: bool = False  # a cited sentence from a source article states an expected value or evidence


def judge(gold: dict[str, Any], answer: Answer, seconds: float) -> Row:
    first = answer.answer.splitlines()[0] if answer.answer else ""
    expect_abstain = bool(gold.get("abstain"))
    if expect_abstain:
        correct = answer.abstained
    else:
        correct = not answer.abstained and all(any(states(s, first) for s in group) for group in gold["expect"])
    sources = set(gold.get("sources", []))
    from_sources = [c for c in answer.citations if not sources or c.source_id in sources]
    # An abstention may show the closest sentences for the reader to judge ("가장 가까운 근거:"); they claim
    # nothing, so an expected abstention is cited right when the bot abstained.
    cited = answer.abstained if expect_abstain else bool(from_sources)
    # what a cited sentence must state: an expected value, or the evidence a computed answer (sum, comparison)
    # is made of
    wanted = [s for group in gold.get("expect", []) for s in group] + list(gold.get("evidence", []))
    quoted = cited if expect_abstain else any(states(w, c.quote) for c in from_sources for w in wanted)
    gid = str(gold.get("id", gold["question"]))
    return Row(gid, correct, cited, expect_abstain, answer.abstained, seconds, first, quoted)


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
                f"cited sentence states the answer: {sum(r.quoted for r in self.rows)}/{n}",
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
