"""What kind of answer a question wants, read from its words and not from one fixed phrasing: money, a
count with its unit (장, 개, 팀, 명, 곳, 건 …), a percentage, a person, an organisation, a date or period, a
place, a name, a reason, a list or yes/no; plus the content terms the evidence should share with it.

Tolerant of spacing ('몇명', '몇 명'), casual endings ('얼마임', '몇장?', '어디어디임') and English questions."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from policykg.bot.spans import value_spans
from policykg.korean.sentences import tokens_of
from policykg.korean.words import COUNTERS as WORD_COUNTERS
from policykg.korean.words import MEASURE_UNITS, NATIVE_NUMBERS, TITLES, measure_pattern

# What a count question asks with (몇 장, 몇 팀 …): the counters values are read with, units of computing
# performance, and a few that count no things but are asked for ('몇 호기', '몇 년', '몇 차'); longest first so
# that '개월' is not read as '개'.
_ASKED = {*WORD_COUNTERS, *(u for u in MEASURE_UNITS if not u.isascii()), "호기", "년", "차", "가지"}
COUNTERS = tuple(sorted(_ASKED, key=lambda c: (-len(c), c)))
# Nouns that imply a counter when the question names no 몇-counter: 'GPU 수량은?' wants 장.
_IMPLIED_UNITS = (
    (r"GPU|그래픽처리장치", "장"),
    (r"지자체|기관|기업|대학|대학원|학교|곳", "곳"),
    (r"팀", "팀"),
    (r"사람|인원|관계자|사용자|위원|인력|명", "명"),
    (r"과제|사업|서비스|건수", "건"),
    (r"서버", "대"),
)
# Posts a person holds, as the Korean layer lists them ('소장 이름은?' asks for a person); not those that also end
# an organisation's name ('LG AI연구원은?') or a board ('이사회').
_PERSON_TITLES = (*(t for t in TITLES if not t.endswith(("연구원", "이사")) and t != "기자"), "후보자")
_LIST = r"모두|전부|나열|명단|목록|리스트|어디\s*어디|누구\s*누구|뭐\s*뭐|각각|들은\s*\?|들\s*\?|list"
# (type, pattern) in order: the first that matches names the expected answer type.
_TYPES: tuple[tuple[str, str], ...] = (
    ("percent", r"%|퍼센트|몇\s*퍼|몇\s*프로|%p|포인트|비중|비율|점유율|[률율]은|[률율]\s*$|[률율]\s*\?|percent"),
    ("yesno", r"맞(나|아|죠|습니까|는지)|인가요\?|였나요\?|받았어\?|해야\s*해\?|^(is|are|was|were|does|did|do|can)\b"),
    (
        "reason",
        r"왜|이유|사유|목적|까닭|뜻|의미|근거(?:는|가)|배경|원인|요인|why|어떤\s*기준|무슨\s*뜻|노리|노림|취지|의도|겨냥|계기",
    ),
    (
        "date",
        r"언제|날짜|일자|일시|시기|시점|일정|기간|기한|시한|마감일?|며칠|몇\s*월|몇\s*분기|요일|어느\s*해|연도(?!별)|년도(?!별)|when"
        r"|what\s*(?:year|date)|착공|시행일|년생|출생|태어난\s*해|몇\s*년\s*(?:도|에|까지|부터|쯤|께)(?!\s*걸쳐)",
    ),
    # '목표액', '출자액': any noun ending in 액 asks for an amount
    # shares of who pays are amounts too: '경북이 확보한 국비는?', '민자는?'
    (
        "money",
        r"얼마|금액|예산|비용|액수|[가-힣]액(?:[은는이가을를도]|\s|\?|$)|지원금|사업비|규모(?:는|가|은|이)?\s*\?*$"
        r"|돈|how much|자금|재원|기금|매출|가격|단가|요금|몇\s*(?:억|조\s*원|만\s*원|원)|달러|[\d억만조천]\s*원\s*\?"
        r"|국비|[시도군구]비(?:는|은|가|\s*\?|$)|지방비|민자|출연금|출자금|보조금|운영비|연구비|인건비",
    ),
    ("count", r"몇|수량|개수|how many|\b수는|\s수\s*$|수는\s*\?|성능|점수|배점|인원|정원|대수|건수|횟수|물량|용량"),
    ("list", _LIST),
    (
        "person",
        r"누구|누가|인물|성함|사람|정치인|who|("
        + "|".join(_PERSON_TITLES)
        + r")\s*(?:둘|셋|넷|두\s*명|세\s*명)?\s*(이름|은|는)",
    ),
    ("place", r"어느\s*나라|국가는|지역은|어디에|어디서|입지|위치|장소|where|후보지|부지"),
    (
        "org",
        r"기관|회의(?!원)|조직|부처|회사|기업|협회|단체|재단|학회|어디|어느\s*곳|누가\s*맡|위원회|홈피|홈페이지|소속|정당|어느\s*당|which",
    ),
    ("name", r"이름|명칭|무엇|뭐|무슨|어떤|what|몇\s*조\s*(?:에|의|를|항)"),  # '몇 조에 근거한': a law's article
)
# A question with no asking word ('탈락한 팀은?', '개소 예정일은?') asks for what its last noun names.
_HEADS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("percent", r".*[율률]|비중"),
        ("reason", r"이유|배경|까닭|원인|목적|취지|근거|계기|요인|사유"),
        ("date", r"날|날짜|시기|시점|기한|시한|일정|연도|년도|해|때|일자|일시|분기|.+(?<![독동유단통매])일"),
        (
            "money",
            r".*(?:액|비용|예산|자금|재원|매출|가격|단가|요금|기금|펀드|사업비|운영비|연구비|인건비|국비|지방비|개발비)",
        ),
        ("count", r"수|수량|개수|인원|정원|대수|건수|횟수|물량|용량"),
        ("person", r"사람|인물|수장|책임자|담당자|후임자?|전임자?|.*(?:" + "|".join(_PERSON_TITLES) + ")"),
        ("place", r"지역|나라|국가|도시|장소|위치|입지|부지|후보지|권역|시도"),
        (
            "org",
            r".*(?:팀|기업|회사|기관|업체|부처|대학|컨소시엄|연합체|주관사|운영사|사업자|협력사|참여사|스타트업|단체|위원회)"
            r"|곳|주체|파트너|은행",
        ),
        ("name", r"이름|명칭|제목|모델|제품|서비스|브랜드|법|법안|제도|프로그램|기술|분야"),
    )
)
_HEAD_WINDOW = 6  # characters: a type whose match ends this close to a generic last one competes with it
# Asking words that say nothing of the type by themselves: the noun before them decides ('국가는 어디?').
_GENERIC = re.compile(r"어디|어느|무엇|뭐|무슨|어떤|이름|명칭|what|which|where")
# Asking words that fix the type wherever they stand: a figure with its unit ('몇 % 성능을 목표로 해야 해?').
_STRONG = (
    ("percent", r"%|퍼센트|몇\s*퍼|몇\s*프로"),
    ("date", r"몇\s*(?:년\s*(?:도|에|까지|부터|쯤|께)(?!\s*걸쳐)|월|분기)"),
    ("count", r"몇\s*(?:" + "|".join(COUNTERS) + r")(?!생)"),  # '몇 년생' asks a year of birth
    ("money", r"얼마(?!\s*(?:나|동안|간))"),
)
# A rate and how far it moved: '이용률이 전년보다 얼마나 올랐어?', '점유율은 얼마나 늘었나'.
RATE_CHANGE = re.compile(
    r"(?:[가-힣][률율]|비중|비율)[은는이가도]?\s.*얼마나\s*(?:올랐|늘었|증가|상승|높아|줄었|감소|하락|떨어|낮아)"
)
# How long something lasts: '얼마 동안', '몇 년간' ask for a count of years or months, not money.
_DURATION = re.compile(r"얼마\s*(?:동안|간|나\s*오래)|몇\s*(?:년|개월|달)\s*(?:동안|간)|기간은")
# 'the three regions', '두 팀', '두 과장', '국회의원 둘': a number of things asked for by their names
_NUMERAL = r"(\d+|두|세|네|다섯|여섯|일곱|여덟|아홉|열)"
_SEVERAL = re.compile(
    rf"{_NUMERAL}\s*(?:개\s*)?(?:곳|팀|기업|지역|나라|국가|기관|회사|사업|사|유형|분야|가지)"
    rf"|{_NUMERAL}\s*개(?=의|\s)"
    rf"|{_NUMERAL}\s*(?:명|사람|분|{'|'.join(_PERSON_TITLES)})(?![가-힣])"
    r"|(둘|셋|넷)(?=\s*(?:은|는|이|가|을|를|의|\?|$))"
)
_ALONE = {"둘": 2, "셋": 3, "넷": 4}
# 'which ministries and agencies': kinds of body joined by '·' or '와' ask for all the bodies of those kinds
_BODY_KINDS = r"(?:부처|기관|기업|대학|회사|지자체|단체|학교|연구기관|공공기관|협회|스타트업|국가|나라)"
_KINDS_JOINED = re.compile(rf"{_BODY_KINDS}\s*(?:·|,|와|과|및|이나)\s*{_BODY_KINDS}")
_MEASURED = re.compile(measure_pattern())
# Words that say the figure asked is money, not merely an amount of something ('투자 규모 얼마' vs '매개변수 규모는')
MONEY_WORDS = re.compile(r"금액|예산|비용|투자|지원액|지원금|사업비|총액|돈|자금|how much|추경|원\b|국비|달러")
_MONEY_HINT = re.compile(r"얼마|" + MONEY_WORDS.pattern)
# Words that say what is asked, not what it is about: they are no evidence terms.
ASKING = {
    "얼마",
    "몇",
    "며칠",
    "퍼",
    "퍼센트",
    "무엇",
    "누구",
    "어디",
    "언제",
    "어떤",
    "어느",
    "무슨",
    "이름",
    "것",
    "수",
    "등",
    "뭐",
    "거",
    "게",
    "때",
    "데",
    "중",
    "그중",
    "정도",
    "대략",
    "전부",
    "모두",
    "나열",
    "알리",
    "알려주",
    "말하",
    "하",
    "되",
    "있",
    "이",
    "없",
    "같",
    "보",
    "주",
    "가",
    "쓰",
    "맞",
}
_CONTENT = ("NNG", "NNP", "SL", "SN", "XR", "VV", "VA", "NR")
_NOUNS = ("NNG", "NNP", "SL", "SN", "XR")
# Nouns that say what kind of figure is asked: the evidence may say 편성 where the question says 투입.
GENERIC = {"예산", "금액", "규모", "사업", "프로젝트", "돈", "지원", "투입", "투자", "편성", "배정", "책정", "값"}


@dataclass(frozen=True)
class Need:
    """The expected answer: `type` (money, count, percent, person, org, date, place, name, reason, list,
    yesno, other), the counter for a count (장, 명 …, or None), and the question's content terms."""

    type: str
    unit: str | None = None
    terms: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    values: tuple[str, ...] = ()  # span keys of the figures the question itself states ('GPU 1만 장'): not the answer
    wants_list: bool = False
    # the question's own nouns beyond the names it links and its asking words ('전기요금'): the evidence
    # should state most of them
    specific: tuple[str, ...] = ()
    text: str = ""  # the question, for spans that merely repeat it
    several: tuple[int, ...] = ()  # how many things the question says there are ('세 지역' → 3)
    # terms that are words of the names the question links ('월드', '베스트' of '월드 베스트LLM'): the entity stands
    # for them, found by its mentions however the evidence writes it
    named_terms: tuple[str, ...] = ()
    # what a figure is asked of: the noun right before 몇/얼마 ('가이드라인은 몇 개' → 가이드라인)
    counted: str = ""
    # what the things asked for are (org, person, place, name), for a list: '참여 기업들은?' lists organisations
    item: str = ""
    # the word the asked slot is the case of: '어떤 부처와 협력해?' → 협력 (the evidence says 'A·B와 협력해')
    frame: str = ""
    # the publishers whose report the question asks about ('전자신문 기사 기준', '헤럴드경제가 보도한')
    sources: tuple[str, ...] = ()


