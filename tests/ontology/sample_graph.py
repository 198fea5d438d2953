"""A small hand-made graph in the shape ingest produces, about invented-but-plausible AI policy news.

The article text is written for this test; offsets are computed, never typed, so they stay verbatim.
"""

from __future__ import annotations

import re

from rdflib import RDF, XSD, Graph, Literal, URIRef

from policykg.ontology.literals import decimal_literal
from policykg.ontology.schema import ID, new_graph
from policykg.ontology.vocab import PKG

MSIT = URIRef("https://w3id.org/policykg/id/org/msit")
NIPA = URIRef("https://w3id.org/policykg/id/org/nipa")
NIA = URIRef("https://w3id.org/policykg/id/org/nia")

BODY = (
    "과기정통부는 내년도 예산안에 'AI 기반 분야 오픈소스 생태계 조성 사업' 예산 110억원을 편성했다. "
    "이 가운데 100억원은 제품 개발에, 10억원은 인재 양성에 쓰인다. "
    "공개SW 활성화 지원사업 예산은 2024년 약 69억원에서 2025년 약 53억원으로 줄었다. "
    "정부는 독자 AI 파운데이션 모델 프로젝트 정예팀으로 업스테이지와 네이버클라우드를 선정했고, "
    "이후 네이버클라우드는 탈락했다. "
    "World Best LLM 프로젝트는 NIA에서 NIPA로 이관될 가능성이 크다. "
    '배경훈 과기정통부 장관은 "오픈소스가 경쟁력의 바탕"이라고 말했다. '
    "정예팀에는 GPU 1000장 이상이 지원된다. "
    "국가AI컴퓨팅센터에는 공공 2000억원과 민간 2000억원 등 총 4000억원이 출자된다. "
    "국회는 조세특례제한법을 개정해 AI를 국가전략기술로 지정했다. "
    "장관은 서울에서 열린 신년인사회에 참석했다. "
    "World Best LLM 프로젝트 예산은 정부안 1936억원에서 국회 심사를 거쳐 2136억원으로 늘었다."
)


class SampleBuilder:
    def __init__(self) -> None:
        self.g = new_graph()
        self.article = ID["article/sample-001"]
        self.sentences: list[URIRef] = []
        self._add_article()

    def node(self, iri: URIRef, cls: URIRef, **props: object) -> URIRef:
        self.g.add((iri, RDF.type, cls))
        for key, value in props.items():
            values = value if isinstance(value, list) else [value]
            for v in values:
                self.g.add((iri, PKG[key], v if isinstance(v, (URIRef, Literal)) else Literal(v)))
        return iri

    def _add_article(self) -> None:
        self.node(
            self.article,
            PKG.NewsArticle,
            sourceId="sample-001",
            title="시험용 기사",
            bodyText=BODY,
            contentHash="0" * 64,
            published=Literal("2025-11-30", datatype=XSD.date),
        )
        for index, match in enumerate(re.finditer(r"\S[^.]*\.", BODY)):
            self.sentences.append(
                self.node(
                    ID[f"sentence/sample-001/{index}"],
                    PKG.Sentence,
                    inArticle=self.article,
                    text=match.group(),
                    start=Literal(match.start()),
                    end=Literal(match.end()),
                    sentenceIndex=Literal(index),
                )
            )

    def money(self, key: str, won: int, qualifier: URIRef = PKG.exact) -> URIRef:
        return self.node(
            ID[f"amount/{key}"], PKG.MonetaryAmount, value=decimal_literal(won), currency="KRW", qualifier=qualifier
        )

    def fact(self, key: str, cls: URIRef, sentence: int, **props: object) -> URIRef:
        return self.node(
            ID[f"fact/{key}"],
            cls,
            evidence=self.sentences[sentence],
            asOf=Literal("2025-11-30", datatype=XSD.date),
            **props,
        )


