"""Owner-only files, written whole or not at all, and the cleaning of what a killed write leaves.

The database, its WAL, its backups and the PDFs the app writes hold personal data (Decree
13/2023/NĐ-CP): they are created 0600 in 0700 folders, set explicitly so the user's umask does
not matter. A file that must be complete or absent (a backup, a restored database) is written
under a hidden temporary name carrying the writer's process id, synced, renamed over its final
name, and the folder synced; a killed writer leaves only such a temporary, which the next
backup, restore or start removes once its writer is gone.
"""
from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
COPY_CHUNK = 1 << 20
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")
STALE_AFTER_SECONDS = 6 * 3600  # where a writer's liveness cannot be asked (Windows)
_TEMP = re.compile(r"^\..+?\.(?P<pid>\d+)\.part(?:[.-].*)?$")
_OURS = re.compile(r"(\.sqlite3|\.bak|\.part)$")


def private_dir(path: Path, *, tighten: bool = False) -> Path:
    """Create ``path`` (and missing parents) owner-only; ``tighten`` also narrows an existing one.

    Existing folders the user named (``backup --to /srv/x``) are left as they are: only the
    app's own folders are tightened.
    """
    path = Path(path)
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        os.chmod(folder, PRIVATE_DIR)
    if tighten and not missing:
        _chmod_if_owned(path, PRIVATE_DIR)
    return path


def private_database_file(path: Path) -> None:
    """Make the database file and its SQLite companions owner-only before SQLite opens them.

    SQLite creates a new database as 0644 minus the umask, and its -wal/-shm with the
    database's mode, so an empty 0600 file made here keeps all three private.
    """
    path = Path(path)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    for file in (path, *(Path(f"{path}{suffix}") for suffix in SQLITE_COMPANIONS)):
        if file.exists():
            _chmod_if_owned(file, PRIVATE_FILE)


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` owner-only, whole or not at all (a PDF, a copy)."""
    path = Path(path)
    with atomic_target(path) as temp:
        temp.write_bytes(data)
    return path


def copy_private(source: Path, target: Path, *, atomic: bool = False) -> Path:
    """Copy ``source`` to a new owner-only ``target`` (``atomic``: through a temporary and a rename)."""
    target = Path(target)
    if atomic:
        with atomic_target(target) as temp, open(source, "rb") as src, open(temp, "wb") as dst:
            shutil.copyfileobj(src, dst, COPY_CHUNK)
        return target
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.chmod(target, PRIVATE_FILE)
    with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
        shutil.copyfileobj(src, dst, COPY_CHUNK)
    return target


def temp_path(target: Path) -> Path:
    """The hidden name a file is written under before it becomes ``target``."""
    return target.with_name(f".{target.name}.{os.getpid()}.part")


@contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Yield an empty owner-only temporary; on success it replaces ``target`` durably.

    On any failure (a full disk, a bad page) the temporary and its SQLite companions are
    removed and ``target`` is untouched.
    """
    target = Path(target)
    temp = temp_path(target)
    remove_with_companions(temp)
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    os.chmod(temp, PRIVATE_FILE)
    try:
        yield temp
        publish(temp, target)
    except BaseException:
        remove_with_companions(temp)
        raise


def publish(temp: Path, target: Path) -> None:
    """Sync ``temp``, rename it over ``target`` and sync the folder, so the rename survives a power cut."""
    fsync_file(temp)
    os.replace(temp, target)
    fsync_dir(target.parent)


def fsync_file(path: Path) -> None:
    _fsync(path, os.O_RDWR)  # Windows flushes only through a handle open for writing


def fsync_dir(path: Path) -> None:
    """Make a rename or unlink in ``path`` durable (POSIX; Windows has no directory handles)."""
    if os.name == "posix":
        _fsync(path, os.O_RDONLY)


def _fsync(path: Path, flags: int) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_with_companions(path: Path) -> None:
    for file in (Path(path), *(Path(f"{path}{suffix}") for suffix in SQLITE_COMPANIONS)):
        file.unlink(missing_ok=True)


def clean_stale(folder: Path) -> list[Path]:
    """Remove what killed writers left in ``folder``; returns the removed paths.

    Temporaries (``.NAME.PID.part…``) whose writer is gone, and SQLite -journal/-wal/-shm files
    of our own files (``*.sqlite3``, ``*.bak``, temporaries) whose main file no longer exists.
    A -journal beside an existing database is a hot journal SQLite needs: it is never touched.
    """
    removed: list[Path] = []
    if not Path(folder).is_dir():
        return removed
    for path in sorted(Path(folder).iterdir()):
        match = _TEMP.match(path.name)
        if match:
            if path.is_file() and _writer_gone(int(match["pid"]), path):
                path.unlink(missing_ok=True)
                removed.append(path)
            continue
        main = _main_of_companion(path)
        if main is not None and _OURS.search(main.name) and not main.exists() and path.exists():
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _main_of_companion(path: Path) -> Path | None:
    for suffix in SQLITE_COMPANIONS:
        if path.name.endswith(suffix):
            return path.with_name(path.name[: -len(suffix)])
    return None


def _writer_gone(pid: int, path: Path) -> bool:
    if pid == os.getpid():
        return False
    if os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
    try:
        return time.time() - path.stat().st_mtime > STALE_AFTER_SECONDS
    except FileNotFoundError:
        return False


def _chmod_if_owned(path: Path, mode: int) -> None:
    """Narrow an existing file's mode; a file of another user (read-only access) is left alone."""
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except PermissionError:
        pass
