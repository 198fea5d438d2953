"""Korean sentence segmentation with Kiwi, per body paragraph, with offsets into the body."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kiwipiepy import Kiwi

from policykg.korean.spans import Sentence


@dataclass(frozen=True)
class Token:
    """A morpheme with its offsets in the body and its Sejong tag (NNP, NNG, SL, JKS …)."""

    start: int
    end: int
    tag: str


# Policy loanwords Kiwi's model splits into a noun and a verb ('얼라이언' + '스'), breaking names such as
# 'AI 반도체 얼라이언스 사업'; found by the synthetic benchmark corpus.
LOANWORDS = ("얼라이언스",)
# Words of who pays a budget that Kiwi's model misreads in a short question: '그럼 국비는?' as 국 + 비(다) + 는.
FUNDING_WORDS = ("국비", "시비", "도비")

# Kiwi's time grows with the square of a paragraph's length (a 400,000-character line took 43 s, cut in
# 5,000-character pieces 8 s). News paragraphs are a few hundred characters, so longer ones are cut, after a
# sentence end where there is one; a sentence never crosses a cut.
MAX_PARAGRAPH = 5_000
_SENTENCE_ENDS = (". ", "? ", "! ", "。")


class TooManySentences(ValueError):
    """The text has more sentences than the caller allows; analysis stopped there."""


@lru_cache(maxsize=1)
def kiwi() -> Kiwi:
    """One Kiwi per process: loading its model takes a second or two. Edited news needs no typo model,
    and leaving it out (with the multi-word dictionary) makes analysis about 40% faster."""
    analyser = Kiwi(load_typo_dict=False, load_multi_dict=False)
    for word in (*LOANWORDS, *FUNDING_WORDS):
        analyser.add_user_word(word, "NNG")
    return analyser


def analyse(body: str, max_sentences: int | None = None) -> tuple[list[Sentence], list[Token]]:
    """Sentences and morphemes in one Kiwi pass. Sentences never cross a paragraph break ('\\n');
    offsets index `body` and sentence text is verbatim. With `max_sentences`, raises TooManySentences as soon
    as Kiwi finds more, so an oversized text costs no more than the allowed part."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    offset = 0
    for paragraph in body.split("\n"):
        for at, piece in _pieces(paragraph) if paragraph.strip() else ():
            for s in kiwi().split_into_sents(piece, return_tokens=True):
                tokens += [Token(offset + at + t.start, offset + at + t.start + t.len, t.tag) for t in s.tokens]
                start, end = offset + at + s.start, offset + at + s.end
                text = body[start:end]
                stripped = text.strip()
                if stripped:
                    start += len(text) - len(text.lstrip())
                    sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))
            if max_sentences is not None and len(sentences) > max_sentences:
                raise TooManySentences(f"more than {max_sentences:,} sentences")
        offset += len(paragraph) + 1
    return _join_open_quotes(body, _hand_on_heads(body, sentences)), tokens


def _pieces(paragraph: str) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of at most MAX_PARAGRAPH characters: cut after the last sentence end in the
    window, else at its last space, else hard."""
    at = 0
    while len(paragraph) - at > MAX_PARAGRAPH:
        window = paragraph[at : at + MAX_PARAGRAPH]
        cut = max(window.rfind(end) + 1 for end in _SENTENCE_ENDS) or window.rfind(" ") + 1 or MAX_PARAGRAPH
        yield at, window[:cut]
        at += cut
    yield at, paragraph[at:]


def split_sentences(body: str) -> list[Sentence]:
    return analyse(body)[0]


# A sentence end inside a piece Kiwi returned: '다.' or '요?' (not the '.' of '33.4%'), then a space.
_INNER_END = re.compile(r"(?<=[가-힣][.?!])[\"'”’)]?\s+")
_FINAL = re.compile(r"[.?!…][\"'”’)\]]*$")


def _hand_on_heads(body: str, sentences: list[Sentence]) -> list[Sentence]:
    """Kiwi sometimes ends a sentence after the first words of the next one, when they are a quoted name
    ("…규모다. 'NEXT 전략기술'" | "분야에 …을 투입한다."): a piece that does not end a sentence but holds a sentence
    end hands what follows that end on to the next sentence of its paragraph."""
    out = list(sentences)
    for i in range(len(out) - 1):
        s, after = out[i], out[i + 1]
        if _FINAL.search(s.text) or _open_quote(s.text) or "\n" in body[s.end : after.start]:
            continue
        ends = list(_INNER_END.finditer(s.text))
        if not ends:
            continue
        cut = s.start + ends[-1].end()
        head = body[s.start : s.start + ends[-1].start()].rstrip()
        out[i] = Sentence(s.index, s.start, s.start + len(head), head)
        out[i + 1] = Sentence(after.index, cut, after.end, body[cut : after.end])
    return out


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _join_open_quotes(body: str, sentences: list[Sentence]) -> list[Sentence]:
    """A quotation can hold several sentences; Kiwi may cut inside it. Join until the quote closes, so a
    quote and its speaker stay in one citable sentence. A quote never closed stops growing at MAX_PARAGRAPH
    characters: re-reading an ever longer sentence made a long line with one stray quote mark quadratic."""
    joined: list[Sentence] = []
    for s in sentences:
        prev = joined[-1] if joined else None
        same_paragraph = prev is not None and "\n" not in body[prev.end : s.start]
        if prev is not None and same_paragraph and s.end - prev.start <= MAX_PARAGRAPH and _open_quote(prev.text):
            joined[-1] = Sentence(prev.index, prev.start, s.end, body[prev.start : s.end])
        else:
            joined.append(Sentence(len(joined), s.start, s.end, s.text))
    return joined


def search_tokens(text: str) -> str:
    """Kiwi morphemes of a sentence, space-joined, for the whitespace full-text index."""
    _, tokens = analyse(text)
    return " ".join(
        text[t.start : t.end] for t in tokens if t.tag.startswith(("NN", "SL", "SN", "SH", "VV", "VA", "XR"))
    )


# Kiwi scores a noun it has never seen with a fixed, low penalty (a name it does not know, '이호현', about -22);
# a dictionary noun scores far higher ('전문가' -9, '부처' -12, '관계자' -11).
_KNOWN_NOUN_SCORE = -16.0


@lru_cache(maxsize=4096)
def common_noun(word: str) -> bool:
    """Whether Kiwi knows `word` as common nouns only ('전문가', '부처', '최상위', '도시계획'), so it is no
    name; a word Kiwi reads as a proper noun, or has never seen, may be one."""
    tokens = kiwi().analyze(word, top_n=1)[0][0]
    return all(t.tag in ("NNG", "XPN", "XSN", "NNB", "MM") for t in tokens) and all(
        t.score > _KNOWN_NOUN_SCORE for t in tokens if t.tag == "NNG"
    )


@lru_cache(maxsize=4096)
def proper_noun(word: str) -> bool:
    """Whether Kiwi reads `word` on its own as one proper noun ('이소라'), which it may split in a sentence into a
    determiner, a noun and an ending ('이' + '소' + '라')."""
    tokens = kiwi().analyze(word, top_n=1)[0][0]
    return len(tokens) == 1 and tokens[0].tag == "NNP" and tokens[0].len == len(word)


@lru_cache(maxsize=8192)
def tokens_of(text: str) -> list[Token]:
    """Kiwi's tokens of a sentence or a question, kept (callers only read them): the same evidence sentences come
    back for question after question, and reading one question analyses it for its type, nouns, kind words, frame
    and parts."""
    return analyse(text)[1]
