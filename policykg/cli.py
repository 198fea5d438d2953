"""The `policykg` command: a thin layer over the stage packages. Exit codes: 0 ok, 1 user error,
2 environment (Java, Maven, Neo4j), 3 bug."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from policykg import __version__, settings
from policykg.errors import PolicyKGError, UserError

F = TypeVar("F", bound=Callable[..., Any])


def reports_errors(func: F) -> F:
    """Turn policykg's errors into one-line messages and exit codes instead of tracebacks."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PolicyKGError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
        raise UserError(f"NEO4J_URI is set, so policykg uses that server and does not {action} a managed one; "
                        "unset NEO4J_URI to manage the local server")


@neo4j.command()
@click.option("--port", type=int, help="Bolt port (default: the port chosen at first start, or a free one).")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@reports_errors
def start(port: int | None, as_json: bool) -> None:
    """Start the managed Neo4j and return once Bolt answers. Harmless when it already runs."""
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
        records, _, _ = driver.execute_query("CALL dbms.components() YIELD versions, edition "
                                             "RETURN versions[0] AS version, edition")
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
    click.echo(f"Neo4j {lock.neo4j_version} + APOC {lock.apoc_version}: {len(paths)} jars, "
               f"{size / 1e6:.1f} MB, sha256 verified, in {settings.maven_repo()}")


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
@main.command()
@reports_errors
def demo() -> None:
    """Set everything up and run the main job: start Neo4j and say how to connect."""
    from policykg.graph.server import ManagedNeo4j

    _refuse_if_external("start")
    status = ManagedNeo4j().start()
    _print_status(status, as_json=False)
    click.echo("\nConnect with the official driver, e.g.:")
    click.echo(f"  neo4j.GraphDatabase.driver('{status.uri}', auth=('neo4j', <password file contents>))")


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
    server.stop()
    for sub in ("data", "logs", "run", "password", "server.json"):
        path = server.root / sub
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    click.echo(f"reset {server.root}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the graph as Turtle to this file (loading into Neo4j arrives with the graph stage).")
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the per-article report (what was extracted, skipped and why) as JSON.")
@click.option("--no-validate", is_flag=True, help="Skip the per-article SHACL check (faster).")
@reports_errors
def ingest(paths: tuple[Path, ...], out: Path | None, report: Path | None, no_validate: bool) -> None:
    """Ingest Korean news articles (files or folders of .html/.txt/.md, UTF-8 or EUC-KR).

    \b
    Example:
      policykg ingest ../shared/corpus/seeds --out seeds.ttl
    """
    from dataclasses import asdict

    from policykg.ingest.pipeline import discover, ingest_files

    if out is None:
        raise UserError("loading into Neo4j is not built yet in this version (graph stage); use --out FILE.ttl")
    files = discover(paths)
    if not files:
        raise UserError(f"no article files under {', '.join(map(str, paths))}")
    with click.progressbar(length=len(files), label="ingesting", file=sys.stderr) as bar:
        def progress(items):  # type: ignore[no-untyped-def]
            for item in items:
                yield item
                bar.update(1)
        graph, reports = ingest_files(files, check_shapes=not no_validate, progress=progress)
    for r in reports:
        click.echo(r.line())
    ok = sum(r.status == "ingested" for r in reports)
    tmp = out.with_name(out.name + ".tmp")
    graph.serialize(tmp, format="turtle")
    tmp.replace(out)  # written whole or not at all
    if report:
        report.write_text(json.dumps([asdict(r) for r in reports], ensure_ascii=False, indent=1), encoding="utf-8")
    click.echo(f"{ok} of {len(reports)} articles ingested; {len(graph)} triples written to {out}")


def _later(name: str, issue: int, summary: str) -> None:
    """Register a command whose stage is not built yet: it says so plainly and exits 1."""

    @main.command(name=name, help=f"{summary} (not built yet: arrives with issue #{issue}).",
                  context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
    @reports_errors
    def command() -> None:
        raise UserError(f"`policykg {name}` is not built yet in this version (issue #{issue})")


_later("export", 5, "Export the graph as Turtle, N-Triples or JSON-LD")
_later("query", 5, "Run read-only Cypher: policykg query \"MATCH (n) RETURN count(n)\"")
_later("ask", 6, "Ask a Korean question: policykg ask \"과기정통부 예산은?\"")
_later("eval", 6, "Score the bot on a QA file: policykg eval ../shared/eval/dev_qa.jsonl")
_later("serve", 7, "Start the Gradio UI on 127.0.0.1:7860")


if __name__ == "__main__":  # pragma: no cover
    main()
