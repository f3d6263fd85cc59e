"""Where scanned pages come from: the seam between the capture dialog and a scanner.

A source hands over the page files a scan produced, oldest first (the order the pages went
through the scanner). Two sources exist: the folder most counters' scanners save into
(``FolderSource``), and a scanner driven through SANE on Linux (``counter_app.sane_source.SaneSource``,
when python-sane is installed), which writes each page to a private temporary folder. A Windows
source (WIA or TWAIN) would implement the same ``take``; it is not built (README, "Số hóa").
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .errors import ValidationError

SCAN_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})
LOOKBACK_SECONDS = 10 * 60  # a scan made up to this long before the capture began is still offered
MAX_PAGES_TAKEN = 200  # attachments.MAX_FILES: one capture never holds more


class PageSource(Protocol):
    def take(self) -> list[Path]:
        """The pages scanned since the last take, oldest first (none: an empty list)."""
        ...


@dataclass
class FolderSource:
    """The newest files of the scanner's folder: those saved since the capture began (less
    ``LOOKBACK_SECONDS``, for a paper scanned just before), each offered once per capture."""

    folder: Path
    since: float = field(default_factory=lambda: time.time() - LOOKBACK_SECONDS)
    taken: set[Path] = field(default_factory=set)

    def take(self) -> list[Path]:
        if not self.folder.is_dir():
            raise ValidationError("Không tìm thấy thư mục máy quét: hãy chọn lại thư mục.")
        found = []
        for path in self.folder.iterdir():
            if path.suffix.lower() in SCAN_SUFFIXES and path not in self.taken and path.is_file():
                modified = path.stat().st_mtime
                if modified >= self.since:
                    found.append((modified, path.name, path))
        pages = [path for _m, _n, path in sorted(found)][-MAX_PAGES_TAKEN:]
        self.taken.update(pages)
        return pages
