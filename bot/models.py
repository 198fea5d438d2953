"""What the bot hands to the CLI, the UI and the JSON output: one shape for all."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid")
    n: int
    source_id: str
    title: str
    publisher: str | None
    published: str | None
    url: str | None
    quote: str
    start: int
    end: int


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    facts: list[dict[str, Any]]
    cypher: list[str]

    def text(self) -> str:
        """The answer as the CLI prints it: answer lines, then numbered citations with their quotes."""
        lines = [self.answer]
        if self.citations:
            lines.append("")
        for c in self.citations:
            meta = ", ".join(x for x in (c.publisher, c.published, c.url) if x)
            lines.append(f"[{c.n}] {c.title}" + (f" — {meta}" if meta else ""))
            lines.append(f"    “{c.quote}”")
        return "\n".join(lines)
