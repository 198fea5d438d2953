"""Typed answer spans inside one evidence sentence: amounts, counts with their unit, percentages, dates and
periods, names (Kiwi proper nouns, people by a title beside them), posts, reasons (the phrase before
위해/때문에/목표로) and enumerations. Pure functions of the sentence text, testable without Neo4j."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from policykg.bot import numbers
from policykg.ingest.entities import known_names
from policykg.korean.dates import find_dates
from policykg.korean.sentences import Token, tokens_of
from policykg.korean.spans import DateSpan
from policykg.korean.values import find_values
from policykg.korean.words import NATIVE_NUMBERS, PLACE_NAMES, plausible_name
from policykg.korean.words import TITLES as WORD_TITLES
from policykg.ontology.iris import kind_of
from policykg.ontology.registry import registry

# The Korean layer's titles, and '후보자' (a nominee is named beside the post: '장관 후보자')
TITLES = (*WORD_TITLES, "후보자")
_EXTRA_COUNT = re.compile(
    r"(?<![\d.,가-힣])(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<big>[만억천])?\s*(?P<unit>엑사플롭스|페타플롭스|테라플롭스|EF|PF|점|년|호기|개월|일(?=간|\s*동안))"
)
_PERIOD = re.compile(
    r"(?:(?:20\d\d|\d\d)년\s*)?(?:상반기|하반기|[1-4]분기|연내|연말|연초|\d{1,2}월\s*(?:\d{1,2}일|초|중순|말|께)?"
    # a day alone is a deadline or a start ('오는 13일까지'), not the dateline's '31일'
    r"|(?:오는|지난|다음\s*달|내달)\s*\d{1,2}일(?:\s*(?:까지|부터))?|(?<![\d.])\d{1,2}일\s*(?:까지|부터))"
    r"(?:\s*(?:까지|부터|중|이내|안))?"
)
_REASON = re.compile(r"(위해|위한|때문|목표로|이유로|차원에서|따라|덕분|로 인해|으로 인해|취지|고려해|감안해|탓)")
_NEGATION = re.compile(r"않|없|아니|못|미달|불가|무산|취소")
# Words whose opposite in the evidence answers a yes/no question 'no': '선정됐어?' against '탈락했다',
# '현금을 내?' against '현물 출자'.
_OPPOSED = (
    ("선정", "탈락"),
    ("선정", "제외"),
    ("통과", "탈락"),
    ("포함", "제외"),
    ("증가", "감소"),
    ("확대", "축소"),
    ("확대", "삭감"),
    ("증액", "감액"),
    ("증액", "삭감"),
    ("상승", "하락"),
    ("찬성", "반대"),
    ("흑자", "적자"),
    ("의무", "면제"),
    ("의무", "자율"),
    ("필수", "선택"),
    ("필수", "대체"),
    ("반드시", "대체"),
    ("현금", "현물"),
    ("유료", "무료"),
)
_OPPOSITES = {
    word: {b if a == word else a for a, b in _OPPOSED if word in (a, b)} for pair in _OPPOSED for word in pair
}
_GRADE = re.compile(r"([가-힣]{1,3})급")


def contradicts(sentence: str, question: str) -> bool:
    """The sentence states the opposite of what the question asks about after the thing itself, if at all: '탈락'
    for '선정됐어?', a grade '실장급' for '국장급이야?'."""
    for word, opposites in _OPPOSITES.items():
        # the outcome comes last: '선정하는 공모에서 탈락했다' says no to '선정됐어?'
        if word in question and max((sentence.rfind(o) for o in opposites), default=-1) > sentence.rfind(word):
            return True
    asked = set(_GRADE.findall(question))
    stated = set(_GRADE.findall(sentence))
    return bool(asked and stated and not asked & stated)


# A term in quotes, in a question or a sentence ('‘AI 풀스택 협력’').
_QUOTED = re.compile(r"[‘'“\"]([^‘’'“”\"]{2,40})[’'”\"]")
_NAME_TAGS = ("NNP", "SL", "SH")
_NOUN_TAGS = ("NNP", "NNG", "SL", "SH", "SN", "XSN", "NNB", "XPN")
_PLACE_END = re.compile(r"(시|도|군|구|권|국|주|섬|단지|밸리|지역|부지)$")
_ORG_END = re.compile(
    r"(부|처|청|원|위원회|회의|기관|센터|공사|공단|재단|협회|은행|그룹|클라우드|텔레콤|전자|단|국|실|사|연구소|대학교?|컨소시엄|연합체)$"
)


_TITLED = re.compile(
    r"(?<![가-힣A-Za-z0-9])([가-힣]{3})(?=\s+(?:[가-힣A-Za-z0-9·]+\s){0,3}?[가-힣A-Za-z0-9·]*(?:"
    + "|".join(sorted(TITLES, key=len, reverse=True))
    + r")(?:은|는|이|가|을|를|의|과|와|도|에게|으로|로)?(?![가-힣]))"
)
_TITLE_REACH = 30  # characters between a name and its title: '박윤규 전 과학기술정보통신부 제2차관'


@dataclass(frozen=True)
class Span:
    """A candidate answer inside a sentence: its surface, its type, a key equal across sentences that state
    the same thing (the number and unit, or the name) and its offsets in the sentence."""

    text: str
    type: str
    key: str
    start: int
    end: int
    unit: str | None = None
    common: float = 0.0  # a name or list made of common nouns ('컨소시엄, 참여사'): the share of such words
    items: tuple[tuple[int, int], ...] = ()  # a list's items, by their offsets in the sentence
    # how an answer says it where the text leaves part of it to its article's date: '25일' of a February report
    # is said '2026년 2월 25일'
    reading: str = ""


_POINTS = re.compile(r"\s*(?:[pP](?![A-Za-z])|포인트)")
_RANGE_LOW = re.compile(r"(?<![\d.,])\d+(?:\.\d+)?\s*[~∼]\s*$")


def value_spans(sentence: str) -> list[Span]:
    spans: list[Span] = []
    for v in find_values(sentence):
        if v.value is None:
            continue
        if v.kind == "money":
            text = numbers.money(v.value, v.unit, v.qualifier).split(" (")[0] if v.unit == "KRW" else v.surface
            spans.append(Span(text, "money", f"money:{v.value}:{v.unit}", v.start, v.end, v.unit))
        elif v.kind == "percent":
            # a change in percentage points is written '2.1%p' or '2.1%포인트': the points are part of it
            points = _POINTS.match(sentence, v.end)
            end = points.end() if points else v.end
            spans.append(
                Span(sentence[v.start : end], "percent", f"pct:{v.value}", v.start, end, "%p" if points else "%")
            )
        else:
            # a range keeps its lower end: '1~2GW', '3~5개'
            low = _RANGE_LOW.search(sentence, 0, v.start)
            start = low.start() if low else v.start
            spans.append(Span(sentence[start : v.end], "count", f"count:{v.value}:{v.unit}", start, v.end, v.unit))
    taken = [(s.start, s.end) for s in spans]
    for m in _EXTRA_COUNT.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        unit = {"EF": "엑사플롭스", "PF": "페타플롭스"}.get(m["unit"], m["unit"])
        if unit == "년" and not m["big"] and float(m["n"].replace(",", "")) >= 1900:
            continue  # '2026년' is a year, not a number of years
        key = f"count:{m['n'].replace(',', '')}{m['big'] or ''}:{unit}"
        spans.append(Span(m.group(0), "count", key, m.start(), m.end(), unit))
    return spans


def _dates(sentence: str, published: date | None) -> list[Span]:
    spans = [
        Span(d.surface, "date", f"date:{d.surface}", d.start, d.end_offset, reading=_full_day(d))
        for d in find_dates(sentence, published)
    ]
    for m in _PERIOD.finditer(sentence):
        text = m.group(0).strip()
        if text and not any(s.start <= m.start() < s.end for s in spans):
            spans.append(Span(text, "date", f"date:{text}", m.start(), m.start() + len(text)))
    # '내년 1월부터': the year word before a month belongs to the answer
    return [_with_year_word(sentence, s) for s in spans]


# A day written without its month ('25일', '지난 3일'): the article's date gives the month and year.
_DAY_ONLY = re.compile(r"(?:(?:지난|오는|이번\s*달)\s*)?\d{1,2}\s*일(?:까지|부터)?")


def _full_day(d: DateSpan) -> str:
    if d.begin is None or d.begin != d.end or not _DAY_ONLY.fullmatch(d.surface.strip()):
        return ""
    return f"{d.begin.year}년 {d.begin.month}월 {d.begin.day}일"


def _with_year_word(sentence: str, span: Span) -> Span:
    m = re.search(r"(올해|금년|내년|지난해|작년|이듬해)\s*$", sentence[max(0, span.start - 5) : span.start])
    if not m or re.match(r"20\d\d", span.text):
        return span
    start = span.start - (len(m.group(0)))
    text = sentence[start : span.end]
    return Span(text, "date", f"date:{text}", start, span.end, reading=span.reading)


def _runs(sentence: str, tags: tuple[str, ...]) -> list[tuple[int, int]]:
    """Maximal runs of tokens with `tags`, written together ('네이버클라우드') or apart where a Latin word
    on both sides ('NC AI'); two Hangul words apart are two names ('류제명 과기정통부')."""
    tokens = tokens_of(sentence)
    runs: list[tuple[int, int]] = []
    for i, t in enumerate(tokens):
        before = tokens[i - 1] if i else t
        attached = i > 0 and before.end == t.start
        # a model number written onto a Latin name: 'B200', 'H100'
        model = t.tag == "SN" and attached and before.tag == "SL" and bool(runs) and runs[-1][1] == t.start
        if t.tag not in tags and not model:
            continue
        # a Hangul word written onto a Latin name is part of it: '오픈AI'
        if (
            t.tag == "SL"
            and attached
            and before.tag == "NNG"
            and before.tag not in tags
            and (before.start == 0 or not sentence[before.start - 1].isalnum())
        ):
            runs.append((before.start, t.end))
            continue
        gap = sentence[runs[-1][1] : t.start] if runs else "x"
        latin = t.tag == "SL" and runs and re.search(r"[A-Za-z0-9]$", sentence[runs[-1][0] : runs[-1][1]])
        if runs and (gap == "" or (gap == " " and latin)):
            runs[-1] = (runs[-1][0], t.end)
        else:
            runs.append((t.start, t.end))
    return runs


def _names(sentence: str) -> list[Span]:
    """Proper-noun runs; a run right before or after a title is a person ('류제명 제2차관', '배경훈 장관')."""
    spans: list[Span] = []
    for start, end in _runs(sentence, _NAME_TAGS):
        text = sentence[start:end]
        if len(text) < 2:
            continue
        after = sentence[end : end + _TITLE_REACH]
        before = sentence[max(0, start - _TITLE_REACH) : start]
        titled = any(after.lstrip().startswith(t) or before.rstrip().endswith(t) for t in TITLES)
        # a whole word: '배경훈 장관', '류제명은', not '과기' inside '과기정통부'
        hangul = (
            re.fullmatch(r"[가-힣]{2,4}", text) is not None
            and re.match(r"($|[^가-힣]|[은는이가을를의과와도께][^가-힣]?)", sentence[end : end + 2]) is not None
        )
        if (
            hangul
            and plausible_name(text)
            and not _ORG_END.search(text)
            and (
                titled
                or re.match(r"\s*(?:[가-힣A-Za-z0-9]+\s){0,3}?[가-힣A-Za-z0-9]*(" + "|".join(TITLES) + ")", after)
            )
        ):
            spans.append(Span(text, "person", f"name:{text}", start, end))
        kind = "place" if _PLACE_END.search(text) or text in PLACE_NAMES else "org" if _ORG_END.search(text) else "name"
        spans.append(Span(text, kind, f"name:{text}", start, end))
    # a three-syllable name Kiwi split ('김명주' as 김 + 명주) before its organisation and title
    for m in _TITLED.finditer(sentence):
        inside = [t for t in tokens_of(sentence) if m.start(1) <= t.start < m.end(1)]
        # '사용자 대표': one common noun; '안전과 신뢰성을 …과장': a noun and its particle
        common = (len(inside) == 1 and inside[0].tag == "NNG") or any(t.tag.startswith(("J", "E")) for t in inside)
        if plausible_name(m[1]) and not common and not any(s.type == "person" and s.start == m.start(1) for s in spans):
            spans.append(Span(m[1], "person", f"name:{m[1]}", m.start(1), m.end(1)))
    for start, end in _runs(sentence, _NOUN_TAGS):
        text = sentence[start:end]
        if _ORG_END.search(text) and len(text) >= 3 and not any(s.start == start and s.end == end for s in spans):
            spans.append(Span(text, "org", f"name:{text}", start, end, common=_common(sentence, start, end)))
        if re.search("(" + "|".join(TITLES) + ")$", text) and len(text) >= 4:
            spans.append(Span(text, "post", f"post:{text}", start, end))
    return spans


def _common(sentence: str, start: int, end: int) -> float:
    """The share of common-noun tokens between `start` and `end`; none for a body the registry knows ('국세청',
    which Kiwi reads as a common noun)."""
    if registry().resolve(sentence[start:end]) is not None:
        return 0.0
    inside = [t for t in tokens_of(sentence) if start <= t.start and t.end <= end]
    return sum(t.tag not in (*_NAME_TAGS, "SN") for t in inside) / len(inside) if inside else 0.0


def _reasons(sentence: str) -> list[Span]:
    spans: list[Span] = []
    for m in _REASON.finditer(sentence):
        begin = max(sentence.rfind(c, 0, m.start()) for c in (",", "“", '"', "‘", "'", "(")) + 1
        # the cause, not the clause's subject: '사업은 아직 예산 문제 때문에' → '아직 예산 문제'
        subject = list(re.finditer(r"[가-힣A-Za-z0-9)](?:은|는|이|가)\s", sentence[begin : m.start()]))
        if subject and m.start() - (begin + subject[-1].end()) >= 2:
            begin += subject[-1].end()
        text = sentence[begin : m.start()].strip()
        if 2 <= len(text) <= 60:
            spans.append(Span(text, "reason", f"reason:{text}", begin, m.start()))
    return spans


# what a measure is for, said after it: '…함으로써 격차를 줄일 방침', '…키워 경쟁력을 높인다는 취지'
_PURPOSE_END = re.compile(r"(?:다는|는다는|는|을|할)?\s*(?:방침|취지|목적)")
_CLAUSE_BREAK = re.compile(r"(?:,|함으로써|으로써|[해워고며])\s")


def _purposes(sentence: str) -> list[Span]:
    """The clause right before 방침/취지/목적, from the last clause break ('함으로써 ', '키워 ', a comma)."""
    spans = []
    for m in _PURPOSE_END.finditer(sentence):
        begin = max(0, m.start() - 40)
        breaks = list(_CLAUSE_BREAK.finditer(sentence, begin, m.start()))
        start = breaks[-1].end() if breaks else begin
        text = sentence[start : m.start()].strip()
        if len(text) >= 2:
            spans.append(Span(text, "reason", f"reason:{text}", start, start + len(text)))
    return spans


# What joins two items of a list: a separator or a bullet, after a bracketed abbreviation of the first ('(NIPA)');
# a bare space never does ('류제명 과기정통부 차관' is a person, a body and a post, not three items).
_JOINT = re.compile(r"(?:\([^()]{1,20}\))?\s*(?:(?:,|·|및|와|과|그리고|、)\s*[△▲■□▷-]?|[△▲■□▷-])\s*")


def _list_span(sentence: str, items: list[tuple[int, int]], common: float = 0.0) -> Span:
    texts = [sentence[a:b] for a, b in items]
    return Span(
        ", ".join(texts),
        "list",
        "list:" + ",".join(texts),
        items[0][0],
        items[-1][1],
        common=common,
        items=tuple(items),
    )


def _lists(sentence: str, names: list[Span]) -> list[Span]:
    """Two or more names joined by commas, '·', '와/과' or '및' make one list span, unless most of them are common
    nouns ('연합체 참여사와 협력사')."""
    # not a person (people make lists of their own: _people_lists), nor an abbreviation in brackets after a name:
    # '한국정보통신기술협회(TTA)' is one item
    people = [s for s in names if s.type == "person"]
    named = [
        s
        for s in names
        if not any(p.start < s.end and s.start < p.end for p in people)
        and not (sentence[s.start - 1 : s.start] == "(" and s.end < len(sentence) and sentence[s.end] == ")")
    ]
    # the longest name at each place: 'SK텔레콤', not also 'SK'
    items = sorted(
        {
            (s.start, s.end): s
            for s in named
            if not any(o.start <= s.start and s.end <= o.end and o.end - o.start > s.end - s.start for o in named)
        }.values(),
        key=lambda s: s.start,
    )
    groups: list[list[Span]] = []
    for s in items:
        if groups and _JOINT.fullmatch(sentence[groups[-1][-1].end : s.start]):
            groups[-1].append(s)
        else:
            groups.append([s])
    return [
        _list_span(sentence, [(s.start, s.end) for s in g], sum(s.common for s in g) / len(g))
        for g in groups
        if len(g) >= 2 and sum(s.common for s in g) < len(g) / 2  # mostly common nouns: no list of names
    ]


_BULLET = "△▲■□▷◆◇●○•"
# the words of an item, up to its particle: Kiwi's nouns, Latin words, numbers and the marks inside names
_ITEM_TAGS = ("NNG", "NNP", "NNB", "SL", "SN", "SH", "XSN", "XPN", "XR")


def _noun_run_end(sentence: str, start: int, stop: int) -> int:
    """Where the nouns from `start` end, before a particle, an ending or a mark ('△글로벌 협력이,' → '글로벌 협력')."""
    end = start
    for t in tokens_of(sentence):
        if t.start < start or t.start >= stop:
            continue
        if t.tag not in _ITEM_TAGS and not (t.tag in ("SP", "SO") and sentence[t.start : t.end] in "·-&"):
            break
        end = t.end
    return end


# between an item and the next bullet: spaces, a comma, a gloss in brackets ('▲행정 혁신(Government) ▲…')
_BULLET_GAP = re.compile(r"(?:\s|,|\([^()]{0,40}\))*")


def _bullet_lists(sentence: str) -> list[Span]:
    """Items after bullets ('▲기술 ▲솔루션 ▲인재'), whatever their part of speech, each up to its particle; a list
    ends where an item is followed by more than a space ('△인재 △글로벌 협력이, 도메인 분과에는 △…')."""
    marks = [i for i, c in enumerate(sentence) if c in _BULLET]
    groups: list[list[tuple[int, int]]] = []
    for n, at in enumerate(marks):
        stop = marks[n + 1] if n + 1 < len(marks) else len(sentence)
        start = at + 1 + len(sentence[at + 1 :]) - len(sentence[at + 1 :].lstrip())
        end = _noun_run_end(sentence, start, stop)
        if end <= start:
            groups.append([])
            continue
        if groups and groups[-1] and _BULLET_GAP.fullmatch(sentence[groups[-1][-1][1] : at]):
            groups[-1].append((start, end))
        else:
            groups.append([(start, end)])
    return [_list_span(sentence, g) for g in groups if len(g) >= 2]


# 'A, B 및 C 등 3개 분야': an enumeration the sentence counts itself; the count tells where the items are
_COUNTED = re.compile(
    r"\s*(?:등|등의|의|이라는|라는)?\s*(?<![\d.,가-힣])(?P<n>\d+|두|세|네|다섯|여섯|일곱|여덟|아홉|열)(?![\d.,조억만천원년월일%])"
    r"\s*(?:개|곳|가지|대|명)?\s*[가-힣A-Za-z]"
)
_ITEM_BREAK = re.compile(r"\s*(?:,|및|그리고)\s*")


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of text[start:end] without the spaces around it."""
    inner = text[start:end]
    return start + len(inner) - len(inner.lstrip()), end - len(inner) + len(inner.rstrip())


