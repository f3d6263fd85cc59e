"""A list to pick from by typing without diacritics: "ha noi" offers "Thành phố Hà Nội".

Leaving the field (Tab, Enter) takes the first match when what was typed is not a name of
the list, so a keyboard user types a few letters and moves on.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QWidget

from counter_app.text import fold


class _FoldedFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = ""

    def set_query(self, text: str) -> None:
        self.query = fold(text)
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        if not self.query:
            return True
        name = self.sourceModel().index(row, 0, parent).data() or ""
        return self.query in fold(name)


class FoldedChoice(QComboBox):
    chosen = Signal(str)  # the field settled on a different name of the list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._names: list[str] = []
        self._settled = ""
        self._source = QStringListModel(self)
        self._filter = _FoldedFilter(self)
        self._filter.setSourceModel(self._source)
        completer = QCompleter(self._filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().returnPressed.connect(self.settle)
        self.activated.connect(lambda _i: self.settle())
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def set_names(self, names: list[str], current: str = "") -> None:
        self._names = list(names)
        self.blockSignals(True)
        self.clear()
        self.addItems(self._names)
        self._source.setStringList(self._names)
        self.setCurrentIndex(self._names.index(current) if current in self._names else -1)
        self.setEditText(current)
        self._settled = current if current in self._names else ""
        self.blockSignals(False)

    def value(self) -> str:
        """The chosen name, or "" when the text is not one of the list."""
        text = self.currentText().strip()
        return text if text in self._names else ""

    def _typed(self, text: str) -> None:
        self._filter.set_query(text)
        if text.strip():
            self.completer().complete()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving the field (Tab, a click elsewhere) settles on a name; the completer hides focus-outs."""
        if old in (self, self.lineEdit()) and new not in (self, self.lineEdit(), self.completer().popup()):
            self.settle()

    def settle(self) -> None:
        text = self.currentText().strip()
        if text and text not in self._names:
            query = fold(text)
            match = next((name for name in self._names if query in fold(name)), "")
            if match:
                self.setCurrentIndex(self._names.index(match))
                self.setEditText(match)
        if self.value() and self.value() != self._settled:
            self._settled = self.value()
            self.chosen.emit(self._settled)
