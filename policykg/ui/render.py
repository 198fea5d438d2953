"""HTML and Markdown for the UI: the answer as a chat message, the source article with the quoted
sentence highlighted, and graphs drawn by vis-network. Everything from the data is escaped."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from urllib.parse import urlsplit

from policykg.bot.facts import Evidence
from policykg.bot.models import Answer, Citation
from policykg.errors import EnvironmentProblem
from policykg.graph.loader import LoadResult
from policykg.ingest.pipeline import ArticleReport
from policykg.ontology.labels import korean_labels
from policykg.service import NOT_ATTEMPTED, NOT_LOADED
from policykg.ui.backend import ArticleView
from policykg.ui.explore import Drawing, NodeDetails

COLOURS = {
    "Fact": "#f4a261",
    "Article": "#adb5bd",
    "MonetaryAmount": "#2a9d8f",
    "Quantity": "#8ab17d",
    "Person": "#e76f51",
    "Programme": "#9b5de5",
    "Organization": "#457b9d",
    "Law": "#e9c46a",
    "Event": "#f28482",
    "Place": "#84a59d",
    "TimeSpan": "#cdb4db",
    "Other": "#ced4da",
}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_ESCAPED_MARK = re.compile(r"\\\[(\d+)\\\]")  # `[n]` after md_escape


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


QUOTE_PREVIEW = 40  # characters of the quote in a citation's label: enough to tell two sentences apart


def _source_line(c: Citation) -> str:
    return " · ".join(x for x in (c.title, c.publisher, c.published) if x)


def citation_label(c: Citation) -> str:
    """The sources panel's choice: the article and the start of the sentence, so that two sentences of one
    article differ."""
    quote = c.quote if len(c.quote) <= QUOTE_PREVIEW else c.quote[:QUOTE_PREVIEW] + "…"
    return f"[{c.n}] {_source_line(c)} — “{quote}”"


def citation_chip(c: Citation, answer_index: int) -> str:
    """`[n]` as a clickable chip; hovering shows the quoted sentence and its article. The page script
    (PAGE_SCRIPT in app.py) reads the answer's index and n from its class (Gradio's sanitiser drops data-*
    attributes) to open that citation in the sources panel."""
    preview = html.escape(f"“{c.quote}”\n— {_source_line(c)}", quote=True)
    return f'<a class="pkg-chip pkg-cite-{answer_index}-{c.n}" href="#" role="button" title="{preview}">[{c.n}]</a>'


def answer_markdown(answer: Answer, answer_index: int) -> str:
    """The chat message: the answer with its `[n]` as chips, then each citation with its verbatim quote."""
    chips = {c.n: citation_chip(c, answer_index) for c in answer.citations}

    def chip(match: re.Match[str]) -> str:
        return chips.get(int(match.group(1)), match.group(0))

    parts = [_ESCAPED_MARK.sub(chip, md_escape(line)) for line in answer.answer.splitlines()]
    if answer.resolved:  # a follow-up: show the question as it was read, so the user can tell
        parts.insert(0, f'<span class="pkg-resolved">질문을 이렇게 읽었습니다: {md_escape(answer.resolved)}</span>\n')
    for c in answer.citations:
        label = md_escape(_source_line(c))
        parts.append(f"\n{chips[c.n]} **{label}**  \n> {md_escape(c.quote)}")
    return "\n".join(parts)


def ingest_status(report: ArticleReport, loaded: LoadResult | None) -> str:
    """A file's outcome at a glance; refused uploads never get this far (app.py marks them ✗ 거부)."""
    if report.reason == NOT_LOADED:
        return "✗ 적재 안 됨 (연결 끊김)"
    if report.reason == NOT_ATTEMPTED:
        return "– 시도 안 함 (연결 끊김)"
    if report.status != "ingested" or loaded is None:
        return "↷ 건너뜀"
    return {"unchanged": "↷ 변경 없음", "replaced": "✓ 적재됨 (이전 판 교체)"}.get(loaded.status, "✓ 적재됨")


