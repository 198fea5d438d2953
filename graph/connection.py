"""Where commands send their Cypher: an external Neo4j when NEO4J_URI is set, else the managed one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j

from policykg import settings
from policykg.errors import Neo4jUnavailable
from policykg.graph.server import USERNAME, ManagedNeo4j


@dataclass(frozen=True)
class Neo4jTarget:
    uri: str
    username: str
    password: str
    database: str
    managed: bool
    home: Path | None = None

    def describe(self) -> str:
        kind = f"managed Neo4j of {self.home}" if self.managed else "external Neo4j (NEO4J_URI)"
        return f"{self.uri} ({kind}, database {self.database})"


def is_external() -> bool:
    return settings.get("NEO4J_URI") is not None


def resolve_target(home: Path | None = None) -> Neo4jTarget:
    database = settings.get("NEO4J_DATABASE") or "neo4j"
    uri = settings.get("NEO4J_URI")
    if uri:
        password = settings.get("NEO4J_PASSWORD")
        if password is None:
            raise Neo4jUnavailable("NEO4J_URI is set but NEO4J_PASSWORD is not")
        return Neo4jTarget(uri, settings.get("NEO4J_USERNAME") or "neo4j", password, database, managed=False)
    server = ManagedNeo4j(home)
    if server.running_pid() is None or server.uri is None:
        raise Neo4jUnavailable(f"the managed Neo4j of {server.home} is not running: run `policykg neo4j start`")
    return Neo4jTarget(server.uri, USERNAME, server.password(), database, managed=True, home=server.home)


def open_driver(target: Neo4jTarget, **config: Any) -> neo4j.Driver:
    """A driver that answers; `config` goes to the driver (timeouts, retries)."""
    # Notifications (unknown label warnings on an empty graph, …) are for query authors, not for logs.
    driver = neo4j.GraphDatabase.driver(
        target.uri, auth=(target.username, target.password), notifications_min_severity="OFF", **config
    )
    try:
        driver.verify_connectivity()
    except neo4j.exceptions.AuthError as exc:
        driver.close()
        raise Neo4jUnavailable(f"{target.describe()} rejected the credentials") from exc
    except (neo4j.exceptions.ServiceUnavailable, OSError) as exc:
        driver.close()
        raise Neo4jUnavailable(f"cannot reach {target.describe()}: {exc}") from exc
    return driver
