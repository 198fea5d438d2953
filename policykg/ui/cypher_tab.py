"""The Cypher tab: the read-only console with the saved competency questions, a highlighting editor (Ctrl+Enter
runs), a cancel that also ends the query on the server, its limits stated, results as a table (large numbers
with thousands separators), a graph and a CSV for Excel."""

from __future__ import annotations

import json
import uuid
from typing import Any

import gradio as gr

from policykg.errors import Neo4jUnavailable, UserError
from policykg.graph.query import QueryCancelled
from policykg.ontology.competency import competency_questions
from policykg.ui import render
from policykg.ui.backend import CONSOLE_ROWS, CONSOLE_TIMEOUT, Backend
from policykg.ui.tables import empty, error_html, frame, unreachable_html

FIRST_QUERY = "MATCH (p:Programme) RETURN p.name AS programme ORDER BY programme"
LIMITS = (
    f"읽기 전용: 그래프를 바꾸는 쿼리는 거부됩니다. 쿼리마다 최대 {CONSOLE_TIMEOUT:g}초, {CONSOLE_ROWS:,}행까지 "
    "실행합니다. 편집기에서 **Ctrl+Enter**(Mac은 ⌘+Enter)를 누르면 실행합니다."
)


def build_cypher_tab(backend: Backend) -> None:
    cookbook = {cq.id: cq for cq in competency_questions()}
    hidden_csv = gr.update(value=None, visible=False)

    def pick_saved(cq_id: str | None) -> tuple[Any, Any]:
        if not cq_id or cq_id not in cookbook:
            return gr.update(), gr.update()
        cq = cookbook[cq_id]
        return cq.cypher.strip(), json.dumps(cq.params, ensure_ascii=False)

    def run(text: str, params_text: str, tag: str) -> tuple[Any, ...]:
        try:
            params = json.loads(params_text or "{}")
            if not isinstance(params, dict):
                raise UserError('parameters must be a JSON object, e.g. {"name": "과학기술정보통신부"}')
        except json.JSONDecodeError as exc:
            return error_html(f"parameters are not valid JSON: {exc}"), gr.update(), "", hidden_csv
        try:
            result = backend.run_cypher(text, params, tag=tag)
            drawing = backend.result_drawing(result)
        except Neo4jUnavailable as exc:
            return unreachable_html(str(exc)), gr.update(), "", hidden_csv
        except QueryCancelled:
            return gr.update(), gr.update(), gr.update(), hidden_csv  # the cancel button says what happened
        except UserError as exc:
            return error_html(str(exc)), gr.update(), "", hidden_csv
        note = f"{len(result.rows):,}행" + (f" (처음 {CONSOLE_ROWS:,}행까지만)" if result.truncated else "")
        return (
            f"<p>{note}</p>",
            frame(result.columns, result.rows, numbers=True) if result.columns else empty("결과가 없습니다."),
            render.graph_html(drawing, empty="결과에 노드가 없어 그래프가 없습니다."),
            gr.update(value=str(backend.csv_file(result)), visible=True),
        )

    def cancel(tag: str) -> str:
        try:
            stopped = backend.stop_cypher(tag)
        except Neo4jUnavailable as exc:
            return unreachable_html(str(exc))
        return "<p>쿼리를 취소했습니다." + (" 서버에서 실행 중이던 쿼리도 멈췄습니다." if stopped else "") + "</p>"

    with gr.Tab("Cypher", id="cypher"):
        tag = gr.State(lambda: uuid.uuid4().hex)  # this browser session's queries, for the cancel button
        saved = gr.Dropdown(
            label="저장된 쿼리 (competency questions)",
            elem_id="pkg-saved",
            value=None,
            choices=[(f"{cq.id} — {cq.ko}", cq.id) for cq in cookbook.values()],
        )
        # Gradio has no Cypher mode. Of its SQL dialects MySQL's colours the most Cypher keywords (MATCH, WHERE,
        # WITH, CALL, RETURN, CONTAINS, ORDER BY, LIMIT…), and strings, numbers and `quoted` names as Cypher has them.
        cypher_text = gr.Code(
            FIRST_QUERY,
            language="sql-mySQL",
            lines=6,
            label="Cypher (읽기 전용)",
            interactive=True,
            elem_id="pkg-cypher",
        )
        gr.Markdown(LIMITS, elem_id="pkg-cypher-limits")
        params = gr.Textbox(label="매개변수 (JSON)", value="{}", elem_id="pkg-params")
        with gr.Row():
            run_button = gr.Button("실행", variant="primary", elem_id="pkg-run")
            cancel_button = gr.Button("취소", elem_id="pkg-cancel")
        message = gr.HTML(elem_id="pkg-cypher-message")
        with gr.Tabs():
            with gr.Tab("표 Table"):
                table = gr.Dataframe(
                    empty("쿼리를 실행하면 결과가 여기 나옵니다."), wrap=True, elem_id="pkg-cypher-table"
                )
            with gr.Tab("그래프 Graph"):
                drawing = gr.HTML(elem_id="pkg-cypher-graph")
        csv_file = gr.File(label="CSV (Excel용 UTF-8)", visible=False, elem_id="pkg-csv")

    saved.change(pick_saved, saved, [cypher_text, params])
    running = run_button.click(run, [cypher_text, params, tag], [message, table, drawing, csv_file])
    # Not queued behind the query it cancels.
    cancel_button.click(cancel, tag, message, cancels=[running], concurrency_limit=None)
