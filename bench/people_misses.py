"""The people with their posts that extraction misses or gets wrong on the dev half of bench/real, one line each,
with what was extracted instead, where the name stands in the text, and a rough category, then the count per
category. Only the dev half (odd article numbers) is listed: the held half is designed on never, so its misses are
not shown one by one (bench.real_eval reports its figures).

    uv run python -m bench.people_misses [--context 40]

The lines quote the saved third-party texts: read them in the terminal, never paste them into the repository."""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass

from bench.real_eval import BYLINES, POSTS, REAL, _jsonl, _Rdf, gold_half, matched_posts
from policykg.ingest.article import build_article
from policykg.ingest.loading import read_source
from policykg.ingest.models import Article
from policykg.ingest.pipeline import ingest_file
from policykg.ontology.schema import korean_label


@dataclass(frozen=True)
class Miss:
    article: str
    name: str
    post: str
    organization: str | None
    instead: tuple[str, ...]  # posts extracted for the same name, and the byline's reporter when it is this name
    category: str
    place: str  # body | skipped: <reason> | raw text only
    where: str  # the name in context: a body sentence, or a block skipped from the body with its reason


def _first_word(post: str) -> str:
    return post.split(maxsplit=1)[0]


def _near(text: str, name: str, post: str) -> int:
    """Where `name` stands closest to `post` (within 40 characters either side), else its first occurrence."""
    spots = [m.start() for m in re.finditer(re.escape(name), text)]
    close = [at for at in spots if _first_word(post) in text[max(0, at - 40) : at + len(name) + 40]]
    return (close or spots or [-1])[0]


def _where(article: Article, raw: str, name: str, post: str, context: int) -> tuple[str, str]:
    """Where `name` stands with its post: in the body, else in a block skipped from it (and why), else only in
    the raw text (the page's title or metadata)."""
    skipped = next((s for s in article.skipped if name in s.text and _first_word(post) in s.text), None)
    at = _near(article.body, name, post)
    if at >= 0 and (skipped is None or _first_word(post) in article.body[max(0, at - 40) : at + len(name) + 40]):
        return "body", article.body[max(0, at - context) : at + len(name) + context].replace("\n", " ")
    if skipped is not None:
        return f"skipped: {skipped.reason}", skipped.text[:200]
    at = _near(raw, name, post)
    shown = raw[max(0, at - context) : at + len(name) + context] if at >= 0 else ""
    return "raw text only", shown.replace("\n", " ")


def _category(name: str, post: str, place: str, instead: tuple[str, ...]) -> str:
    """A first, mechanical grouping; the README names the finer categories read from the lines."""
    if post == korean_label("author"):
        return "reporter in the byline not read" if place != "body" else "reporter named in the body"
    if place != "body":
        return f"named only outside the body ({place})"
    if instead:
        return "another post extracted"
    if " " in name:
        return "name with a space (foreign name)"
    return "in the body, no post read"


def misses(context: int) -> tuple[list[Miss], list[tuple[str, str, str]]]:
    """Every gold person of the dev half not found, and every extracted (article, name, post) no gold person
    matches (same name, one post containing the other)."""
    reporter = korean_label("author")
    found: list[Miss] = []
    wrong: list[tuple[str, str, str]] = []
    for gold in _jsonl(REAL / "gold.jsonl"):
        sid = gold["article"]
        path = REAL / "texts" / f"{sid}.txt"
        if gold_half(sid) != "dev" or not path.exists():
            continue
        result = ingest_file(path)
        if result.graph is None:
            continue
        rdf = _Rdf(result.graph)
        posts = {(r["name"], r["post"]) for r in rdf.execute_query(POSTS, sid)[0]}
        posts |= {(r["name"], reporter) for r in rdf.execute_query(BYLINES, sid)[0]}
        gold_posts = {(p["name"], p["post"]): p.get("organization") for p in gold.get("people", [])}
        hit = matched_posts(set(gold_posts), posts)
        article, raw = build_article(read_source(path)), path.read_text(encoding="utf-8")
        for (name, post), org in sorted(gold_posts.items()):
            if (name, post) in hit:
                continue
            instead = tuple(sorted(p or "" for n, p in posts if n == name))
            place, snippet = _where(article, raw, name, post, context)
            found.append(Miss(sid, name, post, org, instead, _category(name, post, place, instead), place, snippet))
        matched = matched_posts(posts, set(gold_posts))
        wrong += [(sid, n, p or "") for n, p in sorted(posts - matched, key=str)]
    return found, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--context", type=int, default=40, help="characters shown around the name")
    args = parser.parse_args()
    if not any((REAL / "texts").glob("*.txt")):
        raise SystemExit("no texts in bench/real/texts/: re-retrieve them first (bench/real/README.md)")
    missed, wrong = misses(args.context)
    for m in missed:
        org = f" ({m.organization})" if m.organization else ""
        instead = ", ".join(m.instead) or "—"
        print(f"{m.article} {m.name}: expected {m.post}{org}; extracted {instead}; [{m.category}]")
        print(f"    {m.place}: {m.where}")
    print("\nextracted, in no gold line:")
    for sid, name, post in wrong:
        print(f"{sid} {name}: {post}")
    print("\nmisses by category:")
    for category, n in Counter(m.category for m in missed).most_common():
        print(f"{n:3d}  {category}")


if __name__ == "__main__":
    main()
