#!/usr/bin/env python3
"""Validate the real-article evaluation set (bench/real/).

Checks: ids unique; every question's sources exist in articles.jsonl; every
non-abstain expect group has at least one string; abstain questions have no
expect/sources; splits are present. When bench/real/texts/ holds the saved
excerpts (git-ignored, re-retrieved with the search tool), also checks that
every gold figure, name and organisation and every expect group (or, for
derived answers, every evidence string) occurs in the saved text after removing
spaces and commas, that gold surfaces parse to their values, that sums add up,
and that no committed string copies a long run of article text.

Python 3.11 standard library only. Exit status 0 when everything passes.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
TEXTS = HERE / "texts"
SPLITS = {"train", "test"}
MULT = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3, "": 1}
# organisation names that may appear in a text under a short or English form
ALIASES = {
    "과학기술정보통신부": ["과기정통부", "과기부"],
    "정보통신산업진흥원": ["NIPA"],
    "한국지능정보사회진흥원": ["NIA"],
    "한국과학기술정보연구원": ["KISTI"],
    "한국과학기술원": ["KAIST"],
    "국가AI전략위원회": ["국가인공지능전략위원회"],
    "중소벤처기업부": ["중기부"],
    "광주시": ["광주광역시"],
    "휴렛팩커드 엔터프라이즈": ["HPE"],
}
COPY_WINDOW = 25  # characters (spaces/commas removed) that may not be copied from a text

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def norm(s: str) -> str:
    return re.sub(r"[\s,]", "", s)


def parse_kr(s: str) -> Decimal | None:
    """'1조4600억원' -> 1460000000000, '1만 3712장' -> 13712, '12.9%' -> 12.9,
    '6조6천665억' -> 6666500000000, '12억5천만원' -> 1250000000."""
    # a 천 inside a larger unit's group ('4천426억', '5천만') belongs to that group
    t = re.sub(
        r"(\d+)천(\d{0,3})(?=[조억만])",
        lambda m: str(int(m[1]) * 1000 + int(m[2] or 0)),
        norm(s),
    )
    tokens = re.findall(r"(\d+(?:\.\d+)?)(조|억|만|천)?", t)
    if not tokens:
        return None
    return sum((Decimal(n) * MULT[u] for n, u in tokens), Decimal(0))


def load(name: str) -> list[dict]:
    rows = []
    path = HERE / name
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            err(f"{name}:{i}: bad JSON ({e})")
    return rows


def unique(rows: list[dict], key: str, name: str) -> None:
    for k, n in Counter(r.get(key) for r in rows).items():
        if n > 1:
            err(f"{name}: {key} {k!r} appears {n} times")


def main() -> int:
    articles = load("articles.jsonl")
    gold = load("gold.jsonl")
    questions = load("questions.jsonl")
    unique(articles, "id", "articles.jsonl")
    unique(gold, "article", "gold.jsonl")
    unique(questions, "id", "questions.jsonl")
    ids = {a["id"] for a in articles}
    for a in articles:
        for f in ("id", "url", "publisher", "date", "query", "topic"):
            if f not in a:
                err(f"articles.jsonl {a.get('id')}: missing {f}")
        if a.get("date") is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", a["date"]):
            err(f"articles.jsonl {a['id']}: date {a['date']!r} is not YYYY-MM-DD or null")

    texts: dict[str, str] = {}
    if TEXTS.is_dir() and any(TEXTS.glob("*.txt")):
        for aid in sorted(ids):
            p = TEXTS / f"{aid}.txt"
            if p.exists():
                texts[aid] = norm(p.read_text(encoding="utf-8"))
            else:
                err(f"texts/{aid}.txt is missing")
    else:
        print(
            "bench/real/texts/ is absent: skipping the checks against article text "
            "(re-retrieve the excerpts with the search tool, see README.md)"
        )

    def occurs(s: str, srcs: list[str]) -> bool:
        t = norm(s)
        return bool(t) and any(t in texts[a] for a in srcs if a in texts)

    def org_occurs(name: str, aid: str) -> bool:
        return any(occurs(n, [aid]) for n in [name, *ALIASES.get(name, [])])

    committed: list[tuple[str, str]] = []  # (where, string) to scan for copied text

    # gold
    for g in gold:
        aid = str(g.get("article"))
        if aid not in ids:
            err(f"gold: unknown article {aid!r}")
            continue
        for item in g.get("money", []):
            committed.append((f"gold {aid} money", item.get("label", "")))
            if not isinstance(item.get("value"), int):
                err(f"gold {aid}: money value {item.get('value')!r} is not an integer")
            if texts:
                s = item.get("surface", "")
                if not occurs(s, [aid]):
                    err(f"gold {aid}: money surface {s!r} not in text")
                elif item.get("currency", "KRW") == "KRW" and parse_kr(s) != Decimal(item["value"]):
                    err(f"gold {aid}: money {s!r} parses to {parse_kr(s)}, not {item['value']}")
        for item in g.get("quantities", []):
            committed.append((f"gold {aid} quantity", item.get("label", "")))
            if not item.get("unit"):
                err(f"gold {aid}: quantity {item!r} has no unit")
            if texts:
                s = item.get("surface", "")
                if not occurs(s, [aid]):
                    err(f"gold {aid}: quantity surface {s!r} not in text")
                else:
                    v = parse_kr(s)
                    if v is not None and v != Decimal(str(item["value"])):
                        err(f"gold {aid}: quantity {s!r} parses to {v}, not {item['value']}")
        for person in g.get("people", []):
            if not person.get("name") or not person.get("post"):
                err(f"gold {aid}: person {person!r} needs name and post")
            elif texts and not occurs(person["name"], [aid]):
                err(f"gold {aid}: person {person['name']!r} not in text")
        for org in g.get("organizations", []):
            if texts and not org_occurs(org, aid):
                err(f"gold {aid}: organization {org!r} not in text")

    # questions
    for qn in questions:
        qid = qn.get("id")
        committed.append((f"question {qid}", qn.get("question", "")))
        if qn.get("split") not in SPLITS:
            err(f"{qid}: split {qn.get('split')!r} not in {sorted(SPLITS)}")
        if not qn.get("kind"):
            err(f"{qid}: no kind")
        srcs = qn.get("sources", [])
        for s in srcs:
            if s not in ids:
                err(f"{qid}: source {s!r} not in articles.jsonl")
        expect = qn.get("expect")
        if not isinstance(expect, list):
            err(f"{qid}: expect is not a list")
            continue
        if qn.get("abstain"):
            if expect or srcs:
                err(f"{qid}: abstain question must have empty expect and sources")
            continue
        if not expect or not srcs:
            err(f"{qid}: non-abstain question needs expect and sources")
        for grp in expect:
            if not isinstance(grp, list) or not grp or not all(isinstance(x, str) and x for x in grp):
                err(f"{qid}: expect group {grp!r} needs at least one non-empty string")
        if not texts:
            continue
        evidence = qn.get("evidence", [])
        for e in evidence:
            if not occurs(e, srcs):
                err(f"{qid}: evidence {e!r} not in the texts of {srcs}")
        for grp in expect:
            if not any(occurs(x, srcs) for x in grp) and not evidence:
                err(f"{qid}: no string of expect group {grp!r} occurs in {srcs} (add evidence if derived)")
        if qn.get("kind") == "sum":
            total = sum((parse_kr(e) or Decimal(0) for e in evidence), Decimal(0))
            if not any(parse_kr(x) == total for x in expect[0]):
                err(f"{qid}: evidence sums to {total}, which no string of the first expect group states")

    # nothing committed may copy a long run of article text
    if texts:
        for where, s in committed:
            t = norm(s)
            for i in range(0, max(0, len(t) - COPY_WINDOW + 1)):
                window = t[i : i + COPY_WINDOW]
                hit = next((a for a, x in texts.items() if window in x), None)
                if hit:
                    err(f"{where}: copies {COPY_WINDOW}+ characters of {hit}: {window!r}")
                    break

    kinds = Counter(q.get("kind") for q in questions)
    print(
        f"articles {len(articles)}, publishers {len({a['publisher'] for a in articles})}, "
        f"gold articles {len(gold)}, questions {len(questions)} "
        f"(abstain {sum(1 for q in questions if q.get('abstain'))}), "
        f"splits {dict(Counter(q.get('split') for q in questions))}, kinds {dict(sorted(kinds.items()))}"
    )
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
