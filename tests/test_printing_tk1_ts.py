"""The full TK1-TS: every numbered item, the dossier's values, the reason marked, one profile per decision."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_printing_support import flat, pdf_text, write

from printing import demo_data as demo
from printing.documents import render
from printing.hi_card_request import Reason, build_hi_card_request, reason_of
from printing.regulations import TK1_TS, TK1_TS_366

OFFICE = demo.OFFICE


def pages_of(tmp_path: Path, data: bytes) -> list[str]:
    return [flat(p) for p in pdf_text(write(tmp_path, data)).split("\f") if p.strip()]


def test_every_numbered_item_and_the_prefilled_values(tmp_path: Path) -> None:
    declaration, appendix = pages_of(tmp_path, render("hi-card-request", OFFICE, demo.hi_card_dossier()))
    for n in range(1, 20):
        assert f"[{n:02d}]." in declaration, n
    for expected in [
        "Mẫu TK1-TS", "Quyết định số 490/QĐ-BHXH ngày 28 tháng 3 năm 2023",
        "TỜ KHAI", "THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ",
        "Kính gửi: Bảo hiểm xã hội cơ sở Ba Vì",
        "I. Áp dụng đối với người tham gia chưa có mã số BHXH",
        "[01]. Họ và tên (viết chữ in hoa): LÊ VĂN ƯNG", "[02]. Giới tính: Nam",
        "[03]. Ngày, tháng, năm sinh: 07/01/1958", "[07]. Điện thoại: 0987 654 321",
        "[11]. Địa chỉ nhận kết quả (số nhà, thôn/xóm, xã/phường, tỉnh/thành phố): Thôn Cẩm Thượng, xã Ba Vì, Hà Nội",
        "II. Áp dụng đối với người tham gia đã có mã số BHXH thay đổi thông tin",
        "[13]. Mã số BHXH: 0198765432", "Cấp lại thẻ BHYT, mã thẻ BHYT: HT3010198765432",
        "NGƯỜI KÊ KHAI", "Ba Vì, ngày 20 tháng 11 năm 2026", "Lê Văn Ưng",
    ]:
        assert expected in declaration, expected
    # The summary says "do bị mất": lost is marked, the others left open; no change of details.
    assert "Lý do: ■ mất □ hỏng □ thay đổi thông tin" in declaration
    assert "Không thay đổi." in declaration and "Thông tin cũ" not in declaration
    # Unknown items keep their label for handwriting; a 66-year-old needs no guardian.
    assert "[05]. Dân tộc:" in declaration and "[09]. Nơi đăng ký khai sinh" in declaration
    assert "trẻ em dưới 6 tuổi): không áp dụng" in declaration
    for expected in ["PHỤ LỤC THÀNH VIÊN HỘ GIA ĐÌNH", "(Kèm theo Tờ khai TK1-TS)", "Họ và tên chủ hộ:",
                     "0198765432", "07/01/1958", "Quan hệ với chủ hộ", "NGƯỜI KÊ KHAI"]:
        assert expected in appendix, expected


def test_changed_details_open_the_table_of_old_and_new(tmp_path: Path) -> None:
    dossier = replace(demo.hi_card_dossier(), summary="Cấp lại thẻ BHYT do thay đổi thông tin ngày sinh")
    assert reason_of(dossier) is Reason.CHANGED
    text = pages_of(tmp_path, build_hi_card_request(OFFICE, dossier))[0]
    assert "Lý do: □ mất □ hỏng ■ thay đổi thông tin" in text
    assert "Nội dung thay đổi Thông tin cũ Thông tin mới" in text


@pytest.mark.parametrize(("summary", "reason"), [
    ("Cấp lại thẻ BHYT do bị mất", Reason.LOST), ("cap lai the bhyt do bi mat", Reason.LOST),
    ("Cấp lại thẻ BHYT bị hỏng, rách", Reason.DAMAGED), ("Cấp lại thẻ BHYT", None),
])
def test_reason_from_the_summary_typed_with_or_without_marks(summary: str, reason: Reason | None) -> None:
    assert reason_of(replace(demo.hi_card_dossier(), summary=summary)) is reason


def test_no_reason_known_leaves_every_box_open_and_the_damaged_choice_wins_when_given(tmp_path: Path) -> None:
    dossier = replace(demo.hi_card_dossier(), summary="Cấp lại thẻ BHYT")
    assert "Lý do: □ mất □ hỏng □ thay đổi thông tin" in pages_of(tmp_path, build_hi_card_request(OFFICE, dossier))[0]
    chosen = pages_of(tmp_path, build_hi_card_request(OFFICE, dossier, reason="damaged"))[0]
    assert "Lý do: □ mất ■ hỏng □ thay đổi thông tin" in chosen


def test_the_2026_decision_profile_is_marked_unconfirmed(tmp_path: Path) -> None:
    assert TK1_TS[TK1_TS_366].to_check
    text = pages_of(tmp_path, build_hi_card_request(OFFICE, demo.hi_card_dossier(), decision=TK1_TS_366))[0]
    assert "Quyết định số 366/QĐ-BHXH ngày 29 tháng 4 năm 2026" in text and "490/QĐ-BHXH" not in text
    with pytest.raises(ValueError, match="TK1-TS"):
        build_hi_card_request(OFFICE, demo.hi_card_dossier(), decision="qd999-2030")


def test_a_card_reissued_for_a_parent_names_the_parent_and_the_child_signs(tmp_path: Path) -> None:
    """Filed under authorisation: the insured person is the dossier's subject, the applicant declares."""
    from datetime import date

    from counter_app.models import Subject

    mother = Subject(full_name="Nguyễn Thị Mận", personal_id="001158012345", birth_date=date(1958, 3, 4),
                     relation="mẹ")
    declaration, appendix = pages_of(tmp_path, build_hi_card_request(
        OFFICE, replace(demo.hi_card_dossier(), subject=mother)))
    assert "[01]. Họ và tên (viết chữ in hoa): NGUYỄN THỊ MẬN" in declaration
    assert "[02]. Giới tính: Nữ" in declaration and "[03]. Ngày, tháng, năm sinh: 04/03/1958" in declaration
    assert "[06]. Số CCCD/ĐDCN/Hộ chiếu: 001158012345" in declaration
    assert declaration.rstrip().endswith("Lê Văn Ưng")  # the applicant signs as the declarant
    assert "Nguyễn Thị Mận" in appendix and "04/03/1958" in appendix
