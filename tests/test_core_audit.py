"""The audit chain finds any edited, deleted or reordered record."""
from __future__ import annotations

import json
import random

import psycopg
import pytest
from factories import PASSWORD, initialised_database, request

from counter_app import audit, services, users
from counter_app.db import sqlite_driver
from counter_app.db.sqlite import connect_file
from counter_app.models import Actor
from counter_app.store import Store
from counter_cli.main import main

pytestmark = pytest.mark.both_stores
DATABASE_ERRORS = (sqlite_driver.DatabaseError, psycopg.Error)


@pytest.fixture
def conn(db_target, backend):
    store = Store(db_target)
    with store.write() as c:
        for i in range(5):
            audit.append(c, username="canbo", action="dossier.receive", entity="dossier", entity_id=f"X-{i}")
    # Someone goes around the append-only triggers with a tool of their own (the owner's rights).
    if backend == "sqlite":
        raw = connect_file(db_target, isolation_level=None)
        raw.execute("DROP TRIGGER audit_log_no_update")
        raw.execute("DROP TRIGGER audit_log_no_delete")
    else:
        raw = Store(db_target).conn  # autocommit: each statement on its own
        raw.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
    yield raw
    raw.close()
    store.close()


def test_intact_chain_verifies(conn):
    assert audit.verify_chain(conn) is None


def test_triggers_refuse_changes(db_target):
    store = Store(db_target)
    with store.write() as c:
        audit.append(c, username="u", action="login")
    for change in ("UPDATE audit_log SET username = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DATABASE_ERRORS, match="append-only"):
            with store.write() as c:
                c.execute(change)
    with store.read() as c:
        assert c.execute("SELECT username FROM audit_log").fetchall()[0][0] == "u"
    store.close()


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


def test_check_command_names_the_first_bad_record(conn, db_target, capsys):
    conn.execute("UPDATE audit_log SET username = 'kẻ gian' WHERE id = 4")
    assert main(["--db", db_target, "check"]) == 1
    assert "audit record 4" in capsys.readouterr().err


def test_chain_head_is_the_last_record_and_anchors_parse(conn):
    head = audit.chain_head(conn)
    last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert (head.record_id, head.hash) == (5, last["hash"]) and str(head) == f"5:{last['hash'][:12]}"
    assert audit.Anchor.parse(f" 5:{last['hash'][:12].upper()} ") == audit.Anchor(5, last["hash"][:12])
    assert audit.Anchor.parse(last["hash"]) == audit.Anchor(None, last["hash"])
    for bad in (f"5:{last['hash'][:11]}", f"0:{last['hash'][:12]}", "5:zzzzzzzzzzzz", ""):
        with pytest.raises(ValueError, match="at least 12 hex digits"):
            audit.Anchor.parse(bad)


def test_an_anchor_holds_while_the_log_grows_and_only_at_its_place(conn):
    anchor = audit.chain_head(conn)
    audit.append(conn, username="canbo", action="dossier.receive", entity="dossier", entity_id="X-5")
    assert audit.verify_to_anchor(conn, anchor) is None
    assert audit.verify_to_anchor(conn, audit.Anchor(None, anchor.short)) is None
    assert "differs" in audit.verify_to_anchor(conn, audit.Anchor(3, anchor.hash)).reason  # right hash, wrong place
    assert "no longer reaches" in audit.verify_to_anchor(conn, audit.Anchor(9, anchor.hash)).reason


@pytest.fixture
def office_db(tmp_path):
    """An office database with three dossiers received by the clerk canbo; its path and their codes."""
    path = initialised_database(tmp_path / "office.sqlite3")
    with Store(path) as store:
        clerk = Actor.of(users.get_user(store, "canbo"))
        codes = [services.receive_dossier(store, clerk, request(store, rng=random.Random(i))).code for i in range(3)]
    return str(path), codes


def _erase_dossier_and_rewrite_the_chain(path: str, code: str) -> None:
    """The attack plain ``check`` cannot see: a dossier and its audit records vanish, the rest is
    renumbered and rehashed from the genesis, and the append-only triggers are put back."""
    raw = connect_file(path, isolation_level=None)  # foreign keys are off on a raw connection
    triggers = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
                           ).fetchall()
    raw.execute("BEGIN")
    for trigger in triggers:
        raw.execute(f"DROP TRIGGER {trigger['name']}")
    dossier = raw.execute("SELECT id, applicant_id FROM dossiers WHERE code = ?", (code,)).fetchone()
    tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for key in raw.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            if key["table"] == "dossiers":
                raw.execute(f"DELETE FROM {table} WHERE {key['from']} = ?", (dossier["id"],))
    raw.execute("DELETE FROM dossier_search WHERE rowid = ?", (dossier["id"],))
    raw.execute("DELETE FROM dossiers WHERE id = ?", (dossier["id"],))
    raw.execute("DELETE FROM applicants WHERE id = ?", (dossier["applicant_id"],))
    kept = raw.execute("SELECT * FROM audit_log WHERE entity_id != ? ORDER BY id", (code,)).fetchall()
    raw.execute("DELETE FROM audit_log")
    prev_hash = audit.GENESIS
    for new_id, r in enumerate(kept, start=1):
        digest = audit._digest(prev_hash, new_id, r["at"], r["username"], r["action"], r["entity"],
                               r["entity_id"], r["details"])
        raw.execute("INSERT INTO audit_log (id, at, username, action, entity, entity_id, details, prev_hash, hash)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (new_id, r["at"], r["username"], r["action"], r["entity"], r["entity_id"], r["details"],
                     prev_hash, digest))
        prev_hash = digest
    for trigger in triggers:
        raw.execute(trigger["sql"])
    raw.execute("COMMIT")
    raw.close()


