"""What ingest tells a reader about each file is Korean first, with the technical detail after it in parentheses:
the refusals, the facts SHACL dropped and the summary of the batch. Every input here is written by the test."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import main
from policykg.ingest import pipeline
from policykg.ingest.loading import MAX_BYTES
from policykg.ingest.models import Fact
from policykg.ingest.pipeline import ingest_file
from policykg.korean.spans import Value
from policykg.ontology.registry import registry
from policykg.ontology.vocab import PKG

ARTICLE = """가상경제신문 2026.03.02

행정안전부는 올해 지능형 민원 상담 사업에 80억원을 들인다고 2일 밝혔다.
이 사업에는 지방자치단체 12곳이 참여한다.
"""
# Korean explanation, then '(technical detail…)' closing the line.
_KOREAN_FIRST = re.compile(r"^[가-힣0-9][^()]*[가-힣]\S* \(.+\)$")


def _write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "data", "korean", "detail"),
    [
        ("empty.txt", "", "빈 파일입니다", "empty file"),
        ("binary.txt", bytes(range(256)) * 8, "글이 아닌 바이너리 파일입니다", "binary content"),
        ("english.txt", "Policy news, all in English.\n" * 5, "한국어 기사가 아닙니다", "no Korean text"),
        (
            "headlines.txt",
            "- 주말 날씨 맑음\n- 야구 개막전 매진\n- 봄꽃 축제 시작\n" * 10,
            "기사 본문을 찾지",
            "no article body",
        ),
    ],
)
def test_a_refused_file_is_explained_in_korean_with_the_detail_second(
    tmp_path: Path, name: str, data: str | bytes, korean: str, detail: str
) -> None:
    report = ingest_file(_write(tmp_path, name, data)).report
    assert report.status == "skipped"
    assert _KOREAN_FIRST.match(report.reason), report.reason
    assert report.reason.startswith(korean) and f"({detail}" in report.reason
    assert report.notes() == report.reason and report.line() == f"✗ {name[:-4]}: {report.reason}"


def test_an_oversized_file_is_explained_in_korean_with_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    reason = ingest_file(big).report.reason
    assert reason.startswith("파일이 너무 큽니다: 10 MB가 넘는 기사는 받지 않습니다 (file is 10.5 MB")


def _bad_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    """One extra fact whose payer is a programme, which its shape forbids."""
    programme = next(str(iri) for iri, e in registry().entries.items() if e.cls == PKG.Programme)
    surface = "55억원"
    value = Value("money", Decimal(5_500_000_000), "KRW", "exact", surface, 0, len(surface))
    bad = Fact("FundingFact", "bad", 0, roles={"payer": programme}, value=value)
    real = pipeline.extract_facts
    monkeypatch.setattr(pipeline, "extract_facts", lambda ctx: [*real(ctx), bad])


def test_facts_dropped_by_shacl_are_explained_in_korean_per_fact_per_article_and_for_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bad_fact(monkeypatch)
    _write(tmp_path, "good.txt", ARTICLE)
    _write(tmp_path, "empty.txt", "")
    report = ingest_file(tmp_path / "good.txt").report
    (line,) = report.dropped_by_shacl
    assert line.startswith("예산·자금 사실 1건 제외: SHACL 형상 위반 (FundingFact bad: FundingFactShape pkg:payer")
    assert report.notes() == "SHACL 형상 검사를 통과하지 못한 사실 1건 제외 (1 facts dropped by SHACL)"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--out", str(tmp_path / "g.ttl"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "✗ empty: 빈 파일입니다 (empty file)"
    assert lines[1].startswith("✓ good: ") and lines[1].endswith(f"; {report.notes()}")
    assert lines[2].startswith(
        "1 of 2 articles ingested (SHACL 형상 검사를 통과하지 못한 사실 1건 제외 (1 facts dropped by SHACL); "
        "기사별 줄 참고)"
    )
