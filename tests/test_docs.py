"""The README documents every setting and every command, sub-commands included (a missing line fails here, not in
a user's shell)."""

from __future__ import annotations

from pathlib import Path

from policykg import settings
from tests.conftest import cli_commands

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    missing = [name for name in settings.SETTINGS if f"`{name}`" not in README]
    assert not missing, f"README lacks settings: {missing}"


def _command_table() -> list[str]:
    """The first cell of each row of the table in README's Commands section, without backticks."""
    section = README.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `policykg ")]
    return [row.split(" | ", 1)[0].lstrip("| ").replace("`", "") for row in rows]


def _documents(cell: str, command: str) -> bool:
    return cell == command or cell.startswith(command + " ")


def test_every_command_and_subcommand_is_in_the_command_table() -> None:
    commands = list(cli_commands())
    cells = _command_table()
    missing = [c for c in commands if not any(_documents(cell, c) for cell in cells)]
    assert not missing, f"README's command table lacks: {missing}"
    stale = [cell for cell in cells if not any(_documents(cell, c) for c in commands)]
    assert not stale, f"README's command table names commands that do not exist: {stale}"
