"""Tờ khai TK1-TS prefilled for reissuing a lost or damaged health-insurance card.

The citizen only checks and signs: name, birth date and social insurance number come from the
dossier, item [04] states the request with the card code so the insurance office can find the
card without asking again. It is the citizen's declaration, so the heading carries no agency on
the left and the signature is the declarant's (NGƯỜI KÊ KHAI), dated where it is signed.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app.models import Dossier, Office

from .layout import (
    BLANK,
    Signature,
    build_pdf,
    dmy,
    esc,
    form_corner,
    national_heading,
    page_width,
    para,
    place_date,
    signatures,
    title,
)
from .regulations import FormKind

TITLE = "TỜ KHAI"
SUBTITLE = "THAM GIA, ĐIỀU CHỈNH THÔNG TIN BẢO HIỂM XÃ HỘI, BẢO HIỂM Y TẾ"
_CAUSE = {"lost": "mất", "damaged": "hỏng", None: "mất / hỏng"}


def request_text(card_code: str, cause: Literal["lost", "damaged"] | None) -> str:
    """Item [04]: "Cấp lại thẻ BHYT do mất / hỏng (mã thẻ: …)"."""
    return f"Cấp lại thẻ BHYT do {_CAUSE[cause]} (mã thẻ BHYT: {card_code or BLANK})"


def build_hi_card_request(office: Office, dossier: Dossier, *, cause: Literal["lost", "damaged"] | None = None,
                          on: date | None = None) -> bytes:
    """The TK1-TS declaration; ``cause`` None leaves "mất / hỏng" for the citizen to strike out."""
    width = page_width()
    a = dossier.applicant
    received = [p for p in dossier.papers if p.received and "TK1-TS" not in p.name]
    to = dossier.processing_agency or dossier.procedure.agency or "Cơ quan Bảo hiểm xã hội"
    story: list[Flowable] = form_corner(office, FormKind.HI_CARD_REQUEST) + [Spacer(1, 6)] + national_heading()
    story += title(TITLE)[:-1] + [para(SUBTITLE, "head_bold"), Spacer(1, 8)]
    story += [
        para(f"Kính gửi: {esc(to)}", "center"),
        Spacer(1, 8),
        para(f"<b>[01].</b> Họ và tên (viết chữ in hoa): <b>{esc(a.full_name.upper())}</b>", "left"),
        para(f"<b>[02].</b> Ngày, tháng, năm sinh: {dmy(a.birth_date) or BLANK}", "left"),
        para(f"<b>[03].</b> Mã số BHXH: <b>{esc(a.social_insurance_no) or BLANK}</b>", "left"),
        para(f"<b>[04].</b> Nội dung thay đổi, yêu cầu: <b>{esc(request_text(a.hi_card_code, cause))}</b>", "left"),
        para("<b>[05].</b> Hồ sơ kèm theo (nếu có):", "left"),
    ]
    if received:
        story += [para(f"- {esc(p.name)}: {p.count:02d} bản", "indent") for p in received]
    else:
        story.append(para(BLANK, "indent"))
    story += [
        Spacer(1, 6),
        para("Tôi cam đoan những nội dung kê khai là đúng và chịu trách nhiệm trước pháp luật về những nội dung "
             "đã kê khai.", "prose"),
        Spacer(1, 10),
        KeepTogether([signatures([Signature(""), Signature(
            "NGƯỜI KÊ KHAI", "(Ký, ghi rõ họ tên)", name=a.full_name,
            above=place_date(office, on or dossier.received_at.date()))], width=width)]),
    ]
    return build_pdf(story, title_text=f"TK1-TS {dossier.code}")
