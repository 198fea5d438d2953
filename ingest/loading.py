"""Read one input file into text: kind of file, size, emptiness, binary content, encoding and language checked
first.

Every refusal is a BadArticle with a one-line reason, so a batch can report it and go on.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

import charset_normalizer

from policykg.errors import BadArticle
from policykg.ingest.models import SourceText
from policykg.ingest.sources import record_for

MAX_BYTES = 10 * 1024 * 1024
MIN_HANGUL = 20
SUPPORTED_SUFFIXES = {".txt", ".html", ".htm", ".md", ".markdown", ""}
_HANGUL = re.compile(r"[가-힣]")
# What Korean news is written with: Hangul, ASCII and Latin-1, punctuation and symbols, CJK marks, Hanja,
# full-width forms. Binary read as UTF-16 is mostly other characters.
_KOREAN_TEXT = re.compile(r"[가-힣\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u27bf\u3000-\u33ff\u4e00-\u9fff\uff00-\uffef]")
_NOT_REGULAR = {
    stat.S_IFDIR: "a directory",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
}


def _utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with a BOM, or without one when the bytes read as Korean text in one byte order (ASCII and
    Hangul in UTF-16 put NUL bytes in every other place, which the binary check would refuse)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise BadArticle(
                "글자를 읽을 수 없습니다: UTF-16 표시가 있지만 내용은 UTF-16이 아닙니다",
                "cannot decode the text: a UTF-16 byte-order mark, but not valid UTF-16",
            ) from None
    if len(data) % 2 or b"\x00" not in data[:4096]:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:4096]
        if len(_KOREAN_TEXT.findall(sample)) >= 0.95 * len(sample) and len(_HANGUL.findall(sample)) >= MIN_HANGUL:
            return text, encoding
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding): UTF-8 with a BOM, UTF-16, UTF-8, then detection (EUC-KR/CP949 …)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if (utf16 := _utf16(data)) is not None:
        return utf16
    if b"\x00" in data[:65536]:
        raise BadArticle(
            "글이 아닌 바이너리 파일입니다: 텍스트나 HTML 기사만 받습니다",
            "binary content (NUL bytes), not a text or HTML article",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > 0.3:
        raise BadArticle(
            "글자를 읽을 수 없습니다: 알려진 인코딩이 맞지 않습니다 (바이너리이거나 손상된 파일일 수 있습니다)",
            "cannot decode the text: not UTF-8 and no known encoding fits",
        )
    return str(best), best.encoding


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes, at most MAX_BYTES: devices, pipes and directories are refused without reading,
    and the size is what is read, not what the file system claims (/dev/zero claims 0 bytes)."""
    try:
        # O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError as exc:
        raise BadArticle("파일을 열 수 없습니다", f"cannot open the file: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        kind = stat.S_IFMT(info.st_mode)
        if kind != stat.S_IFREG:
            raise BadArticle(
                "일반 파일이 아니라 읽지 않았습니다",
                f"not a regular file but {_NOT_REGULAR.get(kind, 'a special file')}",
            )
        with open(fd, "rb", closefd=False) as file:
            data = file.read(MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        size = f"{info.st_size / 1e6:.1f} MB" if info.st_size > MAX_BYTES else "longer"
        limit = MAX_BYTES // (1024 * 1024)
        raise BadArticle(
            f"파일이 너무 큽니다: {limit} MB가 넘는 기사는 받지 않습니다",
            f"file is {size}; articles over {limit} MB are refused",
        )
    return data


def read_source(path: Path) -> SourceText:
    data = read_bytes(path)
    if not data.strip():
        raise BadArticle("빈 파일입니다", "empty file")
    text, encoding = decode(data)
    if len(_HANGUL.findall(text)) < MIN_HANGUL:
        raise BadArticle(
            "한국어 기사가 아닙니다: policykg는 한국어 기사만 받습니다",
            "no Korean text: policykg ingests Korean articles",
        )
    record = record_for(path)
    return SourceText(
        path=path,
        source_id=path.stem,
        text=text,
        encoding=encoding,
        content_hash=hashlib.sha256(data + (record.key() if record else b"")).hexdigest(),
        record=record,
    )
