"""Restore a backup over the live database: checked first, atomic, and possible over a damaged file.

Each step leaves a complete database under the live name, the old one or the new one, so a
kill at any instant loses nothing:

1. the backup is copied to a hidden owner-only temporary beside the live file, checked by the
   rules of ``check`` (:mod:`counter_app.db_check`) and upgraded to this schema;
2. it is compared with the live database, read-only through plain SQLite (a damaged live file
   could not be opened through :class:`Store`): dossiers and audit records only the live
   database holds would be lost, so restore refuses unless forced. A live file that cannot be
   read has nothing to compare; it is kept aside like a sound one;
3. a readable live database is checkpointed (its WAL emptied; refused while another program
   has it open) and copied aside as ``DB.before-restore-STAMP.bak``; a damaged one is copied
   byte for byte with its -wal/-journal;
4. the old -wal/-journal are removed (empty, or saved aside), the temporary is synced and
   renamed over the live name, the folder synced, and the old -shm removed.
"""
from __future__ import annotations

import glob
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import clock, db_check, maintenance, migrations, safe_files
from .store import Store

LOSS_CODES_SHOWN = 5
IN_USE = "the database is open in another program (the counter app?); close it and restore again; nothing was changed"


class RestoreRefused(ValueError):
    """Nothing was changed: the backup is unfit, older than the live data, or the database is in use."""


@dataclass(frozen=True)
class Loss:
    """What the live database holds that the backup does not."""

    dossiers: int = 0
    dossier_codes: tuple[str, ...] = ()  # the first few, for the summary
    audit_records: int = 0

    def __bool__(self) -> bool:
        return bool(self.dossiers or self.audit_records)

    def summary(self) -> str:
        codes = ", ".join(self.dossier_codes) + (", …" if self.dossiers > len(self.dossier_codes) else "")
        dossiers = f"{self.dossiers} dossier(s)" + (f" ({codes})" if codes else "")
        return f"{dossiers} and {self.audit_records} audit record(s) exist only in the live database"


@dataclass(frozen=True)
class RestoreResult:
    aside: Path | None  # where the replaced database was kept (None: there was no live file)
    loss: Loss
    live_unreadable: str  # why the live database could not be read ("" when it could)


def restore(db_path: Path, backup_file: Path, *, force: bool = False,
            before_losing: Callable[[Loss], None] = lambda loss: None) -> RestoreResult:
    """Replace the database at ``db_path`` with ``backup_file``.

    With ``force``, a backup older than the live data is restored all the same;
    ``before_losing`` is told what will be lost before anything is touched.
    """
    db_path, backup_file = Path(db_path), Path(backup_file)
    if not backup_file.is_file():
        raise FileNotFoundError(f"no backup file at {backup_file}")
    if db_path.exists() and backup_file.resolve() == db_path.resolve():
        raise RestoreRefused(f"{backup_file} is the live database itself")
    safe_files.private_dir(db_path.parent)
    maintenance.tidy(db_path, backup_file.parent)
    staged = safe_files.temp_path(db_path)
    try:
        _stage(backup_file, staged)
        loss, unreadable = _compare_with_live(db_path, staged)
        if loss and not force:
            raise RestoreRefused(f"{backup_file.name} is older than the live database: {loss.summary()};"
                                 " nothing was changed (--force restores it anyway)")
        readable = db_path.exists() and not unreadable and _checkpoint(db_path)
        if loss:
            before_losing(loss)
        aside = _keep_aside(db_path, readable=readable) if db_path.exists() else None
        _replace(staged, db_path)
    finally:
        for leftover in staged.parent.glob(glob.escape(staged.name) + "*"):
            leftover.unlink(missing_ok=True)
    maintenance.thin_safety_copies(db_path)
    return RestoreResult(aside=aside, loss=loss, live_unreadable=unreadable)


