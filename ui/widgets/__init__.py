"""Reusable widgets of the counter screens (receive form, dossier list, detail).

Importing the package installs :mod:`ui.widgets.refcount_guard` (PySide6 6.12 workarounds)
before any screen emits a signal.
"""
from . import refcount_guard  # noqa: F401