def build_sample_graph() -> Graph:
    b = SampleBuilder()
    for iri, cls, name in (
        (MSIT, PKG.Ministry, "과학기술정보통신부"),
        (NIPA, PKG.PublicAgency, "정보통신산업진흥원"),
        (NIA, PKG.PublicAgency, "한국지능정보사회진흥원"),
    ):
        b.node(iri, cls, name=name)
    b.g.add((NIPA, PKG.subOrganizationOf, MSIT))
    oss = b.node(ID["programme/oss"], PKG.Programme, name="AI 기반 분야 오픈소스 생태계 조성 사업")
    opensw = b.node(ID["programme/opensw"], PKG.Programme, name="공개SW 활성화 지원사업")
    sfm = b.node(ID["programme/sfm"], PKG.Programme, name="독자 AI 파운데이션 모델 프로젝트", alias="독파모")
    wbl = b.node(ID["programme/wbl"], PKG.Programme, name="World Best LLM 프로젝트")
    nacc = b.node(ID["programme/nacc"], PKG.Programme, name="국가AI컴퓨팅센터")
    upstage = b.node(ID["org/upstage"], PKG.Company, name="업스테이지")
    navercloud = b.node(ID["org/navercloud"], PKG.Company, name="네이버클라우드")
    private = b.node(ID["org/private-sector"], PKG.Organization, name="민간")
    minister = b.node(ID["person/배경훈"], PKG.Person, name="배경훈")

    total = b.fact(
        "oss-2026",
        PKG.FundingFact,
        0,
        payer=MSIT,
        programme=oss,
        amount=b.money("oss-2026", 11_000_000_000),
        fiscalYear=Literal("2026", datatype=XSD.gYear),
        budgetStage=PKG.proposal,
        modality=PKG.decided,
    )
    b.fact(
        "oss-2026-dev",
        PKG.FundingFact,
        1,
        programme=oss,
        partOf=total,
        purpose="제품 개발",
        amount=b.money("oss-2026-dev", 10_000_000_000),
    )
    b.fact(
        "oss-2026-talent",
        PKG.FundingFact,
        1,
        programme=oss,
        partOf=total,
        purpose="인재 양성",
        amount=b.money("oss-2026-talent", 1_000_000_000),
    )
    years = [
        b.fact(
            f"opensw-{y}",
            PKG.FundingFact,
            2,
            payer=MSIT,
            programme=opensw,
            fiscalYear=Literal(str(y), datatype=XSD.gYear),
            amount=b.money(f"opensw-{y}", won, PKG.approx),
        )
        for y, won in ((2024, 6_900_000_000), (2025, 5_300_000_000))
    ]
    b.fact("opensw-series", PKG.TimeSeries, 2, programme=opensw, observation=years)
    b.fact("sfm-upstage", PKG.SelectionFact, 3, programme=sfm, team=upstage, outcome=PKG.selected)
    b.fact("sfm-navercloud", PKG.SelectionFact, 3, programme=sfm, team=navercloud, outcome=PKG.selected)
    b.fact("sfm-navercloud-out", PKG.SelectionFact, 3, programme=sfm, team=navercloud, outcome=PKG.eliminated)
    b.fact(
        "wbl-transfer",
        PKG.TransferFact,
        4,
        programme=wbl,
        fromOrganization=NIA,
        toOrganization=NIPA,
        modality=PKG.likely,
    )
    b.fact("wbl-role", PKG.RoleFact, 4, programme=wbl, organization=NIA, role=PKG.plans, modality=PKG.done)
    b.fact("minister", PKG.PostHolding, 5, holder=minister, organization=MSIT, postTitle="장관")
    b.fact("minister-quote", PKG.Quote, 5, speaker=minister, text="오픈소스가 경쟁력의 바탕", about=sfm)
    gpus = b.node(
        ID["quantity/sfm-gpu"],
        PKG.Quantity,
        value=decimal_literal(1000),
        unit="장",
        measure="GPU",
        qualifier=PKG.atLeast,
    )
    b.fact("sfm-gpu", PKG.QuantityFact, 6, programme=sfm, quantity=gpus, modality=PKG.planned)
    nacc_total = b.fact(
        "nacc-total",
        PKG.FundingFact,
        7,
        programme=nacc,
        amount=b.money("nacc-total", 400_000_000_000),
        budgetStage=PKG.investment,
    )
    for payer, key in ((MSIT, "public"), (private, "private")):
        b.fact(
            f"nacc-{key}",
            PKG.FundingFact,
            7,
            programme=nacc,
            payer=payer,
            partOf=nacc_total,
            budgetStage=PKG.investment,
            amount=b.money(f"nacc-{key}", 200_000_000_000),
        )
    law = b.node(ID["law/restriction_of_special_taxation"], PKG.Law, name="조세특례제한법")
    b.fact("tax-law", PKG.LawFact, 8, law=law, lawAction="amended", purpose="AI를 국가전략기술로 지정")
    seoul = b.node(ID["place/seoul"], PKG.Place, name="서울")
    event = b.node(ID["event/newyear"], PKG.Conference, name="신년인사회", location=seoul, participant=minister)
    b.fact("newyear", PKG.EventFact, 9, event=event)
    for key, won, stage in (
        ("wbl-proposal", 193_600_000_000, PKG.proposal),
        ("wbl-enacted", 213_600_000_000, PKG.enacted),
    ):
        b.fact(key, PKG.FundingFact, 10, programme=wbl, budgetStage=stage, amount=b.money(key, won))
    for sentence, entity in ((0, MSIT), (0, oss), (5, MSIT), (5, minister), (4, NIPA)):
        b.g.add((b.sentences[sentence], PKG.mentions, entity))
    return b.g
