"""Find the article on a whole page: on HTML the element that holds its prose, in text the densest run of it.

A saved portal or publisher page is mostly not the article: menus, subscription notices, the reader's buttons,
lists of other stories, comment boxes, the footer. Their short notices end like sentences ('언론사를 구독하면 메인에서
바로 볼 수 있어요!') and a box of other stories may come before the body, so rules about single lines cannot tell
where the article starts and ends. The layout can: the article's paragraphs sit together in one element, and
that element holds most of the page's prose. Body-like class names of news templates ('articleBody',
'dic_area', 'article_txt' …) confirm it when the page has them; page furniture (header, footer, navigation,
rankings, comments) never counts.

Text copied from a browser has no elements: there the article is the run of lines densest in sentences, since
menus, buttons and headline lists are runs of lines without one.

Each block is marked `before`, `inside` or `after` the article; pages where nothing stands out (fragments whose
prose has no container of its own, a page that is all article) get no marks and the line rules alone decide.
"""

from __future__ import annotations

import re
from dataclasses import replace

from policykg.ingest.blocks import Page
from policykg.ingest.body import MIN_PROSE, READER_REQUEST, has_sentence, is_mostly_links
from policykg.ingest.models import Block

# Class, id and itemprop words news templates give the element holding the article text.
BODY_NAMES = re.compile(
    r"articlebody|article[_-]?(?:body|txt|text|content|view|cont)|dic_area|newsct_article|news_?(?:body|text|view|cnt)"
    r"|story-news|view_?(?:cont|con|text)|harmonycontainer|txt_article|textbody|art_?body|news_content|article-view",
    re.I,
)
# Elements that are page furniture wherever they are: their prose never makes an element the article.
FURNITURE_TAGS = {"header", "footer", "nav", "aside"}
FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:gnb|lnb|snb|header|footer|nav|navigation|menu|sidebar|aside|ranking|rank|popular|related|comment"
    r"|comments|reply|recommend|banner|subscribe|sns|share)(?:$|[\s_\d-])",
    re.I,
)
HOLDS_MOST = 0.6  # without a body class name, the article's element holds at least this share of the prose
HINT_SHARE = 0.3  # an element with a body class name must hold at least this share of the page's prose
LINE_COST = 30  # characters of prose a line without prose outweighs, in text without markup

Region = tuple[int, int]  # the first and last index of the blocks inside the article's element


def _ancestors(page: Page, element: int) -> list[int]:
    chain = []
    while element >= 0:
        chain.append(element)
        element = page.elements[element].parent
    return chain


def _is_furniture(page: Page, element: int) -> bool:
    e = page.elements[element]
    return e.tag in FURNITURE_TAGS or bool(FURNITURE_NAMES.search(e.names))


def _prose(block: Block) -> int:
    """Characters of prose in the block: a paragraph with a complete sentence, not mostly link text."""
    text = block.text
    if len(text) < MIN_PROSE or is_mostly_links(block) or not has_sentence(text):
        return 0
    return len(text)


def _prose_by_element(page: Page) -> dict[int, int]:
    """Prose characters held by each element and its descendants, furniture left out."""
    held: dict[int, int] = {}
    for block in page.blocks:
        chain = _ancestors(page, block.element)
        amount = _prose(block)
        if not amount or any(_is_furniture(page, e) for e in chain):
            continue
        for e in chain:
            held[e] = held.get(e, 0) + amount
    return held


def _depth(page: Page, element: int) -> int:
    return len(_ancestors(page, element))


def article_element(page: Page) -> int | None:
    """The element holding the article: the body-named element with the most prose when one holds enough of
    it, else the deepest element holding most of the page's prose; None when the page has no prose."""
    held = _prose_by_element(page)
    total = sum(amount for e, amount in held.items() if page.elements[e].parent < 0)
    if not total:
        return None
    named = [e for e in held if BODY_NAMES.search(page.elements[e].names) and held[e] >= HINT_SHARE * total]
    if named:
        return max(named, key=lambda e: (held[e], _depth(page, e)))
    # a container of blocks, not one paragraph: in short articles one long paragraph may hold most of the prose
    most = [e for e in held if held[e] >= HOLDS_MOST * total and _blocks_in(page, e) > 1]
    return max(most, key=lambda e: _depth(page, e)) if most else None


def _blocks_in(page: Page, element: int) -> int:
    return sum(element in _ancestors(page, b.element) for b in page.blocks)


def article_region(page: Page) -> Region | None:
    """The first and last block inside the article's element, or None when the page shows no such element (a
    fragment whose prose has no container of its own, a page without prose, text)."""
    element = article_element(page)
    if element is None:
        return None
    inside = [i for i, b in enumerate(page.blocks) if element in _ancestors(page, b.element)]
    if not inside or (inside[0] == 0 and inside[-1] == len(page.blocks) - 1):
        return None  # the whole page is the article: nothing to tell apart
    return inside[0], inside[-1]


def _line_weight(text: str) -> int:
    """A line's weight in text: its length when it holds a sentence (short ones too: '올해는 300곳을 뽑는다.'),
    else -LINE_COST. A short request to the reader ('좋아요를 눌러주세요.', '볼 수 있어요!') is a notice."""
    if not has_sentence(text) or (len(text) < MIN_PROSE and READER_REQUEST.search(text)):
        return -LINE_COST
    return len(text)


def prose_run(blocks: list[Block]) -> Region | None:
    """Text without markup (a page copied from the browser): the run of lines densest in prose. Each line with a
    sentence adds its length, every other line (a menu entry, a button, a headline) costs LINE_COST; the run
    with the highest sum is the article, found in one pass (maximum subarray)."""
    best, best_run = 0, None
    total, start = 0, 0
    for i, block in enumerate(blocks):
        if total <= 0:
            total, start = 0, i
        total += _line_weight(block.text)
        if total > best:
            best, best_run = total, (start, i)
    return best_run


def mark_region(page: Page) -> list[Block]:
    """The page's blocks, each marked before, inside or after the article: its element on an HTML page, its
    densest run of prose lines in text."""
    region = article_region(page) if page.elements else prose_run(page.blocks)
    if region is None or region == (0, len(page.blocks) - 1):
        return page.blocks
    first, last = region
    return [
        replace(block, region="before" if i < first else "after" if i > last else "inside")
        for i, block in enumerate(page.blocks)
    ]
