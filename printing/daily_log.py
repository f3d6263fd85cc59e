"""Sổ theo dõi hồ sơ: the supervisors' register of every dossier received in a period.

Landscape, one row per dossier, the header row repeated on every page and "Trang x/y" at the
foot, then the totals by status that supervisors sign off, and the audit log's head at printing
time (record number and short hash): once signed and filed, that paper is a copy of the chain
nobody with the database file can change, and ``counter-app check --anchor N:HASH`` tells whether
the file still agrees with it. After the status totals come the fees collected, per clerk and
per fee, which the Sổ thu (``printing/fee_ledger.py``) itemises receipt by receipt.

A day at a busy office is hundreds of rows and a month thousands, so rows are built cheaply:
only the columns whose text can be long (procedure, name, address, note) are Paragraphs that
wrap, the dates and counts are plain strings, and styles are shared. Rows are kept short so a
page holds at least 15 dossiers (it held 3–7 when the agency column printed the catalogue's whole
description and long texts wrapped freely, issue 11): the agency column prints the procedure's
short agency, the procedure's name and the note stop after three lines with "…" (names and
addresses print whole), and a code keeps a readable size,
breaking after the agency part rather than shrinking below ``_MIN_CODE_SIZE``.
"""
from __future__ import annotations

import functools
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from counter_app.audit import Anchor
from counter_app.fee_ledger import fee_totals
from counter_app.models import Dossier, Office
from counter_app.states import STATUS_LABEL_VI, Status

from .fee_ledger import fee_totals_table
from .fonts import SERIF, SERIF_BOLD
from .layout import (
    LANDSCAPE,
    CellParagraph,
    Signature,
    build_pdf,
    esc,
    grid_style,
    heading,
    page_width,
    para,
    signatures,
    styles,
    title,
)
from .regulations import FormKind
from .wording import contact_line

TITLE = "SỔ THEO DÕI HỒ SƠ"
HEADERS = (
    "STT", "Mã hồ sơ", "Tên TTHC", "Số lượng hồ sơ (bộ)", "Tên cá nhân/tổ chức", "Địa chỉ/số điện thoại",
    "Cơ quan chủ trì giải quyết", "Ngày nhận hồ sơ", "Ngày hẹn trả kết quả", "Ngày chuyển hồ sơ",
    "Ngày nhận kết quả", "Nhận kết quả (ký, ghi rõ họ tên)", "Ghi chú",
)
# Column widths in millimetres at the landscape page's full width; scaled to the real width.
_WIDTHS_MM = (7, 36, 33, 9, 25, 38, 21, 14.5, 14.5, 14.5, 14.5, 13, 18)
_FONT_SIZE = 8
_LEADING = 9.0
_MIN_CODE_SIZE = 7.5
_MAX_LINES = 3
_CODE_COL = 1
_PADDING = 2


@functools.cache
def _cell_styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """Body and header cell styles, made after the fonts are registered (by ``styles()``)."""
    shared = styles()
    return (ParagraphStyle("log_cell", parent=shared["small"], fontSize=_FONT_SIZE, leading=_LEADING),
            ParagraphStyle("log_head", parent=shared["small_head"], fontSize=7, leading=7.8))


class Cancelled(Exception):
    """Raised when the caller's cancel flag is set while rows are being built."""


def _stamp(value) -> str:  # type: ignore[no-untyped-def]
    """Hour over date in one plain cell: cheaper than a Paragraph and never wider than 16 mm."""
    return f"{value:%H:%M}\n{value:%d/%m/%Y}" if value else ""


def _status_label(status: str) -> str:
    try:
        return STATUS_LABEL_VI[Status(status)]
    except ValueError:
        return status


def _clamped(text: str, width: float) -> CellParagraph:
    """A wrapping cell of at most ``_MAX_LINES`` lines; longer text ends with "…"."""
    lines = simpleSplit(text, SERIF, _FONT_SIZE, width)
    if len(lines) > _MAX_LINES:
        kept = lines[:_MAX_LINES]
        last = kept[-1]
        while " " in last and stringWidth(last + "…", SERIF, _FONT_SIZE) > width:
            last = last.rsplit(" ", 1)[0]
        kept[-1] = last.rstrip(" ,;.") + "…"
        text = " ".join(kept)
    return CellParagraph(esc(text), _cell_styles()[0])


def _code_cell(code: str, room: float) -> tuple[str, float]:
    """The code and its type size: one line when it fits at ``_MIN_CODE_SIZE``, else broken after the agency."""
    width = stringWidth(code, SERIF, _FONT_SIZE)
    if width <= room:
        return code, _FONT_SIZE
    if width * _MIN_CODE_SIZE / _FONT_SIZE <= room:
        return code, _FONT_SIZE * room / width
    agency, _sep, rest = code.partition("-")
    return f"{agency}-\n{rest}", _FONT_SIZE


