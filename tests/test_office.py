"""Office mode: several counters on one PostgreSQL database, and what --db refuses."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import keyring
import psycopg
import pytest
from factories import TESTS_DIR, actors_of
from scans import pdf_of_pages
from sync_helpers import PORTAL_ACCOUNT, assert_portal_matches, configure_portal, receive_many
from test_core_cli import run
from test_core_codes import WORKER

from counter_app import audit, maintenance, services
from counter_app.attachment_files import digest_of
from counter_app.attachments import attach_pdf, read_content
from counter_app.db import backend_for
from counter_app.db.postgres import KEYRING_SERVICE, PASSWORD_ENV
from counter_app.store import Store, StoreError
from sync import outbox
from sync.engine import run_sync
from sync.office_lock import BUSY_MESSAGE, SYNC_LOCK
from sync.simulator.process import running_simulator

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def office_db(pg_server, pg_template):
    """A shared office database with office profile and users (cloned from the template)."""
    url = pg_server.create(template=pg_template)
    yield url
    pg_server.drop(url)


@pytest.mark.slow
def test_four_counters_receiving_at_once_get_distinct_gapless_codes(office_db):
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER.format(tests=TESTS_DIR, db=office_db, seed=seed, count=500)])
        for seed in (1, 2, 3, 4)
    ]
    assert [p.wait(timeout=600) for p in procs] == [0, 0, 0, 0]
    with Store(office_db) as store, store.read() as conn:
        codes = [r[0] for r in conn.execute("SELECT code FROM dossiers")]
        numbers = sorted(r[0] for r in conn.execute("SELECT log_number FROM dossiers"))
        assert audit.verify_chain(conn) is None  # 2,000 appends from four processes: still one chain
    assert len(codes) == len(set(codes)) == 2000
    assert sorted(int(c[-4:]) for c in codes) == list(range(1, 2001))
    assert numbers == list(range(1, 2001))


def test_the_app_role_appends_to_the_audit_log_but_cannot_rewrite_it(office_db, pg_server, capsys):
    pg_server.execute("DO $$BEGIN CREATE ROLE counter_app LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END$$")
    code, _, err = run(capsys, "--db", office_db, "office", "grant-app-role", "counter_app")
    assert code == 0, err
    as_app = office_db.replace("postgres@", "counter_app@")
    with Store(as_app) as store:
        with store.write() as conn:
            audit.append(conn, username="canbo", action="login")
        for change in ("UPDATE audit_log SET username = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                       "ALTER TABLE audit_log DISABLE TRIGGER USER"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                with store.write() as conn:
                    conn.execute(change)
        with store.read() as conn:
            assert audit.verify_chain(conn) is None


def test_the_password_comes_from_the_keyring_or_the_environment(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    backend = backend_for("postgresql://quay@server.local:5433/office")
    assert "password" not in backend.conninfo()
    keyring.set_password(KEYRING_SERVICE, "quay", "from-keyring")
    assert backend.conninfo()["password"] == "from-keyring"
    monkeypatch.setenv(PASSWORD_ENV, "from-env")
    assert backend.conninfo() == {"host": "server.local", "port": 5433, "dbname": "office", "user": "quay",
                                  "password": "from-env"}


def test_db_refuses_what_it_cannot_open_and_creates_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for target, says in (("mysql://u@h:3306/office", "not a database this program can open"),
                         ("postgresql://u:secret@h:5432/office", "keyring"),
                         ("postgresql://office", "postgresql://USER@HOST:PORT/DBNAME")):
        code, _, err = run(capsys, "--db", target, "dossier", "list")
        assert code == 2 and says in err and "secret" not in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_server_is_one_clear_line(pg_server, capsys):
    closed_port = pg_server.cluster.port + 1
    code, _, err = run(capsys, "--db", f"postgresql://quay@127.0.0.1:{closed_port}/office", "dossier", "list")
    assert code == 2 and err.startswith("error: Cannot open the office database quay@127.0.0.1:") and "\n" == err[-1]


def test_init_creates_the_schema_in_an_empty_database_and_refuses_a_foreign_one(pg_server, capsys):
    url = pg_server.create()
    code, _, err = run(capsys, "--db", url, "init", "--agency-code", "H15.50.05.13", "--agency-name", "TT xã Tân Hòa",
                       "--parent-name", "UBND xã Tân Hòa", "--admin", "quantri", "--admin-name", "Nguyễn Văn Quản",
                       "--password-stdin", stdin="matkhau123\n")
    assert code == 0, err
    with Store(url) as store:
        with store.read() as conn:
            assert conn.execute("SELECT username FROM users").fetchone()[0] == "quantri"
    foreign = pg_server.create()
    pg_server.execute_in(foreign, "CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="already holds other tables"):
        Store(foreign)


def test_backup_is_a_pg_dump_and_restore_brings_it_back(office_db, pg_server, tmp_path, capsys):
    with Store(office_db) as store:
        staff = actors_of(store)["staff"]
        kept = receive_many(store, staff, 3)
        result = pdf_of_pages(2)
        attach_pdf(store, staff, kept[0], result, paper=None)  # the office database holds the file itself
        code, out, err = run(capsys, "--db", office_db, "backup", "--to", str(tmp_path))
        assert code == 0, err
        dump = Path(out.strip())
        assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
        receive_many(store, staff, 2)
    pg_server.execute_in(office_db, "DELETE FROM attachment_contents")  # lost since the backup
    code, _, err = run(capsys, "--db", office_db, "restore", str(dump))
    assert code == 0, err
    with Store(office_db) as store, store.read() as conn:
        assert sorted(r[0] for r in conn.execute("SELECT code FROM dossiers")) == sorted(kept)
        assert read_content(store, digest_of(result)) == result  # the dump carried the file
    assert run(capsys, "--db", office_db, "check")[:2] == (0, "ok\n")


def test_a_backup_with_an_edited_audit_log_is_refused_before_anything_changes(office_db, pg_server, tmp_path, capsys):
    with Store(office_db) as store:
        receive_many(store, actors_of(store)["staff"], 2)
    pg_server.execute_in(office_db, "ALTER TABLE audit_log DISABLE TRIGGER USER;"
                                    " UPDATE audit_log SET username = 'kẻ gian' WHERE id = 2;"
                                    " ALTER TABLE audit_log ENABLE TRIGGER USER")
    code, out, err = run(capsys, "--db", office_db, "backup", "--to", str(tmp_path))
    assert code == 0, err
    with Store(office_db) as store:
        receive_many(store, actors_of(store)["staff"], 1)
    code, _, err = run(capsys, "--db", office_db, "restore", out.strip())
    assert code == 2 and "damaged: audit record 2" in err
    with Store(office_db) as store, store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] == 3  # untouched


def test_while_another_counter_syncs_a_run_sends_nothing_and_says_so(office_db, tmp_path):
    with Store(office_db) as store, Store(office_db) as other_counter:
        codes = receive_many(store, actors_of(store)["staff"], 5)
        with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
            configure_portal(store, sim.url)
            with other_counter.office_lock(SYNC_LOCK) as granted:
                assert granted
                busy = run_sync(store, until_empty=True, max_seconds=30)
                assert busy.pushed == 0 and busy.error == BUSY_MESSAGE and busy.pending == outbox.pending_count(store)
                assert sim.admin_dossiers() == []
            report = run_sync(store, until_empty=True, max_seconds=30)
            assert report.pending == 0 and report.error == ""
            assert_portal_matches(store, codes, sim.admin_dossiers())


@pytest.mark.slow
def test_two_counters_syncing_at_once_send_every_record_exactly_once(office_db, tmp_path):
    with Store(office_db) as store:
        codes = receive_many(store, actors_of(store)["staff"], 60)
        records = outbox.pending_count(store)
        with running_simulator(tmp_path, account=PORTAL_ACCOUNT, latency_ms=20) as sim:
            configure_portal(store, sim.url, batch_size=10)
            env = {**os.environ, "COUNTER_PORTAL_PASSWORD": PORTAL_ACCOUNT[1], "PYTHONPATH": str(ROOT)}
            counters = [subprocess.Popen([sys.executable, "-m", "counter_cli.main", "--db", office_db, "sync",
                                          "--until-empty", "--max-seconds", "120", "--json"],
                                         env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
                        for _ in range(2)]
            reports = [json.loads(counter.communicate(timeout=180)[0]) for counter in counters]
            assert sum(r["pushed"] for r in reports) == records  # no record went out twice
            assert outbox.pending_count(store) == 0
            assert_portal_matches(store, codes, sim.admin_dossiers())


@pytest.fixture
def own_server():
    """A cluster of the test's own, which it may stop and start."""
    import pg_cluster
    if pg_cluster.binaries() is None:
        pytest.skip("PostgreSQL is not installed (make test installs it)")
    cluster = pg_cluster.start_cluster()
    yield cluster
    cluster.stop()
    pg_cluster.remove(cluster)


