"""Precision and recall against the hand-made gold annotation of the seeds (tests/gold/seeds.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.ingest.gold import Score, evaluate, report
from tests.conftest import SHARED

pytestmark = pytest.mark.shared  # the seed articles themselves
GOLD = Path(__file__).resolve().parents[1] / "gold" / "seeds.toml"


def test_extraction_meets_the_quality_floor_on_the_gold_seeds() -> None:
    results = evaluate(SHARED / "corpus" / "seeds", GOLD)
    print("\n" + report(results))
    entities, facts = Score(), Score()
    for e, f in results.values():
        entities.add(e)
        facts.add(f)
    assert entities.gold >= 50 and facts.gold >= 60, "the gold annotation covers every seed"
    assert entities.precision >= 0.9 and entities.recall >= 0.85
    assert facts.precision >= 0.85 and facts.recall >= 0.85
    assert all(f.recall >= 0.7 for _, f in results.values()), "no article is left behind"
