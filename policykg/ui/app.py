"""The Gradio UI: four tabs wired to the Backend. Thin on purpose: the work is in backend.py."""

from __future__ import annotations

import hmac
import html
import ipaddress
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no calls home from an offline tool

import gradio as gr
import pandas as pd

from policykg import settings
from policykg.bot.examples import example_questions
from policykg.bot.followup import Turn
from policykg.bot.models import Answer
from policykg.errors import Neo4jUnavailable, UserError
from policykg.ingest.loading import MAX_BYTES
from policykg.service import LoadInterrupted
from policykg.ui import render, uploads
from policykg.ui.backend import Backend
from policykg.ui.cypher_tab import build_cypher_tab
from policykg.ui.graph_tab import build_graph_tab
from policykg.ui.tables import empty, error_html, frame, unreachable_html

log = logging.getLogger(__name__)
ALL_ARTICLES = "(전체 그래프)"
LOGIN_ATTEMPTS = 5  # wrong logins allowed within POLICYKG_UI_LOGIN_WINDOW
# Gradio refuses a whole upload when one file is over its limit, so its limit is only a ceiling that keeps
# a huge file off the disk; uploads.store refuses each file over MAX_BYTES on its own, with the reason.
UPLOAD_CEILING = 10 * MAX_BYTES
CSS = """
.pkg-source-body {white-space: pre-wrap; max-height: 460px; overflow-y: auto; line-height: 1.6;
  border: 1px solid #e5e5e5; padding: 8px; border-radius: 6px}
.pkg-source mark {background: #ffe066; padding: 1px 0}
.pkg-source-meta {color: #666; font-size: 0.9em}
.pkg-error {color: #b00020; font-weight: 600}
.pkg-resolved {color: #555; font-size: 0.9em}
/* Korean wraps between words, not inside them ("그래/프"); overlong URLs still wrap. */
.gradio-container {word-break: keep-all; overflow-wrap: break-word}
.pkg-chip {display: inline-block; padding: 0 6px; margin: 0 1px; border-radius: 10px; font-size: 0.85em;
  line-height: 1.5; background: #e7eefc; color: #1d4ed8 !important; text-decoration: none !important}
.pkg-chip:hover, .pkg-chip:focus-visible {background: #c7d7fb}
/* Gradio's placeholder grey is below 4.5:1; these reach about 6:1 on the light and the dark input. */
.gradio-container ::placeholder {color: #5f6368 !important; opacity: 1}
.dark .gradio-container ::placeholder {color: #a9aeb6 !important}
pre.pkg-error {white-space: pre-wrap; font-family: monospace; font-size: 0.9em}
.pkg-node blockquote {margin: 6px 0; padding-left: 8px; border-left: 3px solid #f4a261; line-height: 1.6}
.pkg-graph-empty {padding: 16px; color: #444}
"""
SOURCE_PLACEHOLDER = "<p>질문하면 답의 출처가 여기에 나옵니다.</p>"
# The page script. A chip in a chat message is a link; clicking it hands "answer:n" to the hidden
# #pkg-chip-target box, whose change event opens the citation (Gradio has no event for a click inside a
# message's HTML). The time makes a second click on the same chip a change too.
PAGE_SCRIPT = """<script>
document.addEventListener("click", (event) => {
  const chip = event.target.closest && event.target.closest("#pkg-chat .pkg-chip");
  if (!chip) return;
  event.preventDefault();
  event.stopPropagation();
  const [, answer, n] = chip.className.match(/pkg-cite-(\\d+)-(\\d+)/);
  const box = document.querySelector("#pkg-chip-target textarea");
  box.value = `${answer}:${n}:${Date.now()}`;
  box.dispatchEvent(new Event("input", {bubbles: true}));
}, true);
// A click on a node in the Graph tab's picture (a sandboxed iframe) arrives as a message: its IRI and where
// the nodes stand go to the hidden #pkg-node-target box, whose change event opens the node.
window.addEventListener("message", (event) => {
  const data = event.data;
  const frame = document.querySelector("#pkg-graph iframe");
  if (!frame || event.source !== frame.contentWindow || !data || typeof data.pkgNode !== "string") return;
  const box = document.querySelector("#pkg-node-target textarea");
  box.value = JSON.stringify({iri: data.pkgNode, positions: data.positions || {}, t: Date.now()});
  box.dispatchEvent(new Event("input", {bubbles: true}));
});
// Ctrl+Enter (⌘+Enter) in the Cypher editor runs the query, before the editor takes the key for a new line.
document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
  if (!event.target.closest || !event.target.closest("#pkg-cypher")) return;
  event.preventDefault();
  event.stopPropagation();
  document.getElementById("pkg-run").click();
}, true);
// Gradio names the upload button in English and redraws it after each upload: keep the Korean name on it.
new MutationObserver(() => {
  for (const el of document.querySelectorAll("#pkg-upload button.upload-container, #pkg-upload input[type=file]"))
    if (el.getAttribute("aria-label") !== "기사 파일 올리기") el.setAttribute("aria-label", "기사 파일 올리기");
}).observe(document.documentElement, {childList: true, subtree: true});
</script>"""
# The newest answer's first line at the top of the chat, clear of the label and icons drawn over its top edge.
SCROLL_TO_ANSWER = """() => {
  const rows = document.querySelectorAll("#pkg-chat .message-row");
  const last = rows[rows.length - 1];
  if (!last) return;
  let box = last.parentElement;
  while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
  if (box) box.scrollTop += last.getBoundingClientRect().top - box.getBoundingClientRect().top - 44;
}"""
SCROLL_TO_QUOTE = (
    "() => { const m = document.getElementById('pkg-quote'); if (m) m.scrollIntoView({block: 'center'}); }"
)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, share: bool, auth: tuple[str, str] | None) -> None:
    """Anything reachable from another machine needs a username and password."""
    if (share or not is_loopback(host)) and auth is None:
        where = "with a share link" if share else f"on {host}"
        raise UserError(
            f"serving {where} makes the UI reachable from other machines: set POLICYKG_UI_USERNAME "
            "and POLICYKG_UI_PASSWORD first (or serve on 127.0.0.1)"
        )


