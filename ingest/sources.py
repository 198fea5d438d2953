"""What a folder's `sources.jsonl` records of its article files: the URL, publisher and date a researcher noted
when collecting them. Text copied from a page, or an excerpt a search returned, loses the page's header; the
record gives them back. The page's own metadata wins wherever it says something (ingest/article.py)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

SOURCES_FILE = "sources.jsonl"
# A note after the name ('뉴스1(zum 게재)': where the copy was found) is no part of the publisher's name.
_NOTE = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(frozen=True)
class SourceRecord:
    url: str | None = None
    publisher: str | None = None
    published: date | None = None
    problem: str = ""  # why the folder's record file could not be read in full: shown as the article's warning

    def key(self) -> bytes:
        """What the record adds to its file's content hash: a corrected date re-ingests the article."""
        return json.dumps([self.url, self.publisher, str(self.published)], ensure_ascii=False).encode()


def record_for(path: Path) -> SourceRecord | None:
    """The record of `path` in the `sources.jsonl` beside it (by file name or stem), if any."""
    manifest = path.parent / SOURCES_FILE
    try:
        stamp = manifest.stat().st_mtime_ns
    except OSError:
        return None
    records, problem = _read(manifest, stamp)
    found = records.get(path.name) or records.get(path.stem)
    if problem:
        return (
            SourceRecord(found.url, found.publisher, found.published, problem)
            if found
            else SourceRecord(problem=problem)
        )
    return found


@lru_cache(maxsize=16)
def _read(manifest: Path, _stamp: int) -> tuple[dict[str, SourceRecord], str]:
    """Records by file name or stem; a line that cannot be read is skipped and named in the problem."""
    records: dict[str, SourceRecord] = {}
    bad: list[str] = []
    for number, line in enumerate(manifest.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            name = str(row.get("file") or row.get("id") or "")
            when = row.get("date")
            publisher = _NOTE.sub("", str(row["publisher"])).strip() if row.get("publisher") else None
            record = SourceRecord(row.get("url") or None, publisher or None, date.fromisoformat(when) if when else None)
        except (ValueError, TypeError, AttributeError) as exc:
            bad.append(f"{number} ({type(exc).__name__})")
            continue
        if name:
            records[name] = record
    problem = f"{SOURCES_FILE}: unreadable line {', '.join(bad)} skipped" if bad else ""
    return records, problem
