"""Korean sentence segmentation with Kiwi, per body paragraph, with offsets into the body."""

from __future__ import annotations

from functools import lru_cache

from kiwipiepy import Kiwi

from policykg.ingest.models import Sentence


@lru_cache(maxsize=1)
def kiwi() -> Kiwi:
    """One Kiwi per process: loading its model takes a second or two."""
    return Kiwi()


def split_sentences(body: str) -> list[Sentence]:
    """Sentences never cross a paragraph break ('\\n'); offsets index `body` and the text is verbatim."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph in body.split("\n"):
        if paragraph.strip():
            for s in kiwi().split_into_sents(paragraph):
                start, end = offset + s.start, offset + s.end
                text = body[start:end]
                stripped = text.strip()
                if stripped:
                    start += len(text) - len(text.lstrip())
                    sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))
        offset += len(paragraph) + 1
    return _join_open_quotes(body, sentences)


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _join_open_quotes(body: str, sentences: list[Sentence]) -> list[Sentence]:
    """A quotation can hold several sentences; Kiwi may cut inside it. Join until the quote closes, so a
    quote and its speaker stay in one citable sentence."""
    joined: list[Sentence] = []
    for s in sentences:
        prev = joined[-1] if joined else None
        same_paragraph = prev is not None and "\n" not in body[prev.end:s.start]
        if prev is not None and same_paragraph and _open_quote(prev.text):
            joined[-1] = Sentence(prev.index, prev.start, s.end, body[prev.start:s.end])
        else:
            joined.append(Sentence(len(joined), s.start, s.end, s.text))
    return joined
