"""One PDF per paper from scanned pages: images and PDFs, in the order given, each turned as staff turned it.

Why img2pdf and pikepdf (not Pillow or reportlab): img2pdf wraps a JPEG's or PNG's data in the
PDF as it is, without decoding and re-encoding it, so a 300 dpi scan keeps its quality and its
size and the conversion costs almost nothing; pikepdf (qpdf) joins those pages with the pages of
PDFs the scanner or the citizen brought, untouched. A rotation is the page's ``/Rotate`` entry,
so turning a page never re-encodes it either. The one exception: an image with an alpha channel
(which PDF images cannot carry as img2pdf does) is flattened on white by Pillow first.

The result is plain PDF 1.x, not PDF/A: PDF/A needs every font of an incoming PDF embedded
and an output intent, which a citizen's PDF cannot be trusted to allow (README, "Attachments").
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import img2pdf
import pikepdf
from PIL import Image

from .errors import ValidationError

ROTATIONS = (0, 90, 180, 270)


@dataclass(frozen=True)
class Page:
    """One file of a capture (an image is one page, a PDF all of its pages), turned clockwise by ``rotation``."""

    path: Path
    rotation: int = 0

    def turned(self) -> Page:
        """The same file turned a further 90° clockwise."""
        return Page(self.path, (self.rotation + 90) % 360)


def _image_pdf(data: bytes) -> bytes:
    try:
        return img2pdf.convert(data)
    except img2pdf.AlphaChannelError:
        return img2pdf.convert(_flattened(data))


def _flattened(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, format="PNG")
    return out.getvalue()


def _open(data: bytes, number: int) -> pikepdf.Pdf:
    """The file's pages as a PDF; a file that cannot be read is refused by its position, never its name."""
    try:
        return pikepdf.open(io.BytesIO(data if data.startswith(b"%PDF-") else _image_pdf(data)))
    except (pikepdf.PdfError, img2pdf.ImageOpenError, OSError, ValueError) as exc:
        raise ValidationError(f"Tệp thứ {number} hỏng hoặc không đọc được ({type(exc).__name__}).") from exc
    except Exception as exc:  # img2pdf raises its own exceptions for odd images (colour spaces, sizes)
        raise ValidationError(f"Tệp thứ {number} không chuyển được sang PDF ({type(exc).__name__}).") from exc


def page_count(data: bytes) -> int | None:
    """How many pages a stored file holds (an image is one); None when it cannot be read."""
    if not data.startswith(b"%PDF-"):
        return 1
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return len(pdf.pages)
    except pikepdf.PdfError:
        return None


def build_pdf(pages: Sequence[Page], contents: Sequence[bytes]) -> bytes:
    """``contents[i]`` is the bytes of ``pages[i]``: one PDF of every page, in order, each with its rotation."""
    if not pages:
        raise ValidationError("Chưa có trang nào.")
    result = pikepdf.new()
    sources = []  # kept open until the result is written: its pages still refer to them
    for number, (page, data) in enumerate(zip(pages, contents, strict=True), start=1):
        if page.rotation not in ROTATIONS:
            raise ValidationError("Chỉ xoay được 90°, 180° hoặc 270°.")
        source = _open(data, number)
        sources.append(source)
        for item in source.pages:
            result.pages.append(item)
            if page.rotation:
                result.pages[-1].rotate(page.rotation, relative=True)
    out = io.BytesIO()
    result.save(out)
    for source in sources:
        source.close()
    return out.getvalue()
