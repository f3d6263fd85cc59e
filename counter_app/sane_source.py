"""Pages from a document scanner through SANE (Linux), behind the capture's ``PageSource`` seam.

``python-sane`` is an optional extra (``pip install '.[scanner]'``): it is imported only when a
scanner is asked for, so the counter runs, and takes files and folder scans, without it.

Why these defaults: 200 dpi colour, each page a JPEG (quality 85). 200 dpi is the floor the State
Records rules set for digitised paper (Circular 02/2019/TT-BNV: colour, at least 200 dpi, PDF) and
keeps small print and stamps legible; colour keeps red seals and signatures. An A4 page is then
about 1654 × 2339 pixels, 11 MB raw but some 0.3–0.8 MB as a JPEG (an estimate), which img2pdf embeds without
re-encoding (``page_pdf``): 25 pages or more fit the portal's 20 MiB a file, where 300 dpi would
more than double each page and PNG would be 5–10× larger for a colour page. Grey (``colour=False``)
is for plain typed text, about a third of the colour size.

SANE itself is not thread-safe and reads its configuration (``SANE_CONFIG_DIR``, ``dll.conf``) at
``sane_init``: every use runs under one lock between ``init`` and ``exit``, so a scanner plugged
in after the app started is found at the next listing. Trainers and the tests use SANE's own
``test`` backend (a virtual scanner, ``test:0``) through a private ``SANE_CONFIG_DIR`` (README).
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
import shutil
import signal
import tempfile
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ValidationError
from .scan_sources import MAX_PAGES_TAKEN

DEFAULT_DPI = 200
JPEG_QUALITY = 85
NO_PYTHON_SANE = "Máy tính này chưa cài gói python-sane: không quét trực tiếp được; hãy lấy ảnh từ thư mục máy quét."
NO_SCANNER = "Không tìm thấy máy quét nào: hãy kiểm tra cáp và nguồn của máy quét rồi thử lại."
NOT_FOUND = "Không tìm thấy máy quét đã chọn: hãy cắm lại máy hoặc chọn máy quét khác."
_FEEDER_EMPTY = "Document feeder out of documents"
# sane_strstatus() texts (SANE 1.x, untranslated), as python-sane raises them, and what staff should do.
_STATUS_MESSAGES = {
    "Device busy": "Máy quét đang bận (một chương trình khác đang dùng): hãy thử lại sau.",
    "Document feeder jammed": "Giấy bị kẹt trong khay nạp: hãy gỡ giấy kẹt rồi quét lại.",
    _FEEDER_EMPTY: "Khay nạp giấy trống: hãy đặt giấy vào rồi quét lại.",
    "Scanner cover is open": "Nắp máy quét đang mở: hãy đóng nắp rồi quét lại.",
    "Error during device I/O": "Lỗi khi đọc máy quét: hãy kiểm tra cáp và nguồn rồi quét lại.",
    "Access to resource has been denied": "Tài khoản máy tính này không có quyền dùng máy quét: hãy báo quản trị.",
    "Out of memory": "Không đủ bộ nhớ để quét: hãy quét ít trang hơn hoặc độ phân giải thấp hơn.",
    "Operation was canceled": "Đã hủy lần quét.",
    # sane_open() of a name no backend knows: the device was unplugged or the name is wrong.
    "Invalid argument": NOT_FOUND,
    "Operation not supported": NOT_FOUND,
}
_FEEDER_WORDS = ("feeder", "adf")
_sane_lock = threading.Lock()


def available() -> bool:
    """Whether python-sane is installed (the capture offers "Quét ngay" only then)."""
    return importlib.util.find_spec("sane") is not None


@dataclass(frozen=True)
class ScannerDevice:
    """A scanner as SANE names it: ``name`` opens it; vendor and model are what staff recognise."""

    name: str
    vendor: str
    model: str

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model} ({self.name})"


def scanner_error(exc: Exception) -> ValidationError:
    """The Vietnamese refusal for a SANE failure (never its raw text, which may name a device path)."""
    text = _STATUS_MESSAGES.get(str(exc), "Máy quét báo lỗi: hãy kiểm tra máy quét rồi quét lại.")
    return ValidationError(text)


@contextmanager
def _sigpipe_kept() -> Iterator[None]:
    """SIGPIPE's disposition as it was. SANE's reader threads (sanei_thread, used by the test backend and
    many drivers) set it to "terminate" when they end; Python ignores it so that a write to a closed
    socket is an error: without this, the sync's next dropped connection killed the whole app. libc's
    own call, because Python's ``signal.signal`` works only on the main thread and scans run on a worker."""
    libc = ctypes.CDLL(None)
    libc.signal.restype = ctypes.c_void_p
    libc.signal.argtypes = (ctypes.c_int, ctypes.c_void_p)
    ignore = ctypes.c_void_p(1)  # SIG_IGN
    before = libc.signal(signal.SIGPIPE, ignore)
    try:
        yield
    finally:
        libc.signal(signal.SIGPIPE, before)  # None: SIG_DFL, as it was


