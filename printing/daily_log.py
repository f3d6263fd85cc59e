"""Sổ theo dõi hồ sơ: the supervisors' register of every dossier received in a period.

Landscape, one row per dossier, the header row repeated on every page and "Trang x/y" at the
foot, then the totals by status that supervisors sign off, and the audit log's head at printing
time (record number and short hash): once signed and filed, that paper is a copy of the chain
nobody with the database file can change, and ``counter-app check --anchor N:HASH`` tells whether
the file still agrees with it. A day at a busy office is hundreds of
rows and a month thousands, so rows are built cheaply: only the columns whose text can be long
(procedure, name, address, agency, note) are Paragraphs that wrap, the dates and counts are
plain strings, and styles are shared.
"""
from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from counter_app.audit import Anchor
from counter_app.models import Dossier, Office
from counter_app.states import STATUS_LABEL_VI, Status

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
_WIDTHS_MM = (8, 31, 31, 12, 25, 31, 23, 16, 16, 16, 16, 19, 18)
_FONT_SIZE = 8.5
_CODE_COL = 1


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


def _row(n: int, d: Dossier, cell: ParagraphStyle) -> list:
    """One register row (13 cells)."""
    note = _status_label(d.status) + (f". {d.note}" if d.note else "")
    returned = d.returned_to if d.returned_at else ""
    return [
        str(n), d.code, CellParagraph(esc(d.procedure.name), cell), str(d.sets_count),
        CellParagraph(esc(d.applicant.full_name), cell), CellParagraph(esc(contact_line(d.applicant)), cell),
        CellParagraph(esc(d.processing_agency or d.procedure.agency), cell), _stamp(d.received_at), _stamp(d.due_at),
        _stamp(d.transferred_at), _stamp(d.result_ready_at), CellParagraph(esc(returned), cell), CellParagraph(esc(note), cell),
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
    cell = styles()["small"]
    ordered = sorted(dossiers, key=lambda d: (d.received_at, d.code))
    rows: list[list] = [[para(h, "small_head") for h in HEADERS]]
    extra: list[tuple] = []
    code_room = col_widths[_CODE_COL] - 6
    for n, d in enumerate(ordered, start=1):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        rows.append(_row(n, d, cell))
        if stringWidth(d.code, SERIF, _FONT_SIZE) > code_room:  # long agency codes: shrink, never wrap
            size = _FONT_SIZE * code_room / stringWidth(d.code, SERIF, _FONT_SIZE)
            extra.append(("FONTSIZE", (_CODE_COL, n), (_CODE_COL, n), size))
        if progress is not None and n % 100 == 0:
            progress(n, len(ordered))
    table = Table(rows, colWidths=col_widths, repeatRows=1)
    table.setStyle(TableStyle(grid_style(font_size=_FONT_SIZE) + [
        ("FONTNAME", (0, 0), (-1, 0), SERIF_BOLD),
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "CENTER"),
        ("ALIGN", (7, 1), (10, -1), "CENTER"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEADING", (0, 0), (-1, -1), _FONT_SIZE + 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ] + extra))
    subtitles = [esc(period_label)]
    if staff_name:
        subtitles.append(f"Người tiếp nhận: {esc(staff_name)}")
    story: list[Flowable] = heading(office, FormKind.DAILY_LOG, on=on or date.today(), width=width)
    story += title(TITLE, *subtitles)
    story += [table, Spacer(1, 8), KeepTogether([
        para("<b>Tổng hợp theo trạng thái</b>", "left"), Spacer(1, 3), _totals(ordered, width), Spacer(1, 6),
        *([para(esc(anchor_line(anchor)), "left"), Spacer(1, 6)] if anchor else []),
        signatures([Signature("NGƯỜI LẬP SỔ", name=staff_name or ""), Signature("LÃNH ĐẠO ĐƠN VỊ")], width=width,
                   space=18 * mm),
    ])]
    if progress is not None:
        progress(len(ordered), len(ordered))
    return build_pdf(story, title_text=f"{TITLE} {period_label}", pagesize=LANDSCAPE, page_numbers=True)
