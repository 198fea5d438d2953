"""The ingest progress bar: redrawn in place on a terminal, whole lines in a log."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner

import policykg.ingest
from policykg.cli import main
from policykg.progress import ProgressBar

SAMPLES = Path(policykg.ingest.__file__).resolve().parent / "samples"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_whole_lines_with_the_count_and_no_carriage_returns() -> None:
    log = io.StringIO()
    with ProgressBar(3, "ingesting", stream=log) as bar:
        for _ in range(3):
            bar.update(1)
    lines = log.getvalue().splitlines()
    assert "\r" not in log.getvalue()
    assert lines[0].startswith("ingesting [") and "0/3 articles" in lines[0]
    assert "3/3 articles 100%" in lines[-1] and len(lines) == 2  # updates within seconds add no lines


def test_a_terminal_gets_one_line_redrawn_in_place() -> None:
    terminal = _Terminal()
    with ProgressBar(2, "ingesting", stream=terminal) as bar:
        bar.update(2)
    out = terminal.getvalue()
    assert out.startswith("\r") and out.endswith("\n") and out.count("\n") == 1
    assert out.rstrip("\n").split("\r")[-1].startswith("ingesting [" + "#" * 24 + "] 2/2")


def test_ingest_shows_its_progress_on_stderr_apart_from_the_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--out", str(tmp_path / "g.ttl"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    total = len(list(SAMPLES.iterdir()))
    assert f"{total}/{total} articles 100%" in result.stderr.splitlines()[-1]
    assert "articles 100%" not in result.stdout
