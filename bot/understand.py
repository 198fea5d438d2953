"""What a Korean question asks: its kind, the entities it names (linked to the graph, aliases included),
and its constraints (year, budget stage, payer words, outcome, post)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import neo4j
from rdflib import URIRef

from policykg.graph import cypher
from policykg.korean.dates import find_dates
from policykg.korean.words import GENERIC_BODIES, TITLES, post_names, stage_of
from policykg.ontology.neo4j_names import Label
from policykg.ontology.registry import name_key, registry

# Words that name who pays: '민간이 내는 돈', '국비는?'.
PAYERS = re.compile(r"민간|공공|정부|국비|시비|도비")
KINDS = (  # first match wins
    ("trend", r"추이|변화|연도별|해마다|매년.*(얼마|어떻게)|변했"),
    ("sum", r"합계|합치면|더하면|총합|모두 합"),
    ("compare", r"비교|더 많|더 큰|더 적|차이"),
    ("count", r"몇\s*(?:팀|개|곳|명|장|건|기업)?"),
    ("transfer", r"이관|옮겨|넘어가"),
    ("post", r"직책|직위|자리|무슨 일을|어떤 자리"),
    # 'X에 돈을 대는 부처는 어디야?', 'X는 누가 지원해?': who pays, not how much
    (
        "payer",
        r"(?:돈|예산|재원|자금|비용)[을를]?\s*(?:대|내|부담)|누가\s*(?:지원|출자|투자|부담|돈)|"
        r"(?:지원|출자|투자|부담)하는\s*(?:곳|부처|기관|주체)|어디(?:서|에서)\s*(?:지원|출자|투자|돈)",
    ),
    ("who", r"누구|누가|인물"),
    ("quantity", r"수준|목표|성능|비율|%|퍼센트|장수|GPU"),
    ("amount", r"얼마"),  # '정예팀 지원에 들어가는 돈은 얼마야' asks for money, not for the teams
    ("selection", r"선정|선발|탈락|뽑힌|정예팀"),
    ("amount", r"얼마|금액|예산|규모|비용|출자|투입|지원액|지원금|사업비|돈|자금|액수"),
    ("when", r"언제|시기|날짜"),
    ("which", r"어디|어느|어떤|무엇|뭐"),
)


@dataclass(frozen=True)
class Linked:
    iri: str
    name: str
    labels: tuple[str, ...]
    surface: str
    exact: bool
    in_graph: bool = True  # False: a body the registry knows but no ingested article mentions

    def has(self, label: str) -> bool:
        return label in self.labels


@dataclass
class Question:
    text: str
    kind: str
    entities: list[Linked] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    relative_year: int | None = None  # 0 = 올해, 1 = 내년, -1 = 지난해 (resolved against each fact's date)
    stage: str | None = None
    outcome: str | None = None
    posts: list[str] = field(default_factory=list)
    wants_total: bool = False
    payer_words: list[str] = field(default_factory=list)
    answer_type: str = ""  # what the reader's analysis expects (bot/need.py): a name, a list, a person …

    def of(self, label: str) -> list[Linked]:
        return [e for e in self.entities if e.has(label)]

    @property
    def outside_articles(self) -> list[Linked]:
        return [e for e in self.entities if not e.in_graph]


class Catalogue:
    """The graph's named entities with every surface form (name, aliases, registry aliases), for linking."""

    def __init__(self, driver: neo4j.Driver, database: str) -> None:
        records, _, _ = driver.execute_query(cypher.CATALOGUE, database_=database)
        reg = registry()
        self.forms: list[tuple[str, Linked]] = []
        for r in records:
            if not r["name"]:
                continue
            base = Linked(r["iri"], r["name"], tuple(r["labels"]), r["name"], True)
            names = {
                r["name"],
                *(r["aliases"] if isinstance(r["aliases"], list) else [r["aliases"]] if r["aliases"] else []),
            }
            entry = reg.entries.get(URIRef(r["iri"]))
            if entry is not None:
                names |= set(entry.surface_forms())
            for form in names - GENERIC_BODIES:  # '정부' in a question names no body: it asks about the state
                key = name_key(form)
                if len(key) >= 2:
                    self.forms.append((key, Linked(base.iri, base.name, base.labels, form, True)))
        # Registry bodies absent from the graph are still recognised, so that a question about one of them
        # is known to lie outside the articles instead of being answered about something else.
        present = {linked.iri for _, linked in self.forms}
        for entry in reg.entries.values():
            if str(entry.iri) not in present:
                for form in entry.surface_forms():
                    if len(name_key(form)) >= 2 and form not in GENERIC_BODIES:
                        self.forms.append(
                            (
                                name_key(form),
                                Linked(
                                    str(entry.iri),
                                    entry.name,
                                    (str(entry.cls).rsplit("#")[-1],),
                                    form,
                                    True,
                                    in_graph=False,
                                ),
                            )
                        )
        self.forms.sort(key=lambda f: -len(f[0]))

    def latin_names(self, text: str) -> list[tuple[str, str]]:
        """(surface, name) of every entity an English text names by a Latin form ('MSIT', 'Naver Cloud'), as
        whole words: `link` compares texts without their spaces, where 'is MSIT' reads 'ismsit'."""
        found = []
        for _, entity in self.forms:
            form = entity.surface
            if form.isascii() and re.search(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])", text, re.I):
                found.append((form, entity.name))
        return found

    def link(self, question: str, partial: bool = True) -> list[Linked]:
        """Longest names first, without overlaps; then, with `partial`, programmes named in part ('오픈소스 생태계
        조성 사업'): the slow pass, needless on text the bot wrote from whole names."""
        key = name_key(question)
        taken = [False] * len(key)
        found: dict[str, Linked] = {}
        for form, entity in self.forms:
            start = key.find(form)
            # Short names, and bodies no article mentions, must start a word: '산은' (KDB) is not in '예산은'.
            if start >= 0 and (len(form) <= 3 or not entity.in_graph) and not _starts_a_word(question, entity.surface):
                continue
            while start >= 0:
                if not any(taken[start : start + len(form)]) and _bounded(form, key, start):
                    for i in range(start, start + len(form)):
                        taken[i] = True
                    found.setdefault(entity.iri, entity)
                    break
                start = key.find(form, start + 1)
        for form, entity in self.forms if partial else ():
            if entity.has(Label.Programme) and entity.in_graph and entity.iri not in found:
                overlap = _longest_common(form, key)
                if (
                    len(overlap) >= 6
                    and len(overlap) >= 0.6 * len(form)
                    and not any(taken[key.find(overlap) : key.find(overlap) + len(overlap)])
                ):
                    found[entity.iri] = Linked(entity.iri, entity.name, entity.labels, overlap, False)
        return list(found.values())


