"""Restore checks the backup before touching anything, never loses newer data silently, and works
over a damaged live file; backups, restores and starts clean what killed ones left behind."""
from __future__ import annotations

import hashlib
import os
import random
import shutil
from pathlib import Path

import pytest
from factories import add_users, make_store, request

from counter_app import backup_pages, db_check, maintenance, migrations, services
from counter_app.db.sqlite import connect_file
from counter_app.paths import default_backup_dir, open_store
from counter_app.restore import RestoreRefused, restore
from counter_cli.main import main

KEPT_COPY = "before-restore"


def _receive(store, count: int, seed: int) -> None:
    actor = store.test_actors["staff"]
    rng = random.Random(seed)
    for _ in range(count):
        services.receive_dossier(store, actor, request(store, rng=rng))


def _scalar(path: Path, sql: str):  # type: ignore[no-untyped-def]
    conn = connect_file(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def _count(path: Path) -> int:
    return _scalar(path, "SELECT count(*) FROM dossiers")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def office(tmp_path):
    """A live database with 3 dossiers and a backup (in the default folder) taken when it had 2; closed."""
    live = tmp_path / "office" / "counter.sqlite3"
    store = make_store(live)
    store.test_actors = add_users(store)
    _receive(store, 2, seed=1)
    backup = maintenance.backup(store, default_backup_dir(live), own_folder=True)
    _receive(store, 1, seed=2)
    store.close()
    return live, backup


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _unchanged(live: Path, before: str) -> bool:
    siblings = [p.name for p in live.parent.iterdir() if p.name.startswith(".") or KEPT_COPY in p.name]
    return _digest(live) == before and not siblings


@pytest.mark.parametrize("make_candidate, reason", [
    (lambda p: p.write_bytes(b""), "empty (0 bytes)"),
    (lambda p: p.write_text("Họ tên, CCCD\n", encoding="utf-8"), "not an SQLite database"),
    (lambda p: connect_file(p).execute("CREATE TABLE notes (x)").connection.close(), "not a database of this application"),
])
def test_a_file_that_is_no_backup_of_ours_is_refused_and_nothing_changes(office, tmp_path, capsys, make_candidate, reason):
    live, _ = office
    candidate = tmp_path / "candidate.sqlite3"
    make_candidate(candidate)
    before = _digest(live)
    code, out, err = _run(capsys, "--db", str(live), "restore", str(candidate), "--force")
    assert code != 0 and out == ""
    assert "cannot be restored" in err and reason in err and "Traceback" not in err
    assert _unchanged(live, before) and _count(live) == 3


def _copy_of(backup: Path, target: Path) -> Path:
    """A backup as the database file it stands for (a backup is a snapshot of the folder's page store)."""
    with backup_pages.readable(backup) as file:
        return Path(shutil.copyfile(file, target))


def _edited_copy(backup: Path, tmp_path: Path, *statements: str) -> Path:
    copy = _copy_of(backup, tmp_path / "edited.sqlite3")
    conn = connect_file(copy, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()
    return copy


@pytest.mark.parametrize("statements, reason", [
    (("PRAGMA user_version = 99",), "schema version 99 is newer"),
    (("PRAGMA user_version = 0",), "not a database of this application"),
    (("DROP TABLE outbox",), "table missing: outbox"),
    (("DELETE FROM office",), "no office profile"),
    (("DROP TRIGGER audit_log_no_update", "UPDATE audit_log SET username = 'x' WHERE id = 2"), "audit record 2"),
])
def test_a_damaged_or_foreign_backup_is_refused(office, tmp_path, capsys, statements, reason):
    live, backup = office
    before = _digest(live)
    code, _, err = _run(capsys, "--db", str(live), "restore", str(_edited_copy(backup, tmp_path, *statements)), "--force")
    assert code != 0 and reason in err
    assert _unchanged(live, before)


def test_an_older_backup_needs_force_which_says_what_is_lost_and_keeps_it_aside(office, capsys):
    live, backup = office
    newest = _newest_code(live)
    before = _digest(live)
    code, _, err = _run(capsys, "--db", str(live), "restore", str(backup))
    assert code != 0 and "older than the live database" in err and newest in err
    assert _unchanged(live, before) and _count(live) == 3

    code, out, err = _run(capsys, "--db", str(live), "restore", str(backup), "--force")
    assert code == 0, err
    assert "1 dossier(s)" in err and newest in err and "audit record(s)" in err
    assert _count(live) == 2 and db_check.file_problems(live) == []
    kept = Path(out.rsplit(" kept as ", 1)[1].strip())
    assert KEPT_COPY in kept.name and _count(kept) == 3


def _newest_code(path: Path) -> str:
    return _scalar(path, "SELECT code FROM dossiers ORDER BY id DESC LIMIT 1")


def test_a_backup_as_new_as_the_live_data_restores_without_force(office, tmp_path):
    live, _ = office
    with open_store(live) as store:
        same = maintenance.backup(store, tmp_path / "backups")
    result = restore(live, same)
    assert not result.loss and result.aside is not None and _count(live) == 3


@pytest.mark.parametrize("damage", ["zeroed header", "not a database", "empty"])
def test_restore_works_over_a_damaged_live_file_and_keeps_its_bytes(office, damage):
    live, backup = office
    data = live.read_bytes()
    damaged = {"zeroed header": bytes(100) + data[100:], "not a database": b"garbage " * 100, "empty": b""}[damage]
    live.write_bytes(damaged)
    result = restore(live, backup)
    assert result.live_unreadable and not result.loss
    assert _count(live) == 2 and db_check.file_problems(live) == []
    assert result.aside.read_bytes() == damaged


def test_restore_refuses_while_another_program_has_the_database_open(office):
    live, backup = office
    holder = open_store(live)
    try:
        with pytest.raises(RestoreRefused, match="open in another program"):
            restore(live, backup, force=True)
        assert _count(live) == 3
    finally:
        holder.close()


def test_a_backup_of_the_first_schema_is_upgraded_and_checked(tmp_path, office):
    """The frozen schema-v1 database (3 dossiers) restores as a current database."""
    live, _ = office
    old = tmp_path / "v1.sqlite3"
    conn = connect_file(old)
    conn.executescript((Path(__file__).parent / "fixtures" / "schema_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    old_code = _newest_code(old)
    assert old_code != _newest_code(live)
    restore(live, old, force=True)
    assert _newest_code(live) == old_code
    with open_store(live) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION
        assert maintenance.check(store) == []
    assert _count(live) == 3 and not [p.name for p in live.parent.iterdir() if ".part" in p.name]


def _dead_pid() -> int:
    """A process id no process can have (above the kernel's pid_max).

    A child that has just exited will not do: on a busy machine with 32,768 ids its id is soon
    given to another process, which made this test flaky.
    """
    return int(Path("/proc/sys/kernel/pid_max").read_text()) + 1


def test_backup_restore_and_start_clean_what_killed_ones_left(office, tmp_path):
    live, backup = office
    folder = backup.parent
    # The backup below may thin the fixture's backup away (one a day is kept): restore from a copy.
    restorable = _copy_of(backup, folder / "restorable.sqlite3")
    pid = _dead_pid()
    left = [
        live.with_name(f".{live.name}.{pid}.part"),  # a killed restore's staged copy
        live.with_name(f".{live.name}.{pid}.part.before-v3.bak"),  # ... and its migration copy
        folder / f".counter-20261130-120000.sqlite3.{pid}.part",  # a killed backup
        folder / f".counter-20261130-120000.sqlite3.{pid}.part-journal",
        folder / "counter-20261129-120000.sqlite3-journal",  # a journal whose database is gone
    ]
    alive = folder / f".counter-20261130-130000.sqlite3.{os.getpid()}.part"  # a backup still being written
    kept = [alive, folder / "counter-20261128-120000.sqlite3", folder / "counter-20261128-120000.sqlite3-journal"]
    for path in kept:  # a journal beside its database may be hot: SQLite needs it
        path.write_bytes(b"x" * 4096)
    for run_next in (_open_and_close, _backup_into(folder), lambda path: restore(path, restorable, force=True)):
        for path in left:
            path.write_bytes(b"x" * 4096)
        run_next(live)
        assert not [path.name for path in left if path.exists()]
        assert all(path.exists() for path in kept)


def _open_and_close(db: Path) -> None:
    open_store(db).close()


def _backup_into(folder: Path):  # type: ignore[no-untyped-def]
    def run(db: Path) -> None:
        with open_store(db) as store:
            maintenance.backup(store, folder)
    return run


def test_only_the_newest_safety_copies_are_kept(office):
    live, backup = office
    for age in range(6):
        copy = live.with_name(f"{live.name}.before-restore-2026110{age}-120000.bak")
        _copy_of(backup, copy)
        os.utime(copy, (1_700_000_000 - age * 86_400,) * 2)
    restore(live, backup, force=True)
    kept = sorted(p.name for p in live.parent.glob("*.bak"))
    assert len(kept) == maintenance.KEEP_SAFETY_COPIES
    assert live.name + ".before-restore-20261100-120000.bak" in kept  # the newest of the old ones


def test_restore_works_over_a_live_file_with_damaged_pages(office):
    """Pages of the catalogue damaged: the live dossiers can still be compared (and are kept aside)."""
    live, backup = office
    conn = connect_file(live)
    pages = [r[0] for r in conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'procedure_papers'")]
    conn.close()
    data = bytearray(live.read_bytes())
    for page in pages:
        data[(page - 1) * 4096: (page - 1) * 4096 + 12] = bytes(range(200, 212))
    live.write_bytes(bytes(data))
    assert db_check.file_problems(live) != []
    with pytest.raises(RestoreRefused, match="1 dossier"):
        restore(live, backup)
    result = restore(live, backup, force=True)
    assert result.loss.dossiers == 1 and not result.live_unreadable
    assert _count(live) == 2 and db_check.file_problems(live) == []
    assert _count(result.aside) == 3
