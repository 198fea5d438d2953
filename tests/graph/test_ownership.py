"""An article owns its own nodes and nothing else: loading, replacing or deleting one article never touches
another, whatever their ids (prefixes of each other, digits, Hangul). Run against the real Neo4j."""

from __future__ import annotations

from pathlib import Path

import neo4j
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg import service
from policykg.errors import UserError
from policykg.graph.embeddings import make_embedder
from policykg.graph.export import export_graph
from policykg.graph.loader import delete_article

# Ids chosen so that many are prefixes of others, as file stems often are (0.txt beside 000_… or 1.txt beside 10.txt).
IDS = ["0", "00", "000_a", "1", "10", "11", "1_", "가", "가나", "가나다", "ai", "ai-2"]
# Written for this test: one short article per id; version 1 has one sentence more than version 0.
ARTICLE = """\
{sid} 시험 사업 발표
입력 2026.03.0{day} 09:00
김하늘 기자

과학기술정보통신부는 {sid} 시험 사업에 올해 {amount}억원을 지원한다고 밝혔다.
사업은 정보통신산업진흥원이 맡는다.
{extra}
ⓒ 가상경제신문, 무단전재 및 재배포 금지
"""


def _text(sid: str, version: int) -> str:
    extra = "선정 결과는 다음 달에 공개된다.\n" if version else ""
    return ARTICLE.format(sid=sid, day=version + 2, amount=10 + version, extra=extra)


def _sentences(driver: neo4j.Driver) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) OPTIONAL MATCH (s:Sentence)-[:IN_ARTICLE]->(a) RETURN a.source_id AS sid, count(s) AS n"
    )
    return {r["sid"]: r["n"] for r in records}


@pytest.fixture(scope="module")
def empty(driver: neo4j.Driver) -> neo4j.Driver:
    driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
    return driver


@pytest.fixture(scope="module")
def sentence_counts(empty: neo4j.Driver, tmp_path_factory: pytest.TempPathFactory) -> dict[int, int]:
    """How many sentences each version yields, measured once on an id no step uses."""
    counts = {}
    folder = tmp_path_factory.mktemp("versions")
    for version in (0, 1):
        path = folder / "probe.txt"
        path.write_text(_text("probe", version), encoding="utf-8")
        service.load_files(empty, "neo4j", [path], make_embedder())
        counts[version] = _sentences(empty)["probe"]
    delete_article(empty, "neo4j", "probe")
    assert counts[1] == counts[0] + 1
    return counts


STEP = st.tuples(st.sampled_from(["load", "load", "delete"]), st.sampled_from(IDS), st.integers(0, 1))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=2, max_size=6))
def test_articles_never_touch_each_other(
    empty: neo4j.Driver,
    sentence_counts: dict[int, int],
    tmp_path_factory: pytest.TempPathFactory,
    steps: list[tuple[str, str, int]],
) -> None:
    empty.execute_query("MATCH (n:Resource) DETACH DELETE n")
    folder: Path = tmp_path_factory.mktemp("ownership")
    expected: dict[str, int] = {}
    for op, sid, version in steps:
        if op == "load":
            path = folder / f"{sid}.txt"
            path.write_text(_text(sid, version), encoding="utf-8")
            outcome = service.load_files(empty, "neo4j", [path], make_embedder())[0]
            assert outcome[0].status == "ingested", outcome[0].reason
            expected[sid] = sentence_counts[version]
        else:
            delete_article(empty, "neo4j", sid)
            expected.pop(sid, None)
        assert _sentences(empty) == expected, f"after {op} {sid!r} v{version}"
    sentences, _, _ = empty.execute_query("MATCH (s:Sentence) RETURN count(s) AS n")
    assert sentences[0]["n"] == sum(expected.values()), "no sentence is left behind by a replaced or deleted article"


def test_exporting_an_unknown_article_says_so(empty: neo4j.Driver, tmp_path: Path) -> None:
    path = tmp_path / "syn00001.txt"
    path.write_text(_text("syn00001", 0), encoding="utf-8")
    service.load_files(empty, "neo4j", [path], make_embedder())
    with pytest.raises(UserError, match="no article 'syn0000'"):
        export_graph(empty, "neo4j", "syn0000")
    assert export_graph(empty, "neo4j", "syn00001")
