"""The retrieval-first reader: analyse the question → retrieve evidence sentences (hybrid search plus their
neighbours, and the sentences of the stored facts about what the question names) → typed candidate spans →
rank (bot/rank.py) → compose the short answer with the citation of the sentence it came from, or abstain
below the threshold and show the closest sentences instead."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import neo4j

from policykg.bot.facts import Evidence, FactView, facts_about, facts_evidenced_by
from policykg.bot.models import Answer
from policykg.bot.need import Need
from policykg.bot.rank import DIFFERING_MARGIN, THRESHOLD, Candidate, Sentence, rank
from policykg.bot.spans import KIND_TYPES, Span, find_spans, question_spans
from policykg.graph import cypher
from policykg.graph.embeddings import make_embedder
from policykg.graph.search import fulltext, fulltext_from, fuse, vector
from policykg.korean.values import exact
from policykg.ontology.iris import kind_of, name_of
from policykg.ontology.neo4j_names import Label
from policykg.ontology.registry import name_key

HITS = 12  # fused hits read, each with its neighbours
# sentences either side of a hit read with it; a list is often stated a sentence or two after the one that
# introduces its topic ('예산은 210억원 … 8개 과제를 지원한다. 중형 과제는 … 해당 과제는 A·B·C와 협력해 …')
AROUND, AROUND_LIST = 1, 2
NEAREST_SHOWN = 3
NEAREST = "가장 가까운 근거:"
# An English question is searched (the embeddings are multilingual) but read by Korean rules: say so.
ENGLISH = "영어 질문은 제한적으로만 읽습니다. 한국어로 물어 주시면 더 잘 답합니다 (questions in Korean work best)."
YES_NO = {"예": "예, 기사에 그렇게 나옵니다.", "아니요": "아니요, 기사는 그렇지 않다고 합니다."}


@dataclass
class Evidenced:
    """What retrieval found: the ranked sentences, their citation data, and the stored facts they carry."""

    sentences: list[Sentence] = field(default_factory=list)
    cites: dict[str, Evidence] = field(default_factory=dict)
    published: dict[str, date | None] = field(default_factory=dict)
    facts: list[FactView] = field(default_factory=list)


def sentence_key(source_id: str, start: int) -> str:
    return f"{source_id}@{start}"


def fact_key(f: FactView) -> str | None:
    if f.value is None:
        return None
    value = exact(Decimal(f.value))
    if f.currency:
        return f"money:{value}:{f.currency}"
    if f.unit == "%":
        return f"pct:{value}"
    return f"count:{value}:{f.unit}"


def retrieve(driver: neo4j.Driver, database: str, text: str, need: Need, anchors: list[str]) -> Evidenced:
    terms = " ".join(need.terms)
    hits = fuse(
        fulltext(driver, database, text, k=HITS),
        fulltext(driver, database, terms, k=HITS) if terms else [],
        vector(driver, database, text, make_embedder(), k=HITS),
        # a question naming publishers ('전자신문 기사 기준') reads their reports even when others match better
        fulltext_from(driver, database, terms or text, list(need.sources), k=HITS) if need.sources else [],
    )[:HITS]
    rank_of = {h.iri: i for i, h in enumerate(hits)}
    reach = AROUND_LIST if need.wants_list else AROUND
    records, _, _ = driver.execute_query(cypher.SENTENCES_AROUND, iris=list(rank_of), around=reach, database_=database)
    found = Evidenced()
    by_iri: dict[str, Sentence] = {}
    order = sorted(records, key=lambda r: (r["source_id"], r["index"]))
    for r in order:
        if not r["verified"]:
            continue
        key = sentence_key(r["source_id"], r["start"])
        published = r["published"].to_native() if hasattr(r["published"], "to_native") else None
        found.cites[key] = Evidence(
            r["text"],
            r["start"],
            r["end"],
            r["source_id"],
            r["title"],
            published.isoformat() if published else None,
            r["url"],
            r["publisher"],
        )
        found.published[key] = published
        own = rank_of.get(r["iri"])
        by_iri[r["iri"]] = Sentence(
            key,
            r["text"],
            own if own is not None else HITS,
            own is None,
            set(r["mentions"]),
            title=r["title"] or "",
            publisher=r["publisher"] or "",
        )
    # a neighbour ranks just after the hit it stands beside
    for r in order:
        s = by_iri.get(r["iri"])
        if s is not None and s.neighbour:
            near = [
                by_iri[o["iri"]].rank
                for o in order
                if o["iri"] in rank_of
                and o["source_id"] == r["source_id"]
                and abs(o["index"] - r["index"]) <= reach
                and o["iri"] in by_iri
            ]
            s.rank = min(near, default=HITS) + 1
    records, _, _ = driver.execute_query(
        cypher.ARTICLE_CONTEXT, source_ids=list({r["source_id"] for r in order}), database_=database
    )
    in_article = {r["source_id"]: (set(r["mentions"]), r["body"] or "") for r in records}
    for r in order:
        if r["iri"] in by_iri:
            s = by_iri[r["iri"]]
            s.article_mentions, s.article = in_article.get(r["source_id"], (set(), ""))
    for s in by_iri.values():
        published = found.published.get(s.key)
        s.published_year = published.year if published else None
    sentences = {s.key: s for s in by_iri.values()}
    facts = facts_evidenced_by(driver, database, list(by_iri))
    for kind in (Label.FundingFact, Label.QuantityFact):
        facts += facts_about(driver, database, kind, anchors) if anchors else []
    for f in facts:
        value_key = fact_key(f)
        for ev in f.evidence:
            skey = sentence_key(ev.source_id, ev.start)
            if skey not in sentences:  # a fact about what the question names, stated in a sentence not found
                sentences[skey] = Sentence(skey, ev.text, HITS, False, set(), context=ev.text)
                found.cites[skey], found.published[skey] = ev, None
            if value_key:
                sentences[skey].fact_keys.add(value_key)
            sentences[skey].mentions |= {iri for links in f.roles.values() for iri, _ in links}
    by_article: dict[str, list[tuple[int, str, list[str]]]] = {}
    for r in order:
        by_article.setdefault(r["source_id"], []).append((r["index"], r["text"], r["mentions"]))
    for r in order:
        s = by_iri.get(r["iri"])
        if s is not None:
            around = [(t, m) for i, t, m in by_article[r["source_id"]] if abs(i - r["index"]) <= 1]
            s.context = " ".join(t for t, _ in around)
            s.mentions = {iri for _, m in around for iri in m}
    found.sentences = sorted(sentences.values(), key=lambda s: (s.rank, s.key))
    found.facts = facts
    return found


def named_in_text(found: Evidenced, forms: dict[str, set[str]]) -> None:
    """A sentence whose text (or its neighbours') writes an entity's name mentions it, whether or not ingest linked
    the mention: the graph's mentions miss names its extraction did not know ('경북도' for 경상북도)."""
    for s in found.sentences:
        text = name_key(s.context or s.text)
        for iri, keys in forms.items():
            if any(k and k in text for k in keys):
                s.mentions.add(iri)
                s.article_mentions.add(iri)


def spans_for(sentence: str, need: Need, published: date | None = None) -> list[Span]:
    """The spans of a sentence, and those it has with respect to the question (yes/no, meanings, causes)."""
    return find_spans(sentence, published) + question_spans(sentence, need.text, need.terms, need.values)


def bodies_mentioned(sentence: Sentence) -> list[Span]:
    """Organisations, laws, programmes and events the graph's extraction found in a sentence, as spans where the
    sentence writes their name: a company no suffix or registry marks ('모빌린트') is still an organisation, an
    ordinance ('…육성 및 지원 조례') one name, once ingest has linked them."""
    spans = []
    for iri in sentence.mentions:
        name = name_of(iri)
        at = sentence.text.find(name)
        kind = KIND_TYPES.get(kind_of(iri))
        if kind and len(name) > 1 and at >= 0:
            spans.append(Span(name, kind, f"name:{name}", at, at + len(name)))
    return spans


def candidates(found: Evidenced, need: Need, entities: set[str]) -> list[Candidate]:
    spans = {s.key: spans_for(s.text, need, found.published.get(s.key)) + bodies_mentioned(s) for s in found.sentences}
    return rank(found.sentences, spans, need, entities)


def said(span: Span) -> str:
    """A span as the answer says it: a purpose clause ending in a modifier reads '…높인다는 것', a date
    '2026-02-25' reads '2026년 2월 25일', a day its article's date completes ('25일') reads with its month."""
    if span.reading:
        return span.reading
    if span.type == "reason" and re.search(r"(?:다는|는|던)$", span.text):
        return f"{span.text} 것"
    iso = re.fullmatch(r"(20\d\d)[-.](\d\d?)[-.](\d\d?)\.?", span.text)
    if span.type == "date" and iso:  # a dateline's '2026-02-25' is said as Korean readers write it
        year, month, day = (int(g) for g in iso.groups())
        return f"{year}년 {month}월 {day}일"
    return span.text


def clip(text: str, span: Span, width: int = 70) -> str:
    """The part of a sentence around a span, for quoting it in an answer line."""
    start = max(0, span.start - width // 2)
    end = min(len(text), span.end + width // 2)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


class Citer:
    """Numbers cited sentences in the order they are first cited: cite(key) → n."""

    def __init__(self, cites: dict[str, Evidence]) -> None:
        self.cites, self.list, self.index = cites, [], {}  # type: ignore[var-annotated]

    def __call__(self, key: str) -> int:
        if key not in self.index:
            ev = self.cites[key]
            self.index[key] = len(self.list) + 1
            self.list.append(ev.citation(self.index[key]))
        return int(self.index[key])


def _answer(
    question: str,
    lines: list[str],
    cite: Citer,
    abstained: bool = False,
    facts: list[dict[str, str | None]] | None = None,
) -> Answer:
    return Answer(
        question=question,
        answer="\n".join(lines),
        abstained=abstained,
        citations=cite.list,
        facts=facts or [],
        cypher=[cypher.SEARCH_FULLTEXT, cypher.SEARCH_VECTOR, cypher.SENTENCES_AROUND],
    )


def compose(question: str, need: Need, found: Evidenced, ranked: list[Candidate], abstain: str) -> Answer:
    cite = Citer(found.cites)
    if not ranked or ranked[0].score < THRESHOLD:
        nearest = [s for s in found.sentences if not s.neighbour][:NEAREST_SHOWN]
        lines = [abstain]
        if len(re.findall(r"[A-Za-z]", question)) > 2 * len(re.findall(r"[가-힣]", question)):
            lines.append(ENGLISH)
        if nearest:
            lines.append(f"{NEAREST} " + " ".join(f"[{cite(s.key)}]" for s in nearest))
        return _answer(question, lines, cite, abstained=True)
    top = ranked[0]
    first = (
        f"{YES_NO[top.span.text]} [{cite(top.sentence.key)}]"
        if top.span.type == "yesno"
        else f"{said(top.span)}입니다. [{cite(top.sentence.key)}]"
    )
    if top.span.type in ("money", "count", "percent"):
        source = found.cites[top.sentence.key].source_id
        others = [
            c
            for c in ranked[1:]
            if c.span.type == top.span.type
            and c.span.unit == top.span.unit
            and c.span.key != top.span.key
            and c.score >= top.score - DIFFERING_MARGIN
            and found.cites[c.sentence.key].source_id != source
        ][:1]
        if others:
            c = others[0]
            first += f" (기사마다 수치가 다릅니다: {c.span.text} [{cite(c.sentence.key)}])"
    quote = top.sentence.text if top.span.type == "yesno" else clip(top.sentence.text, top.span)
    lines = [first, f"— {quote}"]
    facts = [
        {"iri": f.iri, "kind": f.kind, "value": str(f.value) if f.value is not None else None}
        for f in found.facts
        if top.span.key == fact_key(f)
    ]
    return _answer(question, lines, cite, facts=facts[:3])
