"""A synthetic corpus of Korean AI-policy news, written from templates, with its true facts recorded.

`uv run python -m bench.synthetic N OUT_DIR` writes N articles (and OUT_DIR/truth.json). Article i is drawn
from its own seeded random generator, so the first 100 of a 1,000-article corpus are the 100-article corpus
and every run writes the same files. The world is consistent: each programme appears in one article with
one budget, and each (organisation, post) has one holder everywhere, so every question has one answer.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from policykg.bot.examples import josa
from policykg.korean.words import PROVINCES
from policykg.ontology.registry import registry

PAYERS = [
    "과학기술정보통신부",
    "산업통상부",
    "중소벤처기업부",
    "행정안전부",
    "교육부",
    "보건복지부",
    "국토교통부",
    "문화체육관광부",
    "고용노동부",
    "기획예산처",
]
AGENCIES = [
    "정보통신산업진흥원",
    "한국지능정보사회진흥원",
    "정보통신기획평가원",
    "한국인터넷진흥원",
    "한국전자통신연구원",
    "한국과학기술정보연구원",
    "한국데이터산업진흥원",
    "한국정보통신기술협회",
]
COMPANIES = ["네이버클라우드", "업스테이지", "SK텔레콤", "KT", "LG AI연구원", "카카오", "엔씨소프트", "삼성전자"]
POSTS = ["원장", "본부장", "단장", "대표", "센터장"]
REGIONS = [*PROVINCES, "수도권", "동남권", "호남권"]
TOPICS = [
    "AI 반도체",
    "AI 데이터센터",
    "생성형 AI",
    "의료 AI",
    "제조 AI",
    "AI 인재",
    "AI 바우처",
    "공공 AI",
    "AI 안전",
    "피지컬 AI",
    "AI 에이전트",
    "초거대 AI",
    "AI 스타트업",
    "AI 융합",
    "엣지 AI",
    "AI 보안",
    "AI 교육",
    "AI 클라우드",
    "AI 로봇",
    "양자 AI",
    "AI 모빌리티",
    "AI 농업",
    "AI 금융",
    "AI 기후",
    "AI 문화콘텐츠",
    "AI 물류",
    "AI 국방",
    "AI 행정",
    "AI 헬스케어",
    "AI 소재",
]
KINDS = [
    "실증 지원 사업",
    "육성 사업",
    "구축 사업",
    "고도화 사업",
    "확산 사업",
    "기반 조성 사업",
    "인프라 구축 사업",
    "인재 양성 사업",
    "글로벌 진출 지원 사업",
    "기술 개발 사업",
    "선도 사업",
    "생태계 조성 사업",
    "혁신 사업",
    "바우처 사업",
    "클러스터 조성 사업",
    "얼라이언스 사업",
    "사업화 지원 사업",
    "테스트베드 구축 사업",
    "공동 연구 사업",
    "전환 지원 사업",
]
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = [
    "민준",
    "서연",
    "도윤",
    "하은",
    "지호",
    "수아",
    "현우",
    "지민",
    "준서",
    "예린",
    "태윤",
    "가온",
    "시우",
    "나래",
    "건우",
    "다은",
    "유진",
    "서진",
    "하람",
    "은호",
]
PUBLISHERS = ["가상경제신문", "테크정책일보", "미래산업뉴스", "디지털타임라인", "AI포커스"]
QUOTES = [
    "현장에서 바로 쓰이는 성과를 내겠다",
    "기업이 체감할 수 있도록 지원하겠다",
    "지역과 함께 성장하는 모델을 만들겠다",
    "속도감 있게 추진하겠다",
    "국산 기술의 경쟁력을 높이겠다",
    "데이터와 인프라를 함께 열어 두겠다",
    "중소기업도 쉽게 참여하도록 문턱을 낮추겠다",
    "성과가 확인되면 규모를 더 키우겠다",
]
SAID = ["라고 말했다", "라고 강조했다", "라고 밝혔다"]
# Sentences around the facts, filled in per article so no two articles share them word for word.
CONTEXT = [
    "{company_and} {company2} 등 {k}개 기업이 참여 의사를 밝혔다.",
    "공모는 {month}월 {day}일부터 {weeks}주간 진행된다.",
    "{payer_topic} 지난해에도 비슷한 사업에 {prev}억원을 들인 바 있다.",
    "선정 결과는 {month2}월 중 발표될 예정이다.",
    "업계는 {topic} 분야 투자 심리가 되살아날 것으로 기대하고 있다.",
    "관계 부처는 {topic} 성과 점검 회의를 분기마다 열기로 했다.",
    "{region} 지역 대학과 연구기관도 컨소시엄 형태로 참여할 수 있다.",
    "참여 기업은 서면과 발표 평가를 거쳐 최종 확정된다.",
]
JUNK_HEAD = ["홈 > 뉴스 > IT·과학", "기사듣기", "공유하기", "• 카카오톡", "• 페이스북", "URL 복사", "글자크기 설정"]
JUNK_TAIL = ["- 주말 날씨 맑고 포근", "- 프로야구 개막전 매진", "- 봄철 미세먼지 주의보", "- 신작 영화 예매율 1위"]


@dataclass
class Truth:
    """What one article states, as the generator wrote it."""

    source_id: str
    layout: str
    programme: str
    payer: str
    year: int
    amount: int
    amount_text: str
    agency: str
    post: str
    holder: str
    selected: int
    state_share: int | None
    questions: list[dict[str, object]] = field(default_factory=list)


def programme_name(i: int) -> str:
    """A different name for every i below 12,000 (regions × topics × kinds), then a numbered round."""
    region, rest = REGIONS[i % len(REGIONS)], i // len(REGIONS)
    topic, rest = TOPICS[rest % len(TOPICS)], rest // len(TOPICS)
    kind, round_ = KINDS[rest % len(KINDS)], rest // len(KINDS)
    return f"{region} {topic} {kind}" + (f" {round_ + 1}차" if round_ else "")


def holder(org: str, post: str) -> str:
    """The one person who holds this post everywhere in the corpus."""
    h = int(hashlib.sha256(f"{org}/{post}".encode()).hexdigest(), 16)
    return SURNAMES[h % len(SURNAMES)] + GIVEN[(h // 97) % len(GIVEN)]


def amount_text(rng: random.Random) -> tuple[int, str]:
    eok = rng.choice([rng.randint(5, 99), rng.randint(100, 9999), rng.randint(10000, 39999)])
    jo, rest = divmod(eok, 10000)
    if jo:
        text = f"{jo}조" + (f" {rest}억원" if rest else "원")
    elif eok >= 1000 and rng.random() < 0.5:
        text = f"{eok:,}억원"
    else:
        text = f"{eok}억" + rng.choice(["원", " 원"])
    return eok * 100_000_000, text


def article(i: int) -> tuple[Truth, str, str]:
    """(truth, file name, text) of article i."""
    rng = random.Random(i)
    payer, agency = rng.choice(PAYERS), rng.choice(AGENCIES + COMPANIES)
    post = rng.choice(POSTS if agency in AGENCIES else ["대표"])
    programme, year = programme_name(i), rng.choice([2025, 2026, 2027])
    amount, amount_written = amount_text(rng)
    selected = rng.randint(3, 60)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    person = holder(agency, post)
    layout = ("txt", "html", "md")[i % 3]
    eok = amount // 100_000_000
    state = eok * rng.choice([5, 6, 7, 8]) // 10 if eok >= 20 and rng.random() < 0.5 else None
    truth = Truth(
        f"syn{i:05d}",
        layout,
        programme,
        payer,
        year,
        amount,
        amount_written,
        agency,
        post,
        person,
        selected,
        state * 100_000_000 if state else None,
    )
    funding = rng.choice(
        [
            f"{josa(payer, '은', '는')} {day}일 {programme}에 {year}년 {amount_written}을 투입한다고 밝혔다.",
            f"{josa(payer, '이', '가')} {programme}에 배정한 {year}년 예산은 {amount_written}이다.",
            f"{josa(payer, '은', '는')} {year}년 {programme} 예산으로 {amount_written}을 편성했다.",
            f"{josa(payer, '은', '는')} {programme}에 {year}년 한 해 동안 {amount_written}을 지원하기로 했다.",
        ]
    )
    company, company2 = rng.sample(COMPANIES, 2)
    fill = {
        "company_and": josa(company, "과", "와"),
        "company2": company2,
        "k": rng.randint(5, 40),
        "month": month,
        "day": day,
        "weeks": rng.randint(2, 8),
        "payer_topic": josa(payer, "은", "는"),
        "prev": rng.randint(5, 900),
        "month2": month % 12 + 1,
        "topic": TOPICS[(i // len(REGIONS)) % len(TOPICS)],
        "region": REGIONS[i % len(REGIONS)],
    }
    body = [funding]
    if state:
        body.append(f"이 가운데 국비는 {state}억원이고 나머지 {eok - state}억원은 민간이 부담한다.")
    body.append(
        rng.choice(
            [
                f"사업은 {josa(agency, '이', '가')} 맡아 참여 기업 {selected}곳을 선정할 계획이다.",
                f"전담 기관인 {josa(agency, '은', '는')} 올해 {selected}곳을 지원 대상으로 뽑는다.",
            ]
        )
    )
    body += [c.format(**fill) for c in rng.sample(CONTEXT, 3)]
    body.insert(
        rng.randint(2, len(body)),
        f"{person} {agency} {josa(post, '은', '는')} \u201c{rng.choice(QUOTES)}\u201d{rng.choice(SAID)}.",
    )
    title = f"{payer}, {programme}에 {amount_written.replace('원', '').strip()} 투입"
    date = f"{year - (1 if month > 10 else 0)}.{month:02d}.{day:02d}"
    publisher = rng.choice(PUBLISHERS)
    truth.questions = [
        {
            "kind": "amount",
            "question": rng.choice([f"{programme} 예산은 얼마야?", f"{programme}에 얼마를 투입해?"]),
            "expect": [f"{amount:,}", amount_written.replace(" ", "")],
        },
        {"kind": "who", "question": f"{agency} {josa(post, '은', '는')} 누구야?", "expect": [person]},
        {"kind": "payer", "question": f"{programme}에 돈을 대는 부처는 어디야?", "expect": [payer]},
    ]
    if state:
        truth.questions.append(
            {
                "kind": "part",
                "question": f"{programme} 예산 중 국비는 얼마야?",
                "expect": [f"{state * 100_000_000:,}", f"{state}억"],
            }
        )
    return truth, f"{truth.source_id}.{layout}", render(layout, title, date, publisher, body, rng)


def render(layout: str, title: str, date: str, publisher: str, body: list[str], rng: random.Random) -> str:
    reporter = holder(publisher, "기자") + " 기자"
    if layout == "html":
        paragraphs = "\n".join(f"<p>{s}</p>" for s in body)
        return (
            f'<!doctype html><html><head><meta charset="utf-8"><title>{title} - {publisher}</title>'
            f'<meta property="og:title" content="{title}">'
            f'<meta property="article:published_time" content="{date.replace(".", "-")}T09:00:00+09:00">'
            f'<meta property="og:site_name" content="{publisher}"></head><body>'
            f'<nav><a href="/">홈</a> <a href="/it">IT</a></nav><article><h1>{title}</h1>'
            f'<div class="byline">{reporter} | 입력 {date} 09:00</div>{paragraphs}</article>'
            f"<aside><h3>많이 본 뉴스</h3><ul>{''.join(f'<li>{j[2:]}</li>' for j in JUNK_TAIL)}</ul></aside>"
            f"<footer>ⓒ {publisher}, 무단전재 및 재배포 금지</footer></body></html>"
        )
    if layout == "md":
        return (
            f"# {title}\n\n*{publisher}* · 입력 {date} 09:00 · {reporter}\n\n"
            + "\n\n".join(body)
            + f"\n\nⓒ {publisher}, 무단전재 및 재배포 금지\n"
        )
    head = rng.sample(JUNK_HEAD, 4)  # menus in a different order on every page
    return (
        "\n".join(
            [
                head[0],
                title,
                *head[1:],
                f"입력 {date} 09:00",
                reporter,
                "",
                *body,
                "",
                f"ⓒ {publisher}, 무단전재 및 재배포 금지",
                *JUNK_TAIL,
            ]
        )
        + "\n"
    )


def check_names() -> None:
    """Every organisation the templates use is one the registry knows (a typo would test nothing)."""
    reg = registry()
    missing = [n for n in PAYERS + AGENCIES + COMPANIES if reg.resolve(n) is None]
    if missing:
        raise SystemExit(f"not in ontology/registry.ttl: {missing}")


def write_corpus(n: int, out: Path) -> list[Truth]:
    check_names()
    out.mkdir(parents=True, exist_ok=True)
    truths = []
    for i in range(n):
        truth, name, text = article(i)
        encoding = "cp949" if truth.layout == "md" and i % 2 else "utf-8"  # some Markdown in EUC-KR, as found
        (out / name).write_bytes(text.encode(encoding))
        truths.append(truth)
    (out / "truth.json").write_text(
        json.dumps([asdict(t) for t in truths], ensure_ascii=False, indent=0), encoding="utf-8"
    )
    return truths


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
