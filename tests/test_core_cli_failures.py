"""The command line on bad input and a failing database: one line on stderr, exit 2, nothing written.

Each case tracebacked, coerced or was silently accepted before (issue 10, points 3, 8, 9).
"""
from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from factories import PASSWORD, initialised_database
from test_core_cli import _dossier, run

from counter_app import clock
from counter_app.db import sqlite as sqlite_backend
from counter_app.db.sqlite import connect_file
from counter_app.store import Store
from counter_cli import common

ID_NUMBER = "037185000123"


@pytest.fixture
def db(tmp_path) -> str:
    """A database with the office, the bundled catalogue, staff "canbo" and administrator "admin"."""
    return str(initialised_database(tmp_path / "c.sqlite3"))


def state(db_path: str) -> tuple[int, int]:
    """Dossiers and outbox rows: what a rejected file must leave unchanged."""
    with Store(db_path) as store, store.read() as conn:
        return (conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0],
                conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])


def receive_file(capsys, db_path: str, path: Path, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "--db", db_path, "dossier", "receive", "--from-json", str(path), "--as", "canbo", "--password-stdin",
               *extra, stdin=PASSWORD)


def receive(capsys, db_path: str, tmp_path: Path, entries: object, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return receive_file(capsys, db_path, path, *extra)


def assert_refused(code: int, out: str, err: str, *words: str) -> None:
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


def recent(hour: int, minute: int = 0, zone: str = "") -> str:
    """A time yesterday, so that the tests never age out of the one-year window."""
    day = clock.now().date() - timedelta(days=1)
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:00{zone}"


@pytest.mark.parametrize(("sets", "word"), [(1.9, "sets"), (True, "sets"), ("2", "sets"), (10**40, "99")])
def test_counts_are_whole_numbers_not_coerced(db, tmp_path, capsys, sets, word):
    assert_refused(*receive(capsys, db, tmp_path, [_dossier(sets=sets, received_at=recent(9))]), word)
    assert state(db) == (0, 0)


@pytest.mark.parametrize(("content", "words"), [
    ("[1, 2, 3]", ("dossier 1", "object")),
    ('[{"procedure_code": "1.004194", "applicant": [1]}]', ("applicant", "object")),
    ('[{"procedure_code": "1.004194", "applicant": {"full_name": {"a": [null]}}}]', ("full_name", "text")),
    ('[{"procedure_code": "1.004194", "applicant": {"full_name": "A"}, "papers": {"x": 1}}]', ("papers", "list")),
    ('{"procedure_code": "1.004194"}', ("list of dossiers",)),
    ('[{"procedure_code": ', ("not valid JSON", "line 1")),
    ("[" * 100_000 + "]" * 100_000, ("nested too deeply",)),
    ("[" + "9" * 5000 + "]", ("too large",)),
    ('[{"procedure_code": "1.004194", "recieved_at": "2026-11-20 09:00"}]', ("unknown field 'recieved_at'",)),
    ('[{"procedure_code": "9.999999", "applicant": {"full_name": "A"}}]', ("procedure_code", "catalogue")),
    ('[{"procedure_code": "1.004194", "applicant": {"full_name": "A"}, "delivery": 5}]', ("delivery",)),
])
def test_wrong_shapes_give_one_line_naming_the_problem(db, tmp_path, capsys, content, words):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    assert_refused(*receive_file(capsys, db, path), *words)
    assert state(db) == (0, 0)


def test_a_bad_birth_date_names_the_field_and_never_echoes_the_value(db, tmp_path, capsys):
    entry = _dossier(received_at=recent(9))
    entry["applicant"] = {**entry["applicant"], "birth_date": ID_NUMBER}
    code, out, err = receive(capsys, db, tmp_path, [entry])
    assert_refused(code, out, err, "applicant.birth_date")
    assert ID_NUMBER not in err


def test_python_messages_that_quote_a_value_are_blanked():
    from counter_cli.main import failure_message

    assert failure_message(ValueError(f"Invalid isoformat string: '{ID_NUMBER}'")) == "Invalid isoformat string: '…'"
    assert failure_message(KeyError("x")) is None  # a bug: the caller prints its type only


def test_a_three_million_character_name_is_refused_naming_the_field(db, tmp_path, capsys):
    entry = _dossier(received_at=recent(9))
    entry["applicant"] = {**entry["applicant"], "full_name": "Nguyễn " * 500_000}
    assert_refused(*receive(capsys, db, tmp_path, [entry]), "dossier 1", "Họ và tên", "100")
    assert state(db) == (0, 0)


def test_a_utf8_bom_file_from_notepad_is_accepted(db, tmp_path, capsys):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([_dossier(received_at=recent(9))], ensure_ascii=False).encode())
    code, out, err = receive_file(capsys, db, path)
    assert code == 0, err
    assert len(out.split()) == 1


def test_invisible_characters_are_stripped_so_the_name_is_found(db, tmp_path, capsys):
    entry = _dossier(received_at=recent(9))
    entry["applicant"] = {**entry["applicant"], "full_name": "Lê Thị\u200b Hồng Đ\u202eào\x00"}
    assert receive(capsys, db, tmp_path, [entry])[0] == 0
    _, out, _ = run(capsys, "--db", db, "search", "hong dao", "--json")
    assert [r["applicant_name"] for r in json.loads(out)] == ["Lê Thị Hồng Đào"]


