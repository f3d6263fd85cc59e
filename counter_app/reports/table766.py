"""The 766 report as rows of text: one source for the dashboard, the CSV export and the PDF.

No spreadsheet library is installed with the app (neither openpyxl nor XlsxWriter), so the
"Excel" export is CSV written by the standard library, UTF-8 with a byte-order mark so that
Excel opens Vietnamese text correctly.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .. import safe_files
from .indicators766 import INDICATORS, Unit
from .score766 import Figure, Report766, Tally

INDICATOR_HEADERS = ("Mã", "Chỉ số", "Cách tính", "Chỉ tiêu", "Kết quả", "Điểm", "Điểm tối đa")
BREAKDOWN_CODES = tuple(i.code for i in INDICATORS)  # every indicator is computed per clerk and per procedure


def percent(value: float) -> str:
    return f"{value * 100:.1f}".replace(".", ",") + "%"


def number(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def target_text(f: Figure) -> str:
    i = f.indicator
    return "≤ thời gian quy định" if i.unit is Unit.DAYS else f"≥ {percent(i.target)}"


def value_text(f: Figure) -> str:
    """"95,0% (19/20)", "2,33 ngày (3 hồ sơ)" or the no-data reason."""
    if f.value is None:
        return f.reason
    if f.indicator.unit is Unit.DAYS:
        return f"{number(f.value)} ngày ({f.denominator} hồ sơ)"
    return f"{percent(f.value)} ({f.numerator:g}/{f.denominator})"


def short_value(f: Figure) -> str:
    """The value alone, for the breakdown tables ("—" when there is nothing to count)."""
    if f.value is None:
        return "—"
    return number(f.value) if f.indicator.unit is Unit.DAYS else percent(f.value)


def score_text(f: Figure) -> str:
    return "—" if f.score is None else number(f.score)


def indicator_rows(tally: Tally) -> list[tuple[str, ...]]:
    return [(f.indicator.code, f.indicator.name, f.indicator.formula, target_text(f), value_text(f),
             score_text(f), number(f.indicator.points, 0)) for f in tally.figures()]


def breakdown_headers(first: str) -> tuple[str, ...]:
    return (first, "Số hồ sơ", *BREAKDOWN_CODES, "Tổng điểm")


def breakdown_rows(tallies: dict[str, Tally]) -> list[tuple[str, ...]]:
    """One row per clerk or procedure: label (key), dossiers, the computable values, points."""
    rows = []
    for key, tally in sorted(tallies.items(), key=lambda item: item[1].label):
        figures = {f.indicator.code: f for f in tally.figures()}
        total = sum(f.score or 0.0 for f in figures.values())
        rows.append((f"{tally.label} ({key})", str(tally.received),
                     *(short_value(figures[c]) for c in BREAKDOWN_CODES), number(total)))
    return rows


def report_csv(report: Report766) -> bytes:
    """The three tables one after the other, as Excel reads them (UTF-8 with BOM, ';' for vi locales)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([f"Chỉ số Quyết định 766/QĐ-TTg, hồ sơ tiếp nhận từ {report.period.start:%d/%m/%Y}"
                     f" đến {report.period.end:%d/%m/%Y}"])
    writer.writerow(INDICATOR_HEADERS)
    writer.writerows(indicator_rows(report.total))
    for title, tallies in (("Cán bộ tiếp nhận", report.by_clerk), ("Thủ tục", report.by_procedure)):
        writer.writerow([])
        writer.writerow(breakdown_headers(title))
        writer.writerows(breakdown_rows(tallies))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def write_csv(report: Report766, path: str | Path) -> Path:
    """Owner-only, whole or not at all, like every file the app exports."""
    target = Path(path)
    safe_files.private_dir(target.parent)
    return safe_files.write_private(target, report_csv(report))
