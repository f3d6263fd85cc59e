"""Vietnamese labels shared by several papers (paper forms, payment, delivery, applicant).

Kept apart from the layout so that a wording fix made for the receipt also reaches the
supplement request and the daily log, which print the same facts.
"""
from __future__ import annotations

from counter_app.models import Delivery, Dossier, Office, PaperForm, PaymentMethod

from .regulations import CENTRE, receiving_unit

PAPER_FORM_VI: dict[PaperForm, str] = {
    PaperForm.ORIGINAL: "bản chính",
    PaperForm.CERTIFIED_COPY: "bản sao chứng thực",
    PaperForm.PHOTOCOPY: "bản photo",
    PaperForm.ORIGINAL_OR_COPY: "bản chính hoặc bản sao",
    PaperForm.SHOWN: "bản chính (xuất trình)",
}

PAYMENT_VI: dict[PaymentMethod, str] = {
    PaymentMethod.CASH: "Tiền mặt",
    PaymentMethod.TRANSFER: "Chuyển khoản",
    PaymentMethod.EXEMPT: "Miễn",
}


def paper_line(name: str, form: PaperForm, count: int) -> str:
    """"Tờ khai đăng ký khai sinh: 01 bản chính" (plain text; escape before markup)."""
    return f"{name}: {count:02d} {PAPER_FORM_VI[form]}"


def delivery_text(office: Office, dossier: Dossier) -> str:
    """Where the citizen registered to get the result (receipt item 6)."""
    if dossier.delivery is Delivery.POST:
        where = dossier.delivery_address or dossier.applicant.address
        return f"Qua dịch vụ bưu chính công ích, địa chỉ: {where}" if where else "Qua dịch vụ bưu chính công ích"
    if office.agency_name.casefold().startswith(CENTRE.casefold()):  # its name already says what it is
        return office.agency_name
    return f"{receiving_unit(office.regulation_profile)} - {office.agency_name}"


def contact_line(address: str, phone: str) -> str:
    """Address and phone for the address column of the log (empty parts left out)."""
    return " - ".join(p for p in (address, phone) if p)


def request_text(dossier: Dossier) -> str:
    """"Nội dung yêu cầu giải quyết": the summary typed at the counter, else the procedure."""
    return dossier.summary or dossier.procedure.name
