"""Entities in the body: registry names and aliases over Kiwi token windows, quoted and suffixed names of
programmes, laws and events, and people by the titles they carry (ingest/people.py). Each mention resolves to a
stable IRI: a registry IRI when the registry knows the name, else one derived from the canonical name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import takewhile

from policykg.ingest.models import Mention, PostMention
from policykg.ingest.people import coreferent_people, foreign_people, post_mentions, titled_people
from policykg.korean.sentences import Token, analyse
from policykg.korean.spans import Sentence, sentence_at
from policykg.korean.words import (
    FACILITY_HEADS,
    GENERIC_BODIES,
    NAME_LEADERS,
    TECH_TERMS,
    TITLE_PATTERN,
    TITLES,
    org_head,
    plausible_name,
)
from policykg.ontology.iris import mint_iri
from policykg.ontology.registry import RegistryEntry, name_key, registry

MAX_WINDOW = 8
_NAME_TAGS = {"NNP", "NNG", "SL", "SN", "SH", "XPN", "XSN", "SP", "SO"}
_QUOTED = re.compile(r"['‘\"“「『]([^'’\"”」』]{2,50})['’\"”」』]")
_PROGRAMME_SUFFIX = re.compile(r"\s*(사업|프로젝트|펀드|지원사업)")
_PROGRAMME_WORDS = ("사업", "프로젝트", "펀드", "챌린지", "바우처", "플랫폼")
_EVENT_WORDS = (
    "인사회",
    "포럼",
    "컨퍼런스",
    "콘퍼런스",
    "간담회",
    "설명회",
    "박람회",
    "엑스포",
    "토론회",
    "세미나",
    "대회",
    "회의",
)
# One-word law names ('조세특례제한법'); names with spaces are found through the registry.
_LAW = re.compile(
    r"(?<![가-힣A-Za-z])([가-힣A-Za-z]{1,30}(?:기본법|특별법|진흥법|제한법|보호법|사업법|관리법|촉진법|육성법|혁신법))(?![가-힣])"
)
_KIND = {
    "Person": "person",
    "Programme": "programme",
    "Law": "law",
    "Event": "event",
    "Conference": "event",
    "Place": "place",
    "Policy": "policy",
}


def _resolved(text: str, start: int, end: int, sentence: int, cls: str, name: str, via: str) -> Mention:
    entry = registry().resolve(name)
    if entry is not None:
        return Mention(
            text, start, end, str(entry.iri), str(entry.cls).rsplit("#", 1)[1], entry.name, sentence, "registry"
        )
    return Mention(text, start, end, mint_iri(_KIND.get(cls, "org"), name), cls, name, sentence, via)


_JOSA_OR_BREAK = ("J", "X", "E", "V", "SS", "SW", "SP", "SF", "SE", "SO", "NNB", "VC")


def known_names(body: str, tokens: list[Token]) -> list[tuple[int, int, RegistryEntry]]:
    """Longest registry names over windows of consecutive name-like tokens, as (start, end, entry). A window
    grows only while its text is a prefix of some registry name, so most tokens cost one dictionary look-up."""
    found: list[tuple[int, int, RegistryEntry]] = []
    reg = registry()
    i = 0
    while i < len(tokens):
        match = None
        for j in range(i, min(len(tokens), i + MAX_WINDOW)):
            if tokens[j].tag not in _NAME_TAGS:
                break
            key = name_key(body[tokens[i].start : tokens[j].end])
            if not reg.is_prefix(key):
                break
            entry = reg.resolve_key(key)
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            # A name ends where a particle, punctuation or the text does, not inside a longer word.
            if entry is not None and (
                after is None or after.start > tokens[j].end or after.tag.startswith(_JOSA_OR_BREAK)
            ):
                match = (j, entry)
        if match:
            j, entry = match
            found.append((tokens[i].start, tokens[j].end, entry))
            i = j + 1
        else:
            i += 1
    return found


def registry_mentions(body: str, sentences: list[Sentence], tokens: list[Token]) -> list[Mention]:
    """The registry names of `body` (known_names) as mentions of their sentences."""
    found: list[Mention] = []
    for start, end, entry in known_names(body, tokens):
        sentence = sentence_at(sentences, start)
        if sentence is None:
            continue
        found.append(
            Mention(
                body[start:end],
                start,
                end,
                str(entry.iri),
                str(entry.cls).rsplit("#", 1)[1],
                entry.name,
                sentence,
                # '정부는' alone is the government in general ('우리 정부' is one body): a fact may name it
                # (the state pays, says), but it is no organisation the article mentions.
                "generic" if body[start:end] in GENERIC_BODIES else "registry",
            )
        )
    return found


_REGION_CLASSES = ("LocalGovernment", "Place")
# Words around a known programme's name that do not make it another programme ('최근 국가AI컴퓨팅센터 사업').
_GENERIC_PROGRAMME_WORDS = {
    "사업",
    "지원",
    "지원사업",
    "개발",
    "개발사업",
    "프로젝트",
    "추진",
    "본",
    "신규",
    "해당",
    "관련",
    "올해",
    "내년",
    "지난해",
    "최근",
    "이번",
    "현재",
    "향후",
    "당시",
    "전체",
    "총",
    "정부",
}
PROGRAMME_HEADS = ("사업", "프로젝트", "펀드", "챌린지", "바우처")
_COMPANY_MARK = re.compile(
    r"(?:㈜|\(주\)|주식회사)\s?([가-힣A-Za-z0-9]{2,20})|([가-힣A-Za-z0-9]{2,20})\s?(?:㈜|\(주\))"
)


def _runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs of consecutive, touching or space-separated name-like tokens, as (first, last) indices."""
    runs, first = [], None
    for i, t in enumerate(tokens):
        name_like = t.tag in ("NNP", "NNG", "SL", "SH", "SN", "XSN", "XPN")  # XPN: 초(거대), 비(대면)
        joined = first is not None and t.start - tokens[i - 1].end <= 1
        if name_like and (first is None or joined):
            first = i if first is None else first
            continue
        if first is not None:
            runs.append((first, i - 1))
        first = i if name_like else None
    if first is not None:
        runs.append((first, len(tokens) - 1))
    return runs


