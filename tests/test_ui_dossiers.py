"""Dossier list and detail: receive → find by "duc" → open → transfer → result ready → return."""
from __future__ import annotations

import random

from factories import request
from PySide6.QtCore import Qt
from ui_flows import (
    close_context,
    fill_by_keyboard,
    focused,
    key,
    make_context,
    open_page,
    run_action,
    save_by_keyboard,
    type_text,
)

from counter_app import services
from counter_app.search import DossierQuery
from counter_app.states import Action, Status
from ui.dossier_list import DossiersPage, ReturnsPage


def open_list(qtbot, context, page_class=DossiersPage):
    page = page_class(context)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.resize(1200, 700)
        page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def test_receive_find_open_and_walk_the_dossier_to_returned_with_keys_only(qtbot, context):
    receive = open_page(qtbot, context)
    fill_by_keyboard(receive)
    code = save_by_keyboard(qtbot, receive)
    receive.close()

    page = open_list(qtbot, context)
    page.filters.search.setFocus()
    qtbot.waitUntil(lambda: focused() is page.filters.search)
    with qtbot.waitSignal(page.model.loaded, timeout=5000) as found:
        type_text("duc")
    assert found.args == [1]
    assert page.model.data(page.model.index(0, 0)) == code
    assert page.model.data(page.model.index(0, 1)) == "Nguyễn Văn Đức"
    key(Qt.Key.Key_Down)  # from the search box into the list
    assert focused() is page.view
    with qtbot.waitSignal(page.dossierOpened) as opened:
        key(Qt.Key.Key_Return)
    assert opened.args == [code]
    detail = page.detail
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    qtbot.waitUntil(detail.isActiveWindow)
    assert not detail.action_buttons[Action.RETURN_RESULT].isEnabled()
    assert "Đã tiếp nhận" in detail.action_buttons[Action.RETURN_RESULT].toolTip()
    assert not detail.action_buttons[Action.RESCHEDULE].isEnabled()  # staff: supervisors only
    assert "lãnh đạo" in detail.action_buttons[Action.RESCHEDULE].toolTip()

    run_action(qtbot, detail, Qt.Key.Key_T)  # agency prefilled from the catalogue
    assert detail.dossier.status == Status.PROCESSING
    run_action(qtbot, detail, Qt.Key.Key_R, "Đã có kết quả từ BHXH khu vực")
    assert detail.dossier.status == Status.RESULT_READY
    run_action(qtbot, detail, Qt.Key.Key_U)  # recipient prefilled with the applicant's name
    assert detail.dossier.status == Status.RETURNED
    assert detail.dossier.returned_to == "Nguyễn Văn Đức"

    timeline = [detail.timeline.item(r, 1).text() for r in range(detail.timeline.rowCount())]
    assert timeline == ["Tiếp nhận hồ sơ", "Chuyển xử lý", "Đã có kết quả", "Trả kết quả"]
    assert "Đã có kết quả từ BHXH khu vực" in detail.timeline.item(2, 4).text()
    assert all(detail.timeline.item(r, 2).text() == "Lê Văn Cán" for r in range(4))
    with context.store.read() as conn:
        events = [r[0] for r in conn.execute(
            "SELECT e.action FROM status_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = ?"
            " ORDER BY e.id", (code,))]
        outbox = [tuple(r) for r in conn.execute(
            "SELECT o.kind, e.action FROM outbox o JOIN status_events e ON e.id = o.event_id"
            " JOIN dossiers d ON d.id = o.dossier_id WHERE d.code = ? ORDER BY o.id", (code,))]
    assert events == ["receive", "transfer", "result_ready", "return_result"]
    assert outbox == [("dossier", "receive"), ("progress", "receive"), ("progress", "transfer"),
                      ("progress", "result_ready"), ("progress", "return_result")]
    with qtbot.waitSignal(detail.printRequested) as printed:
        detail.print_buttons["receipt"].click()
    assert printed.args == ["receipt", code]


