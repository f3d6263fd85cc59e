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


def test_the_calendar_says_where_holidays_come_from_in_a_clerks_words(qtbot, context_for, vietnamese):
    """Not the name of a Python package: the law the public holidays are counted by."""
    from PySide6.QtWidgets import QLabel
    context = context_for("supervisor")
    page = AdminPage(context)
    qtbot.addWidget(page)
    texts = [label.text() for label in page.calendar.findChildren(QLabel)]
    assert "Ngày nghỉ lễ trong năm (theo Bộ luật Lao động)" in texts
    assert not [text for text in texts if "thư viện" in text or "holidays" in text]
    context.tasks.wait_idle()


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


def test_user_administration_speaks_vietnamese_answers_each_action_and_never_reuses_a_password(
        qtbot, context_for, vietnamese):
    from factories import PASSWORD

    from counter_app import users

    context = context_for("admin")
    page = AdminPage(context)
    qtbot.addWidget(page)
    tab = page.users
    qtbot.waitUntil(lambda: tab.user_list.count() == 3)
    texts = [tab.user_list.item(i).text() for i in range(3)]
    assert any(t.endswith("— Cán bộ") for t in texts) and any(t.endswith("— Lãnh đạo") for t in texts)
    assert any(t.endswith("— Quản trị") for t in texts)
    assert [tab.role.itemText(i) for i in range(tab.role.count())] == ["Cán bộ", "Lãnh đạo", "Quản trị"]

    tab.username.setText("lan")
    tab.full_name.setText("Trần Thị Lam")  # a typo, corrected below
    tab.password.setText("mat-khau-lan-1")
    tab.add.click()
    qtbot.waitUntil(lambda: tab.feedback.text() == "Đã thêm tài khoản lan.")
    assert tab.password.text() == ""  # not left for the next action
    qtbot.waitUntil(lambda: tab.user_list.count() == 4)

    row = next(i for i, u in enumerate(tab.accounts) if u.username == "lan")
    tab.user_list.setCurrentRow(row)
    assert tab.full_name.text() == "Trần Thị Lam"
    tab.full_name.setText("Trần Thị Lan")
    tab.rename.click()
    qtbot.waitUntil(lambda: tab.feedback.text() == "Đã sửa họ tên của tài khoản lan.")
    assert users.get_user(context.store, "lan").full_name == "Trần Thị Lan"

    tab.reset.click()  # the field is empty: nothing is reset with a leftover password
    assert tab.feedback.text() == "Hãy nhập mật khẩu mới cho tài khoản lan trước."
    assert users.authenticate(context.store, "lan", "mat-khau-lan-1").username == "lan"
    tab.password.setText("mat-khau-moi-2")
    tab.user_list.setCurrentRow(0)  # another account chosen: the typed password is dropped
    assert tab.password.text() == ""
    tab.user_list.setCurrentRow(row)
    tab.password.setText("mat-khau-moi-2")
    tab.reset.click()
    qtbot.waitUntil(lambda: tab.feedback.text() == "Đã đặt lại mật khẩu cho tài khoản lan.")
    assert users.authenticate(context.store, "lan", "mat-khau-moi-2").username == "lan"

    tab.user_list.setCurrentRow(row)
    tab.toggle.click()
    qtbot.waitUntil(lambda: tab.feedback.text() == "Đã khóa tài khoản lan.")
    tab.username.setText("lan")
    tab.password.setText(PASSWORD)
    tab.add.click()  # a refusal is said in the same place
    qtbot.waitUntil(lambda: "đã có" in tab.feedback.text())
    context.tasks.wait_idle()


def test_an_admin_changes_the_settings_on_their_screen_and_a_supervisor_has_none(qtbot, context_for):
    from counter_app import settings

    supervisor_page = AdminPage(context_for("supervisor"))
    qtbot.addWidget(supervisor_page)
    assert supervisor_page.settings is None
    context = context_for("admin")
    page = AdminPage(context)
    qtbot.addWidget(page)
    tab = page.settings
    lock = tab.inputs[settings.LOCK_IDLE_MINUTES]
    qtbot.waitUntil(lambda: lock.value() == 5)
    assert (lock.minimum(), lock.maximum()) == (1, 240)
    lock.setValue(12)
    receipt_printer = tab.inputs[settings.printer("receipt")]
    receipt_printer.setEditText("HP-Quay-1")
    tab.profile.setCurrentIndex(tab.profile.findData("tt01-2018"))
    tab.save.click()
    qtbot.waitUntil(lambda: tab.feedback.text() != "")
    assert settings.read(context.store, settings.LOCK_IDLE_MINUTES) == 12
    assert settings.read(context.store, settings.printer("receipt")) == "HP-Quay-1"
    assert settings.read(context.store, settings.printer("control")) == ""  # the system's default, untouched
    assert office.get_office(context.store).regulation_profile == "tt01-2018"
    again_page = AdminPage(context)
    qtbot.addWidget(again_page)
    again = again_page.settings
    qtbot.waitUntil(lambda: again.inputs[settings.LOCK_IDLE_MINUTES].value() == 12)
    assert again.inputs[settings.printer("receipt")].currentText() == "HP-Quay-1"
    context.tasks.wait_idle()
