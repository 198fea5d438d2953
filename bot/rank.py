"""Rank candidate answers by named features. Every weight, and the score below which the bot abstains, is
in WEIGHTS / THRESHOLD here and nowhere else; they are fitted by `python -m bench.fit_weights` on the train half
of bench/real and the dev set (bench/real/README.md: the test half is never tuned on). Pure: testable without Neo4j."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from policykg.bot.need import GENERIC, MONEY_WORDS, RATE_CHANGE, Need, content_terms
from policykg.bot.spans import Span
from policykg.bot.understand import asked_posts
from policykg.ontology.iris import kind_of

WEIGHTS: dict[str, float] = {
    "retrieval": 1.05,  # 1 / (1 + rank) of the sentence in the fused full-text + vector ranking
    "overlap": 2.8,  # share of the question's terms in the sentence
    "near": 1.92,  # share of the question's terms within a few words of the span
    "type": 5.72,  # the span is of the expected type (1), a close one (0.5: a name where an org is asked)
    "unit": 1.99,  # the count's unit is the one asked (+1) or another (-1)
    "in_question": -2.2,  # the span repeats a figure or name the question itself states
    "year": 0.94,  # the sentence names the question's year (+1) or only other years (-1)
    "agreement": -0.84,  # other retrieved sentences state the same value (capped at 2)
    "fact": -0.04,  # a stored fact holds this value and cites this sentence
    "entity": -0.23,  # share of the entities the question names that the sentence mentions
    "neighbour": -0.87,  # the sentence was not found itself but stands beside one that was
    "no_entity": -2.93,  # the question names entities and the sentence's article mentions none of them
    # the question names a programme (or body) and the sentence is about another of that kind, not it: its figure
    # is the other one's ('광주 집적단지 사업에 6000억' for a question about the 바우처 사업)
    "other_subject": -3.01,
    "far_entity": -0.48,  # its article mentions one, but neither the sentence nor its neighbours do
    "adjacent": 1.59,  # share of the question's terms right beside the span ('4팀 체제' for '…체제는 몇 팀?')
    "per": 0.77,  # the question asks a rate ('1년에 얼마씩') and the span's clause states one ('연간 30억 원')
    "segment": 0.95,  # share of the question's terms in the span's own clause ('산업계 1288장' of a breakdown)
    "items": 2.87,  # a list of exactly as many names as the question states ('세 지역', '5개 정예팀')
    # a Latin name or acronym of three letters or more ('OSS', 'NPU'; not 'AI', 'SW', which articles write in
    # Korean too) of the question is not in the sentence or beside it
    "missing_name": -2.52,
    "common": -0.63,  # share of common nouns in a name or list ('컨소시엄, 참여사' is no list of participants)
    "all_items": 1.36,  # the question asks for all of them ('전부', '모두'): a list, by its length (8 items = 1)
    "subsumed": -2.01,  # asked for all of them, the list is part of a longer one found ('A, B' beside 'A, B, C, D')
    # a date of the grain and direction asked: a day for '며칠', '…까지' for '언제까지' (+1 each; a day asked and
    # none given -1)
    "date_fit": 2.43,
    # share of the question's nouns between the date and the next one: the event it dates ('3분기 착공')
    "dated": 1.14,
    # the question asks who holds a post: the post is written beside the person (+1) or not (-1)
    "post_beside": 1.41,
    # the noun the figure is asked of stands right before it in its clause ('가이드라인 5개' for '가이드라인은 몇 개'):
    # +1, and -1 for the sentence's other figures
    "counted_beside": 1.04,
    # the figure's own time word ('올해 54억원에서 내년 74억원으로') is the question's (+1) or another one (-1)
    "when": 1.16,
    # share of the words naming a figure in its clause that the question says: 'AI-반도체 해외 실증 지원(54억)' names
    # something more than a question on 'AI반도체 실증 지원' asks about, 'AI반도체 실증 지원에 1024억원' does not
    "label": 0.97,
    # the noun the figure is asked of ('총사업비', '전기요금') is nowhere in the sentence or beside it: a figure of
    # something else
    "counted_absent": -0.94,
    # the stage nearest the span ('1차 추경', '2차 단계평가') is the one the question numbers (+1) or another (-1)
    "stage": 0.95,
    # the question names publishers ('전자신문 기사 기준'): the sentence is from one of their reports (+1) or not (-1)
    "source": 2.0,
    "loose": -2.01,  # a name, organisation, place, post or list: spans found by part of speech, less sure
    "uncovered": -4.01,  # under half of the question's specific nouns are in the sentence or its neighbours
    # a list whose items are of the kind asked (+1: all companies for '참여 기업들은?') or of another (-1: places)
    "list_kind": 1.55,
    "one_of_several": -2.01,  # one name where the question asks for several ('두 과장 이름', '세 지역')
    # share of the question's terms in what introduces a list, its clause before it ('도메인 분과에는 △A △B')
    "list_label": 1.52,
    # the verb the asked slot is the case of follows the span ('어떤 부처와 협력해?' → 'A·B 등과 협력해')
    "frame": 2.04,
}
THRESHOLD = 6.22  # below it: no answer, the closest sentences are shown instead
# A graph-fact handler's figure gives way when the reader scores another one this far above it (bot/answer.py
# overruled): on the train halves and dev the handler was right at gaps up to 1.4 and wrong from 3.5 on.
OVERRULE_MARGIN = 2.5
# Differing figures: a second value of the same kind whose score is this close to the best one.
DIFFERING_MARGIN = 0.5

# Types that can stand in for one another, at half the type weight.
_CLOSE = {
    "org": {"name", "place", "list", "phrase"},
    "place": {"name", "org", "phrase"},
    "name": {"org", "place", "post", "phrase"},
    "person": set(),
    "list": {"org", "name"},
    "post": {"name"},
    "count": {"percent"},
    "reason": set(),
    "money": {"count"},  # '매개변수 규모는?' asks for an amount that is a count
    "other": {"name", "org", "place", "phrase", "person", "list"},
    "yesno": set(),
}
_ONE_NAME = ("person", "org", "place", "name", "phrase")
_FRAME_REACH = 10  # characters after a span to its verb: '(UAE) 등과 협력해'
_WINDOW = 20  # characters either side of a span that count as 'near'
_RELATIVE_YEARS = {"올해": 0, "금년": 0, "내년": 1, "지난해": -1, "작년": -1}
_YEAR = re.compile(r"20\d\d")
_BESIDE = 8  # characters either side of a span that count as 'adjacent'
_ALL = re.compile(r"전부|모두|다\s*(?:알려|말해|나열)|나열|전체\s*(?:명단|목록)|목록|명단|어디\s*어디|누구\s*누구")
_RATE = re.compile(r"씩|연간|매년|해마다|한\s*해|1년에|연\s*평균|평균|당\b|마다")


@dataclass
class Sentence:
    """One evidence sentence as the ranker sees it."""

    key: str
    text: str
    rank: int  # its place in the fused ranking (neighbours get their hit's)
    neighbour: bool = False
    mentions: set[str] = field(default_factory=set)  # entity IRIs it and its neighbours mention
    article_mentions: set[str] = field(default_factory=set)  # entity IRIs its whole article mentions
    published_year: int | None = None  # for '올해', '내년' in the sentence
    context: str = ""  # the sentence with its neighbours, for coverage
    title: str = ""  # its article's headline: the topic every sentence of the article is about
    article: str = ""  # its article's body: what a question says of the source ('…자료 기준') may stand elsewhere
    publisher: str = ""  # who published its article
    fact_keys: set[str] = field(default_factory=set)  # candidate keys stored facts state with this sentence


@dataclass
class Candidate:
    span: Span
    sentence: Sentence
    features: dict[str, float]
    score: float = 0.0


def _present(term: str, text: str) -> bool:
    return term.lower() in text.lower()


# Vowels Korean writers confuse in spelling (ㅐ/ㅔ, ㅒ/ㅖ, ㅙ/ㅞ/ㅚ), by their index in a Hangul syllable.
_LIKE_VOWELS = ((1, 5), (3, 7), (10, 11, 15))


def _alternatives(syllable: str) -> str:
    """The syllable and its spellings with a confused vowel, as a character class: '잭' → '[잭젝]'."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return re.escape(syllable)
    vowel = code % 588 // 28
    group = next((g for g in _LIKE_VOWELS if vowel in g), (vowel,))
    return "[" + "".join(chr(0xAC00 + code - vowel * 28 + v * 28) for v in group) + "]"


