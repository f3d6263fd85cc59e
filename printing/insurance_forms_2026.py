"""The insurance declarations of Decision 366/QĐ-BHXH (in force 1/5/2026), prefilled from the dossier.

Decision 366 Art. 4 splits who declares on what (:func:`printing.regulations.insurance_form`):

- the new TK1-TS, "Tờ khai đăng ký, điều chỉnh thông tin tham gia BHXH, BHYT": A. Đăng ký tham
  gia (I. general items [01]–[11.3]; II. supplementary items [12]–[15], which voluntary social
  insurance fills with the income and the period it pays for), B. Điều chỉnh thông tin [16]–[17];
- Decree 188/2025's Mẫu số 2, "Tờ khai tham gia, điều chỉnh thông tin bảo hiểm y tế", for who
  takes health insurance only: I. first registration [01]–[10.2c], II. changes [11]–[12] (a
  card reissued is a request under [11]);
- Decree 188/2025's Mẫu số 4, the household's members list, one row per member with the base
  salary (column 5) and the months the payment covers (column 10), as its guidance asks.

Items and wording follow the forms attached to the decision (see :mod:`printing.regulations`).
What the dossier knows is printed; the rest keeps a dotted line or an open box for the citizen.
The amounts come from the dossier's contribution line (:func:`counter_app.insurance.fee_terms`),
so the form says what the receipt and the fee receipt say.
"""
from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from counter_app.insurance import FeeTerms, Scheme, base_salary_on, fee_terms
from counter_app.models import Applicant, Delivery, Dossier, Office
from counter_app.text import vnd_text

from .declaration_parts import (
    SEX_VI,
    Reason,
    attached_papers,
    declarant,
    item,
    marked,
    nationality,
    pair,
    paper_lines,
    participant,
    postal_address,
    reissue_request,
    result_address,
)
from .fill_in import FillIn
from .fonts import SERIF
from .layout import (
    LANDSCAPE,
    Signature,
    build_pdf,
    corner,
    dmy,
    esc,
    grid_style,
    national_heading,
    page_width,
    para,
)
from .regulations import HI_DECLARATION_188, HOUSEHOLD_LIST_188, INSURANCE_FORMS, TK1_TS_366

VOLUNTARY_PARTICIPANT = "(4) Tham gia BHXH tự nguyện"
HOUSEHOLD_ROWS = 4  # rows printed at least, with room to add members by hand


def _terms(dossier: Dossier, scheme: Scheme) -> FeeTerms | None:
    """The contribution the counter quoted for this dossier (its fee line), if any."""
    for fee in dossier.fees:
        terms = fee_terms(fee.name)
        if terms is not None and terms.scheme is scheme:
            return terms
    return None


def _title(*lines: str) -> list[Flowable]:
    return [Spacer(1, 4), para(lines[0], "title"), *(para(line, "head_bold") for line in lines[1:]), Spacer(1, 4)]


def _sex(person: Applicant) -> list[tuple[str, bool]]:
    return [("Nam", person.sex == "male"), ("Nữ", person.sex == "female")]


def _paper_by_post(dossier: Dossier) -> bool:
    return dossier.delivery is Delivery.POST


def _address_items(numbers: tuple[str, str, str], text: str, width: float) -> list[Flowable]:
    """The street, commune and province boxes of an address (all left to write when it is unknown)."""
    address = postal_address(text)
    return [item(numbers[0], "Số nhà, đường/phố, thôn/xóm", address.street),
            pair(item(numbers[1], "Xã, phường, đặc khu", address.commune),
                 item(numbers[2], "Tỉnh, thành phố", address.province), width)]


