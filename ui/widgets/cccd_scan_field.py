"""The "Quét CCCD" field: a USB QR scanner types the chip card's QR text and presses Enter.

Scanners type fast and end with CR, CR-LF or LF (which arrive as one or two Enter keys);
the field reads its text on the first Enter, ignores an empty second one, and reports
either the parsed card or the parser's Vietnamese message. The raw text (personal data) is
cleared at once and never kept.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from counter_app.ids import CccdQr, parse_cccd_qr


class CccdScanField(QLineEdit):
    scanned = Signal(object)  # CccdQr
    scanFailed = Signal(str)  # Vietnamese message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Scan the QR code on the citizen identity card"))
        self.returnPressed.connect(self._read)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Some scanners send LF as Ctrl+J or as a bare "\n" text key: treat it as Enter.
        if event.text() in ("\r", "\n") or (
            event.key() == Qt.Key.Key_J and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._read()
            return
        super().keyPressEvent(event)

    def _read(self) -> None:
        text = self.text()
        if not text.strip():
            return  # the LF after a CR, or Enter on an empty field
        self.clear()
        try:
            card: CccdQr = parse_cccd_qr(text)
        except ValueError as exc:
            self.scanFailed.emit(str(exc))
            return
        self.scanned.emit(card)