@lru_cache(maxsize=4096)
def _spellings(term: str) -> re.Pattern[str]:
    return re.compile("".join(_alternatives(c) for c in term), re.IGNORECASE)


def _nearly_present(term: str, text: str) -> bool:
    """Present, or misspelt by a confused vowel: '프로잭트' is the '프로젝트' asked about."""
    return _present(term, text) or (len(term) >= 2 and _spellings(term).search(text) is not None)


# What a question's noun stated only elsewhere in the evidence's article counts towards covering it: the words
# that say which report or stage the question means ('설명자료 기준', '입법예고안상') stand in its lead, not beside
# the figure.
ARTICLE_COVER = 0.5


def _covers(term: str, dated: set[str], topical: str, article: str) -> float:
    """How far the evidence states a question's noun: a year when it is dated so, a word in the sentence, its
    neighbours or headline (1), or only elsewhere in its article (ARTICLE_COVER)."""
    if _YEAR.fullmatch(term):
        return float(term in dated)
    if term.isdigit():  # a number stands alone: the '2' of '2차' is not in '2025'
        return float(re.search(rf"(?<!\d){term}(?!\d)", topical) is not None)
    if _nearly_present(term, topical):
        return 1.0
    return ARTICLE_COVER if _present(term, article) else 0.0


