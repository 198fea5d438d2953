"""policykg on real articles it was not written for (bench/real/): what ingest loads and extracts against the hand
gold, and how the bot answers the questions of each half beside a plain baseline, in one run.

    uv run python -m bench.real_eval [--split train|test|all] [--show-misses] [--gold-articles dev|held|all]
    uv run python -m bench.real_eval --offline [--show-misses]   # extraction only, from the RDF, no Neo4j

Extraction is scored on two halves of the annotated articles, fixed by their number: odd ids (r001, r003, …)
are the development half rules may be designed on, even ids are held out and only ever reported.
People with posts: the gold lists a byline's reporter as holding the post 기자 at the publisher, so 'post' counts
the article's pkg:author (the graph's statement of it) beside the PostHolding facts; 'post_officials' leaves
reporters out of both the gold and the predictions.

The texts are third-party news and stay out of the repository: re-retrieve them with the search tool into the
git-ignored bench/real/texts/ (bench/real/README.md). Runs in a fresh managed Neo4j; writes
bench/results/real.json. The baseline is the best sentence by BM25 over Kiwi morphemes, counted right when that
sentence states an expected value (it never abstains)."""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import neo4j
from rdflib import Graph, Literal

from bench.common import temporary_server
from bench.scale import BM25
from policykg.bot.answer import Bot
from policykg.bot.evaluate import Row, judge, states
from policykg.ingest.pipeline import ingest_file
from policykg.ingest.sources import SOURCES_FILE
from policykg.korean.sentences import search_tokens
from policykg.korean.words import same_post
from policykg.ontology.neo4j_names import Label, Prop, Rel
from policykg.ontology.registry import name_key, registry
from policykg.ontology.schema import korean_label, ontology, select_rows
from policykg.ontology.vocab import PKG
from policykg.service import ingest_into_neo4j

REAL = Path(__file__).resolve().parent / "real"
RESULTS = Path(__file__).resolve().parent / "results" / "real.json"

VALUES = (
    f"MATCH (:{Label.Article} {{{Prop.source_id}: $sid}})<-[:{Rel.IN_ARTICLE}]-(:{Label.Sentence})"
    f"<-[:{Rel.EVIDENCE}]-(:{Label.Fact})-[]->(v) WHERE v.{Prop.value} IS NOT NULL "
    f"RETURN DISTINCT v.{Prop.iri} AS iri, coalesce(v.{Prop.value_exact}, toString(v.{Prop.value})) AS value, "
    f"v.{Prop.currency} AS currency, "
    f"v.{Prop.unit} AS unit"
)
POSTS = (
    f"MATCH (:{Label.Article} {{{Prop.source_id}: $sid}})<-[:{Rel.IN_ARTICLE}]-(:{Label.Sentence})"
    f"<-[:{Rel.EVIDENCE}]-(f:{Label.PostHolding})-[:{Rel.HELD_BY}]->(p) "
    f"RETURN DISTINCT p.{Prop.name} AS name, f.{Prop.post} AS post"
)
# The article's reporter (pkg:author, whose Korean label is 기자): the gold lists a byline's reporter as a person
# holding the post 기자 at the publisher, and the graph states it by this link rather than by a PostHolding fact.
BYLINES = (
    f"MATCH (:{Label.Article} {{{Prop.source_id}: $sid}})-[:{Rel.WRITTEN_BY}]->(p) "
    f"RETURN DISTINCT p.{Prop.name} AS name"
)
ORGS = (
    f"MATCH (:{Label.Article} {{{Prop.source_id}: $sid}})<-[:{Rel.IN_ARTICLE}]-(:{Label.Sentence})"
    f"-[:{Rel.MENTIONS}]->(o:{Label.Organization}) RETURN DISTINCT o.{Prop.name} AS name"
)
SENTENCES = (
    f"MATCH (s:{Label.Sentence})-[:{Rel.IN_ARTICLE}]->(a:{Label.Article}) "
    f"RETURN s.{Prop.text} AS text, a.{Prop.source_id} AS sid"
)


