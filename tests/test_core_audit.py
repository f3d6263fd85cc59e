"""The audit chain finds any edited, deleted or reordered record."""
from __future__ import annotations

import sqlite3

import pytest

from counter_app import audit
from counter_cli.main import main
from counter_app.store import Store


@pytest.fixture
def conn(tmp_path):
    store = Store(tmp_path / "a.sqlite3")
    with store.write() as c:
        for i in range(5):
            audit.append(c, username="canbo", action="dossier.receive", entity="dossier", entity_id=f"X-{i}")
    raw = sqlite3.connect(str(store.path), isolation_level=None)
    raw.row_factory = sqlite3.Row
    # Someone goes around the append-only triggers with a tool of their own.
    raw.execute("DROP TRIGGER audit_log_no_update")
    raw.execute("DROP TRIGGER audit_log_no_delete")
    yield raw
    raw.close()
    store.close()


def test_intact_chain_verifies(conn):
    assert audit.verify_chain(conn) is None


def test_triggers_refuse_changes(tmp_path):
    store = Store(tmp_path / "b.sqlite3")
    with store.write() as c:
        audit.append(c, username="u", action="login")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        with store.write() as c:
            c.execute("UPDATE audit_log SET username = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        with store.write() as c:
            c.execute("DELETE FROM audit_log")


def test_edited_record_is_found(conn):
    conn.execute("UPDATE audit_log SET entity_id = 'X-99' WHERE id = 3")
    broken = audit.verify_chain(conn)
    assert broken.record_id == 3 and "changed" in broken.reason


def test_deleted_record_is_found(conn):
    conn.execute("DELETE FROM audit_log WHERE id = 2")
    assert audit.verify_chain(conn).record_id == 2


def test_reordered_records_are_found(conn):
    a = conn.execute("SELECT * FROM audit_log WHERE id = 2").fetchone()
    b = conn.execute("SELECT * FROM audit_log WHERE id = 3").fetchone()
    conn.execute("UPDATE audit_log SET entity_id = ?, hash = ?, prev_hash = ? WHERE id = 2",
                 (b["entity_id"], b["hash"], b["prev_hash"]))
    conn.execute("UPDATE audit_log SET entity_id = ?, hash = ?, prev_hash = ? WHERE id = 3",
                 (a["entity_id"], a["hash"], a["prev_hash"]))
    assert audit.verify_chain(conn).record_id == 2


def test_check_command_names_the_first_bad_record(conn, tmp_path, capsys):
    conn.execute("UPDATE audit_log SET username = 'kẻ gian' WHERE id = 4")
    assert main(["--db", str(tmp_path / "a.sqlite3"), "check"]) == 1
    assert "audit record 4" in capsys.readouterr().err