def _counted_lists(sentence: str) -> list[Span]:
    """Phrases joined by commas or '및' right before a count of as many things ('특화 산업 육성, 서비스 확산, 인재
    확보 등 3개 분야'): one list, though its items are common-noun phrases; the first item starts after the last
    particle or ending before it."""
    spans = []
    for m in _COUNTED.finditer(sentence):
        wanted = NATIVE_NUMBERS.get(m["n"]) or int(m["n"])
        breaks = list(_ITEM_BREAK.finditer(sentence, 0, m.start()))[-(wanted - 1) :] if wanted >= 2 else []
        if wanted < 2 or len(breaks) != wanted - 1:
            continue
        first = breaks[0].start()
        before = [t for t in tokens_of(sentence) if t.end <= first]
        # the first item: the nouns after the last particle, ending or mark before the first comma
        start = next((t.end for t in reversed(before) if t.tag not in _ITEM_TAGS), 0)
        bounds = [start, *(x for b in breaks for x in (b.start(), b.end())), m.start()]
        items = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        # each item a phrase of its own: no clause ends inside one ('…했고, …')
        if all(b - a >= 2 and not re.search(r"[.!?]|다\s", sentence[a:b]) for a, b in items):
            spans.append(_list_span(sentence, [_stripped(sentence, a, b) for a, b in items]))
    return spans


