"""Administration (supervisor/admin): users, the office profile, the calendar overrides, the local procedure
codes to resolve and (admins) the settings.

Every change goes through counter_app's services, which check the role again; their Vietnamese
refusals are shown as they are.
"""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from counter_app.models import Role

from .admin_local_codes import LocalCodesTab
from .admin_office import CalendarTab, OfficeTab
from .admin_settings import SettingsTab
from .admin_users import UsersTab
from .context import AppContext


class AdminPage(QTabWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.users = UsersTab(context)
        self.office = OfficeTab(context)
        self.calendar = CalendarTab(context)
        self.addTab(self.users, self.tr("Users"))
        self.addTab(self.office, self.tr("Office profile"))
        self.addTab(self.calendar, self.tr("Calendar"))
        self.local_codes = LocalCodesTab(context)  # supervisors see what is held up; only administrators map
        self.addTab(self.local_codes, self.tr("Local procedure codes"))
        self.settings: SettingsTab | None = None
        if context.actor.role.at_least(Role.ADMIN):
            self.settings = SettingsTab(context)
            self.addTab(self.settings, self.tr("Settings"))