def test_refusal_message_from_the_service_is_shown_in_the_dialog(qtbot, context):
    dossier = services.receive_dossier(context.store, context.actor, request(context.store))
    page = open_list(qtbot, context)
    detail = page.open_detail(dossier.code)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    dialog = detail.start_action(Action.REFUSE)
    dialog.submit()  # empty reason
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert dialog.message.text() == "Chưa nhập lý do từ chối."
    assert dialog.isVisible()


def test_filters_sorting_and_due_colours(qtbot, context):
    rng = random.Random(3)
    store, actor = context.store, context.actor
    codes = [services.receive_dossier(store, actor, request(store, rng=rng)).code for _ in range(5)]
    services.transfer(store, actor, codes[0], processing_agency="Công an xã")
    services.record_result_ready(store, actor, codes[1])
    page = open_list(qtbot, context)
    assert page.model.rowCount() == 5
    with qtbot.waitSignal(page.model.loaded) as loaded:
        page.filters.status.setCurrentIndex(page.filters.status.findData(Status.PROCESSING.value))
    assert loaded.args == [1] and page.model.code_at(0) == codes[0]
    with qtbot.waitSignal(page.model.loaded):
        page.filters.status.setCurrentIndex(0)
    with qtbot.waitSignal(page.model.loaded):
        page.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert page.model.query.sort == "code" and not page.model.query.descending
    assert [page.model.code_at(r) for r in range(5)] == sorted(codes)
    open_row = next(r for r in range(5) if page.model.code_at(r) == codes[2])
    assert page.model.data(page.model.index(open_row, 0), Qt.ItemDataRole.BackgroundRole) is not None
    ready_row = next(r for r in range(5) if page.model.code_at(r) == codes[1])
    assert page.model.data(page.model.index(ready_row, 0), Qt.ItemDataRole.BackgroundRole) is None
    with qtbot.waitSignal(page.model.loaded) as loaded:
        page.filters.due.setCurrentIndex(page.filters.due.findData("overdue"))
    assert loaded.args == [0]
    assert not page.daily_log_button.isVisible()  # staff


def test_stale_search_results_are_dropped(qtbot, context):
    rng = random.Random(4)
    for name in ("Trần Thị Hòa", "Lê Văn Quý"):
        services.receive_dossier(context.store, context.actor, request(context.store, rng=rng, full_name=name))
    page = open_list(qtbot, context)
    page.model.set_query(DossierQuery(text="hoa"))
    with qtbot.waitSignal(page.model.loaded) as loaded:
        page.model.set_query(DossierQuery(text="quy"))
    assert loaded.args == [1]
    assert page.model.data(page.model.index(0, 1)) == "Lê Văn Quý"


def test_returns_page_lists_ready_results_and_returns_one(qtbot, tmp_path):
    context = make_context(tmp_path, role="supervisor")
    try:
        store, actor = context.store, context.actor
        rng = random.Random(5)
        codes = [services.receive_dossier(store, actor, request(store, rng=rng)).code for _ in range(3)]
        services.record_result_ready(store, actor, codes[2])
        page = open_list(qtbot, context, ReturnsPage)
        assert page.model.rowCount() == 1 and page.model.code_at(0) == codes[2]
        assert not page.daily_log_button.isVisible()
        page.view.setCurrentIndex(page.model.index(0, 0))
        page.return_current()
        qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
        with qtbot.waitSignal(page.model.loaded, timeout=5000) as loaded:
            page.dialog.submit()
        assert loaded.args == [0]
        supervisor_list = open_list(qtbot, context)
        assert supervisor_list.daily_log_button.isVisible()
        with qtbot.waitSignal(supervisor_list.dailyLogRequested):
            supervisor_list.daily_log_button.click()
    finally:
        close_context(context)


