"""Backups (thinned over time), the cleaning of stale files, and the ``check`` consistency checks.

Restore lives in :mod:`counter_app.restore`; the rules a sound database follows live in
:mod:`counter_app.db_check`, shared by both.

A backup folder holds the backups (the page store's snapshots, and older full copies) and one
store of attached files shared by them all (``attachments/``, content-addressed like the live
one): each backup copies in only the files the folder lacks, before the backup itself is stored,
so a backup never refers to a file its folder does not hold. Files are immutable and never removed
from a dossier, so every file a kept backup refers to is still wanted: thinning deletes
database copies only, and the store only grows.
"""
from __future__ import annotations

import glob
import logging
from datetime import datetime
from pathlib import Path

from . import attachment_files, attachments, backup_pages, clock, db_check, safe_files, settings
from .attachment_files import FolderContents
from .db import keys as db_keys
from .db import sqlite_driver
from .file_seal import Seal
from .store import Store

BACKUP_PATTERN = backup_pages.BACKUP_NAME
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_SAFETY_COPIES = 3  # copies taken before a migration or a restore (``DB.before-….bak``)
BACKUP_FILES = "attachments"  # a backup folder's store of attached files, shared by its backups
log = logging.getLogger(__name__)


class BackupTargetError(ValueError):
    """The backup folder cannot take a backup (a file, not writable, full)."""


def backup(store: Store, to_dir: Path, *, own_folder: bool = False) -> Path:
    """Add a backup, with the attached files the folder lacks, to the folder's page store, then thin it.

    Returns the backup's name (``counter-….sqlite3`` in the folder), which ``restore`` takes. When
    other readers keep the database from being frozen, a full copy through the online backup API
    is written under that name instead. The app's own folder (``own_folder``: ``backups``
    beside the database) is kept owner-only; a folder the user names keeps its mode, and what we
    write in it is owner-only.
    """
    folder = Path(to_dir)
    if folder.exists() and not folder.is_dir():
        raise BackupTargetError(f"cannot back up to {folder}: it is a file, not a folder")
    stamp = clock.now().replace(microsecond=0)
    target = folder / backup_pages.backup_name(stamp)
    try:
        safe_files.private_dir(folder, tighten=own_folder)
        tidy(store.path, folder)
        with store.frozen_file() as frozen:
            if frozen is not None:
                _copy_files(store, folder)  # a superset of the snapshot's (rows only grow), before it is stored
                backup_pages.add_snapshot(folder, *frozen, stamp)
        if frozen is None:
            with safe_files.atomic_target(target) as staged:
                store.backup_to(staged)
                _copy_files(store, folder)  # before the copy takes its backup name
    except (OSError, sqlite_driver.Error) as exc:  # not a folder, no permission, disk full (SQLite says so itself)
        raise BackupTargetError(f"cannot write a backup to {folder}: {getattr(exc, 'strerror', None) or exc}") from None
    thin(folder, daily=settings.read(store, settings.BACKUP_KEEP_DAILY),
         weekly=settings.read(store, settings.BACKUP_KEEP_WEEKLY),
         monthly=settings.read(store, settings.BACKUP_KEEP_MONTHLY))
    return target


def _copy_files(store: Store, folder: Path) -> None:
    """Copy into the folder's store the files of the live database it lacks (a superset of the copy's: rows only grow)."""
    with store.read() as conn:
        wanted = attachment_files.referenced_digests(conn)
    live_files = attachments.folder_of(store)
    backup_files = files_of_backups(folder, live_files.seal)  # sealed under the key the backup is under
    lacking = attachment_files.lacking(backup_files, wanted, mend_altered=False)
    unavailable = attachment_files.copy_files(live_files, backup_files, lacking)
    if unavailable:  # the backup is still worth having; ``check`` names the dossiers
        log.warning("backup: %d attached file(s) are missing or altered in the live folder (run check)",
                    len(unavailable))


def files_of_backups(folder: Path, seal: Seal | None) -> FolderContents:
    """The store of attached files shared by the backups in ``folder`` (``seal``: of their database's key)."""
    return FolderContents(Path(folder) / BACKUP_FILES, seal)


