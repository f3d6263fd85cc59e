"""counter_app, sync and printing work with PySide6 absent (ARCHITECTURE §1, practice 1)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BLOCK_QT = """
import importlib, pkgutil, sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is not available in this test")
        return None
sys.meta_path.insert(0, NoQt())
for package in ("counter_app", "sync", "printing"):
    module = importlib.import_module(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        if info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)
assert not any(m.startswith("PySide6") for m in sys.modules)
print("ok")
"""


def test_core_packages_import_without_qt():
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, "-c", BLOCK_QT], cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
