"""Backups (thinned over time), restore, and the start-up / ``check`` consistency checks."""
from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from . import audit, clock
from .store import Store

BACKUP_PATTERN = re.compile(r"^counter-(\d{8}-\d{6})\.sqlite3$")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


def backup(store: Store, to_dir: Path) -> Path:
    """Write a consistent copy through the online backup API, then thin the folder."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = store.backup_to(Path(to_dir) / f"counter-{stamp}.sqlite3")
    thin(Path(to_dir))
    return target


def _backups(folder: Path) -> list[tuple[datetime, Path]]:
    found = []
    for path in folder.glob("counter-*.sqlite3"):
        match = BACKUP_PATTERN.match(path.name)
        if match:
            found.append((datetime.strptime(match.group(1), "%Y%m%d-%H%M%S"), path))
    return sorted(found, reverse=True)


def backups_to_keep(stamps: list[datetime]) -> set[datetime]:
    """Newest of each of the last 7 days, 4 ISO weeks and 12 months (Anki-style thinning)."""
    keep: set[datetime] = set()
    for period, count in (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
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


def thin(folder: Path) -> list[Path]:
    """Delete backups no longer kept; returns the deleted paths."""
    found = _backups(folder)
    keep = backups_to_keep([stamp for stamp, _ in found])
    removed = [path for stamp, path in found if stamp not in keep]
    for path in removed:
        path.unlink()
    return removed


def check(store: Store) -> list[str]:
    """Problems found, first one first; empty when the database is sound.

    SQLite's integrity and foreign-key checks, the audit chain, and that every dossier has
    its receive event, audit record and (until synced) outbox row written with it.
    """
    problems = store.integrity_errors()
    with store.read() as conn:
        broken = audit.verify_chain(conn)
        if broken:
            problems.append(str(broken))
        problems += _dossier_problems(conn)
    return problems


def _dossier_problems(conn: sqlite3.Connection) -> list[str]:
    problems = []
    lacking_event = conn.execute(
        "SELECT code FROM dossiers d WHERE NOT EXISTS"
        " (SELECT 1 FROM status_events e WHERE e.dossier_id = d.id AND e.action = 'receive') ORDER BY id LIMIT 5"
    ).fetchall()
    problems += [f"dossier {r[0]}: no receive event" for r in lacking_event]
    lacking_audit = conn.execute(
        "SELECT code FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM audit_log a"
        " WHERE a.entity = 'dossier' AND a.entity_id = d.code AND a.action = 'dossier.receive') ORDER BY id LIMIT 5"
    ).fetchall()
    problems += [f"dossier {r[0]}: no audit record of its receipt" for r in lacking_audit]
    return problems


def restore(db_path: Path, backup_file: Path) -> Path:
    """Replace the database with a backup; returns where the replaced database was kept.

    The backup is copied, upgraded to this schema and checked before anything is touched;
    the final copy goes through SQLite's backup API, so no reader ever sees a half-written file.
    """
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise FileNotFoundError(f"no backup file at {backup_file}")
    db_path = Path(db_path)
    stamp = f"{clock.now():%Y%m%d-%H%M%S}"
    staged = db_path.with_name(f".{db_path.name}.restore-{stamp}")
    shutil.copyfile(backup_file, staged)
    try:
        with Store(staged) as candidate:
            problems = check(candidate)
            if problems:
                raise ValueError(f"backup {backup_file.name} is damaged: {problems[0]}")
            aside = db_path.with_name(f"{db_path.name}.before-restore-{stamp}.bak")
            with Store(db_path) as current:
                current.backup_to(aside)
                candidate.conn.backup(current.conn)
    finally:
        for leftover in staged.parent.glob(staged.name + "*"):
            leftover.unlink()
    return aside
