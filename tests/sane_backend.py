"""SANE's ``test`` backend as the tests' virtual scanner ("test:0", generated pages), never /etc/sane.d.

SANE reads ``SANE_CONFIG_DIR`` once per process, at its first ``sane_init``, and keeps it: the
variable is set here, when pytest collects the modules that import this one (before any test
runs), to a private folder whose ``dll.conf`` lists only ``test``. ``scanner_config`` writes
another such folder, with a ``test.conf`` making the device fail, for a command run in a child
process.
"""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from counter_app import sane_source


def scanner_config(folder: Path, **test_conf: str) -> Path:
    """A SANE configuration folder with the ``test`` backend only (``test_conf``: its test.conf settings)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dll.conf").write_text("test\n")
    (folder / "test.conf").write_text("".join(f'{key} "{value}"\n' for key, value in test_conf.items()))
    return folder


_CONFIG = scanner_config(Path(tempfile.mkdtemp(prefix="sane-test-config-")))
atexit.register(shutil.rmtree, _CONFIG, ignore_errors=True)
os.environ.setdefault("SANE_CONFIG_DIR", str(_CONFIG))


def require_test_scanner() -> None:
    """Skip (saying why) where python-sane or SANE's test backend is missing."""
    if not sane_source.available():
        pytest.skip("python-sane is not installed (pip install '.[scanner]', needs libsane-dev)")
    if "test:0" not in [device.name for device in sane_source.devices()]:
        pytest.skip("SANE's test backend (libsane1) is not installed, or SANE_CONFIG_DIR points elsewhere")
