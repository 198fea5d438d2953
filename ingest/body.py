"""Keep the article body, skip everything else with a reason.

Portal pages carry menus, share buttons, photo captions, bylines, copyright lines and, after the
article, lists of unrelated headlines and comment boxes. None of that may produce facts. The rules are
about page furniture in general, never about one site or one article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from policykg.errors import explained
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
    "폰트",
    "뉴스듣기",
    "가",
    "•",
    "·",
    "-",
    "|",
}
HEADING = "heading or fragment without a sentence"
TITLE = "title or metadata line"
AFTER_END = "after the article's end (related headlines, comments)"
# A notice or a sentence on the page above the element holding the article ('언론사 구독되었습니다.').
OUTSIDE = "above the article (page notices and menus)"
OUT_OF_REGION = ("before", "after")
LINK = "link (menu entry or another story's headline)"
# Page furniture that may sit between the title, the sub-headings and the body (a photo and its credit, a
# byline line) and is never body, not even when the layout rules find no body at all.
FURNITURE = {
    "photo caption",
    "copyright line",
    "reporter sign-off",
    "image, URL or code fence",
    "portal menu or button",
    TITLE,
    LINK,
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
    "복사되었습니다",
    "선호 출처로 추가",  # a search engine's 'preferred source' button
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
# A byline alone: the name and '기자', with a co-author count, an e-mail, a broadcast's '입니다', or the label of a
# link to the reporter's page ('홍길동 기자 기자 페이지', '홍길동 기자 구독').
_REPORTER = re.compile(
    r"^(?:[가-힣]{2,4}\s*(?:선임|수석|전문|객원)?\s*기자\s*"
    r"(?:외\s*\d+\s*명|[\w.+-]+@[\w.-]+|입니다\.?|(?:기자\s*)?(?:페이지|홈|구독(?:하기)?|더보기))?"
    r"|[가-힣]{2,4}\s*\(?[\w.+-]+@[\w.-]+\)?|[\w.+-]+@[\w.-]+\.\w+)$"
)
_PHOTO = re.compile(r"[(\[/]\s*(?:사진|이미지|그래픽|자료|영상)\s*[=:]|사진\s*제공|/\s*[가-힣]{2,4}\s*기자\s*$|\[사진")
_IMAGE_LINE = re.compile(r"^(?:!\[.*\]\(.*\)|https?://\S+|\d{12,}|`{3}.*|\[?\s*사진\s*=?.*\]?)$")
_SENTENCE_END = re.compile(r"(?:[.!?。]|다|요)[\"'”’」』)\]]*$")
# A complete sentence inside a paragraph: a full stop after a word (not between digits, as in 2025.2.25),
# followed by a space, the next sentence or the end.
_SENTENCE_INSIDE = re.compile(r"(?:다|요|[가-힣A-Za-z%)\]\"'”’」』])[.!?。][\"'”’」』)\]]*(?=\s|[가-힣\"'“‘]|$)")
# A photo credit: '2025.2.25/뉴스1', '사진=연합뉴스' or '사진=세종시 제공' closing the line, '© News1 홍길동 기자',
# or an agency's bare name after the caption's last sentence ('… 연설하고 있다. 연합뉴스', '… 영정. [연합]').
# A photo desk's credit: the date the photo was taken and the photographer's e-mail closing the caption
# ('… 현장 모습. 2026.3.2 [공동취재] hong@example.com'); a reporter's sign-off has no date.
_DATED_EMAIL = r"(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*(?:\[[^\]]{1,10}\]\s*)?[\w.+-]+@[\w.-]+\.\w+\s*$"
_PHOTO_CREDIT = re.compile(
    r"(?:19|20)\d{2}\.\s?\d{1,2}\.\s?\d{1,2}\.?\s*/\s*\S+|사진\s*=\s*\S{2,20}(?:\s*제공)?\s*$"
    rf"|{_DATED_EMAIL}"
    r"|[ⓒ©]\s*News1\s+[가-힣]{2,4}\s*기자"
    r"|[.!?다][\"'”’)]*\s*[\[(]?(?:[가-힣]{0,6}(?:뉴스1?|뉴시스|연합|통신|제공|포토)|AP|AFP|EPA|로이터|게티이미지\S*)[\])]?\s*$"
)
_DATE_OR_ID = re.compile(r"\d{8,}|(?:19|20)\d{2}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}|기자\s*$|@")
MIN_PROSE = 40  # characters: a paragraph cut off, or kept by the fallback, is at least this long
MOSTLY_LINKS = 0.5  # share of link text from which a block is a link, not text
_BULLET = re.compile(r"^\s*(?:[-•·▶▷■□◆◇※]|\d+\.)\s+")
# A date stamp some pages print on the byline's line ('date 2025-08-11 [헤럴드경제=홍길동 기자] …').
BYLINE_DATE = r"(?:date\s*)?(?:19|20)\d{2}[.\-/]\s?\d{1,2}[.\-/]\s?\d{1,2}\.?(?:\s+\d{1,2}:\d{2})?\s+"
_BYLINE = r"(?:\[[^\]]{2,40}기자\]|[(\[][^)\]]{2,30}=[^)\]]{0,20}[)\]]\s*[가-힣]{2,4}\s*기자\s*=)"
_BYLINE_PREFIX = re.compile(rf"^\s*(?:{BYLINE_DATE})?{_BYLINE}\s*")
# A byline inside a block: the summary line above it ran into the body in one run of text ('… 함께 변론[이데일리
# 홍길동 기자] 국민의힘 …').
_RUN_IN_BYLINE = re.compile(rf"(?<=\S)\s*(?={_BYLINE})")
# The reporter's sign-off glued to the last sentence: '… 처리했다.부산=홍길동 기자 hong@example.com'.
_SIGNOFF = (
    r"(?<=[.!?\"'”’])\s*(?:[가-힣]{1,6}\s*=\s*)?[가-힣]{2,4}\s*(?:선임|수석|전문|객원)?\s*기자\s*[\w.+-]+@[\w.-]+\.\w+"
)
_TRAILING_SIGNOFF = re.compile(_SIGNOFF + r"\s*$")
# A photographer's credit closing a caption may add the day the photo was taken ('… hong@example.com /2026.03.02/').
_SIGNED_CAPTION = re.compile(_SIGNOFF + r"(?:\s*/?\s*(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?\s*/?)?\s*$")


@dataclass(frozen=True)
class BodySplit:
    kept: list[Block]
    skipped: list[Skipped]
    warnings: list[str]


def _hangul(text: str) -> int:
    return len(re.findall(r"[가-힣]", text))


def is_mostly_links(block: Block) -> bool:
    """A menu entry, a button or another story's headline: at least half of its text is link text."""
    return block.links >= MOSTLY_LINKS * len(block.text) > 0