# A name joined by a hyphen ('K-글로벌', 'K-클라우드'): one name, though Kiwi splits it.
_HYPHENED = re.compile(r"[A-Za-z]+-[가-힣A-Za-z]+")

_TOPIC = re.compile(r"[가-힣](?:은|는|:)\s")
# Bullets that open the items of a breakdown ('▲A 118억 원(총사업비 2조5000억 원) ▲B 1196억 원'): a figure belongs
# to its own item, whose words say what it is.
_BULLETS = "▲△■□◆◇•●▶►"
_CLAUSE_END = ',;·/“”"‘’[]' + _BULLETS


def _other_subject(entities: set[str], mentions: set[str]) -> bool:
    if not entities or entities & mentions:
        return False
    return bool({kind_of(e) for e in entities if kind_of(e) == "programme"} & {kind_of(m) for m in mentions})


def clause_bounds(text: str, span: Span) -> tuple[int, int]:
    """Where the clause a span stands in begins and ends, between separators: in '학계 2624장, 산업계 1288장' the
    clause of '1288장' is '산업계 1288장'. A span in parentheses belongs with the clause before them ('GPU 1만 장
    확보(1조4600억원)'), and the first item of '…사업은 A(20억원), B(70억원)' is labelled from the topic on."""
    start = span.start
    while start and text[start - 1] in _BULLETS + " ":  # a list's own first bullet opens no clause before it
        start -= 1
    opened = text.rfind("(", 0, start)
    labelled = opened > text.rfind(")", 0, start)
    if labelled:
        start = opened
    begin = max([text.rfind(c, 0, start) for c in _CLAUSE_END] + [-1]) + 1
    if labelled:
        topic = [m.end() for m in _TOPIC.finditer(text, begin, start)]
        begin = topic[-1] if topic else begin
    ends = [i for i in (text.find(c, span.end) for c in _CLAUSE_END + "(") if i >= 0]
    return begin, min(ends, default=len(text))


def _item_bounds(text: str, span: Span) -> tuple[int, int]:
    """The bulleted item a span stands in, or the whole sentence when it has no bullets (or the span is a list
    of the items)."""
    if span.type == "list":
        return 0, len(text)
    begin = max([text.rfind(c, 0, span.start) for c in _BULLETS] + [-1]) + 1
    ends = [i for i in (text.find(c, span.end) for c in _BULLETS) if i >= 0]
    return begin, min(ends, default=len(text))


def segment_of(text: str, span: Span) -> str:
    begin, end = clause_bounds(text, span)
    return text[begin:end]


def label_of(text: str, span: Span) -> str:
    """What introduces a span: its clause before it ('생활 분과에 △기술 △교육, 산업 분과에는 △드론 △항만': '산업
    분과에는' for the second list; 'X 해외 실증 지원' for the figure of 'X 해외 실증 지원(30억원)')."""
    return text[clause_bounds(text, span)[0] : span.start]


def _overlap(terms: list[str], text: str, need: Need, entities: set[str], sentence: Sentence) -> float:
    """Share of the question's terms in the sentence, a linked entity counting as one term present when the
    sentence (or a neighbour) mentions it, whatever its words: '월드 베스트LLM 프로잭트' and 'World Best LLM'."""
    named = set(need.named_terms) if entities else set()
    plain = [t for t in terms if t not in named]
    total = len(plain) + len(entities)
    if not total:
        return 0.0
    return (sum(_present(t, text) for t in plain) + len(entities & sentence.mentions)) / total