def _stage(backup_file: Path, staged: Path) -> None:
    """Copy the backup to ``staged``, check it, and upgrade it to this schema."""
    safe_files.copy_private(backup_file, staged)
    problems = db_check.file_problems(staged, in_use=False)
    if not problems and db_check.schema_version(staged) < migrations.SCHEMA_VERSION:
        try:
            with Store(staged) as candidate:  # migrates the older schema, then the full check again
                problems = maintenance.check(candidate)
        except sqlite3.Error as exc:
            problems = [f"the database file is damaged ({exc})"]
    if problems:
        raise RestoreRefused(f"{backup_file.name} cannot be restored: {problems[0]}; nothing was changed")


def _compare_with_live(db_path: Path, staged: Path) -> tuple[Loss, str]:
    """What would be lost, and why the live file could not be read ("" when it could)."""
    if not db_path.exists():
        return Loss(), ""
    header = db_check.header_problem(db_path)
    if header:
        return Loss(), f"the live database cannot be read: {header}"
    try:
        conn = db_check.open_read_only(staged, in_use=False)
        try:
            conn.execute("ATTACH DATABASE ? AS live", (db_path.resolve().as_uri() + "?mode=ro",))
            return _loss(conn), ""
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return Loss(), f"the live database cannot be read ({exc})"


def _loss(conn: sqlite3.Connection) -> Loss:
    """Set-based anti-joins (linear): live dossiers by code, live audit records by chained hash."""
    only_live = "FROM live.dossiers WHERE code NOT IN (SELECT code FROM main.dossiers)"
    dossiers = conn.execute(f"SELECT count(*) {only_live}").fetchone()[0]
    codes = tuple(r[0] for r in conn.execute(f"SELECT code {only_live} ORDER BY id LIMIT {LOSS_CODES_SHOWN}"))
    records = conn.execute(
        "SELECT count(*) FROM live.audit_log WHERE hash NOT IN (SELECT hash FROM main.audit_log)"
    ).fetchone()[0]
    return Loss(dossiers=dossiers, dossier_codes=codes, audit_records=records)


def _keep_aside(db_path: Path, *, readable: bool) -> Path:
    aside = _aside_name(db_path)
    if readable:
        try:
            with safe_files.atomic_target(aside) as temp:
                _copy_through_sqlite(db_path, temp)
            return aside
        except sqlite3.Error:
            pass  # readable enough to compare, not to copy page by page: keep its bytes instead
    safe_files.copy_private(db_path, aside, atomic=True)
    for suffix in ("-wal", "-journal"):
        companion = Path(f"{db_path}{suffix}")
        if companion.exists() and companion.stat().st_size:
            safe_files.copy_private(companion, Path(f"{aside}{suffix}"), atomic=True)
    return aside


def _aside_name(db_path: Path) -> Path:
    stamp = f"{clock.now():%Y%m%d-%H%M%S}"
    aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}.bak")
    number = 1
    while aside.exists():  # two restores in one second keep both copies
        number += 1
        aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}-{number}.bak")
    return aside


def _checkpoint(db_path: Path) -> bool:
    """Empty the live WAL into the file; False when the file is too damaged for that.

    Refuses while another program holds the database: closing the last connection removes
    the -wal, so if it is still there someone else (the counter app) has the file open and
    would go on writing to the replaced file.
    """
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=5)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls back a hot journal
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", None) not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return False  # damaged after all: its bytes are kept aside instead
        busy = 1
    if busy or Path(f"{db_path}-wal").exists():
        raise RestoreRefused(IN_USE)
    return True


def _copy_through_sqlite(db_path: Path, temp: Path) -> None:
    source = db_check.open_read_only(db_path)
    try:
        dest = sqlite3.connect(str(temp))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()


def _replace(staged: Path, db_path: Path) -> None:
    """The old -wal/-journal would be replayed onto the new file: they go first (empty or saved aside)."""
    for suffix in ("-wal", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    safe_files.publish(staged, db_path)
    Path(f"{db_path}-shm").unlink(missing_ok=True)
    safe_files.fsync_dir(db_path.parent)

