"""The TK1-TS of Decision 490/QĐ-BHXH (2023), for dossiers received before 1/5/2026: items [01]–[19], the appendix.

Section I is for a participant without a social insurance number, section II for changes of
one who has it; a card reissue fills section II and item [18] states the request with the
card's code, the reason (lost, damaged, changed details) marked ■ among □. It is the citizen's
declaration: no agency on the left of the heading, the declarant (NGƯỜI KÊ KHAI) signs.

The items follow Decision 490/QĐ-BHXH as listed in issue 13. Addresses print commune and
province: districts were abolished on 1/7/2025. Dossiers received from 1/5/2026 are printed on
the forms of Decision 366 (:mod:`printing.insurance_forms_2026`).
"""
from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from counter_app.models import Dossier, Office

from .declaration_parts import (
    SEX_VI,
    Reason,
    attached_papers,
    declarant,
    is_child,
    item,
    nationality,
    pair,
    paper_lines,
    participant,
    reissue_request,
    result_address,
)
from .fill_in import FillIn
from .layout import build_pdf, corner, dmy, esc, grid_style, national_heading, page_width, para
from .regulations import INSURANCE_FORMS, TK1_TS_490

TITLE = "TỜ KHAI"
SUBTITLE = "THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ"
APPENDIX_TITLE = "PHỤ LỤC THÀNH VIÊN HỘ GIA ĐÌNH"
APPENDIX_ROWS = 6


def _section_one(dossier: Dossier, width: float) -> list[Flowable]:
    a = participant(dossier)
    child = is_child(a, dossier.received_at.date())
    story = [
        para("<b>I. Áp dụng đối với người tham gia chưa có mã số BHXH</b>", "left"),
        item("01", "Họ và tên (viết chữ in hoa)", a.full_name.upper(), bold=True),
        pair(item("02", "Giới tính", SEX_VI.get(a.sex, "")), item("03", "Ngày, tháng, năm sinh", dmy(a.birth_date)),
             width),
        pair(item("04", "Quốc tịch", nationality(a)), item("05", "Dân tộc", ""), width),
        item("06", "Số CCCD/ĐDCN/Hộ chiếu", a.personal_id or a.old_id),
        pair(item("07", "Điện thoại", a.phone), item("08", "Email", a.email), width),
        item("09", "Nơi đăng ký khai sinh (xã/phường, tỉnh/thành phố)", ""),
    ]
    if child is False:
        story.append(para("<b>[10].</b> Họ tên cha/mẹ hoặc người giám hộ (đối với trẻ em dưới 6 tuổi): "
                          "không áp dụng", "left"))
    else:
        story.append(item("10", "Họ tên cha/mẹ hoặc người giám hộ (trẻ em dưới 6 tuổi)", ""))
    story += [
        item("11", "Địa chỉ nhận kết quả (số nhà, thôn/xóm, xã/phường, tỉnh/thành phố)", result_address(dossier, a)),
        para("<b>[12].</b> Kê khai Phụ lục Thành viên hộ gia đình (phụ lục kèm theo)", "left"),
    ]
    return story


def _changes_table(width: float) -> Table:
    rows = [[para(h, "cell_head") for h in ("Nội dung thay đổi", "Thông tin cũ", "Thông tin mới")]]
    rows += [["", "", ""] for _ in range(3)]
    table = Table(rows, colWidths=[width * 0.34, width * 0.33, width * 0.33], rowHeights=[None] + [8 * mm] * 3)
    table.setStyle(TableStyle(grid_style()))
    return table