def _row(n: int, d: Dossier, widths: Sequence[float]) -> list:
    """One register row (13 cells); ``widths`` are the columns' text widths.

    Who and where print whole; the procedure's name (its code is in the catalogue) and the note
    (up to 2,000 characters) stop after three lines.
    """
    note = _status_label(d.status) + (f". {d.note}" if d.note else "")
    returned = d.returned_to if d.returned_at else ""
    cell = _cell_styles()[0]
    return [
        str(n), d.code, _clamped(d.procedure.name, widths[2]), str(d.sets_count),
        CellParagraph(esc(d.applicant.full_name), cell), CellParagraph(esc(contact_line(d.applicant)), cell),
        CellParagraph(esc(d.agency_label), cell), _stamp(d.received_at), _stamp(d.due_at),
        _stamp(d.transferred_at), _stamp(d.result_ready_at), CellParagraph(esc(returned), cell),
        _clamped(note, widths[12]),
    ]


def _totals(dossiers: Sequence[Dossier], width: float) -> Table:
    """Counts per status in the order of the state machine, then the total."""
    counts = Counter(d.status for d in dossiers)
    rows: list[list[str]] = [["Trạng thái hồ sơ", "Số hồ sơ"]]
    rows += [[STATUS_LABEL_VI[s], str(counts[s.value])] for s in Status if counts[s.value]]
    rows += [[_status_label(s), str(c)] for s, c in counts.items() if s not in Status._value2member_map_]
    rows.append(["Tổng cộng", str(len(dossiers))])
    table = Table(rows, colWidths=[70 * mm, 25 * mm], hAlign="LEFT")
    table.setStyle(TableStyle(grid_style(font_size=11) + [
        ("FONTNAME", (0, -1), (-1, -1), SERIF_BOLD), ("ALIGN", (1, 0), (1, -1), "CENTER"),
    ]))
    return table


def _summaries(dossiers: Sequence[Dossier], width: float) -> Table:
    """The totals by status and the fees collected side by side, so the closing block stays short."""
    status_width = 100 * mm
    blocks = [
        [para("<b>Tổng hợp theo trạng thái</b>", "left"), Spacer(1, 3), _totals(dossiers, width)],
        [para("<b>Phí, lệ phí đã thu</b>", "left"), Spacer(1, 3),
         fee_totals_table(fee_totals(dossiers), width - status_width)],
    ]
    table = Table([blocks], colWidths=[status_width, width - status_width], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("FONTNAME", (0, 0), (-1, -1), SERIF)]))  # reportlab's Helvetica otherwise
    return table


def anchor_line(anchor: Anchor) -> str:
    return f"Dấu kiểm nhật ký: bản ghi số {anchor.record_id}, mã {anchor.short}"


def build_daily_log(office: Office, dossiers: Sequence[Dossier], *, period_label: str, staff_name: str | None = None,
                    on: date | None = None, anchor: Anchor | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: threading.Event | None = None) -> bytes:
    """The register for ``dossiers`` (already selected by the caller for the period and staff).

    ``period_label`` is printed under the title as given (e.g. "Ngày 20/11/2026" or "Từ ngày
    01/11/2026 đến ngày 30/11/2026"); ``staff_name`` narrows the heading to one staff member;
    ``anchor`` (the audit log's head) is printed above the signatures, on the page they sign.
    ``progress(done, total)`` and ``cancel`` let the UI run this on a worker thread.
    """
    width = page_width(LANDSCAPE)
    scale = width / sum(_WIDTHS_MM)
    col_widths = [w * scale for w in _WIDTHS_MM]
    text_widths = [w - 2 * _PADDING for w in col_widths]
    ordered = sorted(dossiers, key=lambda d: (d.received_at, d.code))
    rows: list[list] = [[Paragraph(h, _cell_styles()[1]) for h in HEADERS]]
    extra: list[tuple] = []
    for n, d in enumerate(ordered, start=1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        row = _row(n, d, text_widths)
        row[_CODE_COL], size = _code_cell(d.code, text_widths[_CODE_COL])
        if size != _FONT_SIZE:
            extra.append(("FONTSIZE", (_CODE_COL, n), (_CODE_COL, n), size))
        rows.append(row)
        if progress is not None and n % 100 == 0:
            progress(n, len(ordered))
    table = Table(rows, colWidths=col_widths, repeatRows=1)
    table.setStyle(TableStyle(grid_style(font_size=_FONT_SIZE) + [
        ("FONTNAME", (0, 0), (-1, 0), SERIF_BOLD),
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "CENTER"),
        ("ALIGN", (7, 1), (10, -1), "CENTER"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEADING", (0, 0), (-1, -1), _LEADING),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ] + extra))
    subtitles = [esc(period_label)]
    if staff_name:
        subtitles.append(f"Người tiếp nhận: {esc(staff_name)}")
    story: list[Flowable] = heading(office, FormKind.DAILY_LOG, on=on or date.today(), width=width)
    story += title(TITLE, *subtitles)
    story += [table, Spacer(1, 8), KeepTogether([
        _summaries(ordered, width), Spacer(1, 6),
        *([para(esc(anchor_line(anchor)), "left"), Spacer(1, 6)] if anchor else []),
        signatures([Signature("NGƯỜI LẬP SỔ", name=staff_name or ""), Signature("LÃNH ĐẠO ĐƠN VỊ")], width=width,
                   space=18 * mm),
    ])]
    if progress is not None:
        progress(len(ordered), len(ordered))
    return build_pdf(story, title_text=f"{TITLE} {period_label}", pagesize=LANDSCAPE, page_numbers=True)
