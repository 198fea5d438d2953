"""Facts about who and what: quantities, selections and eliminations, transfers between agencies, roles
in programmes, posts held, quotes, events and laws. Each rule reads one sentence (with the programme in
scope) and names the sentence as evidence."""

from __future__ import annotations

import re

from policykg.ingest.context import (
    GOVERNMENT_CLASSES,
    ORG_CLASSES,
    TEAM_CLASSES,
    ArticleContext,
    SentenceView,
    modality,
)
from policykg.ingest.models import Fact, Mention
from policykg.korean.words import FORMER, NOT_COUNTED, post_names

_SELECT = re.compile(r"선정|선발|뽑(?:혔|았|는)")
_ELIMINATE = re.compile(r"탈락")
_TRANSFER = re.compile(r"이관|이양|옮겨")
_QUOTE = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
_SPEECH = re.compile(
    r"(?:라며|라고|고|며|면서|라면서|이라며|이라고)?\s*(?:말했|밝혔|강조했|전했|했|덧붙였|부연했|설명했|평가했|언급했|지적했|주장했|답했|당부했)"
)
_ROLE_PATTERNS = (
    ("plans", r"^\s*(?:\([^)]*\))?\s*(?:에서|이|가)\s*(?:기획|설계)"),
    ("manages", r"^\s*(?:\([^)]*\))?\s*(?:이|가|에서)\s*(?:맡|전담|관리|수행)"),
    ("runs", r"^\s*(?:\([^)]*\))?\s*(?:이|가|은|는)?\s*(?:주관|총괄)"),
)
_RUNS_BEFORE = re.compile(r"(주무\s*부처인|주관\s*부처인|소관\s*부처인)\s*$")
_LAW_ACTIONS = (
    ("amended", r"개정"),
    ("passed", r"통과|의결"),
    ("enacted", r"제정"),
    ("in force", r"시행|효력|발효"),
    ("proposed", r"발의"),
)
_LAW_PURPOSE = re.compile(
    r"(?:개정|제정|시행)(?:해|하여|해서|하며)\s+(?P<purpose>[^.]{4,60}?)(?:하였다|했다|한다|하기로)"
)
_COUNTER_MEASURE = {"팀": "팀", "개 팀": "팀", "명": "명", "곳": "곳", "개사": "기업"}


_NOT_A_NOUN = re.compile(
    r"(?:은|는|이|가|을|를|에|의|로|과|와|도|만|된|한|인|던|적으로|하고|하며|최대|최소|최종|올해|연간|매년|약|총)$"
)


def quantity_measure(view: SentenceView, start: int, end: int, unit: str) -> str:
    """What is counted: the noun right before the number ('GPU 1만 장', '성능 95%'), or named after it
    ('1000장 이상의 첨단 그래픽 처리 장치(GPU)'), or the counter itself ('5개 팀' → 팀)."""
    before, after = view.text[:start].rstrip(), view.text[end:]
    paren = re.search(r"\(([A-Za-z][\w-]{1,15})\)\s*$", before)
    if paren:
        return paren.group(1)
    word = re.search(r"([A-Za-z][\w-]{1,15}|[가-힣]{2,8})\s*$", before)
    if word and not _NOT_A_NOUN.search(word.group(1)):
        return word.group(1)
    following = re.match(r"\s*(?:이상|이하)?\s*의\s+[^,.]{0,25}?\(([A-Za-z][\w-]{1,15})\)", after)
    if following:
        return following.group(1)
    return _COUNTER_MEASURE.get(unit, unit)


