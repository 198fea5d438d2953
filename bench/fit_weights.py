"""Fit the reader's ranking weights and abstention threshold (bot/rank.py) on training questions, and check them on
held-back ones: the issue's rule that weights are chosen on a training split, never on the questions reported.

    uv run python -m bench.fit_weights            # train: bench/real train half + ../shared/eval/dev_qa.jsonl
                                                  # check: bench/real test half (reported, never fitted on)

Each question's candidates are read once (retrieval and span finding do not depend on the weights); the weights are
then fitted on the cached features by a conditional logit (bench.fit_weights.fit) and the threshold chosen to answer
most training questions right (answered right, or abstained where it should). Questions a graph-fact handler
answers are left out: the weights do not touch them. Prints the weights to paste into bot/rank.py and both
halves' figures before and after."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j
import numpy as np

from bench.common import SHARED, temporary_server
from bench.real_eval import REAL, _jsonl, real_texts
from policykg.bot.answer import Bot, need_of
from policykg.bot.evaluate import states
from policykg.bot.rank import THRESHOLD, WEIGHTS, score
from policykg.ingest.pipeline import discover
from policykg.service import ingest_into_neo4j

L2 = 0.05


@dataclass
class Item:
    """One question the reader answers: its candidates' features and whether each would be a right answer."""

    id: str
    abstain: bool
    candidates: list[tuple[dict[str, float], bool]]


def right(gold: dict[str, Any], span: str, source_id: str) -> bool:
    groups = gold.get("expect") or []
    sources = set(gold.get("sources") or [])
    return (
        bool(groups) and all(any(states(s, span) for s in g) for g in groups) and (not sources or source_id in sources)
    )


def collect(bot: Bot, questions: list[dict[str, Any]]) -> list[Item]:
    items = []
    for gold in questions:
        q = bot.understand(gold["question"])
        need = need_of(q)
        if q.outside_articles or bot.from_facts(q, need) is not None:
            continue
        _, ranked = bot.read(q, need)
        cands = [(c.features, right(gold, c.span.text, c.sentence.key.split("@")[0])) for c in ranked]
        items.append(Item(gold["id"], bool(gold.get("abstain")), cands))
    return items


def correct(items: list[Item], weights: dict[str, float], threshold: float) -> int:
    n = 0
    for item in items:
        best = max(((score(f, weights), ok) for f, ok in item.candidates), default=None, key=lambda t: t[0])
        answered = best is not None and best[0] >= threshold
        n += (not answered) if item.abstain else (answered and best is not None and best[1])
    return n


def fit(items: list[Item], l2: float = L2, steps: int = 400, rate: float = 0.05) -> tuple[dict[str, float], float]:
    """Weights by a conditional logit over each question's candidates (maximise the probability of its right
    ones, with an L2 pull towards the current weights so that little evidence moves them little); then the
    threshold that answers most training questions right."""
    names = list(WEIGHTS)
    start = np.array([WEIGHTS[n] for n in names])
    groups = [
        (
            np.array([[f.get(n, 0.0) for n in names] for f, _ in item.candidates]),
            np.array([ok for _, ok in item.candidates]),
        )
        for item in items
        if item.candidates and any(ok for _, ok in item.candidates)
    ]
    w = start.copy()
    for _ in range(steps):
        grad = l2 * (w - start)
        for x, ok in groups:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * ok / (p * ok).sum()
            grad -= (q - p) @ x / len(groups)
        w -= rate * grad
    weights = {n: round(float(v), 2) for n, v in zip(names, w, strict=True)}
    scores = sorted({round(score(f, weights), 2) for item in items for f, _ in item.candidates})
    threshold = max(scores, key=lambda t: (correct(items, weights, t), -abs(t - THRESHOLD)), default=THRESHOLD)
    return weights, threshold


def run(real: neo4j.Driver, dev: neo4j.Driver) -> dict[str, Any]:
    questions = _jsonl(REAL / "questions.jsonl")
    train = collect(Bot(real), [q for q in questions if q["split"] == "train"])
    train += collect(Bot(dev), _jsonl(SHARED / "eval" / "dev_qa.jsonl"))
    test = collect(Bot(real), [q for q in questions if q["split"] == "test"])
    weights, threshold = fit(train)
    return {
        "train_questions_read": len(train),
        "test_questions_read": len(test),
        "before": {"train": correct(train, WEIGHTS, THRESHOLD), "test": correct(test, WEIGHTS, THRESHOLD)},
        "after": {"train": correct(train, weights, threshold), "test": correct(test, weights, threshold)},
        "weights": weights,
        "threshold": threshold,
    }


def main() -> None:
    with temporary_server() as (_, real), temporary_server() as (_, dev):
        ingest_into_neo4j(real, "neo4j", real_texts())
        samples = Path(__file__).resolve().parents[1] / "ingest" / "samples"
        ingest_into_neo4j(dev, "neo4j", discover([SHARED / "corpus" / "seeds", samples]))
        for driver in (real, dev):
            driver.execute_query("CALL db.awaitIndexes(300)")
        print(json.dumps(run(real, dev), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
