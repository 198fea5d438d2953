"""Every expression of the own table (korean_values_own.tsv) and of ../shared/eval/korean_values.tsv parses to
its exact value, plus property tests."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policykg.korean.dates import find_dates
from policykg.korean.values import find_values
from tests.conftest import SHARED

TABLES = {"own": Path(__file__).with_name("korean_values_own.tsv"), "shared": SHARED / "eval" / "korean_values.tsv"}


def _params(dates: bool) -> list[object]:
    """The rows of both tables, each id prefixed with its table. Without ../shared its table is one placeholder
    marked `shared`, which the hook in tests/conftest.py skips with its reason (no read at collection)."""
    params: list[object] = []
    for table, path in TABLES.items():
        if not path.exists():
            params.append(pytest.param(*"------", id=f"{table}-absent", marks=pytest.mark.shared))
            continue
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
        rows = list(csv.reader(lines[1:], delimiter="\t"))
        assert rows and all(len(r) == 6 for r in rows), path
        params += [pytest.param(*r, id=f"{table}-{r[0]}") for r in rows if (r[2] == "date") == dates]
    return params


@pytest.mark.parametrize(("text", "context", "kind", "value", "unit", "qualifier"), _params(dates=False))
def test_value_expression(text: str, context: str, kind: str, value: str, unit: str, qualifier: str) -> None:
    found = find_values(text)
    assert found, f"nothing found in {text!r}"
    v = found[0]
    assert (v.kind, v.unit, v.qualifier) == (kind, unit, qualifier)
    assert (str(v.value) if v.value is not None else "-") == value


@pytest.mark.parametrize(("text", "context", "kind", "value", "unit", "qualifier"), _params(dates=True))
def test_date_expression(text: str, context: str, kind: str, value: str, unit: str, qualifier: str) -> None:
    published = date.fromisoformat(context) if context != "-" else None
    found = find_dates(text, published)
    assert found, f"nothing found in {text!r}"
    span = found[0]
    begin, _, end = value.partition("/")
    assert (span.begin.isoformat() if span.begin else "") == begin
    assert (span.end.isoformat() if span.end else "") == (end if "/" in value else begin)
    assert span.qualifier == qualifier
    assert span.resolution


def test_relative_date_without_publication_date_is_left_unresolved() -> None:
    assert find_dates("올해 하반기", None) == []


def test_values_inside_a_sentence_keep_their_offsets() -> None:
    sentence = "사업 예산 110억원 중 100억원은 제품 개발에, 남은 10억원은 인재 양성에 쓰인다."
    found = find_values(sentence)
    assert [v.value for v in found] == [Decimal(11_000_000_000), Decimal(10_000_000_000), Decimal(1_000_000_000)]
    assert all(sentence[v.start : v.end] == v.surface for v in found)


def test_years_and_durations_are_not_money() -> None:
    found = find_values("2025년부터 3년 동안 6개월마다 평가한다")
    assert [(v.kind, v.value, v.unit) for v in found] == [("count", Decimal(6), "개월")]


def _korean(n: int) -> str:
    """Write n won the way Korean news does: 조, 억 and 만 groups, the rest in digits."""
    jo, rest = divmod(n, 10**12)
    eok, rest = divmod(rest, 10**8)
    man, won = divmod(rest, 10**4)
    parts = [f"{x}{u}" for x, u in ((jo, "조"), (eok, "억"), (man, "만")) if x]
    if won or not parts:
        parts.append(str(won))
    return " ".join(parts) + " 원"


@given(st.integers(min_value=1, max_value=999_999 * 10**12))
def test_any_korean_amount_round_trips(n: int) -> None:
    found = find_values(_korean(n))
    assert len(found) == 1 and found[0].value == Decimal(n) and found[0].unit == "KRW"


@given(
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["약 ", "최대 ", ""]),
    st.sampled_from(["", " 이상", " 안팎"]),
)
def test_qualifiers_follow_the_words(n: int, prefix: str, suffix: str) -> None:
    found = find_values(f"{prefix}{n:,}억원{suffix}")
    expected = {" 이상": "at_least", " 안팎": "approx"}.get(suffix) or {"약 ": "approx", "최대 ": "at_most"}.get(
        prefix, "exact"
    )
    assert found[0].value == Decimal(n) * 10**8 and found[0].qualifier == expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_absolute_dates_parse_in_every_format(d: date) -> None:
    for text in (f"{d.year}년 {d.month}월 {d.day}일", f"{d.year}. {d.month:02d}. {d.day:02d}.", d.isoformat()):
        found = find_dates(text, None)
        assert found and found[0].begin == d == found[0].end, text


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_relative_years_follow_the_publication_date(published: date) -> None:
    this, next_year = find_dates("올해", published)[0], find_dates("내년 상반기", published)[0]
    assert this.begin == date(published.year, 1, 1) and this.end == date(published.year, 12, 31)
    assert next_year.begin == date(published.year + 1, 1, 1) and next_year.end == date(published.year + 1, 6, 30)


def test_an_article_of_a_law_and_words_that_begin_with_won_are_no_amounts() -> None:
    assert [v.surface for v in find_values("드론법 제6조에 따른 계획이다. 제1조 원칙은 안전이다.")] == []
    assert [v.value for v in find_values("예산은 3조 원이다.")] == [Decimal(3 * 10**12)]
