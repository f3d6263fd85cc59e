"""Tờ khai TK1-TS, prefilled from the dossier: both sections, items [01]–[19], the household appendix.

The citizen checks, completes by hand and signs, so everything the dossier knows is printed and
every item it does not know gets a dotted line to write on (:class:`printing.fill_in.FillIn`).
Section I is for a participant without a social insurance number, section II for changes of
one who has it; a card reissue fills section II and item [18] states the request with the
card's code, the reason (lost, damaged, changed details) marked ■ among □. It is the citizen's
declaration: no agency on the left of the heading, the declarant (NGƯỜI KÊ KHAI) signs.

The items follow Decision 490/QĐ-BHXH (2023) as listed in issue 13; the Decision 366/QĐ-BHXH
(2026) profile prints the same items until its text is found (``TK1_TS[...].to_check``).
Addresses print commune and province: districts were abolished on 1/7/2025.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from counter_app import ids
from counter_app.models import Applicant, Delivery, Dossier, Office
from counter_app.text import fold

from .fill_in import FillIn
from .fonts import SERIF
from .layout import Signature, build_pdf, dmy, esc, grid_style, national_heading, page_width, para, place_date, signatures
from .regulations import DEFAULT_TK1_TS, TK1_TS

TITLE = "TỜ KHAI"
SUBTITLE = "THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ"
APPENDIX_TITLE = "PHỤ LỤC THÀNH VIÊN HỘ GIA ĐÌNH"
APPENDIX_ROWS = 6


class Reason(StrEnum):
    """Why the card is reissued; marked in item [18]."""

    LOST = "lost"
    DAMAGED = "damaged"
    CHANGED = "changed"


REASON_VI = {Reason.LOST: "mất", Reason.DAMAGED: "hỏng", Reason.CHANGED: "thay đổi thông tin"}
# Whole words of the dossier's summary that say the reason (folded: typed with or without marks).
_REASON_WORDS = {Reason.LOST: re.compile(r"\bmat\b"), Reason.DAMAGED: re.compile(r"\b(hong|hu|rach)\b"),
                 Reason.CHANGED: re.compile(r"\b(thay doi|sai|dieu chinh)\b")}
SEX_VI = {"male": "Nam", "female": "Nữ"}


def reason_of(dossier: Dossier) -> Reason | None:
    """The reason the counter typed in the summary ("Cấp lại thẻ BHYT do bị mất"), if it says one."""
    text = fold(dossier.summary)
    found = [r for r, words in _REASON_WORDS.items() if words.search(text)]
    return found[0] if len(found) == 1 else None


def _item(number: str, label: str, value: str, *, bold: bool = False) -> Flowable:
    """"[nn]. label: value", or the label and a dotted line when the value is unknown."""
    if not value:
        return FillIn(f"{label}:", number=f"[{number}].")
    shown = f"<b>{esc(value)}</b>" if bold else esc(value)
    return para(f"<b>[{number}].</b> {esc(label)}: {shown}", "left")


def _pair(left: Flowable, right: Flowable, width: float) -> Table:
    """Two short items side by side, as the form sets them, so the declaration fits one page."""
    table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), 8),
                               ("RIGHTPADDING", (1, 0), (1, 0), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def _reason_line(reason: Reason | None, card_code: str) -> Flowable:
    marks = "&nbsp;&nbsp;&nbsp;".join(f"{'■' if r is reason else '□'} {REASON_VI[r]}" for r in Reason)
    card = esc(card_code) if card_code else "…………………………"
    return para(f"Cấp lại thẻ BHYT, mã thẻ BHYT: <b>{card}</b><br/>Lý do:&nbsp;&nbsp;{marks}", "indent")


def _is_child(a: Applicant, on: date) -> bool | None:
    if a.birth_date is None:
        return None
    return (on.year - a.birth_date.year - ((on.month, on.day) < (a.birth_date.month, a.birth_date.day))) < 6


def _participant(dossier: Dossier) -> Applicant:
    """The insured person the form is about: the dossier's subject when one was filed for, else the applicant.

    A card reissued for an elderly parent names the parent in items [01]–[06] and on the appendix;
    the applicant stays the declarant who signs, and the contact for the result. The card and
    social insurance numbers are the ones the clerk typed for this dossier.
    """
    a, s = dossier.applicant, dossier.subject
    if s is None:
        return a
    try:
        sex = ids.parse_personal_id(s.personal_id).sex if len(s.personal_id) == 12 else ""
    except ValueError:
        sex = ""
    return replace(a, full_name=s.full_name, birth_date=s.birth_date, sex=sex,
                   personal_id=s.personal_id if len(s.personal_id) == 12 else "",
                   old_id=s.personal_id if len(s.personal_id) == 9 else "")


def _section_one(dossier: Dossier, width: float) -> list[Flowable]:
    a = _participant(dossier)
    child = _is_child(a, dossier.received_at.date())
    # Only Vietnamese citizens hold a 12-digit personal identification number.
    nationality = "Việt Nam" if len(a.personal_id) == 12 else ""
    result_address = dossier.delivery_address if dossier.delivery is Delivery.POST else a.address
    story = [
        para("<b>I. Áp dụng đối với người tham gia chưa có mã số BHXH</b>", "left"),
        _item("01", "Họ và tên (viết chữ in hoa)", a.full_name.upper(), bold=True),
        _pair(_item("02", "Giới tính", SEX_VI.get(a.sex, "")),
              _item("03", "Ngày, tháng, năm sinh", dmy(a.birth_date)), width),
        _pair(_item("04", "Quốc tịch", nationality), _item("05", "Dân tộc", ""), width),
        _item("06", "Số CCCD/ĐDCN/Hộ chiếu", a.personal_id or a.old_id),
        _pair(_item("07", "Điện thoại", a.phone), _item("08", "Email", a.email), width),
        _item("09", "Nơi đăng ký khai sinh (xã/phường, tỉnh/thành phố)", ""),
    ]
    if child is False:
        story.append(para("<b>[10].</b> Họ tên cha/mẹ hoặc người giám hộ (đối với trẻ em dưới 6 tuổi): "
                          "không áp dụng", "left"))
    else:
        story.append(_item("10", "Họ tên cha/mẹ hoặc người giám hộ (trẻ em dưới 6 tuổi)", ""))
    story += [
        _item("11", "Địa chỉ nhận kết quả (số nhà, thôn/xóm, xã/phường, tỉnh/thành phố)", result_address),
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
    a = _participant(dossier)
    papers = [p for p in dossier.papers if p.received and "TK1-TS" not in p.name]
    story: list[Flowable] = [
        Spacer(1, 4),
        para("<b>II. Áp dụng đối với người tham gia đã có mã số BHXH thay đổi thông tin</b>", "left"),
        _item("13", "Mã số BHXH", a.social_insurance_no, bold=True),
        para("<b>[14].</b> Thay đổi họ tên, giới tính, ngày sinh, nơi ĐKKS, số CCCD/ĐDCN/Hộ chiếu:", "left"),
    ]
    story.append(_changes_table(width) if reason in (Reason.CHANGED, None) else para("Không thay đổi.", "indent"))
    story += [
        _item("15", "Mức tiền đóng BHXH tự nguyện (đồng/tháng)", ""),
        _item("16", "Phương thức đóng", ""),
        _item("17", "Nơi đăng ký khám bệnh, chữa bệnh ban đầu", ""),
        para("<b>[18].</b> Nội dung thay đổi khác, yêu cầu:", "left"),
        _reason_line(reason, a.hi_card_code),
        para("<b>[19].</b> Hồ sơ kèm theo (nếu có):", "left"),
    ]
    story += [para(f"- {esc(p.name)}: {p.count:02d} bản", "indent") for p in papers] or [FillIn(indent=10 * mm)]
    return story


def _declarant(office: Office, dossier: Dossier, on: date, width: float) -> Flowable:
    return KeepTogether([signatures([Signature(""), Signature(
        "NGƯỜI KÊ KHAI", "(Ký, ghi rõ họ tên)", name=dossier.applicant.full_name,
        above=place_date(office, on))], width=width, space=16 * mm)])


def _appendix(office: Office, dossier: Dossier, on: date, width: float) -> list[Flowable]:
    """The household members' table: the insured person on the first row, the others to write in."""
    a = _participant(dossier)
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
        _declarant(office, dossier, on, width),
    ]


