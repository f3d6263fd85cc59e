"""The Decision 766 dashboard on paper: the indicators, then per clerk and per procedure.

Landscape, so that each formula fits beside its figures; every cell's text comes from
:mod:`counter_app.reports.table766`, the same rows the dashboard and the Excel workbook show.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from counter_app.models import Office
from counter_app.reports.score766 import Report766
from counter_app.reports.table766 import (
    BREAKDOWN_CODES,
    INDICATOR_HEADERS,
    breakdown_headers,
    breakdown_rows,
    indicator_rows,
)

from .layout import LANDSCAPE, CellParagraph, build_pdf, esc, grid_style, heading, page_width, para, styles, title

TITLE = "CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg)"
_FONT_SIZE = 9
# Name, dossiers, one column per indicator, points (millimetres before scaling to the page).
_BREAKDOWN_WIDTHS = (80, 16, *(20,) * len(BREAKDOWN_CODES), 20)


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], widths_mm: Sequence[float],
           width: float) -> Table:
    style = styles()["small"]
    scale = width / (sum(widths_mm) * mm)
    head = styles()["small_head"]
    data = [[CellParagraph(esc(h), head) for h in headers]] + [[CellParagraph(esc(cell), style) for cell in row] for row in rows]
    table = Table(data, colWidths=[w * mm * scale for w in widths_mm], repeatRows=1)
    table.setStyle(TableStyle(grid_style(font_size=_FONT_SIZE)))
    return table


def report_766_pdf(report: Report766, office: Office, *, on: date) -> bytes:
    width = page_width(LANDSCAPE)
    story: list[Flowable] = heading(office, None, on=on, width=width)
    story += title(TITLE, f"Hồ sơ tiếp nhận từ ngày {report.period.start:%d/%m/%Y} đến ngày {report.period.end:%d/%m/%Y}"
                          f" — {report.total.received} hồ sơ")
    story.append(_table(INDICATOR_HEADERS, indicator_rows(report.total), (10, 45, 80, 22, 40, 14, 14), width))
    for label, tallies in (("Cán bộ tiếp nhận", report.by_clerk), ("Thủ tục", report.by_procedure)):
        story.append(KeepTogether([  # a section title never ends a page alone
            Spacer(1, 8), para(f"<b>Theo {esc(label.lower())}</b>", "left"), Spacer(1, 3),
            _table(breakdown_headers(label), breakdown_rows(tallies), _BREAKDOWN_WIDTHS, width)]))
    story += [Spacer(1, 6), para(esc(
        "Điểm = điểm tối đa khi đạt chỉ tiêu, nếu không bằng tỷ lệ × điểm tối đa / chỉ tiêu. Điểm từng chỉ số"
        " trong nhóm theo bảng của phần mềm (counter_app/reports/indicators766.py)."), "left")]
    return build_pdf(story, title_text=TITLE, pagesize=LANDSCAPE, page_numbers=True)
