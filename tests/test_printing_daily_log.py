"""The supervisors' register: header on every page, each dossier once, page numbers, totals."""
from __future__ import annotations

import io
import re
import threading
from collections import Counter
from dataclasses import replace
from datetime import date
from itertools import cycle
from pathlib import Path

import pypdf
import pytest
from test_printing_support import flat, pdf_text, pdf_words, write

from counter_app import audit, catalogue, office
from counter_app.audit import Anchor
from printing import demo_data as demo
from printing.daily_log import Cancelled, build_daily_log
from printing.documents import render_daily_log
from printing.layout import format_amount

CODE = re.compile(r"H26\.49\.09-261120-\d{4}")


@pytest.fixture(scope="module")
def log_500(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    dossiers = demo.many_dossiers(500)
    data = build_daily_log(demo.OFFICE, iter(demo.log_lines(dossiers)), period_label="Ngày 20 tháng 11 năm 2026",
                           staff_name="Trần Thị Lan Anh")
    return write(tmp_path_factory.mktemp("log"), data), dossiers


def test_header_row_and_page_number_on_every_page(log_500: tuple[Path, list]) -> None:
    pdf, _ = log_500
    pages = [p for p in pdf_text(pdf).split("\f") if p.strip()]
    assert len(pages) > 10
    for number, page in enumerate(pages, start=1):
        text = flat(page)
        assert f"Trang {number}/{len(pages)}" in text
        if not CODE.search(text):
            continue  # the closing page: totals and signatures only
        for head in ("STT", "Mã hồ sơ", "Tên TTHC", "Tên cá nhân/tổ", "Địa chỉ/số điện thoại", "Cơ quan chủ",
                     "Ngày nhận", "Ngày hẹn", "Ngày", "chuyển hồ", "Nhận kết", "Ghi chú"):
            assert head in text, (number, head)


def test_header_is_the_top_row_of_each_page(log_500: tuple[Path, list]) -> None:
    pdf, _ = log_500
    words = pdf_words(pdf)
    for page in {w.page for w in words if CODE.fullmatch(w.text)}:
        on_page = [w for w in words if w.page == page]
        stt = [w for w in on_page if w.text == "STT"]
        codes = [w for w in on_page if CODE.fullmatch(w.text)]
        assert len(stt) == 1 and codes, page
        assert all(stt[0].y_max < c.y_min for c in codes), page


def test_every_code_exactly_once_in_order(log_500: tuple[Path, list]) -> None:
    pdf, dossiers = log_500
    found = CODE.findall(pdf_text(pdf))
    assert Counter(found) == Counter(d.code for d in dossiers)
    # In reading order (page, then top to bottom; pdftotext's text flow may interleave tall rows),
    # as the rows came (by reception time), from a generator read once.
    placed = sorted((w.page, w.y_min, w.text) for w in pdf_words(pdf) if CODE.fullmatch(w.text))
    assert [text for _, _, text in placed] == [d.code for d in sorted(dossiers, key=lambda d: (d.received_at, d.code))]


def test_landscape_title_staff_and_totals(log_500: tuple[Path, list]) -> None:
    pdf, _dossiers = log_500
    words = pdf_words(pdf)
    assert words[0].page_width > 800  # A4 landscape is 842 pt wide
    text = flat(pdf_text(pdf))
    for expected in ("SỔ THEO DÕI HỒ SƠ", "Ngày 20 tháng 11 năm 2026", "Người tiếp nhận: Trần Thị Lan Anh",
                     "Tổng hợp theo trạng thái", "Đã tiếp nhận 100", "Đang xử lý 100", "Đã trả kết quả 100",
                     "Tổng cộng 500", "Mẫu số 07", "NGƯỜI LẬP SỔ"):
        assert expected in text, expected


def test_progress_and_cancel() -> None:
    seen: list[tuple[int, int]] = []
    build_daily_log(demo.OFFICE, demo.log_lines(demo.many_dossiers(250)), period_label="x", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (250, 250) and (100, 250) in seen
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        build_daily_log(demo.OFFICE, demo.log_lines(demo.many_dossiers(5)), period_label="x", cancel=cancel)


def test_empty_period_still_prints(tmp_path: Path) -> None:
    text = flat(pdf_text(write(tmp_path, build_daily_log(demo.OFFICE, [], period_label="Ngày 21/11/2026"))))
    assert "Tổng cộng 0" in text and "Trang 1/1" in text


def test_the_audit_logs_head_is_printed_on_the_page_that_is_signed(tmp_path: Path, store) -> None:
    """The daily log from a real database carries the chain's head at printing time, with the signatures."""
    with store.read() as conn:
        head = audit.chain_head(conn)
    pdf = write(tmp_path, render_daily_log(store, office.get_office(store), start=date(2026, 11, 20)))
    pages = [flat(p) for p in pdf_text(pdf).split("\f") if p.strip()]
    line = f"Dấu kiểm nhật ký: bản ghi số {head.record_id}, mã {head.hash[:12]}"
    assert line in pages[-1] and "LÃNH ĐẠO ĐƠN VỊ" in pages[-1]


def test_a_long_log_keeps_the_head_with_the_signatures(tmp_path: Path) -> None:
    anchor = Anchor(4321, "ab" * 32)
    pdf = write(tmp_path, build_daily_log(demo.OFFICE, demo.log_lines(demo.many_dossiers(60)), period_label="x",
                                          anchor=anchor))
    pages = [flat(p) for p in pdf_text(pdf).split("\f") if p.strip()]
    assert len(pages) > 1
    assert [i for i, p in enumerate(pages) if "bản ghi số 4321, mã abababababab" in p] == [len(pages) - 1]
    assert "LÃNH ĐẠO ĐƠN VỊ" in pages[-1]


def test_a_busy_day_fits_fifteen_dossiers_a_page_and_ends_with_the_fees_collected(tmp_path: Path, store) -> None:
    """500 dossiers under the real catalogue's long names and agency descriptions (issue 11: 73 pages)."""
    procedures = catalogue.list_procedures(store)
    dossiers = [replace(d, procedure=p, processing_agency=p.agency)
                for d, p in zip(demo.many_dossiers(500), cycle(procedures), strict=False)]
    pdf = write(tmp_path, build_daily_log(demo.OFFICE, demo.log_lines(dossiers), period_label="Ngày 20/11/2026"))
    per_page = Counter(w.page for w in pdf_words(pdf) if CODE.fullmatch(w.text))
    assert sum(per_page.values()) == 500
    first, *full, _last = (per_page[p] for p in sorted(per_page))
    assert first >= 8 and min(full) >= 15 and len(per_page) <= 500 // 15 + 1, per_page  # first: under the heading
    text = flat(pdf_text(pdf))
    assert "Cơ quan BHXH cấp huyện/khu vực (nộp qua" not in text  # the short agency, not the description
    assert "BHXH cấp huyện/khu vực" in text and "UBND cấp xã" in text
    text = flat(pdf_text(pdf, layout=True))  # table rows as lines, whatever the text flow
    collected = sum(d.total_fee_vnd for d in dossiers)
    by_clerk = {name: sum(d.total_fee_vnd for d in dossiers if d.received_by_name == name)
                for name in {d.received_by_name for d in dossiers}}
    assert f"Tổng cộng 300 {format_amount(collected)}" in text
    for name, amount in by_clerk.items():
        assert f"Cộng {name} {format_amount(amount)}" in text
    assert "Lệ phí đăng ký hộ kinh doanh 50 5.000.000 đ" in text  # per clerk and per fee


def test_a_code_too_long_for_its_column_breaks_after_the_agency_instead_of_shrinking(tmp_path: Path) -> None:
    long_code = "H15.50.05.13.01-261008-010975"
    dossier = replace(demo.many_dossiers(1)[0], code=long_code)
    words = [w.text for w in pdf_words(write(tmp_path, build_daily_log(demo.OFFICE, demo.log_lines([dossier]), period_label="x")))]
    assert "H15.50.05.13.01-" in words and "261008-010975" in words


def _streamed(count: int) -> tuple[list[str], bytes]:
    """A log of ``count`` dossiers fed from a generator that may be read only once, as the store feeds it."""
    lines = demo.log_lines(demo.many_dossiers(count))
    return [e.code for e in lines], build_daily_log(demo.OFFICE, (e for e in lines), period_label="x", total=count)


def test_a_streamed_log_keeps_every_dossier_once_in_order_and_grows_a_page_at_a_time() -> None:
    """Read back with pypdf: each page's codes, in order; twice the rows make twice the pages (linear)."""
    pages_of: dict[int, int] = {}
    for count in (300, 600):
        codes, data = _streamed(count)
        reader = pypdf.PdfReader(io.BytesIO(data))
        printed = [code for page in reader.pages for code in CODE.findall(page.extract_text())]
        assert printed == codes
        pages_of[count] = len(reader.pages)
        assert f"Trang {pages_of[count]}/{pages_of[count]}" in reader.pages[-1].extract_text()
        assert f"Tổng cộng\n{count}" in reader.pages[-1].extract_text()  # the totals by status
    assert pages_of[300] > 10 and abs(pages_of[600] - 2 * pages_of[300]) <= 2, pages_of


def test_plain_cells_break_their_lines_where_a_paragraph_would() -> None:
    """The register's cells are pre-broken strings (cheap); the lines must fall where reportlab's
    Paragraph put them, space shrinkage included, or the look of the paper would change."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from printing.daily_log import _FONT_SIZE, _LEADING, _lines
    from printing.layout import styles
    style = ParagraphStyle("cell", parent=styles()["small"], fontSize=_FONT_SIZE, leading=_LEADING)
    texts = [demo.LONG_ADDRESS, *(d.applicant.address for d in demo.many_dossiers(40)),
             *(d.procedure.name for d in demo.many_dossiers(5)), "Nguyễn Thị Thượng Trằm Hoàng Anh Thư"]
    for width in (60.0, 80.0, 103.6, 140.0):
        for text in texts:
            paragraph = Paragraph(text, style)
            paragraph.wrap(width, 10**6)
            assert _lines(text, width) == [" ".join(line[1]) for line in paragraph.blPara.lines], (width, text)
