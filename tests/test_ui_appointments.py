"""Appointments in the dossier's detail, by keyboard: a supplement by ticking the procedure's papers,
the receipt reprinted with the restarted clock, the apology printed from the reschedule itself,
and a refused record's ID, birth date and procedure corrected."""
from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from factories import request
from mnemonics import clashes
from pypdf import PdfReader
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from test_ui_dossiers import open_list
from test_ui_keyboard import language  # noqa: F401 - the fixture, both languages
from ui_flows import ALT, close_context, focused, key, make_context, type_text

from counter_app import services
from counter_app.dossiers import get_dossier
from counter_app.states import Action, Status
from ui.printing_actions import PrintActions

pytestmark = pytest.mark.usefixtures("november_2026")  # the office clock reads Monday 30/11/2026 10:00
TIMEOUT = 10_000


def _detail_with_printing(qtbot, context, code: str):
    """The detail opened from the list, its papers going to the preview as in the main window."""
    page = open_list(qtbot, context)
    actions = PrintActions(context, page)
    actions.connect_pages(page)
    detail = page.open_detail(code)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=TIMEOUT)
    detail.activateWindow()
    qtbot.waitUntil(detail.isActiveWindow)
    return detail, actions


def _open_dialog(qtbot, detail, action: Action):
    dialog = detail.start_action(action)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def _received(context, **kwargs):
    """Temporary residence (3 working days) received Friday 20/11/2026 09:15: due 26/11 (24/11 is a day off)."""
    return services.receive_dossier(context.store, context.actor,
                                    request(context.store, received_at=datetime(2026, 11, 20, 9, 15), **kwargs))


def _awaiting_supplement(context):
    """The same dossier, asked on 20/11 at 10:00 for a supplement."""
    dossier = _received(context)
    services.request_supplement(context.store, context.actor, dossier.code, missing_papers=["Tờ khai CT01"],
                                reason="Thiếu chữ ký", at=datetime(2026, 11, 20, 10, 0))
    return dossier


def test_a_supplement_request_ticks_the_procedures_papers_and_prints_them(qtbot, context):
    dossier = _received(context)
    detail, actions = _detail_with_printing(qtbot, context, dossier.code)
    dialog = _open_dialog(qtbot, detail, Action.REQUEST_SUPPLEMENT)
    boxes = dialog.inputs["missing_papers"].boxes
    assert [b.property("paper") for b in boxes] == [p.name for p in dossier.procedure.papers]
    assert focused() is boxes[0]
    first_label = dialog.inputs["missing_papers"].findChild(QLabel, None)
    QTest.mouseClick(first_label, Qt.MouseButton.LeftButton)  # the paper's name ticks its box, as a box's text does
    assert boxes[0].isChecked()
    QTest.mouseClick(first_label, Qt.MouseButton.LeftButton)
    assert not boxes[0].isChecked() and focused() is boxes[0]
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Space)  # the second paper: proof of lawful residence
    key(Qt.Key.Key_O, ALT)  # the free text
    type_text("Tờ khai CT01 có chữ ký chủ hộ")
    key(Qt.Key.Key_R, ALT)
    type_text("Thiếu giấy tờ chứng minh chỗ ở")
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        key(Qt.Key.Key_Return)
    assert detail.dossier.status == Status.SUPPLEMENT_REQUESTED
    assert detail.dossier.events[-1].data == {
        "missing_papers": ["Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", "Tờ khai CT01 có chữ ký chủ hộ"]}
    assert actions.preview.kind == "supplement"
    text = _text(actions.preview.pdf_bytes)
    assert "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp" in text and "Tờ khai CT01 có chữ ký chủ hộ" in text
    assert "Tờ khai thay đổi thông tin cư trú" not in text  # not ticked, not asked for


def test_receiving_the_supplement_moves_the_appointment_and_reprints_the_receipt(qtbot, context):
    dossier = _awaiting_supplement(context)
    detail, actions = _detail_with_printing(qtbot, context, dossier.code)
    dialog = _open_dialog(qtbot, detail, Action.RECEIVE_SUPPLEMENT)
    assert dialog.print_after.isChecked()  # offered by default
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        key(Qt.Key.Key_Return)
    # Three working days from Monday 30/11 10:00, not from 20/11.
    assert detail.dossier.due_at == datetime(2026, 12, 3, 10, 0)
    assert actions.preview.kind == "receipt"
    text = _text(actions.preview.pdf_bytes)
    assert "ngày 03 tháng 12 năm 2026" in text
    assert "ngày 26 tháng 11 năm 2026" not in text
    last = detail.timeline.rowCount() - 1
    assert "03/12/2026" in detail.timeline.item(last, 4).text()  # the timeline says what moved


def test_unticking_the_box_prints_nothing(qtbot, context):
    dossier = _awaiting_supplement(context)
    detail, actions = _detail_with_printing(qtbot, context, dossier.code)
    dialog = _open_dialog(qtbot, detail, Action.RECEIVE_SUPPLEMENT)
    key(Qt.Key.Key_P, ALT)  # the print box, unticked (a mnemonic clicks after a short animation)
    qtbot.waitUntil(lambda: not dialog.print_after.isChecked())
    with qtbot.waitSignal(detail.changed, timeout=TIMEOUT):
        dialog.submit()
    context.tasks.wait_idle()
    assert actions.preview is None