def _separator(sentence: str, token: Token) -> bool:
    return token.tag == "JC" or sentence[token.start : token.end] in (",", "·", "및", "、")


def _noun_runs(sentence: str) -> list[list[tuple[int, int]]]:
    """Runs of nouns, each split into its pieces at separators: '가나당 김하나·다라당 이두리 의원이' → one run of
    two pieces. A determiner Kiwi reads inside a name written together ('김국현' as 김 + 국 + 현) stays in it."""
    runs: list[list[tuple[int, int]]] = [[]]
    end = -1
    for t in tokens_of(sentence):
        if _separator(sentence, t) and runs[-1]:
            runs[-1].append((t.end, t.end))
        elif t.tag in _ITEM_TAGS or (t.tag == "MM" and t.start == end and runs[-1]):
            if not runs[-1]:
                runs[-1].append((t.start, t.end))
            a, b = runs[-1][-1]
            runs[-1][-1] = (a if b > a else t.start, t.end)
        elif runs[-1]:
            runs.append([])
        end = t.end
    return runs


def _people_lists(sentence: str, names: list[Span]) -> list[Span]:
    """People named in a row, each with what stands beside them ('정가람·나래당 최보람 의원', '김하나 정책과장, 이두리
    지원과장'): runs of nouns split by separators, the person of each piece one item; a list when some item has its
    title beside it. A name right before the separator shares the title after the next one ('정가람·… 의원'). A
    particle or a verb ends the run ('김하나 국장이, 지원과장에는 이두리 과장이')."""
    people = [s for s in names if s.type == "person"]
    untitled = [
        s for s in names if s.type == "name" and re.fullmatch(r"[가-힣]{2,4}", s.text) and plausible_name(s.text)
    ]
    spans = []
    for pieces in _noun_runs(sentence):
        items: list[tuple[int, int]] = []
        for a, b in pieces:
            # a name right before the separator, else the last person with a title in the piece
            shared = [u for u in [*people, *untitled] if a <= u.start and u.end == b and b < len(sentence)]
            titled = sorted((p for p in people if a <= p.start and p.end <= b), key=lambda p: p.start)
            items += [(s.start, s.end) for s in (shared or titled)[-1:]]
        if len(items) >= 2 and any(p.start == items[-1][0] for p in people):
            spans.append(_list_span(sentence, items))
            spans += [Span(u.text, "person", u.key, u.start, u.end) for u in untitled if (u.start, u.end) in items]
    return spans


