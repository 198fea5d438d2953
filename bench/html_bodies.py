"""Body detection on real saved news pages: `uv run python -m bench.html_bodies`.

Runs policykg's own reading of a file (`read_source` → `build_article`, the first stage of `policykg ingest`,
then Kiwi sentences as ingest does) on every page of `bench/html/pages.jsonl` present in `bench/html/pages/`
(fetch them with `bench.html_pages`), twice: the saved HTML file, and the page's visible text as a browser copies
it (select all, copy: scripts, styles and hidden elements left out, one line per block) ingested as a .txt
file. Prints per page whether it loaded (or why it was refused), whether the body starts and ends where the gold
says, which page furniture leaked into it, the paragraphs, sub-headings and sentences found; then the totals.
A page whose gold expects a refusal is right when it is refused.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from bench.html_pages import GoldPage, load_manifest
from policykg.errors import BadArticle
from policykg.ingest.article import build_article
from policykg.ingest.blocks import BLOCK_TAGS, VOID_TAGS
from policykg.ingest.loading import read_source
from policykg.ingest.models import Article
from policykg.korean.sentences import analyse

NOT_SHOWN = {"script", "style", "noscript", "template", "head", "title", "svg"}
# Utility classes that stand for `display: none` in the pages' own CSS (a tooltip that opens on click, a closed
# layer): a browser's copy leaves their text out too.
HIDING_CLASSES = {"hide", "hidden", "is_hidden", "display-none"}


class _VisibleText(HTMLParser):
    """The text a reader selects and copies: shown elements only, a line break around every block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.open: list[tuple[str, bool]] = []  # (tag, hidden)

    def _hidden(self) -> bool:
        return any(hidden for _, hidden in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag in BLOCK_TAGS or tag == "br":
            self.lines.append("")
        if tag in VOID_TAGS:
            return
        style = a.get("style", "").replace(" ", "").lower()
        hiding_class = not HIDING_CLASSES.isdisjoint(a.get("class", "").split())
        self.open.append((tag, tag in NOT_SHOWN or "hidden" in a or hiding_class or "display:none" in style))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.lines.append("")
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self._hidden():
            self.lines[-1] += data


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in parser.lines)
    return "\n".join(line for line in lines if line) + "\n"


@dataclass
class Outcome:
    loaded: bool
    reason: str = ""
    starts: bool = False
    ends: bool = False
    leaked: list[str] = field(default_factory=list)
    paragraphs: int = 0
    subheadings_found: int = 0
    sentences: int = 0

    def right(self, gold: GoldPage) -> bool:
        if gold.expect == "refused":
            return not self.loaded
        return self.loaded and self.starts and self.ends and not self.leaked


def judge(article: Article, gold: GoldPage) -> Outcome:
    paragraphs = [b for b in article.blocks if b.kind != "subheading"]
    headings = [b.text for b in article.blocks if b.kind == "subheading"]
    return Outcome(
        loaded=True,
        starts=bool(paragraphs) and gold.body_starts in paragraphs[0].text,
        ends=bool(paragraphs) and gold.body_ends in paragraphs[-1].text,
        leaked=[j for j in gold.junk if j in article.body],
        paragraphs=len(paragraphs),
        subheadings_found=sum(any(s in h for h in headings) for s in gold.subheadings),
        sentences=len(analyse(article.body)[0]),
    )


def run(path: Path, gold: GoldPage) -> Outcome:
    try:
        article = build_article(read_source(path))
    except BadArticle as refused:
        return Outcome(loaded=False, reason=str(refused))
    return judge(article, gold)


def _line(variant: str, gold: GoldPage, o: Outcome) -> str:
    verdict = "right" if o.right(gold) else "WRONG"
    if not o.loaded:
        return f"  {variant:5} {verdict}  refused: {o.reason}"
    heads = f"{o.subheadings_found}/{len(gold.subheadings)}" if gold.subheadings else "-"
    return (
        f"  {variant:5} {verdict}  start {'ok' if o.starts else 'NO'}  end {'ok' if o.ends else 'NO'}  "
        f"paragraphs {o.paragraphs}/{gold.paragraphs}  sub-headings {heads}  sentences {o.sentences}"
        + (f"  leaked: {', '.join(o.leaked)}" if o.leaked else "")
    )


def main() -> None:
    pages = load_manifest()
    present = [p for p in pages if p.file.exists()]
    for page in pages:
        if page not in present:
            print(f"{page.id}: skipped (not in {page.file.parent}; see bench/html_pages.py)")
    totals: dict[str, list[bool]] = {"html": [], "text": []}
    with tempfile.TemporaryDirectory(prefix="policykg-copied-") as tmp:
        for page in present:
            copied = Path(tmp) / f"{page.id}.txt"
            copied.write_text(visible_text(read_source(page.file).text), encoding="utf-8")
            print(f"{page.id} ({page.publisher}{', ' + page.portal if page.portal else ''}; {page.layout})")
            for variant, path in (("html", page.file), ("text", copied)):
                outcome = run(path, page)
                totals[variant].append(outcome.right(page))
                print(_line(variant, page, outcome))
    publishers = len({p.publisher for p in present})
    print(f"\npages {len(present)} of {len(pages)}, publishers {publishers}")
    for variant, rights in totals.items():
        print(f"body right ({variant}): {sum(rights)}/{len(rights)}")


if __name__ == "__main__":
    main()
