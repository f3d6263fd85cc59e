"""Wording helpers, the regulation table and the QR payload: pure functions, no PDF needed."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from printing import demo_data as demo
from printing.layout import amount_in_words, dmy, format_amount, place_date, vn_date, vn_datetime
from printing.qr import qr_payload
from printing.regulations import REGULATIONS, FormKind, form_info, office_for, receiving_unit


def test_dates_are_written_as_on_official_papers() -> None:
    assert vn_date(date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert vn_datetime(datetime(2026, 11, 22, 8, 5)) == "08 giờ 05 phút, ngày 22 tháng 11 năm 2026"
    assert dmy(date(2026, 3, 9)) == "09/03/2026"
    assert place_date(demo.OFFICE, date(2026, 11, 22)) == "Ba Vì, ngày 22 tháng 11 năm 2026"


def test_place_falls_back_to_the_commune() -> None:
    office = replace(demo.OFFICE, place_name="")
    assert place_date(office, date(2026, 11, 22)).startswith("Xã Ba Vì, ngày 22")


@pytest.mark.parametrize(
    ("amount", "figures", "words"),
    [
        (1_234_000, "1.234.000 đ", "Một triệu hai trăm ba mươi bốn nghìn đồng"),
        (20_000, "20.000 đ", "Hai mươi nghìn đồng"),
        (500, "500 đ", "Năm trăm đồng"),
        (0, "0 đ", "Không đồng"),
    ],
)
def test_amounts_in_figures_and_words(amount: int, figures: str, words: str) -> None:
    assert format_amount(amount) == figures
    assert amount_in_words(amount) == words


def test_the_2018_profile_numbers_six_forms_and_the_2025_one_seven() -> None:
    kinds_2018 = [FormKind.RECEIPT, FormKind.SUPPLEMENT, FormKind.REFUSAL, FormKind.APOLOGY, FormKind.CONTROL_SHEET,
                  FormKind.DAILY_LOG]
    assert [form_info("tt01-2018", k).number for k in kinds_2018] == [f"Mẫu số {i:02d}" for i in range(1, 7)]
    # Circular 03/2025/TT-VPCP Appendix I: the stop notice is 05, the control sheet 06, the book 07.
    kinds_2025 = kinds_2018[:4] + [FormKind.STOP_NOTICE, FormKind.CONTROL_SHEET, FormKind.DAILY_LOG]
    assert [form_info("nd118-2025", k).number for k in kinds_2025] == [f"Mẫu số {i:02d}" for i in range(1, 8)]
    assert "01/2018/TT-VPCP" in form_info("tt01-2018", FormKind.RECEIPT).legal_basis
    assert "03/2025/TT-VPCP" in form_info("nd118-2025", FormKind.RECEIPT).legal_basis
    assert FormKind.STOP_NOTICE not in REGULATIONS["tt01-2018"]


def test_dossiers_received_before_july_2025_print_on_the_2018_forms() -> None:
    office = demo.OFFICE
    old = replace(demo.residence_dossier(), received_at=datetime(2025, 6, 30, 16, 0))
    new = replace(demo.residence_dossier(), received_at=datetime(2025, 7, 1, 7, 30))
    assert office_for(office, old).regulation_profile == "tt01-2018"
    assert office_for(office, new) is office
    assert receiving_unit("tt01-2018") == "Bộ phận tiếp nhận và trả kết quả"
    assert receiving_unit("nd118-2025") == "Trung tâm Phục vụ hành chính công cấp xã"
    # A paper the 2018 rules did not have is issued under today's.
    assert form_info("tt01-2018", FormKind.STOP_NOTICE).number == "Mẫu số 05"


def test_unknown_profile_falls_back_to_the_current_regulation() -> None:
    assert form_info("no-such-profile", FormKind.RECEIPT) == form_info("nd118-2025", FormKind.RECEIPT)


def test_qr_payload_is_the_code_or_the_lookup_link_ending_in_it() -> None:
    dossier = demo.residence_dossier()
    assert qr_payload(demo.OFFICE, dossier) == dossier.code
    with_url = replace(demo.OFFICE, status_lookup_url="https://dvc.example.vn/tra-cuu?ma=")
    assert qr_payload(with_url, dossier) == f"https://dvc.example.vn/tra-cuu?ma={dossier.code}"
    placeholder = replace(demo.OFFICE, status_lookup_url="https://dvc.example.vn/ho-so/{code}/trang-thai")
    assert qr_payload(placeholder, dossier) == f"https://dvc.example.vn/ho-so/{dossier.code}/trang-thai"
    plain = replace(demo.OFFICE, status_lookup_url="https://dvc.example.vn/tra-cuu")
    assert qr_payload(plain, dossier) == f"https://dvc.example.vn/tra-cuu/{dossier.code}"


def test_a_dossier_code_too_wide_for_its_column_breaks_after_the_agency_and_never_runs_over() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from printing.fonts import SERIF, register_fonts
    from printing.layout import code_cell

    register_fonts()
    code = "H26.49.09-261130-010001"
    whole = stringWidth(code, SERIF, 9)
    assert code_cell(code, whole + 1, 9, 9) == (code, 9)  # fits: one line
    shrunk, size = code_cell(code, whole * 0.95, 9, 8)
    assert shrunk == code and size < 9 and stringWidth(code, SERIF, size) <= whole * 0.95
    broken, size = code_cell(code, whole * 0.6, 9, 9)  # the Sổ thu's column: broken, not shrunk
    assert broken == "H26.49.09-\n261130-010001" and size == 9
    assert all(stringWidth(line, SERIF, 9) <= whole * 0.6 for line in broken.splitlines())
