"""Giấy tiếp nhận hồ sơ và hẹn trả kết quả: the paper the citizen takes home.

It is printed as two copies in one PDF, one page each (Liên 1 kept in the dossier, Liên 2 given to
the applicant), so a single print job yields both and they cannot get out of step. Every item the
one-stop regulation lists (ARCHITECTURE.md §2) is printed even when empty, with dotted leaders,
because staff and inspectors look for them by position.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from counter_app.models import Dossier, DossierFee, Office, PaymentMethod
from counter_app.states import Action

from .blocks import contact, last_event
from .fonts import SERIF
from .layout import (
    BLANK,
    Signature,
    amount_in_words,
    build_pdf,
    esc,
    field,
    format_amount,
    heading,
    page_width,
    para,
    signatures,
    vn_datetime,
    write_pdf,
)
from .qr import QrFlowable, qr_payload
from .regulations import FormKind, receiving_unit
from .wording import PAPER_FORM_VI, PAYMENT_VI, delivery_text, request_text

TITLE = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
COPIES = ("Liên 1: Lưu", "Liên 2: Giao người nộp hồ sơ")
QR_SIZE = 24 * mm


def _title_block(dossier: Dossier, copy_label: str, payload: str, width: float) -> list[Flowable]:
    """Title across the page, then the code and copy line centred with the QR code beside them.

    The QR sits in its own column so the centred text stays centred on the page and the long
    title never has to wrap around it.
    """
    middle = [
        para(f"Mã hồ sơ: <b>{esc(dossier.code)}</b>", "center"),
        para(f"({esc(copy_label)})", "italic_center"),
    ]
    table = Table([["", middle, QrFlowable(payload, size=QR_SIZE)]],
                  colWidths=[QR_SIZE, width - 2 * QR_SIZE, QR_SIZE])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
    ]))
    return [para(TITLE, "title"), table]


def _fee_lines(dossier: Dossier) -> list[Flowable]:
    """Fees one per line, then insurance contributions (not fees), then the total in figures and in words."""
    story: list[Flowable] = [para("Phí, lệ phí:" if dossier.charges else "Phí, lệ phí: Không", "left")]
    story += [_fee_line(fee) for fee in dossier.charges]
    if dossier.contributions:
        story.append(para("Tiền đóng BHYT, BHXH (không phải phí, lệ phí):", "left"))
        story += [_fee_line(fee) for fee in dossier.contributions]
    total = dossier.total_collected_vnd
    if total:
        story.append(para(f"Tổng số tiền: <b>{format_amount(total)}</b> "
                          f"<i>(Bằng chữ: {esc(amount_in_words(total))})</i>", "indent"))
    return story


def _fee_line(fee: DossierFee) -> Flowable:
    if fee.method is PaymentMethod.EXEMPT or fee.amount_vnd == 0:  # "0 đ (tiền mặt)" would confuse
        reason = f" ({esc(fee.exempt_reason)})" if fee.exempt_reason else ""
        return para(f"- {esc(fee.name)}: miễn{reason}", "indent")
    return para(f"- {esc(fee.name)}: {format_amount(fee.amount_vnd)} ({esc(PAYMENT_VI[fee.method].lower())})", "indent")


def _received_text(dossier: Dossier) -> str:
    """When the dossier was received, and when a supplement completed it: the appointment of a
    reprint counts from the latter (:func:`counter_app.services.receive.appointment`)."""
    text = vn_datetime(dossier.received_at)
    supplement = last_event(dossier, Action.RECEIVE_SUPPLEMENT)
    if supplement is not None:
        text += f" (nhận đủ hồ sơ bổ sung: {vn_datetime(supplement.at)})"
    return text


def _copy(office: Office, dossier: Dossier, copy_label: str, width: float) -> list[Flowable]:
    """One liên: heading, title with QR, the numbered items, fees, log book, signatures."""
    a = dossier.applicant
    received = [p for p in dossier.papers if p.received]
    story: list[Flowable] = heading(office, FormKind.RECEIPT, on=dossier.received_at.date(), width=width)
    story += [Spacer(1, 4), *_title_block(dossier, copy_label, qr_payload(office, dossier), width), Spacer(1, 2)]
    unit = office.agency_name + (f" - {office.counter_name}" if office.counter_name else "")
    story += [
        field(receiving_unit(office.regulation_profile), unit),
        field("Tiếp nhận hồ sơ của", a.full_name, bold=True),
        field("Địa chỉ", a.address),
        contact(a),
        field("Nội dung yêu cầu giải quyết", request_text(dossier)),
        para("1. Thành phần hồ sơ nộp gồm:", "left"),
    ]
    if received:
        for i, p in enumerate(received, start=1):
            story.append(para(f"{i}. {esc(p.name)}: {p.count:02d} {esc(PAPER_FORM_VI[p.form])}", "indent"))
    else:
        story.append(para(BLANK, "indent"))
    story += [
        para(f"2. Số lượng hồ sơ: {dossier.sets_count:02d} (bộ)", "left"),
        para(f"3. Thời gian giải quyết hồ sơ theo quy định: {esc(dossier.procedure.processing_label)}", "left"),
        para(f"4. Thời gian nhận hồ sơ: {_received_text(dossier)}", "left"),
        para(f"5. Thời gian trả kết quả giải quyết hồ sơ: <b>{vn_datetime(dossier.due_at)}</b>", "left"),
        para(f"6. Đăng ký nhận kết quả tại: {esc(delivery_text(office, dossier))}", "left"),
    ]
    story += _fee_lines(dossier)
    story.append(para(f"Vào Sổ theo dõi hồ sơ, Quyển số: {dossier.log_book_label}, Số thứ tự: {dossier.log_number}", "left"))
    story.append(Spacer(1, 6))
    story.append(KeepTogether([signatures(
        [Signature("NGƯỜI NỘP HỒ SƠ"), Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", name=dossier.received_by_name)],
        width=width,
    )]))
    if office.status_lookup_url:
        story += [Spacer(1, 4), para(f"<i>Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập "
                                     f"{esc(office.status_lookup_url)}</i>", "small")]
    return story


def build_receipt(office: Office, dossier: Dossier) -> bytes:
    """Both copies of the receipt as one PDF (page 1 Liên 1, page 2 Liên 2)."""
    width = page_width()
    story: list[Flowable] = []
    for n, label in enumerate(COPIES):
        if n:
            story.append(PageBreak())
        story += _copy(office, dossier, label, width)
    return build_pdf(story, title_text=f"{TITLE} {dossier.code}")


def save_receipt(office: Office, dossier: Dossier, path: str) -> None:
    """Build the receipt and write it to ``path`` (CLI, "Save as PDF")."""
    write_pdf(build_receipt(office, dossier), path)