def implied_unit(text: str) -> str | None:
    """The counter a text asks in ('몇 곳'), or the one its nouns imply ('GPU' → 장)."""
    m = re.search(r"몇\s*(" + "|".join(COUNTERS) + ")", text)
    if m:
        return m.group(1)
    m = _MEASURED.search(text)
    if m:
        return m.group(0)
    for pattern, unit in _IMPLIED_UNITS:
        if re.search(pattern, text):
            return unit
    return None


def counted_noun(text: str, figure: bool = True) -> str:
    """The noun a figure is asked of: the last one before 몇/얼마 (or in the question) that is neither generic nor an
    asking word."""
    tokens = tokens_of(text)
    # '몇 곳', '얼마', or the bound noun '수' of '기업 수는?'
    at = next(
        (
            i
            for i, t in enumerate(tokens)
            if text[t.start : t.end] in ("몇", "얼마") or (t.tag in ("NNB", "NNG") and text[t.start : t.end] == "수")
        ),
        None,
    )
    if at is None and not figure:
        return ""
    # no asking word ('총사업비는?'): the question's last noun is what it asks the figure of, but not one made a
    # verb ('민간이 출자하는 금액은?')
    verbal = at is None
    at = len(tokens) if at is None else at
    for i in range(at - 1, -1, -1):
        t, word = tokens[i], text[tokens[i].start : tokens[i].end]
        if verbal and i + 1 < len(tokens) and tokens[i + 1].tag in ("XSV", "XSA"):
            continue
        if t.tag in ("NNG", "NNP", "SL") and word not in GENERIC and word not in ASKING and len(word) > 1:
            return word
    return ""