# ------------------------------------------------------------------------------------- TK1-TS
def build_tk1_ts_2026(office: Office, dossier: Dossier, reason: Reason | None, on: date) -> bytes:
    """The TK1-TS of Decision 366; a voluntary social insurance dossier's income and period in [12]–[15]."""
    a = participant(dossier)
    width = page_width()
    voluntary = _terms(dossier, Scheme.VOLUNTARY)
    by_post = _paper_by_post(dossier)
    story: list[Flowable] = [*corner(INSURANCE_FORMS[TK1_TS_366], space=4), *national_heading(),
                             *_title("TỜ KHAI", "ĐĂNG KÝ, ĐIỀU CHỈNH THÔNG TIN THAM GIA BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ"),
                             item("", "Mã số BHXH", a.social_insurance_no, bold=True),
                             para("<b>A. Đăng ký tham gia</b>", "left"), para("<b>I. Thông tin chung</b>", "left"),
                             item("01", "Họ và tên", a.full_name, bold=True),
                             pair(marked("02", "Giới tính", _sex(a)),
                                  item("03", "Ngày, tháng, năm sinh", dmy(a.birth_date)), width),
                             item("04", "Số CCCD/ĐDCN/hộ chiếu", a.personal_id or a.old_id),
                             pair(item("05", "Dân tộc", ""), item("06", "Quốc tịch", nationality(a)), width),
                             pair(item("07", "Số điện thoại", a.phone), item("08", "Địa chỉ email", a.email), width)]
    clinic = "Nơi đăng ký khám, chữa bệnh ban đầu"
    story.append(para(f"<b>[09].</b> {clinic}: không áp dụng (tham gia BHXH tự nguyện)", "left") if voluntary
                 else item("09", clinic, ""))
    story += [marked("10", "Đăng ký nhận kết quả giải quyết thủ tục hành chính",
                     [("Bản điện tử", False), ("Bản giấy", by_post)]),
              para("<b>[11].</b> Địa chỉ nhận bản giấy:", "left"),
              *_address_items(("11.1", "11.2", "11.3"), dossier.delivery_address if by_post else "", width),
              para("<b>II. Thông tin bổ sung</b>", "left"),
              para("(áp dụng đối với chủ hộ kinh doanh; người quản lý doanh nghiệp, hợp tác xã không hưởng tiền "
                   "lương; người tham gia BHXH tự nguyện, BHTNLĐ theo hình thức tự nguyện; đăng ký tham gia lại, "
                   "thay đổi phương thức đóng, mức thu nhập làm căn cứ đóng)", "small"),
              pair(item("12", "Mức tiền đóng", f"{vnd_text(voluntary.income_vnd)}/tháng" if voluntary else ""),
                   item("13", "Phương thức đóng", f"{voluntary.months} tháng" if voluntary else ""), width),
              item("14", "Nghề, công việc, thời gian và nơi làm việc (BHTNLĐ tự nguyện)", ""),
              item("15", "Đối tượng tham gia", VOLUNTARY_PARTICIPANT if voluntary else ""),
              para("<b>B. Điều chỉnh thông tin</b>", "left"),
              para("<b>[16].</b> Nội dung đề nghị:", "left")]
    if reason is not None:
        story.append(para(reissue_request(reason, a.hi_card_code), "indent"))
    else:
        story.append(FillIn(indent=10 * mm))
    story += [para("<b>[17].</b> Giấy tờ kèm theo (nếu có):", "left"),
              *paper_lines(attached_papers(dossier)),
              para("Tôi chịu trách nhiệm trước pháp luật về nội dung kê khai.", "prose"),
              declarant(office, dossier, on, width, hint="(Ký, ghi rõ họ, tên)", title="Người kê khai", left=Signature(
                  "XÁC NHẬN CỦA ĐƠN VỊ", "(áp dụng đối với người lao động đang tham gia BHXH bắt buộc thay đổi họ, "
                  "tên đệm, tên; ngày, tháng, năm sinh)"))]
    return build_pdf(story, title_text=f"TK1-TS {dossier.code}")


