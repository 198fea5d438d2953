"""A progress bar on stderr for long CLI commands: redrawn in place on a terminal, plain lines now and then
when stderr is a file or a pipe (a CI log, `2> log`), where carriage returns would pile up into one line."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

WIDTH = 24
TTY_EVERY_S = 0.1  # redraws on a terminal: often enough to look alive, rarely enough to cost nothing
LOG_EVERY_S = 10.0  # plain lines: one per this many seconds at most, besides the last


class ProgressBar:
    """`with ProgressBar(total, "ingesting") as bar: … bar.update(1)`."""

    def __init__(self, total: int, label: str, unit: str = "articles", stream: TextIO | None = None) -> None:
        self.total, self.label, self.unit = total, label, unit
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self.tty = self.stream.isatty()
        self.started = self.shown_at = time.monotonic()

    def __enter__(self) -> ProgressBar:
        self._show()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if kind is None:
            self._show(final=True)
        elif self.tty:
            self.stream.write("\n")  # an error message starts on its own line, after the bar as it stood
        self.stream.flush()

    def update(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.shown_at >= (TTY_EVERY_S if self.tty else LOG_EVERY_S):
            self._show()

    def line(self) -> str:
        """'ingesting [########--------] 12/36 articles  33%  4.1/s  ~6 s left'."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        share = self.done / self.total if self.total else 1.0
        filled = round(WIDTH * share)
        rate = self.done / elapsed
        left = f"  ~{(self.total - self.done) / rate:.0f} s left" if 0 < self.done < self.total else ""
        return (
            f"{self.label} [{'#' * filled}{'-' * (WIDTH - filled)}] {self.done}/{self.total} {self.unit} "
            f"{share:4.0%}  {rate:.1f}/s{left}"
        )

    def _show(self, final: bool = False) -> None:
        self.shown_at = time.monotonic()
        if self.tty:
            self.stream.write("\r" + self.line() + ("\n" if final else ""))
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()
