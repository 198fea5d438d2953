"""The Graph tab: one picture that explains, in the spirit of Neo4j Bloom. It starts from the last answer's facts
or from an entity found by name or alias; each node is captioned in Korean; a click on a node shows its
sentences with their articles and draws its neighbours too; "더 보기" draws more of them."""

from __future__ import annotations

import html
import json
from typing import Any

import gradio as gr
import pandas as pd

from policykg.bot.models import Answer
from policykg.errors import Neo4jUnavailable
from policykg.ui import render
from policykg.ui.backend import Backend, fact_summary
from policykg.ui.explore import PAGE, Drawing
from policykg.ui.tables import empty, frame, unreachable_html

NODE_HINT = "<p>노드를 누르면 그 노드를 말하는 기사 문장과 출처가 여기 나오고, 이웃이 그래프에 더해집니다.</p>"
FACTS_HINT = "개체를 고르면 그 사실과 근거 문장이 여기 나옵니다."
START = "먼저 질문하거나 위에서 개체를 찾아 보세요. 답의 근거나 개체 주변이 여기 그려집니다."
# The view: the nodes whose neighbours are drawn, how many each, and what it shows; `answers` is how many answers
# there were when it was last set from one, so returning to the tab redraws only after a new answer.
NEW_VIEW: dict[str, Any] = {"centres": [], "limit": PAGE, "title": "", "answers": 0}


def _positions(target: str) -> tuple[str, dict[str, dict[str, float]]]:
    """The clicked node and where the nodes were drawn, as the page script hands them over (only numbers are
    taken from the browser: they go back into the drawing)."""
    try:
        data = json.loads(target)
        places = {
            str(iri): {"x": float(p["x"]), "y": float(p["y"])} for iri, p in (data.get("positions") or {}).items()
        }
        return str(data["iri"]), places
    except (ValueError, KeyError, TypeError, AttributeError):
        return "", {}