def content_terms(text: str) -> tuple[str, ...]:
    """Nouns, verb and adjective stems, Latin words and numbers of `text`, without asking words; compound
    nouns written apart or together both give their parts ('사용자평가' → 사용자, 평가)."""
    tokens = tokens_of(text)
    terms: list[str] = []
    joined = _joined_latin(text)
    for t in tokens:
        word = text[t.start : t.end]
        if t.tag not in _CONTENT or word in ASKING:
            continue
        if t.tag in ("VV", "VA") and len(word) < 2:
            continue
        if any(a <= t.start < b for a, b, _ in joined):
            continue
        terms.append(word)
    terms += [w for _, _, w in joined]
    return tuple(dict.fromkeys(terms))


# Latin letters joined by '&' are one word ('R&D', 'M&A'); Kiwi gives its letters apart, which say nothing alone.
_AMPERSAND = re.compile(r"[A-Za-z]+&[A-Za-z]+")


def _joined_latin(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _AMPERSAND.finditer(text)]


# Words that name the report a question asks about, not what it says: '전자신문 기사 기준', 'X가 보도한'.
_SOURCE_WORDS = {"기사", "보도", "언론", "매체", "언론사"}


def specific_nouns(text: str, names: str = "", kind: str = "") -> tuple[str, ...]:
    """The question's nouns beyond `names` (the entities it links), the words that only ask and the noun naming
    the `kind` of answer asked."""

    def nouns(t: str) -> set[str]:
        tokens = tokens_of(t)
        joined = _joined_latin(t)
        inside = [(a, b) for a, b, _ in joined]
        words = {t[x.start : x.end] for x in tokens if x.tag in _NOUNS and not any(a <= x.start < b for a, b in inside)}
        return words | {w for _, _, w in joined}

    rest = nouns(text) - nouns(names) - ASKING - GENERIC - _SOURCE_WORDS
    return tuple(sorted(w for w in rest - kind_nouns(text, kind) if len(w) > 1 or w.isdigit()))