def asked_plain(need: Need) -> str:
    """The question without spaces, lower-cased: where its names are looked for."""
    return re.sub(r"\s", "", need.text).lower()


def features(span: Span, sentence: Sentence, need: Need, agree: int, entities: set[str]) -> dict[str, float]:
    terms = [t for t in need.terms if not t.isdigit()] or list(need.terms)
    text = sentence.text
    first, last = _item_bounds(text, span)
    window = text[max(first, span.start - _WINDOW) : min(last, span.end + _WINDOW)]
    type_hit = 1.0 if span.type == need.type else 0.5 if span.type in _CLOSE.get(need.type, set()) else 0.0
    framed = bool(need.frame) and need.frame in text[span.end : span.end + _FRAME_REACH]
    if span.type == "list" and (need.wants_list or framed):
        # 'the three regions' asks for their names together; so does a slot a list fills ('어떤 기관과 협력해?' →
        # 'A·B·C 등과 협력해')
        type_hit = 1.0
    if span.type == "date" and _YEAR_ASKED.search(need.text) and not re.search(r"(?:19|20)\d\d", span.text):
        type_hit = 0.0  # a year asked ('몇 년생'): a day or month that does not write its year is no answer
    unit = 0.0
    if need.type == "percent" == span.type and RATE_CHANGE.search(need.text):
        unit = 1.0 if span.unit == "%p" else -1.0  # how far a rate moved is said in points ('2.1%p')
    if need.type == "count" and need.unit and span.type == "count":
        got = span.unit or ""
        # the asked counter itself (1), a related one ('곳' for '개', 0.5), another (-1)
        unit = (
            1.0
            if got.startswith(need.unit) or need.unit.startswith(got)
            else 0.5
            if same_unit(got, need.unit)
            else -1.0
        )
    in_question = 1.0 if span.key in need.values else 0.0
    if span.type == "date" and re.sub(r"\s", "", span.text) in re.sub(r"\s", "", need.text):
        in_question = 1.0
    if span.type not in ("money", "count", "percent", "date", "yesno") and span.text in " ".join(need.terms):
        in_question = 1.0
    if span.type == "reason" and set(content_terms(span.text)) <= set(need.terms):
        in_question = 1.0  # a reason made only of the question's own words ('사업을 위한') says nothing new
    if span.type == "list":  # a list holding what the question names ('스타게이트, UAE' for a question on 스타게이트)
        items = span.text.split(", ")
        in_question = sum(re.sub(r"\s", "", i).lower() in asked_plain(need) for i in items) / len(items)
    context = sentence.context or text
    topical = f"{context} {sentence.title}"
    years = set(re.findall(r"(20\d\d)년", text))
    if sentence.published_year:
        years |= {str(sentence.published_year + d) for word, d in _RELATIVE_YEARS.items() if word in text}
    # a year the question names is there when the evidence names it, or says it relative to its article's date, or
    # is that year's news ('2026 예산' of an article of 2026 that never writes the year)
    dated = years | set(re.findall(r"(20\d\d)", topical)) | {str(sentence.published_year or "")}
    covered = (
        sum(_covers(t, dated, topical, sentence.article) for t in need.specific) / len(need.specific)
        if need.specific
        else 1.0
    )
    year = 0.0
    if need.years:
        year = 1.0 if years & {str(y) for y in need.years} else -1.0 if years else 0.0
    beside = text[max(first, span.start - _BESIDE) : span.start] + " " + text[span.end : min(last, span.end + _BESIDE)]
    # the sentence lacks a Latin name the question gives ('OSS'): it is likely about something else
    latin = [t for t in need.specific if re.fullmatch(r"[A-Za-z][\w-]{2,}", t)] + _HYPHENED.findall(need.text)
    missing = any(not _present(t, topical) for t in latin)
    clause = segment_of(text, span)
    return {
        "retrieval": 1.0 / (1 + sentence.rank),
        "overlap": _overlap(terms, text, need, entities, sentence),
        "near": _share(need, window),
        "type": type_hit,
        "unit": unit,
        "in_question": in_question,
        "year": year,
        "agreement": float(min(agree, 2)),
        "fact": 1.0 if span.key in sentence.fact_keys else 0.0,
        "entity": len(entities & sentence.mentions) / len(entities) if entities else 0.0,
        "neighbour": 1.0 if sentence.neighbour else 0.0,
        "no_entity": 1.0 if entities and not entities & (sentence.mentions | sentence.article_mentions) else 0.0,
        "other_subject": 1.0 if _other_subject(entities, sentence.mentions) else 0.0,
        "far_entity": 1.0
        if entities and not entities & sentence.mentions and entities & sentence.article_mentions
        else 0.0,
        "segment": _share(need, clause),
        "adjacent": _share(need, beside),
        "per": 1.0 if _RATE.search(need.text) and _RATE.search(clause) else 0.0,
        "items": 1.0 if span.type == "list" and span.text.count(", ") + 1 in need.several else 0.0,
        "one_of_several": 1.0 if span.type in _ONE_NAME and max(need.several, default=0) >= 2 else 0.0,
        "frame": 1.0 if framed else 0.0,
        "missing_name": 1.0 if missing else 0.0,
        "common": span.common,
        "all_items": min(span.text.count(", ") + 1, 8) / 8 if span.type == "list" and _ALL.search(need.text) else 0.0,
        "date_fit": _date_fit(span, need.text) if span.type == "date" else 0.0,
        "dated": _dated(span, text, need) if span.type == "date" == need.type else 0.0,
        "post_beside": _post_beside(span, text, need) if span.type == "person" else 0.0,
        "counted_beside": _counted_beside(span, text, need) if span.type == need.type and not missing else 0.0,
        "label": _label_fit(label_of(text, span), asked_plain(need)) if span.type in _FIGURES else 0.0,
        "counted_absent": 1.0
        if span.type in _FIGURES and need.counted and not _nearly_present(need.counted, topical)
        else 0.0,
        "when": _when(span, text, need, sentence.published_year) if span.type in _FIGURES else 0.0,
        "stage": _stage(span, text, need),
        "source": (1.0 if sentence.publisher in need.sources else -1.0) if need.sources else 0.0,
        "loose": 1.0 if span.type in ("name", "org", "place", "list", "post", "phrase") else 0.0,
        "uncovered": 1.0 if need.specific and covered < 0.5 else 0.0,
    }


