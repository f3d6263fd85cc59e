"""Pick a procedure by typing part of its name, without accents ("cap lai the" → "Cấp lại thẻ…").

The list keeps the catalogue's order (most used first), so the usual procedure is one Enter
away. Matching runs on folded text (counter_app.text.fold): every typed word must start a
word of the name, or the text must start the procedure code.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.models import Procedure
from counter_app.text import fold

_WORD = re.compile(r"[0-9a-z]+")
_NAVIGATION_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def matches(procedure_words: list[str], code: str, query: str) -> bool:
    """Every query word starts some word of the name; or the query starts the code."""
    words = _words(query)
    if not words:
        return True
    if code.lower().startswith(query.strip().lower()):
        return True
    return all(any(w.startswith(q) for w in procedure_words) for q in words)


class ProcedurePicker(QWidget):
    """A filter box over a list of procedures; the current list item is the chosen procedure."""

    procedureChanged = Signal(object)  # Procedure | None
    accepted = Signal()  # Enter in the filter box with a procedure chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Type part of the name, e.g. \"cap lai the\""))
        self.filter_edit.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # keys go through the filter box
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        self.setFocusProxy(self.filter_edit)
        self._procedures: list[Procedure] = []
        self._words: list[list[str]] = []
        self.filter_edit.textEdited.connect(self._apply_filter)
        self.filter_edit.installEventFilter(self)
        self.list.currentItemChanged.connect(self._on_current)

    def set_procedures(self, procedures: list[Procedure]) -> None:
        self._procedures = list(procedures)
        self._words = [_words(p.name) for p in self._procedures]
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
        for index, procedure in enumerate(self._procedures):
            if matches(self._words[index], procedure.code, text):
                item = QListWidgetItem(procedure.name)
                item.setToolTip(f"{procedure.code} — {procedure.name}")
                item.setData(Qt.ItemDataRole.UserRole, index)
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
