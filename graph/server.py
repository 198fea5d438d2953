"""The managed local Neo4j: a real Neo4j 5.26 Community server with APOC, run from Maven Central jars.

Everything lives under `<POLICYKG_HOME>/neo4j/`: generated conf, data, logs, pid file, the Bolt port
chosen at first start and a generated password (mode 0600). Two homes never share a database.

Start, stop and reset of one home take an exclusive lock (`lifecycle.lock` in the home; unrelated to the
committed jar lock file), so concurrent commands queue instead of racing; the server is also recognised by
its command line, so a lost pid file neither hides it nor lets a second one start.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired, TransientError

from policykg import settings
from policykg.errors import EnvironmentProblem, Neo4jUnavailable
from policykg.graph.java import java_executable, java_version

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
USERNAME = "neo4j"
DATABASE = "neo4j"
# Long enough for a first start that also fetches the jars; a holder that dies releases the lock at once.
LOCK_WAIT = 900.0
PRIVATE_DIRS = ("conf", "data", "logs", "run")
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


def _write_private(path: Path, text: str) -> None:
    """Mode 0600 from the first byte, and readers never see a half-written file."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # a leftover tmp file keeps its old mode through O_CREAT
    with os.fdopen(fd, "w") as f:
        f.write(text)
    tmp.replace(path)


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

    # --- lifecycle lock -------------------------------------------------------------------
    @property
    def lock_file(self) -> Path:
        return self.root / "lifecycle.lock"

    def _open_lock(self) -> int:
        self.root.mkdir(parents=True, exist_ok=True)
        return os.open(self.lock_file, os.O_RDWR | os.O_CREAT, 0o600)

    @contextmanager
    def _lifecycle_lock(self) -> Iterator[None]:
        """Held by start, stop and reset: across processes and threads, one of them at a time per home."""
        fd = self._open_lock()
        try:  # closing the descriptor releases the lock, and so does the death of its holder
            deadline = time.monotonic() + LOCK_WAIT
            while not self._try_lock(fd):
                if time.monotonic() > deadline:
                    raise EnvironmentProblem(
                        f"another policykg command has been starting or stopping the managed Neo4j of {self.home} "
                        f"for over {LOCK_WAIT:.0f}s (it holds {self.lock_file}); wait for it or end it"
                    )
                time.sleep(0.2)
            yield
        finally:
            os.close(fd)

    @contextmanager
    def _lifecycle_lock_if_free(self) -> Iterator[bool]:
        fd = self._open_lock()
        try:
            yield self._try_lock(fd)
        finally:
            os.close(fd)

    @staticmethod
    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    # --- process --------------------------------------------------------------------------
    def _read_pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None

    def _is_ours(self, pid: int) -> bool:
        if not _pid_alive(pid):
            return False
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except FileNotFoundError:
            return not Path("/proc/self").exists()  # no procfs: trust a live pid
        except OSError:  # exited meanwhile, or not readable
            return False
        return ENTRY_POINT.encode() in args and f"--home-dir={self.root}".encode() in args

    def _server_pids(self) -> list[int]:
        """This home's Neo4j processes, found by their command line whether or not the pid file names them."""
        pids = {int(p.name) for p in Path("/proc").glob("[0-9]*") if p.name.isdigit() and self._is_ours(int(p.name))}
        recorded = self._read_pid()
        if recorded is not None and self._is_ours(recorded):
            pids.add(recorded)
        return sorted(pids)

    def _reconcile_pid_file(self) -> str:
        """Make the pid file name this home's running server, or be absent. Call with the lifecycle lock held."""
        note = ""
        pid = self._read_pid()
        if pid is None and self.pid_file.exists():
            self.pid_file.unlink()
            note = "removed an unreadable pid file"
        elif pid is not None and not self._is_ours(pid):
            self.pid_file.unlink()
            note = (
                f"found a stale pid file (pid {pid} is not this home's Neo4j; it crashed or was killed) and removed it"
            )
        found = self._server_pids()
        if found and self._read_pid() is None:
            self.pid_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            self.pid_file.write_text(str(found[0]))
            note = "; ".join(filter(None, (note, f"had no pid file; found it as pid {found[0]} by its command line")))
        return note

    def running_pid(self) -> int | None:
        pid = self._read_pid()
        if pid is not None and self._is_ours(pid):
            return pid
        found = self._server_pids()
        return found[0] if found else None

    # --- lifecycle ------------------------------------------------------------------------
    def status(self) -> ServerStatus:
        with self._lifecycle_lock_if_free() as free:
            # Only with the lock may the pid file be repaired; a running start or stop owns it meanwhile.
            note = self._reconcile_pid_file() if free else "another policykg command is starting or stopping it"
            return self._status(note)

    def _status(self, note: str) -> ServerStatus:
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
                note="; ".join(filter(None, (note, f"process {pid} is up but Bolt does not answer yet: {exc}"))),
            )
        return ServerStatus(True, self.home, self.uri, version, edition, pid, note)

    def start(self, timeout: float = 180.0) -> ServerStatus:
        """Returns once the `neo4j` database answers a query (after any crash recovery), not merely Bolt."""
        with self._lifecycle_lock():
            note = self._reconcile_pid_file()
            self._make_private()
            if self.running_pid() is not None:
                self._wait_until_ready(timeout)
                return self._status("; ".join(filter(None, (note, "already running"))))
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
            self._wait_until_ready(timeout)
            return self._status(note)

    def stop(self, timeout: float = 60.0) -> ServerStatus:
        with self._lifecycle_lock():
            return self._stop(timeout)

    def _stop(self, timeout: float) -> ServerStatus:
        note = self._reconcile_pid_file()
        pids = self._server_pids()  # all of them: a start race before the lock existed could leave two
        if not pids:
            return ServerStatus(False, self.home, self.uri, note=note or "was not running")
        for pid in pids:
            with suppress(ProcessLookupError):  # Neo4j's shutdown hook checkpoints and closes the store cleanly
                os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while any(self._is_ours(p) for p in pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        outcome = "stopped"
        if survivors := [p for p in pids if self._is_ours(p)]:
            for pid in survivors:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            outcome = f"did not stop within {timeout:.0f}s; killed (the store recovers at next start)"
        self.pid_file.unlink(missing_ok=True)
        return ServerStatus(False, self.home, self.uri, note="; ".join(filter(None, (note, outcome))))

    def reset(self) -> ServerStatus:
        """Stop the server and delete its database, logs and password: the next start initialises afresh."""
        with self._lifecycle_lock():
            status = self._stop(60.0)
            for sub in ("data", "logs", "run", "password", "server.json"):
                path = self.root / sub
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink(missing_ok=True)
            return status

    # --- start steps ----------------------------------------------------------------------
    def _make_private(self) -> None:
        """Owner-only data (auth.ini), logs, run, conf and password, in homes made before this rule too."""
        for sub in PRIVATE_DIRS:
            path = self.root / sub
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.chmod(0o700)
        if self.password_file.exists():
            self.password_file.chmod(0o600)

    def _prepare(self, classpath: list[Path]) -> None:
        for sub in ("import", "plugins"):
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
        _write_private(self.password_file, generate_password() + "\n")
        cmd = [
            str(java),
            "-cp",
            os.pathsep.join(map(str, classpath)),
            ADMIN_TOOL,
            "dbms",
            "set-initial-password",
            # neo4j-admin reads arguments from an @-file (documented; picocli AtFiles): never on a command line
            f"@{self.password_file}",
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

    def _wait_until_ready(self, timeout: float) -> None:
        """Bolt and the system database answer while the `neo4j` database may still recover after a crash."""
        deadline = time.monotonic() + timeout
        last = "no answer"
        while time.monotonic() < deadline:
            pid = self._read_pid()
            # Liveness only: a just-launched server's command line reads empty for a moment (seen under load).
            if pid is None or not _pid_alive(pid):
                self.pid_file.unlink(missing_ok=True)
                raise EnvironmentProblem(f"Neo4j exited during start-up:\n{self._log_errors()}")
            try:
                self._run(DATABASE, "RETURN 1 AS ok")
                return
            except Neo4jUnavailable as exc:
                last = str(exc)
                time.sleep(0.3)
        raise EnvironmentProblem(
            f"database '{DATABASE}' of Neo4j at {self.uri} did not answer `RETURN 1` within {timeout:.0f}s "
            f"(last: {last}); it may still be recovering: see {self.logs_dir / 'neo4j.log'}"
        )

    def _log_errors(self) -> str:
        log = self.logs_dir / "neo4j.log"
        lines = log.read_text(errors="replace").splitlines() if log.exists() else []
        errors = [ln for ln in lines if " ERROR " in ln or "Caused by" in ln][-6:]
        return "\n".join(errors) or f"(no error in {log}; see {self.logs_dir / 'console.log'})"

    def _components(self) -> tuple[str, str]:
        record = self._run(
            "system", "CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition"
        )
        return record["version"], record["edition"]

    def _run(self, database: str, query: str) -> neo4j.Record:
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
                driver.session(database=database) as session,
            ):  # auto-commit: no driver retries
                return session.run(query).single(strict=True)
        # A database still starting or recovering answers with a transient error or a dropped connection.
        except (ServiceUnavailable, SessionExpired, TransientError, OSError) as exc:
            raise Neo4jUnavailable(str(exc)) from exc
        except AuthError as exc:
            raise Neo4jUnavailable(f"the server rejected the password in {self.password_file}") from exc
