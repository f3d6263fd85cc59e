"""One PDF per paper from scanned pages: images and PDFs, in the order given, each turned as staff turned it.

Why img2pdf and pikepdf (not Pillow or reportlab): img2pdf wraps a JPEG's or PNG's data in the
PDF as it is, without decoding and re-encoding it, so a 300 dpi scan keeps its quality and its
size and the conversion costs almost nothing; pikepdf (qpdf) joins those pages with the pages of
PDFs the scanner or the citizen brought, untouched. A rotation is the page's ``/Rotate`` entry,
so turning a page never re-encodes it either. The one exception: an image with an alpha channel
(which PDF images cannot carry as img2pdf does) is flattened on white by Pillow first.

A capture of images only is PDF/A-1b (ISO 19005-1, for long-term keeping): img2pdf writes the
images, an sRGB output intent and the XMP metadata that declares it in one go, and the turns are
added after as ``/Rotate`` entries, which PDF/A allows. The profile is the free sRGB one Debian
ships (``icc-profiles-free``; the Makefile installs it); the byte-identical copy inside pikepdf's
wheel serves where that package is not (Windows); with neither, the capture is plain PDF. A
capture holding a PDF the citizen or a scanner brought stays plain PDF: PDF/A needs every font
of that PDF embedded and its colours tied to an output intent, which nothing guarantees for a
file made elsewhere, and converting it would change the very document kept as its copy.
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
SRGB_PROFILES = (  # the first one present is the PDF/A output intent (the same file)
    Path("/usr/share/color/icc/sRGB.icc"),
    Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc",
)


@dataclass(frozen=True)
class Page:
    """One file of a capture (an image is one page, a PDF all of its pages), turned clockwise by ``rotation``."""

    path: Path
    rotation: int = 0

    def turned(self) -> Page:
        """The same file turned a further 90° clockwise."""
        return Page(self.path, (self.rotation + 90) % 360)


def _image_pdf(data: bytes) -> bytes:
    return img2pdf.convert(_opaque(data))


def _opaque(data: bytes) -> bytes:
    """The image as img2pdf can embed it: as it is, or flattened on white when it has an alpha channel."""
    with Image.open(io.BytesIO(data)) as image:  # reads the header only
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    return _flattened(data) if transparent else data


def _flattened(data: bytes) -> bytes:
    """On white, at the scan's resolution (so its page keeps its size)."""
    with Image.open(io.BytesIO(data)) as image:
        rgba = image.convert("RGBA")
        resolution = {"dpi": image.info["dpi"]} if "dpi" in image.info else {}
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, format="PNG", **resolution)
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


def _frames(data: bytes) -> int:
    """How many pages img2pdf makes of an image (a multi-page TIFF makes several)."""
    with Image.open(io.BytesIO(data)) as image:
        return getattr(image, "n_frames", 1)


def srgb_profile() -> Path | None:
    return next((path for path in SRGB_PROFILES if path.is_file()), None)


def build_pdf(pages: Sequence[Page], contents: Sequence[bytes]) -> bytes:
    """``contents[i]`` is the bytes of ``pages[i]``: one PDF of every page, in order, each with its rotation.

    PDF/A-1b when every file is an image (see the module's docstring), else plain PDF.
    """
    if not pages:
        raise ValidationError("Chưa có trang nào.")
    if any(page.rotation not in ROTATIONS for page in pages):
        raise ValidationError("Chỉ xoay được 90°, 180° hoặc 270°.")
    profile = srgb_profile()
    if profile is not None and not any(data.startswith(b"%PDF-") for data in contents):
        try:
            return _pdfa_of_images(pages, contents, profile)
        except Exception:  # an image img2pdf cannot take: the page-by-page path names it (or joins it as plain PDF)
            pass
    return _joined(pages, contents)


def _pdfa_of_images(pages: Sequence[Page], contents: Sequence[bytes], profile: Path) -> bytes:
    """One PDF/A-1b of the images, each page turned as staff turned it."""
    pdf = img2pdf.convert([_opaque(data) for data in contents], pdfa=str(profile))
    if not any(page.rotation for page in pages):
        return pdf
    turns = [page.rotation for page, data in zip(pages, contents, strict=True) for _ in range(_frames(data))]
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for turn, item in zip(turns, document.pages, strict=True):
            if turn:
                item.rotate(turn, relative=True)
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def _joined(pages: Sequence[Page], contents: Sequence[bytes]) -> bytes:
    """Every page of every file joined as it is (plain PDF); a file that cannot be read is refused by its position."""
    result = pikepdf.new()
    sources = []  # kept open until the result is written: its pages still refer to them
    for number, (page, data) in enumerate(zip(pages, contents, strict=True), start=1):
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
