"""Alt+letter keys in a window: which widget claims which letter, to find clashes."""
from __future__ import annotations

import unicodedata
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget


def _letter(text: str) -> str | None:
    i = 0
    while (i := text.find("&", i)) != -1 and i + 1 < len(text):
        if text[i + 1] != "&":
            return unicodedata.normalize("NFD", text[i + 1].lower())[0]
        i += 2
    return None


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Letter → the texts that claim it, among what the user can see and use in ``window`` now."""
    claims: dict[str, list[str]] = defaultdict(list)

    def claim(text: str) -> None:
        if (letter := _letter(text)) is not None:
            claims[letter].append(text)

    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window) or not widget.isEnabled():
            continue
        if isinstance(widget, QAbstractButton):
            claim(widget.text())
        elif isinstance(widget, QLabel) and widget.buddy() is not None and widget.buddy().isVisibleTo(window):
            claim(widget.text())
        elif isinstance(widget, QGroupBox):
            claim(widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                claim(widget.tabText(i))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                claim(action.text())
    return dict(claims)


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in mnemonics(window).items() if len(texts) > 1}