def build_graph_tab(backend: Backend, answers: gr.State) -> gr.Tab:
    def draw(state: dict[str, Any], positions: dict[str, dict[str, float]] | None = None) -> tuple[Any, ...]:
        """The picture, the line saying what it shows, and "더 보기" when neighbours were left out."""
        if not state["centres"]:
            return render.graph_html(Drawing(), empty=START), "", gr.update(visible=False)
        try:
            scene = backend.scene(state["centres"], state["limit"])
        except Neo4jUnavailable as exc:
            return unreachable_html(str(exc)), "", gr.update(visible=False)
        for node in scene.drawing.nodes:  # nodes drawn before keep their place; new ones settle around them
            node.update(positions.get(node["id"], {}) if positions else {})
        note = state["title"] + (f" — 이웃 {scene.hidden}개를 더 볼 수 있습니다." if scene.hidden else "")
        more = gr.update(visible=scene.hidden > 0, value=f"더 보기 (+{min(scene.hidden, PAGE)})")
        return render.graph_html(scene.drawing, clickable=True), note, more

    def from_answer(past: list[dict[str, Any]], state: dict[str, Any], force: bool) -> tuple[Any, ...]:
        if not force and state["answers"] == len(past):
            return (gr.update(),) * 5  # no new answer since this tab last drew one: the view stays as it is
        if not past:  # the conversation was cleared
            return dict(NEW_VIEW), *draw(NEW_VIEW), NODE_HINT
        facts = [f["iri"] for f in Answer.model_validate(past[-1]).facts if f.get("iri")]
        title = f"{len(past)}번째 답의 근거 사실과 그것이 말하는 것"
        if not facts:
            title = f"{len(past)}번째 답은 그래프의 사실이 아니라 기사 문장에 근거합니다."
        state = {"centres": facts, "limit": PAGE, "title": title, "answers": len(past)}
        return state, *draw(state), NODE_HINT

    def search(text: str) -> tuple[Any, ...]:
        """The hits in the list, the first one picked (which draws it); or a Korean empty state."""
        cleared = (gr.update(choices=[], value=None), "", gr.update(visible=False), empty(FACTS_HINT))
        try:
            hits = backend.search_entities(text)
        except Neo4jUnavailable as exc:
            return cleared[0], unreachable_html(str(exc)), *cleared[1:]
        if not hits:
            message = (
                f"일치하는 개체가 없습니다: ‘{html.escape(text.strip())}’. "
                "다른 이름이나 별칭(예: 과기정통부, NIPA)으로 찾아 보세요."
                if text.strip()
                else "찾을 이름이나 별칭을 입력하세요."
            )
            return cleared[0], f'<p class="pkg-graph-empty">{message}</p>', *cleared[1:]
        choices = [(h.label, h.iri) for h in hits]
        return gr.update(choices=choices, value=hits[0].iri), *(gr.update(),) * 4

    def show_entity(iri: str | None, state: dict[str, Any]) -> tuple[Any, ...]:
        if not iri:
            return state, gr.update(), gr.update(), gr.update(), NODE_HINT, empty(FACTS_HINT)
        try:
            details, facts = backend.details(iri), backend.entity_facts(iri)
        except Neo4jUnavailable as exc:
            return state, unreachable_html(str(exc)), "", gr.update(visible=False), NODE_HINT, empty(FACTS_HINT)
        name = details.caption if details else ""
        state = {**state, "centres": [iri], "limit": PAGE, "title": f"‘{name}’ 주변"}
        return state, *draw(state), render.node_details_html(details), facts_table(facts)

    def facts_table(facts: list[Any]) -> pd.DataFrame:
        rows = [
            [
                fact_summary(f),
                *(
                    (f.evidence[0].text, f.evidence[0].title, f.evidence[0].published or "")
                    if f.evidence
                    else ("",) * 3
                ),
            ]
            for f in facts
        ]
        return (
            frame(["사실", "근거 문장", "기사", "날짜"], rows)
            if rows
            else empty("이 개체에 대해 기사에 적힌 사실이 없습니다.")
        )

    def open_node(target: str, state: dict[str, Any]) -> tuple[Any, ...]:
        iri, positions = _positions(target)
        if not iri:
            return (gr.update(),) * 5
        try:
            details = backend.details(iri)
        except Neo4jUnavailable as exc:
            return state, unreachable_html(str(exc)), "", gr.update(visible=False), NODE_HINT
        if iri not in state["centres"]:
            state = {**state, "centres": [*state["centres"], iri]}
        return state, *draw(state, positions), render.node_details_html(details)

    def more(state: dict[str, Any]) -> tuple[Any, ...]:
        state = {**state, "limit": state["limit"] + PAGE}
        return state, *draw(state)

    with gr.Tab("그래프 Graph", id="graph") as tab:
        view = gr.State(dict(NEW_VIEW))  # inside the tab: a component between tabs upsets Gradio's tab bar
        with gr.Row():
            entity_text = gr.Textbox(
                label="개체 찾기 (이름·별칭)",
                placeholder="예: 과기정통부, 네이버, NIPA",
                scale=3,
                elem_id="pkg-entity-text",
            )
            entity_pick = gr.Dropdown(label="찾은 개체", choices=[], value=None, scale=3, elem_id="pkg-entity-pick")
            answer_button = gr.Button("마지막 답의 그래프", scale=1, elem_id="pkg-answer-graph")
        note = gr.Markdown(elem_id="pkg-graph-note")
        with gr.Row():
            with gr.Column(scale=3):
                picture = gr.HTML(render.graph_html(Drawing(), empty=START), elem_id="pkg-graph")
                more_button = gr.Button("더 보기", visible=False, elem_id="pkg-graph-more")
            with gr.Column(scale=2):
                node_panel = gr.HTML(NODE_HINT, elem_id="pkg-node")
        entity_facts = gr.Dataframe(empty(FACTS_HINT), label="사실과 근거", wrap=True, elem_id="pkg-entity-facts")
        # PAGE_SCRIPT writes {"iri", "positions", "t"} here when a node is clicked in the picture.
        node_target = gr.Textbox(visible="hidden", elem_id="pkg-node-target")

    drawn = [view, picture, note, more_button]
    # One queue for the tab's events, so they finish in the order they were started: the last answer's graph,
    # drawn as the tab opens, never lands over an entity searched right after.
    queue: dict[str, Any] = {"concurrency_id": "pkg-graph", "concurrency_limit": 1}
    tab.select(lambda a, v: from_answer(a, v, False), [answers, view], [*drawn, node_panel], **queue)
    answer_button.click(lambda a, v: from_answer(a, v, True), [answers, view], [*drawn, node_panel], **queue)
    entity_text.submit(search, entity_text, [entity_pick, picture, note, more_button, entity_facts], **queue)
    entity_pick.change(show_entity, [entity_pick, view], [*drawn, node_panel, entity_facts], **queue)
    node_target.change(open_node, [node_target, view], [*drawn, node_panel], **queue)
    more_button.click(more, view, drawn, **queue)
    return tab