_FIGURES = ("money", "count", "percent")


@lru_cache(maxsize=4096)
def _label_fit(label: str, asked: str) -> float:
    words = [w for w in content_terms(label) if w not in GENERIC and not w[0].isdigit() and not _TIME_WORD.fullmatch(w)]
    return sum(w.lower() in asked for w in words) / len(words) if words else 0.0


# A time word and the year it names relative to the article's ('지난해' -1), or a year itself; not one that only
# compares ('전년 대비', '지난해보다').
_TIME_WORD = re.compile(r"(올해|금년|내년|지난해|작년|전년|(20\d\d)년도?)(?!\s*(?:대비|보다|比))")
_OFFSET = {**_RELATIVE_YEARS, "전년": -1}


def _year_of(m: re.Match[str], published: int | None) -> tuple[int | None, int | None]:
    """(relative offset, absolute year) of a time word; the absolute one from the article's year when relative."""
    if m.group(2):
        return None, int(m.group(2))
    offset = _OFFSET[m.group(1)]
    return offset, (published + offset if published else None)


def _when(span: Span, text: str, need: Need, published: int | None) -> float:
    """The last time word before the figure (a list's shared '내년 국비 … A(20억원), B(70억원)' is every item's)."""
    asked = _TIME_WORD.search(need.text)
    said = list(_TIME_WORD.finditer(text, 0, span.start))
    if not asked or not said:
        return 0.0
    q_offset, q_year = _year_of(asked, published)
    s_offset, s_year = _year_of(said[-1], published)
    if q_offset is not None and s_offset is not None:
        return 1.0 if q_offset == s_offset else -1.0
    if q_year is None or s_year is None:
        return 0.0
    return 1.0 if q_year == s_year else -1.0


# A numbered stage of something: '2차 추경', '제1회 추경안', '1차 단계평가', '3차에는'; not the post '2차관'.
_STAGE = re.compile(r"(?:제\s*)?(\d+)\s*(?:차|회)(?!관)(?:\s*(?![에의을를은는와과도로까])([가-힣]{2}))?")