def is_sentence_like(text: str) -> bool:
    return bool(_SENTENCE_END.search(text)) and _hangul(text) >= 5


def has_sentence(text: str) -> bool:
    """At least one complete sentence somewhere in the text (a declarative ending or a full stop)."""
    return bool(_SENTENCE_INSIDE.search(text) or _SENTENCE_END.search(text)) and _hangul(text) >= 5


def is_cut_paragraph(text: str) -> bool:
    """Prose cut off without a final full stop ('… 방침이다.과기부는 이달 중 추가로 … 고르게'): complete
    sentences first, then the one the page or the excerpt cut."""
    return not is_sentence_like(text) and len(text) >= MIN_PROSE and bool(_SENTENCE_INSIDE.search(text))


# Page notices speak to the reader politely; news sentences end in '-다', sub-headings never politely. A request
# ('눌러주세요', '볼 수 있어요!') is a notice even in text; broadcast bodies are in '-습니다'.
READER_REQUEST = re.compile(r"(?:세요|십시오|어요|아요|해요|에요|예요)[.!?]*$")
_POLITE = re.compile(r"(?:니다|세요|십시오|어요|아요|해요|에요|예요)[.!?]*$")
# A button's label: a short verb noun in '-하기' ('글자 크기 변경하기', '인쇄하기', '링크 복사하기').
_BUTTON_LABEL = re.compile(r"^\S.{0,16}하기$")


def _is_ui(text: str) -> bool:
    if any(p in text for p in UI_PHRASES) or _BUTTON_LABEL.match(text):
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
            merged[-1] = replace(prev, text=prev.text + block.text)
        else:
            merged.append(block)
    return merged


