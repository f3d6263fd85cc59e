"""Wording helpers, the regulation table and the QR payload: pure functions, no PDF needed."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from printing import demo_data as demo
from printing.layout import amount_in_words, dmy, format_amount, place_date, vn_date, vn_datetime
from printing.qr import qr_payload
from printing.regulations import REGULATIONS, FormKind, form_info


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


def test_both_profiles_number_the_six_one_stop_forms_in_order() -> None:
    kinds = [FormKind.RECEIPT, FormKind.SUPPLEMENT, FormKind.REFUSAL, FormKind.APOLOGY, FormKind.CONTROL_SHEET,
             FormKind.DAILY_LOG]
    for profile in ("tt01-2018", "nd118-2025"):
        numbers = [form_info(profile, k).number for k in kinds]
        assert numbers == [f"Mẫu số {i:02d}" for i in range(1, 7)], profile
    assert "01/2018/TT-VPCP" in form_info("tt01-2018", FormKind.RECEIPT).legal_basis
    assert "118/2025/NĐ-CP" in form_info("nd118-2025", FormKind.RECEIPT).legal_basis
    assert FormKind.STOP_NOTICE in REGULATIONS["nd118-2025"]
    assert FormKind.STOP_NOTICE not in REGULATIONS["tt01-2018"]


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