def load_interrupted(outcomes: list[tuple[ArticleReport, LoadResult | None]], fix: str) -> str:
    """What an upload whose load lost Neo4j left behind: each article is loaded whole or not at all."""
    loaded = sum(r is not None and not r.status.startswith("failed") for _, r in outcomes)
    return (
        f'<p class="pkg-error">기사를 적재하는 중에 Neo4j 연결이 끊겼습니다. {len(outcomes)}개 중 {loaded}개를 '
        "적재했고, 나머지는 전혀 적재되지 않았습니다(반쯤 적재된 기사는 없습니다). "
        f"{html.escape(fix)} 같은 파일을 다시 올리면 적재된 기사는 ‘변경 없음’으로 건너뜁니다.</p>"
    )


def source_html(article: ArticleView, start: int | None = None, end: int | None = None) -> str:
    """The article's header and text, the span [start, end) marked; the page scrolls to the mark."""
    meta = " · ".join(html.escape(x) for x in (article.publisher, article.published) if x)
    url = article.url or ""
    # Only http(s) becomes a link: a graph loaded before ingest dropped other schemes may still hold javascript:.
    link = (
        f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">{html.escape(url)}</a>'
        if urlsplit(url).scheme.lower() in ("http", "https")
        else html.escape(url)
    )
    body = article.body
    if start is not None and end is not None and 0 <= start < end <= len(body):
        text = (
            html.escape(body[:start])
            + '<mark id="pkg-quote">'
            + html.escape(body[start:end])
            + "</mark>"
            + html.escape(body[end:])
        )
    else:
        text = html.escape(body)
    return (
        f'<div class="pkg-source"><h3 class="pkg-source-title" title="기사 ID: {html.escape(article.source_id)}">'
        f'{html.escape(article.title)}</h3><p class="pkg-source-meta">{meta}<br>{link}</p>'
        f'<div class="pkg-source-body">{text}</div></div>'
    )


_VIS_DIR = re.compile(r"vis-(\d+(?:\.\d+)*)")


def find_vis_network(lib: Traversable) -> Traversable:
    """The newest `vis-VERSION/vis-network.min.js` in pyvis's `lib` folder (it ships more than one, and
    their versions change with pyvis's)."""
    found = {}
    for folder in lib.iterdir() if lib.is_dir() else ():
        match = _VIS_DIR.fullmatch(folder.name)
        if match and (folder / "vis-network.min.js").is_file():
            found[tuple(int(n) for n in match.group(1).split("."))] = folder / "vis-network.min.js"
    if not found:
        raise EnvironmentProblem(
            f"no vis-network script (vis-*/vis-network.min.js) in {lib}: the pyvis package is incomplete; "
            "reinstall it with `uv sync --frozen`"
        )
    return found[max(found)]


@lru_cache(maxsize=1)
def _vis_network_js() -> str:
    # pyvis ships vis-network; its own page template pulls Bootstrap from a CDN, so only the script is used.
    return find_vis_network(resources.files("pyvis") / "lib").read_text(encoding="utf-8")


_PAGE = """<!doctype html><html><head><meta charset="utf-8"><script>{js}</script>
<style>html,body{{margin:0;height:100%;font-family:"Noto Sans KR","NanumGothic","Malgun Gothic",sans-serif}}
#g{{height:100%}}#legend{{position:absolute;top:4px;left:4px;font-size:13px;background:#fffe;padding:3px 6px;
z-index:1;border-radius:4px}}#legend span{{display:inline-block;margin-right:8px}}#legend i{{display:inline-block;
width:10px;height:10px;margin-right:3px;border-radius:50%}}</style></head><body><div id="legend">{legend}</div>
<div id="g"></div><script>
const data = {data};
const network = new vis.Network(document.getElementById("g"),
  {{nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}},
  {{groups: data.groups, edges: {{font: {{size: 12, align: "middle", strokeWidth: 3}}, color: "#8a8a8a"}},
    nodes: {{shape: "dot", size: 16, font: {{size: 15, strokeWidth: 3, strokeColor: "#ffffff"}}}},
    interaction: {{hover: true, tooltipDelay: 150}},
    physics: {{stabilization: {{iterations: 150}}, barnesHut: {{springLength: 110, avoidOverlap: 0.3}}}}}});
// Fitted, but never so far out that the labels shrink below about 12 px: pan or zoom for the rest.
network.once("stabilizationIterationsDone", () => {{
  network.fit({{minZoomLevel: 0.8, maxZoomLevel: 1.3}});
  document.body.dataset.ready = "1";
}});
// The page is sandboxed (no same origin): a click reaches the UI as a message naming the node (PAGE_SCRIPT).
if (data.clickable) network.on("click", (event) => {{
  if (event.nodes.length) parent.postMessage({{pkgNode: event.nodes[0], positions: network.getPositions()}}, "*");
}});
</script></body></html>"""


