"""A dossier code the portal holds for another dossier: both versions side by side, and the way out.

The sync engine never overwrites the portal's dossier (issue 9); the conflict waits here until a
supervisor gives our dossier a new code from this counter's range, after which it is sent as a
new dossier and the citizen needs a reprinted receipt.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app import services
from counter_app.models import Dossier, Role
from sync.contract import parse_portal_time
from sync.outbox import CONFLICT_FIELDS, conflict_versions

from .context import AppContext
from .i18n import format_datetime
from .tasks import show_error


def _shown(field: str, value: Any) -> str:
    """Portal times as staff read them; everything else as the record has it."""
    text = str(value or "")
    if field.startswith("Ngay") and len(text) == 14 and text.isdigit():
        return format_datetime(parse_portal_time(text))
    return text


class ConflictDialog(QDialog):
    """Ours next to the portal's; a supervisor's "new code" button re-queues ours as a new dossier."""

    recoded = Signal(str)  # the new code

    def __init__(self, context: AppContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.code = code
        self.setWindowTitle(self.tr("Dossier code already used on the portal"))
        self.resize(820, 420)
        explanation = QLabel(self.tr(
            "The portal holds another dossier under the code {code}: two counters gave out the same code. "
            "This dossier was not sent, so nothing on the portal was overwritten. Give it a new code, reprint "
            "the receipt for the citizen, and check that every counter of the office has its own counter number "
            "(Administration → Office).").format(code=code))
        explanation.setWordWrap(True)
        self.table = QTableWidget(len(CONFLICT_FIELDS), 2)
        self.table.setHorizontalHeaderLabels([self.tr("At this counter"), self.tr("On the portal")])
        self.table.setVerticalHeaderLabels([label for _field, label in CONFLICT_FIELDS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.recode_button = QPushButton(self.tr("Give a &new code and send again"))
        allowed = context.actor.role.at_least(Role.SUPERVISOR)
        self.recode_button.setEnabled(allowed)
        if not allowed:
            self.recode_button.setToolTip(self.tr("Only a supervisor gives a dossier a new code."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.addButton(self.recode_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.recode_button.clicked.connect(self.recode)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        context.tasks.run_query(conflict_versions, context.store, code, parent=self, on_done=self._show_versions)

    def _show_versions(self, versions: tuple[dict[str, Any], dict[str, Any]]) -> None:
        for column, record in enumerate(versions):
            for row, (field, _label) in enumerate(CONFLICT_FIELDS):
                self.table.setItem(row, column, QTableWidgetItem(_shown(field, record.get(field))))

    def recode(self) -> None:
        self.recode_button.setEnabled(False)
        self.context.tasks.run_op(services.assign_new_code, self.context.store, self.context.actor, self.code,
                                  parent=self, on_done=self._recoded, on_error=self._failed)

    def _recoded(self, dossier: Dossier) -> None:
        self.recoded.emit(dossier.code)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.recode_button.setEnabled(True)
        show_error(self, exc)