# ----------------------------------------------------------------------------------- Mẫu số 2
def build_hi_declaration(office: Office, dossier: Dossier, reason: Reason | None, on: date) -> bytes:
    """Mẫu số 2 of Decree 188/2025: the participant's items, the card by post or online, the request in [11]."""
    a = participant(dossier)
    width = page_width()
    by_post = _paper_by_post(dossier)
    story: list[Flowable] = [
        *corner(INSURANCE_FORMS[HI_DECLARATION_188], space=4), *national_heading(),
        *_title("TỜ KHAI", "THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM Y TẾ"),
        item("", "Mã số bảo hiểm y tế", a.social_insurance_no, bold=True),
        para("<b>I. Đăng ký tham gia bảo hiểm y tế lần đầu</b>", "left"),
        item("01", "Họ và tên (viết chữ in hoa)", a.full_name.upper(), bold=True),
        pair(item("02", "Giới tính", SEX_VI.get(a.sex, "")), item("03", "Ngày, tháng, năm sinh", dmy(a.birth_date)),
             width),
        pair(item("04", "Dân tộc", ""), item("05", "Quốc tịch", nationality(a)), width),
        item("06", "Số CCCD/ĐDCN/Hộ chiếu", a.personal_id or a.old_id),
        pair(item("07", "Điện thoại", a.phone), item("08", "Email (nếu có)", a.email), width),
        item("09", "Nơi đăng ký khám, chữa bệnh ban đầu", ""),
        para("<b>[10].</b> Đăng ký nhận kết quả giải quyết thủ tục hành chính:", "left"),
        marked("10.1", "Nhận thẻ bảo hiểm y tế bản điện tử", [("VssID", False), ("Email", False)]),
        para("<b>[10.2].</b> Nhận thẻ bảo hiểm y tế bản giấy, địa chỉ:", "left"),
        *_address_items(("10.2a", "10.2b", "10.2c"), result_address(dossier, a) if by_post else "", width),
        Spacer(1, 4),
        para("<b>II. Điều chỉnh thông tin ghi trên thẻ bảo hiểm y tế</b>", "left"),
        para("<b>[11].</b> Nội dung đề nghị điều chỉnh:", "left"),
        para(reissue_request(reason, a.hi_card_code), "indent") if _reissues_card(dossier, reason)
        else FillIn(indent=10 * mm),
        para("<b>[12].</b> Hồ sơ kèm theo (nếu có):", "left"),
        *paper_lines(attached_papers(dossier)),
        Spacer(1, 6),
        declarant(office, dossier, on, width, hint="(Ký, ghi rõ họ, tên)"),
        Spacer(1, 4),
        para("<i>Ghi chú: Người tham gia tra cứu mã số bảo hiểm y tế tại địa chỉ: https://baohiemxahoi.gov.vn</i>",
             "small"),
    ]
    return build_pdf(story, title_text=f"Mẫu số 2 {dossier.code}")


def _reissues_card(dossier: Dossier, reason: Reason | None) -> bool:
    """A card reissue: a reason was given or typed, or the procedure's name says "cấp lại"."""
    return reason is not None or "cấp lại" in dossier.procedure.name.lower()


# ----------------------------------------------------------------------------------- Mẫu số 4
HOUSEHOLD_HEADS = ("STT", "Họ và tên", "Mã số bảo hiểm y tế", "Số CCCD/ ĐDCN", "Ngày, tháng, năm sinh",
                   "Nơi đăng ký khám bệnh, chữa bệnh ban đầu", "Tiền lương", "Quan hệ với chủ hộ",
                   "Tỷ lệ NSNN hỗ trợ (%)", "Bản điện tử", "Bản giấy", "Ghi chú")
