"""People named with their posts: 'NAME [ORGANISATION] TITLE' ('김유원 네이버클라우드 대표'), appointments and
'TITLE(NAME)' where the title comes first, and later short references ('배 부총리') to someone named before."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

from policykg.ingest.models import Mention, PostMention
from policykg.korean.sentences import Token, common_noun, proper_noun
from policykg.korean.spans import Sentence, sentence_at
from policykg.korean.words import CURRENT, FORMER, PRESS_TITLES, TITLE_PATTERN, TITLES, WORD_END, plausible_name
from policykg.ontology.iris import mint_iri
from policykg.ontology.registry import registry
from policykg.ontology.vocab import PKG

# NAME [(AGE or HANJA)] [ORGANISATION …] TITLE, the name followed by a space, by '/' (a broadcast's speaker tag:
# '[홍길동/가상부 대변인 : …]') or by the post in parentheses ('홍길동(가상전자 대표)'), the title closed by a particle
# or the end of the word ('의장도', '대표께서'). A city's name glued to 장 is its mayor ('가상시장'), a province's glued
# to 지사 its governor ('강원지사'), kept when the registry knows the place (post_mentions: '반도체시장' is a market,
# '한국지사' a branch).
_TITLE_OR_MAYOR = TITLE_PATTERN + r"|(?<=시)장|(?<=[가-힣])지사(?!장)"
_NAME_THEN = r"(?<![가-힣A-Za-z])(?P<name>[가-힣]{2,4})(?:\s*\([^()\s]{1,12}\))?(?:\s+|\s*/\s*|\s*\()"
# Marks that end a name-post phrase: none is in the words between a name and its title, nor in a title.
_BREAKS = "\"“”'‘’.,/"
_PERSON_POST = re.compile(
    _NAME_THEN + r"(?P<middle>(?:[^\s" + _BREAKS + r"]{1,25}\s?(?:\([A-Za-z]{2,10}\)\s?)?){0,4}?)"
    r"(?P<title>(?:(?:"
    + TITLE_PATTERN
    + r")\s*겸\s*)?(?:[가-힣A-Za-z·]{0,20}\s?)?(?:"
    + _TITLE_OR_MAYOR
    + r"))(?:\s*\([A-Za-z]{2,5}\))?"
    + WORD_END
)
_SHORT_REF = re.compile(r"(?<![가-힣])(?P<surname>[가-힣])\s+(?P<title>" + TITLE_PATTERN + r")" + WORD_END)
# Words between a name and a title that say where the person works although no organisation was found there: Latin
# letters ('LG AI연구원'), a university's short name ending the words ('한빛대'), a department, an association.
_AFFILIATION = re.compile(r"[A-Za-z]|대$|대학교|대학원|학부|학과|협회|기업|그룹|연구원$")
_STATUS = re.compile(rf"^(?:{'|'.join(FORMER + CURRENT)})\s+")


_TITLE_WORD = re.compile(_TITLE_OR_MAYOR)
# As far as what follows a name in _NAME_THEN can reach, whichever separator the match takes ('/' is one of them).
_SEPARATOR_REACH = re.compile(r"\s*(?:\([^()\s]{1,12}\))?\s*/?\s*\(?")
_BREAK = re.compile(f"[{_BREAKS}]")
_WORD_START = re.compile(r"(?<![가-힣A-Za-z])[가-힣]{2,4}(?=\s|/|\()")
_NOT_NAME_TAGS = ("E", "J")  # a particle or an ending inside: '예산은', '예상됐던' are no names


def _noun_span(tokens: list[Token], start: int, end: int, body: str = "") -> bool:
    """A name has no particle or ending inside ('예산은', '예상됐던'), and is no common noun Kiwi knows
    ('전문가', '부처', '도시계획'). Kiwi may read a rare name as a noun and a verb ('최형' + '두다'), or in a sentence
    as a determiner, a noun and an ending ('이' + '소' + '라') although alone it reads it as one proper noun."""
    inside = [t for t in tokens if start <= t.start < end]
    # An adverb opening the span is no surname ('이어 홍길동 …'); after one it may be the given name ('김' + '한결').
    adverb = bool(inside) and inside[0].tag.startswith("MA")
    if adverb or any(_inner_ending(before, t, end) for before, t in zip([None, *inside], inside, strict=False)):
        return bool(body) and proper_noun(body[start:end])
    return not body or not common_noun(body[start:end])


def _inner_ending(before: Token | None, token: Token, end: int) -> bool:
    """A particle or an ending inside a name span, but not a final consonant Kiwi split off the name's last
    syllable ('김수민' read as '김수미' + 'ㄴ', the short topic particle, where the word ends)."""
    split_off = before is not None and before.tag == "NNP" and token.start < before.end and token.end == end
    return token.tag.startswith(_NOT_NAME_TAGS) and not split_off


def _affiliated(body: str, tokens: list[Token], start: int, end: int) -> bool:
    """Whether the words body[start:end] between a name and its title say where the person works: see _AFFILIATION,
    or a word opened by a proper noun and ending in 대 among them ('현 한빛대 컴퓨터 공학부 교수': a university, then
    a department)."""
    middle = _STATUS.sub("", body[start:end].strip())
    if not middle or _AFFILIATION.search(middle):
        return True
    words = [w for w in re.finditer(r"\S+", body[start:end]) if len(w[0]) >= 3 and w[0].endswith("대")]
    return any(t.start == start + w.start() and t.tag == "NNP" for w in words for t in tokens)


def _known_place(title: str) -> bool:
    """False for a title read as a mayor ('…시장') or a governor ('…지사') whose city or province the registry does
    not know as a local government ('강원지사': 강원도)."""
    if title in TITLES or not title.endswith(("시장", "지사")) or title.endswith(TITLES):
        return True
    stem = title[:-1] if title.endswith("시장") else title[:-2]
    place = registry().resolve(stem) or registry().resolve(f"{stem}도")
    return place is not None and place.cls == PKG.LocalGovernment


def _post(body: str, m: re.Match[str], org: Mention | None) -> str:
    """The post as written: after the organisation, unless the organisation is part of it ('부총리 겸 …부 장관'),
    the whole word when the title is glued to the organisation ('…은행장'); '전' kept wherever it stood ('홍길동 전
    가상부 장관' held '전 장관'), '현' dropped."""
    after_org = org is not None and "겸" not in body[m.start("title") : org.start]
    post = body[org.end if org and after_org else m.start("title") : m.end("title")]
    if org is not None and after_org and org.end < m.end("title") and re.match(r"[가-힣]", body[org.end]):
        post = body[body.rfind(" ", 0, org.end) + 1 : m.end("title")]
    # '…진흥원(NIPA) 원장': the abbreviation after the organisation is no part of the post
    post = _STATUS.sub("", re.sub(r"^[\s)]*(?:\([^)]{1,15}\))?\s*", "", post).strip())
    first = (m["middle"].split() or m["title"].split())[0]
    return f"전 {post}" if post and first in FORMER else post


def post_mentions(body: str, sentences: list[Sentence], orgs: list[Mention], tokens: list[Token]) -> list[PostMention]:
    """People named with their post: NAME [ORGANISATION] TITLE ('김유원 네이버클라우드 대표'), or ORGANISATION
    NAME TITLE ('가상부 홍길동 장관')."""
    posts: list[PostMention] = []
    resume = 0
    known = [o for o in orgs if o.cls != "Programme"]
    morphemes = _Morphemes.of(body, tokens)
    # Only words up to ~60 characters before a title can start a name-post phrase: try those alone.
    titles = [t.span() for t in _TITLE_WORD.finditer(body)]
    starts, ends = [start for start, _ in titles], [end for _, end in titles]
    for candidate in _WORD_START.finditer(body):
        at = bisect_right(starts, candidate.start())
        if candidate.start() < resume or at == len(titles) or starts[at] - candidate.start() > 60:
            continue
        if not _title_before_break(body, candidate.end(), starts, ends):
            continue
        m = _PERSON_POST.match(body, candidate.start())
        # Kiwi may read a rare name as noun + verb ('최형두' → '최형' + '두다'), so only particles and
        # endings disqualify a name; a name the registry knows is an organisation's ('국토부 홍길동 장관'); two
        # syllables followed by another proper noun are a foreign given name ('마크 저커버그 메타 CEO').
        if (
            not m
            or not plausible_name(m["name"])
            or not _noun_span(tokens, m.start("name"), m.end("name"), body)
            or any(o.start < m.end("name") and m.start("name") < o.end for o in known if o.via == "registry")
            or (len(m["name"]) == 2 and morphemes.proper_runs(m.start("name"), known))
        ):
            continue
        sentence = sentence_at(sentences, m.start())
        org = next((o for o in known if m.start("middle") <= o.start < m.end("title")), None)
        if sentence is None or (org is None and not _affiliated(body, tokens, m.start("middle"), m.end("middle"))):
            continue  # words between a name and a title that are no organisation: not a person-post phrase
        post = _post(body, m, org)
        # An empty post: the 'title' was the end of the organisation's own name ('…연구원은'), no post named.
        if not post or post.split()[-1] in PRESS_TITLES or not _known_place(post.split()[-1]):
            continue
        if org is None and post in TITLES and _APPOINTMENT_BEFORE.search(body, max(0, m.start() - 40), m.start()):
            continue  # titled_people reads the post appointed to
        # '가상부 홍길동 장관': the organisation right before the name
        org = org or next((o for o in known if o.end <= m.start() and body[o.end : m.start()] in ("", " ")), None)
        for start, end in [*_listed_before(body, tokens, m.start("name")), m.span("name")]:
            person = _person(body[start:end], start, sentence)
            posts.append(PostMention(person, post, org, min(start, org.start if org else start), m.end()))
        resume = m.end()
    return posts


def _person(name: str, start: int, sentence: int) -> Mention:
    """The person `name` named at `start` with a title."""
    return Mention(name, start, start + len(name), mint_iri("person", name), "Person", name, sentence, "person-title")


_LISTED_NAME = re.compile(r"(?<![가-힣A-Za-z])([가-힣]{2,4})[·ㆍ]$")


def _listed_before(body: str, tokens: list[Token], start: int) -> list[tuple[int, int]]:
    """The names listed with '·' right before a post holder's name, who share the post ('홍길동·김하늘 공동대표')."""
    spans: list[tuple[int, int]] = []
    while (m := _LISTED_NAME.search(body, max(0, start - 5), start)) and plausible_name(m[1]):
        if not _noun_span(tokens, m.start(1), m.end(1), body):
            break
        spans.insert(0, m.span(1))
        start = m.start(1)
    return spans


def _title_before_break(body: str, name_end: int, starts: list[int], ends: list[int]) -> bool:
    """Whether _PERSON_POST can match a name ending at `name_end`: a title (one of _TITLE_WORD's matches, `starts`
    and `ends`) must reach past the name before the first of _BREAKS after its separator. Matching _PERSON_POST
    where it cannot match tries every split of the words after the name into four and was most of post_mentions'
    time; this look-up skips those places. The first match ending after the name counts: it may hold the title
    the phrase ends with ('부총리 겸 … 장관' holds '장관')."""
    stop = _BREAK.search(body, _SEPARATOR_REACH.match(body, name_end).end())  # type: ignore[union-attr]
    first = bisect_right(ends, name_end)
    return first < len(starts) and (stop is None or starts[first] < stop.start())


# 'ORGANISATION TITLE에 NAME' (an appointment: '…부 2차관에 홍길동', '…정책기획관에는 홍길동 국장이': the whole word
# is the post), 'TITLE(NAME)' ('분과장(홍길동)').
_APPOINTED_TO = r"(?:에|으로|로)는?\s+(?:신임\s+)?"
_APPOINTED = re.compile(
    r"(?<![가-힣A-Za-z·])(?P<title>[가-힣A-Za-z·]{0,20}?(?:"
    + TITLE_PATTERN
    + r"))"
    + _APPOINTED_TO
    + r"(?P<name>[가-힣]{2,4})(?=\s|[은는이가을를의와과,]|$)"
)
# The bare title after an appointed name is the rank the person is addressed by ('…기획관에는 홍길동 국장이'), no post.
_APPOINTMENT_BEFORE = re.compile(r"(?:" + TITLE_PATTERN + r")" + _APPOINTED_TO + r"$")
_TITLE_NAME = re.compile(r"(?P<title>" + TITLE_PATTERN + r")\s*\((?P<name>[가-힣]{2,4})\)")
# ORGANISATION TITLE NAME: the title right after the organisation, then the name ('가상부 장관 홍길동은').
_TITLE_FIRST = re.compile(r"\s?(?P<title>" + TITLE_PATTERN + r")(?:\s*\([A-Za-z]{2,5}\))?\s+")
# FOREIGN NAME [ONE OR TWO WORDS] TITLE ('젠슨 황 엔비디아 최고경영자의', '마크 저커버그 CEO는', '… 가나 디지털 CEO가').
_FOREIGN_TAIL = re.compile(
    r"\s+(?P<org>(?:[^\s\"“”'‘’.,]{2,25}\s+){0,2}?)(?P<title>" + TITLE_PATTERN + r")(?:\s*\([A-Za-z]{2,5}\))?"
)
# A company's division named before the title is part of the post ('디지털 서비스부문 사장').
_DIVISION = re.compile(r"(?:부문|본부|사업부)$")
# Particles that close a name standing as subject, topic, object, owner or companion ('젠슨 황은', '홍길동과'); not
# those of place or direction ('장관 서울에서': a city). Known by their text glued to the name: Kiwi's tag for them
# after a rare name is unreliable ('황은' read as the noun silver, '…과 만났다' as an adverbial particle).
_CLOSING = frozenset({"은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "만", "께서", "에게", "께"})
# Tags before a word that continue a noun phrase, so proper nouns after them open no name.
_NOUN_PHRASE_TAGS = ("N", "SL", "SN", "SH", "X", "MM")


@dataclass(frozen=True)
class _Morphemes:
    """The body's morphemes, indexed by where they start, and where a particle closing a name starts."""

    body: str
    tokens: list[Token]
    starts: list[int]
    closing: set[int]

    @classmethod
    def of(cls, body: str, tokens: list[Token]) -> _Morphemes:
        closing = {
            t.start
            for before, t in pairwise(tokens)
            if before.end == t.start and body[t.start : t.end] in _CLOSING and not t.tag.startswith(("V", "E"))
        }
        return cls(body, tokens, [t.start for t in tokens], closing)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The morphemes from `start` up to `end`."""
        return self.tokens[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def proper_runs(self, start: int, orgs: list[Mention]) -> list[int]:
        """The ends of two and of three proper nouns in Hangul from `start`, one space apart, none an organisation's
        name and together no common noun: a foreign name as Korean writes it ('젠슨 황', '일론 머스크')."""
        at = bisect_left(self.starts, start)
        run: list[Token] = []
        for t in self.tokens[at : at + 3]:
            joined = not run or (t.start == run[-1].end + 1 and self.body[run[-1].end] == " ")
            if t.tag != "NNP" or not joined or not re.fullmatch(r"[가-힣]+", self.body[t.start : t.end]):
                break
            if any(o.start < t.end and t.start < o.end for o in orgs):
                break
            run.append(t)
        return [t.end for t in run[1:] if not common_noun(self.body[start : t.end])]

    def closed_name(self, start: int) -> int | None:
        """The end of the name from `start` when a particle closes it: a Korean name ('홍길동은') or a foreign one."""
        for end in range(start + 4, start + 1, -1):
            name = self.body[start:end]
            if end in self.closing and plausible_name(name) and _noun_span(self.tokens, start, end, self.body):
                return end
        return next((end for end in self.proper_runs(start, []) if end in self.closing), None)


def titled_people(
    body: str, sentences: list[Sentence], orgs: list[Mention], tokens: list[Token], known: list[PostMention]
) -> list[PostMention]:
    """People whose title comes first: appointments ('…부 2차관에 홍길동'), 'TITLE(NAME)' and 'ORGANISATION TITLE
    NAME' ('엔비디아 CEO 젠슨 황은')."""
    found = []
    for pattern in (_APPOINTED, _TITLE_NAME):
        for m in pattern.finditer(body):
            name = m["name"]
            if not plausible_name(name) or not _noun_span(tokens, m.start("name"), m.end("name"), body):
                continue
            org = next((o for o in orgs if 0 <= m.start("title") - o.end <= 1 and o.cls != "Programme"), None)
            found += _post_mention(sentences, m["title"], org, m.start("name"), m.end("name"), m.start(), known, body)
    morphemes = _Morphemes.of(body, tokens)
    for org in (o for o in orgs if o.cls != "Programme"):
        after = _TITLE_FIRST.match(body, org.end)
        end = morphemes.closed_name(after.end()) if after else None
        if after and end is not None:
            found += _post_mention(sentences, after["title"], org, after.end(), end, org.start, known, body)
    return found


def foreign_people(
    body: str, sentences: list[Sentence], orgs: list[Mention], tokens: list[Token], known: list[PostMention]
) -> list[PostMention]:
    """Foreign names before their title: two or three proper nouns opening a noun phrase, then the organisation (a
    known one or one proper noun) or not, then a title closed by a particle or a comma ('젠슨 황 엔비디아
    최고경영자의', '일론 머스크 테슬라 CEO는'); the shorter name wins. A first word that reads as a Korean full name
    ('홍길동 가나 대표') is left to post_mentions."""
    found = []
    morphemes = _Morphemes.of(body, tokens)
    for before, token in zip([None, *tokens], tokens, strict=False):
        first = body[token.start : token.end]
        if token.tag != "NNP" or (len(first) >= 3 and plausible_name(first)):
            continue
        if before is not None and (before.end == token.start or before.tag.startswith(_NOUN_PHRASE_TAGS)):
            continue
        for end in morphemes.proper_runs(token.start, orgs):
            m = _FOREIGN_TAIL.match(body, end)
            if m is None or not (m.end() in morphemes.closing or body[m.end() : m.end() + 1] == ","):
                continue
            between = _foreign_between(m, orgs, morphemes)
            if between is None:
                continue  # words before the title that name no organisation
            org, post = between
            found += _post_mention(sentences, post, org, token.start, end, token.start, known, body)
            break
    return found


def _foreign_between(m: re.Match[str], orgs: list[Mention], morphemes: _Morphemes) -> tuple[Mention | None, str] | None:
    """The organisation and the post a foreign name's tail names, or None when the words between the name and the
    title are no organisation: nothing; a known organisation; a division ('디지털 서비스부문 사장', nouns only); or
    an organisation the registry does not know, one proper noun ('가나') and at most one common noun after it
    ('가나 디지털'; a second proper noun may be the name's last part)."""
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", m["org"])]
    if not words:
        return None, m["title"]
    span = (m.start("org") + words[0][0], m.start("org") + words[-1][1])
    known = next((o for o in orgs if (o.start, o.end) == span), None)
    if known is not None:
        return known, m["title"]
    tokens = [morphemes.tokens_in(m.start("org") + a, m.start("org") + b) for a, b in words]
    if _DIVISION.search(m["org"].rstrip()) and all(t.tag.startswith(("N", "SL", "SN")) for w in tokens for t in w):
        inside = next((o for o in orgs if span[0] <= o.start and o.end <= span[1]), None)
        return inside, f"{m['org'].split()[-1]} {m['title']}"
    first_proper = len(tokens[0]) == 1 and tokens[0][0].tag in ("NNP", "SL")
    second_common = len(tokens) == 1 or all(t.tag in ("NNG", "SL") for t in tokens[1])
    return (None, m["title"]) if first_proper and second_common else None


def _post_mention(
    sentences: list[Sentence],
    title: str,
    org: Mention | None,
    start: int,
    end: int,
    phrase_start: int,
    known: list[PostMention],
    body: str,
) -> list[PostMention]:
    """The person body[start:end] holding `title`, unless already found there with it, outside every sentence or a
    reporter."""
    sentence = sentence_at(sentences, start)
    if sentence is None or title in PRESS_TITLES or any(p.person.start == start and p.post == title for p in known):
        return []
    person = _person(body[start:end].strip(), start, sentence)
    return [PostMention(person, title, org, min(phrase_start, org.start if org else phrase_start), end)]


def coreferent_people(body: str, sentences: list[Sentence], posts: list[PostMention]) -> list[Mention]:
    """'배 부총리' after '배경훈 부총리 …' is 배경훈: surname plus a title he was named with earlier."""
    found = []
    for m in _SHORT_REF.finditer(body):
        earlier = [
            p for p in posts if p.start < m.start() and p.person.name.startswith(m["surname"]) and m["title"] in p.post
        ]
        sentence = sentence_at(sentences, m.start())
        if earlier and sentence is not None:
            person = earlier[-1].person
            found.append(
                Mention(
                    body[m.start() : m.end()],
                    m.start(),
                    m.end(),
                    person.iri,
                    "Person",
                    person.name,
                    sentence,
                    "coreference",
                )
            )
    return found
