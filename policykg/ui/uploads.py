"""Uploaded articles: which files are taken, and where they are kept. A browser chooses the file name,
so it never becomes a path of its own: only a cleaned base name inside the uploads folder is used."""

from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from policykg.errors import explained
from policykg.ingest.loading import MAX_BYTES

ALLOWED_SUFFIXES = (".html", ".htm", ".txt", ".md")
MAX_FILES = 50
_UNSAFE = re.compile(r"[^\w.\-]+")  # \w keeps Hangul; separators, quotes and control characters go


@dataclass(frozen=True)
class Refusal:
    name: str
    reason: str


def safe_name(name: str) -> str:
    """A file name that is one plain path component: no folders, no leading dots, at most 100 characters."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    stem, dot, suffix = base.rpartition(".")
    stem, suffix = (stem, suffix) if dot else (base, "")
    stem = _UNSAFE.sub("_", stem).strip("._") or "article"
    suffix = _UNSAFE.sub("", suffix).lower()
    return f"{stem[:90]}.{suffix}" if suffix else stem[:90]


def store(files: list[tuple[str, Path]], folder: Path) -> tuple[list[Path], list[Refusal]]:
    """Copy (browser name, temporary path) pairs that pass the limits into `folder`; refuse the rest.
    A file uploaded again under the same name replaces the earlier copy (and its article)."""
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    kept: list[Path] = []
    refused: list[Refusal] = []
    for i, (name, tmp) in enumerate(files):
        clean = safe_name(name)
        if i >= MAX_FILES:
            refused.append(
                Refusal(
                    name,
                    explained(
                        f"한 번에 {MAX_FILES}개까지 받습니다: 나머지는 따로 올려 주세요",
                        f"more than {MAX_FILES} files at once",
                    ),
                )
            )
        elif not clean.endswith(ALLOWED_SUFFIXES):
            kinds = ", ".join(ALLOWED_SUFFIXES)
            refused.append(
                Refusal(name, explained(f"기사 파일이 아닙니다: {kinds} 파일만 받습니다", "not an article file"))
            )
        elif tmp.stat().st_size > MAX_BYTES:
            limit = MAX_BYTES // (1024 * 1024)
            refused.append(
                Refusal(name, explained(f"파일이 너무 큽니다: {limit} MB까지 받습니다", f"larger than {limit} MB"))
            )
        else:
            dest = (root / clean).resolve()
            if dest.parent != root:  # cannot happen after safe_name; checked because it must never happen
                refused.append(Refusal(name, explained("받을 수 없는 파일 이름입니다", "file name refused")))
                continue
            shutil.copyfile(tmp, dest)
            kept.append(dest)
    return kept, refused
