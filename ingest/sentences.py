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
    return sentences