def test_a_server_crash_in_the_middle_of_receiving_loses_no_half_dossier_and_work_resumes(own_server, monkeypatch):
    from factories import add_users, make_store, request

    own_server.psql("CREATE DATABASE office")
    store = make_store(own_server.url("office"))
    staff = add_users(store)["staff"]
    rng = random.Random(3)
    append = audit.append
    receives = []

    def crash_in_the_tenth_receive(conn, **record):  # inside its transaction: dossier, papers, event written
        receives.append(record)
        if len(receives) == 10:
            own_server.stop(mode="immediate")
        return append(conn, **record)

    monkeypatch.setattr(audit, "append", crash_in_the_tenth_receive)
    saved, refused = 0, []
    while saved < 20 and len(refused) < 5:  # bounded: a counter that never recovers fails, not hangs
        try:
            services.receive_dossier(store, staff, request(store, rng=rng))
            saved += 1
        except StoreError as exc:  # the counter says so in one line; the form keeps its draft
            refused.append(str(exc))
            own_server.start()
    assert saved == 20 and len(refused) == 1 and "office database" in refused[0]
    with store.read() as conn:
        codes = [r[0] for r in conn.execute("SELECT code FROM dossiers")]
    assert len(codes) == 20  # the tenth receive left nothing behind
    assert sorted(int(c[-4:]) for c in codes) == list(range(1, 21))  # and gave its number back
    assert maintenance.check(store) == []  # each dossier whole: event, audit record, outbox rows
    store.close()