def _all_lists(sentence: str, names: list[Span]) -> list[Span]:
    """The lists of names, bullets, counted phrases and people, each once, and the people a shared title makes."""
    people = _people_lists(sentence, names)
    found = people + _lists(sentence, names + people) + _bullet_lists(sentence) + _counted_lists(sentence)
    lists = {s.items: s for s in reversed(found) if s.type == "list"}
    return [s for s in found if s.type != "list"] + list(lists.values())


def _phrases(sentence: str) -> list[Span]:
    """Common-noun runs ('비수도권', '수요기업'): what a 'which'/'what' question may ask for when no name fits."""
    return [
        Span(sentence[a:b], "phrase", f"name:{sentence[a:b]}", a, b)
        for a, b in _runs(sentence, ("NNG", "XR", "XSN", "XPN"))
        if b - a >= 2
    ]


# an article of a law or a plan: '제6조', '제2조 제1항'
_ARTICLE = re.compile(r"제\s?\d+\s?조(?:의\s?\d+)?(?:\s?제\s?\d+\s?항)?")


# The answer type of an entity, by the kind its IRI was minted with (ontology/iris.py); a local government, though
# minted as an organisation, is a place.
KIND_TYPES = {"org": "org", "law": "name", "programme": "name", "event": "name"}
_REGION_CLASSES = ("LocalGovernment", "Place")