def quantity_facts(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for view in ctx.views:
        for n, value in enumerate(v for v in view.values if v.kind in ("count", "percent", "quantity")):
            if value.unit in NOT_COUNTED:
                continue
            programme = ctx.programme_for(view)
            subjects = [
                m
                for m in view.of_class(ORG_CLASSES)
                if view.followed_by(m, r"\s*(?:\([^)]*\))?\s*(?:은|는|이|가)(?![가-힣])")
            ]
            about = programme or next(iter(subjects), None)
            if about is None:
                continue
            role = "programme" if about.cls == "Programme" else "about"
            measure = quantity_measure(view, value.start, value.end, value.unit)
            facts.append(
                Fact(
                    "QuantityFact",
                    f"quantity-{view.sentence.index}-{n}",
                    view.sentence.index,
                    {role: about.iri},
                    value,
                    {"measure": measure},
                    {"modality": modality(view.text)},
                    extractor="quantity",
                )
            )
    return facts


def selection_facts(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for view in ctx.views:
        eliminated = bool(_ELIMINATE.search(view.text))
        if not (eliminated or _SELECT.search(view.text)):
            continue
        programme = ctx.programme_for(view)
        if programme is None:
            continue
        outcome = "eliminated" if eliminated else "selected"
        teams = [m for m in view.of_class(TEAM_CLASSES) if m.cls not in GOVERNMENT_CLASSES]
        for team in dict((m.iri, m) for m in teams).values():
            period = view.dates[0] if view.dates else None
            facts.append(
                Fact(
                    "SelectionFact",
                    f"selection-{view.sentence.index}-{team.iri.rsplit('/', 1)[1]}",
                    view.sentence.index,
                    {"programme": programme.iri, "team": team.iri},
                    concepts={"outcome": outcome, "modality": "done" if eliminated else "decided"},
                    period=period,
                    extractor="selection",
                )
            )
    return facts


def transfer_facts(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for view in ctx.views:
        if not _TRANSFER.search(view.text):
            continue
        programme = ctx.programme_for(view)
        orgs = view.of_class(ORG_CLASSES)
        to = next(
            (m for m in orgs if view.followed_by(m, r"\s*(?:\([^)]*\))?\s*(?:으로|로)\s*(?:이관|이양|옮겨)")), None
        )
        src = next((m for m in orgs if view.followed_by(m, r"\s*(?:\([^)]*\))?\s*에서")), None)
        if programme is None or to is None:
            continue
        roles = {"programme": programme.iri, "toOrganization": to.iri}
        if src is not None and src.iri != to.iri:
            roles["fromOrganization"] = src.iri
        facts.append(
            Fact(
                "TransferFact",
                f"transfer-{view.sentence.index}",
                view.sentence.index,
                roles,
                concepts={"modality": modality(view.text)},
                extractor="transfer",
            )
        )
    return facts


def role_facts(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for view in ctx.views:
        programme = ctx.programme_for(view)
        if programme is None:
            continue
        for org in view.of_class(ORG_CLASSES):
            start, end = view.local(org)
            role = (
                "runs"
                if _RUNS_BEFORE.search(view.text[:start])
                else next((r for r, p in _ROLE_PATTERNS if re.match(p, view.text[end:])), None)
            )
            if role:
                facts.append(
                    Fact(
                        "RoleFact",
                        f"role-{view.sentence.index}-{role}",
                        view.sentence.index,
                        {"programme": programme.iri, "organization": org.iri},
                        concepts={"role": role, "modality": modality(re.split(r"[,，]", view.text[end:])[0])},
                        extractor="role",
                    )
                )
    return facts


def post_facts(ctx: ArticleContext) -> list[Fact]:
    """One fact per person and post; a mention without the organisation that restates a post named with one
    adds nothing: '최형두 의원은' after '최형두 국민의힘 의원', a headline's '배경훈 부총리' beside
    '배경훈 부총리 겸 과학기술정보통신부 장관' (the short title is a word of the full one), or '젠슨 황 대표는' after
    '젠슨 황 엔비디아 최고경영자' (another name of the same post)."""
    facts = []
    with_org = [(p.person.iri, p.post) for p in ctx.entities.posts if p.organization]
    for n, post in enumerate(ctx.entities.posts):
        if post.organization is None and any(
            person == post.person.iri and (post.post in full.split() or _restates(post.post, full))
            for person, full in with_org
        ):
            continue
        roles = {"holder": post.person.iri}
        if post.organization:
            roles["organization"] = post.organization.iri
        facts.append(
            Fact(
                "PostHolding",
                f"post-{post.person.sentence}-{n}",
                post.person.sentence,
                roles,
                literals={"postTitle": post.post},
                concepts={"modality": "done"},
                extractor="post",
            )
        )
    return facts


def _restates(short: str, full: str) -> bool:
    """'대표' restates '최고경영자' (one post, other words); '전 장관' does not restate '장관' (a post held before)."""
    words, full_words = short.split(), full.split()
    return (words[0] in FORMER) == (full_words[0] in FORMER) and words[-1] in post_names(full_words[-1])


def _speaker(ctx: ArticleContext, view: SentenceView, quote_start: int, previous: Mention | None) -> Mention | None:
    before = [m for m in view.mentions if view.local(m)[1] <= quote_start]
    people = [m for m in before if m.cls == "Person"]
    if people:
        return people[0]
    if re.match(r"^\s*(?:이어\s*)?(?:그는|그녀는|이\s*관계자는|그\s*관계자는)", view.text) and previous is not None:
        return previous
    official = [m for m in before if m.cls in ORG_CLASSES and view.followed_by(m, r"\s*(?:측\s*)?관계자")]
    return official[0] if official else None


def quote_facts(ctx: ArticleContext) -> list[Fact]:
    facts, previous = [], None
    for view in ctx.views:
        quotes = list(_QUOTE.finditer(view.text))
        if not quotes or not _SPEECH.search(view.text[quotes[-1].end() :]):
            continue
        speaker = _speaker(ctx, view, quotes[0].start(), previous)
        if speaker is None:
            continue
        previous = speaker
        text = view.text[quotes[0].start() + 1 : quotes[-1].end() - 1]
        roles = {"speaker": speaker.iri}
        inside = [m for m in view.mentions if m.cls == "Programme" and view.local(m)[0] >= quotes[0].start()]
        if inside:
            roles["about"] = inside[0].iri
        facts.append(
            Fact(
                "Quote",
                f"quote-{view.sentence.index}",
                view.sentence.index,
                roles,
                literals={"text": text},
                concepts={"modality": "done"},
                extractor="quote",
            )
        )
    return facts


_ORGANIZER = r"\s*(?:\([^)]*\))?\s*(?:를\s*비롯한|을\s*비롯한|(?:가|이|등이)?\s*(?:공동\s*)?주최)"


def event_facts(ctx: ArticleContext) -> list[Fact]:
    """An event named in a sentence, with the people there and the organisations that host it."""
    facts = []
    for view in ctx.views:
        for event in (m for m in view.mentions if m.cls in ("Conference", "Event", "Briefing")):
            links = [(event.iri, "participant", m.iri) for m in view.mentions if m.cls == "Person"]
            if "주최" in view.text:
                links += [
                    (event.iri, "organizer", m.iri)
                    for m in view.of_class(ORG_CLASSES)
                    if view.followed_by(m, _ORGANIZER)
                ]
            facts.append(
                Fact(
                    "EventFact",
                    f"event-{view.sentence.index}-{event.start}",
                    view.sentence.index,
                    {"event": event.iri},
                    period=view.dates[0] if view.dates else None,
                    concepts={"modality": modality(view.text)},
                    extractor="event",
                    links=tuple(dict.fromkeys(links)),
                )
            )
    return facts


def law_facts(ctx: ArticleContext) -> list[Fact]:
    facts = []
    for view in ctx.views:
        for law in (m for m in view.mentions if m.cls == "Law"):
            action = next((a for a, p in _LAW_ACTIONS if re.search(p, view.text[view.local(law)[1] :])), None)
            if action is None:
                continue
            literals = {"lawAction": action}
            purpose = _LAW_PURPOSE.search(view.text)
            if purpose:
                literals["purpose"] = purpose["purpose"].strip()
            facts.append(
                Fact(
                    "LawFact",
                    f"law-{view.sentence.index}-{law.start}",
                    view.sentence.index,
                    {"law": law.iri},
                    literals=literals,
                    concepts={"modality": modality(view.text)},
                    extractor="law",
                )
            )
    return facts
