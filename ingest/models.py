"""The models ingest hands from stage to stage; text spans (sentences, values, dates) come from
policykg.korean.spans. Offsets are Python string indices (code points)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from policykg.ingest.sources import SourceRecord
from policykg.korean.spans import DateSpan, Value


@dataclass(frozen=True)
class SourceText:
    """A decoded input file."""

    path: Path
    source_id: str  # the file stem; every citation names it
    text: str
    encoding: str
    content_hash: str  # sha256 of the file's bytes (and of its sources.jsonl record, when it has one)
    record: SourceRecord | None = None  # what the folder's sources.jsonl says of it (ingest/sources.py)


@dataclass(frozen=True)
class Block:
    """A paragraph-like piece of the page, before it is kept as body or skipped."""

    text: str
    origin: int | None  # offset of `text` in the decoded source, when it occurs there verbatim
    container: int  # blocks split only by <br> share a container
    # What the block is in the body: a paragraph, a sub-heading or bullet summary above it, or a paragraph cut
    # off without a final full stop (its last sentence is incomplete).
    kind: str = "paragraph"  # paragraph | subheading | cut
    # Where the block lies on a whole HTML page against the element holding the article (ingest/region.py):
    # before | inside | after, or "" when the page shows no such element.
    region: str = ""
    element: int = -1  # HTML: index in Page.elements of the innermost element holding the block
    links: int = 0  # HTML: how many of its characters are link text (menus and headline lists are links)
    tag: str = ""  # HTML: the tag of that element ('p', 'h3', 'blockquote' …)


@dataclass(frozen=True)
class Skipped:
    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    source_id: str
    path: Path
    title: str
    body: str
    content_hash: str
    encoding: str
    published: date | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    how: dict[str, str] = field(default_factory=dict)  # metadata field → how it was found
    # (body start, body end, offset in the decoded source or None): the map back to the original text
    origin_map: tuple[tuple[int, int, int | None], ...] = ()
    skipped: tuple[Skipped, ...] = ()
    blocks: tuple[Block, ...] = ()  # the body's blocks, with their kind
    warnings: tuple[str, ...] = ()  # how the body was found when the layout rules did not find it, cut paragraphs


@dataclass(frozen=True)
class Mention:
    """A named entity in the body, resolved to a stable IRI."""

    text: str
    start: int
    end: int
    iri: str
    cls: str  # local name of the ontology class (Ministry, Company, Programme, Person …)
    name: str  # canonical name
    sentence: int
    via: str  # registry | generic | quoted | suffix | person-title | coreference

    @property
    def named(self) -> bool:
        """False for a word for a kind of body ('정부', the government in general): facts may name what it stands
        for (the state as payer or speaker), but the article names no body by it."""
        return self.via != "generic"


@dataclass(frozen=True)
class PostMention:
    """'김유원 네이버클라우드 대표': a person, the post as written, and the organisation when named."""

    person: Mention
    post: str
    organization: Mention | None
    start: int
    end: int


@dataclass(frozen=True)
class Fact:
    """An n-ary statement as the ontology defines it, with its evidence sentence."""

    kind: str  # ontology class local name: FundingFact, SelectionFact …
    key: str  # unique within the article
    sentence: int  # index of the evidence sentence
    roles: dict[str, str] = field(default_factory=dict)  # object property → entity IRI
    value: Value | None = None  # the amount (FundingFact) or quantity (QuantityFact)
    literals: dict[str, str] = field(default_factory=dict)  # datatype property → text
    concepts: dict[str, str] = field(default_factory=dict)  # concept property → notation
    period: DateSpan | None = None
    part_of: str | None = None  # key of the total this is a part of
    observations: tuple[str, ...] = ()  # keys of a time series' facts
    extractor: str = ""
    more_evidence: tuple[int, ...] = ()  # other sentences stating the same fact
    links: tuple[tuple[str, str, str], ...] = ()  # (entity IRI, object property, entity IRI) the fact reveals
