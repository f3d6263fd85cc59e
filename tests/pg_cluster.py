"""A throwaway PostgreSQL cluster from the installed binaries (Debian 12: ``postgresql``).

PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres`` user
and its commands run through ``runuser``. It listens on 127.0.0.1 only, on a free port, with
trust authentication, and without fsync (a test cluster need not survive a power cut).
Used by the tests' fixtures, the benchmarks and ``make office-demo``.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None when there is none."""
    for folder in BIN_DIRS:
        if (folder / "initdb").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int
    bin: Path
    as_postgres: bool
    durable: bool = False

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        return subprocess.run([*prefix, *args], check=True, capture_output=True, text=True)

    def url(self, dbname: str, user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        return self._run(str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                         "-d", dbname, "-v", "ON_ERROR_STOP=1", "-tAc", sql).stdout

    def start(self) -> None:
        data = self.folder / "data"
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not self.durable:
            options += " -c fsync=off -c full_page_writes=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.folder / "log"),
                  "-w", "start")

    def require_passwords(self) -> None:
        """As an office server is set up: the superuser (the tests' own tool) still trusted, every
        other role must give its password (scram-sha-256)."""
        (self.folder / "data" / "pg_hba.conf").write_text(
            "local all all trust\n"
            "host all postgres 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n")
        self.psql("SELECT pg_reload_conf()")

    def stop(self, mode: str = "fast") -> None:
        """``fast`` ends sessions cleanly; ``immediate`` is a crash (recovered at the next start)."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", mode, "-w", "stop")


def start_cluster(*, durable: bool = False) -> Cluster:
    """initdb and start a new cluster in a temporary folder; call :meth:`Cluster.stop` after.

    ``durable``: keep fsync on, as an office server runs (benchmarks); tests run without it.
    """
    bin_dir = binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    as_postgres = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="counter-pg-"))
    if as_postgres:
        shutil.chown(folder, "postgres", "postgres")
    cluster = Cluster(folder, _free_port(), bin_dir, as_postgres, durable)
    cluster._run(str(bin_dir / "initdb"), "-D", str(folder / "data"), "-A", "trust", "-U", "postgres",
                 "-E", "UTF8", "--locale=C.UTF-8")
    cluster.start()
    return cluster


def remove(cluster: Cluster) -> None:
    shutil.rmtree(cluster.folder, ignore_errors=True)


class Databases:
    """Creates and drops the tests' databases over one administrative connection."""

    def __init__(self, cluster: Cluster) -> None:
        import psycopg

        self.cluster = cluster
        self._connection = psycopg.connect(cluster.url("postgres"), autocommit=True)
        self._count = 0

    def _run(self, sql: str) -> None:
        """On the administrative connection, opened again once when a test stopped and restarted the cluster."""
        import psycopg

        try:
            self._connection.execute(sql)
        except psycopg.OperationalError:
            if not self._connection.broken:
                raise
            self._connection = psycopg.connect(self.cluster.url("postgres"), autocommit=True)
            self._connection.execute(sql)

    def create(self, name: str | None = None, *, template: str | None = None) -> str:
        """A new database (empty, or a copy of ``template``); returns its ``--db`` URL."""
        if name is None:
            self._count += 1
            name = f"test_{os.getpid()}_{self._count}"
        clause = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self._run(f"CREATE DATABASE {name}{clause}")
        return self.cluster.url(name)

    def drop(self, url: str) -> None:
        self._run(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")

    def execute(self, sql: str) -> None:
        self._run(sql)

    def execute_in(self, url: str, sql: str) -> None:
        """Run ``sql`` as the superuser inside the database at ``url``."""
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(sql)
