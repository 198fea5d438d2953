"""Korean words with a meaning the stages share, read the same way from articles and from questions: budget
stages, the titles of posts (직제), the heads that make a name an organisation, the counters of quantities and
the words that make a number an ordinal or a rank rather than a quantity. Ingest reads them here; the bot may."""

from __future__ import annotations

import re

# A budget's stage (SKOS notations of pkg:BudgetStage), first match wins: '예산안' is a proposal even when the
# sentence also says 총.
_STAGES = (
    ("proposal", r"예산안|정부안"),
    ("supplementary", r"추경|추가\s*경정"),
    ("executed", r"집행"),
    ("investment", r"출자"),
    ("enacted", r"본예산|확정\s*예산|예산이\s*확정|국회를\s*통과"),
    ("plan", r"까지\s*총|총\s*사업비"),
)


def stage_of(text: str) -> str | None:
    for notation, pattern in _STAGES:
        if re.search(pattern, text):
            return notation
    return None


# --- people --------------------------------------------------------------------------------------------------
SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌"
)
# Two-syllable surnames: a four-syllable Korean name starts with one ('남궁하람').
COMPOUND_SURNAMES = frozenset({"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방", "망절"})
# Words before a title that are no names although they start with a surname ('정부 관계자', '업계 대표').
NOT_NAMES = frozenset(
    {
        "정부",
        "업계",
        "한국",
        "관계",
        "관계자",
        "정예",
        "국내",
        "해외",
        "이날",
        "당시",
        "이번",
        "기업",
        "지난",
        "올해",
        "전문",
        "주요",
        "대한",
        "민간",
        "공공",
        "최근",
        "현재",
        "특히",
        "부처",
        "최상위",
        "전임",
        "신임",
        "차기",
        "역대",
        "각국",
        "부부",
    }
)
# Words before a post that say when it was held: '홍길동 전 장관' held it before (the post is kept as '전 장관'),
# '현 …' holds it now (the post as such).
FORMER = ("전", "前")
CURRENT = ("현", "現")
# The titles of posts, by the Korean 직제: government (장관 … 과장, 정책관, 담당관, 대변인), agencies and
# committees (원장, 청장, 위원장, 위원, 분과장, 본부장, 센터장, 단장, 이사장), companies (대표 … 상무, 지사장,
# 부문장), the Assembly and others.
TITLES = (
    # government
    "대통령",
    "국무총리",
    "총리",
    "부총리 겸 과학기술정보통신부 장관",
    "부총리",
    "장관",
    "1차관",
    "2차관",
    "3차관",
    "차관",
    "차관보",
    "실장",
    "국장",
    "정책관",
    "심의관",
    "기획관",
    "비서관",
    "비서실장",
    "수석",
    "대변인",
    "과장",
    "팀장",
    "청장",
    "차장",
    "처장",
    "도지사",
    "구청장",
    "군수",
    "검사장",
    "부장",
    "담당관",
    "조정관",
    "협력관",
    "보좌관",
    "사무관",
    "서기관",
    "주무관",
    "부시장",
    "부지사",
    "교육감",
    # agencies, committees, institutes
    "위원장",
    "부위원장",
    "위원",
    "연구위원",
    "분과장",
    "원장",
    "부원장",
    "이사장",
    "본부장",
    "센터장",
    "단장",
    "소장",
    "부소장",
    "사무총장",
    "총장",
    "학장",
    "관장",
    "총재",
    "은행장",
    "행장",
    # companies and associations
    "대표이사",
    "대표",
    "최고경영자",
    "최고기술책임자",
    "최고운영책임자",
    "회장",
    "부회장",
    "상근부회장",
    "사장",
    "부사장",
    "전무",
    "상무",
    "이사",
    "CEO",
    "CTO",
    "COO",
    "CFO",
    "지사장",
    "그룹장",
    "부문장",
    # the Assembly, academia, the press
    "의원",
    "의장",
    "교수",
    "연구원",
    "책임연구원",
    "수석연구원",
    "기자",
)
# The titles as one regular expression, the longest first ('대표이사' before '대표').
TITLE_PATTERN = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
# The press's own titles: a reporter named in an article is its author (metadata), not a post holder it reports.
PRESS_TITLES = frozenset({"기자"})
# Titles that name one post in other words: a company's head ('대표', '대표이사', '최고경영자', 'CEO'), its officers
# ('최고기술책임자', 'CTO'), an association's standing vice-chair ('상근부회장' is the 부회장).
SAME_POSTS = (
    frozenset({"대표", "대표이사", "최고경영자", "CEO"}),
    frozenset({"최고기술책임자", "CTO"}),
    frozenset({"최고운영책임자", "COO"}),
    frozenset({"최고재무책임자", "CFO"}),
    frozenset({"부회장", "상근부회장"}),
)


