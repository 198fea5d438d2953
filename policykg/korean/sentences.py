"""Korean sentence segmentation with Kiwi, per body paragraph, with offsets into the body."""

from __future__ import annotations

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


@lru_cache(maxsize=1)
def kiwi() -> Kiwi:
    """One Kiwi per process: loading its model takes a second or two. Edited news needs no typo model,
    and leaving it out (with the multi-word dictionary) makes analysis about 40% faster."""
    analyser = Kiwi(load_typo_dict=False, load_multi_dict=False)
    for word in LOANWORDS:
        analyser.add_user_word(word, "NNG")
    return analyser


def analyse(body: str) -> tuple[list[Sentence], list[Token]]:
    """Sentences and morphemes in one Kiwi pass. Sentences never cross a paragraph break ('\\n');
    offsets index `body` and sentence text is verbatim."""
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    offset = 0
    for paragraph in body.split("\n"):
        if paragraph.strip():
            for s in kiwi().split_into_sents(paragraph, return_tokens=True):
                tokens += [Token(offset + t.start, offset + t.start + t.len, t.tag) for t in s.tokens]
                start, end = offset + s.start, offset + s.end
                text = body[start:end]
                stripped = text.strip()
                if stripped:
                    start += len(text) - len(text.lstrip())
                    sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))
        offset += len(paragraph) + 1
    return _join_open_quotes(body, sentences), tokens


def split_sentences(body: str) -> list[Sentence]:
    return analyse(body)[0]


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _join_open_quotes(body: str, sentences: list[Sentence]) -> list[Sentence]:
    """A quotation can hold several sentences; Kiwi may cut inside it. Join until the quote closes, so a
    quote and its speaker stay in one citable sentence."""
    joined: list[Sentence] = []
    for s in sentences:
        prev = joined[-1] if joined else None
        same_paragraph = prev is not None and "\n" not in body[prev.end : s.start]
        if prev is not None and same_paragraph and _open_quote(prev.text):
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
