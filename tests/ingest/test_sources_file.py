"""A folder's sources.jsonl gives copied texts the URL, publisher and date their page header had; the page's own
metadata wins, a bad line is reported and never stops the batch."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from policykg.ingest.pipeline import ingest_file

_BODY = (
    "드론청은 올해 해양 드론 실증 사업에 300억원을 투입한다고 밝혔다.\n"
    "실증은 남해안 세 곳에서 진행되며 참여 기업은 다음 달 공모로 정한다.\n"
)


def _write(folder: Path, name: str, text: str, records: list[dict[str, object]] | None) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if records is not None:
        lines = [json.dumps(r, ensure_ascii=False) if isinstance(r, dict) else str(r) for r in records]
        (folder / "sources.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_copied_text_gets_its_url_publisher_and_date_from_the_record(tmp_path: Path) -> None:
    record = {"id": "a1", "url": "https://news.example.kr/a1", "publisher": "가상일보(포털 게재)", "date": "2026-03-04"}
    path = _write(tmp_path, "a1.txt", _BODY, [record])
    result = ingest_file(path, check_shapes=False)
    assert result.report.published == "2026-03-04" and result.report.publisher == "가상일보"
    assert result.report.metadata_found_by["published"] == "sources.jsonl"
    # without the record the same text has no date
    (tmp_path / "sources.jsonl").unlink()
    assert ingest_file(path, check_shapes=False).report.published is None


def test_the_page_s_own_date_wins_over_the_record(tmp_path: Path) -> None:
    text = "입력 2025.11.30 10:00\n" + _BODY
    path = _write(tmp_path, "a2.txt", text, [{"file": "a2.txt", "date": "2026-01-01", "publisher": "가상일보"}])
    report = ingest_file(path, check_shapes=False).report
    assert report.published == date(2025, 11, 30).isoformat() and report.publisher == "가상일보"


def test_a_changed_record_changes_the_content_hash(tmp_path: Path) -> None:
    path = _write(tmp_path, "a3.txt", _BODY, [{"id": "a3", "date": "2026-03-04"}])
    first = ingest_file(path, check_shapes=False).content_hash
    _write(tmp_path, "a3.txt", _BODY, [{"id": "a3", "date": "2026-03-05"}])
    assert ingest_file(path, check_shapes=False).content_hash != first


def test_an_unreadable_line_is_reported_and_the_article_still_ingested(tmp_path: Path) -> None:
    path = _write(tmp_path, "a4.txt", _BODY, ["{not json", {"id": "a4", "date": "2026-13-40"}])
    result = ingest_file(path, check_shapes=False)
    assert result.report.status == "ingested" and result.report.published is None
    assert any("sources.jsonl" in w and "1" in w and "2" in w for w in result.report.warnings)


def test_a_bracket_byline_names_its_publisher_but_not_the_place_a_reporter_filed_from(tmp_path: Path) -> None:
    filed = _write(tmp_path, "b1.txt", "[남해=홍길동 기자]" + _BODY, [{"id": "b1", "publisher": "가상일보"}])
    report = ingest_file(filed, check_shapes=False).report
    assert report.publisher == "가상일보" and report.metadata_found_by["publisher"] == "sources.jsonl"
    named = _write(tmp_path, "b2.txt", "[나라일보=홍길동 기자]" + _BODY, None)
    assert ingest_file(named, check_shapes=False).report.publisher == "나라일보"
