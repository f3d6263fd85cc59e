"""The 766 report as rows: one source for the dashboard, the Excel workbook and the PDF.

A row's cells are text or :class:`Amount`: the screen and the PDF show an amount's text
("50,0% (2/4)"), the workbook keeps its number and shows the same text through a number
format, so a supervisor can sort, sum and chart the figures in Excel or LibreOffice.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import safe_files
from .indicators766 import INDICATORS, Unit
from .score766 import Figure, Report766, Tally

if TYPE_CHECKING:
    from xlsxwriter import Workbook

INDICATOR_HEADERS = ("Mã", "Chỉ số", "Cách tính", "Chỉ tiêu", "Kết quả", "Điểm", "Điểm tối đa")
BREAKDOWN_CODES = tuple(i.code for i in INDICATORS)  # every indicator is computed per clerk and per procedure


def percent(value: float) -> str:
    return f"{value * 100:.1f}".replace(".", ",") + "%"


def number(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


@dataclass(frozen=True)
class Amount:
    """A figure with the words around it: text on screen and in the PDF, a number in the workbook."""

    value: float
    digits: int = 2
    is_percent: bool = False
    prefix: str = ""
    suffix: str = ""

    def __str__(self) -> str:
        shown = percent(self.value) if self.is_percent else number(self.value, self.digits)
        return f"{self.prefix}{shown}{self.suffix}"

    def num_format(self) -> str:
        """The spreadsheet format that shows the same words around the number (locale's decimal mark)."""
        digits = "0" + ("." + "0" * self.digits if self.digits else "")
        core = digits + ("%" if self.is_percent else "")
        prefix, suffix = (f'"{words}"' if words else "" for words in (self.prefix, self.suffix))
        return f"{prefix}{core}{suffix}"


Cell = str | Amount


def target_cell(f: Figure) -> Cell:
    i = f.indicator
    return "≤ thời gian quy định" if i.unit is Unit.DAYS else Amount(i.target, 1, True, prefix="≥ ")


def value_cell(f: Figure) -> Cell:
    """"95,0% (19/20)", "2,33 ngày (3 hồ sơ)" or the no-data reason."""
    if f.value is None:
        return f.reason
    if f.indicator.unit is Unit.DAYS:
        return Amount(f.value, suffix=f" ngày ({f.denominator} hồ sơ)")
    return Amount(f.value, 1, True, suffix=f" ({f.numerator:g}/{f.denominator})")


def short_value_cell(f: Figure) -> Cell:
    """The value alone, for the breakdown tables ("—" when there is nothing to count)."""
    if f.value is None:
        return "—"
    return Amount(f.value) if f.indicator.unit is Unit.DAYS else Amount(f.value, 1, True)


def score_cell(f: Figure) -> Cell:
    return "—" if f.score is None else Amount(f.score)


def target_text(f: Figure) -> str:
    return str(target_cell(f))


def value_text(f: Figure) -> str:
    return str(value_cell(f))


def score_text(f: Figure) -> str:
    return str(score_cell(f))


def indicator_cells(tally: Tally) -> list[tuple[Cell, ...]]:
    return [(f.indicator.code, f.indicator.name, f.indicator.formula, target_cell(f), value_cell(f),
             score_cell(f), Amount(f.indicator.points, 0)) for f in tally.figures()]


def breakdown_headers(first: str) -> tuple[str, ...]:
    return (first, "Số hồ sơ", *BREAKDOWN_CODES, "Tổng điểm")


def breakdown_cells(tallies: dict[str, Tally]) -> list[tuple[Cell, ...]]:
    """One row per clerk or procedure: label (key), dossiers, the computable values, points."""
    rows: list[tuple[Cell, ...]] = []
    for key, tally in sorted(tallies.items(), key=lambda item: item[1].label):
        figures = {f.indicator.code: f for f in tally.figures()}
        total = sum(f.score or 0.0 for f in figures.values())
        rows.append((f"{tally.label} ({key})", Amount(tally.received, 0),
                     *(short_value_cell(figures[c]) for c in BREAKDOWN_CODES), Amount(total)))
    return rows


def as_text(rows: list[tuple[Cell, ...]]) -> list[tuple[str, ...]]:
    return [tuple(str(cell) for cell in row) for row in rows]


def indicator_rows(tally: Tally) -> list[tuple[str, ...]]:
    return as_text(indicator_cells(tally))


def breakdown_rows(tallies: dict[str, Tally]) -> list[tuple[str, ...]]:
    return as_text(breakdown_cells(tallies))


_MAX_WIDTH = 60  # characters: the formulas wrap rather than run off the screen


def _write_sheet(book: Workbook, name: str, title: str, headers: tuple[str, ...],
                 rows: list[tuple[Cell, ...]]) -> None:
    """Title, a bold frozen header row, then the rows; numbers stay numbers, columns fit their text."""
    sheet = book.add_worksheet(name)
    bold, wrap = book.add_format({"bold": True}), book.add_format({"text_wrap": True, "valign": "top"})
    formats: dict[str, object] = {}
    sheet.write_string(0, 0, title, bold)
    sheet.write_row(1, 0, headers, bold)
    sheet.freeze_panes(2, 0)
    widths = [len(h) for h in headers]
    for r, row in enumerate(rows, start=2):
        for c, cell in enumerate(row):
            widths[c] = max(widths[c], len(str(cell)))
            if isinstance(cell, Amount):
                code = cell.num_format()
                fmt = formats.setdefault(code, book.add_format({"num_format": code, "valign": "top"}))
                sheet.write_number(r, c, cell.value, fmt)
            else:
                sheet.write_string(r, c, cell, wrap)
    for c, width in enumerate(widths):
        sheet.set_column(c, c, min(width, _MAX_WIDTH) + 2)


def report_xlsx(report: Report766) -> bytes:
    """Three sheets: the indicators, per clerk, per procedure (the rows the screen and the PDF show)."""
    import xlsxwriter  # loaded on the first export, not with every command and screen (~60 ms)

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    title = (f"Chỉ số Quyết định 766/QĐ-TTg, hồ sơ tiếp nhận từ {report.period.start:%d/%m/%Y}"
             f" đến {report.period.end:%d/%m/%Y}")
    _write_sheet(book, "Chỉ số", title, INDICATOR_HEADERS, indicator_cells(report.total))
    for name, first, tallies in (("Theo cán bộ", "Cán bộ tiếp nhận", report.by_clerk),
                                 ("Theo thủ tục", "Thủ tục", report.by_procedure)):
        _write_sheet(book, name, title, breakdown_headers(first), breakdown_cells(tallies))
    book.close()
    return out.getvalue()


def write_xlsx(report: Report766, path: str | Path) -> Path:
    """Owner-only, whole or not at all, like every file the app exports."""
    target = Path(path)
    safe_files.private_dir(target.parent)
    return safe_files.write_private(target, report_xlsx(report))
