"""The stop notice (Mẫu 05 of the 2025 set) and papers following the dossier's own regulation."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from test_printing_support import flat, pdf_text, write

from printing import demo_data as demo
from printing.documents import render
from printing.stop_notice import build_stop_notice


def text_of(tmp_path: Path, data: bytes) -> str:
    return flat(pdf_text(write(tmp_path, data)))


def test_stop_notice_states_the_request_and_its_reason(tmp_path: Path) -> None:
    text = text_of(tmp_path, render("stop-notice", demo.OFFICE, demo.stopped_dossier()))
    for expected in ["Mẫu số 05", "Thông tư số 03/2025/TT-VPCP", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
                     "Mã hồ sơ: H26.49.09-261120-0014", "Kính gửi: Ông/Bà Hoàng Thị Ngọc Ánh",
                     "10 giờ 00 phút, ngày 20 tháng 11 năm 2026",
                     "Ngày 23 tháng 11 năm 2026, Ông/Bà đề nghị dừng giải quyết hồ sơ nêu trên với lý do: "
                     "Hộ kinh doanh thay đổi địa điểm, xin nộp lại hồ sơ sau",
                     "khoản 1 Điều 21 Nghị định số 118/2025/NĐ-CP", "THỦ TRƯỞNG CƠ QUAN"]:
        assert expected in text, expected


def test_stop_notice_needs_the_stop_recorded(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="Dừng giải quyết"):
        render("stop-notice", demo.OFFICE, demo.business_dossier())
    with pytest.raises(ValueError):
        build_stop_notice(demo.OFFICE, demo.business_dossier())


def test_a_dossier_received_before_july_2025_reprints_on_the_2018_forms(tmp_path: Path) -> None:
    old = replace(demo.residence_dossier(), received_at=datetime(2025, 6, 30, 9, 0))
    text = text_of(tmp_path, render("receipt", demo.OFFICE, old))
    assert "Thông tư số 01/2018/TT-VPCP" in text and "03/2025" not in text
    assert "Bộ phận tiếp nhận và trả kết quả: Trung tâm Phục vụ hành chính công xã Ba Vì" in text
    control = text_of(tmp_path, render("control", demo.OFFICE, old))
    assert "Mẫu số 05" in control and "PHIẾU KIỂM SOÁT" in control
    new = text_of(tmp_path, render("control", demo.OFFICE, demo.residence_dossier()))
    assert "Mẫu số 06" in new and "Trung tâm Phục vụ hành chính công cấp xã" in new