# Answer types whose kind noun ('어느 기관', '착공 시기는?') the evidence need not write: it writes the answer.
# Figures keep theirs: '총사업비는?' asks the figure of 총사업비, which its sentence must name.
_KIND_TYPES = ("date", "person", "place", "org", "name", "reason")
# The kind words alone: '시기', '기관', not the nouns merely ending in one ('마감일', '참여사' say more than a kind).
_KIND_WORDS = {kind: re.compile(re.sub(r"\.[*+]", "", p.pattern)) for kind, p in _HEADS if kind in _KIND_TYPES}


def kind_nouns(text: str, kind: str) -> set[str]:
    """Nouns that name the `kind` of thing asked, not what it is about: the noun an asking determiner modifies
    ('어느 기관 홈피' → 기관) and the last noun beyond the asking words when it is a word for that kind ('착공 예정
    시기' of a date; not '분야' of '협력 분야는 몇 개', a count of 분야)."""
    tokens = tokens_of(text)
    words = [(text[t.start : t.end], t.tag) for t in tokens]
    found = {
        after
        for (word, _), (after, tag) in itertools.pairwise(words)
        if word in ("어느", "어떤", "무슨") and tag in ("NNG", "NNP")
    }
    nouns = [w for w, tag in words if tag in ("NNG", "NNP") and w not in ASKING]
    if nouns and kind in _KIND_WORDS and _KIND_WORDS[kind].fullmatch(nouns[-1]):
        found.add(nouns[-1])
    return found


