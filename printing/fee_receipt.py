"""Biên lai thu phí, lệ phí: proof of payment with the amount in figures and in words.

The amount is written out in words because that is what an auditor compares against the
figures; exempt fees are listed with "miễn" so the citizen sees why nothing was charged.

Receipts are numbered in their own gapless series per counter and year (Quyển 01/2026, Số …),
allocated when the dossier was received with money to collect (``counter_app/codes.py``). A
dossier received before that series existed reprints with its tracking-log number, the number
its first receipt carried, so a reprint matches the paper the citizen holds.
"""
from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from counter_app.models import Dossier, Office, PaymentMethod

from .fonts import SERIF_BOLD
from .layout import (
    Signature,
    amount_in_words,
    build_pdf,
    esc,
    field,
    format_amount,
    grid_style,
    heading,
    page_width,
    para,
    signatures,
    title,
)
from .wording import PAYMENT_VI

TITLE = "BIÊN LAI THU PHÍ, LỆ PHÍ"


def _fees_table(dossier: Dossier, width: float) -> Table:
    rows: list[list] = [[para(h, "cell_head") for h in ("STT", "Tên loại phí, lệ phí", "Số tiền")]]
    for i, fee in enumerate(dossier.charges, start=1):
        exempt = fee.method is PaymentMethod.EXEMPT or fee.amount_vnd == 0
        amount = "Miễn" if exempt else format_amount(fee.amount_vnd)
        basis = f" ({esc(fee.detail)})" if fee.detail else ""
        rows.append([str(i), para(esc(fee.name) + basis, "cell"), amount])
    rows.append(["", "Tổng cộng", format_amount(dossier.total_fee_vnd)])
    table = Table(rows, colWidths=[0.1 * width, 0.62 * width, 0.28 * width], repeatRows=1)
    table.setStyle(TableStyle(grid_style() + [
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (2, -1), "RIGHT"),
        ("FONTNAME", (0, -1), (-1, -1), SERIF_BOLD),
    ]))
    return table


def receipt_number_line(dossier: Dossier, series: str = "") -> str:
    """Ký hiệu, Quyển and Số as printed; ValueError when the dossier collected nothing."""
    if not dossier.total_fee_vnd:
        raise ValueError(f"Hồ sơ {dossier.code} không thu phí, lệ phí nào: không có biên lai thu.")
    if dossier.fee_receipt_number is not None:
        book, number = dossier.fee_receipt_book_label, dossier.fee_receipt_number
    else:  # received before the receipt series: its receipt carried the log number
        book, number = dossier.log_book_label, dossier.log_number
    return f"Ký hiệu: {series or '……'}   Quyển số: {book}   Số: {number:07d}"


def build_fee_receipt(office: Office, dossier: Dossier, *, series: str = "",
                      collector_name: str | None = None, copy_label: str = "Liên 2: Giao cho người nộp tiền",
                      on: date | None = None) -> bytes:
    """One fee receipt; ``series`` is the receipt book's Ký hiệu (where the office's book has one)."""
    number_line = receipt_number_line(dossier, series)
    width = page_width()
    a = dossier.applicant
    collector = collector_name if collector_name is not None else dossier.received_by_name
    methods = sorted({PAYMENT_VI[f.method] for f in dossier.charges
                      if f.method is not PaymentMethod.EXEMPT and f.amount_vnd})
    total = dossier.total_fee_vnd
    # No form corner: the receipt book's own series (Ký hiệu) identifies the form.
    story: list[Flowable] = heading(office, None, on=on or dossier.received_at.date(), width=width,
                                    number_line=number_line)
    story += title(TITLE, f"({esc(copy_label)})")
    story += [
        field("Tên đơn vị thu phí, lệ phí", office.agency_name),
        field("Người nộp tiền", a.full_name, bold=True),
        field("Địa chỉ", a.address),
        para(f"Mã hồ sơ: <b>{esc(dossier.code)}</b>", "left"),
        field("Nội dung thu", dossier.procedure.name),
        Spacer(1, 4),
        _fees_table(dossier, width),
        Spacer(1, 6),
        para(f"Tổng số tiền: <b>{format_amount(total)}</b>", "left"),
        para(f"Số tiền bằng chữ: <b><i>{esc(amount_in_words(total))}</i></b>", "left"),
        field("Hình thức thanh toán", " / ".join(methods) or "Miễn thu"),
        Spacer(1, 10),
        KeepTogether([signatures([Signature("NGƯỜI NỘP TIỀN"), Signature("NGƯỜI THU TIỀN", name=collector)],
                                 width=width)]),
    ]
    return build_pdf(story, title_text=f"{TITLE} {dossier.code}")
