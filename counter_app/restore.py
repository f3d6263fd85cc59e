"""Restore a backup over the live database: checked first, atomic, and possible over a damaged file.

Each step leaves a complete database under the live name, the old one or the new one, so a
kill at any instant loses nothing:

1. the backup is copied to a hidden owner-only temporary beside the live file, checked by the
   rules of ``check`` (:mod:`counter_app.db_check`), upgraded to this schema, and put under the
   live database's current key (a plain backup from before encryption is encrypted, one made
   before a key rotation re-keyed);
2. it is compared with the live database, read-only through SQLite (a damaged live file
   could not be opened through :class:`Store`): dossiers and audit records only the live
   database holds would be lost, so restore refuses unless forced. A live file that cannot be
   read has nothing to compare; it is kept aside like a sound one;
3. a readable live database is checkpointed (its WAL emptied; refused while another program
   has it open); the live file is copied aside byte for byte as ``DB.before-restore-STAMP.bak``,
   with a -wal/-journal a damaged one still has;
4. every attached file the restored database refers to that the live folder lacks (or holds
   altered) is copied back from the backup folder's store, checked against its hash; one the
   backup folder lacks too is a loss like the others (the dossiers named, refused unless forced);
5. the old -wal/-journal are removed (empty, or saved aside), the temporary is synced and
   renamed over the live name, the folder synced, and the old -shm removed.
"""
from __future__ import annotations

import glob
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from . import attachment_files, backup_pages, clock, db_check, maintenance, migrations, safe_files
from .db import keys as db_keys
from .db import sqlite_driver
from .db.sqlite import connect_file, fitting_key, rekey_file
from .db.sqlite_driver import Connection
from .store import Store

LOSS_CODES_SHOWN = 5
IN_USE = "the database is open in another program (the counter app?); close it and try again; nothing was changed"


class RestoreRefused(ValueError):
    """Nothing was changed: the backup is unfit, older than the live data, or the database is in use."""


@dataclass(frozen=True)
class Loss:
    """What the live database holds that the backup does not."""

    dossiers: int = 0
    dossier_codes: tuple[str, ...] = ()  # the first few, for the summary
    audit_records: int = 0
    file_dossiers: int = 0  # dossiers of the backup that lose an attached file no folder holds soundly
    file_dossier_codes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.dossiers or self.audit_records or self.file_dossiers)

    def summary(self) -> str:
        parts = []
        if self.dossiers or self.audit_records:
            parts.append(f"{_counted(self.dossiers, self.dossier_codes)} and {self.audit_records} audit record(s)"
                         " exist only in the live database")
        if self.file_dossiers:
            parts.append(f"{_counted(self.file_dossiers, self.file_dossier_codes)} would lose an attached file"
                         " that neither the live folder nor the backup folder holds")
        return "; ".join(parts)


def _counted(count: int, codes: tuple[str, ...]) -> str:
    shown = ", ".join(codes) + (", …" if count > len(codes) else "")
    return f"{count} dossier(s)" + (f" ({shown})" if shown else "")


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
    if db_path.exists() and backup_file.is_file() and backup_file.resolve() == db_path.resolve():
        raise RestoreRefused(f"{backup_file} is the live database itself")
    with backup_pages.readable(backup_file) as source:  # a full copy, or a snapshot of the page store
        return _restore(db_path, source, backup_file.name, force, before_losing)


def _restore(db_path: Path, source: Path, name: str, force: bool,
             before_losing: Callable[[Loss], None]) -> RestoreResult:
    safe_files.private_dir(db_path.parent)
    maintenance.tidy(db_path, source.parent)
    staged = safe_files.temp_path(db_path)
    keys = db_keys.candidates(db_path)
    try:
        _stage(source, staged, keys, name)
        loss, unreadable, live_key = _compare_with_live(db_path, staged, keys)
        seal = attachment_files.seal_for(keys)  # the backup is under one of them (else _stage refused it)
        live_files = attachment_files.FolderContents(attachment_files.attachments_dir(db_path), seal)
        backup_files = maintenance.files_of_backups(source.parent, seal)
        wanted, lost_by = _files_to_bring(staged, keys[:1], live_files, backup_files)
        loss = replace(loss, file_dossiers=len(lost_by), file_dossier_codes=tuple(lost_by[:LOSS_CODES_SHOWN]))
        if loss and not force:
            raise RestoreRefused(f"{name} {_refusal(loss)}: {loss.summary()};"
                                 " nothing was changed (--force restores it anyway)")
        if db_path.exists() and not unreadable:
            checkpoint_idle(db_path, live_key)
        if loss:
            before_losing(loss)
        aside = _keep_aside(db_path) if db_path.exists() else None
        # before the restore reports success; each was found sound a moment ago (one gone since: check says so)
        attachment_files.copy_files(backup_files, live_files, wanted)
        _replace(staged, db_path)
    finally:
        for leftover in staged.parent.glob(glob.escape(staged.name) + "*"):
            leftover.unlink(missing_ok=True)
    maintenance.thin_safety_copies(db_path)
    return RestoreResult(aside=aside, loss=loss, live_unreadable=unreadable)


