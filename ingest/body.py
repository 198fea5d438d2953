"""Keep the article body, skip everything else with a reason.

Portal pages carry menus, share buttons, photo captions, bylines, copyright lines and, after the
article, lists of unrelated headlines and comment boxes. None of that may produce facts. The rules are
about page furniture in general, never about one site or one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ingest.models import Block, Skipped

UI_TOKENS = {
    "닫기",
    "공유하기",
    "공유",
    "기사듣기",
    "기사듣기중지",
    "듣기",
    "글자크기",
    "글씨크기",
    "URL",
    "복사",
    "URL복사",
    "카카오톡",
    "페이스북",
    "트위터",
    "엑스",
    "X",
    "밴드",
    "네이버블로그",
    "링크",
    "프린트",
    "인쇄",
    "스크랩",
    "목록",
    "좋아요",
    "구독",
    "구독하기",
    "이메일",
    "메일",
    "기사제보",
    "후원하기",
    "제보",
    "본문",
    "글자",
    "크게",
    "작게",
    "이전",
    "다음",
    "댓글",
    "SNS",
    "보내기",
    "가",
    "•",
    "·",
    "-",
    "|",
}
UI_PHRASES = (
    "이 글자크기로 변경됩니다",
    "(예시) ",
    "본문 보기를 권장합니다",
    "요약은 AI",
    "AI가 요약한",
    "기사를 읽어드립니다",
    "번역 베타",
    "Translated by",
    "원문 보기",
)
TAIL_STARTS = (
    "관련자료",
    "관련기사",
    "관련 기사",
    "댓글 ",
    "등록된 댓글",
    "로그인한 회원",
    "많이 본 뉴스",
    "인기기사",
    "이 시각 ",
    "주요뉴스",
    "오늘의 주요",
    "AD ",
    "기사제보 후원하기",
)
_COPYRIGHT = re.compile(r"copyright|ⓒ|©|무단\s*전재|재배포\s*금지|무단복제", re.I)
_META_LINE = re.compile(
    r"(작성일|승인|입력|수정|등록|기사입력|최종수정|발행일)\s*[:：]?\s*(\d{2,4}[.\-/]\s*\d{1,2}|\d{2}-\d{2})"
)
_REPORTER = re.compile(
    r"^(?:[가-힣]{2,4}\s*(?:선임|수석|전문|객원)?\s*기자\s*(?:[\w.+-]+@[\w.-]+)?"
    r"|[가-힣]{2,4}\s*\(?[\w.+-]+@[\w.-]+\)?|[\w.+-]+@[\w.-]+\.\w+)$"
)
_PHOTO = re.compile(r"[(\[/]\s*(?:사진|그래픽|자료|영상)\s*[=:]|사진\s*제공|/\s*[가-힣]{2,4}\s*기자\s*$|\[사진")
_IMAGE_LINE = re.compile(r"^(?:!\[.*\]\(.*\)|https?://\S+|\d{12,}|`{3}.*|\[?\s*사진\s*=?.*\]?)$")
_SENTENCE_END = re.compile(r"(?:[.!?。]|다|요)[\"'”’」』)\]]*$")
_BULLET = re.compile(r"^\s*(?:[-•·▶▷■□◆◇※]|\d+\.)\s+")
_BYLINE_PREFIX = re.compile(r"^\s*(?:\[[^\]]{2,40}기자\]|\([^)]{2,30}=[^)]{0,20}\)\s*[가-힣]{2,4}\s*기자\s*=)\s*")


@dataclass(frozen=True)
class BodySplit:
    kept: list[Block]
    skipped: list[Skipped]


def is_sentence_like(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and len(re.findall(r"[가-힣]", text)) >= 5


def _is_ui(text: str) -> bool:
    if any(p in text for p in UI_PHRASES):
        return True
    crumbs = re.split(r"\s*[>›»]\s*", text)
    if len(crumbs) >= 3 and all(len(c) <= 8 for c in crumbs):  # a breadcrumb trail: 홈 > 뉴스 > 지역
        return True
    tokens = text.replace("·", " ").split()
    return bool(tokens) and all(t in UI_TOKENS for t in tokens)


def _merge_broken(blocks: list[Block]) -> list[Block]:
    """Join a paragraph cut mid-word by the page ('…호응을 받' + '았다.') back together."""
    merged: list[Block] = []
    for block in blocks:
        prev = merged[-1] if merged else None
        if (
            prev
            and re.search(r"[가-힣]$", prev.text)
            and len(block.text) <= 12
            and re.match(r"[가-힣]", block.text)
            and is_sentence_like(prev.text + block.text)
        ):
            merged[-1] = Block(prev.text + block.text, prev.origin, prev.container)
        else:
            merged.append(block)
    return merged


def _reason(block: Block, index: int) -> str | None:
    text = block.text
    if _COPYRIGHT.search(text) and len(text) < 200:
        return "copyright line"
    if text.startswith(TAIL_STARTS):
        return "related headlines or comments"
    if _is_ui(text):
        return "portal menu or button"
    if _META_LINE.search(text) and (index == 0 or len(text) < 80):
        return "title or metadata line"
    if _REPORTER.match(text):
        return "reporter sign-off"
    if _PHOTO.search(text) and len(text) < 300:
        return "photo caption"
    if _IMAGE_LINE.match(text):
        return "image, URL or code fence"
    if not is_sentence_like(text):
        return "heading or fragment without a sentence"
    return None


def strip_byline(block: Block) -> Block:
    match = _BYLINE_PREFIX.match(block.text)
    if not match:
        return block
    origin = block.origin + match.end() if block.origin is not None else None
    return Block(block.text[match.end() :], origin, block.container)


def _headline_lists(blocks: list[Block]) -> set[int]:
    """Indices of runs of three or more short bullet lines: lists of other stories' headlines."""
    marked: set[int] = set()
    run: list[int] = []
    for index, block in enumerate([*blocks, Block("", None, -1)]):
        if _BULLET.match(block.text) and len(block.text) < 100:
            run.append(index)
            continue
        if len(run) >= 3:
            marked.update(run)
        run = []
    return marked


def split_body(blocks: list[Block]) -> BodySplit:
    kept: list[Block] = []
    skipped: list[Skipped] = []
    ended = False
    seen: set[str] = set()
    blocks = _merge_broken(blocks)
    lists = _headline_lists(blocks)
    for index, block in enumerate(blocks):
        if index in lists:
            skipped.append(Skipped(block.text, "list of headlines"))
            continue
        reason = "after the article's end (related headlines, comments)" if ended else _reason(block, index)
        if reason in ("copyright line", "related headlines or comments"):
            ended = True
        if reason == "photo caption" and kept and kept[-1].container == block.container:
            skipped.append(Skipped(kept.pop().text, "photo caption"))  # the caption text before its credit line
        if reason is None:
            block = strip_byline(block)
            key = re.sub(r"\s+", "", block.text)
            if key in seen:
                reason = "duplicate paragraph"
            seen.add(key)
        if reason:
            skipped.append(Skipped(block.text, reason))
        else:
            kept.append(block)
    return BodySplit(kept, skipped)
