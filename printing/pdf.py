"""Turning a story of flowables into PDF bytes: page size, margins, canvas, page numbers.

Separate from the layout pieces so the rules that keep every PDF clean live in one place: the
canvas starts in Liberation Serif (reportlab would otherwise reference Helvetica in every page's
preamble, which pdffonts reports as an unembedded base-14 font), and registers get "Trang x/y".
"""
from __future__ import annotations

import io
import zlib
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from counter_app import safe_files

from .fonts import SERIF, register_fonts

# ASCII85 wrapping of compressed streams only helps 7-bit mail channels; it costs ~15% of a large
# build and makes files 25% bigger. reportlab's C accelerator (the ``rl_accel`` package, found by
# reportlab itself) formats numbers and measures text: a fifth of a month's daily log otherwise.
rl_config.useA85 = 0

PORTRAIT = A4
LANDSCAPE = landscape(A4)
MARGINS = {"leftMargin": 30 * mm, "rightMargin": 15 * mm, "topMargin": 20 * mm, "bottomMargin": 20 * mm}
# Landscape registers (the daily log) need the width more than a binding margin.
LANDSCAPE_MARGINS = {"leftMargin": 20 * mm, "rightMargin": 15 * mm, "topMargin": 15 * mm, "bottomMargin": 15 * mm}


class _SerifCanvas(Canvas):
    """A canvas whose initial font is Liberation Serif, so nothing ever references Helvetica."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        # DocTemplate passes initialFontName=None explicitly, so setdefault would not do.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or SERIF
        super().__init__(*args, **kwargs)


def _compress_now(page: pdfdoc.PDFPage) -> None:
    """Compress a finished page's drawing now rather than when the file is written.

    reportlab keeps every page's operators as text until ``save`` and compresses them then: a
    2,600-page daily log held ~90 MB of them. A stream whose dictionary already names its filter
    is written as it is (``PDFStream.format``), so the file is the same.
    """
    if page.Contents or not page.stream:
        return
    stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])}),
                              zlib.compress(page.stream.encode("utf-8")))
    stream.__Comment__ = "page stream"
    page.Contents, page.stream = stream, None


class _NumberedCanvas(_SerifCanvas):
    """Says "Trang x/y" on every page, though y is known only at the end.

    Each page draws a form XObject named after its number, and the forms are written at save
    time, when the total is known (a PDF page may use a form defined later in the file). So pages
    go out as they are finished: holding a copy of every page's drawing until the end, as this
    canvas did, grew by ~50 KB a page and took most of the memory of a month's daily log.
    """

    def showPage(self) -> None:
        self.doForm(f"page_number_{self._pageNumber}")
        super().showPage()
        _compress_now(self._doc.Pages.pages[-1])

    def save(self) -> None:
        total = self._pageNumber - 1
        width = self._pagesize[0]
        for number in range(1, total + 1):
            self.beginForm(f"page_number_{number}")
            self.setFont(SERIF, 10)
            self.drawCentredString(width / 2, 8 * mm, f"Trang {number}/{total}")
            self.endForm()
        super().save()


FRAME_PADDING = 6  # platypus frames pad each side by 6 pt; tables must fit inside that


def _margins(pagesize: tuple[float, float]) -> dict[str, float]:
    return LANDSCAPE_MARGINS if pagesize[0] > pagesize[1] else MARGINS


def page_width(pagesize: tuple[float, float] = PORTRAIT) -> float:
    """Usable width inside the margins and the frame padding (what a full-width table may use)."""
    m = _margins(pagesize)
    return pagesize[0] - m["leftMargin"] - m["rightMargin"] - 2 * FRAME_PADDING


def build_pdf(story: list[Flowable], *, title_text: str, pagesize: tuple[float, float] = PORTRAIT,
              page_numbers: bool = False) -> bytes:
    """Lay out ``story`` on A4 and return the PDF bytes (nothing touches the disk)."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=pagesize, title=title_text, initialFontName=SERIF, author="Quầy Một Cửa", creator="Quầy Một Cửa",
        **_margins(pagesize),
    )
    doc.build(story, canvasmaker=_NumberedCanvas if page_numbers else _SerifCanvas)
    return buffer.getvalue()


def write_pdf(data: bytes, path: str | Path) -> Path:
    """Write built PDF bytes to ``path`` for "Save as PDF" and the CLI.

    Papers carry personal data: the file is owner-only (0600), new folders 0700, and it is
    written whole or not at all.
    """
    target = Path(path)
    safe_files.private_dir(target.parent)
    return safe_files.write_private(target, data)
