"""The store: durable settings, schema migrations from every released version, refusal of newer files."""
from __future__ import annotations

from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from counter_app import maintenance, migrations
from counter_app.db.sqlite import connect_file
from counter_app.search import search
from counter_app.store import DatabaseTooNew, Store, StoreError

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.both_stores


def _raw(db_target: str, backend: str):
    """A connection that does not go through Store (no version check, no migration)."""
    if backend == "sqlite":
        return connect_file(db_target, isolation_level=None)
    return psycopg.connect(db_target, autocommit=True)


def _tables(db_target: str, backend: str) -> set[str]:
    sql = ("SELECT name FROM sqlite_master WHERE type = 'table'" if backend == "sqlite"
           else "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    with closing(_raw(db_target, backend)) as conn:
        return {r[0] for r in conn.execute(sql).fetchall()}


def _load_frozen(path: Path, version: int) -> Path:
    conn = connect_file(str(path))
    conn.executescript((FIXTURES / f"schema_v{version}.sql").read_text(encoding="utf-8"))
    conn.close()
    return path


def test_connection_is_durable_and_strict(tmp_path):
    store = Store(tmp_path / "c.sqlite3")
    pragmas = {name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]
               for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    assert pragmas == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 15000}
    assert store.schema_version == migrations.SCHEMA_VERSION


def test_frozen_first_schema_opens_upgraded_with_its_data(tmp_path):
    db = _load_frozen(tmp_path / "old.sqlite3", 1)
    store = Store(db)
    assert store.schema_version == migrations.SCHEMA_VERSION
    assert maintenance.check(store) == []
    with store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] == 3
    assert [r.applicant_name for r in search(store, "tuan")] == ["Lê Quang Tuấn"]
    if migrations.SCHEMA_VERSION > 1:
        assert (tmp_path / f"old.sqlite3.before-v{migrations.SCHEMA_VERSION}.bak").exists()


def test_database_newer_than_the_code_is_refused_untouched(tmp_path):
    db = tmp_path / "new.sqlite3"
    conn = connect_file(str(db))
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        Store(db)
    assert db.read_bytes() == before


def test_office_database_newer_than_the_code_is_refused_untouched(db_target, backend):
    Store(db_target).close()
    with closing(_raw(db_target, backend)) as conn:
        if backend == "sqlite":
            conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
        else:
            conn.execute(f"UPDATE schema_version SET version = {migrations.SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseTooNew, match="newer version"):
        Store(db_target)


def test_failed_migration_step_leaves_the_database_as_it_was(db_target, backend, monkeypatch):
    monkeypatch.setattr(migrations, "STEPS", migrations.STEPS[:1])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    Store(db_target).close()

    def broken_step(conn):
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("power cut in the middle of a step")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS[:1], broken_step])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    with pytest.raises(RuntimeError):
        Store(db_target)
    assert "half_done" not in _tables(db_target, backend)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    with Store(db_target) as store:
        assert store.schema_version == 1


def test_frozen_first_schema_failed_step_keeps_a_backup(tmp_path, monkeypatch):
    db = _load_frozen(tmp_path / "old.sqlite3", 1)

    def broken_step(conn):
        raise RuntimeError("power cut in the middle of a step")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS[:1], broken_step])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    with pytest.raises(RuntimeError):
        Store(db)
    assert connect_file(str(db)).execute("PRAGMA user_version").fetchone()[0] == 1
    assert (tmp_path / "old.sqlite3.before-v2.bak").exists()


def test_a_url_it_cannot_open_is_refused_and_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for target in ("mysql://u@h:3306/office", "postgresql://u:secret@h:5432/office", "postgresql://h/office"):
        with pytest.raises(StoreError) as refused:
            Store(target)
        assert "secret" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []
