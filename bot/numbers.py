"""Korean number formatting for answers: 11000000000 → '110억 원 (11,000,000,000원)'."""

from __future__ import annotations

from decimal import Decimal

_UNITS = ((10**12, "조"), (10**8, "억"), (10**4, "만"))
_QUALIFIER_PREFIX = {"approx": "약 ", "at_most": "최대 "}
_QUALIFIER_SUFFIX = {"at_least": " 이상"}
# currencies as Korean writes them ('1054억 달러'), by their ISO code in the graph
_CURRENCY_WORDS = {"KRW": "원", "USD": "달러", "EUR": "유로", "JPY": "엔", "CNY": "위안"}


def korean_amount(value: Decimal | int | float) -> str:
    """1800000000000 → '1조 8000억', 11000000000 → '110억', 5300000000 → '53억'."""
    n = int(Decimal(str(value)))
    if n == 0:
        return "0"
    parts, rest = [], n
    for size, unit in _UNITS:
        if rest >= size:
            parts.append(f"{rest // size}{unit}")
            rest %= size
    if rest:
        parts.append(str(rest))
    return " ".join(parts)


def money(value: Decimal | int | float, currency: str = "KRW", qualifier: str = "exact") -> str:
    """'110억 원 (11,000,000,000원)', '약 134억 원 (13,400,000,000원)', '2000억 원 이상 (…)', '1054억 달러 (…달러)'."""
    n = int(Decimal(str(value)))
    unit = _CURRENCY_WORDS.get(currency, currency)
    word = f"{korean_amount(n)} {unit}"
    return f"{_QUALIFIER_PREFIX.get(qualifier, '')}{word}{_QUALIFIER_SUFFIX.get(qualifier, '')} ({n:,}{unit})"


def quantity(value: Decimal | int | float, unit: str, qualifier: str = "exact") -> str:
    d = Decimal(str(value))
    number = f"{int(d):,}" if d == d.to_integral_value() else f"{d.normalize()}"
    spacer = "" if unit in ("%", "팀", "장", "개", "명", "곳") else " "
    return f"{_QUALIFIER_PREFIX.get(qualifier, '')}{number}{spacer}{unit}{_QUALIFIER_SUFFIX.get(qualifier, '')}"
