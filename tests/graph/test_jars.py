"""The committed jar lock pins Neo4j 5.26 Community and APOC, and verification catches tampering."""

from __future__ import annotations

import re
from pathlib import Path

from policykg.graph import jars


def test_lock_pins_neo4j_5_26_and_apoc_with_checksums() -> None:
    lock = jars.load_lock()
    assert lock.neo4j_version.startswith("5.26.") and lock.apoc_version.startswith("5.26.")
    keys = {j.key for j in lock.jars}
    assert {"org.neo4j:neo4j", "org.neo4j:neo4j-bolt", "org.neo4j.procedure:apoc-core"} <= keys
    assert all(re.fullmatch(r"[0-9a-f]{64}", j.sha256) and j.size > 0 for j in lock.jars)
    assert {j.key for j in lock.by_role("plugin")} >= {
        "org.neo4j.procedure:apoc-core",
        "org.neo4j.procedure:apoc-common",
    }
    assert len({(j.key, j.classifier) for j in lock.jars}) == len(lock.jars), "each artifact is pinned once"


def test_verification_reports_missing_and_tampered_jars(tmp_path: Path) -> None:
    good = tmp_path / "good.bin"
    good.write_bytes(b"real jar bytes")
    template = dict(
        group="org.example", version="1.0", role="server", size=good.stat().st_size, sha256=jars.sha256_of(good)
    )
    ok, tampered, absent = (jars.Jar(artifact=name, **template) for name in ("ok", "tampered", "absent"))
    for jar, content in ((ok, b"real jar bytes"), (tampered, b"evil jar bytes")):
        jar.repo_path(tmp_path).parent.mkdir(parents=True)
        jar.repo_path(tmp_path).write_bytes(content)
    lock = jars.JarLock(neo4j_version="5.26.0", apoc_version="5.26.0", jars=[ok, tampered, absent])
    missing, bad = jars.missing_or_bad(lock, tmp_path)
    assert [j.artifact for j in missing] == ["absent"]
    assert [j.artifact for j in bad] == ["tampered"]


def test_installed_jars_match_the_lock() -> None:
    """The jars the server runs from are exactly the pinned ones (fetched by .ci/run or at first start)."""
    paths = jars.install()
    lock = jars.load_lock()
    assert len(paths) == len(lock.jars)
    assert all(p.name.endswith(".jar") and p.exists() for p in paths)