def test_supplement_round_trip_and_reschedule_by_a_supervisor(qtbot, tmp_path):
    context = make_context(tmp_path, role="supervisor")
    try:
        dossier = services.receive_dossier(context.store, context.actor, request(context.store))
        page = open_list(qtbot, context)
        detail = page.open_detail(dossier.code)
        qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
        dialog = detail.start_action(Action.REQUEST_SUPPLEMENT)
        dialog.inputs["missing_papers"].other.setPlainText("Bản sao giấy tờ chứng minh chỗ ở\nTờ khai CT01 có chữ ký chủ hộ")
        dialog.inputs["reason"].setText("Thiếu chữ ký chủ hộ")
        with qtbot.waitSignal(detail.changed, timeout=5000):
            dialog.submit()
        assert detail.dossier.status == Status.SUPPLEMENT_REQUESTED
        assert detail.print_buttons["supplement"].isEnabled()
        with qtbot.waitSignal(detail.changed, timeout=5000):
            detail.start_action(Action.RECEIVE_SUPPLEMENT).submit()
        assert detail.dossier.status == Status.RECEIVED  # never transferred: back to received
        assert detail.action_buttons[Action.RESCHEDULE].isEnabled()  # supervisor
        dialog = detail.start_action(Action.RESCHEDULE)
        editor = dialog.inputs["new_due_at"]
        assert editor.dateTime().toPython() > dossier.due_at
        dialog.inputs["reason"].setText("Chờ xác minh của Công an xã")
        with qtbot.waitSignal(detail.changed, timeout=5000):
            dialog.submit()
        assert detail.dossier.due_at > dossier.due_at
        assert detail.print_buttons["apology"].isEnabled()
        actions = [detail.timeline.item(r, 1).text() for r in range(detail.timeline.rowCount())]
        assert actions[-3:] == ["Yêu cầu bổ sung, hoàn thiện hồ sơ", "Nhận hồ sơ bổ sung",
                                "Xin lỗi và hẹn lại ngày trả kết quả"]
        assert "Tờ khai CT01 có chữ ký chủ hộ" in detail.timeline.item(1, 4).text()
    finally:
        close_context(context)


def test_staff_correct_the_applicants_name_from_the_detail(qtbot, context):
    code = services.receive_dossier(context.store, context.actor,
                                    request(context.store, full_name="Nguyen Van Duc")).code
    page = open_list(qtbot, context)
    detail = page.open_detail(code)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    assert detail.action_buttons[Action.CORRECT_APPLICANT].isEnabled()
    dialog = detail.start_action(Action.CORRECT_APPLICANT)
    assert dialog.inputs["full_name"].text() == "Nguyen Van Duc"  # starts from what was typed at the counter
    dialog.inputs["full_name"].setText("nguyễn  văn đức")  # written as the receive form writes a name
    dialog.inputs["reason"].setText("Ghi thiếu dấu")
    with qtbot.waitSignal(detail.changed, timeout=5000):
        dialog.submit()
    qtbot.waitUntil(lambda: detail.dossier.applicant.full_name == "Nguyễn Văn Đức", timeout=5000)
    last = detail.timeline.rowCount() - 1
    assert detail.timeline.item(last, 1).text() == "Sửa thông tin người nộp hồ sơ"
    assert "Ghi thiếu dấu" in detail.timeline.item(last, 4).text()


def test_the_detail_shows_the_social_insurance_number_and_the_card_typed_at_the_counter(qtbot, context):
    from dataclasses import replace as changed

    from PySide6.QtWidgets import QLabel

    base = request(context.store, procedure_code="LOCAL.BHYT.CAPLAI")
    applicant = changed(base.applicant, social_insurance_no="0123456789", hi_card_code="GD4010123456789")
    code = services.receive_dossier(context.store, context.actor, changed(base, applicant=applicant)).code
    page = open_list(qtbot, context)
    detail = page.open_detail(code)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    shown = [detail.info.itemAt(i).widget().text() for i in range(detail.info.count())
             if isinstance(detail.info.itemAt(i).widget(), QLabel)]
    assert "0123456789 · GD4010123456789" in shown
