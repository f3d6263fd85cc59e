"""One log per installation (Electrum's ``logging.py``): a rotating file beside the database.

Configured once at start-up by the command line, for the GUI and every command alike, so a
problem at a counter leaves a trace the administrator can send. The file rotates at 1 MiB and
keeps 5 old files. No personal data: the app's own log lines name codes, counts and exception
types only, and a traceback is written with its frames and its exception's type but never its
message (a message may quote a name or an ID typed by a clerk).
"""
from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from . import safe_files

LOG_FILE = "counter-app.log"
MAX_BYTES = 1024 * 1024
KEEP_FILES = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


class _NoMessageFormatter(logging.Formatter):
    """Tracebacks with where (file, line, function) and what (the type), without the exception's text
    or the source lines, either of which may carry what a clerk typed."""

    def format(self, record: logging.LogRecord) -> str:
        cached, record.exc_text = record.exc_text, None  # another handler's full traceback is not reused
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: ExcInfo) -> str:
        kind, _exc, tb = ei
        frames = "".join(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n' for f in traceback.extract_tb(tb))
        return f"Traceback (most recent call last):\n{frames}{kind.__name__ if kind else 'Exception'}"


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Log files are owner-only, like every other file the app writes."""

    def _open(self):  # type: ignore[no-untyped-def]
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def configure(folder: Path, *, level: int = logging.INFO) -> Path:
    """Send the root logger to ``folder/counter-app.log``; called again (tests, a second ``main``), it
    replaces its own handler rather than adding another. Returns the file's path."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _PrivateRotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    safe_files.private_dir(Path(folder))
    path = Path(folder) / LOG_FILE
    handler = _PrivateRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP_FILES, encoding="utf-8")
    handler.setFormatter(_NoMessageFormatter(FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path