def _stage(span: Span, text: str, need: Need) -> float:
    """The stage nearest the span in its sentence, of a thing the question numbers, is the question's stage (+1)
    or another (-1): '2차 추경' asked, '1차 추경 때 1조8000억' answers another stage's figure."""
    asked = [(m[1], m[2] or "") for m in _STAGE.finditer(need.text)]
    if not asked:
        return 0.0
    said = [
        (abs((m.start() + m.end()) // 2 - span.start), m[1])
        for m in _STAGE.finditer(text)
        if any(not noun or noun == (m[2] or "") for _, noun in asked)
        and not (m.start() < span.end and span.start < m.end())  # the span itself ('2차' is no stage of itself)
    ]
    if not said:
        return 0.0
    return 1.0 if min(said)[1] in {n for n, _ in asked} else -1.0


_POST_REACH = 30  # characters: '류제명 과학기술정보통신부 네트워크정책실장', '…원장으로 박윤규 전 차관'


def _post_beside(span: Span, text: str, need: Need) -> float:
    posts = asked_posts(need.text)
    if not posts:
        return 0.0
    around = re.sub(r"\s", "", text[max(0, span.start - _POST_REACH) : span.end + _POST_REACH])
    return 1.0 if any(p in around for p in posts) else -1.0


_COUNTED_REACH = 10  # characters before a figure: '산업계 1288장', '가이드라인 5개'


def _counted_beside(span: Span, text: str, need: Need) -> float:
    if not need.counted:
        return 0.0
    at, end = clause_bounds(text, span)
    before = text[max(at, span.start - _COUNTED_REACH) : span.start]
    # or right after it, as a count before its noun: '7개 팹리스 기업', '14개 상장사'
    after = text[span.end : min(end, span.end + _COUNTED_REACH)]
    noun = re.escape(need.counted)
    # the last noun before it, but for particles and words that only say a figure follows ('가이드라인은 5개',
    # '(출자) 예산을 200억원'; not '7개 팹리스 기업의 13개'), or right after it ('7개 팹리스')
    ahead = re.search(noun + r"(.*)$", before)
    between = re.sub(r"[\s()\[\]·,]|" + "|".join(GENERIC), "", ahead.group(1)) if ahead else ""
    return 1.0 if (ahead and len(between) <= 2) or re.match(r"\s*(?:\S+\s)?" + noun, after) else 0.0


_DAY_ASKED = re.compile(r"며칠|날짜|몇\s*일|마감일|일자|몇\s*월\s*몇")
# A year asked ('몇 년생', '어느 해', '몇 년도에'): a date that does not write its year ('24일') is of another type.
_YEAR_ASKED = re.compile(r"몇\s*년\s*(?:생|도)|어느\s*해|연도|년도|태어난\s*해")


def _date_fit(span: Span, question: str) -> float:
    fit = 0.0
    if _DAY_ASKED.search(question):
        fit += 1.0 if re.search(r"\d일|\d-\d\d-\d\d", span.text) else -1.0
    for word in ("까지", "부터"):
        if word in question and word in span.text:
            fit += 1.0
    return fit


# Where the next time expression starts: a date dates what is written after it, up to the next one.
_NEXT_DATE = re.compile(r"\d+\s*(?:년|월|일|분기)|[상하]반기|" + "|".join(_RELATIVE_YEARS))


def _dated(span: Span, text: str, need: Need) -> float:
    """Share of the question's own nouns written between a date and the next one: the event it dates ('3분기
    착공에 들어가 2028년까지 … 구축' dates 착공 to 3분기, not to 2028년)."""
    words = [t for t in need.specific if not t.isdigit()]
    if not words:
        return 0.0
    after = _NEXT_DATE.search(text, span.end)
    scope = text[span.end : after.start() if after else len(text)]
    return sum(_nearly_present(t, scope) for t in words) / len(words)


def _share(need: Need, text: str) -> float:
    """Share of the question's terms (numbers aside, unless it has only numbers) present in `text`."""
    terms = [t for t in need.terms if not t.isdigit()] or list(need.terms)
    return sum(_present(t, text) for t in terms) / len(terms) if terms else 0.0


# Kinds an item of a list can be told to be by the other spans at its place, the surest first.
_ITEM_KINDS = ("person", "place", "org", "post")


def list_kind(span: Span, others: list[Span], asked: str) -> float:
    """The share of a list's items of the kind asked less the share of another kind; an item only a name (a
    company no suffix or registry marks) counts neither way."""
    if not asked or asked == "name":
        return 0.0
    kinds = []
    for start, end in span.items:
        types = {o.type for o in others if o.start == start and o.end == end}
        kinds.append(next((k for k in _ITEM_KINDS if k in types), "name"))
    if not kinds:
        return 0.0
    return (sum(k == asked for k in kinds) - sum(k not in (asked, "name") for k in kinds)) / len(kinds)


def same_unit(unit: str, asked: str) -> bool:
    return unit.startswith(asked) or asked.startswith(unit) or unit in _LIKE.get(asked, ())


# Counters a question may ask with that a count may be written in: '몇 곳' answered by '13개'.
_LIKE = {
    "명": ("인",),
    "곳": ("개", "개소", "개교"),
    "개": ("곳", "개사", "건"),
    "팀": ("개", "곳"),
    "개사": ("개", "곳"),
    "가지": ("개",),
}


def score(values: dict[str, float], weights: dict[str, float] | None = None) -> float:
    w = weights or WEIGHTS
    return sum(w[name] * value for name, value in values.items())


def rank(
    sentences: list[Sentence],
    spans: dict[str, list[Span]],
    need: Need,
    entities: set[str] = frozenset(),  # type: ignore[assignment]
    weights: dict[str, float] | None = None,
) -> list[Candidate]:
    """Every span of an acceptable type in every sentence, scored, best first."""
    wanted = {need.type} | _CLOSE.get(need.type, set())
    if need.type == "money" and MONEY_WORDS.search(need.text):
        wanted.discard("count")  # '투자 규모 얼마임?' is never answered by '기업 7곳'
    if need.wants_list or need.frame:
        wanted |= {"list"}
    asked = asked_plain(need)
    # a name or a figure the question itself gives is never its answer ('국가AI컴퓨팅센터' for a question about it,
    # '26만 장' for '26만 장 중 네이버 몫은 몇 장?')
    pool = [
        (sp, s)
        for s in sentences
        for sp in spans.get(s.key, [])
        if sp.type in wanted
        and not (
            sp.type not in ("money", "count", "percent", "date", "yesno")
            and re.sub(r"\s", "", sp.text).lower() in asked
        )
        and not (sp.type in ("money", "count", "percent") and sp.key in need.values)
    ]
    # a count in another unit never answers '몇 개사?' ('2003년'); '개' and '개사' are one unit
    if need.type == "count" and need.unit:
        pool = [(sp, s) for sp, s in pool if sp.type != "count" or same_unit(sp.unit or "", need.unit)]
    seen: dict[str, set[str]] = {}
    for sp, s in pool:
        seen.setdefault(sp.key, set()).add(s.key)
    lists = [set(sp.text.split(", ")) for sp, _ in pool if sp.type == "list"] if _ALL.search(need.text) else []
    out = []
    for sp, s in pool:
        f = features(sp, s, need, len(seen[sp.key]) - 1, entities)
        items = set(sp.text.split(", "))
        f["subsumed"] = 1.0 if sp.type == "list" and any(items < other for other in lists) else 0.0
        f["list_kind"] = list_kind(sp, spans.get(s.key, []), need.item) if sp.type == "list" else 0.0
        f["list_label"] = _share(need, label_of(s.text, sp)) if sp.type == "list" else 0.0
        out.append(Candidate(sp, s, f, score(f, weights)))
    # the verb after a list is the whole list's, not its last item's ('A·B·C 등과 협력해': not C alone)
    framed = [c for c in out if c.span.type == "list" and c.features["frame"]]
    for c in out:
        inside = any(
            f.sentence.key == c.sentence.key and f.span.start <= c.span.start and c.span.end <= f.span.end
            for f in framed
        )
        if c.span.type != "list" and c.features["frame"] and inside:
            c.features["frame"] = 0.0
            c.score = score(c.features, weights)
    # where the asked noun stands before one figure of a sentence, the sentence's other figures are not of it
    marked = {c.sentence.key for c in out if c.features.get("counted_beside", 0.0) > 0}
    for c in out:
        if c.sentence.key in marked and c.span.type == need.type and not c.features["counted_beside"]:
            c.features["counted_beside"] = -1.0
            c.score = score(c.features, weights)
    return sorted(out, key=lambda c: (-c.score, c.sentence.rank, c.span.start))