_LAW_ARTICLE = re.compile(r"몇\s*조\s*(?:에|의|를|항)")
# requests, not questions: '알려줘', '궁금해'
_REQUEST = re.compile(r"알려|말해|보여|궁금|설명해|정리해|찾아|나열|줘|주세요|줄래|봐\s*\??$")


def _ends_in_a_predicate(text: str) -> bool:
    """The question ends in a verb, an adjective or a copula with its final ending ('붙었어?', '거야?')."""
    tokens = tokens_of(text)
    words = [t for t in tokens if t.tag not in ("SF", "SE", "SS", "SP", "SW")]
    return bool(words) and words[-1].tag == "EF" and not _REQUEST.search(text)


_WH = re.compile(
    r"몇|얼마|누구|누가|어디|언제|무엇|뭐|왜|어느|어떤|어떻|어땠|무슨|며칠|how|what|which|who|when|where|why"
)


def head_type(text: str) -> str:
    """The type its last noun names, for a question without an asking word; 'other' when the noun says none."""
    tokens = tokens_of(text)
    # a numeral is no noun: '국회의원 둘은?' asks for 국회의원
    nouns = [text[t.start : t.end] for t in tokens if t.tag in ("NNG", "NNP", "SL")]
    if not nouns:
        return "other"
    return next((kind for kind, pattern in _HEADS if pattern.fullmatch(nouns[-1])), "other")


_ITEM_KINDS = ("org", "person", "place", "name")


def listed_kind(text: str, kind: str) -> str:
    """What the things a question asks for are: its type when that is a kind of thing, else what its last noun
    beyond the asking words names ('관심을 보인 기업들은?' → org, '연합체 전부' → org); '' when none says."""
    if kind in _ITEM_KINDS:
        return kind
    tokens = tokens_of(text)
    nouns: list[str] = []
    end = -1
    for t in tokens:
        word = text[t.start : t.end]
        if t.tag not in ("NNG", "NNP", "SL", "XSN") or word == "들":  # the plural '들' says no kind
            continue
        if nouns and t.start == end:
            nouns[-1] += word  # a suffix or a noun written onto the one before is part of it: '참여' + '사'
        else:
            nouns.append(word)
        end = t.end
    nouns = [n for n in nouns if n not in ASKING]
    head = next((k for k, pattern in _HEADS if nouns and pattern.fullmatch(nouns[-1])), "")
    return head if head in _ITEM_KINDS else ""


_ASKS_SLOT = ("어떤", "어느", "무슨", "누구", "어디", "무엇", "뭐")


def asked_frame(text: str) -> str:
    """The verb right after the asked slot and its particle: '어떤 부처·기관과 협력해 추진되나요?' → 협력, '누구를
    임명했어?' → 임명; '' when the question ends at what it asks ('참여 기업들은?') or no verb follows the slot."""
    tokens = tokens_of(text)
    words = [text[t.start : t.end] for t in tokens]
    at = next((i for i, w in enumerate(words) if w in _ASKS_SLOT), None)
    if at is None:
        return ""
    rest = tokens[at + 1 :]
    # the kind a determiner asks for ('어떤 부처·기관') belongs to the slot
    while words[at] in ("어떤", "어느", "무슨") and rest and rest[0].tag in ("NNG", "NNP", "SL", "SP", "JC"):
        rest = rest[1:]
    if not rest or not rest[0].tag.startswith("J"):
        return ""
    # the verb, or a verbal noun with its 하다/되다 ('협력해', '선정됐어')
    verb = len(rest) > 1 and (rest[1].tag == "VV" or (rest[1].tag == "NNG" and rest[2:3] and rest[2].tag == "XSV"))
    word = text[rest[1].start : rest[1].end] if verb else ""
    if rest[1].tag == "VV" and len(word) >= 3:
        word = word[:-1]  # its ending fused into the last syllable ('태어났어'): the evidence writes '태어난'
    return word if len(word) >= 2 else ""


