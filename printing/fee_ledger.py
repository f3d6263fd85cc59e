"""Sổ thu phí, lệ phí: the day's fee receipts per clerk, and the totals per clerk and per fee.

A clerk hands the day's cash over against this list: every receipt in number order (a gap or a
repeat shows at a glance), what it was for and how it was paid, a subtotal per clerk, then the
same totals per fee the Sổ theo dõi hồ sơ ends with (:func:`fee_totals_table`, one home for both).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from counter_app import clock
from counter_app.fee_ledger import FeeTotal, fee_totals, receipts_in_order
from counter_app.models import Dossier, Office

from .fonts import SERIF_BOLD
from .layout import (
    Signature,
    build_pdf,
    code_cell,
    esc,
    format_amount,
    grid_style,
    heading,
    page_width,
    para,
    signatures,
    title,
)
from .wording import PAYMENT_VI

TITLE = "SỔ THU PHÍ, LỆ PHÍ"
_FONT_SIZE = 9
_HEADERS = ("STT", "Quyển biên lai", "Số biên lai", "Giờ thu", "Mã hồ sơ", "Người nộp tiền", "Khoản thu", "Số tiền")
_WIDTHS_MM = (9, 15, 15, 11, 38, 28, 40, 21)
_CODE_COL = 4
_CELL_PADDING = 2  # left and right, in points: narrow, so the columns keep their text
_TOTALS_WIDTHS_MM = (45, 85, 20, 30)


def _scaled(widths_mm: Sequence[float], width: float) -> list[float]:
    return [w * width / sum(widths_mm) for w in widths_mm]


def fee_totals_table(totals: Sequence[FeeTotal], width: float) -> Table:
    """Collected per clerk and per fee, a subtotal per clerk and the grand total, ``width`` wide at most."""
    rows: list[list] = [[para(h, "small_head") for h in ("Người thu", "Tên phí, lệ phí", "Số hồ sơ", "Số tiền")]]
    bold: list[int] = []
    for clerk, items in groupby(totals, key=lambda t: t.collector):
        mine = list(items)
        rows += [[clerk, para(esc(t.fee_name), "small"), str(t.count), format_amount(t.amount_vnd)] for t in mine]
        rows.append(["", f"Cộng {clerk}", "", format_amount(sum(t.amount_vnd for t in mine))])
        bold.append(len(rows) - 1)
    rows.append(["Tổng cộng", "", str(sum(t.count for t in totals)), format_amount(sum(t.amount_vnd for t in totals))])
    bold.append(len(rows) - 1)
    widths = _scaled(_TOTALS_WIDTHS_MM, min(width, sum(_TOTALS_WIDTHS_MM) * mm))
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle(grid_style(font_size=_FONT_SIZE) + [
        ("ALIGN", (2, 1), (2, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "RIGHT"),
    ] + [("FONTNAME", (0, r), (-1, r), SERIF_BOLD) for r in bold]))
    return table


def _what(dossier: Dossier) -> str:
    parts = [f"{fee.name}" + (f" ({fee.detail})" if fee.detail else "") + f" – {PAYMENT_VI[fee.method].lower()}"
             for fee in dossier.charges if fee.collected_vnd]
    return "; ".join(parts)


def _book_and_number(dossier: Dossier) -> tuple[str, str]:
    if dossier.fee_receipt_number is not None:
        return dossier.fee_receipt_book_label, f"{dossier.fee_receipt_number:07d}"
    return dossier.log_book_label, f"{dossier.log_number:07d}"  # received before the receipt series


def _receipts_table(dossiers: Sequence[Dossier], width: float) -> Table:
    rows: list[list] = [[para(h, "small_head") for h in _HEADERS]]
    widths = _scaled(_WIDTHS_MM, width)
    code_room = widths[_CODE_COL] - 2 * _CELL_PADDING
    for n, d in enumerate(dossiers, start=1):
        code, _size = code_cell(d.code, code_room, _FONT_SIZE, _FONT_SIZE)  # broken after the agency, never shrunk
        rows.append([str(n), *_book_and_number(d), f"{d.received_at:%H:%M}", code,
                     para(esc(d.applicant.full_name), "small"), para(esc(_what(d)), "small"),
                     format_amount(d.total_fee_vnd)])
    rows.append(["", "", "", "", "", "", "Cộng", format_amount(sum(d.total_fee_vnd for d in dossiers))])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(grid_style(font_size=_FONT_SIZE) + [
        ("ALIGN", (0, 1), (3, -1), "CENTER"), ("ALIGN", (7, 1), (7, -1), "RIGHT"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("FONTNAME", (0, -1), (-1, -1), SERIF_BOLD),
    ]))
    return table


def build_fee_ledger(office: Office, dossiers: Sequence[Dossier], *, day_label: str, scope_label: str = "",
                     staff_name: str | None = None, on: date | None = None) -> bytes:
    """The ledger for ``dossiers`` (the caller selects the day, the counter or the office, and optionally the clerk)."""
    width = page_width()
    receipts = receipts_in_order(dossiers)
    subtitles = [esc(day_label)] + [esc(s) for s in (scope_label,) if s]
    subtitles += [f"Người thu tiền: {esc(staff_name)}"] if staff_name else []
    story: list[Flowable] = heading(office, None, on=on or clock.today(), width=width)
    story += title(TITLE, *subtitles)
    for clerk, items in groupby(receipts, key=lambda d: d.received_by_name):
        story += [para(f"<b>Người thu: {esc(clerk)}</b>", "left"), Spacer(1, 3),
                  _receipts_table(list(items), width), Spacer(1, 8)]
    if not receipts:
        story += [para("Không có biên lai thu phí, lệ phí nào.", "left"), Spacer(1, 8)]
    story += [KeepTogether([
        para("<b>Tổng hợp theo người thu và loại phí, lệ phí</b>", "left"), Spacer(1, 3),
        fee_totals_table(fee_totals(receipts), width), Spacer(1, 10),
        signatures([Signature("NGƯỜI THU TIỀN", name=staff_name or ""), Signature("NGƯỜI NHẬN TIỀN")], width=width,
                   space=18 * mm),
    ])]
    return build_pdf(story, title_text=f"{TITLE} {day_label}", page_numbers=True)
