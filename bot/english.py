"""English questions read in Korean: the articles are Korean, so an English question is rewritten into the
Korean question it asks ('Who is MSIT's second vice minister?' → '과학기술정보통신부 2차관 누구?') and answered
by the same reader; the answer shows the reading. Names come from the registry's English names and aliases
(the catalogue), other words from a glossary of the field's vocabulary, the asking phrase from its wh-word."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# Latin letters outnumbering Hangul two to one: an English question ('GPU 몇 장?' is Korean).
_LATIN, _HANGUL = re.compile(r"[A-Za-z]"), re.compile(r"[가-힣]")

# The asking phrase: the earliest in the question wins (then the first listed); a yes/no verb only opens one;
# '{unit}' is filled from the noun after 'how many'.
_ASKING: tuple[tuple[str, str], ...] = (
    (r"\bhow much\b", "얼마"),
    (r"\bhow (?:large|big)\b", "규모는 얼마"),
    (r"\bhow many\b", "몇 {unit}"),
    (r"\bwhat (?:percentage|percent|share|proportion|ratio)\b", "몇 %"),
    (r"\b(?:on |by |since |from )?(?:what|which) (?:date|day|month|year|time)\b", "언제"),
    (r"\b(?:by |since |until )?when\b", "언제"),
    (r"\b(?:who|whom|whose)\b", "누구"),
    (r"\b(?:in |at )?where\b", "어디"),
    (r"\b(?:in|at|to|from) (?:what|which) (?:place|region|city|country|province|building|location)\b", "어디"),
    (r"\b(?:why|for what reason)\b", "왜"),
    (r"\bwhat (?:is|was|are|were) (?:the )?(?:name|title)\b", "이름은 무엇"),
    (r"\b(?:what|which) (?:company|companies|firm|firms)\b", "어느 기업"),
    (r"\b(?:what|which) (?:team|teams|consortium|consortia)\b", "어느 팀"),
    (r"\b(?:what|which) (?:organi[sz]ation|agency|institution|body|ministry|ministries)s?\b", "어느 기관"),
    (r"\b(?:what|which) (?:post|position|job|title|role)\b", "어떤 직책"),
    (r"\A(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have|had|must)\b", "맞아"),
    (r"\b(?:what|which)\b", "무엇"),
)
# The counter a 'how many' question asks in, by the noun that follows it.
_UNITS = {
    "gpu": "장",
    "gpus": "장",
    "chip": "개",
    "chips": "개",
    "team": "팀",
    "teams": "팀",
    "people": "명",
    "persons": "명",
    "members": "명",
    "experts": "명",
    "researchers": "명",
    "companies": "곳",
    "firms": "곳",
    "institutions": "곳",
    "organizations": "곳",
    "organisations": "곳",
    "regions": "곳",
    "cities": "곳",
    "projects": "개",
    "tasks": "건",
    "cases": "건",
    "applications": "건",
    "servers": "대",
    "units": "대",
    "years": "년",
    "months": "개월",
    "times": "번",
}
# The field's vocabulary, longest phrase first when read; words not here and not names are left out.
GLOSSARY = {
    "supplementary budget": "추경",
    "extra budget": "추경",
    "budget proposal": "예산안",
    "national ai computing center": "국가AI컴퓨팅센터",
    "national ai computing centre": "국가AI컴퓨팅센터",
    "sovereign ai": "소버린 AI",
    "foundation model": "파운데이션 모델",
    "foundation models": "파운데이션 모델",
    "second vice minister": "2차관",
    "first vice minister": "1차관",
    "vice minister": "차관",
    "deputy prime minister": "부총리",
    "prime minister": "국무총리",
    "presidential election": "대선",
    "open source": "오픈소스",
    "open-source": "오픈소스",
    "special purpose company": "SPC",
    "data center": "데이터센터",
    "data centre": "데이터센터",
    "semiconductor": "반도체",
    "semiconductors": "반도체",
    "ai": "AI",
    "gpu": "GPU",
    "gpus": "GPU",
    "npu": "NPU",
    "npus": "NPU",
    "llm": "LLM",
    "budget": "예산",
    "budgets": "예산",
    "funding": "지원",
    "fund": "펀드",
    "investment": "투자",
    "invest": "투자",
    "invested": "투자",
    "won": "원",
    "cost": "사업비",
    "total": "총",
    "minister": "장관",
    "ministry": "부",
    "president": "대통령",
    "chairman": "위원장",
    "chair": "위원장",
    "director": "원장",
    "head": "장",
    "ceo": "대표",
    "appointed": "임명",
    "appoint": "임명",
    "nominated": "지명",
    "selected": "선정",
    "select": "선정",
    "selection": "선정",
    "chosen": "선정",
    "eliminated": "탈락",
    "dropped": "탈락",
    "evaluation": "평가",
    "team": "팀",
    "teams": "팀",
    "consortium": "컨소시엄",
    "company": "기업",
    "companies": "기업",
    "startup": "스타트업",
    "startups": "스타트업",
    "government": "정부",
    "korean": "한국",
    "korea": "한국",
    "chinese": "중국",
    "china": "중국",
    "american": "미국",
    "us": "미국",
    "national": "국가",
    "strategy": "전략",
    "committee": "위원회",
    "center": "센터",
    "centre": "센터",
    "project": "프로젝트",
    "program": "사업",
    "programme": "사업",
    "business": "사업",
    "announced": "발표",
    "announcement": "발표",
    "plan": "계획",
    "law": "법",
    "act": "법",
    "framework": "기본법",
    "enforcement": "시행",
    "enforced": "시행",
    "effect": "시행",
    "secure": "확보",
    "secured": "확보",
    "procure": "확보",
    "buy": "확보",
    "purchase": "구매",
    "supply": "공급",
    "supplied": "공급",
    "allocated": "배분",
    "allocation": "배분",
    "set": "편성",
    "region": "지역",
    "regional": "지역",
    "local": "지역",
    "industry": "산업",
    "industrial": "산업",
    "university": "대학",
    "universities": "대학",
    "talent": "인재",
    "researchers": "연구자",
    "research": "연구",
    "development": "개발",
    "model": "모델",
    "models": "모델",
    "contract": "계약",
    "signed": "체결",
    "construction": "구축",
    "built": "구축",
    "build": "구축",
    "supercomputer": "슈퍼컴퓨터",
    "election": "선거",
    "success": "성공",
    "program's": "사업",
    "electricity": "전력",
    "power": "전력",
    "year": "년",
    "first": "1차",
    "second": "2차",
    "third": "3차",
    "final": "최종",
    "stage": "단계",
    "phase": "단계",
    "round": "차",
    "deadline": "마감",
    "application": "신청",
    "applicants": "신청",
    "subsidy": "지원금",
    "voucher": "바우처",
    "growth rate": "증가율",
    "growth": "성장",
    "national growth fund": "국민성장펀드",
    "gigawatt": "GW",
    "gigawatts": "GW",
    "megawatt": "MW",
    "megawatts": "MW",
    "increase": "증가",
    "rate": "율",
    "population": "인구",
    "receive": "받은",
    "received": "받은",
    "get": "받은",
    "got": "받은",
    "hold": "보유",
    "holds": "보유",
    "own": "보유",
    "led": "이끈",
    "lead": "이끈",
    "develop": "개발",
    "developed": "개발",
    "launch": "출범",
    "launched": "출범",
    "cluster": "집적단지",
    "complex": "단지",
    "pilot": "실증",
    "demonstration": "실증",
    "per": "당",
    "maximum": "최대",
    "share": "비중",
    "obliged": "의무",
    "required": "의무",
    "add": "추가",
    "additional": "추가",
}
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTHS = {month: number for number, month in enumerate(_MONTH_NAMES, 1)}


def is_english(text: str) -> bool:
    return len(_LATIN.findall(text)) > 2 * len(_HANGUL.findall(text))


def _dates(text: str) -> str:
    """'June 2025' → '2025년 6월', 'June 3' → '6월 3일', 'in 2026' → '2026년'."""
    months = "|".join(_MONTHS)
    text = re.sub(
        rf"\b({months})\s+(\d{{1,2}}),?\s+(20\d\d)\b",
        lambda m: f"{m[3]}년 {_MONTHS[m[1].lower()]}월 {m[2]}일",
        text,
        flags=re.I,
    )
    text = re.sub(rf"\b({months})\s+(20\d\d)\b", lambda m: f"{m[2]}년 {_MONTHS[m[1].lower()]}월", text, flags=re.I)
    text = re.sub(rf"\b({months})\s+(\d{{1,2}})\b", lambda m: f"{_MONTHS[m[1].lower()]}월 {m[2]}일", text, flags=re.I)
    text = re.sub(rf"\b({months})\b", lambda m: f"{_MONTHS[m[1].lower()]}월", text, flags=re.I)
    return re.sub(r"\b(20\d\d)\b(?!년)", r"\1년", text)


def _number(word: str) -> str:
    """'10,000' → '1만': Korean articles count in 만 and 억."""
    n = int(word.replace(",", ""))
    if n >= 10_000 and n % 10_000 == 0:
        return f"{n // 10_000}만"
    return str(n)


def korean_reading(text: str, names: Callable[[str], Sequence[tuple[str, str]]]) -> str | None:
    """The Korean question an English question asks, or None when `text` is not English. `names` gives the
    (surface, Korean name) pairs of the registry's and the graph's entities the text names."""
    if not is_english(text):
        return None
    plain = re.sub(r"[’']s\b", "", text.strip().rstrip("?.! ")).strip()
    asking, rest, head = "", plain, ""
    found = [(m.start(), i, m) for i, (p, _) in enumerate(_ASKING) if (m := re.search(p, plain, flags=re.I))]
    if found:
        _, i, m = min(found, key=lambda f: (f[0], f[1]))
        after = plain[m.end() :]
        noun = re.match(r"\s*([A-Za-z]+)", after)
        asking = _ASKING[i][1].format(unit=_UNITS.get(noun[1].lower(), "개") if noun else "개")
        # 'what was the electricity budget of X': the noun asked about goes last, before the asking word,
        # as a Korean question puts it ('X 전력 예산은 얼마?')
        if noun and asking.startswith("몇"):  # 'how many companies' → '… 기업 몇 곳'
            head, after = noun[1], after[noun.end() :]
        elif asking == "무엇":
            lead = re.match(
                r"\s*(?:is|was|are|were)\s+(?:the\s+)?((?:(?!of|in|for|to|on|at|by|from|with|that)[\w-]+\s*)+)",
                after,
                re.I,
            )
            if lead:
                head, after = lead[1], after[: lead.start(1)] + after[lead.end(1) :]
        rest = plain[: m.start()] + " " + after + " " + head
    words: list[str] = []
    for surface, name in sorted(names(rest), key=lambda p: -len(p[0])):
        at = rest.casefold().find(surface.casefold())
        if at >= 0:
            rest = rest[:at] + f" \x00{len(words)} " + rest[at + len(surface) :]
            words.append(name)
    rest = _dates(rest)
    out: list[str] = []
    tokens = re.findall(
        r"\x00\d+|20\d\d년(?: \d+월)?(?: \d+일)?|\d+월(?: \d+일)?|\d[\d,]*(?:\.\d+)?|[A-Za-z][\w-]*", rest
    )
    i = 0
    phrases = sorted(GLOSSARY, key=lambda p: -len(p.split()))
    while i < len(tokens):
        token = tokens[i]
        if token.startswith("\x00"):
            out.append(words[int(token[1:])])
            i += 1
            continue
        if token[0].isdigit():
            out.append(_number(token) if re.fullmatch(r"\d[\d,]*", token) else token)
            i += 1
            continue
        for phrase in phrases:
            n = len(phrase.split())
            if " ".join(t.lower() for t in tokens[i : i + n]) == phrase:
                out.append(GLOSSARY[phrase])
                i += n
                break
        else:
            if re.fullmatch(r"[A-Z][A-Z0-9-]{1,}", token):  # an acronym the glossary lacks: 'SPC', 'B200'
                out.append(token)
            i += 1
    reading = " ".join(dict.fromkeys(out))
    if not reading:
        return None
    return f"{reading} {asking or '무엇'}?"
