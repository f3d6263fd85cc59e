"""The supervisors' register: header on every page, each dossier once, page numbers, totals."""
from __future__ import annotations

import re
import threading
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from test_printing_support import flat, pdf_text, pdf_words, write

from counter_app import audit, office
from counter_app.audit import Anchor
from printing import demo_data as demo
from printing.daily_log import Cancelled, build_daily_log
from printing.documents import render_daily_log

CODE = re.compile(r"H26\.49\.09-261120-\d{4}")


@pytest.fixture(scope="module")
def log_500(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    dossiers = demo.many_dossiers(500)
    data = build_daily_log(demo.OFFICE, list(reversed(dossiers)), period_label="Ngày 20 tháng 11 năm 2026",
                           staff_name="Trần Thị Lan Anh")
    return write(tmp_path_factory.mktemp("log"), data), dossiers


def test_header_row_and_page_number_on_every_page(log_500: tuple[Path, list]) -> None:
    pdf, _ = log_500
    pages = [p for p in pdf_text(pdf).split("\f") if p.strip()]
    assert len(pages) > 10
    for number, page in enumerate(pages, start=1):
        text = flat(page)
        for head in ("STT", "Mã hồ sơ", "Tên TTHC", "Tên cá nhân/tổ", "Địa chỉ/số điện thoại", "Cơ quan chủ",
                     "Ngày nhận hồ", "Ngày hẹn", "Ngày", "chuyển hồ", "Nhận kết", "Ghi chú"):
            assert head in text, (number, head)
        assert f"Trang {number}/{len(pages)}" in text


def test_header_is_the_top_row_of_each_page(log_500: tuple[Path, list]) -> None:
    pdf, _ = log_500
    words = pdf_words(pdf)
    for page in {w.page for w in words}:
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
    # sorted by reception time, whatever order they were passed in.
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
    build_daily_log(demo.OFFICE, demo.many_dossiers(250), period_label="x", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (250, 250) and (100, 250) in seen
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        build_daily_log(demo.OFFICE, demo.many_dossiers(5), period_label="x", cancel=cancel)


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
    pdf = write(tmp_path, build_daily_log(demo.OFFICE, demo.many_dossiers(60), period_label="x", anchor=anchor))
    pages = [flat(p) for p in pdf_text(pdf).split("\f") if p.strip()]
    assert len(pages) > 1
    assert [i for i, p in enumerate(pages) if "bản ghi số 4321, mã abababababab" in p] == [len(pages) - 1]
    assert "LÃNH ĐẠO ĐƠN VỊ" in pages[-1]
