"""The README documents every setting and every command (a missing line fails here, not in a user's shell)."""

from __future__ import annotations

from pathlib import Path

from policykg import settings
from policykg.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    missing = [name for name in settings.SETTINGS if f"`{name}`" not in README]
    assert not missing, f"README lacks settings: {missing}"


def test_every_command_is_documented() -> None:
    missing = [name for name in main.commands if f"policykg {name}" not in README]
    assert not missing, f"README lacks commands: {missing}"