def _stage(backup_file: Path, staged: Path, keys: list[db_keys.Key], name: str) -> None:
    """Copy the backup to ``staged``, check it, upgrade it to this schema and to the current key."""
    safe_files.copy_private(backup_file, staged)
    problems = db_check.file_problems(staged, in_use=False, keys=keys)
    if not problems:
        key = fitting_key(staged, keys)
        current = keys[0] if keys else None
        try:
            if db_check.schema_version(staged, keys=keys) < migrations.SCHEMA_VERSION:
                with Store(staged, key=key) as candidate:  # migrates the older schema, then the full check again
                    problems = maintenance.check(candidate)
            if not problems and key != current:
                rekey_file(staged, key, current)
        except sqlite_driver.Error as exc:
            problems = [f"the database file is damaged ({exc})"]
    if problems:
        raise RestoreRefused(f"{name} cannot be restored: {problems[0]}; nothing was changed")


def _compare_with_live(db_path: Path, staged: Path,
                       keys: list[db_keys.Key]) -> tuple[Loss, str, db_keys.Key | None]:
    """What would be lost, why the live file could not be read ("" when it could), and its key."""
    if not db_path.exists():
        return Loss(), "", None
    header = db_check.header_problem(db_path)
    if header:
        return Loss(), f"the live database cannot be read: {header}", None
    try:
        live_key = fitting_key(db_path, keys)
    except db_keys.KeyUnavailable as exc:
        return Loss(), f"the live database cannot be read: {exc}", None
    try:
        conn = db_check.open_read_only(staged, in_use=False, keys=keys[:1])
        try:
            conn.execute(f"ATTACH DATABASE ? AS live {sqlite_driver.attach_clause(live_key.value if live_key else None)}",
                         (db_path.resolve().as_uri() + "?mode=ro",))
            return _loss(conn), "", live_key
        finally:
            conn.close()
    except sqlite_driver.Error as exc:
        return Loss(), f"the live database cannot be read ({exc})", live_key


def _files_to_bring(staged: Path, keys: list[db_keys.Key], live: attachment_files.FolderContents,
                    backup: attachment_files.FolderContents) -> tuple[list[str], list[str]]:
    """The files to copy back from the backup folder, and the codes of the dossiers losing one neither holds."""
    conn = db_check.open_read_only(staged, in_use=False, keys=keys)
    try:
        referenced = attachment_files.referenced_files(conn)
    finally:
        conn.close()
    wanted, lost_by = [], set()
    for digest in attachment_files.lacking(live, referenced, mend_altered=True):
        if backup.sound(digest):
            wanted.append(digest)
        else:
            lost_by.update(referenced[digest])
    return wanted, sorted(lost_by)


def _refusal(loss: Loss) -> str:
    if loss.dossiers or loss.audit_records:
        return "is older than the live database"
    return "refers to attached files that cannot be brought back"


def _loss(conn: Connection) -> Loss:
    """Set-based anti-joins (linear): live dossiers by code, live audit records by chained hash."""
    only_live = "FROM live.dossiers WHERE code NOT IN (SELECT code FROM main.dossiers)"
    dossiers = conn.execute(f"SELECT count(*) {only_live}").fetchone()[0]
    codes = tuple(r[0] for r in conn.execute(f"SELECT code {only_live} ORDER BY id LIMIT {LOSS_CODES_SHOWN}"))
    records = conn.execute(
        "SELECT count(*) FROM live.audit_log WHERE hash NOT IN (SELECT hash FROM main.audit_log)"
    ).fetchone()[0]
    return Loss(dossiers=dossiers, dossier_codes=codes, audit_records=records)


def _keep_aside(db_path: Path) -> Path:
    """The live file's bytes, with a -wal/-journal that still holds data (a damaged file's last writes).

    A readable database was checkpointed first, so its file alone is the whole database; bytes
    are copied rather than pages, because a page SQLCipher cannot authenticate would be copied as
    garbage without an error.
    """
    aside = _aside_name(db_path)
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


def checkpoint_idle(db_path: Path, key: db_keys.Key | None) -> bool:
    """Empty the live WAL into the file; False when the file is too damaged for that.

    (``key``: the key that opens the file; None for a plain one.)

    Refuses while another program holds the database: closing the last connection removes
    the -wal, so if it is still there someone else (the counter app) has the file open and
    would go on writing to the replaced file.
    """
    try:
        conn = connect_file(db_path, [key] if key else [], isolation_level=None, timeout=5)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # rolls back a hot journal
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite_driver.Error as exc:
        if getattr(exc, "sqlite_errorcode", None) not in (sqlite_driver.SQLITE_BUSY, sqlite_driver.SQLITE_LOCKED):
            return False  # damaged after all: its bytes and companions are kept aside as they are
        busy = 1
    if busy or Path(f"{db_path}-wal").exists():
        raise RestoreRefused(IN_USE)
    return True


def _replace(staged: Path, db_path: Path) -> None:
    """The old -wal/-journal would be replayed onto the new file: they go first (empty or saved aside)."""
    for suffix in ("-wal", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    safe_files.publish(staged, db_path)
    Path(f"{db_path}-shm").unlink(missing_ok=True)
    safe_files.fsync_dir(db_path.parent)

