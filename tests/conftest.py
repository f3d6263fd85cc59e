"""Shared fixtures. No PySide6 at module level: one core test runs with PySide6 unimportable."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
sys.path.insert(0, str(Path(__file__).parent))


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


@pytest.fixture
def store(tmp_path):
    """A database with the office profile saved and admin/supervisor/staff (password factories.PASSWORD)."""
    from factories import add_users, make_store
    s = make_store(tmp_path / "counter.sqlite3")
    s.test_actors = add_users(s)  # type: ignore[attr-defined]
    yield s
    if hasattr(s, "close"):
        s.close()


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
