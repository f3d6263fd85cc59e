"""The dossier list screen at any size: pages after the last row's key, a capped count, saves beside reads (issue 12)."""
from __future__ import annotations

import random
import threading

from factories import request

from counter_app import services
from counter_app.search import DossierQuery
from ui.dossier_list import DossiersPage, DossierTableModel


def test_the_view_reaching_the_end_reads_the_page_after_the_last_row(qtbot, context):
    from PySide6.QtWidgets import QTableView

    rng = random.Random(6)
    codes = [services.receive_dossier(context.store, context.actor, request(context.store, rng=rng)).code
             for _ in range(130)]
    model = DossierTableModel(context, page_size=40)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(800, 400)
    with qtbot.waitSignal(model.loaded, timeout=5000) as loaded:
        model.set_query(DossierQuery(sort="code", descending=False))
    view.show()
    assert loaded.args == [130] and model.rowCount() == 40  # the count, and only the first page

    def at_the_end() -> bool:
        view.scrollToBottom()  # as a user dragging the scroll bar down: the view asks for more
        return model.rowCount() == 130

    qtbot.waitUntil(at_the_end, timeout=10_000)
    assert [model.code_at(r) for r in range(130)] == sorted(codes)
    assert not model.canFetchMore()
    codes.append(services.receive_dossier(context.store, context.actor, request(context.store, rng=rng)).code)
    with qtbot.waitSignal(model.loaded, timeout=5000) as loaded:
        model.refresh()  # another counter saved: the list keeps the rows it held, and a page more
    assert loaded.args == [131] and model.rowCount() == 131 and not model.canFetchMore()
    assert [model.code_at(r) for r in range(131)] == sorted(codes)  # the new one, last in code order


def test_past_the_cap_the_count_says_more_than(qtbot, context):
    for _ in range(4):
        services.receive_dossier(context.store, context.actor, request(context.store))
    page = DossiersPage(context)
    qtbot.addWidget(page)
    page.model.count_cap = 3
    with qtbot.waitSignal(page.model.loaded, timeout=5000) as loaded:
        page.model.refresh()
    assert loaded.args == [4] and page.model.rowCount() == 4
    assert page.count_label.text() == "More than 3 dossiers"
    page.model.count_cap = 4
    with qtbot.waitSignal(page.model.loaded, timeout=5000):
        page.model.refresh()
    assert page.count_label.text() == "4 dossiers"


def test_a_save_is_not_queued_behind_a_list_query(qtbot, context):
    reading, release = threading.Event(), threading.Event()
    listed: list[str] = []
    saved: list[str] = []

    def long_list_query() -> str:
        with context.store.snapshot():
            reading.set()
            release.wait(30)  # still reading
        return "listed"

    context.tasks.run_read(long_list_query, on_done=listed.append)
    try:
        assert reading.wait(10)
        with qtbot.waitSignal(context.tasks.dossiersChanged, timeout=10_000):
            context.tasks.run_op(services.receive_dossier, context.store, context.actor, request(context.store),
                                 parent=None, on_done=lambda d: saved.append(d.code))
        assert saved and not listed  # saved while the list query still held its snapshot
    finally:
        release.set()
    qtbot.waitUntil(lambda: listed == ["listed"], timeout=10_000)
