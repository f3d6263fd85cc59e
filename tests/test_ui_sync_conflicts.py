"""A conflict in the sync section: both versions side by side, and a supervisor's new code re-queues it."""
from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox
from sync_helpers import receive_many

from counter_app.models import OutboxState
from sync import outbox
from sync.mapping import dossier_record


def _hold_as_conflict(store, code: str, portal_name: str) -> None:
    """What the engine leaves after the portal answered that another dossier holds the code."""
    from counter_app.dossiers import load_dossier
    from counter_app.office import load_office_row

    with store.write() as conn:
        dossier = load_dossier(conn, code)
        theirs = {**dossier_record(dossier, load_office_row(conn), "another-counter"), "ChuHoSo": portal_name}
        conn.execute("UPDATE outbox SET failed = ?, conflict = ? WHERE dossier_id = ? AND kind = 'dossier'",
                     (OutboxState.CONFLICT, json.dumps(theirs, ensure_ascii=False), dossier.id))


def test_a_supervisor_compares_both_versions_and_gives_a_new_code(qtbot, app_context):
    from dataclasses import replace

    from ui.sync_page import SyncPage

    store = app_context.store
    [code] = receive_many(store, app_context.actor, 1)
    _hold_as_conflict(store, code, "Phạm Thị Người Khác")
    supervisor = replace(app_context, actor=store.test_actors["supervisor"])
    page = SyncPage(supervisor)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.queue.rowCount() > 0, timeout=5000)
    assert page.items[0].portal_version is not None and "new code" in page.queue.item(0, 3).text()  # listed first
    rows = len(page.items)

    dialog = page.open_item(page.items[0])
    qtbot.waitUntil(lambda: dialog.table.item(1, 1) is not None, timeout=5000)
    ours, theirs = dialog.table.item(1, 0).text(), dialog.table.item(1, 1).text()
    assert theirs == "Phạm Thị Người Khác" and ours != theirs
    with qtbot.waitSignal(dialog.recoded, timeout=5000) as recoded:
        dialog.recode_button.click()
    new_code = recoded.args[0]
    assert new_code != code
    qtbot.waitUntil(lambda: isinstance(getattr(page, "notice", None), QMessageBox) and page.notice.isVisible(),
                    timeout=5000)
    assert new_code in page.notice.text()
    assert outbox.conflict_count(store) == 0 and outbox.pending_count(store) == rows


def test_staff_see_the_conflict_but_cannot_recode(qtbot, app_context):
    from ui.sync_page import SyncPage

    [code] = receive_many(app_context.store, app_context.actor, 1)
    _hold_as_conflict(app_context.store, code, "Phạm Thị Người Khác")
    page = SyncPage(app_context)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: len(page.items) > 0, timeout=5000)
    dialog = page.open_item(page.items[0])
    assert not dialog.recode_button.isEnabled()