def _names_a_programme(head: str, modifiers: list[Token]) -> bool:
    """'글로벌 AI 챌린지' names one; 'AI 모델 개발 프로젝트' only describes: 사업 and 프로젝트 need a proper
    noun or a long specific name ('인공지능 집적단지 2단계 사업')."""
    if head.endswith(("사업", "프로젝트")):
        return any(t.tag == "NNP" for t in modifiers) or len(modifiers) >= 4
    return any(t.tag in ("NNP", "SL") for t in modifiers)


def _only_actions(body: str, after: list[Token]) -> bool:
    """Common nouns after an organisation's head that name no programme and no post ('심의', '주관', '설립')."""
    words = [body[t.start : t.end] for t in after]
    return all(t.tag == "NNG" for t in after) and not any(w.endswith((*PROGRAMME_HEADS, *TITLES)) for w in words)


# A title right after an organisation's name, or after its abbreviation in parentheses: the name before it is a
# person's ('홍길동 가상진흥원(KVA) 원장').
_TITLE_AFTER = re.compile(r"\s*(?:\([^)]{1,15}\)\s*)?(?:" + TITLE_PATTERN + r")")


def _after_person(body: str, tokens: list[Token], first: int, last: int) -> int:
    """Where an organisation's name starts once a person's name before it is left out: a proper noun shaped like a
    Korean name, one space before the rest, that the registry does not know and that names no place ('서울시 AI
    위원회' keeps 서울시)."""
    word = body[tokens[first].start : tokens[first].end]
    person = (
        first < last
        and tokens[first].tag == "NNP"
        and body[tokens[first].end] == " "
        and plausible_name(word)
        and not word.endswith(("시", "도", "군", "구"))
        and registry().resolve(word) is None
    )
    return first + 1 if person else first


_LEGAL_FORM = re.compile(r"(?:재단|사단|학교|사회복지)\s?법인\s*")


