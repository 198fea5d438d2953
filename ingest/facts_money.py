"""Money facts: budgets and funding with payer, programme, fiscal year and stage; breakdowns of a total
into parts ('110억원 중 100억원은 …, 남은 10억원은 …'); year-by-year series ('2021년 약 134억원 … 2025년 약 53억원')."""

from __future__ import annotations

import re
from dataclasses import replace

from policykg.ingest.context import GOVERNMENT_CLASSES, ORG_CLASSES, ArticleContext, SentenceView, modality, year_of
from policykg.ingest.models import Fact, Mention
from policykg.korean.spans import Value
from policykg.korean.words import stage_of
from policykg.ontology.iris import mint_iri
from policykg.ontology.registry import registry

_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})\s*년(?:도)?\s*(?:에는|에|엔|은|는)?\s*$")
_SAME_AS_BEFORE = re.compile(
    r"((?:19|20)\d{2})\s*년(?:도)?\s*(?:에도|에는|에|엔)?\s*(?:그대로|동일하게|같은 수준으로)\s*(?:유지|동결)"
)
_TOTAL_OF = re.compile(r"^\s*(?:중|가운데|중에서)")
_REST = re.compile(r"(남은|나머지)\s*$")
_AMONG_THOSE = re.compile(r"^\s*(?:이|그)\s*(?:가운데|중(?:에서)?)")  # '이 가운데 300억원은': parts of the last amount
_TOTAL_WORD = re.compile(r"(총|모두|전체)\s*$")
_PURPOSE = re.compile(
    r"^\s*(?:은|는|이|가|을|를)\s+(?P<purpose>[^.,]{2,60}?)\s*(?:에|으로|로)(?:\s+(?:투입|사용|쓰|활용|지원|배정|투자)|\s*,)"
)
# '연간 100억원 수준의 데이터 공동구매': what the money buys, named right after the amount.
_PURPOSE_AFTER = re.compile(
    r"^\s*(?:수준|규모|상당|이상|이하)?\s*의\s+(?P<purpose>[^,.]{2,30}?)\s*(?:와|과|및|,|을|를|이|가|에|도|등)(?![가-힣])"
)
_GENERIC_PURPOSES = {"지원", "예산", "투자", "자금", "재원", "사업", "규모"}
_LABELS = r"(공공|정부|국비|민간|지방비|지자체|시비|도비|구비|군비)"
# '국비 4000억원', '국비는 4836억원': the label right before the part; '…3225억원은 민간이 부담한다': after it.
_PAYER_LABEL = re.compile(_LABELS + r"(?:은|는|이|가|에서)?\s*$")
_PAYER_AFTER = re.compile(r"^\s*(?:은|는|을|를)?\s*" + _LABELS + r"(?:이|가|에서)?\s*(?:부담|내|낸|대|댄|출자|조달)")
_LABEL_ORG = {"공공": "government", "정부": "government", "국비": "government", "민간": "private"}
_RECIPIENT = r"\s*(?:\([^)]*\))?\s*(?:운영|사업|지원|설립)?\s*(?:에|에게|에는)\s"


def _is_purpose(text: str) -> bool:
    """'데이터 공동구매' is what money buys; '추경 예산', a quoted name or a clause ('…은 …') is not."""
    return text not in _GENERIC_PURPOSES and "예산" not in text and not re.search(r"['‘’\"“”]|[은는]\s", text)


def _payer(view: SentenceView) -> Mention | None:
    """The funding body: whose budget it is ('X의 … 예산'), else the government body that is the subject."""
    for m in view.of_class(ORG_CLASSES):
        if view.followed_by(m, r"\s*의\s+[^.]{0,20}예산"):
            return m
    for m in view.of_class(ORG_CLASSES):
        if m.cls in GOVERNMENT_CLASSES and view.followed_by(m, r"\s*(?:\([^)]*\))?\s*(?:은|는|이|가|의|도)(?![가-힣])"):
            return m
    return None


