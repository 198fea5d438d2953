"""Title, publisher, author, publication date and URL from whatever the page offers, each with how it
was found. Strategies run from most to least reliable; dates in image URLs are the last resort."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlparse, urlsplit

from policykg.ingest.blocks import Page
from policykg.ingest.body import BYLINE_DATE
from policykg.ingest.models import Block
from policykg.ingest.sources import SOURCES_FILE, SourceRecord
from policykg.korean.dates import parse_date
from policykg.ontology.registry import registry
from policykg.ontology.vocab import PKG

_URL_DATE = re.compile(
    r"/(?P<y>20\d{2})(?P<m>[01]\d)/(?P<d>[0-3]\d)/|(?<!\d)(?P<y2>20\d{2})(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?=\d{2,}|[/_.-])"
)
_STAMP = re.compile(
    r"(승인|입력|등록|기사입력|발행일|최종수정|수정)\s*[:：]?\s*(?P<when>(?:19|20)\d{2}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2})"
)
_HEADER = re.compile(r"^(?P<title>.+?)\s+작성일\s+(?P<md>\d{1,2}-\d{1,2})(?:\s+\d{1,2})?(?:\s+목록)?\s*$")
_DATE_LINE = re.compile(r"^(?P<when>(?:19|20)\d{2}[.\-/]\s*\d{1,2}[.\-/]\s*\d{1,2}\.?)(?:\s+(?P<rest>\S.*))?$")
_PUBLISHER_WORD = re.compile(r"^(?P<name>\S+(?:신문|일보|뉴스|경제|타임스|데일리|방송|투데이|저널))(?:\s|$)")
_COPYRIGHT_NAME = re.compile(
    r"(?:copyright\s*(?:ⓒ|©|\(c\))?|ⓒ|©)\s*(?P<name>[^.,·\s][^.,·]{0,20}?)\s*(?:[.,·]|무단|all rights|$)", re.I
)
# '[디지털투데이 홍길동 기자]', '[헤럴드경제=홍길동 기자]', '[가상일보|홍길동 기자]', either after a date stamp.
_BRACKET_BYLINE = re.compile(
    rf"^\s*(?:{BYLINE_DATE})?\[(?P<pub>[^\]\s=|]{{2,15}})(?:\s+|\s*[=|]\s*)(?P<author>[가-힣]{{2,4}})\s+기자\]"
)
# '(서울=뉴스1) 홍길동 기자 =', '[세종=뉴시스]홍길동 기자 =': the wire-service dateline opening the body.
_DATELINE_BYLINE = re.compile(
    r"^\s*[(\[][가-힣]{1,10}\s*=\s*(?P<pub>[^)\]\s]{2,15})[)\]]\s*(?P<author>[가-힣]{2,4})\s*(?:선임|수석)?\s*기자\s*="
)
# A reporter's line: '홍길동 기자', '세종=홍길동 기자' (the place filed from before it), '글·사진=홍길동 기자' (who
# wrote it and took its photos), '홍길동 기자입니다.' (a news broadcast hands over to the reporter),
# '홍길동(hong@example.com)'. '사진=홍길동 기자' credits the photographer, who is no author.
_CREDITS = "사진|영상|그래픽|자료|촬영|편집|디자인|일러스트"
_REPORTER = re.compile(
    rf"^(?:(?!{_CREDITS})[가-힣]{{1,6}}\s*=\s*|글\s*[·,/]\s*사진\s*=\s*)?(?P<author>[가-힣]{{2,4}})\s*(?:선임|수석|전문|객원)?\s*"
    r"(?:기자(?:\b|입니다)|\((?:[\w.+-]+@[\w.-]+)\))"
)
_BARE_URL = re.compile(r"^https?://\S+$")


@dataclass
class Metadata:
    title: str = ""
    published: date | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    how: dict[str, str] = field(default_factory=dict)

    def set(self, key: str, value: object, how: str) -> None:
        if value and getattr(self, key) in (None, ""):
            setattr(self, key, value)
            self.how[key] = how


def _not_web_url(url: str) -> str | None:
    """Why `url` is not kept as the article's link, or None for an absolute http(s) URL. Anything else
    (javascript:, data:, file:, relative paths) would be a hostile or broken link in the UI."""
    if any(c.isspace() or not c.isprintable() for c in url):
        return "has spaces or control characters"
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return f"is a {parts.scheme[:20].lower()}: URL, not http(s)" if parts.scheme else "is not an absolute URL"
    return None if parts.netloc else "has no host"


def _url_dates(urls: list[str]) -> list[date]:
    found = []
    for url in urls:
        for m in _URL_DATE.finditer(url):
            y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
            try:
                found.append(date(int(y), int(mo), int(d)))
            except ValueError:
                continue
    return found


def _publisher_name(name: str) -> str:
    entry = registry().resolve(name)
    return entry.name if entry and entry.cls == PKG.NewsPublisher else name.strip()


# Words publishers' names are made of: '…일보', '…뉴스', '…투데이'; a name in Latin letters ('ZDNet').
_PUBLISHER_PART = re.compile(r"신문|일보|뉴스|경제|타임스|데일리|방송|투데이|저널|미디어|포스트|TV|[A-Za-z]")


def _names_a_publisher(name: str) -> bool:
    """A publisher the registry knows, or a name made like one: not a place a byline files from ('남악', '세종')."""
    entry = registry().resolve(name)
    if entry is not None:
        return entry.cls == PKG.NewsPublisher
    return _PUBLISHER_PART.search(name) is not None


def _publisher_from_url(url: str) -> str | None:
    host = urlparse(url).netloc.removeprefix("www.")
    for entry in registry().entries.values():
        if entry.cls == PKG.NewsPublisher and entry.url and urlparse(entry.url).netloc.removeprefix("www.") == host:
            return entry.name
    return None


def _from_meta(meta: Metadata, page: Page) -> None:
    m = page.meta
    meta.set("title", m.get("og:title") or page.title_tag, "og:title meta tag" if m.get("og:title") else "<title> tag")
    for key in ("article:published_time", "og:regdate", "datepublished", "pubdate", "date"):
        if m.get(key):
            span = parse_date(m[key])
            meta.set("published", span.begin if span else None, f"{key} meta tag")
    if m.get("og:site_name"):
        meta.set("publisher", _publisher_name(m["og:site_name"]), "og:site_name meta tag")
    meta.set("author", m.get("author") or m.get("article:author"), "author meta tag")
    url = (m.get("og:url") or "").strip()
    if url and (why := _not_web_url(url)):
        meta.how["url dropped"] = f"og:url meta tag {why}"
    else:
        meta.set("url", url, "og:url meta tag")


def _from_blocks(meta: Metadata, blocks: list[Block], image_dates: list[date]) -> None:
    for index, block in enumerate(blocks):
        text = block.text
        header = _HEADER.match(text) if index == 0 else None
        if header:
            meta.set("title", header["title"], "header line before 작성일")
            month, day = map(int, header["md"].split("-"))
            year = next((d.year for d in image_dates if (d.month, d.day) == (month, day)), None)
            if year:
                meta.set("published", date(year, month, day), "작성일 line, year from an image URL of the same day")
        if stamp := _STAMP.search(text):
            span = parse_date(stamp["when"])
            meta.set("published", span.begin if span else None, f"'{stamp[1]}' line")
        if index < 6 and (line := _DATE_LINE.match(text)):
            span = parse_date(line["when"])
            meta.set("published", span.begin if span else None, "date line under the title")
            if line["rest"] and (name := _PUBLISHER_WORD.match(line["rest"])):
                meta.set("publisher", _publisher_name(name["name"]), "date line under the title")
        if (cr := _COPYRIGHT_NAME.search(text)) and len(text) < 200:
            # '© News1 홍길동 기자' under a photo: the name is the agency's, without the photographer.
            agency = re.sub(r"\s+[가-힣]{2,4}\s*기자\s*$", "", cr["name"])
            # '▲ ⓒ국가AI전략위원회' under a photo: a body the registry knows as no news publisher gave the photo
            known = registry().resolve(agency)
            if known is None or known.cls == PKG.NewsPublisher:
                meta.set("publisher", _publisher_name(agency), "copyright line")
        if dateline := _DATELINE_BYLINE.match(text):
            meta.set("publisher", _publisher_name(dateline["pub"]), "dateline byline (서울=…)")
            meta.set("author", dateline["author"], "dateline byline (서울=…)")
        if byline := _BRACKET_BYLINE.match(text):
            # '[헤럴드경제=… 기자]' names the publisher, '[남악=… 기자]' where the reporter filed from
            if _names_a_publisher(byline["pub"]):
                meta.set("publisher", _publisher_name(byline["pub"]), "byline in brackets")
            meta.set("author", byline["author"], "byline in brackets")
        if (reporter := _REPORTER.match(text)) and len(text) < 60:
            meta.set("author", reporter["author"], "reporter sign-off line")
        if index < 15 and _BARE_URL.match(text):
            meta.set("url", text, "URL line in the page header")


def extract_metadata(
    page: Page, body_first_sentence: str, headings: list[str], record: SourceRecord | None = None
) -> Metadata:
    """The page's metadata; what it does not say, from the collector's `record` (sources.jsonl), before the
    guesses from URLs."""
    meta = Metadata()
    image_dates = _url_dates(page.image_urls)
    _from_meta(meta, page)
    _from_blocks(meta, page.blocks, image_dates)
    if record:
        meta.set("url", record.url, SOURCES_FILE)
        meta.set("publisher", _publisher_name(record.publisher) if record.publisher else None, SOURCES_FILE)
        meta.set("published", record.published, SOURCES_FILE)
    if meta.url:
        meta.set("publisher", _publisher_from_url(meta.url), "article URL's site")
        meta.set("published", next(iter(_url_dates([meta.url])), None), "date in the article URL")
    meta.set("published", image_dates[0] if image_dates else None, "date in an image URL (last resort)")
    meta.set("title", next((h for h in headings if len(h) <= 150), ""), "first heading before the body")
    meta.set("title", body_first_sentence[:120], "first sentence of the body")
    return meta
