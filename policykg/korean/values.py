"""Korean numbers with units → exact Decimals: money ('1조 8000억 원', '약 134억원', '최대 20억 원'), counts
('GPU 1만 장', '200여 명'), percentages ('95% 이상') and powers ('10의 26승 플롭스')."""

from __future__ import annotations

import re
from decimal import Decimal

from policykg.korean.spans import Value
from policykg.korean.words import (
    COUNTERS,
    MEASURE_UNITS,
    NATIVE_NUMBERS,
    ORDINAL_BEFORE,
    TOP_N,
    TOP_N_MAX,
    WORD_END,
    measure_pattern,
)

# a number below 10,000 as written before 조/억/만: '3', '1.5', '3천', '8천649' (8649), '2천500'
_SMALL = r"\d[\d,]*(?:\.\d+)?(?:\s*천(?:\d{1,3}(?![\d,.]))?|\s*[백십])?"
_NUMBER = (
    rf"(?:(?P<jo>{_SMALL})\s*조)?(?:\s*(?P<eok>{_SMALL})\s*억)?(?:\s*(?P<man>{_SMALL})\s*만)?"
    rf"(?:\s*(?P<rest>{_SMALL})(?![\d조억만]))?"
)
_PREFIX = r"(?:(?P<pre>약|대략|최대|최소|최고|총|연간|연|매년|각각)\s*)?"
_CURRENCIES = {"원": "KRW", "달러": "USD", "유로": "EUR", "엔": "JPY", "위안": "CNY"}
_SUFFIX = r"(?:\s*(?P<post>이상|이하|미만|초과|안팎|가량|정도|내외|수준|남짓|규모|상당))?"
_VALUE = re.compile(
    _PREFIX
    + r"(?<![\d.,])(?=\d)"
    + _NUMBER
    + r"(?P<about>여|여만|여억)?"
    + r"(?:\s*(?P<cur>원(?!칙|장|전|래|인|론|료|리|형|자|내|주민)|달러|유로|엔|위안)|\s*(?P<pct>%|퍼센트)"
    + r"|\s*(?P<measure>"
    + measure_pattern()
    + r")|\s*(?P<cnt>"
    + "|".join(c if c != "인" else "인(?![치분])" for c in COUNTERS)  # '7인', not '10인치'
    + r")(?:\s+(?P<noun>[가-힣]{0,4}팀|기업|기관|사|곳)"
    + WORD_END
    + r")?)?"
    + _SUFFIX
)
_VAGUE = re.compile(r"(?P<pre>수)(?P<mag>십|백|천)?(?P<unit>조|억|만)\s*(?P<cur>원|달러)")
_POWER = re.compile(r"10의\s*(?P<exp>\d+)\s*승\s*(?P<unit>플롭스|FLOPs?|플롭)" + _SUFFIX)
_SMALL_UNITS = {"천": 1000, "백": 100, "십": 10}
_BIG_UNITS = {"jo": 10**12, "eok": 10**8, "man": 10**4, "rest": 1}
_QUALIFIERS = {
    "약": "approx",
    "대략": "approx",
    "최대": "at_most",
    "최고": "at_most",
    "최소": "at_least",
    "이상": "at_least",
    "초과": "at_least",
    "이하": "at_most",
    "미만": "at_most",
    "안팎": "approx",
    "가량": "approx",
    "정도": "approx",
    "내외": "approx",
    "수준": "approx",
    "남짓": "approx",
    "상당": "approx",
}


def _small(text: str) -> Decimal:
    text = text.replace(",", "").replace(" ", "")
    thousands, _, rest = text.partition("천")
    if rest:
        return Decimal(thousands) * 1000 + Decimal(rest)
    multiplier = _SMALL_UNITS.get(text[-1], 1)
    return Decimal(text.rstrip("천백십")) * multiplier