def post_names(title: str) -> list[str]:
    """The titles naming the same post as `title`, itself first ('대표' → 대표, 대표이사, CEO, 최고경영자)."""
    group = next((g for g in SAME_POSTS if title in g), frozenset())
    return [title, *sorted(group - {title})]


def same_post(a: str, b: str) -> bool:
    """Whether two posts as written are one: one within the other ('장관' in '부총리 겸 과학기술정보통신부 장관'), or
    their last words name the same post ('엔비디아 CEO' and '최고경영자')."""
    if a in b or b in a:
        return True
    last_a, last_b = a.split()[-1:], b.split()[-1:]
    return bool(last_a and last_b) and last_b[0] in post_names(last_a[0])


# --- organisations ---------------------------------------------------------------------------------------------
# The last word of a name that makes it an organisation, and the class it says (the longest that fits wins).
ORG_HEADS = {
    "협회": "Association",
    "연합회": "Association",
    "협의회": "Association",
    "진흥회": "Association",
    "학회": "Association",
    "연구소": "ResearchInstitute",
    "연구원": "ResearchInstitute",
    "과학기술원": "University",
    "대학교": "University",
    "진흥원": "PublicAgency",
    "개발원": "PublicAgency",
    "평가원": "PublicAgency",
    "정보원": "PublicAgency",
    "공단": "PublicAgency",
    "공사": "PublicAgency",
    "재단": "Organization",
    "위원회": "GovernmentCommittee",
    "센터": "Organization",
    "컨소시엄": "Consortium",
    "검찰청": "GovernmentBody",
    "경찰청": "GovernmentBody",
}
# Heads that make a company of a name only when the name is a proper noun ('삼성물산', 'LG전자', '기업은행');
# after common nouns they are no body ('이동통신', '정보통신', '정책금융 은행').
COMPANY_HEADS = (
    "은행",
    "물산",
    "전자",
    "통신",
    "소프트",
    "랩스",
    "테크놀로지스",
    "테크놀로지",
    "엔터프라이즈",
    "솔루션즈",
    "시스템즈",
    "네트웍스",
    "그룹",
    "홀딩스",
    "바이오",
    "증권",
    "생명",
    "화재",
    "중공업",
    "건설",
)
# Words before a name that are no part of it: determiners ('해당 컨소시엄'), time ('현 …', '향후 … 위원회 심의'),
# legal forms.
NAME_LEADERS = frozenset(
    {"해당", "이번", "각", "동", "본", "전", "현", "신규", "기존", "관련", "참여", "재단법인", "사단법인", "학교법인"}
    | {"향후", "올해", "내년", "지난해", "최근", "당시", "현재"}
)
# Words that name a kind of body, not one body ('정부' the government in general, '당국' the authorities, '업계' the
# industry): no organisation on their own, neither as a registry alias nor as a head with nothing before it.
GENERIC_BODIES = frozenset(
    {"정부", "당국", "부처", "관계부처", "정부부처", "기관", "공공기관", "관계기관", "유관기관", "지자체", "지방정부"}
    | {"업계", "산업계", "학계", "위원회", "협회", "센터", "연구원", "평가위원회"}
)
# Latin terms of the field that name no body: a list item 'AI' (of 'LG AI·SK텔레콤') is no organisation.
# Korea's provinces and metropolitan cities by the short names news writes them with.
PROVINCES = (
    "서울",
    "부산",
    "대구",
    "인천",
    "광주",
    "대전",
    "울산",
    "세종",
    "경기",
    "강원",
    "충북",
    "충남",
    "전북",
    "전남",
    "경북",
    "경남",
    "제주",
)
# Places no suffix marks as places ('부산에서 태어난', '아랍에미리트에서 실증'): countries and regions as Korean
# news writes them, Korea's provinces and large cities by their short names, and the foreign cities and tech hubs
# policy news names. Names ending in 시, 도, 국 … are places by their ending already.
PLACE_NAMES = frozenset(
    [
        "미국",
        "일본",
        "영국",
        "중국",
        "독일",
        "프랑스",
        "캐나다",
        "호주",
        "인도",
        "러시아",
        "브라질",
        "멕시코",
        "이탈리아",
        "스페인",
        "네덜란드",
        "스웨덴",
        "노르웨이",
        "핀란드",
        "덴마크",
        "스위스",
        "오스트리아",
        "벨기에",
        "폴란드",
        "체코",
        "헝가리",
        "튀르키예",
        "터키",
        "이스라엘",
        "사우디아라비아",
        "사우디",
        "아랍에미리트",
        "카타르",
        "쿠웨이트",
        "오만",
        "바레인",
        "요르단",
        "이집트",
        "이란",
        "이라크",
        "남아공",
        "남아프리카공화국",
        "나이지리아",
        "케냐",
        "인도네시아",
        "베트남",
        "태국",
        "말레이시아",
        "싱가포르",
        "필리핀",
        "대만",
        "홍콩",
        "몽골",
        "카자흐스탄",
        "우즈베키스탄",
        "파키스탄",
        "방글라데시",
        "캄보디아",
        "라오스",
        "미얀마",
        "스리랑카",
        "네팔",
        "뉴질랜드",
        "아르헨티나",
        "칠레",
        "콜롬비아",
        "페루",
        "우크라이나",
        "아일랜드",
        "포르투갈",
        "그리스",
        "룩셈부르크",
        "에스토니아",
        "한국",
        "북한",
        "대한민국",
        "유럽",
        "아시아",
        "중동",
        "아프리카",
        "북미",
        "남미",
        "동남아",
        *PROVINCES,
        "수도권",
        "비수도권",
        "수원",
        "성남",
        "용인",
        "고양",
        "화성",
        "창원",
        "청주",
        "천안",
        "전주",
        "포항",
        "김해",
        "구미",
        "원주",
        "춘천",
        "강릉",
        "여수",
        "순천",
        "목포",
        "나주",
        "군산",
        "익산",
        "경주",
        "안동",
        "진주",
        "거제",
        "평택",
        "안산",
        "안양",
        "파주",
        "김포",
        "시흥",
        "부천",
        "판교",
        "오송",
        "오창",
        "새만금",
        "송도",
        "대덕",
        "광교",
        "마곡",
        "상암",
        "여의도",
        "강남",
        "구로",
        "워싱턴",
        "뉴욕",
        "실리콘밸리",
        "샌프란시스코",
        "라스베이거스",
        "텍사스",
        "도쿄",
        "오사카",
        "베이징",
        "상하이",
        "선전",
        "런던",
        "파리",
        "베를린",
        "두바이",
        "아부다비",
        "리야드",
    ]
)
TECH_TERMS = frozenset({"AI", "AX", "DX", "SW", "HW", "IT", "ICT", "GPU", "NPU", "CPU", "LLM", "SLM", "R&D", "MOU"})
# A 센터 is a facility, no organisation, unless a proper name leads it ('…데이터센터', 'AI 컴퓨팅센터').
FACILITY_HEADS = ("데이터센터", "컴퓨팅센터", "혁신센터", "지원센터")


