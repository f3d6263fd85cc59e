"""Scanned pages for capture tests: real images whose widths tell the pages apart, and readers of the PDF built."""
from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pypdf import PdfReader


def scanned_pages(folder: Path, count: int, *, first_width: int = 110, suffix: str = "png") -> list[Path]:
    """``count`` images named scan-1…, 110, 120, 130… points wide at 72 dpi (so the PDF page is as wide), 200 high."""
    pages = []
    for n in range(count):
        path = folder / f"scan-{n + 1}.{suffix}"
        Image.new("RGB", (first_width + 10 * n, 200), (255, 255 - 20 * n, 255)).save(path, dpi=(72, 72))
        pages.append(path)
    return pages


def pdf_of_pages(count: int) -> bytes:
    """A PDF of ``count`` blank pages 210, 220… points wide (a file a citizen brings)."""
    images = [Image.new("RGB", (210 + 10 * n, 300), "white") for n in range(count)]
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=72)
    return out.getvalue()


def page_widths(pdf: Path | bytes) -> list[int]:
    """Each page's width as stored (before its rotation), in page order."""
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [round(float(page.mediabox.width)) for page in reader.pages]


def page_rotations(pdf: Path | bytes) -> list[int]:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [page.rotation for page in reader.pages]
