"""One root exception with narrow subclasses; each carries the CLI exit code it maps to."""

from __future__ import annotations


class PolicyKGError(Exception):
    """Root of every error policykg raises on purpose. Unexpected ones are bugs (exit 3)."""

    exit_code = 3


class UserError(PolicyKGError):
    """The request cannot be done as asked (bad argument, bad input file, write in a read-only console)."""

    exit_code = 1


class EnvironmentProblem(PolicyKGError):
    """Something outside policykg is missing or broken: Java, Maven, the Neo4j server, a port."""

    exit_code = 2


class Neo4jUnavailable(EnvironmentProblem):
    """The Neo4j server is not running, not reachable, or refused the credentials."""


def explained(korean: str, detail: str) -> str:
    """A message for policykg's Korean readers: what happened in Korean, the technical detail (English, as logs
    and bug reports want it) second, in parentheses."""
    return f"{korean} ({detail})"


class BadArticle(UserError):
    """One input file cannot be ingested; the message is the one-line reason, in Korean with the technical
    detail after it. The batch goes on."""

    def __init__(self, korean: str, detail: str) -> None:
        super().__init__(explained(korean, detail))
