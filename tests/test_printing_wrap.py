"""Long names and addresses wrap inside the page and their cells; nothing is clipped."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_printing_support import Word, flat, pdf_text, pdf_words, write

from printing import demo_data as demo
from printing.daily_log import build_daily_log
from printing.receipt import build_receipt
from printing.samples import documents

MM = 72 / 25.4
LONG_NAME = "Hợp tác xã Dịch vụ Nông nghiệp và Phát triển Nông thôn Thượng Nguyên Ba Vì chi nhánh Đồng Trằm Yên Bồ"


def assert_inside_page(words: list[Word]) -> None:
    """Every word within the paper, right margin kept (15 mm, with a point of tolerance)."""
    for w in words:
        assert w.x_min >= 10 * MM, w
        assert w.x_max <= w.page_width - 15 * MM + 1, w


def test_demo_address_is_120_characters() -> None:
    assert len(demo.LONG_ADDRESS) == 120


def test_receipt_address_wraps_in_full(tmp_path: Path) -> None:
    pdf = write(tmp_path, build_receipt(demo.OFFICE, demo.residence_dossier()))
    text = flat(pdf_text(pdf))
    assert f"Địa chỉ: {demo.LONG_ADDRESS}" in text
    words = [w for w in pdf_words(pdf) if w.page == 1]
    assert_inside_page(words)
    first = next(w for w in words if w.text == "1270,")
    last = next(w for w in words if w.text == "thôn)")
    assert last.y_min > first.y_max  # on a later line: it wrapped
    for word in demo.LONG_ADDRESS.split():
        assert word in {w.text for w in words}, word


def test_log_cells_wrap_long_names_and_addresses(tmp_path: Path) -> None:
    dossiers = demo.many_dossiers(20)
    first = dossiers[0]
    dossiers[0] = replace(first, applicant=replace(first.applicant, full_name=LONG_NAME))
    pdf = write(tmp_path, build_daily_log(demo.OFFICE, demo.log_lines(dossiers), period_label="x"))
    text = flat(pdf_text(pdf))
    words = pdf_words(pdf)
    assert_inside_page(words)
    for word in LONG_NAME.split() + demo.LONG_ADDRESS.split():
        assert word in text, word
    # The name column is narrow: the name's words sit between the code column and the address column.
    name_words = [w for w in words if w.text in {"Thượng", "Trằm"}]
    code = next(w for w in words if w.text == first.code)
    assert name_words and all(w.x_min > code.x_max for w in name_words)
    assert len({round(w.y_min) for w in name_words}) == 2  # on different lines


@pytest.mark.parametrize("stem", sorted(documents()))
def test_no_document_runs_past_the_right_margin(tmp_path: Path, stem: str) -> None:
    assert_inside_page(pdf_words(write(tmp_path, documents()[stem]())))


def test_receipt_with_a_long_organisation_name(tmp_path: Path) -> None:
    dossier = demo.residence_dossier()
    odd = replace(dossier, applicant=replace(dossier.applicant, full_name=LONG_NAME, kind="organisation"))
    pdf = write(tmp_path, build_receipt(demo.OFFICE, odd))
    assert f"Tiếp nhận hồ sơ của: {LONG_NAME}" in flat(pdf_text(pdf))
    assert_inside_page(pdf_words(pdf))
