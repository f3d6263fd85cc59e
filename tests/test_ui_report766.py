"""The supervisors' Chỉ số 766 section: figures, drill-down and export, from the keyboard."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from report766_seed import seed_march
from xlsx_reader import read_xlsx

from ui.report766_page import Report766Page
from ui.widgets.fields import ERROR_LABEL_STYLE


def _page(qtbot, app_context) -> Report766Page:
    page = Report766Page(app_context, today=date(2026, 3, 31))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.report is not None, timeout=10000)  # this month's figures on opening
    return page


def test_figures_drill_down_and_excel_by_keyboard(qtbot, app_context, tmp_path, monkeypatch):
    codes = seed_march(app_context.store)
    page = _page(qtbot, app_context)
    assert page.indicators.item(1, 0).text() == "2.1"
    assert page.indicators.item(1, 4).text() == "50,0% (2/4)"  # A and C on time of A B C D
    assert page.indicators.item(0, 4).text() == "50,0% (3/6)"
    assert (page.indicators.item(6, 0).text(), page.indicators.item(6, 4).text()) == ("4.3", "0,0% (0/6)")
    assert page.breakdown.rowCount() == 2  # two clerks

    page.indicators.setFocus()
    page.indicators.setCurrentCell(1, 4)
    with qtbot.waitSignal(page.drillShown, timeout=10000) as shown:
        QTest.keyClick(page.indicators, Qt.Key.Key_Return)
    dialog = shown.args[0]
    assert [dialog.codes.item(i).text() for i in range(dialog.codes.count())] == [codes["A"], codes["C"]]
    QTest.keyClick(dialog.codes, Qt.Key.Key_Return)
    assert dialog.detail is not None and dialog.detail.code == codes["A"]
    qtbot.waitUntil(lambda: dialog.detail.dossier is not None, timeout=5000)
    dialog.detail.close()
    dialog.close()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5000)
    page.indicators.setFocus()

    monkeypatch.setattr(page, "ask_save_path", lambda kind: str(tmp_path / f"r.{kind}"))
    with qtbot.waitSignal(page.exported, timeout=10000) as saved:
        QTest.keyClick(page.indicators, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # Export to E&xcel
    assert saved.args == [str(tmp_path / "r.xlsx")]
    on_time = next(row for row in read_xlsx(tmp_path / "r.xlsx")["Chỉ số"] if row[0][0] == "2.1")
    assert on_time[4] == ("0.5", '0.0%" (2/4)"')
    app_context.tasks.wait_idle()


def test_breakdown_per_procedure_and_a_reversed_period(qtbot, app_context):
    codes = seed_march(app_context.store)
    page = _page(qtbot, app_context)
    clerk_row = next(r for r in range(page.breakdown.rowCount()) if "(canbo)" in page.breakdown.item(r, 0).text())
    on_time = 3  # name, dossiers, 1.4, 2.1
    cell = page.breakdown.visualItemRect(page.breakdown.item(clerk_row, on_time)).center()
    with qtbot.waitSignal(page.drillShown, timeout=10000) as shown:  # a real double-click: press, then double
        qtbot.mouseClick(page.breakdown.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.mouseDClick(page.breakdown.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    dialog = shown.args[0]
    assert [dialog.codes.item(i).text() for i in range(dialog.codes.count())] == [codes["A"], codes["C"]]
    dialog.close()
    page.breakdown_kind.setCurrentIndex(1)
    assert page.breakdown.rowCount() == 1 and "1.004194" in page.breakdown.item(0, 0).text()
    page.start.setDate(QDate(2026, 4, 1))
    page.compute.click()  # 1 April to 31 March: refused on the spot, the March figures stay
    assert page.message.styleSheet() == ERROR_LABEL_STYLE and page.message.text()
    assert page.report.period.start == date(2026, 3, 1)
    app_context.tasks.wait_idle()


def test_only_supervisors_have_the_section(qtbot, app_context, store):
    from ui.main_window import MainWindow

    staff_window = MainWindow(app_context)
    qtbot.addWidget(staff_window)
    assert staff_window.show_section("report766") is False
    supervisor_window = MainWindow(replace(app_context, actor=store.test_actors["supervisor"]))
    qtbot.addWidget(supervisor_window)
    assert supervisor_window.show_section("report766") is True
    app_context.tasks.wait_idle()


def test_at_1366x768_every_indicator_shows_and_the_breakdown_fits_its_width(qtbot, app_context):
    """Maximised on a 1366×768 screen the section gets about 1235×700 beside the section list: all
    seven indicators must be readable without scrolling, and the breakdown without scrolling sideways."""
    seed_march(app_context.store)
    page = Report766Page(app_context, today=date(2026, 3, 31))
    qtbot.addWidget(page)
    page.resize(1235, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.report is not None, timeout=10000)
    table = page.indicators
    assert table.rowCount() == 7
    qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() == 0)
    last = table.visualRect(table.model().index(6, 4))
    assert last.bottom() <= table.viewport().height()
    qtbot.waitUntil(lambda: page.breakdown.horizontalScrollBar().maximum() == 0)
    assert page.trend.height() >= page.trend.minimumHeight()
    app_context.tasks.wait_idle()