HOUSEHOLD_COLUMN_NUMBERS = ("A", "B", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10")
_HOUSEHOLD_WIDTHS = (0.04, 0.17, 0.1, 0.1, 0.08, 0.13, 0.08, 0.08, 0.06, 0.05, 0.05, 0.06)


def build_household_list(office: Office, dossier: Dossier, on: date) -> bytes:
    """Mẫu số 4 of Decree 188/2025 on landscape A4: a row per member, the insured person first.

    Column 5 is the base salary in force on the payment day (the receipt's) and column 10 the
    months the payment covers, for every member the quote counted; names and numbers of the
    other members are the household's to write.
    """
    a = participant(dossier)
    width = page_width(LANDSCAPE)
    terms = _terms(dossier, Scheme.HOUSEHOLD)
    members = terms.members if terms else 0
    salary = vnd_text(base_salary_on(dossier.received_at.date()).vnd).removesuffix(" đ") if terms else ""
    months = f"{terms.months} tháng" if terms else ""
    address = postal_address(a.address)
    collector = [FillIn("Tên tổ chức:"), FillIn("Mã tổ chức:"), FillIn("Họ và tên nhân viên thu:"),
                 FillIn("Mã nhân viên thu:")]
    heading = [*corner(INSURANCE_FORMS[HOUSEHOLD_LIST_188], space=4), *national_heading()]
    top = Table([[collector, heading]], colWidths=[width * 0.45, width * 0.55])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("FONTNAME", (0, 0), (-1, -1), SERIF)]))
    rows: list[list[object]] = [
        [para(h, "small_head") for h in HOUSEHOLD_HEADS[:9]] + [para("Thẻ bảo hiểm y tế", "small_head"), "",
                                                                para(HOUSEHOLD_HEADS[11], "small_head")],
        [""] * 9 + [para(h, "small_head") for h in HOUSEHOLD_HEADS[9:11]] + [""],
        [para(n, "small_head") for n in HOUSEHOLD_COLUMN_NUMBERS],
    ]
    for number in range(1, max(members, HOUSEHOLD_ROWS) + 1):
        counted = number <= members
        first = number == 1
        values = [str(number), a.full_name if first else "", a.social_insurance_no if first else "",
                  (a.personal_id or a.old_id) if first else "", dmy(a.birth_date) if first else "", "",
                  salary if counted else "", "", "", "", "X" if first and _paper_by_post(dossier) else "",
                  months if counted else ""]
        rows.append([para(esc(v), "small_center") for v in values])
    table = Table(rows, colWidths=[f * width for f in _HOUSEHOLD_WIDTHS], repeatRows=3,
                  rowHeights=[None, None, None] + [7.5 * mm] * (len(rows) - 3))
    spans = [("SPAN", (c, 0), (c, 1)) for c in (*range(9), 11)] + [("SPAN", (9, 0), (10, 0))]
    table.setStyle(TableStyle(grid_style(header_rows=3, font_size=9) + spans))
    story: list[Flowable] = [
        top, *_title("DANH SÁCH THÀNH VIÊN HỘ GIA ĐÌNH", "THAM GIA BẢO HIỂM Y TẾ"),
        pair(FillIn("Họ và tên chủ hộ:"), FillIn("Số điện thoại (nếu có):"), width),
        item("", "Địa chỉ: Số nhà, đường/phố, thôn/xóm", address.street),
        pair(item("", "Xã, phường, đặc khu", address.commune), item("", "Tỉnh, thành phố", address.province), width),
        Spacer(1, 4), table, Spacer(1, 4),
        para(f"Tổng số người đề nghị cấp thẻ bảo hiểm y tế: {members or '.......'} "
             "(Trong đó: ....... thẻ bảo hiểm y tế bản giấy)", "left"),
        para("Tôi cam đoan những nội dung kê khai là đúng và chịu trách nhiệm trước pháp luật về những nội dung "
             "đã kê khai.", "prose"),
        declarant(office, dossier, on, width, left=Signature(
            "TỔ CHỨC HỖ TRỢ PHÁT TRIỂN ĐỐI TƯỢNG", "(Ký, ghi rõ họ tên, đóng dấu)",
            above="Đề nghị cơ quan BHXH thanh toán thù lao theo quy định."),
            hint="(Ký, ghi rõ họ tên)"),
    ]
    return build_pdf(story, title_text=f"Mẫu số 4 {dossier.code}", pagesize=LANDSCAPE)