def suffix_mentions(body: str, sentences: list[Sentence], tokens: list[Token]) -> list[Mention]:
    """Names the registry does not know, by their heads: '…협회', '…진흥원', '…위원회' are organisations;
    '…사업', '…프로젝트', '…챌린지' with a qualifying name before them are programmes; ㈜ marks a company."""
    found = []
    for first, last in _runs(tokens):
        while first < last:  # '해당 컨소시엄', '재단법인 …': no part of the name
            if body[tokens[first].start : tokens[first].end] in NAME_LEADERS:
                first += 1
            elif first + 1 < last and _LEGAL_FORM.fullmatch(body[tokens[first].start : tokens[first + 1].end]):
                first += 2
            else:
                break
        # '대검찰청 형사부장', '…은행장': the name ends at its last organisation head, before the post.
        proper = any(t.tag == "NNP" for t in tokens[first : last + 1])
        org_last = next(
            (
                k
                for k in range(last, first - 1, -1)
                if org_head(body[tokens[k].start : tokens[k].end], proper or tokens[first].tag == "SL")
            ),
            None,
        )
        if org_last is not None and org_last < last:
            rest = body[tokens[org_last].start : tokens[last].end].replace(" ", "")  # '은행'+'장': '은행장'
            if _only_actions(body, tokens[org_last + 1 : last + 1]):
                last = org_last  # '… 총괄위원회 심의': what the body does is no part of its name
            elif any(rest.endswith(t) for t in TITLES):
                last = org_last
                first = _after_person(body, tokens, first, last)  # '이진수 대검찰청 형사부장'
        head = body[tokens[last].start : tokens[last].end]
        end = tokens[last].end
        glued_post = body[tokens[first].start : end].endswith("장") and not org_head(
            body[tokens[first].start : end], proper
        )
        if glued_post and org_head(body[tokens[first].start : end - 1].replace(" ", ""), proper):
            end -= 1  # '…은행장': the bank, and its head's post
        if end < tokens[last].end or _TITLE_AFTER.match(body, end):
            first = _after_person(body, tokens, first, last)  # '홍길동 가상진흥원장', '홍길동 가상진흥원(KVA) 원장'
        start = tokens[first].start
        text = body[start:end]
        sentence = sentence_at(sentences, start)
        if sentence is None or text in GENERIC_BODIES or len(text) < 3:
            continue
        org_cls = org_head(text.replace(" ", ""), proper or (last > first and tokens[first].tag == "SL"))
        # One proper noun is a name by itself ('삼성물산', '기업은행'); common nouns need a word before the head.
        named = last > first or (tokens[last].tag == "NNP" and len(head) >= 4)
        facility = text.replace(" ", "").endswith(FACILITY_HEADS) and not proper
        if org_cls and named and not facility and len(text) >= 4:
            found.append(_resolved(text, start, end, sentence, org_cls, text, "suffix"))
        else:
            # '… 실증 지원 사업 예산으로': the name ends at its last programme head, not at the run's end.
            last = next(
                (k for k in range(last, first, -1) if body[tokens[k].start : tokens[k].end].endswith(PROGRAMME_HEADS)),
                first,
            )
            head, end = body[tokens[last].start : tokens[last].end], tokens[last].end
            if last > first and _names_a_programme(head, tokens[first:last]):
                found.append(_resolved(body[start:end], start, end, sentence, "Programme", body[start:end], "suffix"))
    for m in _COMPANY_MARK.finditer(body):
        name = m.group(1) or m.group(2)
        sentence = sentence_at(sentences, m.start())
        if sentence is not None:
            found.append(_resolved(m.group(), m.start(), m.end(), sentence, "Company", name, "company mark"))
    return found


# Words joined by a middle dot ('네이버클라우드·삼성물산·클러쉬'): the members of a list.
_LIST_ITEM = r"[가-힣A-Za-z0-9&]+"
_LIST = re.compile(rf"(?<![가-힣A-Za-z0-9&]){_LIST_ITEM}(?:[·ㆍ・]{_LIST_ITEM})+")


def listed_organisations(
    body: str, sentences: list[Sentence], tokens: list[Token], mentions: list[Mention]
) -> list[Mention]:
    """A proper noun listed among two or more known organisations is one too: '삼성물산·클러쉬·KT·전라남도'
    names the members of a consortium. Regions do not count ('광주·전남·전북' lists places)."""
    found = []
    for listed in _LIST.finditer(body):
        items = [(listed.start() + i.start(), listed.start() + i.end()) for i in re.finditer(_LIST_ITEM, listed[0])]
        known = [next((m for m in mentions if m.start < end and start < m.end), None) for start, end in items]
        if sum(m is not None and m.cls not in (*_KIND, *_REGION_CLASSES) and m.named for m in known) < 2:
            continue
        for (start, end), mention in zip(items, known, strict=True):
            words = [t for t in tokens if start <= t.start < end]
            name = list(takewhile(lambda t: t.tag in ("NNP", "SL", "SN"), words))
            sentence = sentence_at(sentences, start)
            text = body[start : name[-1].end] if name else ""
            if (
                mention is None
                and name
                and name[0].tag in ("NNP", "SL")
                and sentence is not None
                and text not in TECH_TERMS
            ):
                found.append(_resolved(text, start, name[-1].end, sentence, "Organization", text, "list"))
    return found