def _known(sentence: str) -> list[Span]:
    """The bodies, places and programmes the registry knows, typed by their class: '대한상공회의소' is an
    organisation though no suffix says so."""
    return [
        Span(
            sentence[start:end],
            "place"
            if str(entry.cls).rsplit("#", 1)[1] in _REGION_CLASSES
            else KIND_TYPES.get(kind_of(entry.iri), "org"),
            f"name:{entry.name}",
            start,
            end,
        )
        for start, end, entry in known_names(sentence, tokens_of(sentence))
    ]


# Where something was held: the name right before '에서' with a verb of holding soon after ('…간담회를 4일
# 대한상공회의소에서 개최했다').
_HELD = re.compile(r"에서\s*[^.?!]{0,60}?(?:열|개최|진행|발표|출범|개막|가졌|가진|선포|마련|체결)")
_VENUE_WORDS = 4  # a venue's name with the place words written before it ('강서구 명지동 에코델타시티 스마트시티랩')


# A venue's abbreviation in brackets before '에서' ('…진흥원(NIA)에서 열린'): the name ends before it.
_BRACKETED_END = re.compile(r"\([^()]{1,15}\)$")


def _venues(sentence: str) -> list[Span]:
    ends = {m.start() for m in _HELD.finditer(sentence)}
    ends |= {e - len(b[0]) for e in list(ends) if (b := _BRACKETED_END.search(sentence, 0, e))}
    runs = _runs(sentence, _NOUN_TAGS)
    spans = []
    for i, (start, end) in enumerate(runs):
        if end not in ends or sentence[start:end].isdigit():
            continue
        first = i
        while (
            first > 0
            and i - first < _VENUE_WORDS - 1
            and runs[first - 1][1] + 1 == runs[first][0]
            and not re.search(r"\d", sentence[runs[first - 1][0] : runs[first - 1][1]])  # '1일' is when, not where
        ):
            first -= 1
        begin = runs[first][0]
        spans.append(Span(sentence[begin:end], "place", f"name:{sentence[begin:end]}", begin, end))
    return spans