# The same three questions over the RDF ingest makes (the mapping's labels are the classes and their superclasses).
_NS = {"pkg": str(PKG), "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
_RDF_VALUES = (
    "SELECT DISTINCT ?v ?value ?currency ?unit WHERE { ?s pkg:inArticle/pkg:sourceId ?sid ."
    " ?f pkg:evidence ?s ; ?p ?v . ?v pkg:value ?value ."
    " OPTIONAL { ?v pkg:currency ?currency } OPTIONAL { ?v pkg:unit ?unit } }"
)
_RDF_POSTS = (
    "SELECT DISTINCT ?name ?post WHERE { ?s pkg:inArticle/pkg:sourceId ?sid . ?f a pkg:PostHolding ; pkg:evidence ?s ;"
    " pkg:holder/pkg:name ?name . OPTIONAL { ?f pkg:postTitle ?post } }"
)
_RDF_BYLINES = "SELECT DISTINCT ?name WHERE { ?a pkg:sourceId ?sid ; pkg:author/pkg:name ?name }"
_RDF_ORGS = (
    "SELECT DISTINCT ?name WHERE { ?s pkg:inArticle/pkg:sourceId ?sid ; pkg:mentions ?o . ?o a ?c ; pkg:name ?name ."
    " ?c rdfs:subClassOf* pkg:Organization }"
)


class _Rdf:
    """Answers the extraction queries from the ingested RDF, as the Neo4j driver would."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph + ontology()

    def execute_query(self, query: str, sid: str) -> tuple[list[dict[str, Any]]]:
        sparql, keys = {
            VALUES: (_RDF_VALUES, ("iri", "value", "currency", "unit")),
            POSTS: (_RDF_POSTS, ("name", "post")),
            BYLINES: (_RDF_BYLINES, ("name",)),
            ORGS: (_RDF_ORGS, ("name",)),
        }[query]
        rows = select_rows(self.g.query(sparql, initNs=_NS, initBindings={"sid": Literal(sid)}))
        return ([{k: (None if v is None else str(v)) for k, v in zip(keys, row, strict=True)} for row in rows],)


def gold_half(article: str) -> str:
    """'dev' for odd article numbers, 'held' for even ones."""
    return "dev" if int(article.lstrip("r")) % 2 else "held"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _org_key(name: str) -> str:
    """Names that the registry knows as one body compare equal (과기정통부 = 과학기술정보통신부)."""
    entry = registry().resolve(name)
    return str(entry.iri) if entry else name_key(name)


def _score(gold: set[Any], predicted: set[Any]) -> dict[str, int]:
    return {"gold": len(gold), "predicted": len(predicted), "matched": len(gold & predicted)}


def extraction(driver: neo4j.Driver | _Rdf, gold: list[dict[str, Any]], misses: bool) -> dict[str, dict[str, float]]:
    """Recall and precision per kind over the annotated articles; a value matches by its exact number (and
    currency or unit), a person by name and post, an organisation by name or registry alias. 'post' counts the
    byline's reporter as the post 기자; 'post_officials' leaves reporters out on both sides."""
    reporter = korean_label("author")
    kinds = ("money", "quantity", "post", "post_officials", "organization")
    totals: dict[str, Counter[str]] = {k: Counter() for k in kinds}
    for g in gold:
        sid = g["article"]
        values = driver.execute_query(VALUES, sid=sid)[0]
        money = {(Decimal(str(v["value"])), v["currency"]) for v in values if v["currency"]}
        counts = {(Decimal(str(v["value"])), v["unit"]) for v in values if not v["currency"]}
        gold_money = {(Decimal(m["value"]), m.get("currency", "KRW")) for m in g.get("money", [])}
        gold_counts = {(Decimal(str(q["value"])), q["unit"]) for q in g.get("quantities", [])}
        officials = {(r["name"], r["post"]) for r in driver.execute_query(POSTS, sid=sid)[0]}
        posts = officials | {(r["name"], reporter) for r in driver.execute_query(BYLINES, sid=sid)[0]}
        gold_posts = {(p["name"], p["post"]) for p in g.get("people", [])}
        found_posts = matched_posts(gold_posts, posts)
        gold_officials = {p for p in gold_posts if p[1] != reporter}
        totals["post_officials"].update(
            {
                "gold": len(gold_officials),
                "predicted": len(officials),
                "matched": len(matched_posts(gold_officials, officials)),
            }
        )
        orgs = {_org_key(r["name"]) for r in driver.execute_query(ORGS, sid=sid)[0]}
        gold_orgs = {_org_key(o) for o in g.get("organizations", [])}
        compared: dict[str, tuple[set[Any], set[Any]]] = {
            "money": (gold_money, money),
            "quantity": (gold_counts, counts),
            "organization": (gold_orgs, orgs),
        }
        for kind, (gs, ps) in compared.items():
            totals[kind].update(_score(gs, ps))
            if misses and gs - ps:
                print(f"  {sid} {kind} missed: {sorted(map(str, gs - ps))[:8]}")
            if misses and ps - gs:
                print(f"  {sid} {kind} not in gold: {sorted(map(str, ps - gs))[:8]}")
        totals["post"].update({"gold": len(gold_posts), "predicted": len(posts), "matched": len(found_posts)})
        if misses and gold_posts - found_posts:
            print(f"  {sid} post missed: {sorted(gold_posts - found_posts)}")
        extra = {p for p in posts if not any(n == p[0] and same_post(g, p[1] or "") for n, g in gold_posts)}
        if misses and extra:
            print(f"  {sid} post not in gold: {sorted(extra, key=str)}")
    return {
        kind: {
            "gold": t["gold"],
            "predicted": t["predicted"],
            "recall": round(t["matched"] / t["gold"], 3) if t["gold"] else 0.0,
            "precision": round(t["matched"] / t["predicted"], 3) if t["predicted"] else 0.0,
        }
        for kind, t in totals.items()
    }


def matched_posts(gold: set[tuple[str, str]], predicted: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The gold posts found: same name, and one title contains the other ('장관' in '부총리 겸 … 장관') or names the
    same post in other words ('CEO', '최고경영자': policykg.korean.words.same_post)."""
    return {gp for gp in gold if any(n == gp[0] and same_post(gp[1], p) for n, p in predicted if p)}


def answers(driver: neo4j.Driver, questions: list[dict[str, Any]], misses: bool) -> dict[str, Any]:
    """The bot and the baseline on `questions`, and the same figures for each collection wave of them (wave 2 was
    written after the bot had been tuned on wave 1's train half: its first measurement is the honest one)."""
    bot = Bot(driver)
    rows: list[Row] = []
    for q in questions:
        start = time.perf_counter()
        answer = bot.ask(q["question"])
        rows.append(judge(q, answer, time.perf_counter() - start))
        if misses and not rows[-1].correct:
            print(f"  ✗ {q['id']} {q['question']} → {rows[-1].first_line[:80]} (expected {q.get('expect')})")
    sentences = driver.execute_query(SENTENCES)[0]
    bm25 = BM25([search_tokens(r["text"]).split() for r in sentences])
    baseline: list[bool] = []
    for q in questions:
        best = bm25.best(search_tokens(q["question"]).split())
        if best is None or q.get("abstain"):
            baseline.append(False)  # the baseline always returns a sentence: it never abstains right
            continue
        text, sid = sentences[best]["text"], sentences[best]["sid"]
        wanted = q.get("expect", [])
        baseline.append(sid in q.get("sources", [sid]) and all(any(states(s, text) for s in g) for g in wanted))
    result = _summary(questions, rows, baseline)
    for wave in sorted({q.get("wave", 1) for q in questions}):
        at = [i for i, q in enumerate(questions) if q.get("wave", 1) == wave]
        result[f"wave {wave}"] = _summary([questions[i] for i in at], [rows[i] for i in at], [baseline[i] for i in at])
    return result


def _summary(questions: list[dict[str, Any]], rows: list[Row], baseline: list[bool]) -> dict[str, Any]:
    answerable = [r for r, q in zip(rows, questions, strict=True) if not q.get("abstain")]
    abstain = [r for r, q in zip(rows, questions, strict=True) if q.get("abstain")]
    n = len(questions)
    return {
        "questions": n,
        "bot_right_and_cited": round(sum(r.correct and r.cited for r in rows) / n, 3),
        "bot_right": round(sum(r.correct for r in rows) / n, 3),
        "bot_cited_sentence_states_answer": round(sum(r.quoted for r in rows) / n, 3),
        "answerable_right": f"{sum(r.correct for r in answerable)}/{len(answerable)}",
        "abstention_right": f"{sum(r.abstained for r in abstain)}/{len(abstain)}",
        "false_abstentions": sum(r.abstained for r in answerable),
        "baseline_bm25_best_sentence": round(sum(baseline) / n, 3),
    }


def _halves(driver: neo4j.Driver | _Rdf, gold: list[dict[str, Any]], args: argparse.Namespace) -> dict[str, Any]:
    """Figures for every annotated article and for each half; misses printed for the chosen half only."""
    out = {}
    for half in ("all", "dev", "held"):
        chosen = [g for g in gold if half == "all" or gold_half(g["article"]) == half]
        show = args.show_misses and half == args.gold_articles
        if show:
            print(f"misses ({half}):")
        out[half] = extraction(driver, chosen, show)
    return out


def real_texts() -> list[Path]:
    """The re-retrieved texts, with the collection record (url, publisher, date of articles.jsonl) beside them as
    the folder's sources.jsonl: a search excerpt lost the page header those came from."""
    texts = sorted((REAL / "texts").glob("*.txt"))
    if texts:
        (REAL / "texts" / SOURCES_FILE).write_text((REAL / "articles.jsonl").read_text(encoding="utf-8"), "utf-8")
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["train", "test", "all"], default="all")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument(
        "--gold-articles", choices=["dev", "held", "all"], default="all", help="misses shown for this half only"
    )
    parser.add_argument("--offline", action="store_true", help="extraction only, from the RDF, without Neo4j")
    args = parser.parse_args()
    texts = real_texts()
    if not texts:
        raise SystemExit("no texts in bench/real/texts/: re-retrieve them first (bench/real/README.md)")
    questions = _jsonl(REAL / "questions.jsonl")
    gold = _jsonl(REAL / "gold.jsonl")
    result: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "articles": len(texts)}
    if args.offline:
        graph = Graph()
        outcomes = [ingest_file(t) for t in texts]
        for o in outcomes:
            if o.graph is not None:
                graph += o.graph
        result["not_loaded"] = {o.report.source_id: o.report.reason for o in outcomes if o.graph is None}
        result["extraction"] = _halves(_Rdf(graph), gold, args)
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    with temporary_server() as (_, driver):
        run = ingest_into_neo4j(driver, "neo4j", texts)
        loaded = [r for r, _ in run.outcomes if r.status == "ingested"]
        result["loaded"] = len(loaded)
        result["not_loaded"] = {r.source_id: r.reason for r, _ in run.outcomes if r.status != "ingested"}
        driver.execute_query("CALL db.awaitIndexes(300)")
        result["extraction"] = _halves(driver, gold, args)
        splits = ["train", "test"] if args.split == "all" else [args.split]
        for split in splits:
            chosen = [q for q in questions if q["split"] == split]
            result[split] = answers(driver, chosen, args.show_misses)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
