"""Backups of the office database with ``pg_dump`` (custom format) and a checked ``pg_restore``.

A restore first reads the archive's audit log and verifies its chain, so a damaged or edited
backup is refused before the database is touched; then ``pg_restore --clean`` replaces the
schema and data in one transaction, so the counters see either the old database or the
restored one, never half of each. The password reaches the tools through ``PGPASSWORD`` in
their environment only.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import audit, clock
from ..maintenance import backups_to_keep
from .base import StoreError
from .postgres import PostgresBackend

DUMP_PATTERN = re.compile(r"^office-(\d{8}-\d{6})\.dump$")
_COPY = re.compile(r"^COPY public\.audit_log \((?P<columns>[^)]*)\) FROM stdin;$")
_UNESCAPE = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\", "b": "\b", "f": "\f", "v": "\v"}


def _tool(name: str) -> str:
    found = shutil.which(name) or next(
        (str(p) for p in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)), None
    )
    if found is None:
        raise StoreError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return found


def _run(backend: PostgresBackend, name: str, *args: str) -> str:
    info = backend.conninfo()
    env = {**os.environ, "PGPASSWORD": info.get("password", "")} if "password" in info else dict(os.environ)
    connection = ["-h", backend.host, "-p", str(backend.port), "-U", backend.user]
    done = subprocess.run([_tool(name), *connection, *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        raise StoreError(f"{name} failed: {reason}")
    return done.stdout


def backup(backend: PostgresBackend, folder: Path) -> Path:
    """A consistent snapshot of the whole database (pg_dump runs in one transaction), then thinning.

    Dumps are thinned like the SQLite copies (7 daily, 4 weekly, 12 monthly).
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"office-{clock.now():%Y%m%d-%H%M%S}.dump"
    _run(backend, "pg_dump", "-Fc", "-f", str(target), "-d", backend.dbname)
    dumps = {datetime.strptime(m[1], "%Y%m%d-%H%M%S"): p
             for p in folder.glob("office-*.dump") if (m := DUMP_PATTERN.match(p.name))}
    keep = backups_to_keep(list(dumps))
    for stamp, path in dumps.items():
        if stamp not in keep:
            path.unlink()
    return target


def _unescape(field: str) -> str | None:
    if field == r"\N":
        return None
    return re.sub(r"\\(.)", lambda m: _UNESCAPE.get(m[1], m[1]), field)


def archived_audit_rows(backend: PostgresBackend, archive: Path) -> list[dict[str, Any]]:
    """The audit log as the archive holds it; raises StoreError when it is not our archive."""
    text = _run(backend, "pg_restore", "--data-only", "--table=audit_log", "-f", "-", str(archive))
    lines = iter(text.splitlines())
    columns: list[str] | None = None
    for line in lines:
        if match := _COPY.match(line):
            columns = [c.strip() for c in match["columns"].split(",")]
            break
    if columns is None:
        raise StoreError(f"{archive.name} is not a backup of a Quầy Một Cửa office database")
    rows = []
    for line in lines:
        if line == "\\.":
            break
        row: dict[str, Any] = dict(zip(columns, map(_unescape, line.split("\t")), strict=True))
        row["id"] = int(row["id"])
        rows.append(row)
    return rows


class _Rows:
    """Just enough of a connection for :func:`counter_app.audit.verify_chain`."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self._rows = sorted(rows, key=lambda r: r["id"])

    def execute(self, _sql: str, _params: Any = ()) -> list[dict[str, Any]]:
        return self._rows  # the whole log, in id order: what verify_chain asks for


def restore(backend: PostgresBackend, archive: Path) -> None:
    """Replace the office database with a checked backup, in one transaction."""
    if not archive.is_file():
        raise FileNotFoundError(f"no backup file at {archive}")
    broken = audit.verify_chain(_Rows(archived_audit_rows(backend, archive)))  # type: ignore[arg-type]
    if broken:
        raise ValueError(f"backup {archive.name} is damaged: {broken}")
    _run(backend, "pg_restore", "--clean", "--if-exists", "--single-transaction", "--no-owner",
         "-d", backend.dbname, str(archive))
