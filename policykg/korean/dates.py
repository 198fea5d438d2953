"""Korean dates in text → DateSpans, relative ones ('올해 하반기', '30일', '지난해 9월 8일') resolved against
the publication date, each recording how it was resolved."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

from policykg.korean.spans import DateSpan

_REL_YEARS = {
    "올해": 0,
    "금년": 0,
    "올": 0,
    "내년": 1,
    "명년": 1,
    "내후년": 2,
    "지난해": -1,
    "작년": -1,
    "전년": -1,
    "재작년": -2,
}
_PART = r"(?:\s*(상반기|하반기|[1-4]\s*분기|연초|연말|초|말))?"
_MD = r"(?:\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?)?"
_BOUND = re.compile(r"\s*(까지|부터|이후|이전|이내)")
_NOT_AFTER_DIGIT = r"(?<![\d.,])"

Resolver = Callable[[re.Match[str], date | None], tuple[date, date, str] | None]


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def part_span(year: int, part: str | None) -> tuple[date, date]:
    part = (part or "").replace(" ", "")
    if part == "상반기":
        return date(year, 1, 1), date(year, 6, 30)
    if part == "하반기":
        return date(year, 7, 1), date(year, 12, 31)
    if part.endswith("분기"):
        q = int(part[0])
        return month_span(year, 3 * q - 2)[0], month_span(year, 3 * q)[1]
    if part in ("연초", "초"):
        return date(year, 1, 1), date(year, 3, 31)
    if part in ("연말", "말"):
        return date(year, 10, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _ymd(m: re.Match[str], _ctx: date | None) -> tuple[date, date, str] | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return (d, d, "absolute date") if d else None


def _ym(m: re.Match[str], _ctx: date | None) -> tuple[date, date, str] | None:
    month = int(m["m"])
    return (*month_span(int(m["y"]), month), "absolute month") if 1 <= month <= 12 else None


def _year_part(m: re.Match[str], _ctx: date | None) -> tuple[date, date, str] | None:
    return (*part_span(int(m["y"]), m["part"]), "absolute year")


def _relative_year(m: re.Match[str], ctx: date | None) -> tuple[date, date, str] | None:
    if ctx is None:
        return None
    year = ctx.year + _REL_YEARS[m["rel"]]
    note = f"{m['rel']} relative to published {ctx.isoformat()}"
    if m["mo"]:
        month = int(m["mo"])
        if not 1 <= month <= 12:
            return None
        if m["dd"]:
            d = _safe_date(year, month, int(m["dd"]))
            return (d, d, note) if d else None
        return (*month_span(year, month), note)
    return (*part_span(year, m["part"]), note)


def _month_day(m: re.Match[str], ctx: date | None) -> tuple[date, date, str] | None:
    if ctx is None:
        return None
    month, year = int(m["mo"]), ctx.year
    if not 1 <= month <= 12:
        return None
    if m["dir"] == "오는" and (month, int(m["dd"] or 1)) < (ctx.month, 1 if not m["dd"] else ctx.day):
        year += 1
    elif m["dir"] == "지난" and (month, int(m["dd"] or 1)) > (ctx.month, ctx.day):
        year -= 1
    note = f"month{' and day' if m['dd'] else ''} in the year of published {ctx.isoformat()}"
    if m["dd"]:
        d = _safe_date(year, month, int(m["dd"]))
        return (d, d, note) if d else None
    return (*month_span(year, month), note)


def _day(m: re.Match[str], ctx: date | None) -> tuple[date, date, str] | None:
    if ctx is None:
        return None
    day, year, month = int(m["dd"]), ctx.year, ctx.month
    if day > ctx.day and m["dir"] != "오는":  # news reports the past: a later day is last month's
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    d = _safe_date(year, month, day)
    return (d, d, f"day of the month of published {ctx.isoformat()}") if d else None


def _this_month(m: re.Match[str], ctx: date | None) -> tuple[date, date, str] | None:
    if ctx is None:
        return None
    shift = {"이달": 0, "이번 달": 0, "이번달": 0, "다음 달": 1, "다음달": 1, "내달": 1, "지난달": -1, "지난 달": -1}[
        m["w"]
    ]
    index = ctx.year * 12 + ctx.month - 1 + shift
    return (*month_span(index // 12, index % 12 + 1), f"{m['w']} relative to published {ctx.isoformat()}")


def _within_year(m: re.Match[str], ctx: date | None) -> tuple[date, date, str] | None:
    return (ctx, date(ctx.year, 12, 31), f"연내 relative to published {ctx.isoformat()}") if ctx else None


PATTERNS: list[tuple[re.Pattern[str], Resolver]] = [
    (
        re.compile(
            _NOT_AFTER_DIGIT
            + r"(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})(?:\s*일|\s*\.)?"
        ),
        _ymd,
    ),
    (re.compile(_NOT_AFTER_DIGIT + r"(?P<y>(?:19|20)\d{2})\s*년\s*(?P<m>\d{1,2})\s*월"), _ym),
    (
        re.compile(
            _NOT_AFTER_DIGIT + r"(?P<y>(?:19|20)\d{2})\s*년(?:도)?" + _PART.replace("(상반기", "(?P<part>상반기")
        ),
        _year_part,
    ),
    (
        re.compile(
            r"(?P<rel>올해|금년|내년|명년|내후년|지난해|작년|전년|재작년)"
            + _PART.replace("(상반기", "(?P<part>상반기")
            + _MD.replace(r"(\d{1,2})\s*월", r"(?P<mo>\d{1,2})\s*월").replace(
                r"(\d{1,2})\s*일", r"(?P<dd>\d{1,2})\s*일"
            )
        ),
        _relative_year,
    ),
    # A portal header's '작성일 MM-DD HH' carries no year: the publication year supplies it.
    (re.compile(r"(?P<dir>)작성일\s*(?P<mo>\d{1,2})-(?P<dd>\d{1,2})"), _month_day),
    (
        re.compile(
            r"(?:(?P<dir>오는|지난|이번)\s*)?" + _NOT_AFTER_DIGIT + r"(?P<mo>\d{1,2})\s*월(?:\s*(?P<dd>\d{1,2})\s*일)?"
        ),
        _month_day,
    ),
    (
        re.compile(
            r"(?:(?P<dir>오는|지난)\s*)?" + _NOT_AFTER_DIGIT + r"(?P<dd>\d{1,2})\s*일(?!\s*(?:간|동안|만에|째|분))"
        ),
        _day,
    ),
    (re.compile(r"(?P<w>이달|이번 ?달|다음 ?달|내달|지난 ?달)"), _this_month),
    (re.compile(r"연내"), _within_year),
]


def find_dates(text: str, published: date | None) -> list[DateSpan]:
    """All date expressions in `text`, longest first where they overlap, in text order."""
    candidates: list[tuple[int, int, tuple[date, date, str]]] = []
    for pattern, resolve in PATTERNS:
        for m in pattern.finditer(text):
            resolved = resolve(m, published)
            if resolved:
                candidates.append((m.start(), m.end(), resolved))
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    spans: list[DateSpan] = []
    taken_until = -1
    for start, end, (begin, finish, how) in candidates:
        if start < taken_until:
            continue
        qualifier = "exact"
        lo: date | None = begin
        hi: date | None = finish
        bound = _BOUND.match(text, end)
        if bound:
            end = bound.end()
            if bound[1] in ("까지", "이전", "이내"):
                qualifier, lo = "at_most", None
            else:
                qualifier, hi = "at_least", None
        spans.append(DateSpan(lo, hi, qualifier, text[start:end], start, end, how))
        taken_until = end
    return spans


def parse_date(text: str, published: date | None = None) -> DateSpan | None:
    """The first date expression in `text`, if any."""
    found = find_dates(text, published)
    return found[0] if found else None
