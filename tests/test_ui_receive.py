"""Receive form: keyboard-only reception with a scanned CCCD, blocked saves, drafts."""
from __future__ import annotations

from PySide6.QtCore import Qt
from ui_flows import (
    CTRL,
    fill_by_keyboard,
    focused,
    key,
    open_page,
    save_by_keyboard,
    type_text,
)


def test_receive_with_keyboard_only_and_print_with_one_key(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    code = save_by_keyboard(qtbot, page)
    assert code.startswith("H15.50.05.13-")
    assert page.code_label.text() == code and page.result_panel.isVisible()
    with qtbot.waitSignal(page.receiptRequested) as printed:
        key(Qt.Key.Key_F9)
    assert printed.args == [code]
    with qtbot.waitSignal(page.receiptRequested):
        key(Qt.Key.Key_P, CTRL)
    key(Qt.Key.Key_N, CTRL)
    assert not page.result_panel.isVisible() and page.applicant.full_name.text() == ""


def test_invalid_id_is_shown_when_leaving_the_field_and_blocks_saving(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    page.applicant.personal_id.edit.setFocus()
    page.applicant.personal_id.edit.selectAll()
    type_text("00109901234")  # 11 digits
    key(Qt.Key.Key_Tab)
    field = page.applicant.personal_id
    assert field.error_label.isVisible() and "12 chữ số" in field.error()
    assert "c62828" in field.edit.styleSheet()
    key(Qt.Key.Key_S, CTRL)
    assert page.message.isVisible() and "12 chữ số" in page.message.text()
    assert focused() is field.edit  # the cursor goes where the fix is
    assert not page.saving and page.saved_code == ""
    with context.store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] == 0


def test_missing_required_paper_blocks_saving_with_the_services_message(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page, tick_paper=False)
    key(Qt.Key.Key_S, CTRL)
    assert page.message.isVisible()
    assert page.message.text().startswith("Thiếu giấy tờ bắt buộc: Tờ khai tham gia")
    assert focused() is page.papers.rows[0][0]
    assert page.saved_code == ""


def test_id_disagreeing_with_birth_year_is_refused_before_the_worker(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    page.applicant.birth_date.setText("01/02/1998")
    key(Qt.Key.Key_S, CTRL)
    assert page.message.text() == "Năm sinh không khớp với số định danh cá nhân."


def test_bad_scan_shows_the_parsers_message(qtbot, context):
    page = open_page(qtbot, context)
    key(Qt.Key.Key_Tab)
    type_text("001099012345|Nguyễn Văn Đức|01021999\r\n")
    assert page.applicant.scan_error.isVisible()
    assert "7 trường" in page.applicant.scan_error.text()
    assert page.applicant.full_name.text() == ""


def _failed_scan(page) -> None:  # type: ignore[no-untyped-def]
    page.applicant.scan.setFocus()
    type_text("001099012345|Nguyễn Văn Đức|01021999\r\n")
    assert page.applicant.scan_error.isVisible()


def test_a_failed_scans_message_goes_when_the_clerk_scans_again_or_types_by_hand(qtbot, context):
    """A red message about a scan nobody is looking at any more reads as a fault in what was typed."""
    page = open_page(qtbot, context)
    applicant = page.applicant
    _failed_scan(page)
    type_text("0")  # editing the scan field (the next scan, or emptying it)
    assert not applicant.scan_error.isVisible()
    key(Qt.Key.Key_Backspace)
    _failed_scan(page)
    applicant.full_name.edit.setFocus()
    type_text("Lò Thị Ón")  # typing the card by hand instead
    assert not applicant.scan_error.isVisible()
    _failed_scan(page)
    applicant.sex.setFocus()
    key(Qt.Key.Key_Down)
    assert not applicant.scan_error.isVisible()
    _failed_scan(page)
    key(Qt.Key.Key_N, CTRL)  # a new dossier
    assert not applicant.scan_error.isVisible()


def test_a_failed_scans_message_is_gone_from_the_saved_form(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    _failed_scan(page)
    save_by_keyboard(qtbot, page)
    assert not page.applicant.scan_error.isVisible()


def test_draft_is_restored_after_recreating_the_page_and_cleared_by_saving(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    page.sets.setValue(2)
    qtbot.waitUntil(lambda: page.drafts.saves >= 1 and not page.drafts.timer.isActive(), timeout=5000)
    page.close()

    again = open_page(qtbot, context)  # as after a crash: nothing was saved
    assert again.draft_banner.isVisible()
    qtbot.mouseClick(again.restore_button, Qt.MouseButton.LeftButton)
    assert not again.draft_banner.isVisible()
    assert again.picker.current().code == "LOCAL.BHYT.CAPLAI"
    assert again.applicant.full_name.text() == "Nguyễn Văn Đức"
    assert again.applicant.phone.text() == "0912 345 678"
    assert again.papers.rows[0][0].isChecked() and again.sets.value() == 2
    with qtbot.waitSignal(again.dossierSaved, timeout=5000):
        again.save()
    with context.store.read() as conn:
        draft = conn.execute("SELECT value FROM settings WHERE key LIKE 'receive_draft%'").fetchone()
    qtbot.waitUntil(lambda: _draft_value(context) == "", timeout=5000)
    assert draft is not None
    third = open_page(qtbot, context)
    assert not third.draft_banner.isVisible()


def test_quitting_right_after_typing_keeps_the_last_field_in_the_draft(qtbot, context):
    """Ctrl+Q a moment after typing: the draft waiting for its debounce is saved before the worker stops."""
    page = open_page(qtbot, context)
    page.applicant.full_name.setFocus()
    type_text("Đặng Thị Thu Hường")
    assert page.drafts.timer.isActive()  # the debounce has not fired yet
    context.tasks.shutdown()  # what quitting the app does
    assert "Đặng Thị Thu Hường" in (_draft_value(context) or "")
    page.applicant.full_name.setFocus()
    type_text("x")  # typing after shutdown starts no timer that would fire into a closed runner
    assert not page.drafts.timer.isActive()


def _draft_value(context) -> str | None:
    with context.store.read() as conn:
        row = conn.execute("SELECT value FROM settings WHERE key LIKE 'receive_draft%'").fetchone()
    return row[0] if row else None


def test_procedure_picker_folds_and_orders_most_used_first(qtbot, context):
    page = open_page(qtbot, context)
    type_text("dang ky khai")
    names = [page.picker.list.item(i).text() for i in range(page.picker.list.count())]
    assert names and all("khai" in n.lower() for n in names)
    key(Qt.Key.Key_Down)
    assert page.picker.current().name == names[1]
    key(Qt.Key.Key_Return)  # Enter accepts the procedure and moves on to the CCCD field
    assert focused() is page.applicant.scan
    assert "ngày làm việc" in page.due_label.text() or "Trong ngày" in page.due_label.text()


def test_khai_tu_and_enter_picks_the_death_registration_though_births_are_more_common(qtbot, context):
    from factories import request

    from counter_app import services
    for _ in range(2):
        services.receive_dossier(context.store, context.actor, request(context.store, procedure_code="1.001193"))
    page = open_page(qtbot, context)
    assert page.picker.list.item(0).text() == "Thủ tục đăng ký khai sinh"  # the most used on top
    type_text("khai tu")
    key(Qt.Key.Key_Return)
    assert page.picker.current().name == "Thủ tục đăng ký khai tử"
    assert focused() is page.applicant.scan


def test_reference_count_guard_keeps_none_and_true_alive():
    """PySide6 6.12 on Python 3.11 drops a reference of None per void call and of True per emit."""
    import sys

    from PySide6.QtCore import QObject, Signal

    from ui.widgets import refcount_guard

    class Emitter(QObject):
        fired = Signal()

    emitter = Emitter()
    for _ in range(50_000):  # far more than None's or True's own reference count on 3.11
        emitter.setObjectName("x")
        emitter.fired.emit()
    assert refcount_guard.installed
    assert sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0


def test_tab_walks_the_whole_form_in_reading_order(qtbot, context):
    page = open_page(qtbot, context)
    type_text("chung thuc ban sao")  # a procedure with papers and a fee
    expected = [page.picker.filter_edit, *page.applicant.focus_widgets(), *page.papers.focus_widgets(),
                page.tick_required_button, page.sets,
                *page.fees.focus_widgets(), page.at_counter, page.subject.toggle, page.summary, page.save_button]
    expected = [w for w in expected if w.isEnabled()]
    seen = [focused()]
    while focused() is not page.save_button and len(seen) < 60:
        key(Qt.Key.Key_Tab)
        seen.append(focused())
    # Spin boxes take focus in their inner line edit; radio buttons share one tab stop.
    normalised = [w.parentWidget() if w.objectName() == "qt_spinbox_lineedit" else w for w in seen]
    assert normalised == expected


def test_exempt_fee_without_reason_is_refused_by_the_service_and_shown(qtbot, context):
    page = open_page(qtbot, context)
    type_text("chung thuc ban sao")
    page.applicant.full_name.setText("Trần Thị Hòa")
    page.papers.rows[0][0].setChecked(True)
    row = page.fees.rows[0]
    box, amount, method, reason = row.box, row.amount, row.method, row.reason
    assert box.isChecked() and amount.value() == 2000
    assert "2.000 đ" in page.fees.total_label.text()
    method.setCurrentIndex(method.findData("exempt"))
    assert reason.isEnabled()
    page.save()
    qtbot.waitUntil(lambda: not page.saving, timeout=5000)
    assert page.message.text().startswith("Chưa ghi lý do miễn «Phí chứng thực bản sao")
    assert page.save_button.isEnabled() and page.saved_code == ""
    reason.setText("Hộ nghèo")
    with qtbot.waitSignal(page.dossierSaved, timeout=5000) as saved:
        page.save()
    with context.store.read() as conn:
        fee = conn.execute("SELECT f.method, f.exempt_reason FROM dossier_fees f JOIN dossiers d"
                           " ON d.id = f.dossier_id WHERE d.code = ?", (saved.args[0],)).fetchone()
    assert tuple(fee) == ("exempt", "Hộ nghèo")


def test_result_by_post_takes_the_applicants_address(qtbot, context):
    page = open_page(qtbot, context)
    fill_by_keyboard(page)
    page.by_post.setChecked(True)
    assert page.delivery_address.isEnabled()
    assert page.delivery_address.text() == "Số 1 Ngõ 2, Phường Ba Đình, Hà Nội"
    with qtbot.waitSignal(page.dossierSaved, timeout=5000) as saved:
        page.save()
    with context.store.read() as conn:
        row = conn.execute("SELECT delivery, delivery_address FROM dossiers WHERE code = ?",
                           (saved.args[0],)).fetchone()
    assert tuple(row) == ("post", "Số 1 Ngõ 2, Phường Ba Đình, Hà Nội")
