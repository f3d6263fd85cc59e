"""SIGKILL during a backup or a restore, at every file operation they make: the live database
stays whole (old or new), no file restore would accept is incomplete, and the next start cleans
what the killed process left.

The child process counts its own file operations (open, chmod, fsync, rename, unlink, SQLite
connect) and kills itself with SIGKILL at the k-th one, for k = 1, 2, … until a run completes;
one more backup is killed by the parent while its temporary file is being written.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from factories import TESTS_DIR, add_users, make_store, request

from counter_app import backup_pages, db_check, services
from counter_app.paths import default_backup_dir, open_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")

CHILD = """
import os, signal, sqlite3, sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from counter_app import maintenance, restore
from counter_app.paths import open_store

kill_at, calls = {kill_at}, 0

def counted(owner, name):
    real = getattr(owner, name)
    def call(*args, **kwargs):
        global calls
        calls += 1
        if calls == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    setattr(owner, name, call)

{prepare}
for owner, name in ((os, "open"), (os, "chmod"), (os, "fsync"), (os, "replace"), (os, "unlink"),
                    (sqlite3, "connect")):
    counted(owner, name)
{action}
print("done", calls)
"""
BACKUP = ("store = open_store({db!r})", "maintenance.backup(store, Path({folder!r}), own_folder=True)")
RESTORE = ("", "restore.restore(Path({db!r}), Path({backup!r}), force=True)")
MAX_POINTS = 60


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A closed live database with 6 dossiers and a backup of it when it had 4."""
    folder = tmp_path_factory.mktemp("template")
    live = folder / "counter.sqlite3"
    store = make_store(live)
    actor = add_users(store)["staff"]
    rng = random.Random(3)
    for _ in range(4):
        services.receive_dossier(store, actor, request(store, rng=rng))
    backup = store.backup_to(folder / "older.sqlite3")
    for _ in range(2):
        services.receive_dossier(store, actor, request(store, rng=rng))
    store.close()
    return live, backup


def _fresh_copy(template: tuple[Path, Path], folder: Path) -> tuple[Path, Path]:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    live, backup = (Path(shutil.copy(path, folder)) for path in template)
    return live, backup


def _count(path: Path) -> int:
    conn = db_check.open_read_only(path, in_use=False)
    try:
        return conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    finally:
        conn.close()


def _run_child(step: tuple[str, str], kill_at: int, **paths: str) -> subprocess.CompletedProcess:
    prepare, action = (part.format(**paths) for part in step)
    script = CHILD.format(tests=TESTS_DIR, kill_at=kill_at, prepare=prepare, action=action)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)


def _acceptable_files(folder: Path) -> list[Path]:
    """Every file in ``folder`` that restore would take (it reads a backup's main file only)."""
    return [path for path in sorted(folder.iterdir())
            if path.is_file() and not db_check.file_problems(path, in_use=False)]


def _backups_in(folder: Path) -> list[int]:
    """The dossiers in every backup restore would take from ``folder``: full copies, then the page store's."""
    if not folder.exists():
        return []
    counts = [_count(path) for path in _acceptable_files(folder)]
    for snapshot in backup_pages.snapshots(folder):
        with backup_pages.as_file(folder, snapshot) as file:
            counts.append(_count(file))
    return counts


def _named_like_a_backup(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if backup_pages.BACKUP_NAME.match(p.name)] if folder.exists() else []


def _assert_live_whole(live: Path, counts: set[int]) -> None:
    assert db_check.file_problems(live) == []
    with open_store(live) as store, store.read() as conn:  # the next start: cleans what was left
        assert conn.execute("SELECT count(*) FROM dossiers").fetchone()[0] in counts


def _no_temporaries(*folders: Path) -> bool:
    return not [p.name for folder in folders if folder.exists() for p in folder.iterdir() if ".part" in p.name]


def test_sigkill_at_every_step_of_a_backup(template, tmp_path):
    completed = False
    for kill_at in range(1, MAX_POINTS):
        live, _ = _fresh_copy(template, tmp_path / "office")
        folder = default_backup_dir(live)
        result = _run_child(BACKUP, kill_at, db=str(live), folder=str(folder))
        if result.returncode == 0:
            completed = True
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
        assert set(_backups_in(folder)) <= {6}, f"killed at step {kill_at}: a backup is accepted but incomplete"
        for path in _named_like_a_backup(folder):  # named like a backup: is one
            assert db_check.file_problems(path, in_use=False) == [] and _count(path) == 6, path.name
        _assert_live_whole(live, {6})
        assert _no_temporaries(folder, live.parent), f"killed at step {kill_at}: a temporary was left"
    assert completed and kill_at > 5, "the child never got through a backup"
    print(f"backup: killed at {kill_at - 1} steps")
    assert _backups_in(folder) == [6]


def test_sigkill_at_every_step_of_a_restore(template, tmp_path):
    completed = False
    for kill_at in range(1, MAX_POINTS):
        live, backup = _fresh_copy(template, tmp_path / "office")
        result = _run_child(RESTORE, kill_at, db=str(live), backup=str(backup))
        if result.returncode == 0:
            completed = True
            break
        assert result.returncode == -signal.SIGKILL, result.stderr
        for path in _acceptable_files(live.parent):
            assert _count(path) in (6, 4), f"killed at step {kill_at}: {path.name} is accepted but incomplete"
        _assert_live_whole(live, {6, 4})
        assert _no_temporaries(live.parent), f"killed at step {kill_at}: a temporary was left"
    assert completed and kill_at > 10, "the child never got through a restore"
    print(f"restore: killed at {kill_at - 1} steps")
    assert _count(live) == 4


def test_sigkill_while_the_backup_file_is_being_written(tmp_path):
    """A bigger database, killed by the parent once the file being written has pages in it."""
    live = tmp_path / "office" / "counter.sqlite3"
    store = make_store(live)
    with store.write() as conn:  # about 40 MB of pages to copy
        conn.execute("CREATE TABLE ballast (x BLOB)")
        conn.executemany("INSERT INTO ballast VALUES (randomblob(4000))", [()] * 10_000)
    store.close()
    folder = default_backup_dir(live)
    script = CHILD.format(tests=TESTS_DIR, kill_at=0, prepare=BACKUP[0].format(db=str(live)),
                          action=BACKUP[1].format(folder=str(folder)))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        written = _wait_for_backup_bytes(folder, proc)
    finally:
        proc.kill()
        proc.wait()
    assert written is not None, "the backup finished before it was seen writing"
    assert _backups_in(folder) == [] and not _named_like_a_backup(folder)
    with open_store(live):
        pass
    assert _no_temporaries(folder)


def _wait_for_backup_bytes(folder: Path, proc: subprocess.Popen) -> Path | None:
    """Poll the folder (not a clock) until the backup being written holds some pages."""
    for _ in range(20_000):
        if proc.poll() is not None:
            return None
        for path in folder.iterdir() if folder.exists() else []:
            try:
                if path.stat().st_size > 1 << 20:
                    return path
            except FileNotFoundError:
                continue
        time.sleep(0.001)  # polling interval
    return None

