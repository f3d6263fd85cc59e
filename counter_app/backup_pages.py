"""Deduplicated backups: every backup is the database file's pages, each distinct page stored once.

Why pages, and why of the file itself: a full copy a day kept 7 daily, 4 weekly and 12 monthly
backups of a 1.6 GB database (issue 12: up to 23 copies, 36 GB). A day's work at a counter
rewrites a few percent of the pages (1,000 receipts in a 200,000-dossier database changed 8,244
of 99,031 pages, measured), and an encrypted database cannot be deduplicated after the fact:
SQLCipher writes every page with a fresh random IV, so a copy through the backup API shares no
byte with the last one. The file's own pages do: a page nobody rewrote keeps its ciphertext. So a
backup reads the database file as it stands, page by page, while it is frozen
(:meth:`counter_app.store.Store.frozen_file`), and keeps each page not already in the folder.

The pages live in one SQLite file per backup folder, ``counter-backups.pages`` (plain SQLite:
what it holds is the encrypted database's own ciphertext, and names no one): ``pages`` holds
each distinct page once under its SHA-256; ``snapshots`` holds one row per backup, its time,
its size, the SHA-256 of the whole file and the page numbers in order (4-byte ids, 2 MB for a
1M-dossier database). A snapshot commits in one transaction, so a crash leaves the backup whole
or absent; a page no snapshot refers to any more is deleted when backups are thinned.

Turning a snapshot back into a database file (:func:`materialize`) writes the pages in order and
checks the whole file's hash before it becomes the target, so a damaged page is a refusal, never
a silently broken restore.
"""
from __future__ import annotations

import hashlib
import re
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from . import safe_files
from .db import sqlite_driver

