"""Pick a procedure by typing part of its name, without accents ("cap lai the" → "Cấp lại thẻ…").

The list is ranked by :class:`counter_app.procedure_search.ProcedureIndex`, the ranking the
command line's ``catalog find`` uses too: "khai tu" puts "khai tử" first even though "khai
sinh" is used more; usage (the catalogue's order, most used first) only breaks ties, so the
usual procedure stays one Enter away.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.models import Procedure
from counter_app.procedure_search import ProcedureIndex

_NAVIGATION_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}


class _MatchList(QListWidget):
    """Asks for five rows, not Qt's default 192 pixels: the form lays out at preferred heights
    (its wrapped labels), and the applicant and subject blocks must fit under it on a 768-pixel
    screen. Spare height still goes to the list."""

    ROWS = 110

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.ROWS)


class ProcedurePicker(QWidget):
    """A filter box over a list of procedures; the current list item is the chosen procedure."""

    procedureChanged = Signal(object)  # Procedure | None
    accepted = Signal()  # Enter in the filter box with a procedure chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Type part of the name, e.g. \"cap lai the\""))
        self.filter_edit.setClearButtonEnabled(True)
        self.list = _MatchList(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys go through the filter box
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(_MatchList.ROWS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        self.setFocusProxy(self.filter_edit)
        self._procedures: list[Procedure] = []
        self._index = ProcedureIndex([])
        self._position: dict[int, int] = {}  # id(procedure) → its row in _procedures, kept in the items
        self.filter_edit.textEdited.connect(self._apply_filter)
        self.filter_edit.installEventFilter(self)
        self.list.currentItemChanged.connect(self._on_current)

    def set_procedures(self, procedures: list[Procedure]) -> None:
        self._procedures = list(procedures)
        self._index = ProcedureIndex(self._procedures)
        self._position = {id(p): i for i, p in enumerate(self._procedures)}
        self._apply_filter(self.filter_edit.text())

    def procedures(self) -> list[Procedure]:
        return list(self._procedures)

    def current(self) -> Procedure | None:
        item = self.list.currentItem()
        return self._procedures[item.data(Qt.ItemDataRole.UserRole)] if item else None

    def select_code(self, code: str) -> bool:
        """Choose the procedure with this code (draft restore); False when it is not listed."""
        self.filter_edit.clear()
        self._apply_filter("")
        for row in range(self.list.count()):
            item = self.list.item(row)
            if self._procedures[item.data(Qt.ItemDataRole.UserRole)].code == code:
                self.list.setCurrentItem(item)
                return True
        return False

    def clear_choice(self) -> None:
        self.filter_edit.clear()
        self._apply_filter("")
        self.list.setCurrentItem(None)

    def _apply_filter(self, text: str) -> None:
        chosen = self.current()
        self.list.blockSignals(True)
        self.list.clear()
        for hit in self._index.find(text):
            item = QListWidgetItem(hit.procedure.name)
            item.setToolTip(f"{hit.procedure.code} — {hit.procedure.name}")
            item.setData(Qt.ItemDataRole.UserRole, self._position[id(hit.procedure)])
            self.list.addItem(item)
        if text.strip() and self.list.count():
            self.list.setCurrentRow(0)  # typing picks the best match; arrows move from there
        else:
            keep = next(
                (r for r in range(self.list.count())
                 if chosen and self._procedures[self.list.item(r).data(Qt.ItemDataRole.UserRole)] is chosen),
                -1,
            )
            self.list.setCurrentRow(keep)
        self.list.blockSignals(False)
        if self.current() is not chosen:
            self.procedureChanged.emit(self.current())

    def _on_current(self, *_args: object) -> None:
        self.procedureChanged.emit(self.current())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is getattr(self, "filter_edit", None) and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in _NAVIGATION_KEYS:
                step = _NAVIGATION_KEYS[key_event.key()]
                count = self.list.count()
                if count:
                    row = self.list.currentRow()
                    self.list.setCurrentRow(min(count - 1, max(0, (row if row >= 0 else -1) + step)))
                return True
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current() is not None:
                self.accepted.emit()
                return True
        return super().eventFilter(watched, event)