def group_name(group: str) -> str:
    return "기타" if group == "Other" else korean_labels().label(group)


def graph_html(
    drawing: Drawing, height: int = 560, empty: str = "그래프로 보여줄 것이 없습니다.", clickable: bool = False
) -> str:
    """An iframe page drawing the graph (Gradio's HTML component does not run scripts; an iframe does). On a
    clickable one, a click on a node posts its IRI to the page, which opens it."""
    if not drawing.nodes:
        return f'<div class="pkg-graph-empty">{html.escape(empty)}</div>'
    used = sorted({n["group"] for n in drawing.nodes}, key=lambda g: list(COLOURS).index(g))
    legend = "".join(f'<span><i style="background:{COLOURS[g]}"></i>{html.escape(group_name(g))}</span>' for g in used)
    data = {
        "nodes": drawing.nodes,
        "edges": drawing.edges,
        "groups": {g: {"color": {"background": c, "border": "#555"}} for g, c in COLOURS.items()},
        "clickable": clickable,
    }
    # `</` inside the JSON must not close the script element.
    page = _PAGE.format(
        js=_vis_network_js(), legend=legend, data=json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    )
    return (
        f'<iframe class="pkg-graph" title="그래프" style="width:100%;height:{height}px;border:1px solid #ddd" '
        f'sandbox="allow-scripts" srcdoc="{html.escape(page, quote=True)}"></iframe>'
        f'<p class="pkg-graph-count">노드 {len(drawing.nodes)}개, 관계 {len(drawing.edges)}개</p>'
    )


def evidence_line(e: Evidence) -> str:
    """A sentence's article as a citation: title (a link when it has an http(s) URL), publisher and date."""
    title = html.escape(e.title)
    if e.url and urlsplit(e.url).scheme.lower() in ("http", "https"):
        title = f'<a href="{html.escape(e.url, quote=True)}" target="_blank" rel="noopener noreferrer">{title}</a>'
    rest = " · ".join(html.escape(x) for x in (e.publisher, e.published) if x)
    return f"{title}" + (f" — {rest}" if rest else "")


def node_details_html(details: NodeDetails | None) -> str:
    """A clicked node: its caption and kind, what a fact names, and the sentences stating or mentioning it."""
    if details is None:
        return '<p class="pkg-error">이 노드를 그래프에서 찾지 못했습니다.</p>'
    parts = [
        f'<h4 class="pkg-node-title">{html.escape(details.caption)}</h4>'
        f'<p class="pkg-source-meta">{html.escape(details.kind)}</p>'
    ]
    if details.roles:
        parts.append(
            "<ul>" + "".join(f"<li>{html.escape(r)}: {html.escape(n)}</li>" for r, n in details.roles) + "</ul>"
        )
    if not details.evidence:
        parts.append("<p>이 노드를 말하는 문장이 없습니다.</p>")
    for i, e in enumerate(details.evidence, 1):
        parts.append(
            f'<blockquote class="pkg-evidence">“{html.escape(e.text)}”'
            f'<br><span class="pkg-source-meta">[{i}] {evidence_line(e)}</span></blockquote>'
        )
    if details.total > len(details.evidence):
        parts.append(f'<p class="pkg-source-meta">근거·언급 문장 {details.total}개 중 {len(details.evidence)}개</p>')
    return '<div class="pkg-node">' + "".join(parts) + "</div>"