@contextmanager
def _sane_session() -> Iterator[Any]:
    """The ``sane`` module between init and exit, one user at a time; its failures as Vietnamese refusals."""
    if not available():
        raise ValidationError(NO_PYTHON_SANE)
    import sane

    with _sane_lock, _sigpipe_kept():
        try:
            sane.init()
            try:
                yield sane
            finally:
                sane.exit()
        except (sane._sane.error, RuntimeError) as exc:  # RuntimeError: python-sane's "Scanner returned no data"
            raise scanner_error(exc) from None


def devices() -> list[ScannerDevice]:
    """The scanners SANE finds now (none: an empty list)."""
    with _sane_session() as sane:
        return [ScannerDevice(name, vendor, model) for name, vendor, model, _kind in sane.get_devices()]


def default_device(remembered: str) -> str:
    """The device to scan from: the one remembered (settings.SCANNER_DEVICE), else the first SANE finds."""
    if remembered:
        return remembered
    found = devices()
    if not found:
        raise ValidationError(NO_SCANNER)
    return found[0].name


def _choice(option: Any, words: tuple[str, ...]) -> str | None:
    """The first value of a string option's list that holds one of ``words`` (backends name modes and sources freely)."""
    values = option.constraint if isinstance(option.constraint, list) else []
    return next((value for value in values if isinstance(value, str) and any(w in value.lower() for w in words)), None)


def _nearest(option: Any, wanted: int) -> float:
    """The resolution the device offers closest to ``wanted`` (a list of values or a range)."""
    constraint = option.constraint
    if isinstance(constraint, list) and constraint:
        return min(constraint, key=lambda value: abs(value - wanted))
    if isinstance(constraint, tuple):
        low, high, _step = constraint
        return max(low, min(high, wanted))
    return wanted


def _settable(device: Any, name: str) -> Any | None:
    option = device.opt.get(name)
    return option if option is not None and option.is_active() and option.is_settable() else None


@dataclass
class SaneSource:
    """Scans from one SANE device into a private folder (0700, pages 0600) that ``close`` removes
    (or, failing that, the source's collection or the end of the process).

    A take scans ``pages`` sheets through the document feeder where the device has one (``None``:
    until the feeder is empty), else the one page on the glass.
    """

    device: str
    pages: int | None = None
    dpi: int = DEFAULT_DPI
    colour: bool = True
    folder: Path | None = None  # made at the first page, so a failed scan leaves nothing behind
    scanned: int = 0
    _removal: weakref.finalize | None = field(default=None, init=False, repr=False)

    def take(self) -> list[Path]:
        with _sane_session() as sane:
            scanner = sane.open(self.device)
            try:
                feeder, dpi = self._configure(scanner)
                images = self._scan(scanner, feeder)
            finally:
                scanner.close()
        return [self._write(image, dpi) for image in images]

    def _configure(self, scanner: Any) -> tuple[bool, float]:
        """Mode, depth, resolution and source as far as the device has them: whether it feeds sheets, and its dpi."""
        if mode := _settable(scanner, "mode"):
            chosen = _choice(mode, ("color", "colour") if self.colour else ("gray", "grey"))
            if chosen:
                scanner.mode = chosen
        if (depth := _settable(scanner, "depth")) and 8 in (depth.constraint or []):
            scanner.depth = 8  # python-sane reads 8-bit samples; 16-bit ones would double the size for nothing
        dpi: float = self.dpi
        if resolution := _settable(scanner, "resolution"):
            dpi = _nearest(resolution, self.dpi)
            scanner.resolution = dpi
        source = _settable(scanner, "source")
        feeder = _choice(source, _FEEDER_WORDS) if source else None
        if source and feeder:
            scanner.source = feeder
        return feeder is not None, dpi

    def _scan(self, scanner: Any, feeder: bool) -> list[Any]:
        """The sheets, one ``start`` each, until ``pages`` or an empty feeder (python-sane's own
        ``multi_scan`` cancels from a finaliser, which can run after ``sane_exit`` and crash)."""
        if not feeder:
            return [scanner.scan()]
        images: list[Any] = []
        try:
            while len(images) < min(self.pages or MAX_PAGES_TAKEN, MAX_PAGES_TAKEN):
                try:
                    scanner.start()
                except Exception as exc:  # python-sane's error class, with SANE's status text
                    if str(exc) == _FEEDER_EMPTY and images:
                        break
                    raise
                images.append(scanner.snap(no_cancel=True))
        finally:
            scanner.cancel()  # ends the batch: the feeder stops, the device is free for the next take
        return images

    def _write(self, image: Any, dpi: float) -> Path:
        """One page as a JPEG only this account can read, named in scan order."""
        if self._removal is None or not self._removal.alive:
            self.folder = Path(tempfile.mkdtemp(prefix="counter-scan-"))  # 0700
            # at close, or when the source is dropped or the app ends without closing it
            self._removal = weakref.finalize(self, shutil.rmtree, self.folder, True)
        self.scanned += 1
        path = self.folder / f"trang-{self.scanned:03d}.jpg"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            image.save(out, "JPEG", quality=JPEG_QUALITY, dpi=(dpi, dpi))
        return path

    def close(self) -> None:
        """Remove the scanned pages: once attached they live in the store; unattached they are not kept."""
        if self._removal is not None:
            self._removal()

    def __enter__(self) -> SaneSource:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