def exact(value: Decimal) -> Decimal:
    """An integral value without exponent or trailing '.0' (9.9조 is 9900000000000, not 9.9E+12)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def korean_number(match: re.Match[str]) -> Decimal | None:
    parts = {k: match[k] for k in _BIG_UNITS if match[k]}
    if not parts:
        return None
    return exact(sum((_small(v) * _BIG_UNITS[k] for k, v in parts.items()), Decimal(0)))


def _qualifier(pre: str | None, post: str | None, about: str | None) -> str:
    # A bound after the number wins ('최대 1000장 이상' is at least 1000); '200여 명' is approximate.
    if post in _QUALIFIERS:
        return _QUALIFIERS[post]
    if about:
        return "approx"
    return _QUALIFIERS.get(pre or "", "exact")


def _kind_and_unit(m: re.Match[str]) -> tuple[str, str] | None:
    if m["cur"]:
        return "money", _CURRENCIES[m["cur"]]
    if m["pct"]:
        return "percent", "%"
    if m["measure"]:
        return "quantity", MEASURE_UNITS[m["measure"]]
    if m["cnt"]:
        noun = m["noun"] or ""
        if m["cnt"] == "개" and noun.endswith("팀"):  # '5개 팀', '3개 정예팀': teams
            return "count", "팀"
        return "count", "곳" if m["cnt"] == "개" and noun == "곳" else m["cnt"]
    if m["jo"] or m["eok"]:  # '9.9조', '3천억' name won by default in policy news
        return "money", "KRW"
    return None


_ONE_SYLLABLE = {"기", "점", "대", "석", "편", "종", "장", "건", "곳", "명", "팀", "개"}


def _ordinal(text: str, m: re.Match[str], number: Decimal) -> bool:
    """'제6대', '제1회' and '3대 강국', '6대4' name a rank or a ratio, no count; '제6조' (of a law) is no amount."""
    if (m["cnt"] or (m["jo"] and not m["cur"])) and ORDINAL_BEFORE.search(text[: m.start()]):
        return True
    return m["cnt"] == "대" and bool(TOP_N.match(text[m.end("cnt") :])) and (number <= TOP_N_MAX or bool(m["noun"]))


_NATIVE = re.compile(
    r"(?<![가-힣])(?P<num>" + "|".join(NATIVE_NUMBERS) + r")\s+(?P<cnt>차례|곳|명|개|팀|장|건|개국|개사)" + WORD_END
)


def _clip(text: str, m: re.Match[str]) -> tuple[int, int]:
    start = m.start("pre") if m["pre"] else m.start("jo") if m["jo"] else m.start()
    end = m.end()
    if m["post"] == "규모":  # '2000억 원 규모' says nothing about bounds; keep it out of the surface
        end = m.start("post")
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


def find_values(text: str) -> list[Value]:
    """Every money, count, percentage and power-of-ten value in `text`, in order."""
    values: list[Value] = []
    for m in _VALUE.finditer(text):
        number, kind_unit = korean_number(m), _kind_and_unit(m)
        if number is None or kind_unit is None:
            continue
        if _ordinal(text, m, number):
            continue
        if m["cnt"] in _ONE_SYLLABLE and not m["noun"] and not re.match(WORD_END, text[m.end("cnt") :]):
            continue  # '500기가', '30점대': a longer word, no counter
        if m["about"] in ("여만", "여억"):  # '3여만' is unusual but '200여 명' is not; only the plain form counts
            continue
        start, end = _clip(text, m)
        pre = m["pre"] if m["pre"] not in ("총", "연간", "연", "매년", "각각") else None
        values.append(
            Value(
                kind_unit[0], number, kind_unit[1], _qualifier(pre, m["post"], m["about"]), text[start:end], start, end
            )
        )
    for m in _NATIVE.finditer(text):  # '두 차례', '세 곳'
        number = Decimal(NATIVE_NUMBERS[m["num"]])
        values.append(Value("count", number, m["cnt"], "exact", m.group(), m.start(), m.end()))
    for m in _VAGUE.finditer(text):
        values.append(Value("money", None, _CURRENCIES[m["cur"]], "vague", m.group(), m.start(), m.end()))
    for m in _POWER.finditer(text):
        # Compute figures in AI policy are regulatory thresholds ('10의 26승 플롭스' of training compute and up).
        q = _QUALIFIERS.get(m["post"] or "", "at_least")
        end = m.end() if m["post"] != "규모" else m.start("post")
        values.append(Value("quantity", Decimal(10) ** int(m["exp"]), "FLOP", q, text[m.start() : end], m.start(), end))
    values.sort(key=lambda v: v.start)
    return _drop_overlaps(values)


def _drop_overlaps(values: list[Value]) -> list[Value]:
    kept: list[Value] = []
    for v in values:
        if kept and v.start < kept[-1].end:
            if v.end - v.start > kept[-1].end - kept[-1].start:
                kept[-1] = v
            continue
        kept.append(v)
    return kept