def build_hi_card_request(office: Office, dossier: Dossier, *, reason: Reason | str | None = None,
                          decision: str = DEFAULT_TK1_TS, on: date | None = None) -> bytes:
    """The TK1-TS with its appendix; ``reason`` defaults to what the dossier's summary says.

    ``decision`` picks the profile (``TK1_TS`` in :mod:`printing.regulations`); with no reason
    known, no box is marked and the citizen ticks one.
    """
    if decision not in TK1_TS:
        raise ValueError(f"Không có mẫu TK1-TS «{decision}» (chọn một trong: {', '.join(TK1_TS)}).")
    chosen = Reason(reason) if reason else reason_of(dossier)
    info = TK1_TS[decision]
    width = page_width()
    signed_on = on or dossier.received_at.date()
    to = dossier.processing_agency or dossier.procedure.agency or "Cơ quan Bảo hiểm xã hội"
    story: list[Flowable] = [para(esc(info.number), "form_no"), para(f"({esc(info.legal_basis)})", "basis"),
                             Spacer(1, 6), *national_heading(), Spacer(1, 6)]
    story += [para(TITLE, "title"), para(SUBTITLE, "head_bold"), Spacer(1, 6),
              para(f"Kính gửi: {esc(to)}", "center"), Spacer(1, 6)]
    story += _section_one(dossier, width)
    story += _section_two(dossier, chosen, width)
    story += [
        Spacer(1, 6),
        para("Tôi cam đoan những nội dung kê khai là đúng và chịu trách nhiệm trước pháp luật về những nội dung "
             "đã kê khai.", "prose"),
        Spacer(1, 6),
        _declarant(office, dossier, signed_on, width),
    ]
    story += _appendix(office, dossier, signed_on, width)
    return build_pdf(story, title_text=f"TK1-TS {dossier.code}")
