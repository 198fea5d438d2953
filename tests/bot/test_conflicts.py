"""When articles give different figures for the same thing, the answer shows each with its date, the
latest first."""

from __future__ import annotations

from pathlib import Path

import neo4j

from policykg.bot.answer import Bot
from policykg.graph.embeddings import make_embedder
from policykg.graph.loader import delete_article
from policykg.service import load_files

EARLY = """정부, 'AI 교실 시범' 예산안 편성
2025-06-02 시험일보

과학기술정보통신부는 2일 'AI 교실 시범' 사업에 2026년 예산안 30억원을 편성했다고 밝혔다.
"""
LATE = """'AI 교실 시범' 예산안 증액
2025-09-03 시험일보

과학기술정보통신부는 3일 'AI 교실 시범' 사업의 2026년 예산안을 45억원으로 늘렸다고 밝혔다.
"""


def test_differing_figures_are_listed_latest_first(loaded: neo4j.Driver, tmp_path: Path) -> None:
    (tmp_path / "classroom_june.txt").write_text(EARLY, encoding="utf-8")
    (tmp_path / "classroom_september.txt").write_text(LATE, encoding="utf-8")
    load_files(loaded, "neo4j", sorted(tmp_path.iterdir()), make_embedder())
    try:
        answer = Bot(loaded).ask("AI 교실 시범 사업의 2026년 예산안은 얼마야?")
        lines = answer.answer.splitlines()
        assert lines[0].startswith("45억 원 (4,500,000,000원)입니다") and "기사마다 수치가 다릅니다" in lines[0]
        assert "45억" in lines[1] and "2025-09-03" in lines[1]
        assert "30억" in lines[2] and "2025-06-02" in lines[2]
        assert {c.source_id for c in answer.citations} == {"classroom_june", "classroom_september"}
    finally:
        for sid in ("classroom_june", "classroom_september"):
            delete_article(loaded, "neo4j", sid)