def files_of_database(db_path: Path, keys: list[db_keys.Key]) -> tuple[FolderContents, bool]:
    """Where the files of the SQLite database at ``db_path`` (opened by one of ``keys``) are, and whether that store is shared.

    A backup's (named like one) are in its folder's shared store; a live database's beside it.
    """
    db_path = Path(db_path)
    seal = attachment_files.seal_for(keys)
    if BACKUP_PATTERN.match(db_path.name):
        return files_of_backups(db_path.parent, seal), True
    return FolderContents(attachment_files.attachments_dir(db_path), seal), False


def tidy(db_path: Path, backup_dir: Path | None = None) -> list[Path]:
    """Remove what killed backups and restores left, and thin the safety copies; the removed paths."""
    db_path = Path(db_path)
    removed = safe_files.clean_stale(db_path.parent)
    if backup_dir is not None and Path(backup_dir).resolve() != db_path.parent.resolve():
        removed += safe_files.clean_stale(Path(backup_dir))
    return removed + thin_safety_copies(db_path)


def thin_safety_copies(db_path: Path) -> list[Path]:
    """Keep the newest few ``DB.before-….bak`` copies; older ones only fill the disk with personal data."""
    db_path = Path(db_path)
    copies = sorted(db_path.parent.glob(f"{glob.escape(db_path.name)}.before-*.bak"),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    removed = copies[KEEP_SAFETY_COPIES:]
    for path in removed:
        safe_files.remove_with_companions(path)
    return removed


def newest_good_backup(folder: Path, of_database: Path) -> tuple[datetime, Path] | None:
    """The newest backup in ``folder`` that restore would accept over ``of_database``, with its time (or None).

    A backup is encrypted with its database's key, so it is checked with the keys kept for ``of_database``.
    """
    keys = db_keys.candidates(Path(of_database))
    for stamp, path in list_backups(Path(folder)):
        try:
            with backup_pages.readable(path) as file:
                if not db_check.file_problems(file, in_use=False, keys=keys):
                    return stamp, path
        except backup_pages.SnapshotDamaged:
            continue
    return None


def list_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """Every backup in ``folder``, newest first: full copies and the page store's snapshots, by name."""
    found = [(snapshot.stamp, folder / snapshot.name) for snapshot in backup_pages.snapshots(folder)]
    for path in folder.glob("counter-*.sqlite3"):
        match = BACKUP_PATTERN.match(path.name)
        if match:
            found.append((datetime.strptime(match.group(1), backup_pages.STAMP_FORMAT), path))
    return sorted(found, reverse=True)


def backups_to_keep(stamps: list[datetime], *, daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY,
                    monthly: int = KEEP_MONTHLY) -> set[datetime]:
    """Newest of each of the last 7 days, 4 ISO weeks and 12 months (Anki-style thinning; the counts are
    the office's backup settings)."""
    keep: set[datetime] = set()
    for period, count in (
        (lambda t: t.date(), daily),
        (lambda t: t.isocalendar()[:2], weekly),
        (lambda t: (t.year, t.month), monthly),
    ):
        seen: list[object] = []
        for stamp in sorted(stamps, reverse=True):
            key = period(stamp)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(stamp)
    return keep


def thin(folder: Path, **retention: int) -> list[Path]:
    """Delete backups no longer kept (``retention``: see backups_to_keep); returns the deleted paths."""
    found = list_backups(folder)
    keep = backups_to_keep([stamp for stamp, _ in found], **retention)
    removed = [path for stamp, path in found if stamp not in keep]
    for path in removed:
        path.unlink(missing_ok=True)  # a full copy; a snapshot has no file of its own
    backup_pages.drop(folder, {stamp for stamp, _ in found if stamp not in keep})
    return removed


def check(store: Store) -> list[str]:
    """Problems found in an open store, first one first; empty when the database is sound."""
    with store.read() as conn:
        if store.backend.name == "postgresql":  # the files live in the office database: checked with it
            return db_check.content_problems(conn) + attachment_files.file_problems(
                conn, attachment_files.TableContents(conn))
        return db_check.database_problems(conn)