# Heads that are also everyday words ('순우리말 조합', a combination of words): a body only after a proper noun.
PROPER_ORG_HEADS = {"조합": "Association"}


_LONGEST_HEAD = max(map(len, (*ORG_HEADS, *COMPANY_HEADS, *PROPER_ORG_HEADS)))


def org_head(word: str, proper: bool) -> str | None:
    """The class a name's last word makes it (`proper`: the name has a proper noun), else None. The longest head
    the word ends with decides; of one head in several lists, ORG_HEADS first. Looked up by the word's endings,
    since a name is tried at each of its words (the heads are some 60)."""
    for size in range(min(len(word), _LONGEST_HEAD), 0, -1):
        ending = word[-size:]
        if ending in ORG_HEADS:
            return ORG_HEADS[ending]
        if proper and len(word) > size:
            if ending in COMPANY_HEADS:
                return "Company"
            if ending in PROPER_ORG_HEADS:
                return PROPER_ORG_HEADS[ending]
    return None


# --- quantities ---------------------------------------------------------------------------------------------
# Counters after a number, longest first where one is the start of another.
COUNTERS = (
    "개국",
    "개교",
    "개사",
    "개소",
    "개월",
    "차례",
    "장",
    "개",
    "팀",
    "명",
    "곳",
    "건",
    "대",
    "종",
    "회",
    "배",
    "편",
    "기",
    "석",
    "점",
    "인",  # people: '공동의장 7인'
)
# Counters that state a duration, a number of times or a ratio: no count of things.
NOT_COUNTED = frozenset({"개월", "회", "배"})
# Native Korean numbers before a counter ('두 차례', '세 곳').
NATIVE_NUMBERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10}
# A number is an ordinal or a rank, no quantity. Most never read as a count ('2차', '6호기', '1위', '2단계' have no
# counter); these do: '제1회', '제6대' (제 before), and 'N대 X' naming the N main things of a kind ('3대 강국',
# '5대 과제') or a ratio ('6대4'), where a count of machines takes a particle or ends ('서버 1714대가').
ORDINAL_BEFORE = re.compile(r"제\s*$")
TOP_N = re.compile(r"^(?:\s*\d|\s+(?!이상|이하|미만|초과|가량|정도|규모|수준|내외|안팎|남짓|씩)[가-힣A-Za-z])")
TOP_N_MAX = 20
# Where a word ends: no more Hangul, or particles that end it ('정예팀과', '세 곳에', '2팀만이'), or the
# copula ('45곳이며').
_PARTICLES = "이|가|을|를|은|는|에|의|와|과|도|만|씩|으로|로|에서|에게|께서|까지|부터|이나|나"
WORD_END = rf"(?=[^가-힣]|$|(?:{_PARTICLES}){{1,3}}(?![가-힣])|이(?:며|고|다|었|라|지만|자|나))"
# Units of computing performance, as they are written and as they are kept.
# Units of measure a figure is stated in, by their surface: computing performance, and the electric power of the
# data centres AI policy builds ('100MW급', '1~2GW').
MEASURE_UNITS = {
    "페타플롭스": "PF",
    "PF": "PF",
    "엑사플롭스": "엑사플롭스",
    "EF": "엑사플롭스",
    "테라플롭스": "TF",
    "기가와트": "GW",
    "GW": "GW",
    "메가와트": "MW",
    "MW": "MW",
}


def measure_pattern() -> str:
    """MEASURE_UNITS as one alternation; a Latin unit is a whole word ('MWC' is a trade show, no megawatts)."""
    return "|".join(rf"(?<![A-Za-z]){u}(?![A-Za-z])" if u.isascii() else u for u in MEASURE_UNITS)


def plausible_name(name: str) -> bool:
    """A Korean personal name by its shape: a surname, two or three syllables (four after a two-syllable surname:
    '남궁하람'; '모하메드' is a foreign name), not a word known to be no name."""
    if not name or name in NOT_NAMES or not 2 <= len(name) <= 4:
        return False
    return name[:2] in COMPOUND_SURNAMES if len(name) == 4 else name[0] in SURNAMES
