"""The benchmark's synthetic corpus: the same files every run, a prefix at every size, every organisation
known to the registry, and its recorded truth what extraction finds."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from bench.scale import BM25
from bench.synthetic import article, check_names, programme_name, write_corpus
from policykg.ingest.batch import ingest_files
from policykg.ontology.vocab import PKG


def test_articles_are_deterministic_and_programme_names_unique() -> None:
    assert article(7) == article(7) and article(7)[2] != article(8)[2]
    names = [programme_name(i) for i in range(12_500)]
    assert len(set(names)) == len(names)
    check_names()


def test_small_corpus_is_the_prefix_of_the_larger_and_records_its_truth(tmp_path: Path) -> None:
    small, large = write_corpus(6, tmp_path / "s"), write_corpus(12, tmp_path / "l")
    assert [t.source_id for t in small] == [t.source_id for t in large[:6]]
    assert (tmp_path / "s" / "syn00004.html").read_bytes() == (tmp_path / "l" / "syn00004.html").read_bytes()
    recorded = json.loads((tmp_path / "l" / "truth.json").read_text(encoding="utf-8"))
    assert [r["programme"] for r in recorded] == [t.programme for t in large]


def test_extraction_finds_the_recorded_funding_and_posts(tmp_path: Path) -> None:
    truths = write_corpus(15, tmp_path / "c")
    graph, reports = ingest_files([tmp_path / "c"], check_shapes=False)
    assert all(r.status == "ingested" for r in reports) and len(reports) == 15  # truth.json is not an article
    rows = graph.query(
        """SELECT ?programme ?payer ?value WHERE {
        ?f a pkg:FundingFact ; pkg:programme/pkg:name ?programme ; pkg:payer/pkg:name ?payer ;
           pkg:amount/pkg:value ?value . FILTER NOT EXISTS { ?f pkg:partOf ?t } }""",
        initNs={"pkg": str(PKG)},
    )
    found = {(str(g), str(p), int(Decimal(str(v)))) for g, p, v in rows}
    assert {(t.programme, t.payer, t.amount) for t in truths} <= found
    posts = graph.query(
        """SELECT ?org ?post ?person WHERE { ?h a pkg:PostHolding ; pkg:organization/pkg:name ?org ;
        pkg:postTitle ?post ; pkg:holder/pkg:name ?person }""",
        initNs={"pkg": str(PKG)},
    )
    got = {tuple(map(str, r)) for r in posts}
    assert {(t.agency, t.post, t.holder) for t in truths} <= got


def test_bm25_prefers_the_rarer_matching_term() -> None:
    index = BM25([["예산", "사업"], ["예산", "반도체", "사업"], ["날씨"]])
    assert index.best(["반도체", "예산"]) == 1 and index.best(["없는"]) is None
