"""Files in, one RDF graph and a per-article report out. A broken article is reported and skipped;
the batch goes on."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from policykg.errors import BadArticle
from policykg.ingest.article import build_article
from policykg.ingest.context import build_context
from policykg.ingest.entities import extract_entities
from policykg.ingest.facts import extract_facts
from policykg.ingest.loading import SUPPORTED_SUFFIXES, read_source
from policykg.ingest.rdf import article_graph
from policykg.korean.sentences import TooManySentences, analyse
from policykg.ontology.schema import new_graph
from policykg.ontology.validate import validate

# Per-file budgets, far above any real article (the seed articles have at most 30 sentences and 18 facts) and
# low enough that a file within MAX_BYTES cannot tie a batch up: past one, the file is refused with the reason.
MAX_SENTENCES = 2_000
MAX_FACTS = 5_000
TIME_BUDGET_S = 60.0


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

    def line(self) -> str:
        if self.status != "ingested":
            return f"✗ {self.source_id}: {self.reason}"
        facts = sum(self.facts.values())
        skipped = sum(self.skipped_blocks.values())
        return (
            f"✓ {self.source_id}: {self.sentences} sentences, {self.entities} entities, {facts} facts "
            f"({', '.join(f'{n} {k}' for k, n in sorted(self.facts.items()))}); {skipped} page blocks skipped"
        )


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


def ingest_file(path: Path, check_shapes: bool = True, time_budget: float = TIME_BUDGET_S) -> ArticleResult:
    report = ArticleReport(str(path), path.stem, "skipped")
    started = time.monotonic()

    def on_time(stage: str) -> None:
        # Checked between stages: the budgets above keep each stage short, this bounds their sum.
        if time.monotonic() - started > time_budget:
            raise BadArticle(f"over the time budget of {time_budget:.0f} s per file (stopped after {stage})")

    try:
        if not path.exists():
            raise BadArticle("no such file")
        article = build_article(read_source(path))
        on_time("reading")
        try:
            sentences, tokens = analyse(article.body, max_sentences=MAX_SENTENCES)
        except TooManySentences as exc:
            raise BadArticle(f"{exc}; articles over {MAX_SENTENCES:,} sentences are refused") from None
        on_time("sentences")
        entities = extract_entities(article.body, sentences, tokens)
        on_time("entities")
        facts = extract_facts(build_context(article, sentences, entities))
        if len(facts) > MAX_FACTS:
            raise BadArticle(f"{len(facts):,} facts; articles over {MAX_FACTS:,} facts are refused")
        on_time("facts")
        graph = article_graph(article, sentences, entities, facts)
        on_time("RDF")
    except BadArticle as exc:
        report.reason = str(exc)
        return ArticleResult(report, None)
    if check_shapes:
        result = validate(graph)
        if not result.conforms:
            report.reason = "extracted graph fails SHACL validation (a bug): " + result.text.splitlines()[3][:200]
            return ArticleResult(report, None)
    report.status, report.title = "ingested", article.title
    report.published = article.published.isoformat() if article.published else None
    report.publisher = article.publisher
    report.sentences, report.entities = len(sentences), len({m.iri for m in entities.mentions})
    for fact in facts:
        report.facts[fact.kind] = report.facts.get(fact.kind, 0) + 1
    for skipped in article.skipped:
        report.skipped_blocks[skipped.reason] = report.skipped_blocks.get(skipped.reason, 0) + 1
    report.metadata_found_by = dict(article.how)
    return ArticleResult(report, graph, article.content_hash)


def ingest_files(
    paths: Iterable[Path], check_shapes: bool = True, progress: Callable[[Iterable[Path]], Iterator[Path]] | None = None
) -> tuple[Graph, list[ArticleReport]]:
    """Every article into one graph; each file's outcome in the report list, in order."""
    files = discover(paths)
    merged, reports = new_graph(), []
    for path in progress(files) if progress else files:
        result = ingest_file(path, check_shapes)
        reports.append(result.report)
        if result.graph is not None:
            merged += result.graph
    return merged, reports
