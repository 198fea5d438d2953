"""The managed local Neo4j: a real Neo4j 5.26 Community server with APOC, run from Maven Central jars.

Everything lives under `<POLICYKG_HOME>/neo4j/`: generated conf, data, logs, pid file, the Bolt port
chosen at first start and a generated password (mode 0600). Two homes never share a database.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable

from policykg import settings
from policykg.errors import EnvironmentProblem, Neo4jUnavailable
from policykg.graph.java import java_executable, java_version

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
USERNAME = "neo4j"
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)
APOC_ALLOWED = (
    "apoc.meta.*",
    "apoc.schema.*",
    "apoc.any.*",
    "apoc.coll.*",
    "apoc.map.*",
    "apoc.text.*",
    "apoc.convert.*",
    "apoc.math.*",
    "apoc.number.*",
    "apoc.date.*",
    "apoc.temporal.*",
    "apoc.agg.*",
    "apoc.label.*",
    "apoc.version",
)


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    home: Path
    uri: str | None = None
    version: str | None = None
    edition: str | None = None
    pid: int | None = None
    note: str = ""

    def as_dict(self) -> dict[str, object]:
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in self.__dict__.items()}


def generate_password(length: int = 24) -> str:
    """Letters and digits only: a password starting with '-' would be read as an option by neo4j-admin."""
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(length))


def _megabytes(size: str) -> int:
    """A Java memory size ('2g', '512m', '1048576k') in MiB."""
    units = {"k": 1 / 1024, "m": 1, "g": 1024}
    unit = size[-1].lower()
    return int(float(size[:-1]) * units[unit]) if unit in units else int(size) // 2**20


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # As Neo4j binds: connections of a stopped server lingering in TIME_WAIT do not count as taken.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _pid_alive(pid: int) -> bool:
    try:  # reap our own exited child first, or it would look alive as a zombie
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class ManagedNeo4j:
    """One home's Neo4j server. Methods are safe to call in any order and any number of times."""

    def __init__(
        self, home: Path | None = None, port: int | None = None, heap: str | None = None, pagecache: str | None = None
    ) -> None:
        self.home = (home or settings.home()).resolve()
        self.root = self.home / "neo4j"
        env_port = settings.get("POLICYKG_BOLT_PORT")
        self.requested_port = port or (int(env_port) if env_port else None)
        self.heap = heap or settings.get("POLICYKG_NEO4J_HEAP") or "2g"
        self.pagecache = pagecache or settings.get("POLICYKG_NEO4J_PAGECACHE") or "1g"

    # --- files under the home -------------------------------------------------------------
    @property
    def conf_dir(self) -> Path:
        return self.root / "conf"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def pid_file(self) -> Path:
        return self.root / "run" / "neo4j.pid"

    @property
    def password_file(self) -> Path:
        return self.root / "password"

    @property
    def state_file(self) -> Path:
        return self.root / "server.json"

    def _state(self) -> dict[str, object]:
        return json.loads(self.state_file.read_text()) if self.state_file.exists() else {}

    @property
    def port(self) -> int | None:
        saved = self._state().get("bolt_port")
        return self.requested_port or (int(saved) if isinstance(saved, int) else None)

    @property
    def uri(self) -> str | None:
        return f"bolt://127.0.0.1:{self.port}" if self.port else None

    def password(self) -> str:
        if not self.password_file.exists():
            raise Neo4jUnavailable(f"no managed Neo4j in {self.home} yet: run `policykg neo4j start`")
        return self.password_file.read_text().strip()

    def is_initialised(self) -> bool:
        return (self.root / "data" / "dbms").exists()

    # --- process --------------------------------------------------------------------------
    def _read_pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None

    def _is_ours(self, pid: int) -> bool:
        if not _pid_alive(pid):
            return False
        cmdline = Path(f"/proc/{pid}/cmdline")
        if not cmdline.exists():  # no procfs: trust a live pid
            return True
        args = cmdline.read_bytes().split(b"\0")
        return ENTRY_POINT.encode() in args and f"--home-dir={self.root}".encode() in args

    def _clear_stale_pid(self) -> str:
        pid = self._read_pid()
        if pid is None:
            if self.pid_file.exists():
                self.pid_file.unlink()
                return "removed an unreadable pid file"
            return ""
        if self._is_ours(pid):
            return ""
        self.pid_file.unlink()
        return f"found a stale pid file (pid {pid} is not this home's Neo4j; it crashed or was killed) and removed it"

    def running_pid(self) -> int | None:
        pid = self._read_pid()
        return pid if pid is not None and self._is_ours(pid) else None

    # --- lifecycle ------------------------------------------------------------------------
    def status(self) -> ServerStatus:
        note = self._clear_stale_pid()
        pid = self.running_pid()
        if pid is None:
            return ServerStatus(running=False, home=self.home, uri=self.uri, note=note)
        try:
            version, edition = self._components()
        except Neo4jUnavailable as exc:
            return ServerStatus(
                running=False,
                home=self.home,
                uri=self.uri,
                pid=pid,
                note=f"process {pid} is up but Bolt does not answer yet: {exc}",
            )
        return ServerStatus(True, self.home, self.uri, version, edition, pid, note)

    def start(self, timeout: float = 180.0) -> ServerStatus:
        note = self._clear_stale_pid()
        if self.running_pid() is not None:
            self._wait_for_bolt(timeout)
            return self._with_note(self.status(), "already running")
        from policykg.graph import jars  # pydantic and the lock file: only when a server starts

        classpath = jars.install()
        java = java_executable()
        java_version(java)
        self._prepare(classpath)
        port = self._choose_port()
        self._write_conf(port)
        if not self.is_initialised():
            self._set_initial_password(java, classpath)
        self._launch(java, classpath)
        self._wait_for_bolt(timeout)
        return self._with_note(self.status(), note)

    def stop(self, timeout: float = 60.0) -> ServerStatus:
        note = self._clear_stale_pid()
        pid = self.running_pid()
        if pid is None:
            return ServerStatus(False, self.home, self.uri, note=note or "was not running")
        os.kill(pid, signal.SIGTERM)  # Neo4j's shutdown hook checkpoints and closes the store cleanly
        deadline = time.monotonic() + timeout
        while _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
            note = f"did not stop within {timeout:.0f}s; killed (the store recovers at next start)"
        self.pid_file.unlink(missing_ok=True)
        return ServerStatus(False, self.home, self.uri, note=note or "stopped")

    @staticmethod
    def _with_note(status: ServerStatus, note: str) -> ServerStatus:
        return ServerStatus(**{**status.__dict__, "note": "; ".join(n for n in (status.note, note) if n)})

    # --- start steps ----------------------------------------------------------------------
    def _prepare(self, classpath: list[Path]) -> None:
        for sub in ("conf", "data", "logs", "run", "import", "plugins"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        plugins = self.root / "plugins"
        from policykg.graph import jars

        wanted = {p.name: p for p in (j.repo_path(settings.maven_repo()) for j in jars.load_lock().by_role("plugin"))}
        for existing in plugins.glob("*.jar"):
            if existing.name not in wanted:
                existing.unlink()
        for name, src in wanted.items():
            dest = plugins / name
            if not dest.exists() or dest.stat().st_size != src.stat().st_size:
                shutil.copyfile(src, dest)

    def _choose_port(self) -> int:
        port = self.port or free_port()
        if not port_is_free(port):
            raise EnvironmentProblem(
                f"Bolt port {port} of the managed Neo4j in {self.home} is taken by another process; "
                "stop that process or start on another port (`policykg neo4j start --port N` or POLICYKG_BOLT_PORT)"
            )
        self.state_file.write_text(json.dumps({"bolt_port": port}))
        return port

    def _write_conf(self, port: int) -> None:
        d = self.root
        lines = [
            "# Generated by policykg at every start: change POLICYKG_* settings, not this file.",
            f"server.directories.data={d / 'data'}",
            f"server.directories.logs={d / 'logs'}",
            f"server.directories.run={d / 'run'}",
            f"server.directories.import={d / 'import'}",
            f"server.directories.plugins={d / 'plugins'}",
            "server.default_listen_address=127.0.0.1",
            f"server.bolt.listen_address=127.0.0.1:{port}",
            f"server.bolt.advertised_address=127.0.0.1:{port}",
            "server.http.enabled=false",
            "server.https.enabled=false",
            "dbms.security.auth_enabled=true",
            "dbms.usage_report.enabled=false",
            f"server.memory.pagecache.size={self.pagecache}",
            *self._guards(),
        ]
        (self.conf_dir / "neo4j.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _guards(self) -> list[str]:
        """Neo4j's own limits, whatever client sends the Cypher (the console's checks are another layer)."""
        heap_mb = _megabytes(self.heap)
        return [
            # Cypher may not reach the network (LOAD CSV, apoc.load.*: SSRF to the host's services) nor files.
            "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0",
            "dbms.security.allow_csv_import_from_file_urls=false",
            # The default for clients that set no timeout; the console sets its own (at most 5 minutes).
            "db.transaction.timeout=5m",
            # One query fails alone instead of exhausting the heap (an OutOfMemoryError hits every session).
            f"db.memory.transaction.max={heap_mb // 4}m",
            f"db.memory.transaction.total.max={heap_mb // 2}m",
            # Only the APOC that policykg and LangChain's schema introspection use, and pure read helpers: no
            # apoc.load/import/export (files, network), apoc.cypher/periodic (queries outside the caller's
            # limits), apoc.trigger/systemdb (administration). Schema introspection reads kernel internals,
            # so it alone is unrestricted.
            "dbms.security.procedures.allowlist=" + ",".join(APOC_ALLOWED),
            "dbms.security.procedures.unrestricted=apoc.meta.*,apoc.schema.*,apoc.any.*",
        ]

    def _java_env(self) -> dict[str, str]:
        return dict(os.environ, NEO4J_HOME=str(self.root), NEO4J_CONF=str(self.conf_dir))

    def _set_initial_password(self, java: Path, classpath: list[Path]) -> None:
        password = generate_password()
        self.password_file.touch(mode=0o600, exist_ok=True)
        self.password_file.chmod(0o600)
        self.password_file.write_text(password + "\n")
        cmd = [
            str(java),
            "-cp",
            os.pathsep.join(map(str, classpath)),
            ADMIN_TOOL,
            "dbms",
            "set-initial-password",
            password,
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, env=self._java_env(), cwd=self.root, check=False)
        if out.returncode != 0:
            raise EnvironmentProblem(f"could not set the initial Neo4j password: {out.stderr.strip()[-500:]}")

    def _launch(self, java: Path, classpath: list[Path]) -> None:
        heap_min = "512m" if self.heap.lower() not in ("256m", "384m") else self.heap
        cmd = [
            str(java),
            f"-Xms{heap_min}",
            f"-Xmx{self.heap}",
            *JVM_FLAGS,
            "-cp",
            os.pathsep.join(map(str, classpath)),
            ENTRY_POINT,
            f"--home-dir={self.root}",
            f"--config-dir={self.conf_dir}",
        ]
        console = (self.logs_dir / "console.log").open("ab")
        proc = subprocess.Popen(
            cmd,
            stdout=console,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=self._java_env(),
            cwd=self.root,
            start_new_session=True,
        )
        console.close()
        self.pid_file.write_text(str(proc.pid))

    def _wait_for_bolt(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid = self._read_pid()
            if pid is None or not _pid_alive(pid):
                self.pid_file.unlink(missing_ok=True)
                raise EnvironmentProblem(f"Neo4j exited during start-up:\n{self._log_errors()}")
            try:
                self._components()
                return
            except Neo4jUnavailable:
                time.sleep(0.3)
        raise EnvironmentProblem(f"Neo4j did not answer on {self.uri} within {timeout:.0f}s; see {self.logs_dir}")

    def _log_errors(self) -> str:
        log = self.logs_dir / "neo4j.log"
        lines = log.read_text(errors="replace").splitlines() if log.exists() else []
        errors = [ln for ln in lines if " ERROR " in ln or "Caused by" in ln][-6:]
        return "\n".join(errors) or f"(no error in {log}; see {self.logs_dir / 'console.log'})"

    def _components(self) -> tuple[str, str]:
        if not self.port:
            raise Neo4jUnavailable("no Bolt port chosen yet")
        try:  # a plain socket first: the driver would log a warning for every refused attempt
            socket.create_connection(("127.0.0.1", self.port), timeout=1.0).close()
        except OSError as exc:
            raise Neo4jUnavailable(f"nothing listens on {self.uri}") from exc
        try:
            with (
                neo4j.GraphDatabase.driver(
                    str(self.uri), auth=(USERNAME, self.password()), connection_timeout=2.0, max_connection_pool_size=1
                ) as driver,
                driver.session(database="system") as session,
            ):  # auto-commit: no driver retries
                record = session.run(
                    "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition"
                ).single(strict=True)
        except (ServiceUnavailable, OSError) as exc:
            raise Neo4jUnavailable(str(exc)) from exc
        except AuthError as exc:
            raise Neo4jUnavailable(f"the server rejected the password in {self.password_file}") from exc
        return record["version"], record["edition"]
