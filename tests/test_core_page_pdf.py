"""One PDF per paper: pages in order, turned as staff turned them, images embedded without re-encoding,
PDF/A-1b when the capture is scans alone."""
from __future__ import annotations

import io
import subprocess

import pikepdf
import pikepdf.pdfa as pikepdf_pdfa
import pytest
from PIL import Image
from pypdf import PdfReader
from scans import page_rotations, page_widths, pdf_of_pages, scanned_pages

from counter_app import page_pdf
from counter_app.errors import ValidationError
from counter_app.page_pdf import Page, build_pdf


def _build(pages: list[Page]) -> bytes:
    return build_pdf(pages, [p.path.read_bytes() for p in pages])


def test_three_images_become_three_pages_in_order_with_their_rotation(tmp_path):
    first, second, third = scanned_pages(tmp_path, 3)
    pdf = _build([Page(third), Page(first).turned(), Page(second, 270)])
    assert page_widths(pdf) == [130, 110, 120]
    assert page_rotations(pdf) == [0, 90, 270]


def test_a_pdf_brings_all_its_pages_and_a_turn_applies_to_each(tmp_path):
    brought = tmp_path / "giay-to.pdf"
    brought.write_bytes(pdf_of_pages(2))
    [scan] = scanned_pages(tmp_path, 1)
    pdf = _build([Page(scan), Page(brought, 180)])
    assert page_widths(pdf) == [110, 210, 220]
    assert page_rotations(pdf) == [0, 180, 180]


def test_a_jpeg_scan_is_embedded_as_it_is(tmp_path):
    path = tmp_path / "scan.jpg"
    Image.new("RGB", (300, 400), (200, 30, 30)).save(path, quality=80)
    page = PdfReader(io.BytesIO(_build([Page(path)]))).pages[0]
    [image] = page["/Resources"]["/XObject"].values()
    assert image.get_object().get_data() == path.read_bytes()


def test_an_image_with_transparency_is_flattened_not_refused(tmp_path):
    path = tmp_path / "scan.png"
    Image.new("RGBA", (150, 100), (0, 0, 0, 0)).save(path)
    assert len(page_widths(_build([Page(path)]))) == 1  # img2pdf alone refuses an alpha channel


def test_a_damaged_image_is_refused_by_its_position(tmp_path):
    [good] = scanned_pages(tmp_path, 1)
    bad = tmp_path / "hong.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"not an image")
    with pytest.raises(ValidationError, match="Tệp thứ 2"):
        _build([Page(good), Page(bad)])


def _pdfa_claim(pdf: bytes) -> tuple[str, str, list[str]]:
    """The PDF/A part and conformance the XMP metadata declares, and the output intents' kinds."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        meta = document.open_metadata()
        intents = [str(intent.S) for intent in document.Root.get("/OutputIntents", [])]
        return meta.get("pdfaid:part", ""), meta.get("pdfaid:conformance", ""), intents


def _pdfinfo_pages(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "built.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert not done.stderr  # poppler reads it without a complaint
    return int(next(line.split()[1] for line in done.stdout.splitlines() if line.startswith("Pages:")))


def test_scans_alone_become_pdf_a_1b_with_their_pages_intact(tmp_path):
    first, second, third = scanned_pages(tmp_path, 3)
    see_through = tmp_path / "scan.png"
    Image.new("RGBA", (150, 100), (0, 0, 0, 0)).save(see_through, dpi=(72, 72))
    pdf = _build([Page(first), Page(second).turned(), Page(third, 270), Page(see_through)])
    assert _pdfa_claim(pdf) == ("1", "B", ["/GTS_PDFA1"])
    assert pikepdf_pdfa.validate_written(io.BytesIO(pdf), "1b").passed  # an independent PDF/A-1b validator
    assert page_widths(pdf) == [110, 120, 130, 150] and page_rotations(pdf) == [0, 90, 270, 0]
    assert _pdfinfo_pages(pdf, tmp_path) == 4


def test_a_capture_with_a_brought_pdf_stays_plain_pdf(tmp_path):
    brought = tmp_path / "giay-to.pdf"
    brought.write_bytes(pdf_of_pages(2))
    [scan] = scanned_pages(tmp_path, 1)
    pdf = _build([Page(scan), Page(brought)])
    assert _pdfa_claim(pdf) == ("", "", [])
    assert _pdfinfo_pages(pdf, tmp_path) == 3


def test_without_an_srgb_profile_scans_are_plain_pdf(tmp_path, monkeypatch):
    monkeypatch.setattr(page_pdf, "SRGB_PROFILES", (tmp_path / "none.icc",))
    pdf = _build([Page(p) for p in scanned_pages(tmp_path, 2)])
    assert _pdfa_claim(pdf) == ("", "", []) and page_widths(pdf) == [110, 120]


def test_the_debian_srgb_profile_is_the_one_used_here():
    assert page_pdf.srgb_profile() == page_pdf.SRGB_PROFILES[0]  # make sysdeps installs icc-profiles-free
