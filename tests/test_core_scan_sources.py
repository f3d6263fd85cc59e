"""The scanner's folder: the pages saved since the capture began, oldest first, each offered once."""
from __future__ import annotations

import os
import time

import pytest

from counter_app.errors import ValidationError
from counter_app.scan_sources import LOOKBACK_SECONDS, FolderSource


def _saved(folder, name: str, seconds_ago: float):
    path = folder / name
    path.write_bytes(b"scan")
    stamp = time.time() - seconds_ago
    os.utime(path, (stamp, stamp))
    return path


def test_new_scans_come_in_scan_order_once_and_old_or_foreign_files_stay(tmp_path):
    _saved(tmp_path, "yesterday.png", 24 * 3600)
    _saved(tmp_path, "notes.txt", 5)
    second = _saved(tmp_path, "a-second.jpg", 20)
    first = _saved(tmp_path, "z-first.pdf", 30)
    source = FolderSource(tmp_path)
    assert source.take() == [first, second]
    assert source.take() == []
    third = _saved(tmp_path, "scan-0003.TIF", 0)
    assert source.take() == [third]


def test_the_lookback_offers_a_paper_scanned_just_before_the_capture(tmp_path):
    just_before = _saved(tmp_path, "scan.png", LOOKBACK_SECONDS - 60)
    assert FolderSource(tmp_path).take() == [just_before]


def test_a_missing_folder_says_so(tmp_path):
    with pytest.raises(ValidationError, match="thư mục máy quét"):
        FolderSource(tmp_path / "gone").take()
