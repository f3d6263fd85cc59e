"""The set-up wizard joins the office server: it tests the connection, keeps the password in the
keyring only, remembers the server for the next start, and asks a set-up office only this
counter's number. The server asks passwords (scram-sha-256), as an office server does."""
from __future__ import annotations

from dataclasses import replace

import keyring
import pytest
from factories import OFFICE_ROLE_PASSWORD, PASSWORD, TEST_OFFICE, add_users, make_store
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard

from counter_app import office
from counter_app.db.postgres import KEYRING_SERVICE, PASSWORD_ENV
from counter_app.office_server import ServerState, probe
from counter_app.paths import open_store
from counter_app.users import authenticate
from ui.db_choice import remembered
from ui.tasks import TaskRunner

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def tasks(qtbot):
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def settings(tmp_path):
    """The app's own settings for this test, in a file the test can read back."""
    return QSettings(str(tmp_path / "counter-app.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def _no_env_password(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)


@pytest.fixture
def set_up_office(office_db, monkeypatch):
    """The office set up on the server already (at counter 1), as by `counter-app --db URL init`."""
    with monkeypatch.context() as env:
        env.setenv(PASSWORD_ENV, OFFICE_ROLE_PASSWORD)
        store = make_store(office_db)
        add_users(store)
        store.close()
    return office_db


def _wizard(qtbot, tmp_path, tasks, settings):
    from ui.setup_wizard import SetupWizard

    opened_locally: list[str] = []

    def open_local():  # type: ignore[no-untyped-def]
        opened_locally.append("local")
        return open_store(tmp_path / "local.sqlite3")

    wizard = SetupWizard(tasks=tasks, settings=settings, open_local=open_local)
    wizard.opened_locally = opened_locally  # type: ignore[attr-defined]
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _fill_server(page, url: str, password: str) -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    page.server.setChecked(True)
    page.host.setText(parts.hostname)
    page.port.setValue(parts.port)
    page.dbname.setText(parts.path.lstrip("/"))
    page.user.setText(parts.username)
    page.password.setText(password)


def _test_connection(qtbot, page) -> str:
    page.test_button.click()
    qtbot.waitUntil(lambda: not page.testing, timeout=15000)
    return page.message.text()


def test_a_wrong_password_is_said_and_nothing_is_kept_then_the_right_one_sets_the_office_up(
        qtbot, tmp_path, tasks, settings, office_db, vietnamese):
    wizard = _wizard(qtbot, tmp_path, tasks, settings)
    page = wizard.storage_page
    _fill_server(page, office_db, "sai-mat-khau")
    assert not wizard.button(NEXT).isEnabled()  # untested: no way on
    assert "Máy chủ không chấp nhận tài khoản hoặc mật khẩu" in _test_connection(qtbot, page)
    assert not wizard.button(NEXT).isEnabled()
    assert keyring.get_password(KEYRING_SERVICE, "quay_owner") is None
    assert remembered(settings).server_url == ""
    assert probe(office_db, OFFICE_ROLE_PASSWORD) is ServerState.EMPTY  # nothing created

    page.password.setText(OFFICE_ROLE_PASSWORD)
    assert "Cơ sở dữ liệu đang trống" in _test_connection(qtbot, page)
    assert wizard.button(NEXT).isEnabled()
    wizard.next()
    assert wizard.currentPage() is wizard.office_page  # the tables were created; now the office
    assert probe(office_db, OFFICE_ROLE_PASSWORD) is ServerState.NOT_SET_UP
    wizard.office_page.form.set_office(replace(TEST_OFFICE, province="Thành phố Hà Nội", commune="Xã Ba Vì"))
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    admin = wizard.admin_page
    admin.full_name.setText("Nguyễn Thị Hoài Thương")
    admin.password.setText(PASSWORD)
    admin.repeat.setText(PASSWORD)
    wizard.button(FINISH).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.result() == 1 and office.is_initialised(wizard.store)
    assert wizard.opened_locally == []  # no SQLite file on this computer
    assert remembered(settings).server_url == office_db  # the URL, without the password …
    assert keyring.get_password(KEYRING_SERVICE, "quay_owner") == OFFICE_ROLE_PASSWORD  # … which is here only
    settings.sync()
    written = (tmp_path / "counter-app.ini").read_text(encoding="utf-8")
    assert office_db in written and OFFICE_ROLE_PASSWORD not in written
    wizard.store.close()


def test_joining_a_set_up_office_asks_only_this_counters_number(qtbot, tmp_path, tasks, settings, set_up_office):
    wizard = _wizard(qtbot, tmp_path, tasks, settings)
    page = wizard.storage_page
    _fill_server(page, set_up_office, OFFICE_ROLE_PASSWORD)
    assert "asks only for this counter's number" in _test_connection(qtbot, page)
    wizard.next()
    counter = wizard.counter_page
    assert wizard.currentPage() is counter
    assert counter.number.value() == 2  # counter 1 set the office up
    assert wizard.button(FINISH).isVisible() and not wizard.button(NEXT).isVisible()
    counter.number.setValue(1)
    wizard.button(FINISH).click()
    assert wizard.isVisible() and "Số quầy 1" in counter.message.text()  # another counter's number
    counter.number.setValue(2)
    wizard.button(FINISH).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.visitedIds() == [wizard.STORAGE, wizard.COUNTER]  # neither office nor administrator asked
    assert remembered(settings).counter_no == 2 and wizard.store.counter_no == 2
    assert authenticate(wizard.store, "canbo", PASSWORD).username == "canbo"  # the office's accounts log in
    wizard.store.close()


def test_the_next_start_opens_the_remembered_server_without_the_wizard_and_db_overrides_it(
        qtbot, tmp_path, tasks, settings, set_up_office, monkeypatch):
    from ui import open_database
    from ui.db_choice import DatabaseChoice, remember

    keyring.set_password(KEYRING_SERVICE, "quay_owner", OFFICE_ROLE_PASSWORD)
    remember(settings, DatabaseChoice(set_up_office, 3))

    def no_wizard(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the wizard must not be shown")

    monkeypatch.setattr(open_database, "run_setup_wizard", no_wizard)
    store = open_database.open_for_start(None, settings, tasks)
    assert store is not None and store.target == set_up_office and store.counter_no == 3
    store.close()
    local = make_store(tmp_path / "other.sqlite3")
    add_users(local)
    local.close()
    store = open_database.open_for_start(str(local.path), settings, tasks)  # --db wins over the remembered server
    assert store is not None and store.backend.name == "sqlite" and store.counter_no is None
    store.close()


def test_a_computer_without_a_keyring_is_told_to_use_the_environment(qtbot, tmp_path, tasks, settings, office_db):
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    wizard = _wizard(qtbot, tmp_path, tasks, settings)
    page = wizard.storage_page
    _fill_server(page, office_db, OFFICE_ROLE_PASSWORD)
    _test_connection(qtbot, page)
    wizard.next()
    assert wizard.currentPage() is page and PASSWORD_ENV in page.message.text()
    assert wizard.store is None and remembered(settings).server_url == ""
    assert probe(office_db, OFFICE_ROLE_PASSWORD) is ServerState.EMPTY


def test_a_remembered_server_that_does_not_answer_at_start_offers_to_try_again(
        qtbot, tasks, settings, set_up_office, office_server, vietnamese):
    from ui_flows import ModalAnswerer

    from ui.db_choice import DatabaseChoice, remember
    from ui.open_database import ServerDownDialog, open_for_start

    keyring.set_password(KEYRING_SERVICE, "quay_owner", OFFICE_ROLE_PASSWORD)
    remember(settings, DatabaseChoice(set_up_office, 2))
    texts: list[str] = []

    def answer(modal) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(modal, ServerDownDialog)
        texts.append(modal.text())
        if len(texts) == 2:  # still down at the first retry; back for the second
            office_server.cluster.start()
        modal.retry_button.click()

    office_server.cluster.stop()
    answerer = ModalAnswerer(answer)
    try:
        store = open_for_start(None, settings, tasks)
    finally:
        answerer.timer.stop()
        if len(texts) < 2:
            office_server.cluster.start()
    assert len(texts) == 2 and "Máy chủ cơ sở dữ liệu của cơ quan không trả lời" in texts[0]
    assert store is not None and store.target == set_up_office and store.counter_no == 2
    store.close()