def _reason(block: Block, index: int) -> str | None:
    text = block.text
    if is_mostly_links(block):
        return LINK
    if _PHOTO_CREDIT.search(text) and len(text) < 300:  # a caption's credit may hold a copyright sign
        return "photo caption"
    if _COPYRIGHT.search(text) and len(text) < 200:
        return "copyright line"
    if text.startswith(TAIL_STARTS):
        return "related headlines or comments"
    if _is_ui(text):
        return "portal menu or button"
    if _META_LINE.search(text) and (index == 0 or len(text) < 80):
        return TITLE
    if _REPORTER.match(text) or not strip_byline(block).text.strip():  # a byline alone: '[매체 홍길동 기자]'
        return "reporter sign-off"
    if _PHOTO.search(text) and len(text) < 300:
        return "photo caption"
    if _IMAGE_LINE.match(text):
        return "image, URL or code fence"
    if not is_sentence_like(text) and not is_cut_paragraph(text):
        return HEADING
    return None


def strip_byline(block: Block) -> Block:
    match = _BYLINE_PREFIX.match(block.text)
    if not match:
        return block
    origin = block.origin + match.end() if block.origin is not None else None
    return replace(block, text=block.text[match.end() :], origin=origin)


def strip_signoff(block: Block) -> Block:
    match = _TRAILING_SIGNOFF.search(block.text)
    return replace(block, text=block.text[: match.start()]) if match else block


def _split_run_in_bylines(blocks: list[Block]) -> list[Block]:
    """Cut a block where a byline follows a short line without a sentence: the line is a sub-heading that ran
    into the body, the byline opens the body."""
    split: list[Block] = []
    for block in blocks:
        match = _RUN_IN_BYLINE.search(block.text)
        head = block.text[: match.start()] if match else ""
        if not match or len(head) > 100 or has_sentence(head):
            split.append(block)
            continue
        rest = block.text[match.end() :]
        origin = block.origin + match.end() if block.origin is not None else None
        split += [replace(block, text=head), replace(block, text=rest, origin=origin)]
    return split


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


def _same_title(text: str, title: str | None) -> bool:
    a, b = re.sub(r"\s+", "", text), re.sub(r"\s+", "", title or "")
    return bool(a and b) and (a == b or (len(a) >= 8 and a in b) or (len(b) >= 8 and b in a))


# '2026년 3월 2일 가상일보': a date line with at most a short name after it, not a sub-heading
_KOREAN_DATE_LINE = re.compile(r"^\W*(?:19|20)\d{2}\s*년\s*\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?[^.!?]{0,20}$")


def _is_headline(text: str) -> bool:
    return (
        _hangul(text) >= 6
        and len(text) <= 150
        and not _DATE_OR_ID.search(text)
        and not _KOREAN_DATE_LINE.match(text.strip())
    )


MAX_SUBHEADINGS = 6
MAX_SECTION_HEADING = 60  # characters: a sub-heading between paragraphs is one short line
HEADING_TAGS = {"h2", "h3", "h4", "h5", "h6"}


def _subheadings(blocks: list[Block], reasons: list[str | None], first_body: int, title: str | None) -> list[int]:
    """Sub-headings and bullet summaries right above the body: walking up from its first paragraph over photo
    captions, credits and dates, headline-like lines and bullets count until the title (the page's title, or
    its first headline) or anything else (a menu, a metadata line) is reached."""
    if title is None:
        title = next(
            (b.text for b, r in zip(blocks, reasons, strict=True) if r == HEADING and _hangul(b.text) >= 6), None
        )
    found: list[int] = []
    for index in range(first_body - 1, -1, -1):
        text, reason = blocks[index].text, reasons[index]
        if _same_title(text, title) or len(found) >= MAX_SUBHEADINGS:
            break
        heading_like = reason in (HEADING, "list of headlines", None) or (
            reason == OUTSIDE and not _POLITE.search(text)
        )
        if heading_like and _is_headline(_BULLET.sub("", text)):
            found.append(index)  # None, OUTSIDE: a short sub-heading that ends like a sentence ('… 몰아준다')
        elif reason in FURNITURE - {"portal menu or button", TITLE, LINK} or reason == HEADING:
            continue  # an image id, a date line, a photo and its credit between the headings and the body
        elif reason != "duplicate paragraph":
            break
    return sorted(found)


