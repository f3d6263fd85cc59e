"""The insurance declarations: the form a dossier's date and procedure call for, every numbered item,
the dossier's values, the reason marked (Decision 490/2023's TK1-TS; from 1/5/2026 Decision 366's
TK1-TS and Decree 188/2025's Mẫu số 2 and Mẫu số 4)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from test_printing_support import flat, pdf_text, write

from counter_app import insurance
from counter_app.models import Subject
from printing import demo_data as demo
from printing.declaration_parts import PostalAddress, Reason, postal_address, reason_of
from printing.documents import render
from printing.hi_card_request import build_hi_card_request
from printing.regulations import (
    HI_DECLARATION_188,
    HOUSEHOLD_LIST_188,
    TK1_TS_366,
    TK1_TS_490,
    insurance_form,
)

OFFICE = demo.OFFICE
BEFORE_366 = datetime(2026, 4, 30, 16, 0)  # the last afternoon of Decision 490's TK1-TS
FROM_366 = datetime(2026, 5, 4, 8, 0)  # Decision 366 is in force from 1/5/2026


def pages_of(tmp_path: Path, data: bytes) -> list[str]:
    return [flat(p) for p in pdf_text(write(tmp_path, data)).split("\f") if p.strip()]


def _received(dossier, at: datetime):  # type: ignore[no-untyped-def]
    return replace(dossier, received_at=at)


@pytest.mark.parametrize(("dossier", "before", "after"), [
    (demo.hi_card_dossier, TK1_TS_490, HI_DECLARATION_188),
    (demo.household_dossier, TK1_TS_490, HOUSEHOLD_LIST_188),
    (demo.voluntary_dossier, TK1_TS_490, TK1_TS_366),
    (demo.residence_dossier, None, None),
])
def test_the_form_follows_the_day_received_and_the_procedure(dossier, before, after) -> None:
    assert insurance_form(_received(dossier(), BEFORE_366)) == before
    assert insurance_form(_received(dossier(), FROM_366)) == after


def test_before_may_2026_the_tk1_ts_of_decision_490_with_every_item_and_the_appendix(tmp_path: Path) -> None:
    declaration, appendix = pages_of(tmp_path, render("hi-card-request", OFFICE,
                                                      _received(demo.hi_card_dossier(), BEFORE_366)))
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
        "NGƯỜI KÊ KHAI", "Ba Vì, ngày 30 tháng 04 năm 2026", "Lê Văn Ưng",
    ]:
        assert expected in declaration, expected
    # The summary says "do bị mất": lost is marked, the others left open; no change of details.
    assert "Lý do: ■ mất □ hỏng □ thay đổi thông tin" in declaration
    assert "Không thay đổi." in declaration and "Thông tin cũ" not in declaration
    # Unknown items keep their label for handwriting; a 68-year-old needs no guardian.
    assert "[05]. Dân tộc:" in declaration and "[09]. Nơi đăng ký khai sinh" in declaration
    assert "trẻ em dưới 6 tuổi): không áp dụng" in declaration
    for expected in ["PHỤ LỤC THÀNH VIÊN HỘ GIA ĐÌNH", "(Kèm theo Tờ khai TK1-TS)", "Họ và tên chủ hộ:",
                     "0198765432", "07/01/1958", "Quan hệ với chủ hộ", "NGƯỜI KÊ KHAI"]:
        assert expected in appendix, expected


def test_changed_details_open_the_table_of_old_and_new(tmp_path: Path) -> None:
    dossier = replace(demo.hi_card_dossier(), summary="Cấp lại thẻ BHYT do thay đổi thông tin ngày sinh")
    assert reason_of(dossier) is Reason.CHANGED
    text = pages_of(tmp_path, build_hi_card_request(OFFICE, dossier, form=TK1_TS_490))[0]
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
    with pytest.raises(ValueError, match="tờ khai"):
        build_hi_card_request(OFFICE, dossier, form="qd999-2030")
    with pytest.raises(ValueError, match="không thuộc thủ tục BHYT, BHXH"):  # a residence dossier has no declaration
        render("hi-card-request", OFFICE, demo.residence_dossier())


def test_a_card_reissued_from_may_2026_is_declared_on_form_2_of_decree_188(tmp_path: Path) -> None:
    [text] = pages_of(tmp_path, render("hi-card-request", OFFICE, demo.hi_card_dossier()))
    for n in ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "10.1", "10.2", "10.2a", "10.2b", "10.2c",
              "11", "12"):
        assert f"[{n}]." in text, n
    for expected in [
        "Mẫu số 2", "Nghị định số 188/2025/NĐ-CP ngày 01 tháng 7 năm 2025",
        "TỜ KHAI", "THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM Y TẾ", "Mã số bảo hiểm y tế: 0198765432",
        "I. Đăng ký tham gia bảo hiểm y tế lần đầu", "[01]. Họ và tên (viết chữ in hoa): LÊ VĂN ƯNG",
        "[03]. Ngày, tháng, năm sinh: 07/01/1958", "[10.1]. Nhận thẻ bảo hiểm y tế bản điện tử: □ VssID □ Email",
        # the card goes by post: its address in the three boxes of the form
        "[10.2a]. Số nhà, đường/phố, thôn/xóm: Thôn Cẩm Thượng", "[10.2b]. Xã, phường, đặc khu: xã Ba Vì",
        "[10.2c]. Tỉnh, thành phố: Hà Nội",
        "II. Điều chỉnh thông tin ghi trên thẻ bảo hiểm y tế", "Cấp lại thẻ BHYT, mã thẻ BHYT: HT3010198765432",
        "Lý do: ■ mất □ hỏng □ thay đổi thông tin", "NGƯỜI KÊ KHAI", "Lê Văn Ưng",
        "https://baohiemxahoi.gov.vn",
    ]:
        assert expected in text, expected
    assert "TK1-TS" not in text and "490/QĐ-BHXH" not in text and "Kính gửi" not in text


def test_a_household_lists_its_members_on_form_4_with_the_base_salary_and_the_months_paid(tmp_path: Path) -> None:
    dossier = demo.household_dossier()
    [text] = pages_of(tmp_path, render("hi-card-request", OFFICE, dossier))
    salary = insurance.base_salary_on(dossier.received_at.date()).vnd
    shown = f"{salary:,}".replace(",", ".")
    for expected in [
        "Mẫu số 4", "DANH SÁCH THÀNH VIÊN HỘ GIA ĐÌNH", "THAM GIA BẢO HIỂM Y TẾ",
        "Tên tổ chức:", "Mã nhân viên thu:", "Họ và tên chủ hộ:",
        "Địa chỉ: Số nhà, đường/phố, thôn/xóm: Xóm Mít", "Xã, phường, đặc khu: xã Ba Vì", "Tỉnh, thành phố: Hà Nội",
        "Tiền lương", "Quan hệ với chủ hộ", "Tỷ lệ NSNN hỗ trợ (%)", "Bản điện tử", "Bản giấy",
        "1 Đinh Thị Hòa 0179004321 035179004321 02/09/1979",
        "Tổng số người đề nghị cấp thẻ bảo hiểm y tế: 3",
        "TỔ CHỨC HỖ TRỢ PHÁT TRIỂN ĐỐI TƯỢNG", "NGƯỜI KÊ KHAI", "Đinh Thị Hòa",
    ]:
        assert expected in text, expected
    # The quote's three members each get the base salary and the months; a fourth row is left to write in.
    assert text.count(shown) == 3 and text.count("12 tháng") == 3 and " 4 Tổng số" in text


def test_voluntary_social_insurance_declares_on_the_tk1_ts_of_decision_366(tmp_path: Path) -> None:
    dossier = demo.voluntary_dossier()
    [text] = pages_of(tmp_path, render("hi-card-request", OFFICE, dossier))
    for n in range(1, 18):
        assert f"[{n:02d}]." in text, n
    low, _high = insurance.voluntary_income_range(dossier.received_at.date())
    for expected in [
        "Mẫu TK1-TS", "Quyết định số 366/QĐ-BHXH ngày 29/4/2026",
        "ĐĂNG KÝ, ĐIỀU CHỈNH THÔNG TIN THAM GIA BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ",
        "A. Đăng ký tham gia", "I. Thông tin chung", "[01]. Họ và tên: Lò Thị Ỏn", "[02]. Giới tính: □ Nam ■ Nữ",
        "[04]. Số CCCD/ĐDCN/hộ chiếu: 014190001234", "[06]. Quốc tịch: Việt Nam",
        "[09]. Nơi đăng ký khám, chữa bệnh ban đầu: không áp dụng",
        "[10]. Đăng ký nhận kết quả giải quyết thủ tục hành chính: □ Bản điện tử □ Bản giấy",
        "[11.1].", "[11.2].", "[11.3].", "II. Thông tin bổ sung",
        f"[12]. Mức tiền đóng: {insurance.vnd_text(low)}/tháng", "[13]. Phương thức đóng: 12 tháng",
        "[15]. Đối tượng tham gia: (4) Tham gia BHXH tự nguyện", "B. Điều chỉnh thông tin",
        "[16]. Nội dung đề nghị:", "[17]. Giấy tờ kèm theo (nếu có):",
        "XÁC NHẬN CỦA ĐƠN VỊ", "Người kê khai", "Lò Thị Ỏn",
    ]:
        assert expected in text, expected
    assert "nơi đăng ký khai sinh" not in text.lower() and "Phụ lục" not in text  # gone from the 2026 form


def test_a_card_reissued_for_a_parent_names_the_parent_and_the_child_signs(tmp_path: Path) -> None:
    """Filed under authorisation: the insured person is the dossier's subject, the applicant declares."""
    mother = Subject(full_name="Nguyễn Thị Mận", personal_id="001158012345", birth_date=date(1958, 3, 4),
                     relation="mẹ")
    declaration, appendix = pages_of(tmp_path, build_hi_card_request(
        OFFICE, replace(demo.hi_card_dossier(), subject=mother), form=TK1_TS_490))
    assert "[01]. Họ và tên (viết chữ in hoa): NGUYỄN THỊ MẬN" in declaration
    assert "[02]. Giới tính: Nữ" in declaration and "[03]. Ngày, tháng, năm sinh: 04/03/1958" in declaration
    assert "[06]. Số CCCD/ĐDCN/Hộ chiếu: 001158012345" in declaration
    assert declaration.rstrip().endswith("Lê Văn Ưng")  # the applicant signs as the declarant
    assert "Nguyễn Thị Mận" in appendix and "04/03/1958" in appendix
    [form_2] = pages_of(tmp_path, build_hi_card_request(OFFICE, replace(demo.hi_card_dossier(), subject=mother)))
    assert "[01]. Họ và tên (viết chữ in hoa): NGUYỄN THỊ MẬN" in form_2 and "Lê Văn Ưng" in form_2


@pytest.mark.parametrize(("typed", "street", "commune", "province"), [
    ("Thôn Cẩm Thượng, xã Ba Vì, Hà Nội", "Thôn Cẩm Thượng", "xã Ba Vì", "Hà Nội"),
    ("Số 12, ngõ 3, phường Hà Đông, Hà Nội", "Số 12, ngõ 3", "phường Hà Đông", "Hà Nội"),
    ("Xóm Chợ Ba Vì", "Xóm Chợ Ba Vì", "", ""),  # no commas: left whole in the first box
])
def test_an_address_is_cut_into_the_three_boxes_of_the_2026_forms(typed, street, commune, province) -> None:
    assert postal_address(typed) == PostalAddress(street, commune, province)