def _fiscal_year(view: SentenceView, value: Value) -> int | None:
    years = [(d, year_of(d)) for d in view.dates if year_of(d)]
    before = [y for d, y in years if d.end_offset <= value.start]
    if before:
        return before[-1]
    return years[0][1] if years else None


def _label_org(label: str, total: Fact) -> str:
    """Who pays a labelled part: 국비 the state, 민간 the private sector, 시비·도비 the local government."""
    kind = _LABEL_ORG.get(label)
    if kind == "government":
        entry = registry().resolve("정부")
        return str(entry.iri) if entry else mint_iri("org", "정부")
    if kind == "private":
        return mint_iri("org", "민간")
    return total.roles.get("payer") or mint_iri("org", "지방자치단체")


class MoneyFacts:
    """Facts from one article's money values; remembers an open total across sentences for its parts."""

    def __init__(self, ctx: ArticleContext) -> None:
        self.ctx = ctx
        self.facts: list[Fact] = []
        self.open_total: Fact | None = None
        self.open_total_at = -1  # sentence where the open total was last stated
        self.last_payer: Mention | None = None
        self.last_payer_at = -1

    def run(self) -> list[Fact]:
        for view in self.ctx.views:
            money = [v for v in view.values if v.kind == "money" and v.value is not None]
            if money:
                self._sentence(view, money)
            found = _payer(view)
            if found:  # remembered for the next sentence, which may leave its payer implicit
                self.last_payer, self.last_payer_at = found, view.sentence.index
            elif self.open_total and self.open_total_at < view.sentence.index - 2:
                self.open_total = None
        return self._without_unkept_totals()

    def _without_unkept_totals(self) -> list[Fact]:
        """A total that names no payer, recipient or programme ('정부 총 AI 예산 10조원 중 …') is not kept, but
        its parts were split off it: they must not point at a fact that does not exist. Each part then stands
        alone, kept only when it names someone itself ('국비 2000억원' → the state)."""
        kept = {f.key for f in self.facts}
        alone = [replace(f, part_of=None) if f.part_of and f.part_of not in kept else f for f in self.facts]
        return [f for f in alone if f.roles or f.part_of]

    def _base(
        self, view: SentenceView, key: str, value: Value, programme: Mention | None, payer: Mention | None
    ) -> Fact:
        roles = {}
        if programme:
            roles["programme"] = programme.iri
        if payer:
            roles["payer"] = payer.iri
        recipient = next(
            (
                m
                for m in view.of_class(ORG_CLASSES)
                if m.end - view.sentence.start <= value.start
                and (payer is None or m.iri != payer.iri)
                and view.followed_by(m, _RECIPIENT)
            ),
            None,
        )
        if recipient:
            roles["recipient"] = recipient.iri
        concepts = {"modality": modality(view.text)}
        stage = stage_of(view.text)
        if stage:
            concepts["budgetStage"] = stage
        literals = {}
        after = _PURPOSE_AFTER.match(view.text[value.end :])
        if after and _is_purpose(after["purpose"].strip()):
            literals["purpose"] = after["purpose"].strip()
        year = _fiscal_year(view, value)
        if year:
            literals["fiscalYear"] = str(year)
        return Fact("FundingFact", key, view.sentence.index, roles, value, literals, concepts, extractor="money")

    def _sentence(self, view: SentenceView, money: list[Value]) -> None:
        programme = self.ctx.programme_for(view)
        # A payer carries over from the sentence just before ('정부는 …. 이 프로젝트는 … 1936억 원이 투입될 예정').
        carried = self.last_payer if self.last_payer_at == view.sentence.index - 1 else None
        payer = _payer(view) or carried
        if self._series(view, money, programme, payer):
            return
        text, index = view.text, view.sentence.index
        total: Fact | None = None
        if _AMONG_THOSE.match(text):
            previous = [
                f for f in self.facts if f.kind == "FundingFact" and f.sentence == index - 1 and f.part_of is None
            ]
            total = previous[-1] if previous else None
        for n, value in enumerate(money):
            fact = self._base(view, f"money-{index}-{n}", value, programme, payer)
            before, after = text[: value.start], text[value.end :]
            if _TOTAL_OF.match(after) or _TOTAL_WORD.search(before) or value.surface.startswith(("총", "모두", "전체")):
                earlier = self._same_amount(fact)
                if earlier is not None:  # '사업 예산 110억원 중 …' restates a total already stated: split that one
                    total = earlier
                    continue
                total = fact
            elif total is not None or (self.open_total and (_REST.search(before) or _PAYER_LABEL.search(before))):
                fact = self._part(fact, total or self.open_total, before, after)  # type: ignore[arg-type]
            if fact.roles:  # a FundingFact names who pays or what for; other amounts are stated values
                self.facts.append(fact)
        self._attach_labelled_parts(view, total)
        if total is not None:
            self.open_total, self.open_total_at = total, index

    def _same_amount(self, fact: Fact) -> Fact | None:
        return next(
            (
                f
                for f in self.facts
                if f.kind == "FundingFact"
                and f.part_of is None
                and f.value
                and fact.value
                and f.value.value == fact.value.value
                and f.roles.get("programme") == fact.roles.get("programme")
            ),
            None,
        )

    def _part(self, fact: Fact, total: Fact, before: str, after: str) -> Fact:
        literals = dict(fact.literals)
        purpose = _PURPOSE.match(after)
        if purpose:
            literals["purpose"] = purpose["purpose"].strip()
        literals.setdefault("fiscalYear", total.literals.get("fiscalYear", ""))
        roles = {**{k: v for k, v in total.roles.items() if k in ("programme", "payer")}, **fact.roles}
        label = _PAYER_LABEL.search(before) or _PAYER_AFTER.match(after)
        if label:
            roles["payer"] = _label_org(label.group(1), total)
        concepts = {**total.concepts, **{k: v for k, v in fact.concepts.items() if k == "budgetStage"}}
        return replace(
            fact,
            roles=roles,
            literals={k: v for k, v in literals.items() if v},
            concepts=concepts,
            part_of=total.key,
            extractor="money:breakdown",
        )

    def _attach_labelled_parts(self, view: SentenceView, total: Fact | None) -> None:
        """'공공 2000억원, 민간 2000억원 등 총 4000억원': parts named before the total they add up to."""
        if total is None:
            return
        for i, fact in enumerate(self.facts):
            if (
                fact.sentence == view.sentence.index
                and fact is not total
                and fact.part_of is None
                and fact.value
                and total.value
                and fact.value.start < total.value.start
            ):
                label = _PAYER_LABEL.search(view.text[: fact.value.start])
                if label:
                    self.facts[i] = self._part(fact, total, view.text[: fact.value.start], view.text[fact.value.end :])

    def _series(self, view: SentenceView, money: list[Value], programme: Mention | None, payer: Mention | None) -> bool:
        """Two or more amounts each right after a year: one observation per year, and the series."""
        text = view.text
        pairs = [(int(m.group(1)), v) for v in money if (m := _YEAR_BEFORE.search(text[: v.start]))]
        if len(pairs) < 2 or programme is None:
            return False
        observations: list[tuple[int, Value, str]] = [(y, v, "money:series") for y, v in pairs]
        for same in _SAME_AS_BEFORE.finditer(text):  # '2022년 그대로 유지': the previous year's amount again
            year = int(same.group(1))
            earlier = [o for o in observations if o[0] < year]
            if earlier:
                _, value, _ = max(earlier, key=lambda o: o[0])
                observations.append((year, value, "money:series-carried"))
        keys = []
        for year, value, how in sorted(observations, key=lambda o: o[0]):
            key = f"money-{view.sentence.index}-y{year}"
            fact = self._base(view, key, value, programme, payer)
            self.facts.append(replace(fact, literals={**fact.literals, "fiscalYear": str(year)}, extractor=how))
            keys.append(key)
        self.facts.append(
            Fact(
                "TimeSeries",
                f"series-{view.sentence.index}",
                view.sentence.index,
                {"programme": programme.iri},
                observations=tuple(keys),
                extractor="money:series",
            )
        )
        return True