def test_the_reschedule_prints_the_apology_with_the_new_date(qtbot, tmp_path):
    context = make_context(tmp_path, role="supervisor")
    try:
        dossier = _received(context)
        detail, actions = _detail_with_printing(qtbot, context, dossier.code)
        dialog = _open_dialog(qtbot, detail, Action.RESCHEDULE)
        dialog.inputs["new_due_at"].setDateTime(QDateTime(datetime(2026, 12, 4, 15, 30)))
        key(Qt.Key.Key_R, ALT)
        type_text("Chờ xác minh của Công an xã")
        with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
            key(Qt.Key.Key_Return)
        preview = actions.preview
        assert preview.kind == "apology"
        out = tmp_path / "phieu-xin-loi.pdf"
        preview.ask_save_path = lambda: str(out)
        assert preview.save_pdf() == str(out)
        text = _text(out.read_bytes())
        assert "15 giờ 30 phút, ngày 04 tháng 12 năm 2026" in text  # the new appointment
        assert "ngày 26 tháng 11 năm 2026" in text  # the one it replaces
        assert "Chờ xác minh của Công an xã" in text
    finally:
        close_context(context)


def test_a_refused_records_id_birth_date_and_procedure_are_corrected_by_keyboard(qtbot, context):
    dossier = _received(context, procedure_code="LOCAL.CUTRU.XACNHAN")
    with context.store.write() as conn:
        conn.execute("UPDATE outbox SET failed = 1, last_error = 'Mã TTHC không tồn tại'")
    detail, _actions = _detail_with_printing(qtbot, context, dossier.code)
    dialog = _open_dialog(qtbot, detail, Action.CORRECT_APPLICANT)
    qtbot.waitUntil(lambda: dialog.inputs["procedure_code"].current() is not None, timeout=TIMEOUT)
    assert dialog.inputs["procedure_code"].current().code == "LOCAL.CUTRU.XACNHAN"
    assert dialog.inputs["personal_id"].text() == dossier.applicant.personal_id
    key(Qt.Key.Key_B, ALT)
    focused().selectAll()
    type_text("31/02/1990")  # no such day
    key(Qt.Key.Key_R, ALT)
    type_text("Cổng DVC từ chối")
    key(Qt.Key.Key_Return)
    assert "Tháng 2/1990 không có ngày 31." in dialog.message.text() and dialog.isVisible()  # nothing sent
    female = dossier.applicant.sex == "female"
    new_id = "001" + ("1" if female else "0") + "90" + "123456"  # Hà Nội, born 1990, the applicant's sex
    key(Qt.Key.Key_I, ALT)
    focused().selectAll()
    type_text(new_id)
    key(Qt.Key.Key_B, ALT)
    focused().selectAll()
    type_text("02/04/1990")
    key(Qt.Key.Key_C, ALT)
    type_text("dang ky tam tru")
    assert dialog.inputs["procedure_code"].current().code == "1.004194"
    key(Qt.Key.Key_R, ALT)
    with qtbot.waitSignal(detail.changed, timeout=TIMEOUT):
        key(Qt.Key.Key_Return)
    fixed = get_dossier(context.store, dossier.code)
    assert (fixed.applicant.personal_id, fixed.applicant.birth_date, fixed.procedure.code) == (
        new_id, date(1990, 4, 2), "1.004194")
    last = detail.timeline.rowCount() - 1
    assert "personal ID, birth date, procedure" in detail.timeline.item(last, 4).text()
    with context.store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM outbox WHERE failed = 1").fetchone()[0] == 0


@pytest.mark.parametrize("action", [Action.REQUEST_SUPPLEMENT, Action.RECEIVE_SUPPLEMENT, Action.RESCHEDULE,
                                    Action.CORRECT_APPLICANT])
def test_action_dialogs_claim_no_alt_key_twice(qtbot, tmp_path, language, action):  # noqa: F811
    context = make_context(tmp_path, role="supervisor")
    try:
        dossier = _awaiting_supplement(context) if action is Action.RECEIVE_SUPPLEMENT else _received(context)
        detail, _actions = _detail_with_printing(qtbot, context, dossier.code)
        dialog = _open_dialog(qtbot, detail, action)
        assert clashes(dialog) == {}
        if dialog.print_after is not None:
            assert "&" in dialog.print_after.text()
        dialog.reject()
        QApplication.processEvents()
    finally:
        context.tasks.wait_idle()
        close_context(context)


def test_a_dossier_opened_from_the_sync_section_prints_too(qtbot, context):
    from ui.sync_page import SyncPage

    dossier = _received(context)
    with context.store.write() as conn:
        conn.execute("UPDATE outbox SET failed = 1, last_error = 'Cổng DVC từ chối' WHERE kind = 'dossier'")
    page = SyncPage(context)
    qtbot.addWidget(page)
    actions = PrintActions(context, page)
    actions.connect_pages(page)
    qtbot.waitUntil(lambda: page.queue.rowCount() > 0, timeout=TIMEOUT)
    detail = page.open_dossier(dossier.code)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(actions.previewOpened, timeout=TIMEOUT):
        detail.print_buttons["receipt"].click()
    assert actions.preview.kind == "receipt" and actions.preview.code == dossier.code
