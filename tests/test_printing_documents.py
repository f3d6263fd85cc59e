"""Every paper: the exact Vietnamese a reader sees, fonts, the receipt's QR code."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from test_printing_support import flat, pdf_fonts, pdf_text, qr_codes, write

from counter_app import clock
from counter_app.models import DossierFee, StatusEvent
from counter_app.states import PORTAL_CODE, Action, Status
from printing import demo_data as demo
from printing.apology import build_apology
from printing.control_sheet import build_control_sheet
from printing.fee_receipt import build_fee_receipt
from printing.receipt import build_receipt
from printing.refusal import build_refusal
from printing.samples import documents, write_samples
from printing.supplement import build_supplement

OFFICE = demo.OFFICE
HEADING = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN XÃ BA VÌ"]


def text_of(tmp_path: Path, data: bytes) -> str:
    return flat(pdf_text(write(tmp_path, data)))


def test_receipt_has_every_item_in_both_copies(tmp_path: Path) -> None:
    dossier = demo.residence_dossier()
    pdf = write(tmp_path, build_receipt(OFFICE, dossier))
    pages = pdf_text(pdf).split("\f")
    assert len([p for p in pages if p.strip()]) == 2
    for page, copy in zip(pages, ("(Liên 1: Lưu)", "(Liên 2: Giao người nộp hồ sơ)"), strict=False):
        text = flat(page)
        for expected in HEADING + [
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", copy, "Mã hồ sơ: H26.49.09-261120-0012",
            "Trung tâm Phục vụ hành chính công cấp xã: Trung tâm Phục vụ hành chính công xã Ba Vì",
            "Tiếp nhận hồ sơ của: Nguyễn Thị Hoài Thương", "Số điện thoại: 0912 345 678",
            "Email: hoaithuong.nguyen@example.vn",
            "Nội dung yêu cầu giải quyết: Đăng ký thường trú tại nhà của bố mẹ chồng",
            "1. Thành phần hồ sơ nộp gồm:", "Tờ khai thay đổi thông tin cư trú (Mẫu CT01): 01 bản chính",
            "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp: 01 bản sao chứng thực",
            "2. Số lượng hồ sơ: 01 (bộ)", "3. Thời gian giải quyết hồ sơ theo quy định: 07 ngày làm việc",
            "4. Thời gian nhận hồ sơ: 08 giờ 35 phút, ngày 20 tháng 11 năm 2026",
            "5. Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 35 phút, ngày 01 tháng 12 năm 2026",
            "6. Đăng ký nhận kết quả tại:", "20.000 đ", "Bằng chữ: Hai mươi nghìn đồng",
            "Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 975",
            "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Thị Lan Anh", "Mẫu số 01", "03/2025/TT-VPCP",
        ]:
            assert expected in text, expected
        # A paper not yet handed in is not listed as received.
        assert "Giấy xác nhận quan hệ nhân thân" not in text


def test_receipt_follows_the_office_regulation_profile(tmp_path: Path) -> None:
    office = replace(OFFICE, regulation_profile="tt01-2018")
    text = text_of(tmp_path, build_receipt(office, demo.residence_dossier()))
    assert "Thông tư số 01/2018/TT-VPCP" in text
    assert "118/2025" not in text


def test_receipt_qr_decodes_to_the_dossier_code_on_both_copies(tmp_path: Path) -> None:
    dossier = demo.residence_dossier()
    pdf = write(tmp_path, build_receipt(OFFICE, dossier))
    assert qr_codes(pdf, tmp_path, page=1, dpi=80) == [dossier.code]
    assert qr_codes(pdf, tmp_path, page=2) == [dossier.code]


def test_receipt_qr_carries_the_lookup_url_when_configured(tmp_path: Path) -> None:
    office = replace(OFFICE, status_lookup_url="https://dichvucong.example.vn/tra-cuu?ma=")
    dossier = demo.residence_dossier()
    pdf = write(tmp_path, build_receipt(office, dossier))
    assert qr_codes(pdf, tmp_path) == [f"https://dichvucong.example.vn/tra-cuu?ma={dossier.code}"]
    assert "Tra cứu tình trạng hồ sơ" in flat(pdf_text(pdf))


def test_receipt_by_post_and_exempt_fee(tmp_path: Path) -> None:
    text = text_of(tmp_path, build_receipt(OFFICE, demo.hi_card_dossier()))
    assert "Tiếp nhận hồ sơ của: Lê Văn Ưng" in text
    assert "3. Thời gian giải quyết hồ sơ theo quy định: Trong ngày" in text
    assert "Qua dịch vụ bưu chính công ích, địa chỉ: Thôn Cẩm Thượng, xã Ba Vì, Hà Nội" in text
    assert "Phí cấp lại thẻ BHYT: miễn (Không thu phí)" in text
    assert "Email: ……" in text  # unknown values keep the template's dotted leaders


def layout_text(tmp_path: Path, data: bytes) -> str:
    """Text with table rows kept on their lines (pdftotext -layout)."""
    return pdf_text(write(tmp_path, data, "layout.pdf"), layout=True)


def test_supplement_lists_requested_papers_with_their_form(tmp_path: Path) -> None:
    data = build_supplement(OFFICE, demo.residence_dossier(), reason="Thiếu giấy tờ nhân thân", on=date(2026, 11, 20))
    text = text_of(tmp_path, data)
    table = layout_text(tmp_path, data)
    assert re.search(r"TT\s+Thành phần hồ sơ\s+Bản chính\s+Bản photo", table)
    assert "Bản chứng" in table
    # The photocopy count sits at the far right, under "Bản photo".
    row = re.search(r"^\s*1\s+Giấy xác nhận quan hệ nhân thân với chủ hộ\s+02\s*$", table, re.M)
    assert row, table
    for expected in ["PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Hồ sơ của: Nguyễn Thị Hoài Thương",
                     "Lý do: Thiếu giấy tờ nhân thân",
                     "NGƯỜI HƯỚNG DẪN", "Mẫu số 02", "Ba Vì, ngày 20 tháng 11 năm 2026"]:
        assert expected in text, expected


def test_supplement_defaults_to_the_recorded_request(tmp_path: Path) -> None:
    dossier = demo.residence_dossier()
    event = StatusEvent(id=9, at=datetime(2026, 11, 21, 9, 0), action=Action.REQUEST_SUPPLEMENT.value,
                        from_status="processing", to_status="supplement_requested",
                        portal_code=PORTAL_CODE[Status.SUPPLEMENT_REQUESTED], username="lananh",
                        user_full_name="Trần Thị Lan Anh", note="Bản sao sổ đỏ bị mờ",
                        data={"missing_papers": ["Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp", "Sơ đồ nhà đất"]})
    data = build_supplement(OFFICE, replace(dossier, events=dossier.events + (event,)))
    text, table = text_of(tmp_path, data), layout_text(tmp_path, data)
    assert re.search(r"^\s*1\s+Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp\s+01\s*$", table, re.M), table
    assert re.search(r"^\s*2\s+Sơ đồ nhà đất\s*$", table, re.M), table
    assert "Lý do: Bản sao sổ đỏ bị mờ" in text


def test_refusal_states_reason_and_basis(tmp_path: Path) -> None:
    text = text_of(tmp_path, build_refusal(OFFICE, demo.residence_dossier(), reason="Không thuộc thẩm quyền",
                                           legal_basis="khoản 1 Điều 20 Luật Cư trú năm 2020"))
    for expected in ["PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Tiếp nhận hồ sơ của: Nguyễn Thị Hoài Thương",
                     "Căn cứ quy định tại khoản 1 Điều 20 Luật Cư trú năm 2020", "Không thuộc thẩm quyền",
                     "Mẫu số 03", "NGƯỜI TIẾP NHẬN HỒ SƠ"]:
        assert expected in text, expected


def test_apology_gives_old_and_new_due_times(tmp_path: Path) -> None:
    text = text_of(tmp_path, build_apology(OFFICE, demo.residence_dossier(), new_due_at=datetime(2026, 12, 4, 15, 0),
                                           reason="Cần xác minh thêm", signer_name="Nguyễn Văn Hùng"))
    for expected in ["VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ", "Kính gửi: Bà Nguyễn Thị Hoài Thương",
                     "Thời gian hẹn trả kết quả giải quyết hồ sơ: 08 giờ 35 phút, ngày 01 tháng 12 năm 2026",
                     "vào 15 giờ 00 phút, ngày 04 tháng 12 năm 2026", "Lý do: Cần xác minh thêm",
                     "Mã hồ sơ: H26.49.09-261120-0012", "Mẫu số 04", "Nguyễn Văn Hùng"]:
        assert expected in text, expected


def test_apology_keeps_its_2018_title_under_the_2018_profile(tmp_path: Path) -> None:
    office = replace(OFFICE, regulation_profile="tt01-2018")
    text = text_of(tmp_path, build_apology(office, demo.residence_dossier(), new_due_at=datetime(2026, 12, 4, 15, 0)))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text and "01/2018/TT-VPCP" in text


def test_apology_reads_the_reschedule_event(tmp_path: Path) -> None:
    dossier = demo.residence_dossier()
    event = StatusEvent(id=9, at=datetime(2026, 11, 30, 16, 0), action=Action.RESCHEDULE.value,
                        from_status="processing", to_status="processing", portal_code=4, username="lead",
                        user_full_name="Nguyễn Văn Hùng", note="Chờ ý kiến Công an xã",
                        data={"old_due_at": clock.to_db(datetime(2026, 12, 1, 8, 35)),
                              "new_due_at": clock.to_db(datetime(2026, 12, 3, 10, 0))})
    moved = replace(dossier, due_at=datetime(2026, 12, 3, 10, 0), events=dossier.events + (event,))
    text = text_of(tmp_path, build_apology(OFFICE, moved))
    assert "kết quả giải quyết hồ sơ: 08 giờ 35 phút, ngày 01 tháng 12 năm 2026" in text
    assert "vào 10 giờ 00 phút, ngày 03 tháng 12 năm 2026" in text
    assert "Lý do: Chờ ý kiến Công an xã" in text
    with pytest.raises(ValueError):
        build_apology(OFFICE, dossier)


def test_control_sheet_has_one_row_per_handover(tmp_path: Path) -> None:
    data = build_control_sheet(OFFICE, demo.residence_dossier())
    text, table = text_of(tmp_path, data), layout_text(tmp_path, data)
    for expected in ["PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Kèm theo hồ sơ của: Nguyễn Thị Hoài Thương",
                     "Mã hồ sơ: H26.49.09-261120-0012", "Mẫu số 06"]:
        assert expected in text, expected
    # Row 2 is the transfer: time, giver, receiver, no timeliness, the action as note.
    assert re.search(r"10:35\s+Trần Thị Lan\s+Đỗ Quang\s*$", table, re.M), table
    assert re.search(r"^\s*2\s+Chuyển xử lý\s*$", table, re.M), table
    assert table.count("Trước hạn") == 2  # result back early, returned early
    assert "Trả kết quả" in table


def test_control_sheet_marks_late_results(tmp_path: Path) -> None:
    dossier = demo.residence_dossier()
    late = replace(dossier, due_at=datetime(2026, 11, 25, 8, 0))
    assert "Quá hạn" in text_of(tmp_path, build_control_sheet(OFFICE, late))


def test_fee_receipt_in_figures_and_words(tmp_path: Path) -> None:
    text = text_of(tmp_path, build_fee_receipt(OFFICE, demo.business_dossier(), number=123, series="BL-26E"))
    for expected in ["BIÊN LAI THU PHÍ, LỆ PHÍ", "Người nộp tiền: Hoàng Thị Ngọc Ánh", "Số: 0000123",
                     "Tổng số tiền: 1.234.000 đ", "Số tiền bằng chữ: Một triệu hai trăm ba mươi bốn nghìn đồng",
                     "Lệ phí đăng ký hộ kinh doanh 100.000 đ", "NGƯỜI THU TIỀN", "Trần Thị Lan Anh"]:
        assert expected in text, expected


@pytest.mark.parametrize("stem", sorted(documents()))
def test_only_embedded_liberation_serif_subsets(tmp_path: Path, stem: str) -> None:
    build: Callable[[], bytes] = documents()[stem]
    fonts = pdf_fonts(write(tmp_path, build()))
    assert fonts, "no fonts at all?"
    for font in fonts:
        assert font["name"].split("+", 1)[-1].startswith("LiberationSerif"), font
        assert "+" in font["name"] and font["sub"] == "yes" and font["emb"] == "yes", font


def test_zero_fee_reads_as_exempt_not_zero_dong(tmp_path: Path) -> None:
    dossier = replace(demo.residence_dossier(), fees=(DossierFee("Lệ phí đăng ký khai sinh đúng hạn", 0),))
    text = text_of(tmp_path, build_receipt(OFFICE, dossier))
    assert "Lệ phí đăng ký khai sinh đúng hạn: miễn" in text
    assert "0 đ" not in text and "Tổng số tiền" not in text
    fee = text_of(tmp_path, build_fee_receipt(OFFICE, dossier, number=1))
    assert "Hình thức thanh toán: Miễn thu" in fee and "Số tiền bằng chữ: Không đồng" in fee


def test_names_with_markup_characters_are_escaped(tmp_path: Path) -> None:
    dossier = demo.residence_dossier()
    odd = replace(dossier, applicant=replace(dossier.applicant, full_name="Công ty A & B <Việt Nam>"))
    assert "Tiếp nhận hồ sơ của: Công ty A & B <Việt Nam>" in text_of(tmp_path, build_receipt(OFFICE, odd))


def test_samples_write_every_document(tmp_path: Path) -> None:
    written = write_samples(tmp_path, png=False)
    assert {p.stem for p in written} == set(documents())
    assert all(p.read_bytes().startswith(b"%PDF") for p in written)
