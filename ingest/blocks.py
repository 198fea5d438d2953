"""Split a page into paragraph-like blocks, whatever its layout: portal HTML (whole pages or fragments
inside text), Markdown, or plain text. Page-level hints (title tag, meta tags, image URLs) come along."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from policykg.ingest.models import Block

_TAG = re.compile(r"<(?:p|div|html|body|section|article|br|table|span|figure|h[1-6])\b", re.I)
_SPACE = re.compile(r"\s+")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_URL = re.compile(r"https?://[^\s)\"'<>]+")
BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "td",
    "tr",
    "table",
    "tbody",
    "figure",
    "blockquote",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "dd",
    "dt",
    "pre",
}
# Never body text: scripts, styles, controls, and photo captions (they repeat the body or describe a photo).
HIDDEN_TAGS = {"script", "style", "noscript", "button", "select", "option", "figcaption", "svg", "iframe", "form"}


@dataclass
class Page:
    blocks: list[Block] = field(default_factory=list)
    title_tag: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    image_urls: list[str] = field(default_factory=list)
    truncated_html: bool = False


def normalise_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.parts: list[str] = []
        self.container = 0
        self.hidden = 0
        self.in_title = False
        self.title_parts: list[str] = []

    def _flush(self, new_container: bool) -> None:
        text = normalise_space("".join(self.parts))
        self.parts = []
        if text:
            self.page.blocks.append(Block(text=text, origin=None, container=self.container))
        if new_container:
            self.container += 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop")
            if key and a.get("content"):
                self.page.meta[key.lower()] = a["content"]
        elif tag == "img":
            self.page.image_urls += [a[k] for k in ("data-org-src", "src") if a.get(k)]
        elif tag == "br":
            self._flush(new_container=False)
        elif tag in BLOCK_TAGS:
            self._flush(new_container=True)

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "title":
            self.in_title = False
            self.page.title_tag = normalise_space("".join(self.title_parts)) or None
        elif tag in BLOCK_TAGS:
            self._flush(new_container=True)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden:
            self.parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush(new_container=True)


def _locate(blocks: list[Block], source: str) -> list[Block]:
    """Give each block its offset in the source when it occurs there verbatim, searching in order."""
    located, cursor = [], 0
    for block in blocks:
        at = source.find(block.text, cursor)
        if at >= 0:
            cursor = at + len(block.text)
        located.append(Block(block.text, at if at >= 0 else None, block.container))
    return located


def _split_html(text: str) -> Page:
    parser = _BlockParser()
    parser.feed(text)
    parser.close()
    page = parser.page
    stripped = text.rstrip()
    page.truncated_html = "<html" in text.lower() and not stripped.lower().endswith("</html>")
    page.blocks = _locate(page.blocks, text)
    return page


def _split_text(text: str) -> Page:
    page = Page()
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        start = offset
        offset += len(line)
        for url in _MD_IMAGE.findall(line):
            page.image_urls.append(url[1])
        clean = normalise_space(html.unescape(line.lstrip("#>").strip()))
        if clean:
            at = text.find(clean, start)
            page.blocks.append(Block(clean, at if at >= 0 else None, number))
    return page


def split_page(text: str) -> Page:
    """Blocks in reading order, with page hints. HTML is recognised by its block tags, even in fragments."""
    page = _split_html(text) if _TAG.search(text) else _split_text(text)
    page.image_urls += [u for b in page.blocks for u in _URL.findall(b.text) if u not in page.image_urls]
    return page
