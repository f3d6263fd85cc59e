"""Deduplicated backups: the database file's pages, each stored once, a snapshot whole or absent."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from factories import add_users, make_store, request

from counter_app import backup_pages, services
from counter_app.db import sqlite_driver
from counter_app.db.sqlite import connect_file

T0 = datetime(2026, 11, 30, 17, 0, 0)


class Counter:
    """A live database and a clerk receiving dossiers into it."""

    def __init__(self, path: Path) -> None:
        self.store = make_store(path)
        self.staff = add_users(self.store)["staff"]

    def receive(self, count: int) -> None:
        for _ in range(count):
            services.receive_dossier(self.store, self.staff, request(self.store))


@pytest.fixture
def counter(tmp_path: Path) -> Iterator[Counter]:
    live = Counter(tmp_path / "live.sqlite3")
    yield live
    live.store.close()


def _snapshot(store, folder: Path, stamp: datetime) -> backup_pages.Snapshot:
    with store.frozen_file() as frozen:
        assert frozen is not None
        file, page_size = frozen
        return backup_pages.add_snapshot(folder, file, page_size, stamp)


def _dossiers(path: Path) -> int:
    conn = connect_file(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
    finally:
        conn.close()


def test_a_snapshot_comes_back_as_the_database_it_was(counter: Counter, tmp_path: Path) -> None:
    counter.receive(20)
    snapshot = _snapshot(counter.store, tmp_path / "backups", T0)
    counter.receive(5)  # later work is not in it
    target = backup_pages.materialize(tmp_path / "backups", snapshot, tmp_path / "back.sqlite3")
    assert _dossiers(target) == 20
    assert target.stat().st_mode & 0o777 == 0o600
    assert backup_pages.find(tmp_path / "backups", snapshot.name) == snapshot


def test_a_second_backup_stores_only_the_pages_that_changed(counter: Counter, tmp_path: Path) -> None:
    counter.receive(300)
    folder = tmp_path / "backups"
    first = _snapshot(counter.store, folder, T0)
    after_one = backup_pages.stored_bytes(folder)
    counter.receive(3)
    second = _snapshot(counter.store, folder, T0 + timedelta(days=1))
    grown = backup_pages.stored_bytes(folder) - after_one
    assert grown < first.file_bytes / 3  # a full copy would add the whole file again
    assert [s.stamp for s in backup_pages.snapshots(folder)] == [second.stamp, first.stamp]
    assert _dossiers(backup_pages.materialize(folder, first, tmp_path / "a.sqlite3")) == 300
    assert _dossiers(backup_pages.materialize(folder, second, tmp_path / "b.sqlite3")) == 303


def test_thinning_deletes_the_pages_only_the_dropped_backup_used(counter: Counter, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    counter.receive(50)
    first = _snapshot(counter.store, folder, T0)
    counter.receive(50)
    second = _snapshot(counter.store, folder, T0 + timedelta(days=1))
    assert backup_pages.drop(folder, {first.stamp}) > 0
    assert backup_pages.snapshots(folder) == [second]
    assert _dossiers(backup_pages.materialize(folder, second, tmp_path / "b.sqlite3")) == 100
    assert backup_pages.drop(folder, {second.stamp}) > 0  # the last one gone: no page left
    conn = sqlite_driver.connect(backup_pages.repo_path(folder))
    assert conn.execute("SELECT count(*) FROM pages").fetchone()[0] == 0
    conn.close()


def test_snapshots_taken_while_another_thread_saves_are_each_consistent(counter: Counter, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    stop = threading.Event()

    def keep_saving() -> None:
        while not stop.is_set():
            counter.receive(1)

    writer = threading.Thread(target=keep_saving)
    writer.start()
    try:
        taken = [_snapshot(counter.store, folder, T0 + timedelta(seconds=n)) for n in range(5)]
    finally:
        stop.set()
        writer.join()
    counts = [_dossiers(backup_pages.materialize(folder, s, tmp_path / f"{n}.sqlite3")) for n, s in enumerate(taken)]
    assert counts == sorted(counts)  # each a state the database was in, in order


def test_a_damaged_page_store_is_refused_not_restored(counter: Counter, tmp_path: Path) -> None:
    counter.receive(10)
    folder = tmp_path / "backups"
    snapshot = _snapshot(counter.store, folder, T0)
    conn = sqlite_driver.connect(backup_pages.repo_path(folder))
    conn.execute("UPDATE pages SET data = zeroblob(length(data)) WHERE id = (SELECT max(id) FROM pages)")
    conn.commit()
    conn.close()
    with pytest.raises(backup_pages.SnapshotDamaged):
        backup_pages.materialize(folder, snapshot, tmp_path / "back.sqlite3")
    assert not (tmp_path / "back.sqlite3").exists()
