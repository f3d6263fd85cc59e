"""Shared fixtures. No PySide6 at module level: one core test runs with PySide6 unimportable."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
# Every database a test makes is encrypted (SQLCipher) with one key, as automation runs with
# COUNTER_DB_KEY: copies of a database open wherever a test puts them, in this process and in the
# command-line subprocesses. tests/test_core_encryption.py unsets it to try the keyring and the
# key file, whose files go to a throwaway config folder, never the real user's.
TEST_DB_KEY = "5e" * 32
os.environ["COUNTER_DB_KEY"] = TEST_DB_KEY
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="counter-tests-config-")
sys.path.insert(0, str(Path(__file__).parent))
# Any SANE probe in any test (the settings screen lists scanners in the background) sees only
# SANE's virtual test scanner, never the machine's backends and their network searches.
import sane_backend  # noqa: E402,F401


@pytest.fixture(autouse=True)
def _memory_keyring():
    """An in-memory keyring for every test (headless machines have no backend)."""
    try:
        import keyring
        from keyring.backend import KeyringBackend
    except ImportError:
        yield
        return

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.values: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):  # type: ignore[no-untyped-def]
            return self.values.get((service, username))

        def set_password(self, service, username, password):  # type: ignore[no-untyped-def]
            self.values[(service, username)] = password

        def delete_password(self, service, username):  # type: ignore[no-untyped-def]
            self.values.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _stop_modal_answerers():
    """A failed start-up test must not leave its dialog answerer running into the next tests."""
    yield
    flows = sys.modules.get("ui_flows")
    if flows is not None:
        flows.ModalAnswerer.stop_all()


def pytest_generate_tests(metafunc):
    """Modules marked ``both_stores`` run every test on SQLite and on PostgreSQL."""
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_stores"):
        metafunc.parametrize("backend", ["sqlite", "postgres"], indirect=True)


@pytest.fixture
def november_2026(monkeypatch):
    """The office clock at 30/11/2026 10:00, for tests that receive on fixed days of November 2026.

    Their dates are chosen for what they test (a holiday inside a deadline, a code's day), and a
    dossier received more than a year before "now" needs --import-history: without a pinned clock
    these tests would start failing in November 2027. In-process only.
    """
    from datetime import datetime

    from counter_app import clock
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 30, 10, 0))


@pytest.fixture
def backend(request):
    """Which store the test runs on: "sqlite" unless its module is marked ``both_stores``."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL cluster for the whole run (about 1-2 s to start)."""
    import pg_cluster
    if pg_cluster.binaries() is None:
        pytest.skip("PostgreSQL is not installed (make test installs it)")
    cluster = pg_cluster.start_cluster()
    yield pg_cluster.Databases(cluster)
    cluster.stop()
    pg_cluster.remove(cluster)


@pytest.fixture(scope="session")
def office_server():
    """A cluster of its own that asks passwords, as an office server does; tests may stop and restart it."""
    import pg_cluster
    if pg_cluster.binaries() is None:
        pytest.skip("PostgreSQL is not installed (make test installs it)")
    cluster = pg_cluster.start_cluster()
    cluster.require_passwords()
    yield pg_cluster.Databases(cluster)
    cluster.stop()
    pg_cluster.remove(cluster)


@pytest.fixture
def office_db(office_server):
    """An empty database on ``office_server`` owned by ``quay_owner`` (factories.OFFICE_ROLE_PASSWORD); its URL."""
    from factories import OFFICE_ROLE_PASSWORD
    office_server.execute("DROP ROLE IF EXISTS quay_owner")
    office_server.execute(f"CREATE ROLE quay_owner LOGIN PASSWORD '{OFFICE_ROLE_PASSWORD}'")
    office_server.execute("CREATE DATABASE quay_office OWNER quay_owner")
    yield office_server.cluster.url("quay_office", user="quay_owner")
    office_server.execute("DROP DATABASE IF EXISTS quay_office WITH (FORCE)")
    office_server.execute("DROP ROLE IF EXISTS quay_owner")


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database with schema, catalogue, office profile and the test users, cloned for each test."""
    from factories import add_users, make_store
    s = make_store(pg_server.create("counter_template"))
    add_users(s)
    s.close()
    return "counter_template"


@pytest.fixture
def db_target(backend, tmp_path, request):
    """What ``--db`` names for this test: a SQLite file path, or a new empty PostgreSQL database."""
    if backend == "sqlite":
        yield str(tmp_path / "counter.sqlite3")
        return
    server = request.getfixturevalue("pg_server")
    url = server.create()
    yield url
    server.drop(url)


@pytest.fixture
def store(backend, tmp_path, request):
    """A database with the office profile saved and admin/supervisor/staff (password factories.PASSWORD)."""
    from factories import actors_of, add_users, make_store

    from counter_app.store import Store
    url = None
    if backend == "sqlite":
        s = make_store(tmp_path / "counter.sqlite3")
        s.test_actors = add_users(s)  # type: ignore[attr-defined]
    else:
        server = request.getfixturevalue("pg_server")
        url = server.create(template=request.getfixturevalue("pg_template"))
        s = Store(url)
        s.test_actors = actors_of(s)  # type: ignore[attr-defined]
    yield s
    if hasattr(s, "close"):
        s.close()
    if url:
        server.drop(url)


@pytest.fixture
def admin_actor(store):
    return store.test_actors["admin"]


@pytest.fixture
def staff_actor(store):
    return store.test_actors["staff"]


@pytest.fixture
def app_context(qtbot, store, staff_actor):
    """A staff member's AppContext with a real TaskRunner."""
    from counter_app import office
    from ui.context import AppContext
    from ui.tasks import TaskRunner
    tasks = TaskRunner()
    yield AppContext(store=store, actor=staff_actor, office=office.get_office(store), tasks=tasks)
    tasks.shutdown()


@pytest.fixture
def context(tmp_path):
    """A staff member's AppContext over a fresh store, closed after the test (counter-screen tests)."""
    from ui_flows import close_context, make_context
    ctx = make_context(tmp_path)
    yield ctx
    close_context(ctx)


@pytest.fixture
def vietnamese(qapp):
    """The shipped Vietnamese translation installed for one test (tests otherwise run in English)."""
    from ui.i18n import install_translator
    translator = install_translator(qapp, "vi")
    assert translator is not None
    yield
    qapp.removeTranslator(translator)
