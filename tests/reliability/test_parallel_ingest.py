"""Extraction in worker processes gives what one process gives, and a bad file (or a worker that dies on one) in
such a batch costs only that file. The broken files are written by the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import neo4j
import pytest
from click.testing import CliRunner

import policykg.ingest
from policykg.cli import main
from policykg.graph.export import export_graph
from policykg.graph.server import ManagedNeo4j
from policykg.ingest.batch import WORKER_DIED, in_workers, ingest_files
from policykg.ingest.pipeline import ArticleResult, discover, ingest_file

SAMPLES = Path(policykg.ingest.__file__).resolve().parent / "samples"


def _dies_on_crash(path: Path) -> ArticleResult:
    """Extraction that kills its worker process on the file named 'crash' (as the kernel's OOM killer would)."""
    if path.stem == "crash":
        os._exit(1)
    return ingest_file(path)


def _with_broken_files(folder: Path) -> list[Path]:
    """The sample articles, with a binary file and an empty one sorted between them."""
    for sample in SAMPLES.iterdir():
        shutil.copy(sample, folder / sample.name)
    (folder / "b_binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "m_empty.txt").write_text("", encoding="utf-8")
    return discover([folder])


def test_workers_extract_the_same_triples_and_reports_as_one_process() -> None:
    files = discover([SAMPLES])
    one_graph, one_reports = ingest_files(files, workers=1)
    two_graph, two_reports = ingest_files(files, workers=2)
    assert len(one_graph) > 0 and set(two_graph) == set(one_graph)
    assert [asdict(r) for r in two_reports] == [asdict(r) for r in one_reports]


def test_a_broken_file_among_workers_is_reported_in_its_place_and_the_rest_ingest(tmp_path: Path) -> None:
    files = _with_broken_files(tmp_path)
    _, reports = ingest_files(files, workers=2)
    assert [r.source_id for r in reports] == [f.stem for f in files]
    refused = {r.source_id: r.reason for r in reports if r.status != "ingested"}
    assert set(refused) == {"b_binary", "m_empty"}
    assert "binary" in refused["b_binary"] and "empty" in refused["m_empty"]


def test_a_worker_dying_on_a_file_refuses_that_file_and_the_rest_ingest(tmp_path: Path) -> None:
    names = ["crash", *sorted(p.name for p in SAMPLES.iterdir())]
    for name in names[1:]:
        shutil.copy(SAMPLES / name, tmp_path / name)
    (tmp_path / "crash.txt").write_text("아무 내용", encoding="utf-8")
    paths = [tmp_path / "crash.txt", *(tmp_path / n for n in names[1:])]
    reports = [r.report for r in in_workers(paths, _dies_on_crash, 2)]
    assert (reports[0].source_id, reports[0].status, reports[0].reason) == ("crash", "skipped", WORKER_DIED)
    assert [r.status for r in reports[1:]] == ["ingested"] * (len(paths) - 1)


def test_workers_that_cannot_start_leave_the_work_to_this_process() -> None:
    # A script read from stdin cannot be imported again by a spawned worker.
    script = (
        "from pathlib import Path\nfrom policykg.ingest.batch import extract_files\n"
        f"paths = sorted(Path({str(SAMPLES)!r}).iterdir())\n"
        "print([r.report.status for r in extract_files(paths, workers=2)])\n"
    )
    done = subprocess.run([sys.executable, "-"], check=False, input=script, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(["ingested"] * len(list(SAMPLES.iterdir())))
    assert "extraction workers could not start" in done.stderr


@pytest.fixture
def empty(driver: neo4j.Driver) -> neo4j.Driver:
    driver.execute_query("MATCH (n:Resource) DETACH DELETE n")
    return driver


def test_a_parallel_load_reports_broken_files_and_loads_the_graph_one_process_loads(
    empty: neo4j.Driver, managed_neo4j: ManagedNeo4j, tmp_path: Path
) -> None:
    files = _with_broken_files(tmp_path)
    env = {"POLICYKG_HOME": str(managed_neo4j.home)}
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--workers", "2"], env=env)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[: len(files)]] == [
        f"{'✗' if f.stem in ('b_binary', 'm_empty') else '✓'} {f.stem}" for f in files
    ]
    parallel = set(export_graph(empty, "neo4j"))
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--workers", "1", "--force"], env=env)
    assert result.exit_code == 0, result.output
    assert parallel and set(export_graph(empty, "neo4j")) == parallel