def _section_two(dossier: Dossier, reason: Reason | None, width: float) -> list[Flowable]:
    a = participant(dossier)
    story: list[Flowable] = [
        Spacer(1, 4),
        para("<b>II. Áp dụng đối với người tham gia đã có mã số BHXH thay đổi thông tin</b>", "left"),
        item("13", "Mã số BHXH", a.social_insurance_no, bold=True),
        para("<b>[14].</b> Thay đổi họ tên, giới tính, ngày sinh, nơi ĐKKS, số CCCD/ĐDCN/Hộ chiếu:", "left"),
    ]
    story.append(_changes_table(width) if reason in (Reason.CHANGED, None) else para("Không thay đổi.", "indent"))
    story += [
        item("15", "Mức tiền đóng BHXH tự nguyện (đồng/tháng)", ""),
        item("16", "Phương thức đóng", ""),
        item("17", "Nơi đăng ký khám bệnh, chữa bệnh ban đầu", ""),
        para("<b>[18].</b> Nội dung thay đổi khác, yêu cầu:", "left"),
        para(reissue_request(reason, a.hi_card_code), "indent"),
        para("<b>[19].</b> Hồ sơ kèm theo (nếu có):", "left"),
        *paper_lines(attached_papers(dossier)),
    ]
    return story


def _appendix(office: Office, dossier: Dossier, on: date, width: float) -> list[Flowable]:
    """The household members' table: the insured person on the first row, the others to write in."""
    a = participant(dossier)
    heads = ("TT", "Họ và tên", "Mã số BHXH", "Ngày, tháng, năm sinh", "Giới tính", "Nơi đăng ký khai sinh",
             "Quan hệ với chủ hộ", "Số CCCD/ ĐDCN/ Hộ chiếu", "Ghi chú")
    first = ["1", a.full_name, a.social_insurance_no, dmy(a.birth_date), SEX_VI.get(a.sex, ""), "", "",
             a.personal_id or a.old_id, ""]
    rows = [[para(h, "small_head") for h in heads], [para(esc(v), "small_center") for v in first]]
    rows += [[para(str(n), "small_center")] + [""] * 8 for n in range(2, APPENDIX_ROWS + 1)]
    fractions = (0.05, 0.18, 0.12, 0.11, 0.06, 0.14, 0.1, 0.14, 0.1)
    table = Table(rows, colWidths=[f * width for f in fractions], rowHeights=[None] + [10 * mm] * APPENDIX_ROWS)
    table.setStyle(TableStyle(grid_style(font_size=9)))
    return [
        PageBreak(),
        para(APPENDIX_TITLE, "title"),
        para("(Kèm theo Tờ khai TK1-TS)", "italic_center"),
        Spacer(1, 8),
        FillIn("Họ và tên chủ hộ:"),
        FillIn("Số CCCD/ĐDCN/Hộ chiếu của chủ hộ:"),
        para(f"Địa chỉ hộ gia đình: {esc(a.address)}", "left") if a.address else FillIn("Địa chỉ hộ gia đình:"),
        Spacer(1, 6),
        table,
        Spacer(1, 10),
        declarant(office, dossier, on, width),
    ]


def build_tk1_ts_2023(office: Office, dossier: Dossier, reason: Reason | None, on: date) -> bytes:
    """The TK1-TS of Decision 490 with its appendix, ``reason`` marked (None: every box left open)."""
    info = INSURANCE_FORMS[TK1_TS_490]
    width = page_width()
    to = dossier.processing_agency or dossier.procedure.agency or "Cơ quan Bảo hiểm xã hội"
    story: list[Flowable] = [*corner(info, space=6), *national_heading(), Spacer(1, 6)]
    story += [para(TITLE, "title"), para(SUBTITLE, "head_bold"), Spacer(1, 6),
              para(f"Kính gửi: {esc(to)}", "center"), Spacer(1, 6)]
    story += _section_one(dossier, width)
    story += _section_two(dossier, reason, width)
    story += [
        Spacer(1, 6),
        para("Tôi cam đoan những nội dung kê khai là đúng và chịu trách nhiệm trước pháp luật về những nội dung "
             "đã kê khai.", "prose"),
        Spacer(1, 6),
        declarant(office, dossier, on, width),
    ]
    story += _appendix(office, dossier, on, width)
    return build_pdf(story, title_text=f"TK1-TS {dossier.code}")
