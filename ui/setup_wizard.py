"""First start: the office profile, then the first administrator, saved together at the end."""
from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizard, QWizardPage

from counter_app import office as office_profile
from counter_app import users
from counter_app.errors import CounterError
from counter_app.models import Office, Role
from counter_app.store import Store

from .office_form import ERROR_STYLE, OfficeForm


class OfficePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Office"))
        self.setSubTitle(self.tr("Who receives dossiers here: printed on every receipt and sent to the portal."))
        self.form = OfficeForm()
        QVBoxLayout(self).addWidget(self.form)
        self.result: Office | None = None

    def validatePage(self) -> bool:
        self.result = self.form.office()
        return self.result is not None


class AdminAccountPage(QWizardPage):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("This account adds the counter staff and supervisors."))
        self.username = QLineEdit("admin")
        self.full_name = QLineEdit()
        self.password = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Full name"), self.full_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Repeat password"), self.repeat)
        form.addRow(self.message)
        self.office: Office | None = None

    def validatePage(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.message.setText(self.tr("The two passwords differ."))
            return False
        if self.office is None:
            return False
        try:
            office_profile.save_office(self.store, self.office, by=None)
            users.create_user(self.store, username=self.username.text().strip(), full_name=self.full_name.text().strip(),
                              role=Role.ADMIN, password=self.password.text(), by=None)
        except CounterError as exc:
            self.message.setText(str(exc))
            return False
        return True


class SetupWizard(QWizard):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Quầy Một Cửa — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.office_page = OfficePage()
        self.admin_page = AdminAccountPage(store)
        self.addPage(self.office_page)
        self.addPage(self.admin_page)
        # Qt ships no Vietnamese for the wizard's own buttons, so they are named here.
        for button, text in ((QWizard.WizardButton.BackButton, self.tr("< &Back")),
                             (QWizard.WizardButton.NextButton, self.tr("&Next >")),
                             (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)
        self.currentIdChanged.connect(self._carry_office)
        self.resize(720, 560)

    def _carry_office(self, _page_id: int) -> None:
        self.admin_page.office = self.office_page.result


def run_setup_wizard(store: Store) -> bool:
    """Show the wizard; True when the office and its first administrator were saved."""
    return bool(SetupWizard(store).exec())
