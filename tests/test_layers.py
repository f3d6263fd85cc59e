"""The packages point one way (ARCHITECTURE §1, practice 14): the command line composes the GUI,
the GUI uses sync and printing, those use the core, and nothing imports upwards.

The contract lives in ``pyproject.toml`` ([tool.importlinter]); ``lint-imports`` checks it here
so that a new upward import fails the tests instead of waiting for a reviewer.
"""
from __future__ import annotations

import os
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_packages_import_only_downwards(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(os.fspath(ROOT))
    assert lint_imports(config_filename=os.fspath(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0
