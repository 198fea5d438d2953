"""Split a page into paragraph-like blocks, whatever its layout: portal HTML (whole pages or fragments
inside text), Markdown, or plain text. Page-level hints (title tag, meta tags, image URLs) come along."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
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
# Class and id words of photo captions that are no <figcaption>: '<div class="caption">', '<em class="img_desc">'.
CAPTION_NAMES = re.compile(r"caption|img[_-]?desc|photo[_-]?desc|pic[_-]?desc|txt[_-]desc", re.I)
# Elements that never hold text or children, so they are never on the stack of open elements.
VOID_TAGS = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "param",
    "source",
    "track",
    "wbr",
}


@dataclass(frozen=True)
class Element:
    """One element of an HTML page, as far as finding the article in it needs: its tag, its parent's index
    (-1 for a top-level element) and its class, id and itemprop words in lower case."""

    tag: str
    parent: int
    names: str
    caption: bool = False  # a photo caption by its class name: its text is never a block


@dataclass
class Page:
    blocks: list[Block] = field(default_factory=list)
    title_tag: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    image_urls: list[str] = field(default_factory=list)
    truncated_html: bool = False
    elements: list[Element] = field(default_factory=list)  # HTML: every element of the page, in document order


def normalise_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _BlockParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.parts: list[str] = []
        self.link_parts: list[str] = []
        self.container = 0
        self.hidden = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.open: list[int] = []  # indices into page.elements of the elements not yet closed

    def _flush(self, new_container: bool) -> None:
        text = normalise_space("".join(self.parts))
        linked = len(normalise_space("".join(self.link_parts)))
        self.parts, self.link_parts = [], []
        if text:
            element = self.open[-1] if self.open else -1
            tag = self.page.elements[element].tag if self.open else ""
            self.page.blocks.append(
                Block(text, None, self.container, element=element, links=min(linked, len(text)), tag=tag)
            )
        if new_container:
            self.container += 1

    def _open_element(self, tag: str, a: dict[str, str]) -> None:
        if tag in VOID_TAGS:
            return
        names = " ".join(a.get(k, "") for k in ("class", "id", "itemprop")).lower()
        caption = tag not in HIDDEN_TAGS and bool(CAPTION_NAMES.search(names))
        self.page.elements.append(Element(tag, self.open[-1] if self.open else -1, names, caption))
        self.open.append(len(self.page.elements) - 1)
        self.hidden += caption

    def _close_element(self, tag: str) -> None:
        # Unclosed elements inside the one that ends close with it; an end tag nobody opened is ignored.
        for depth in range(len(self.open) - 1, -1, -1):
            if self.page.elements[self.open[depth]].tag == tag:
                self.hidden = max(0, self.hidden - sum(self.page.elements[e].caption for e in self.open[depth:]))
                del self.open[depth:]
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in BLOCK_TAGS:
            self._flush(new_container=True)
        self._open_element(tag, a)
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

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush(new_container=True)
        self._close_element(tag)
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "title":
            self.in_title = False
            self.page.title_tag = normalise_space("".join(self.title_parts)) or None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif not self.hidden:
            self.parts.append(data)
            if any(self.page.elements[e].tag == "a" for e in self.open):
                self.link_parts.append(data)

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
        located.append(replace(block, origin=at if at >= 0 else None))
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