REPO_NAME = "counter-backups.pages"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
# A backup's name, whether a full copy's file or a snapshot's (where restore and check expect a file).
BACKUP_NAME = re.compile(r"^counter-(\d{8}-\d{6})\.sqlite3$")
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS pages (id INTEGER PRIMARY KEY, digest BLOB NOT NULL UNIQUE, data BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS snapshots (stamp TEXT PRIMARY KEY, page_size INTEGER NOT NULL,"
    " file_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, page_ids BLOB NOT NULL)",
)


class SnapshotDamaged(ValueError):
    """A snapshot's pages no longer add up to the file it recorded."""


@dataclass(frozen=True)
class Snapshot:
    stamp: datetime
    page_size: int
    file_bytes: int
    sha256: str

    @property
    def name(self) -> str:
        """The name a full copy of this time would have: what ``backup`` prints and ``restore`` takes."""
        return backup_name(self.stamp)


def backup_name(stamp: datetime) -> str:
    """A backup's name by its time (``counter-YYYYMMDD-HHMMSS.sqlite3``), a full copy's or a snapshot's."""
    return f"counter-{stamp.strftime(STAMP_FORMAT)}.sqlite3"


def repo_path(folder: Path) -> Path:
    return Path(folder) / REPO_NAME


@contextmanager
def _repo(folder: Path, *, create: bool = False) -> Iterator[sqlite_driver.Connection]:
    path = repo_path(folder)
    if not create and not path.exists():
        raise FileNotFoundError(f"no deduplicated backups in {folder}")
    new = not path.exists()
    if new:
        safe_files.private_dir(path.parent)
        safe_files.write_private(path, b"")
    conn = sqlite_driver.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = FULL")  # a backup that says it is written is on the disk
        conn.execute("PRAGMA secure_delete = ON")  # a plain page dropped after 'key encrypt' leaves no trace
        if new:
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")  # thinning gives the space back
        for statement in _SCHEMA:
            conn.execute(statement)
        yield conn
    finally:
        conn.close()


def _ids_to_blob(ids: array) -> bytes:
    if sys.byteorder == "big":
        ids = array("I", ids)
        ids.byteswap()
    return ids.tobytes()


def _ids_from_blob(blob: bytes) -> array:
    ids = array("I")
    ids.frombytes(blob)
    if sys.byteorder == "big":
        ids.byteswap()
    return ids


def add_snapshot(folder: Path, source: BinaryIO, page_size: int, stamp: datetime) -> Snapshot:
    """Store the frozen database file ``source`` as the backup of ``stamp``; only unseen pages are written."""
    whole = hashlib.sha256()
    ids = array("I")
    with _repo(folder, create=True) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            size = 0
            while page := source.read(page_size):
                size += len(page)
                whole.update(page)
                digest = hashlib.sha256(page).digest()
                row = conn.execute("SELECT id FROM pages WHERE digest = ?", (digest,)).fetchone()
                if row is None:
                    row = conn.execute("INSERT INTO pages (digest, data) VALUES (?, ?) RETURNING id",
                                       (digest, page)).fetchone()
                ids.append(row[0])
            snapshot = Snapshot(stamp, page_size, size, whole.hexdigest())
            conn.execute("INSERT OR REPLACE INTO snapshots (stamp, page_size, file_bytes, sha256, page_ids)"
                         " VALUES (?, ?, ?, ?, ?)",
                         (stamp.strftime(STAMP_FORMAT), page_size, size, snapshot.sha256, _ids_to_blob(ids)))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return snapshot


def snapshots(folder: Path) -> list[Snapshot]:
    """The folder's deduplicated backups, newest first (none when it has no page store)."""
    if not repo_path(folder).exists():
        return []
    with _repo(folder) as conn:
        rows = conn.execute("SELECT stamp, page_size, file_bytes, sha256 FROM snapshots ORDER BY stamp DESC").fetchall()
    return [Snapshot(datetime.strptime(r[0], STAMP_FORMAT), r[1], r[2], r[3]) for r in rows]


def find(folder: Path, name: str) -> Snapshot | None:
    """The snapshot a file name (``counter-YYYYMMDD-HHMMSS.sqlite3``) stands for in ``folder``, if any."""
    if not BACKUP_NAME.match(name):
        return None
    return next((s for s in snapshots(folder) if s.name == name), None)


def materialize(folder: Path, snapshot: Snapshot, target: Path) -> Path:
    """Write the snapshot's database file to ``target`` (owner-only, whole or not at all, its hash checked)."""
    with _repo(folder) as conn:
        row = conn.execute("SELECT page_ids, sha256 FROM snapshots WHERE stamp = ?",
                           (snapshot.stamp.strftime(STAMP_FORMAT),)).fetchone()
        if row is None:
            raise FileNotFoundError(f"no backup {snapshot.name} in {folder}")
        whole = hashlib.sha256()
        with safe_files.atomic_target(Path(target)) as temp, open(temp, "wb") as out:
            for page_id in _ids_from_blob(row[0]):
                page = conn.execute("SELECT data FROM pages WHERE id = ?", (page_id,)).fetchone()
                if page is None:
                    raise SnapshotDamaged(f"backup {snapshot.name} in {folder} lacks a page")
                whole.update(page[0])
                out.write(page[0])
            out.flush()
            if whole.hexdigest() != row[1]:
                raise SnapshotDamaged(f"backup {snapshot.name} in {folder} is damaged (its pages do not add up)")
    return Path(target)


@contextmanager
def as_file(folder: Path, snapshot: Snapshot) -> Iterator[Path]:
    """The snapshot as a database file for as long as the caller needs one, removed afterwards.

    Written beside the page store under a temporary's name, which ``tidy`` removes if a crash
    left it.
    """
    target = safe_files.temp_path(Path(folder) / snapshot.name)
    try:
        yield materialize(folder, snapshot, target)
    finally:
        safe_files.remove_with_companions(target)


@contextmanager
def readable(path: Path) -> Iterator[Path]:
    """A backup named ``path`` as a file: the file itself, or the snapshot of that name in its folder."""
    path = Path(path)
    if path.is_file():
        yield path
        return
    snapshot = find(path.parent, path.name) if path.parent.is_dir() else None
    if snapshot is None:
        raise FileNotFoundError(f"no backup file at {path}")
    with as_file(path.parent, snapshot) as file:
        yield file


def replace(folder: Path, snapshot: Snapshot, file: Path) -> Snapshot:
    """Store ``file`` (the snapshot re-keyed) in place of ``snapshot``, under the same time."""
    with open(file, "rb") as source:
        return add_snapshot(folder, source, snapshot.page_size, snapshot.stamp)


def drop(folder: Path, stamps: set[datetime]) -> int:
    """Delete the snapshots of ``stamps`` and every page no remaining snapshot uses; the pages deleted."""
    if not repo_path(folder).exists():
        return 0
    with _repo(folder) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("DELETE FROM snapshots WHERE stamp = ?",
                             [(s.strftime(STAMP_FORMAT),) for s in stamps])
            used: set[int] = set()
            for (blob,) in conn.execute("SELECT page_ids FROM snapshots"):
                used.update(_ids_from_blob(blob))
            unused = [(page_id,) for (page_id,) in conn.execute("SELECT id FROM pages") if page_id not in used]
            conn.executemany("DELETE FROM pages WHERE id = ?", unused)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("PRAGMA incremental_vacuum")
    return len(unused)


def stored_bytes(folder: Path) -> int:
    """What the page store takes on disk."""
    path = repo_path(folder)
    return path.stat().st_size if path.exists() else 0

