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


class Named(BaseModel):
    """An entity of the graph a question named (`answered` False) or its answer's first line named (True):
    what a later question in the conversation may point back at ('그 기관', '거기')."""

    model_config = ConfigDict(extra="forbid")
    iri: str
    name: str
    labels: list[str]
    surface: str  # as the question wrote it (an alias, a part of a programme's name), to find it again
    answered: bool


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    facts: list[dict[str, Any]]
    cypher: list[str]
    # A follow-up question as the bot read it, standing alone ('그럼 국비는?' → '… 국비가 내는 돈은?'); None when
    # the question was answered as it was written.
    resolved: str | None = None
    entities: list[Named] = []

    def text(self) -> str:
        """The answer as the CLI prints it: answer lines, then numbered citations with their quotes."""
        lines = [f"(질문을 이렇게 읽었습니다: {self.resolved})"] if self.resolved else []
        lines.append(self.answer)
        if self.citations:
            lines.append("")
        for c in self.citations:
            meta = ", ".join(x for x in (c.publisher, c.published, c.url) if x)
            lines.append(f"[{c.n}] {c.title}" + (f" — {meta}" if meta else ""))
            lines.append(f"    “{c.quote}”")
        return "\n".join(lines)
