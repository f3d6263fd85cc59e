"""Send text as key events carrying the text (qtbot.keyClicks aborts on non-ASCII)."""
from __future__ import annotations


def type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
