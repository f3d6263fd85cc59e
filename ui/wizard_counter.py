"""The set-up wizard's page for a counter joining an office that is set up already.

The office profile and its administrators are on the server; this counter only takes its
number (1–99), the first free one offered. A number another counter of the office uses is
refused (see :mod:`counter_app.counter_numbers`).
"""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWizardPage

from counter_app import counter_numbers
from counter_app.codes import COUNTER_NUMBERS
from counter_app.errors import CounterError

from .db_choice import installation_id
from .office_form import ERROR_STYLE


class CounterNumberPage(QWizardPage):
    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        self.settings = settings
        self.setTitle(self.tr("This counter"))
        self.setSubTitle(self.tr("The office and its administrators are on the server already. This counter only"
                                 " needs its number: it is part of the dossier codes and receipt books it issues."))
        self.number = QSpinBox()
        self.number.setRange(COUNTER_NUMBERS.start, COUNTER_NUMBERS.stop - 1)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Counter number"), self.number)
        form.addRow(self.message)

    def initializePage(self) -> None:
        free = counter_numbers.free_numbers(self.wizard().store, installation_id(self.settings))
        if free:
            self.number.setValue(free[0])

    def nextId(self) -> int:
        return -1

    def validatePage(self) -> bool:
        wizard = self.wizard()
        try:
            counter_numbers.claim(wizard.store, self.number.value(), installation_id(self.settings))
        except CounterError as exc:
            self.message.setText(str(exc))
            return False
        except Exception as exc:  # the server went away meanwhile
            self.message.setText(self.tr("The number could not be saved: {reason}").format(
                reason=(str(exc).strip().splitlines() or [type(exc).__name__])[0]))
            return False
        wizard.counter_no = self.number.value()
        return True
