"""Keyboard paths: no Alt+letter claimed twice, Enter in the search box opens the row, F-keys for every section."""
from __future__ import annotations

import pytest
from factories import request
from mnemonics import clashes, mnemonics
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_ui_dossiers import open_list
from ui_flows import focused, type_text

from counter_app import services
from ui.main_window import MainWindow


@pytest.fixture(params=["en", "vi"])
def language(request, qapp):
    from ui.i18n import install_translator
    translator = install_translator(qapp, request.param)
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)


def _window(qtbot, context) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_no_section_claims_an_alt_key_twice(qtbot, tmp_path, language):
    from ui_flows import close_context, make_context
    context = make_context(tmp_path, "admin")
    try:
        window = _window(qtbot, context)
        for key in window.sections:
            window.show_section(key)
            page = window.stack.currentWidget()
            qtbot.waitUntil(lambda page=page: page.isVisible())
            assert clashes(window) == {}, key
        tabs = window.stack.currentWidget().page  # administration: each of its tabs in turn
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.waitUntil(lambda index=index: tabs.widget(index).isVisible())
            assert clashes(window) == {}, tabs.tabText(index)
        window.sync_worker.shutdown()
    finally:
        context.tasks.wait_idle()
        close_context(context)


def test_the_detail_gives_its_print_buttons_alt_keys_without_clashes(qtbot, context, language):
    code = services.receive_dossier(context.store, context.actor, request(context.store)).code
    page = open_list(qtbot, context)
    detail = page.open_detail(code)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    for kind in ("receipt", "fee", "control"):
        assert "&" in detail.print_buttons[kind].text(), kind
    assert clashes(detail) == {}
    claimed = mnemonics(detail)
    assert sum(len(texts) for texts in claimed.values()) >= len([b for b in detail.print_buttons.values()
                                                                 if b.isEnabled()])


def test_enter_in_the_search_box_opens_the_highlighted_dossier(qtbot, context):
    codes = [services.receive_dossier(context.store, context.actor, request(context.store)).code for _ in range(3)]
    page = open_list(qtbot, context)
    page.filters.search.setFocus()
    qtbot.waitUntil(lambda: focused() is page.filters.search)
    page.view.setCurrentIndex(page.model.index(1, 0))  # highlighted with the mouse, say
    with qtbot.waitSignal(page.dossierOpened, timeout=5000) as opened:
        QTest.keyClick(page.filters.search, Qt.Key.Key_Return)
    assert opened.args == [page.model.code_at(1)]
    assert opened.args[0] in codes


def test_enter_after_typing_opens_the_first_match(qtbot, context):
    code, _newer = (services.receive_dossier(context.store, context.actor, request(context.store)).code
                    for _ in range(2))  # the newer one is on top: only the search finds ``code``
    page = open_list(qtbot, context)
    page.filters.search.setFocus()
    qtbot.waitUntil(lambda: focused() is page.filters.search)
    type_text(code)  # and Enter before the search has run
    with qtbot.waitSignal(page.dossierOpened, timeout=5000) as opened:
        QTest.keyClick(page.filters.search, Qt.Key.Key_Enter)
    assert opened.args == [code]


def test_f7_opens_the_administration(qtbot, tmp_path):
    from ui_flows import close_context, make_context
    context = make_context(tmp_path, "admin")
    try:
        window = _window(qtbot, context)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        QTest.keyClick(window, Qt.Key.Key_F7)
        assert window.stack.currentIndex() == window.sections["admin"]
        assert "F7" in window.nav.item(window.sections["admin"]).text()
        window.sync_worker.shutdown()
    finally:
        context.tasks.wait_idle()
        close_context(context)


def test_the_wizards_first_page_claims_no_alt_key_twice(qtbot, tmp_path, language):
    from PySide6.QtCore import QSettings

    from ui.setup_wizard import SetupWizard
    from ui.tasks import TaskRunner

    tasks = TaskRunner()
    try:
        wizard = SetupWizard(tasks=tasks, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                             open_local=lambda: None)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.storage_page.server.setChecked(True)  # every field of the server on
        qtbot.waitUntil(wizard.storage_page.host.isEnabled)
        assert clashes(wizard) == {}
        assert {"c", "s" if language == "en" else "m", "h"} <= set(mnemonics(wizard))
    finally:
        tasks.shutdown()


def test_the_daily_log_dialog_claims_each_alt_key_once(qtbot, context, language):
    """Dates, scope, counter number, staff and both buttons, with the counter number box enabled."""
    from ui.daily_log_dialog import DailyLogDialog, Scope
    dialog = DailyLogDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.several_days.setChecked(True)
    dialog.scope.setCurrentIndex(dialog.scope.findData(Scope.OTHER_COUNTER))
    assert dialog.counter_no.isEnabled()
    assert clashes(dialog) == {}
    assert len(mnemonics(dialog)) >= 7
    context.tasks.wait_idle()