def quoted_mentions(body: str, sentences: list[Sentence]) -> list[Mention]:
    """'AI 기반 분야 오픈소스 생태계 조성' 사업, ‘…신년인사회’, 'AI 혁신펀드': names in quotes."""
    found = []
    for m in _QUOTED.finditer(body):
        inner = m.group(1).strip()
        sentence = sentence_at(sentences, m.start())
        if sentence is None or len(inner) > 40 or inner.endswith(("다", "다.")):
            continue
        suffix = _PROGRAMME_SUFFIX.match(body, m.end())
        if suffix and not inner.endswith(_PROGRAMME_WORDS):
            name, end = f"{inner} {suffix.group(1)}", suffix.end()
            found.append(_resolved(body[m.start() : end], m.start(), end, sentence, "Programme", name, "quoted"))
        elif inner.endswith(_PROGRAMME_WORDS):
            found.append(_resolved(m.group(), m.start(), m.end(), sentence, "Programme", inner, "quoted"))
        elif inner.endswith(_EVENT_WORDS):
            found.append(_resolved(m.group(), m.start(), m.end(), sentence, "Conference", inner, "quoted"))
    return found


def law_mentions(body: str, sentences: list[Sentence]) -> list[Mention]:
    found = []
    for m in _LAW.finditer(body):
        name = m.group(1).strip()
        sentence = sentence_at(sentences, m.start(1))
        if sentence is not None and len(name) >= 4:
            found.append(_resolved(name, m.start(1), m.start(1) + len(name), sentence, "Law", name, "suffix"))
    return found


@dataclass(frozen=True)
class Entities:
    mentions: list[Mention]  # every mention, in body order
    posts: list[PostMention]

    def in_sentence(self, index: int) -> list[Mention]:
        return list(self._by_sentence.get(index, ()))

    @cached_property
    def _by_sentence(self) -> dict[int, list[Mention]]:
        # Built once: scanning every mention for every sentence made long articles quadratic.
        index: dict[int, list[Mention]] = {}
        for m in self.mentions:
            index.setdefault(m.sentence, []).append(m)
        return index


def _part_of_programme_name(programme: Mention, inner: Mention) -> bool:
    """'충북 AI 반도체 실증 지원 사업': a region inside a programme's name is part of it; so is a known programme
    when the name adds specific words ('서울 AI 바우처 육성 사업' is not 'AI 바우처 지원사업')."""
    if not (programme.start <= inner.start and inner.end <= programme.end):
        return False
    if inner.cls in _REGION_CLASSES:
        return True
    if inner.cls != "Programme" or (inner.start, inner.end) == (programme.start, programme.end):
        return False
    rest = programme.text[: inner.start - programme.start] + " " + programme.text[inner.end - programme.start :]
    return any(word not in _GENERIC_PROGRAMME_WORDS for word in rest.split())


def extract_entities(body: str, sentences: list[Sentence], tokens: list[Token] | None = None) -> Entities:
    tokens = tokens if tokens is not None else analyse(body)[1]
    mentions = registry_mentions(body, sentences, tokens)
    for extra in suffix_mentions(body, sentences, tokens):
        inside = [m for m in mentions if extra.start < m.end and m.start < extra.end]
        if extra.cls == "Programme" and inside and all(_part_of_programme_name(extra, m) for m in inside):
            mentions = [m for m in mentions if m not in inside]
            inside = []
        if not inside:
            mentions.append(extra)
    mentions += listed_organisations(body, sentences, tokens, mentions)
    for extra in (*quoted_mentions(body, sentences), *law_mentions(body, sentences)):
        if (
            not any(extra.start < m.end and m.start < extra.end for m in mentions if m.cls != "Programme")
            or extra.cls == "Programme"
        ):
            mentions = [m for m in mentions if not (m.start >= extra.start and m.end <= extra.end)] + [extra]
    posts = post_mentions(body, sentences, mentions, tokens)
    posts += titled_people(body, sentences, mentions, tokens, posts)
    posts += foreign_people(body, sentences, mentions, tokens, posts)
    posts.sort(key=lambda p: p.start)
    people = [p.person for p in posts] + coreferent_people(body, sentences, posts)
    mentions += [p for p in people if not any(p.start < m.end and m.start < p.end for m in mentions)]
    mentions.sort(key=lambda m: (m.start, -m.end))
    return Entities(mentions, posts)