def _section_headings(blocks: list[Block], reasons: list[str | None], first_body: int) -> list[int]:
    """Sub-headings between the body's paragraphs: short headline-like lines inside the article that are heading
    elements (an <h3> may end like a sentence) or have no sentence and follow a paragraph ('입양 비즈니스')."""
    last_body = max(i for i, r in enumerate(reasons) if r is None)
    return [
        i
        for i in range(first_body + 1, last_body)
        if (reasons[i] == HEADING or (reasons[i] is None and blocks[i].tag in HEADING_TAGS))
        and (blocks[i].tag in HEADING_TAGS or reasons[i - 1] is None)  # a label under a photo follows the photo
        and blocks[i].region not in OUT_OF_REGION
        and _is_headline(blocks[i].text)
        and len(blocks[i].text) <= MAX_SECTION_HEADING
    ]


def split_body(blocks: list[Block], title: str | None = None) -> BodySplit:
    """Body blocks (paragraphs, cut paragraphs, sub-headings) and skipped blocks with their reasons. `title`
    is the page's own title when it has one (meta tags), so that it is not taken for a sub-heading."""
    blocks = _split_run_in_bylines(_merge_broken(blocks))
    lists = _headline_lists(blocks)
    reasons: list[str | None] = []
    cleaned: list[Block] = []
    ended = False
    seen: set[str] = set()
    for index, block in enumerate(blocks):
        reason = (
            "list of headlines"
            if index in lists
            else AFTER_END
            if ended or block.region == "after"
            else _reason(block, index)
        )
        if reason in (None, HEADING) and _same_title(block.text, title):
            reason = TITLE  # the headline printed on the page, which may end like a sentence ('… 겹쳤다')
        elif reason is None and block.region == "before":
            reason = OUTSIDE
        # A copyright line or 'related articles' ends the article only once it has begun: a photo credit
        # with © (뉴스1) or a box of other stories may come before the body.
        if reason in ("copyright line", "related headlines or comments") and any(r is None for r in reasons):
            ended = True
        if reason == "photo caption" and reasons and reasons[-1] is None and cleaned[-1].container == block.container:
            reasons[-1] = "photo caption"  # the caption text before its credit line
        if reason is None:
            block = strip_byline(block)
            key = re.sub(r"\s+", "", block.text)
            if key in seen:
                reason = "duplicate paragraph"
            seen.add(key)
        reasons.append(reason)
        cleaned.append(block)
    _caption_runs(blocks, reasons)
    _signed_before_byline(blocks, reasons)
    warnings: list[str] = []
    if all(r is not None for r in reasons):
        reasons, warnings = _fallback(cleaned, reasons)
    # The body starts at its first paragraph proper; short lines above it are sub-headings or the title.
    first_body = next((i for i, r in enumerate(reasons) if r is None and _starts_body(blocks[i], cleaned[i])), None)
    if first_body is not None:
        last = len(cleaned) - 1
        # The page or the excerpt ends mid-sentence: the cut words stay with the body (in text the run of prose
        # may end before them, as they hold no sentence).
        if (
            reasons[last] in (HEADING, AFTER_END)
            and reasons[last - 1] is None
            and _reason(cleaned[last], last) == HEADING
            and _hangul(cleaned[last].text) >= 5
        ):
            reasons[last] = None
        for index in _subheadings(cleaned, reasons, first_body, title) + _section_headings(
            cleaned, reasons, first_body
        ):
            b = cleaned[index]
            cleaned[index], reasons[index] = _strip_bullet(b, "subheading"), None
    kept = [
        _kind(_strip_bullet(strip_signoff(strip_byline(b)))) for b, r in zip(cleaned, reasons, strict=True) if r is None
    ]
    for number, block in enumerate(kept, 1):
        if block.kind == "cut":
            tail = block.text[-30:].strip()
            warnings.append(
                explained(
                    f"{number}번째 문단이 마침표 없이 끊겨 마지막 문장이 온전하지 않습니다",
                    f"paragraph {number} is cut off without a final full stop: …{tail}",
                )
            )
    skipped = [Skipped(b.text, r) for b, r in zip(cleaned, reasons, strict=True) if r is not None]
    return BodySplit(kept, skipped, warnings)


