"""Tables and messages every tab shows: result frames, empty states as a Korean sentence, errors."""

from __future__ import annotations

import html
import json
from typing import Any

import pandas as pd

# Numbers of five digits or more get thousands separators (11,000,000,000); shorter ones stay as they are, so a
# year reads 2026 and not 2,026.
SEPARATE_FROM = 10_000


def readable_number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value) < SEPARATE_FROM:
        return value
    return f"{value:,}"


def frame(columns: list[str], rows: list[list[Any]], numbers: bool = False) -> pd.DataFrame:
    """A table of rows; lists and maps as JSON text; with `numbers`, large numbers with thousands separators."""
    cells = [
        [
            json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else readable_number(v) if numbers else v
            for v in row
        ]
        for row in rows
    ]
    return pd.DataFrame(cells, columns=columns)


def empty(message: str) -> pd.DataFrame:
    """An empty table as a Korean sentence (an empty Dataframe shows a bare "1 | 2 | 3" header)."""
    return pd.DataFrame([[message]], columns=["안내"])


def error_html(message: str) -> str:
    """An error; a multi-line one (Neo4j's with the statement and a caret under the fault) keeps its lines."""
    if "\n" in message:
        return f'<pre class="pkg-error">오류: {html.escape(message)}</pre>'
    return f'<p class="pkg-error">오류: {html.escape(message)}</p>'


def unreachable_html(message: str) -> str:
    """Neo4j cannot be reached: the Korean message with its fix, in place of the tab's result."""
    return f'<p class="pkg-error pkg-unreachable">{html.escape(message)}</p>'
