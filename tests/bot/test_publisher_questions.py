"""A question naming a publisher ('가상일보 기사 기준') is answered from that publisher's report, end to end: two
copied texts whose publishers only their folder's sources.jsonl records, loaded into the real Neo4j, give two
figures for one programme."""

from __future__ import annotations

import json

import neo4j
import pytest

from policykg.bot.answer import Bot
from policykg.graph.search import fulltext_from
from tests.conftest import load_only

_TEXTS = {
    "ga": "해양수산부는 올해 드론 교육 사업에 예산 280억원을 편성했다고 밝혔다.\n교육은 남해안 세 곳에서 열린다.\n",
    "na": "해양수산부의 올해 드론 교육 사업 예산은 300억원으로 알려졌다.\n교육생은 다음 달 공모로 뽑는다.\n",
}
_PUBLISHERS = {"ga": "가상일보", "na": "나라일보"}


@pytest.fixture(scope="module")
def two_reports(driver: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory) -> neo4j.Driver:
    folder = tmp_path_factory.mktemp("reports")
    for stem, text in _TEXTS.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    records = [{"id": s, "publisher": p, "date": "2026-03-04"} for s, p in _PUBLISHERS.items()]
    (folder / "sources.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return load_only(driver, [folder])


def test_full_text_search_within_a_publisher_s_reports(two_reports: neo4j.Driver) -> None:
    hits = fulltext_from(two_reports, "neo4j", "드론 교육 사업 예산", ["나라일보"])
    assert hits and {h.source_id for h in hits} == {"na"}


@pytest.mark.parametrize(("publisher", "figure", "source"), [("가상일보", "280억", "ga"), ("나라일보", "300억", "na")])
def test_the_publisher_named_decides_which_report_answers(
    two_reports: neo4j.Driver, publisher: str, figure: str, source: str
) -> None:
    answer = Bot(two_reports).ask(f"{publisher} 기사 기준으로 드론 교육 사업 예산은 얼마야?")
    assert answer.answer.startswith(figure), answer.answer
    assert answer.citations[0].source_id == source and answer.citations[0].publisher == publisher
