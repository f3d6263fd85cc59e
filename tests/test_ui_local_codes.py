"""Administration → local procedure codes: a refused LOCAL.* dossier is mapped from the screen, by keyboard,
and then reaches the portal exactly once."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sync_helpers import FAST_BACKOFF, PORTAL_ACCOUNT, configure_portal, receive_many
from ui_flows import ALT, focused

from counter_app import catalogue, office
from sync import outbox
from sync.engine import run_sync
from sync.mapping import portal_procedure
from sync.simulator.process import running_simulator
from ui.admin_local_codes import LocalCodesTab
from ui.context import AppContext
from ui.tasks import TaskRunner

LOCAL = "LOCAL.BHYT.CAPLAI"
# Test data: the code the simulator's catalogue is given (Decision 2306/QĐ-BYT's "cấp thẻ BHYT").
NATIONAL = "1.014137"


@pytest.fixture
def open_tab(qtbot, store):
    made = []

    def make(role: str) -> LocalCodesTab:
        context = AppContext(store=store, actor=store.test_actors[role], office=office.get_office(store),
                             tasks=TaskRunner())
        made.append(context)
        tab = LocalCodesTab(context)
        qtbot.addWidget(tab)
        tab.resize(1100, 700)
        tab.show()
        qtbot.waitExposed(tab)
        tab.activateWindow()
        qtbot.waitUntil(tab.isActiveWindow)
        return tab

    yield make
    for context in made:
        context.tasks.shutdown()


@pytest.fixture
def portal(store, tmp_path):
    """The simulator, whose catalogue holds the national procedure the local one really is."""
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        with store.read() as conn:
            entry = catalogue.current_entry(conn, LOCAL)
        sim.put_procedure(portal_procedure({**entry, "code": NATIONAL, "name": "Cấp lại thẻ bảo hiểm y tế do bị mất, "
                                                                               "hỏng"}, "sim.1"))
        yield sim


def _sync(store):
    return run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)


def _row(tab: LocalCodesTab, code: str) -> list[str]:
    for r in range(tab.locals.rowCount()):
        if tab.locals.item(r, 0).text() == code:
            return [tab.locals.item(r, c).text() for c in range(tab.locals.columnCount())]
    raise AssertionError(f"{code} not listed")


def test_an_administrator_maps_a_refused_local_code_by_keyboard_and_the_portal_accepts_it_once(
        qtbot, store, staff_actor, portal, open_tab):
    local = receive_many(store, staff_actor, 2, seed=8, procedure_code=LOCAL)
    first = _sync(store)  # refused, and the portal's catalogue comes down with it
    assert first.failed == 2
    tab = open_tab("admin")
    qtbot.waitUntil(lambda: tab.locals.rowCount() == 3 and tab.proposals.rowCount() > 0)
    assert _row(tab, LOCAL)[1:4] == ["2", "2", "—"] and tab.notice.text() == ""
    assert tab.proposals.item(0, 0).text() == NATIONAL  # best first

    QTest.keyClick(tab, Qt.Key.Key_L, ALT)
    qtbot.waitUntil(lambda: focused() is tab.locals)
    assert tab.selected().procedure.code == LOCAL  # the first row, by code
    QTest.keyClick(tab, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: focused() is tab.proposals)
    QTest.keyClick(tab, Qt.Key.Key_A, ALT)
    qtbot.waitUntil(lambda: tab.confirmation is not None and tab.confirmation.isVisible())
    assert "2 dossier(s) refused by the portal will be sent again" in tab.confirmation.text()
    assert catalogue.get_procedure(store, LOCAL).portal_code == LOCAL  # nothing before the confirmation
    qtbot.waitUntil(lambda: focused().window() is tab.confirmation)
    QTest.keyClick(focused(), Qt.Key.Key_A, ALT)

    qtbot.waitUntil(lambda: _row(tab, LOCAL)[2:4] == ["0", NATIONAL])
    assert tab.mapping.text() == f"{LOCAL} → {NATIONAL}" and f"{LOCAL} → {NATIONAL}" in tab.feedback.text()
    assert outbox.list_items(store, failed=True) == []
    second = _sync(store)
    assert (second.failed, second.pending) == (0, 0)
    held = [h for h in portal.admin_dossiers() if h["MaHoSo"] in local]
    assert sorted(h["MaHoSo"] for h in held) == sorted(local)  # each once
    assert {h["record"]["MaTTHC"] for h in held} == {NATIONAL}


def test_a_sync_meanwhile_keeps_the_administrators_choice(qtbot, store, portal, open_tab):
    with store.read() as conn:
        entry = catalogue.current_entry(conn, LOCAL)
    portal.put_procedure(portal_procedure({**entry, "code": "1.014138", "name": "Cấp thẻ bảo hiểm y tế lần đầu"},
                                          "sim.1"))  # test data: a second, less alike, national procedure
    _sync(store)
    tab = open_tab("admin")
    qtbot.waitUntil(lambda: tab.proposals.rowCount() == 2)
    QTest.keyClick(tab, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: focused() is tab.proposals)
    QTest.keyClick(tab.proposals, Qt.Key.Key_Down)
    assert tab.proposals.item(tab.proposals.currentRow(), 0).text() == "1.014138"
    tab.context.tasks.notify_dossiers_changed()  # what every sync run does
    assert tab.context.tasks.wait_idle()
    assert tab.proposals.rowCount() == 2 and tab.proposals.item(tab.proposals.currentRow(), 0).text() == "1.014138"
    tab.hide()  # another section on screen: a save does not count every dossier again for a hidden tab
    tab.context.tasks.notify_dossiers_changed()
    assert tab.context.tasks.pending() == 0


def test_before_the_first_sync_the_tab_says_to_synchronise(qtbot, store, staff_actor, open_tab, vietnamese):
    receive_many(store, staff_actor, 1, procedure_code=LOCAL)
    tab = open_tab("admin")
    qtbot.waitUntil(lambda: tab.locals.rowCount() == 3)
    assert tab.notice.text() == "Chưa tải danh mục thủ tục từ Cổng DVC: hãy đồng bộ."
    assert _row(tab, LOCAL)[1:4] == ["1", "0", "—"] and tab.proposals.rowCount() == 0
    tab.assign.click()
    assert tab.confirmation is None and tab.feedback.text().startswith("Hãy chọn")


def test_a_supervisor_sees_the_refusal_and_nothing_is_mapped(qtbot, store, portal, open_tab):
    _sync(store)
    tab = open_tab("supervisor")
    qtbot.waitUntil(lambda: tab.proposals.rowCount() > 0)
    tab.assign.click()
    qtbot.waitUntil(lambda: tab.confirmation is not None and tab.confirmation.isVisible())
    tab.confirmation.buttons()[0].click()  # "Assign"
    qtbot.waitUntil(lambda: tab.feedback.text() != "")
    assert "không có quyền" in tab.feedback.text()  # the core's own refusal
    assert catalogue.get_procedure(store, LOCAL).portal_code == LOCAL
