"""Administration: office profile (admins) and calendar overrides (supervisors), checked by the services."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from counter_app import office
from counter_app.errors import PermissionDenied
from ui.admin_page import AdminPage
from ui.context import AppContext
from ui.tasks import TaskRunner


@pytest.fixture
def context_for(store):
    made = []

    def make(role: str) -> AppContext:
        ctx = AppContext(store=store, actor=store.test_actors[role], office=office.get_office(store), tasks=TaskRunner())
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.tasks.shutdown()


def test_a_supervisor_adds_and_removes_a_day_off(qtbot, context_for):
    context = context_for("supervisor")
    page = AdminPage(context)
    qtbot.addWidget(page)
    tab = page.calendar
    qtbot.waitUntil(lambda: tab.holidays.count() > 0)
    assert any("Quốc khánh" in tab.holidays.item(i).text() for i in range(tab.holidays.count()))
    tab.day.setDate(QDate(2026, 12, 24))
    tab.note.setText("Quyết định của UBND tỉnh")
    tab.add.click()
    qtbot.waitUntil(lambda: tab.overrides.count() == 1)
    assert tab.overrides.item(0).text().startswith("24/12/2026")
    assert office.list_calendar_overrides(context.store) == [(date(2026, 12, 24), "day_off", "Quyết định của UBND tỉnh")]
    tab.overrides.setCurrentRow(0)
    tab.remove.click()
    qtbot.waitUntil(lambda: tab.overrides.count() == 0)
    assert not page.office.save.isEnabled() and page.office.save.toolTip()  # the office profile is for admins


def test_an_admin_changes_the_office_profile(qtbot, context_for):
    context = context_for("admin")
    page = AdminPage(context)
    qtbot.addWidget(page)
    form = page.office.form
    form.counter_name.setText("Quầy số 3")
    form.province.setEditText("ninh binh")
    form.province.settle()
    form.commune.setEditText("yen mo")
    form.commune.settle()
    page.office.save.click()
    qtbot.waitUntil(lambda: page.office.saved.text() != "")
    saved = office.get_office(context.store)
    assert (saved.counter_name, saved.province, saved.commune) == ("Quầy số 3", "Ninh Bình", "Xã Yên Mô")
    assert saved.agency_code == context.office.agency_code


def test_the_services_refuse_calendar_changes_by_staff(store):
    with pytest.raises(PermissionDenied):
        office.set_calendar_override(store, day=date(2026, 12, 24), kind="day_off", by=store.test_actors["staff"])
