"""Text measured in terminal columns, so that tables of Korean line up: Hangul, CJK and fullwidth
characters take two columns, combining marks none."""

from __future__ import annotations

import unicodedata


def _columns(char: str) -> int:
    # Conjoining Hangul vowels and final consonants (decomposed syllables) draw inside the preceding letter.
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf") or "\u1160" <= char <= "\u11ff":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def width(text: str) -> int:
    """How many terminal columns the text takes."""
    return sum(_columns(c) for c in text)


def fit(text: str, columns: int) -> str:
    """The text cut to at most `columns` columns (never through a wide character), padded to exactly that."""
    kept, used = [], 0
    for char in text:
        w = _columns(char)
        if used + w > columns:
            break
        kept.append(char)
        used += w
    return "".join(kept) + " " * (columns - used)