def test_a_rewritten_chain_passes_check_but_not_check_with_the_printed_anchor(office_db, capsys):
    path, codes = office_db
    with Store(path) as store, store.read() as c:
        head = audit.chain_head(c)
    printed = f"{head.record_id}:{head.short}"  # as on the signed daily log
    assert main(["--db", path, "check", "--anchor", printed]) == 0
    _erase_dossier_and_rewrite_the_chain(path, codes[1])
    with Store(path) as store, store.read() as c:
        assert c.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] == 2
    capsys.readouterr()
    assert main(["--db", path, "check"]) == 0  # the rewrite is consistent: the chain alone cannot tell
    for anchor in (printed, head.short, head.hash):
        assert main(["--db", path, "check", "--anchor", anchor]) == 1, anchor
        assert "rewritten" in capsys.readouterr().err
    with Store(path) as store:  # the office works on; the log is as long again as on paper
        users.authenticate(store, "admin", PASSWORD)
    assert main(["--db", path, "check", "--anchor", printed]) == 1
    assert f"audit record {head.record_id}: hash" in capsys.readouterr().err


def test_check_names_an_edit_before_the_anchor_and_refuses_a_short_anchor(conn, db_target, capsys):
    head = audit.chain_head(conn)
    conn.execute("UPDATE audit_log SET username = 'kẻ gian' WHERE id = 2")
    assert main(["--db", db_target, "check", "--anchor", str(head)]) == 1
    assert "audit record 2" in capsys.readouterr().err
    with pytest.raises(SystemExit) as refused:
        main(["--db", db_target, "check", "--anchor", head.hash[:8]])
    assert refused.value.code == 2 and "at least 12 hex digits" in capsys.readouterr().err


def test_a_process_origin_reaches_records_written_by_other_threads(tmp_path):
    """The GUI writes from worker threads: its origin (the OS account at the keyboard) is the process's."""
    import threading

    store = Store(tmp_path / "c.sqlite3")
    audit.set_process_origin(via="gui", os_account=audit.os_account())
    try:
        def write() -> None:
            with store.write() as conn:
                audit.append(conn, username="canbo", action="login")

        worker = threading.Thread(target=write)
        worker.start()
        worker.join()
    finally:
        audit.set_process_origin()
    with store.write() as conn:
        audit.append(conn, username="canbo", action="logout")
    with store.read() as conn:
        details = [json.loads(r[0]) for r in conn.execute("SELECT details FROM audit_log ORDER BY id")]
    assert details == [{"origin": {"via": "gui", "os_account": audit.os_account()}}, {}]
    store.close()