def _quoted_names(sentence: str) -> list[Span]:
    """A name in quotes ('‘충북 인공지능산업 육성 및 지원 조례’', '‘AI 풀스택 협력’'), not a quoted remark (which
    ends in a verb: '…하겠다')."""
    return [
        Span(m[1].strip(), "name", f"name:{m[1].strip()}", m.start(1), m.end(1))
        for m in _QUOTED.finditer(sentence)
        if len(m[1].strip()) >= 3 and not re.search(r"[다요죠까]\.?$|[.!?]$", m[1].strip())
    ]


def find_spans(sentence: str, published: date | None = None) -> list[Span]:
    """Every typed span in `sentence`, in text order."""
    names = (
        _names(sentence)
        + _known(sentence)
        + [Span(m[0], "name", f"name:{m[0]}", m.start(), m.end()) for m in _ARTICLE.finditer(sentence)]
    )
    spans = (
        value_spans(sentence)
        + _dates(sentence, published)
        + names
        + _phrases(sentence)
        + _reasons(sentence)
        + _purposes(sentence)
        + _all_lists(sentence, names)
        + _venues(sentence)
        + _quoted_names(sentence)
    )
    return sorted(spans, key=lambda s: (s.start, -s.end))


def question_spans(sentence: str, question: str, terms: tuple[str, ...], values: tuple[str, ...]) -> list[Span]:
    """Spans that exist only with respect to a question:
    - yes/no: '예' when the sentence states the figures the question states and denies nothing, '아니요' when it
      negates ('하지 않을 수 있다');
    - what a quoted term means: the clause right before it ('처음부터 … 학습시키는 '프롬 스크래치' 방식');
    - a cause written 'X(으)로 <the question's word>' ('최하위로 탈락')."""
    spans: list[Span] = []
    stated = {s.key for s in value_spans(sentence)}
    if not values or set(values) <= stated:
        answer = "아니요" if _NEGATION.search(sentence) or contradicts(sentence, question) else "예"
        spans.append(Span(answer, "yesno", f"yesno:{answer}", 0, len(sentence)))
    for m in _QUOTED.finditer(question):
        at = sentence.find(m.group(1))
        if at > 0:
            begin = max(sentence.rfind(c, 0, at - 1) for c in (",", "(", "“", '"')) + 1
            text = sentence[begin:at].strip(" '‘\"“")
            if 4 <= len(text) <= 80:
                spans.append(Span(text, "reason", f"reason:{text}", begin, begin + len(text)))
    for term in terms if re.search(r"왜|이유|사유|까닭|때문", question) else ():  # a cause, not a purpose
        for m in re.finditer(r"([^,.\s]+)(?<!으)(?:으로|로)\s*" + re.escape(term), sentence):
            spans.append(Span(m.group(1), "reason", f"reason:{m.group(1)}", m.start(1), m.end(1)))
    return spans