def is_the_state(iri: str) -> bool:
    """The registry's root government body (대한민국 정부): no parent above it."""
    entry = registry().entries.get(URIRef(iri))
    return entry is not None and entry.parent is None and str(entry.cls).endswith("GovernmentBody")


def _starts_a_word(question: str, surface: str) -> bool:
    at = question.casefold().find(surface.casefold())
    while at >= 0:
        if at == 0 or not question[at - 1].isalnum():
            return True
        at = question.casefold().find(surface.casefold(), at + 1)
    return False


def _bounded(form: str, key: str, start: int) -> bool:
    """A Latin abbreviation ('kt', 'sk') must not sit inside a longer Latin word ('sktelecom')."""
    if not re.fullmatch(r"[a-z0-9]+", form):
        return True
    before = key[start - 1] if start else " "
    after = key[start + len(form)] if start + len(form) < len(key) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _longest_common(a: str, b: str) -> str:
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


_TITLE_WORD = re.compile(
    r"[가-힣A-Za-z0-9]*(?:"
    + "|".join(sorted(TITLES, key=len, reverse=True))
    + r")(?=(?:[은는이가을를의도와과]|에게)?(?![가-힣]))"
)


def _without_ordinal(post: str) -> str:
    """'제2차관' and '2차관' are one post."""
    return re.sub(r"제(?=\d)", "", post.strip())


def asked_posts(text: str) -> list[str]:
    """The posts a question names, whole words ('상근 부위원장' → 부위원장, not 위원장 or 원장; '인공지능인프라정책관'),
    with the other names of the same post ('대표' → 대표이사, 최고경영자, CEO)."""
    words = [_without_ordinal(m.group(0).replace(" ", "")) for m in _TITLE_WORD.finditer(text)]
    return list(dict.fromkeys(p for w in words for p in post_names(w)))


def post_matches(post: str, asked: list[str]) -> bool:
    """A post held ('부총리 겸 과학기술정보통신부 장관', '제2차관') is one asked for when it ends with the asked
    word as a whole ('장관', '2차관'), not inside a longer title ('위원장' in '부위원장')."""
    held = _without_ordinal(post)
    return any(held.endswith(a) and (len(held) == len(a) or not re.match(r"[가-힣]", held[-len(a) - 1])) for a in asked)


def analyse_question(text: str, catalogue: Catalogue) -> Question:
    kind = next((k for k, pattern in KINDS if re.search(pattern, text)), "which")
    q = Question(text=text, kind=kind, entities=catalogue.link(text))
    q.years = sorted(
        {
            d.begin.year
            for d in find_dates(text, None)
            if d.begin and d.begin.month == 1 and d.begin.day == 1 and d.end and d.end.month == 12
        }
    )
    rel = re.search(r"(올해|금년|내년|지난해|작년)", text)
    if rel:
        q.relative_year = {"올해": 0, "금년": 0, "내년": 1, "지난해": -1, "작년": -1}[rel.group(1)]
    q.stage = stage_of(text)
    q.outcome = "eliminated" if "탈락" in text else "selected" if re.search(r"선정|선발|뽑힌|정예팀", text) else None
    q.posts = asked_posts(text)
    if q.kind == "which" and q.posts:
        q.kind = "who"  # '재공모 당시 과기부 장관은?' asks who held the post
    q.wants_total = bool(re.search(r"총\s*(금액|액|규모|예산)|전체|총액|모두", text))
    q.payer_words = PAYERS.findall(text)
    return q
