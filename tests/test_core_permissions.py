"""Personal data at rest is readable by the user only: the database, its WAL and SHM, backups, the
copies taken before a migration or a restore, printed PDFs and their folders, whatever the umask."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from factories import make_store

from counter_app import backup_pages, maintenance
from counter_app.db.sqlite import connect_file
from counter_app.paths import data_dir, default_backup_dir, open_store
from counter_app.restore import restore

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _open_umask():
    """The usual desktop umask (files 0644, folders 0755 unless the app says otherwise)."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_its_wal_shm_and_folders_are_owner_only(tmp_path):
    live = tmp_path / "new" / "office" / "counter.sqlite3"
    store = make_store(live)
    try:
        assert Path(f"{live}-wal").exists() and Path(f"{live}-shm").exists()
        modes = {p.name: _mode(p) for p in (live, Path(f"{live}-wal"), Path(f"{live}-shm"))}
        assert set(modes.values()) == {0o600}, modes
        assert _mode(live.parent) == _mode(live.parent.parent) == 0o700
    finally:
        store.close()


def test_an_existing_world_readable_database_is_narrowed_on_open(tmp_path):
    live = tmp_path / "counter.sqlite3"
    make_store(live).close()
    os.chmod(live, 0o644)
    open_store(live).close()
    assert _mode(live) == 0o600


def test_backups_and_their_default_folder_are_owner_only(tmp_path):
    live = tmp_path / "office" / "counter.sqlite3"
    store = make_store(live)
    folder = default_backup_dir(live)
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # made by an earlier version
    chosen = tmp_path / "usb-drive"
    chosen.mkdir(mode=0o755)
    os.chmod(chosen, 0o755)
    try:
        own = maintenance.backup(store, folder, own_folder=True)
        elsewhere = maintenance.backup(store, chosen)
    finally:
        store.close()
    assert own.parent == folder and elsewhere.parent == chosen  # named like the file each stands for
    assert _mode(backup_pages.repo_path(folder)) == _mode(backup_pages.repo_path(chosen)) == 0o600
    assert _mode(folder) == 0o700
    assert _mode(chosen) == 0o755  # a folder the user named keeps its mode


def test_the_copy_before_a_migration_is_owner_only(tmp_path):
    old = tmp_path / "old.sqlite3"
    conn = connect_file(old)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    os.chmod(old, 0o644)
    open_store(old).close()
    copies = list(tmp_path.glob("old.sqlite3.before-v*.bak"))
    assert copies and {_mode(p) for p in copies} == {0o600}


def test_a_restored_database_and_the_copy_kept_aside_are_owner_only(tmp_path):
    live = tmp_path / "counter.sqlite3"
    store = make_store(live)
    backup = maintenance.backup(store, tmp_path / "backups")
    store.close()
    os.chmod(live, 0o644)
    result = restore(live, backup)
    assert _mode(live) == _mode(result.aside) == 0o600


def test_the_default_data_folder_is_narrowed(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    data_dir().mkdir(parents=True, mode=0o755)
    os.chmod(data_dir(), 0o755)
    open_store().close()
    assert _mode(data_dir()) == 0o700 and _mode(data_dir() / "counter.sqlite3") == 0o600


def test_pdfs_and_new_folders_for_them_are_owner_only(tmp_path):
    from printing.pdf import write_pdf

    target = write_pdf(b"%PDF-1.4 test", tmp_path / "giay-to" / "giay-tiep-nhan.pdf")
    assert target.read_bytes() == b"%PDF-1.4 test"
    assert _mode(target) == 0o600 and _mode(target.parent) == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["giay-tiep-nhan.pdf"]  # no temporary left
