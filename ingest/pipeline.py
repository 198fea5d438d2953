"""One file in, its RDF graph and its report out. A broken article is reported with the reason and skipped,
so a batch goes on (ingest/batch.py runs many)."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph

from policykg.errors import BadArticle, explained
from policykg.ingest.article import build_article
from policykg.ingest.context import build_context
from policykg.ingest.entities import Entities, extract_entities
from policykg.ingest.facts import extract_facts
from policykg.ingest.loading import SUPPORTED_SUFFIXES, read_source
from policykg.ingest.models import Article, Fact
from policykg.ingest.rdf import article_graph
from policykg.korean.sentences import TooManySentences, analyse
from policykg.korean.spans import Sentence
from policykg.ontology import iris
from policykg.ontology.schema import korean_label
from policykg.ontology.validate import Violation, short, validate

# Per-file budgets, far above any real article (the seed articles have at most 30 sentences and 18 facts) and
# low enough that a file within MAX_BYTES cannot tie a batch up: past one, the file is refused with the reason.
MAX_SENTENCES = 2_000
MAX_FACTS = 5_000
TIME_BUDGET_S = 60.0
# Validate, drop what fails, validate again: each round drops at least one fact or entity, and a fact that
# only pointed at a dropped one fails in the next round. Past this many rounds the article is refused.
MAX_SHACL_ROUNDS = 6


@dataclass
class ArticleReport:
    path: str
    source_id: str
    status: str  # ingested | skipped | not attempted
    reason: str = ""
    title: str = ""
    published: str | None = None
    publisher: str | None = None
    sentences: int = 0
    entities: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    skipped_blocks: dict[str, int] = field(default_factory=dict)
    metadata_found_by: dict[str, str] = field(default_factory=dict)
    # Facts (and entities) that failed their SHACL shape and were left out, one line each: what was dropped in
    # Korean, then every violation as 'shape (constraint) on focus node: message'. The rest of the article loads.
    dropped_by_shacl: list[str] = field(default_factory=list)
    facts_dropped: int = 0
    body_blocks: dict[str, int] = field(default_factory=dict)  # paragraph | subheading | cut → how many
    warnings: list[str] = field(default_factory=list)  # body found by the fallback, paragraphs cut off

    def notes(self) -> str:
        """What a reader should know beyond the counts, in Korean first: why the file was refused, or what SHACL
        dropped and the warnings."""
        if self.status != "ingested":
            return self.reason
        notes = [shacl_summary(self.facts_dropped)] if self.dropped_by_shacl else []
        return "; ".join(notes + [f"⚠ {w}" for w in self.warnings])

    def line(self) -> str:
        if self.status != "ingested":
            return f"✗ {self.source_id}: {self.reason}"
        facts = sum(self.facts.values())
        skipped = sum(self.skipped_blocks.values())
        dropped = f"; {self.notes()}" if self.notes() else ""
        return (
            f"✓ {self.source_id}: {self.sentences} sentences, {self.entities} entities, {facts} facts "
            f"({', '.join(f'{n} {k}' for k, n in sorted(self.facts.items()))}); {skipped} page blocks skipped"
            f"{dropped}"
        )


def shacl_summary(facts: int) -> str:
    """'SHACL 형상 검사를 통과하지 못한 사실 2건 제외 (2 facts dropped by SHACL)'."""
    return explained(f"SHACL 형상 검사를 통과하지 못한 사실 {facts}건 제외", f"{facts} facts dropped by SHACL")


@dataclass
class ArticleResult:
    report: ArticleReport
    graph: Graph | None
    content_hash: str | None = None


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, and the article files under folders (hidden files skipped), sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            found.append(path)
    return found


def _owners(source_id: str, facts: list[Fact]) -> dict[str, Fact]:
    """Each node a fact alone owns (the fact, its value and its period) → the fact."""
    owned: dict[str, Fact] = {}
    for fact in facts:
        for kind in ("fact", "value", "period"):
            owned[iris.child_iri(kind, source_id, fact.key)] = fact
    return owned


def _without(facts: list[Fact], gone: set[str]) -> list[Fact]:
    """The facts left once `gone` (keys) are dropped; a fact pointing at a dropped one loses the pointer and
    faces the shapes again on its own (a part without its total names nobody, a series may keep two years)."""
    kept = []
    for fact in facts:
        if fact.key in gone:
            continue
        if fact.part_of in gone or gone.intersection(fact.observations):
            part_of = None if fact.part_of in gone else fact.part_of
            fact = replace(fact, part_of=part_of, observations=tuple(k for k in fact.observations if k not in gone))
        kept.append(fact)
    return kept


class ShapeViolation(BadArticle):
    """The article or its sentences fail their shapes: nothing of the article can load."""


def conforming_graph(
    article: Article, sentences: list[Sentence], entities: Entities, facts: list[Fact]
) -> tuple[Graph, list[Fact], Entities, list[str]]:
    """The article's graph with every fact (or entity) that fails its SHACL shape dropped, and why.

    Validate; map each violation's focus node to the fact that owns it (the fact, its value or its period
    node) or to the entity it is; rebuild the graph without those facts (and without the entity's mentions
    and the facts naming it), so everything a dropped fact alone owned (its value and period nodes, its
    links, entities only it named) goes with it; validate again, at most MAX_SHACL_ROUNDS times. The article
    is refused only when its own node, its sentences or anything no fact or mention owns violates."""
    dropped: list[str] = []
    article_node = iris.article_iri(article.source_id)
    sentence_prefix = iris.child_iri("sentence", article.source_id, "")
    for _ in range(MAX_SHACL_ROUNDS):
        graph = article_graph(article, sentences, entities, facts)
        result = validate(graph)
        if result.conforms:
            return graph, facts, entities, dropped
        owners = _owners(article.source_id, facts)
        mentioned = {m.iri for m in entities.mentions}
        bad_facts: dict[str, list[Violation]] = {}
        bad_entities: dict[str, list[Violation]] = {}
        for violation in result.violations:
            focus = str(violation.focus)
            if focus == article_node or focus.startswith(sentence_prefix):
                raise ShapeViolation(
                    "기사 자체가 SHACL 형상 검사를 통과하지 못했습니다 (버그입니다: 알려 주세요)",
                    f"the article's own nodes fail SHACL validation: {violation.line()}",
                )
            if focus in owners:
                bad_facts.setdefault(owners[focus].key, []).append(violation)
            elif focus in mentioned or any(focus in f.roles.values() for f in facts):
                bad_entities.setdefault(focus, []).append(violation)
            else:
                raise ShapeViolation(
                    "추출한 그래프가 SHACL 형상 검사를 통과하지 못했습니다 (버그입니다: 알려 주세요)",
                    f"extracted graph fails SHACL validation: {violation.line()}",
                )
        kinds = {f.key: f.kind for f in facts}
        for key, found in bad_facts.items():
            dropped.append(_dropped(f"{korean_label(kinds[key])} 1건", f"{kinds[key]} {key}", found))
        for iri, found in bad_entities.items():
            dropped.append(_dropped(f"개체 {short(iri)}", f"entity {short(iri)}", found))
            for fact in facts:
                if fact.key not in bad_facts and (
                    iri in fact.roles.values() or any(iri in (s, o) for s, _, o in fact.links)
                ):
                    bad_facts[fact.key] = []
                    dropped.append(
                        explained(
                            f"{korean_label(fact.kind)} 1건 제외: 제외된 개체 {short(iri)}를 가리킵니다",
                            f"{fact.kind} {fact.key}: names the dropped entity {short(iri)}",
                        )
                    )
        if bad_entities:
            entities = replace(entities, mentions=[m for m in entities.mentions if m.iri not in bad_entities])
        facts = _without(facts, set(bad_facts))
    raise ShapeViolation(
        "추출한 그래프가 사실을 빼고 다시 검사해도 SHACL 형상 검사를 통과하지 못했습니다 (버그입니다: 알려 주세요)",
        f"extracted graph still fails SHACL validation after {MAX_SHACL_ROUNDS} rounds of dropping",
    )


def _dropped(korean: str, what: str, found: list[Violation]) -> str:
    """'예산·자금 사실 1건 제외: SHACL 형상 위반 (FundingFact k: FundingFactShape pkg:payer (Class) on …: …)'."""
    return explained(f"{korean} 제외: SHACL 형상 위반", f"{what}: " + "; ".join(v.line() for v in found))


def ingest_file(path: Path, check_shapes: bool = True, time_budget: float = TIME_BUDGET_S) -> ArticleResult:
    report = ArticleReport(str(path), path.stem, "skipped")
    started = time.monotonic()

    def on_time(stage: str) -> None:
        # Checked between stages: the budgets above keep each stage short, this bounds their sum.
        if time.monotonic() - started > time_budget:
            raise BadArticle(
                f"처리 시간이 파일당 {time_budget:.0f}초를 넘어 멈췄습니다",
                f"over the time budget of {time_budget:.0f} s per file (stopped after {stage})",
            )

    try:
        if not path.exists():
            raise BadArticle("파일이 없습니다", "no such file")
        article = build_article(read_source(path))
        on_time("reading")
        try:
            sentences, tokens = analyse(article.body, max_sentences=MAX_SENTENCES)
        except TooManySentences as exc:
            raise BadArticle(
                f"문장이 너무 많습니다: {MAX_SENTENCES:,}문장이 넘는 기사는 받지 않습니다",
                f"{exc}; articles over {MAX_SENTENCES:,} sentences are refused",
            ) from None
        on_time("sentences")
        entities = extract_entities(article.body, sentences, tokens)
        on_time("entities")
        facts = extract_facts(build_context(article, sentences, entities))
        if len(facts) > MAX_FACTS:
            raise BadArticle(
                f"사실이 너무 많습니다: {MAX_FACTS:,}건이 넘는 기사는 받지 않습니다",
                f"{len(facts):,} facts; articles over {MAX_FACTS:,} facts are refused",
            )
        on_time("facts")
        if check_shapes:
            found = len(facts)
            graph, facts, entities, report.dropped_by_shacl = conforming_graph(article, sentences, entities, facts)
            report.facts_dropped = found - len(facts)
        else:
            graph = article_graph(article, sentences, entities, facts)
        on_time("RDF")
    except BadArticle as exc:
        report.reason = str(exc)
        return ArticleResult(report, None)
    report.status, report.title = "ingested", article.title
    report.published = article.published.isoformat() if article.published else None
    report.publisher = article.publisher
    report.sentences, report.entities = len(sentences), len({m.iri for m in entities.mentions if m.named})
    for fact in facts:
        report.facts[fact.kind] = report.facts.get(fact.kind, 0) + 1
    for skipped in article.skipped:
        report.skipped_blocks[skipped.reason] = report.skipped_blocks.get(skipped.reason, 0) + 1
    report.metadata_found_by = dict(article.how)
    for block in article.blocks:
        report.body_blocks[block.kind] = report.body_blocks.get(block.kind, 0) + 1
    report.warnings = list(article.warnings)
    return ArticleResult(report, graph, article.content_hash)