class LoginGuard:
    """Gradio's auth callable. Gradio hands it only the username and password, not the client's address,
    so wrong logins are counted for everyone: after LOGIN_ATTEMPTS of them within `window` seconds every
    login is refused, the right password included, until they are older than the window."""

    def __init__(
        self, username: str, password: str, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._username, self._password = username.encode(), password.encode()
        self.window, self._clock = window, clock
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()

    def __call__(self, username: str, password: str) -> bool:
        with self._lock:
            now = self._clock()
            while self._failures and now - self._failures[0] >= self.window:
                self._failures.popleft()
            if len(self._failures) >= LOGIN_ATTEMPTS:
                return False
            # both compared, in constant time, so timing tells nothing about which one was wrong
            ok = hmac.compare_digest(username.encode(), self._username) & hmac.compare_digest(
                password.encode(), self._password
            )
            if not ok:
                self._failures.append(now)
                if len(self._failures) == LOGIN_ATTEMPTS:
                    log.warning("%d wrong logins within %g s: logins refused for a while", LOGIN_ATTEMPTS, self.window)
            return ok


def login_guard(auth: tuple[str, str]) -> LoginGuard:
    value = settings.get("POLICYKG_UI_LOGIN_WINDOW") or ""
    try:
        window = float(value)
    except ValueError:
        raise UserError(f"POLICYKG_UI_LOGIN_WINDOW must be a number of seconds, not {value!r}") from None
    return LoginGuard(*auth, window=window)


def build(backend: Backend) -> gr.Blocks:
    examples = example_questions(backend.driver, backend.database)

    # --- chat ---------------------------------------------------------------------------------------
    # `answers` holds every answer of the conversation (a chip carries its answer's index), `shown` the index
    # of the answer whose citations the sources panel lists.
    def citation_choices(answer: Answer) -> list[tuple[str, int]]:
        return [(render.citation_label(c), c.n) for c in answer.citations]

    def ask(question: str, history: list[dict[str, Any]], answers: list[dict[str, Any]]) -> tuple[Any, ...]:
        text = question.strip()
        if not text:
            return (gr.update(),) * 6
        try:  # the conversation so far, so that '그 기관은?' or '그럼 2026년은?' follows it; 대화 지우기 empties it
            answer = backend.ask(text, [Turn.of(Answer.model_validate(a)) for a in answers])
        except Neo4jUnavailable as exc:  # the question stays in the box to be sent again
            reply = {"role": "assistant", "content": f'<span class="pkg-error">{html.escape(str(exc))}</span>'}
            history = [*history, {"role": "user", "content": text}, reply]
            return question, history, answers, gr.update(), gr.update(), gr.update()
        index = len(answers)
        history = [
            *history,
            {"role": "user", "content": text},
            {"role": "assistant", "content": render.answer_markdown(answer, index)},
        ]
        choices = citation_choices(answer)
        hint = "출처를 누르면 기사 원문에서 인용 문장을 보여 줍니다." if choices else "인용할 출처가 없습니다."
        return (
            "",
            history,
            [*answers, answer.model_dump()],
            gr.update(choices=choices, value=None, label=f"출처 — {index + 1}번째 답"),
            f"<p>{hint}</p>",
            index,
        )

    def show_citation(n: int | None, answers: list[dict[str, Any]], shown: int | None) -> Any:
        if n is None or shown is None or not 0 <= shown < len(answers):
            return gr.update()
        citation = next((c for c in Answer.model_validate(answers[shown]).citations if c.n == n), None)
        article = backend.article(citation.source_id) if citation else None
        if citation is None or article is None:
            return error_html("이 출처의 기사를 그래프에서 찾지 못했습니다.")
        return render.source_html(article, citation.start, citation.end)

    def open_chip(target: str, answers: list[dict[str, Any]]) -> tuple[Any, Any, Any]:
        """A chip was clicked: the sources panel lists that answer's citations and opens the one clicked."""
        try:
            index, n = (int(x) for x in target.split(":")[:2])
        except ValueError:
            return gr.update(), gr.update(), gr.update()
        if not 0 <= index < len(answers):
            return gr.update(), gr.update(), gr.update()
        choices = citation_choices(Answer.model_validate(answers[index]))
        return (
            gr.update(choices=choices, value=n, label=f"출처 — {index + 1}번째 답"),
            show_citation(n, answers, index),
            index,
        )

    def clear_chat() -> tuple[Any, ...]:
        return [], [], None, gr.update(choices=[], value=None, label="출처"), SOURCE_PLACEHOLDER, ""

    # --- data -----------------------------------------------------------------------------------------
    def articles_table() -> tuple[pd.DataFrame, Any]:
        try:
            rows = backend.articles()
        except Neo4jUnavailable as exc:
            return empty(str(exc)), gr.update()
        keys = ["title", "published", "publisher", "sentences", "entities", "facts", "source_id"]
        table = (
            frame(["제목", "발행일", "언론사", "문장", "개체", "사실", "기사 ID"], [[r[k] for k in keys] for r in rows])
            if rows
            else empty("아직 수집된 기사가 없습니다. 위에서 기사 파일을 올려 보세요.")
        )
        choices = [ALL_ARTICLES] + [
            (" · ".join(x for x in (r["title"] or r["source_id"], r["published"]) if x), r["source_id"]) for r in rows
        ]
        return table, gr.update(choices=choices, value=ALL_ARTICLES)

    # Gradio injects progress through this default (its documented idiom).
    def ingest(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        named = [(Path(f).name, Path(f)) for f in files or []]
        if not named:
            return empty("올릴 기사 파일을 먼저 고르세요."), gr.update(), gr.update(), gr.update(), ""
        kept, refused = uploads.store(named, backend.uploads)
        message, clear_box = "", None  # None empties the upload box for the next files
        try:
            outcomes = backend.ingest(kept, progress=lambda items: progress.tqdm(items, desc="수집")) if kept else []
        except LoadInterrupted as exc:  # what was loaded is whole; the files stay in the box to send again
            outcomes, clear_box = exc.outcomes, gr.update()
            message = render.load_interrupted(outcomes, backend.fix)
        except Neo4jUnavailable as exc:
            return empty(str(exc)), gr.update(), gr.update(), gr.update(), unreachable_html(str(exc))
        rows = [
            [
                Path(r.path).name,
                render.ingest_status(r, loaded),
                r.sentences,
                r.entities,
                sum(r.facts.values()),
                r.notes(),
            ]
            for r, loaded in outcomes
        ]
        rows += [[x.name, "✗ 거부", 0, 0, 0, x.reason] for x in refused]
        table, choices = articles_table()
        report = frame(["파일", "결과", "문장", "개체", "사실", "사유"], rows)
        return report, table, choices, clear_box, message

    def turtle(source_id: str | None) -> tuple[Any, str]:
        try:
            return str(backend.turtle_file(None if source_id in (None, ALL_ARTICLES) else source_id)), ""
        except Neo4jUnavailable as exc:
            return None, unreachable_html(str(exc))

    def shacl() -> str:
        try:
            return backend.shacl_report().summary()
        except Neo4jUnavailable as exc:
            return str(exc)

    with gr.Blocks(title="policykg", analytics_enabled=False) as app:
        gr.Markdown(
            "## policykg — 한국 AI 정책 지식 그래프\n뉴스 기사에서 만든 그래프에 묻고, 답마다 기사 문장을 인용합니다."
        )
        answers = gr.State([])
        shown = gr.State(None)
        # Wrapping, not Gradio's English "More tabs" menu, when the tabs do not fit (a phone).
        with gr.Tabs(overflow_behavior="wrap"):
            with gr.Tab("질문 Chat", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        # No autoscroll: a long answer would open at its bottom; SCROLL_TO_ANSWER shows its first line.
                        chatbot = gr.Chatbot(label="대화", height=460, elem_id="pkg-chat", autoscroll=False)
                        with gr.Row():
                            question = gr.Textbox(
                                label="질문 입력",
                                placeholder="질문을 입력하세요 (예: 과기정통부 장관은 누구야?)",
                                show_label=False,
                                scale=5,
                                elem_id="pkg-question",
                            )
                            ask_button = gr.Button("질문", variant="primary", scale=1, elem_id="pkg-ask")
                            clear_button = gr.Button("대화 지우기", scale=1, elem_id="pkg-clear")
                        # PAGE_SCRIPT writes "answer:n:time" here when a chip is clicked.
                        chip_target = gr.Textbox(visible="hidden", elem_id="pkg-chip-target")
                    # Beside the chat on a wide screen; on a phone the columns stack, so the sources come right
                    # below the answer, in a drawer that folds away, and the examples after them.
                    with gr.Column(scale=2), gr.Accordion("출처", open=True, elem_id="pkg-sources"):
                        citations = gr.Radio(label="출처", choices=[], elem_id="pkg-citations")
                        source = gr.HTML(SOURCE_PLACEHOLDER, elem_id="pkg-source")
                gr.Examples(examples, inputs=question, label="예시 질문")
            build_graph_tab(backend, answers)
            build_cypher_tab(backend)
            with gr.Tab("데이터 Data", id="data"):
                upload = gr.File(
                    label=f"기사 올리기 (.html .htm .txt .md, 파일당 {MAX_BYTES // (1024 * 1024)} MB까지)",
                    file_count="multiple",  # no file_types: Gradio would refuse the whole upload for one file
                    elem_id="pkg-upload",
                )
                ingest_button = gr.Button("수집 Ingest", variant="primary", elem_id="pkg-ingest")
                data_message = gr.HTML(elem_id="pkg-data-message")
                report = gr.Dataframe(
                    empty("기사 파일을 올리고 수집하면 파일마다 결과가 여기 나옵니다."),
                    label="파일별 결과",
                    wrap=True,
                    elem_id="pkg-report",
                )
                articles = gr.Dataframe(label="수집된 기사", wrap=True, elem_id="pkg-articles")
                with gr.Row():
                    article_pick = gr.Dropdown(
                        label="Turtle로 내보낼 범위",
                        choices=[ALL_ARTICLES],
                        value=ALL_ARTICLES,
                        elem_id="pkg-export-pick",
                    )
                    turtle_button = gr.Button("Turtle 내보내기", elem_id="pkg-export")
                turtle_file = gr.File(label="Turtle", elem_id="pkg-turtle")
                shacl_button = gr.Button("SHACL 검증", elem_id="pkg-shacl")
                shacl_text = gr.Textbox(label="SHACL 보고서", lines=8, elem_id="pkg-shacl-report")

        for trigger in (question.submit, ask_button.click):
            trigger(ask, [question, chatbot, answers], [question, chatbot, answers, citations, source, shown]).then(
                None, js=SCROLL_TO_ANSWER
            )
        citations.input(show_citation, [citations, answers, shown], source).then(None, js=SCROLL_TO_QUOTE)
        chip_target.change(open_chip, [chip_target, answers], [citations, source, shown]).then(None, js=SCROLL_TO_QUOTE)
        for trigger in (clear_button.click, chatbot.clear):
            trigger(clear_chat, None, [chatbot, answers, shown, citations, source, chip_target])
        ingest_button.click(ingest, upload, [report, articles, article_pick, upload, data_message])
        turtle_button.click(turtle, article_pick, [turtle_file, data_message])
        shacl_button.click(shacl, None, shacl_text)
        app.load(articles_table, None, [articles, article_pick])
    return app


def launch(app: gr.Blocks, host: str, port: int, share: bool, auth: tuple[str, str] | None, open_browser: bool) -> None:
    check_exposure(host, share, auth)
    theme = gr.themes.Default(
        font=["Noto Sans KR", "NanumGothic", "Malgun Gothic", "sans-serif"], font_mono=["monospace"]
    )  # local fonts only: no font CDN offline
    app.queue(default_concurrency_limit=1)  # one Neo4j driver and one Kiwi: answer in turn
    app.launch(
        server_name=host,
        server_port=port,
        share=share,
        auth=login_guard(auth) if auth else None,
        inbrowser=open_browser,
        max_file_size=UPLOAD_CEILING,
        ssr_mode=False,
        show_error=True,
        theme=theme,
        css=CSS,
        head=PAGE_SCRIPT,
    )