def test_a_utc_time_is_stored_as_office_time(db, tmp_path, capsys):
    code, out, err = receive(capsys, db, tmp_path, [_dossier(received_at=recent(9, 15, "Z"))])
    assert code == 0, err
    _, shown, _ = run(capsys, "--db", db, "dossier", "show", out.strip(), "--json")
    assert json.loads(shown)["received_at"] == recent(16, 15).replace("T", " ")


def test_future_and_ancient_received_times_are_refused(db, tmp_path, capsys):
    for when in ("2031-01-01 09:00", "1901-01-01 09:00", "2020-01-02 09:00"):
        assert_refused(*receive(capsys, db, tmp_path, [_dossier(received_at=when)]), "dossier 1")
    entry = _dossier(received_at=recent(9))
    entry["applicant"] = {**entry["applicant"], "personal_id": "", "birth_date": "2099-01-01"}
    assert_refused(*receive(capsys, db, tmp_path, [entry]), "Ngày sinh")
    assert state(db) == (0, 0)


def test_history_is_imported_by_an_administrator_with_the_flag(db, tmp_path, capsys):
    old = [_dossier(received_at="2020-01-02 09:00")]
    assert_refused(*receive(capsys, db, tmp_path, old), "--import-history")
    path = tmp_path / "batch.json"
    code, _, _ = run(capsys, "--db", db, "dossier", "receive", "--from-json", str(path), "--as", "canbo",
                     "--import-history", "--password-stdin", stdin=PASSWORD)
    assert code == 2  # staff may not
    code, out, err = run(capsys, "--db", db, "dossier", "receive", "--from-json", str(path), "--as", "admin",
                         "--import-history", "--password-stdin", stdin=PASSWORD)
    assert (code, out.strip()) == (0, "H15.50.05.13-200102-010001"), err
    with Store(db) as store, store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.import_history'").fetchone()[0] == 1


def test_rerunning_a_file_with_client_refs_prints_the_same_codes_and_writes_nothing(db, tmp_path, capsys):
    entries = [_dossier(received_at=recent(9), client_ref="so-ho-tich-0001"),
               _dossier(received_at=recent(10), client_ref="so-ho-tich-0002")]
    code, first, _ = receive(capsys, db, tmp_path, entries)
    assert code == 0 and len(first.split()) == 2
    written = state(db)
    code, again, _ = receive(capsys, db, tmp_path, entries)
    assert (code, again) == (0, first)
    assert state(db) == written
    assert_refused(*receive(capsys, db, tmp_path, [_dossier(client_ref=7)]), "client_ref", "text")


def test_a_full_disk_gives_one_line(db, tmp_path, capsys, monkeypatch):
    def store_on_a_full_disk(path, **_options):
        store = Store(path)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLite answers SQLITE_FULL, as on a full disk
        return store

    monkeypatch.setattr(common, "open_store", store_on_a_full_disk)
    batch = [_dossier(received_at=recent(9), note="x" * 1500) for _ in range(40)]
    assert_refused(*receive(capsys, db, tmp_path, batch), "disk is full")
    monkeypatch.undo()
    assert state(db) == (0, 0)


def test_a_database_held_by_another_program_gives_one_line(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_MS", 200)
    holder = connect_file(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert_refused(*receive(capsys, db, tmp_path, [_dossier(received_at=recent(9))]), "busy")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert state(db) == (0, 0)


def test_a_file_that_is_not_a_database_gives_one_line(tmp_path, capsys):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all " * 200)
    assert_refused(*run(capsys, "--db", str(junk), "dossier", "list"), "not a Quầy Một Cửa database")


def test_a_damaged_database_gives_one_line(db, tmp_path, capsys):
    with connect_file(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(Path(db).read_bytes())
    page = 4096
    raw[page:] = b"\xff" * (len(raw) - page)  # every page but the schema page
    Path(db).write_bytes(bytes(raw))
    assert_refused(*run(capsys, "--db", db, "dossier", "list"), "damaged")


def test_due_date_of_three_million_days_is_refused(db, capsys):
    assert_refused(*run(capsys, "--db", db, "due-date", "--received", "2026-11-20 09:00", "--days", "3000000"),
                   "1000")
    assert_refused(*run(capsys, "--db", db, "due-date", "--received", "2026-11-20 09:00", "--hours", "nan"))


def test_daily_log_over_millennia_is_refused(db, tmp_path, capsys):
    out = tmp_path / "log.pdf"
    assert_refused(*run(capsys, "--db", db, "print", "daily-log", "--date", "0001-01-01", "--to", "9999-12-31",
                        "-o", str(out)), "366")
    assert_refused(*run(capsys, "--db", db, "print", "daily-log", "--date", "2026-11-20", "--to", "2026-11-19",
                        "-o", str(out)))
    assert_refused(*run(capsys, "--db", db, "print", "daily-log", "--date", "2026-11-20", "--counter", "100",
                        "-o", str(out)), "1 to 99")
    assert not out.exists()
