"""The app's look where Qt's default misleads a clerk.

Fusion draws a disabled field's placeholder at half-black, darker than the grey of a disabled
field's value: after a save the disabled form showed "Lý do miễn" and "Quét mã QR…" as if they had
been typed. A disabled placeholder is drawn fainter than a disabled value instead.
"""
from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

_HALF = 128  # the alpha Qt gives an enabled placeholder over its text colour


def set_up(app: QApplication) -> None:
    palette = app.palette()
    faint = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    faint.setAlpha(_HALF)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.PlaceholderText, faint)
    app.setPalette(palette)
