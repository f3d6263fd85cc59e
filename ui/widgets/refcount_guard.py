"""Work around PySide6 6.12's missing references to None/True/False under CPython 3.11.

Measured in this project's virtualenv (PySide6-Essentials 6.12.0, Python 3.11.7): every
PySide6 call that returns ``None`` (``setText``, ``show``, ``processEvents``, a model's
``data()`` returning ``None`` to C++ …) and every ``Signal.emit()`` (which returns ``True``)
takes one reference away from the singleton without having given it. The binaries behave as
if built for Python 3.12+, where these objects are immortal and their reference counts are
never touched. On 3.11, after some thousands of calls, the count reaches zero and the
interpreter aborts ("Fatal Python error: none_dealloc" / "bool_dealloc").

:func:`install` probes for the bug and, only if present, gives the singletons the large
reference count that Python 3.12 gives them (2**48: decades of calls before it could run
out). The singletons are never freed anyway, so nothing else changes. Import this module
before any other Qt work in the process (``ui.widgets`` does it on import).
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBES = 16
_MARGIN = 1 << 48
_SINGLETONS = (None, True, False, NotImplemented, Ellipsis)
installed = False
bug_found = False


class _Probe(QObject):
    fired = Signal()


def _calls_lose_references() -> bool:
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.setObjectName("probe")  # returns None
        probe.fired.emit()  # returns True
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    return lost_none >= _PROBES // 2 or lost_true >= _PROBES // 2


def install() -> None:
    """Probe once per process and make the singletons effectively immortal if needed."""
    global installed, bug_found
    if installed:
        return
    installed = True
    if sys.version_info >= (3, 12):
        return  # immortal already
    bug_found = _calls_lose_references()
    if bug_found:
        for singleton in _SINGLETONS:
            ctypes.c_ssize_t.from_address(id(singleton)).value += _MARGIN


install()
