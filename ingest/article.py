"""One decoded file → an Article: blocks, body, metadata and the map back to the original text."""

from __future__ import annotations

from policykg.errors import BadArticle
from policykg.ingest.blocks import split_page
from policykg.ingest.body import split_body
from policykg.ingest.metadata import extract_metadata
from policykg.ingest.models import Article, SourceText
from policykg.ingest.region import mark_region


def build_article(source: SourceText) -> Article:
    page = split_page(source.text)
    split = split_body(mark_region(page), page.meta.get("og:title") or page.title_tag)
    if not split.kept:
        if page.truncated_html:
            raise BadArticle(
                "HTML이 중간에 끊겼고 완결된 문장이 하나도 없습니다",
                "truncated HTML: the page ends before its closing tags and holds no complete sentence",
            )
        if not page.blocks:  # the text is in script data a browser turns into the page
            raise BadArticle(
                "페이지에 보이는 글이 없습니다: 스크립트가 글을 그리는 페이지는 브라우저에 띄운 채 저장하거나 "
                "글을 복사해 넣으세요",
                "no visible text: the page builds its text with scripts; save it once the browser shows it, "
                "or paste its text",
            )
        reasons = sorted({s.reason for s in split.skipped})
        raise BadArticle(
            "기사 본문을 찾지 못했습니다: 완결된 문장으로 된 문단이 하나도 없습니다",
            f"no article body: only {', '.join(reasons) or 'nothing'}",
        )
    body_parts, origin_map, offset = [], [], 0
    for block in split.kept:
        body_parts.append(block.text)
        origin_map.append((offset, offset + len(block.text), block.origin))
        offset += len(block.text) + 1
    body = "\n".join(body_parts)
    first_kept = split.kept[0].text
    headings = [s.text for s in split.skipped if s.reason == "heading or fragment without a sentence"]
    before_body = [h for h in headings if source.text.find(h) < source.text.find(first_kept)]
    meta = extract_metadata(page, body_parts[0], before_body, source.record)
    warnings = [*split.warnings, *([source.record.problem] if source.record and source.record.problem else [])]
    how = dict(meta.how)
    if page.truncated_html:
        how["warning"] = "truncated HTML: the page ends before its closing tags"
    return Article(
        source_id=source.source_id,
        path=source.path,
        title=meta.title,
        body=body,
        content_hash=source.content_hash,
        encoding=source.encoding,
        published=meta.published,
        publisher=meta.publisher,
        author=meta.author,
        url=meta.url,
        how=how,
        origin_map=tuple(origin_map),
        skipped=tuple(split.skipped),
        blocks=tuple(split.kept),
        warnings=tuple(warnings),
    )
