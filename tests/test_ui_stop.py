"""The stop action from the dossier detail: dialog, status 8 in the timeline, the stop notice enabled."""
from __future__ import annotations

from factories import request

from counter_app import services
from counter_app.states import Action
from ui.dossier_detail import DossierDetail


def test_staff_stop_a_dossier_at_the_citizens_request(qtbot, app_context):
    code = services.receive_dossier(app_context.store, app_context.actor, request(app_context.store)).code
    detail = DossierDetail(app_context, code)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.dossier is not None, timeout=5000)
    assert detail.action_buttons[Action.STOP].isEnabled()
    assert not detail.print_buttons["stop-notice"].isEnabled()
    dialog = detail.start_action(Action.STOP)
    dialog.submit()  # no reason: the service's message, dialog stays
    qtbot.waitUntil(dialog.message.isVisible, timeout=5000)
    assert dialog.message.text() == "Chưa nhập lý do dừng giải quyết."
    dialog.inputs["reason"].setText("Công dân có đơn xin dừng")
    with qtbot.waitSignal(detail.changed, timeout=5000):
        dialog.submit()
    qtbot.waitUntil(lambda: detail.dossier.status == "stopped", timeout=5000)
    last = detail.timeline.rowCount() - 1
    assert detail.timeline.item(last, 1).text() == "Dừng giải quyết"
    assert detail.timeline.item(last, 3).text() == "Dừng xử lý"
    assert detail.print_buttons["stop-notice"].isEnabled()
    assert not detail.action_buttons[Action.STOP].isEnabled()
    with qtbot.waitSignal(detail.printRequested) as printed:
        detail.print_buttons["stop-notice"].click()
    assert printed.args == ["stop-notice", code]