MAX_CAPTION_LINES = 3  # lines of a caption above its credit line


def _caption_runs(blocks: list[Block], reasons: list[str | None]) -> None:
    """A caption closed by a photo desk's dated credit spans several lines where no element holds it together
    (copied text): back from the credit to the line its photographer's byline opens ('(세종=매체) 홍길동 기자 =
    … 모습. 2026.3.2 hong@example.com') it is all caption, and a short title line right above is the photo's."""
    for end, block in enumerate(blocks):
        if reasons[end] != "photo caption" or not re.search(_DATED_EMAIL, block.text):
            continue
        for start in range(end - 1, max(-1, end - 1 - MAX_CAPTION_LINES), -1):
            if reasons[start] not in (None, "duplicate paragraph"):
                break
            if _BYLINE_PREFIX.match(blocks[start].text):
                reasons[start:end] = ["photo caption"] * (end - start)
                if start and reasons[start - 1] == HEADING and _is_headline(blocks[start - 1].text):
                    reasons[start - 1] = "photo caption"
                break


def _signed_before_byline(blocks: list[Block], reasons: list[str | None]) -> None:
    """A reporter's sign-off closes the article: a block ending with one ('… 지켜보고 있다. 잠실=홍길동 기자
    hong@example.com') above the byline that opens the body is a photo caption credited to its photographer."""
    opening = next((i for i, r in enumerate(reasons) if r is None and _BYLINE_PREFIX.match(blocks[i].text)), None)
    for index in range(opening or 0):
        if reasons[index] is None and _SIGNED_CAPTION.search(blocks[index].text):
            reasons[index] = "photo caption"


def _starts_body(raw: Block, cleaned: Block) -> bool:
    """A paragraph proper: long, or one ending with a full stop, or opened by a byline ('(서울=뉴스1) … 기자 =').
    A sub-heading may end like a sentence ('… 몰아준다') but is short and has no full stop."""
    text = cleaned.text.rstrip("\"'”’」』)] ")
    if raw.tag == "blockquote" and len(text) < MIN_PROSE:
        return False  # a pull quote above the body repeats one of its quotes
    return len(text) >= MIN_PROSE or text.endswith((".", "!", "?")) or raw.text != cleaned.text


def _strip_bullet(block: Block, kind: str | None = None) -> Block:
    match = _BULLET.match(block.text)
    cut = match.end() if match else 0
    origin = block.origin + cut if block.origin is not None else None
    return replace(block, text=block.text[cut:], origin=origin, kind=kind or block.kind)


def _kind(block: Block) -> Block:
    if block.kind == "paragraph" and not is_sentence_like(block.text):
        return replace(block, kind="cut")
    return block


def _fallback(blocks: list[Block], reasons: list[str | None]) -> tuple[list[str | None], list[str]]:
    """No body by the layout rules: keep every prose paragraph (a complete sentence, MIN_PROSE characters or
    more) that is not page furniture, anywhere in the article's element (on the whole page when it has none),
    and say so."""
    chosen: list[str | None] = list(reasons)
    seen: set[str] = set()
    for index, (block, reason) in enumerate(zip(blocks, reasons, strict=True)):
        key = re.sub(r"\s+", "", block.text)
        if reason in FURNITURE or reason == "duplicate paragraph" or key in seen or block.region in OUT_OF_REGION:
            continue
        if len(block.text) >= MIN_PROSE and has_sentence(block.text) and not _COPYRIGHT.search(block.text):
            seen.add(key)
            chosen[index] = None
    kept = sum(r is None for r in chosen)
    if not kept:
        return reasons, []
    why = sorted({r for r, c in zip(reasons, chosen, strict=True) if c is None and r})
    return chosen, [
        explained(
            f"레이아웃 규칙으로 본문을 찾지 못해 산문 문단 {kept}개를 모두 본문으로 삼았습니다",
            f"no article body found by the layout rules ({', '.join(why)}): kept all {kept} prose paragraphs instead",
        )
    ]