def answer_type(lowered: str) -> str:
    """The type asked at the question's end: a Korean question puts what it asks last ('GPU 공급 일정을 밝힌 차관
    이름은?' asks for a person, not a date). When the last asking word is a generic one (어디, 무엇 …), a match
    ending a few characters before it competes by the order of _TYPES: the head noun decides ('국가는 어디?' asks
    for a place). A yes/no ending counts unless a wh-word asks for something else ('몇 %를 목표로 해야 해?')."""
    found = []
    for row, (kind, pattern) in enumerate(_TYPES):
        matches = list(re.finditer(pattern, lowered))
        if matches:
            last = max(matches, key=lambda m: m.end())
            found.append((last.end(), row, kind, bool(_GENERIC.fullmatch(last.group(0)))))
    # a yes/no ending wins unless a wh-word asks for something: '회사 업무용 AI도 표시를 해야 해?' is yes/no, its
    # '회사' names no answer; '몇 %를 목표로 해야 해?' asks a figure
    wh = _WH.search(lowered)
    yes_no = [f for f in found if f[2] == "yesno"]
    asking = ([f for f in found if f[2] != "yesno"] if wh else []) or yes_no or found
    if not asking:
        return head_type(lowered)
    end, row, kind, generic = max(asking, key=lambda f: (f[0], -f[1]))
    if not generic:
        return kind
    return min((r, k) for e, r, k, _ in asking if e >= end - _HEAD_WINDOW)[1]


def analyse_need(
    text: str, names: tuple[str, ...] = (), surfaces: tuple[str, ...] = (), sources: tuple[str, ...] = ()
) -> Need:
    """The expected answer of `text`; `names` are the names of the entities linked in it (not specific nouns) and
    `surfaces` how the question writes them (masked when reading the type: '국가AI전략위원회' asks for no org)."""
    lowered = text.lower().strip()
    masked = lowered
    for surface in sorted(surfaces, key=len, reverse=True):
        masked = masked.replace(surface.lower(), " ")
    strong = next((k for k, pattern in _STRONG if re.search(pattern, masked)), None)
    kind = "count" if _DURATION.search(lowered) else strong or answer_type(masked)
    if not _WH.search(lowered) and _ends_in_a_predicate(text):
        kind = "yesno"  # '현금을 내는 거야?', '서면평가 붙었어?': no wh-word, a verb ending asks yes or no
    wants_list = bool(re.search(_LIST, lowered) or _SEVERAL.search(text) or _KINDS_JOINED.search(text))
    if kind == "count" and re.search(r"얼마", lowered) and not _DURATION.search(lowered):
        kind = "money"
    if kind == "money" and _MEASURED.search(text) and not MONEY_WORDS.search(text):
        kind = "count"  # 'GW 규모는 얼마?' asks for power, not money
    if kind in ("money", "count") and RATE_CHANGE.search(text) and not MONEY_WORDS.search(text):
        kind = "percent"  # how far a rate moved ('이용률 … 얼마나 올랐어?') is said in %p
    if kind == "list":
        wants_list = True
    if kind in ("org", "name") and re.search(r"몇", text) and not _LAW_ARTICLE.search(text):
        kind = "count"
    duration = _DURATION.search(lowered)
    unit = (
        (
            ("일" if "며칠" in lowered else "개월" if "개월" in lowered or "달" in lowered else "년")
            if duration
            else implied_unit(text)
        )
        if kind == "count"
        else None
    )
    if kind == "count" and unit is None and _MONEY_HINT.search(lowered):
        kind = "money"
    years = tuple(sorted({int(y) for y in re.findall(r"(20\d\d)\s*년?", text)}))
    values = tuple(s.key for s in value_spans(text))
    specific = specific_nouns(text, " ".join(names + surfaces), kind)
    several = tuple(
        NATIVE_NUMBERS.get(n, 0) or _ALONE.get(n, 0) or int(n)
        for m in _SEVERAL.finditer(text)
        for n in [next(g for g in m.groups() if g)]
    )
    terms = content_terms(text)
    in_names = set(content_terms(" ".join(surfaces))) if surfaces else set()
    named_terms = tuple(t for t in terms if t in in_names)
    counted = counted_noun(text, kind in ("money", "count", "percent"))
    return Need(
        kind,
        unit,
        terms,
        years,
        values,
        wants_list,
        specific,
        text,
        several,
        named_terms,
        counted,
        listed_kind(text, kind),
        asked_frame(text),
        sources,
    )
