"""Read one input file into text: size, emptiness, binary content, encoding and language checked first.

Every refusal is a BadArticle with a one-line reason, so a batch can report it and go on.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import charset_normalizer

from policykg.errors import BadArticle
from policykg.ingest.models import SourceText

MAX_BYTES = 10 * 1024 * 1024
MIN_HANGUL = 20
SUPPORTED_SUFFIXES = {".txt", ".html", ".htm", ".md", ".markdown", ""}
_HANGUL = re.compile(r"[가-힣]")


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding): UTF-8 (with or without BOM) first, then detection (EUC-KR/CP949 …)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > 0.3:
        raise BadArticle("cannot decode the text: not UTF-8 and no known encoding fits (binary or damaged file?)")
    return str(best), best.encoding


def read_source(path: Path) -> SourceText:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise BadArticle(f"file is {size / 1e6:.1f} MB; articles over {MAX_BYTES // (1024 * 1024)} MB are refused")
    data = path.read_bytes()
    if not data.strip():
        raise BadArticle("empty file")
    if b"\x00" in data[:65536]:
        raise BadArticle("binary content (NUL bytes), not a text or HTML article")
    text, encoding = decode(data)
    if len(_HANGUL.findall(text)) < MIN_HANGUL:
        raise BadArticle("no Korean text: policykg ingests Korean articles")
    return SourceText(
        path=path, source_id=path.stem, text=text, encoding=encoding, content_hash=hashlib.sha256(data).hexdigest()
    )
