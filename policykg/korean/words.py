"""Korean words with a meaning the stages share, read the same way from articles and from questions."""

from __future__ import annotations

import re

# A budget's stage (SKOS notations of pkg:BudgetStage), first match wins: '예산안' is a proposal even when the
# sentence also says 총.
_STAGES = (
    ("proposal", r"예산안|정부안"),
    ("supplementary", r"추경|추가\s*경정"),
    ("executed", r"집행"),
    ("investment", r"출자"),
    ("enacted", r"본예산|확정\s*예산|예산이\s*확정|국회를\s*통과"),
    ("plan", r"까지\s*총|총\s*사업비"),
)


def stage_of(text: str) -> str | None:
    for notation, pattern in _STAGES:
        if re.search(pattern, text):
            return notation
    return None
