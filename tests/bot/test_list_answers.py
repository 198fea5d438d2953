"""A list answer read from an article loaded into the real Neo4j: the bodies a programme's projects work with,
stated two sentences after the one that introduces the programme."""

from __future__ import annotations

from pathlib import Path

import neo4j

from policykg.bot.answer import Bot
from policykg.graph.embeddings import make_embedder
from policykg.graph.loader import delete_article
from policykg.service import load_files

ARTICLE = """해양수산부, '바다 AI 실증' 사업 착수
2025-05-02 시험일보

해양수산부는 2일 '바다 AI 실증' 사업을 올해 처음 시작한다고 밝혔다.
올해 바다 AI 실증 예산은 모두 90억원이며, 6개 과제를 골라 나눠 준다.
큰 과제는 2년 동안 최대 20억원, 작은 과제는 2년 동안 최대 5억원을 받는다.
해당 과제는 해양경찰청·기상청·국립수산과학원 등과 협력해 현장 데이터를 쓰는 방식으로 진행된다.
해양수산부 관계자는 "연안 안전과 어업 현장에 먼저 쓰겠다"고 말했다.
"""


def test_the_bodies_a_programme_works_with_are_answered_as_one_list(loaded: neo4j.Driver, tmp_path: Path) -> None:
    (tmp_path / "sea_ai_trial.txt").write_text(ARTICLE, encoding="utf-8")
    load_files(loaded, "neo4j", [tmp_path / "sea_ai_trial.txt"], make_embedder())
    try:
        answer = Bot(loaded).ask("바다 AI 실증 과제들은 어떤 기관과 협력해 진행돼?")
        assert answer.answer.splitlines()[0].startswith("해양경찰청, 기상청, 국립수산과학원입니다.")
        assert [c.source_id for c in answer.citations] == ["sea_ai_trial"]
    finally:
        delete_article(loaded, "neo4j", "sea_ai_trial")
