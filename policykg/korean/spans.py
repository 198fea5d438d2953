"""Spans of Korean text the shared layer finds: sentences, normalised values and dates. Offsets are Python
string indices (code points) into the text that was analysed."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Value:
    """A normalised number from text: money, count, percentage or measure."""

    kind: str  # money | count | percent | quantity
    value: Decimal | None  # None only for vague figures (수백억 원)
    unit: str  # KRW, USD, 장, 개, 팀, 명, %, FLOP …
    qualifier: str  # exact | approx | at_most | at_least | vague
    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class DateSpan:
    """A date or interval from text, resolved against the publication date where relative."""

    begin: date | None
    end: date | None
    qualifier: str  # exact | at_most | at_least
    surface: str
    start: int
    end_offset: int
    resolution: str  # how it was resolved, e.g. "올해 relative to 2025-11-30"


def sentence_at(sentences: list[Sentence], offset: int) -> int | None:
    """The index of the sentence holding `offset` (sentences in text order), or None between sentences."""
    at = bisect_right(sentences, offset, key=lambda s: s.start) - 1
    return sentences[at].index if at >= 0 and offset < sentences[at].end else None
