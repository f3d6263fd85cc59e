"""A line edit that checks itself when it loses focus and shows the message under itself.

Counter staff must hear about a mistyped ID while the citizen is still at the counter, so
each field runs the same counter_app parser the service will run (their ``ValueError``
messages are Vietnamese already) as soon as the cursor leaves it.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from counter_app.limits import FieldLimit

Check = Callable[[str], object]

INVALID_STYLE = "QLineEdit { border: 2px solid #c62828; border-radius: 3px; padding: 1px; }"
ERROR_LABEL_STYLE = "color: #c62828;"


def grid_rows_widget(parent: QWidget) -> QGridLayout:
    """The grid of the papers and fees editors: no margins, the name column stretches."""
    grid = QGridLayout(parent)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setColumnStretch(1, 1)
    return grid


def clear_grid_rows(grid: QGridLayout, rows: list[tuple[QWidget, ...]]) -> None:
    """Take the widgets of ``rows`` out of ``grid`` and out of the focus chain at once
    (``deleteLater`` alone leaves them tabbable until the next event loop)."""
    for widgets in rows:
        for widget in widgets:
            grid.removeWidget(widget)
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
    rows.clear()


def add_grid_row(grid: QGridLayout, row: int, widgets: tuple[QWidget, ...], *, first_column: int = 0,
                 last_span: int = 1) -> None:
    """Add and show at once: a layout shows new children only at the next event loop."""
    for offset, widget in enumerate(widgets):
        span = last_span if offset == len(widgets) - 1 else 1
        grid.addWidget(widget, row, first_column + offset, 1, span)
        widget.show()


def error_label(parent: QWidget | None = None) -> QLabel:
    """A red message that wraps: refusals (lock-out, keyring) are sentences, never cut off at the edge."""
    label = QLabel(parent)
    label.setStyleSheet(ERROR_LABEL_STYLE)
    label.setWordWrap(True)
    return label


def mark_invalid(widget: QWidget, message: str, label: QLabel) -> None:
    """Red border on ``widget`` and ``message`` in ``label`` (hidden when the message is empty)."""
    widget.setStyleSheet(INVALID_STYLE if message else "")
    widget.setProperty("invalid", bool(message))
    label.setText(message)
    label.setVisible(bool(message))


class CheckedLineEdit(QWidget):
    """A QLineEdit with an error label under it; ``check`` raises ValueError on bad input.

    Empty text is valid unless ``required``; the caller decides what a required field says.
    ``limit`` stops typing (and pasting) at the length the receive service accepts.
    """

    edited = Signal()

    def __init__(self, *, limit: FieldLimit, check: Check | None = None, required_message: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.required_message = required_message
        self.edit = QLineEdit(self)
        self.edit.setMaxLength(limit.max_length)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet(ERROR_LABEL_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(self.edit)
        layout.addWidget(self.error_label)
        self.setFocusProxy(self.edit)
        self.edit.installEventFilter(self)
        self.edit.textEdited.connect(self._on_edited)

    # The line edit's own API, for callers and tests.
    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)
        self.clear_error()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is getattr(self, "edit", None) and event.type() == QEvent.Type.FocusOut:
            self.validate()
        return super().eventFilter(watched, event)

    def _on_edited(self, _text: str) -> None:
        if self.error_label.isVisible():
            self.clear_error()
        self.edited.emit()

    def clear_error(self) -> None:
        mark_invalid(self.edit, "", self.error_label)

    def show_error(self, message: str) -> None:
        mark_invalid(self.edit, message, self.error_label)

    def error(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""

    def validate(self) -> bool:
        """Check the text now; shows or clears the message and returns whether it is valid."""
        text = self.edit.text().strip()
        message = ""
        if not text:
            message = self.required_message
        elif self.check is not None:
            try:
                self.check(text)
            except ValueError as exc:
                message = str(exc)
        if message:
            self.show_error(message)
        else:
            self.clear_error()
        return not message
