"""Sổ theo dõi hồ sơ: the supervisors' register of every dossier received in a period.

Landscape, one row per dossier, the header row repeated on every page and "Trang x/y" at the
foot, then the totals by status that supervisors sign off, and the audit log's head at printing
time (record number and short hash): once signed and filed, that paper is a copy of the chain
nobody with the database file can change, and ``counter-app check --anchor N:HASH`` tells whether
the file still agrees with it. After the status totals come the fees collected, per clerk and
per fee, which the Sổ thu (``printing/fee_ledger.py``) itemises receipt by receipt.

A month at a busy office is 40,000 rows, so the register streams (issue 12): the rows come from
the store a chunk at a time (:mod:`counter_app.daily_log`) and are laid out one page at a time,
each page its own table with the header row on top. One table for the whole log was re-measured
from the page break to its end at every break (reportlab's ``Table.split``): 40,320 rows took
290 s and 1.75 GB; now each row is measured once and dropped once its page is drawn, and the
totals are added up as the rows go by. Rows are built cheaply:
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from counter_app import clock
from counter_app.audit import Anchor
from counter_app.daily_log import LogEntry
from counter_app.fee_ledger import FeeTally
from counter_app.models import Office
from counter_app.states import STATUS_LABEL_VI, Status

from .fee_ledger import fee_totals_table
from .fonts import SERIF, SERIF_BOLD
from .layout import (
    LANDSCAPE,
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
_TOP_PADDING = 1
_BOTTOM_PADDING = 1.5
OFFICE_SCOPE = "Toàn bộ phận một cửa"


@functools.cache
def _header_style() -> ParagraphStyle:
    """The header cells' style, made after the fonts are registered (by ``styles()``)."""
    return ParagraphStyle("log_head", parent=styles()["small_head"], fontSize=7, leading=7.8)


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


@functools.lru_cache(maxsize=50_000)
def _width(word: str) -> float:
    """A word's width in the cells' font: names, places and procedures repeat, a month's log measures each once."""
    return stringWidth(word, SERIF, _FONT_SIZE)


def _lines(text: str, width: float) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width``, exactly where a Paragraph breaks them.

    Plain multi-line cells cost a fraction of Paragraphs (no markup to parse, a line count for
    the height, one string drawn a line), and a month's log has 200,000 of them. reportlab lets
    a Paragraph's spaces shrink by ``spaceShrinkage`` to fit one more word; so does this, so the
    lines fall where they did.
    """
    space = _width(" ")
    shrink = rl_config.spaceShrinkage * space
    lines: list[str] = []
    line: list[str] = []
    used = -space
    for word in text.split():
        needed = used + space + _width(word)
        if line and needed > width + shrink * len(line):
            lines.append(" ".join(line))
            line, needed = [], _width(word)
        line.append(word)
        used = needed
    if line:
        lines.append(" ".join(line))
    return lines


def _wrapped(text: str, width: float) -> str:
    """A cell that prints ``text`` whole, on as many lines as it takes."""
    return "\n".join(_lines(text, width))


def _clamped(text: str, width: float) -> str:
    """A wrapping cell of at most ``_MAX_LINES`` lines; longer text ends with "…"."""
    lines = _lines(text, width)
    if len(lines) > _MAX_LINES:
        lines = lines[:_MAX_LINES]
        last = lines[-1]
        while " " in last and stringWidth(last + "…", SERIF, _FONT_SIZE) > width:
            last = last.rsplit(" ", 1)[0]
        lines[-1] = last.rstrip(" ,;.") + "…"
    return "\n".join(lines)


def scope_line(counter_no: int | None) -> str:
    """What the log covers, under its title: "Quầy số 02", or the whole office."""
    return OFFICE_SCOPE if counter_no is None else f"Quầy số {counter_no:02d}"


def _row(n: int, e: LogEntry, widths: Sequence[float]) -> list:
    """One register row (13 cells); ``widths`` are the columns' text widths.

    Who and where print whole; the procedure's name (its code is in the catalogue) and the note
    (up to 2,000 characters) stop after three lines.
    """
    note = _status_label(e.status) + (f". {e.note}" if e.note else "")
    returned = e.returned_to if e.returned_at else ""
    return [
        str(n), e.code, _clamped(e.procedure_name, widths[2]), str(e.sets_count),
        _wrapped(e.applicant_name, widths[4]), _wrapped(contact_line(e.address, e.phone), widths[5]),
        _wrapped(e.agency, widths[6]), _stamp(e.received_at), _stamp(e.due_at),
        _stamp(e.transferred_at), _stamp(e.result_ready_at), _wrapped(returned, widths[11]),
        _clamped(note, widths[12]),
    ]


def _table_style(code_sizes: Sequence[tuple[int, float]]) -> TableStyle:
    """The register's look, the same on every page; ``code_sizes``: (row, size) of codes set smaller."""
    return TableStyle(grid_style(font_size=_FONT_SIZE) + [
        ("FONTNAME", (0, 0), (-1, 0), SERIF_BOLD),
        ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "CENTER"),
        ("ALIGN", (7, 1), (10, -1), "CENTER"), ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LEADING", (0, 0), (-1, -1), _LEADING),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), _TOP_PADDING), ("BOTTOMPADDING", (0, 0), (-1, -1), _BOTTOM_PADDING),
    ] + [("FONTSIZE", (_CODE_COL, r), (_CODE_COL, r), size) for r, size in code_sizes])


@dataclass
class _Row:
    cells: list
    code_size: float
    height: float


class _Stream:
    """The rows not laid out yet, built and measured one at a time, and the totals of all rows built.

    Holds at most the rows of the page being filled: a row is dropped once its page is drawn.
    """

    def __init__(self, entries: Iterable[LogEntry], *, col_widths: Sequence[float], total: int,
                 progress: Callable[[int, int], None] | None, cancel: threading.Event | None) -> None:
        self.entries: Iterator[LogEntry] = iter(entries)
        self.col_widths = list(col_widths)
        self.text_widths = [w - 2 * _PADDING for w in col_widths]
        self.total = total
        self.progress = progress
        self.cancel = cancel
        self.built = 0
        self.statuses: Counter[str] = Counter()
        self.fees = FeeTally()
        self._next: _Row | None = None
        self._ended = False
        self.header = [Paragraph(h, _header_style()) for h in HEADERS]
        self.header_height = self.table([]).wrap(sum(col_widths), 10**6)[1]

    def peek(self) -> _Row | None:
        """The next row to place, built on first sight; None when every row has been placed."""
        if self._next is None and not self._ended:
            if self.cancel is not None and self.cancel.is_set():
                raise Cancelled()
            entry = next(self.entries, None)
            if entry is None:
                self._ended = True
                if self.progress is not None:
                    self.progress(self.built, max(self.total, self.built))
            else:
                self._next = self._build(entry)
        return self._next

    def take(self) -> _Row:
        row = self.peek()
        assert row is not None
        self._next = None
        return row

    def _build(self, entry: LogEntry) -> _Row:
        self.built += 1
        self.statuses[entry.status] += 1
        self.fees.add(entry.received_by_name, entry.fees)
        cells = _row(self.built, entry, self.text_widths)
        cells[_CODE_COL], size = code_cell(entry.code, self.text_widths[_CODE_COL], _FONT_SIZE, _MIN_CODE_SIZE)
        if self.progress is not None and self.built % 100 == 0:
            self.progress(self.built, max(self.total, self.built))
        return _Row(cells, size, self._height(cells))

    @staticmethod
    def _height(cells: list[str]) -> float:
        """The row's height as the table makes it: its tallest cell's lines plus the padding."""
        return _LEADING * max(cell.count("\n") + 1 for cell in cells) + _TOP_PADDING + _BOTTOM_PADDING

    def table(self, rows: Sequence[_Row]) -> Table:
        """One page of the register: the header row over ``rows``."""
        table = Table([self.header] + [r.cells for r in rows], colWidths=self.col_widths)
        table.setStyle(_table_style([(n, r.code_size) for n, r in enumerate(rows, start=1) if r.code_size != _FONT_SIZE]))
        return table


class _Register(Flowable):
    """The register's rows from here on, laid out as a page's table each time platypus asks.

    ``wrap`` never claims to fit, so platypus calls ``split`` with the room left on the page;
    ``split`` answers the page's table and a new ``_Register`` for the rest (a new object: platypus
    marks one it had to postpone and refuses it the second time). After the last row come the
    flowables ``closing()`` makes then: the totals, complete only once every row has been built.
    """

    def __init__(self, stream: _Stream, closing: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.stream = stream
        self.closing = closing

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        stream = self.stream
        rows: list[_Row] = []
        used = stream.header_height
        while (row := stream.peek()) is not None and used + row.height <= availHeight:
            rows.append(stream.take())
            used += row.height
        if not rows and row is not None:
            return []  # not even one row fits under the header: the next page
        table = stream.table(rows)
        return [table, *self.closing()] if row is None else [table, _Register(stream, self.closing)]

    def draw(self) -> None:
        """Nothing: the page tables ``split`` returns draw the rows."""


def _totals(statuses: Counter[str]) -> Table:
    """Counts per status in the order of the state machine, then the total."""
    rows: list[list[str]] = [["Trạng thái hồ sơ", "Số hồ sơ"]]
    rows += [[STATUS_LABEL_VI[s], str(statuses[s.value])] for s in Status if statuses[s.value]]
    rows += [[_status_label(s), str(c)] for s, c in statuses.items() if s not in Status._value2member_map_]
    rows.append(["Tổng cộng", str(sum(statuses.values()))])
    table = Table(rows, colWidths=[70 * mm, 25 * mm], hAlign="LEFT")
    table.setStyle(TableStyle(grid_style(font_size=11) + [
        ("FONTNAME", (0, -1), (-1, -1), SERIF_BOLD), ("ALIGN", (1, 0), (1, -1), "CENTER"),
    ]))
    return table


def contributions_line(tally: FeeTally) -> list[Flowable]:
    """The insurance contributions collected besides the fees (cash handed over with them), when there were any."""
    if not tally.contribution_vnd:
        return []
    return [Spacer(1, 3), para(f"Tiền đóng BHYT, BHXH thu hộ (không phải phí, lệ phí): {tally.contribution_count} "
                               f"khoản, {format_amount(tally.contribution_vnd)}", "small")]


def _summaries(stream: _Stream, width: float) -> Table:
    """The totals by status and the fees collected side by side, so the closing block stays short."""
    status_width = 100 * mm
    blocks = [
        [para("<b>Tổng hợp theo trạng thái</b>", "left"), Spacer(1, 3), _totals(stream.statuses)],
        [para("<b>Phí, lệ phí đã thu</b>", "left"), Spacer(1, 3),
         fee_totals_table(stream.fees.totals(), width - status_width), *contributions_line(stream.fees)],
    ]
    table = Table([blocks], colWidths=[status_width, width - status_width], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("FONTNAME", (0, 0), (-1, -1), SERIF)]))  # reportlab's Helvetica otherwise
    return table


def anchor_line(anchor: Anchor) -> str:
    return f"Dấu kiểm nhật ký: bản ghi số {anchor.record_id}, mã {anchor.short}"


def build_daily_log(office: Office, entries: Iterable[LogEntry], *, period_label: str, scope_label: str = "",
                    books: Sequence[str] = (), total: int | None = None, staff_name: str | None = None,
                    on: date | None = None, anchor: Anchor | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: threading.Event | None = None) -> bytes:
    """The register for ``entries``, printed in the order given (the store gives them oldest first).

    ``entries`` may be a generator: it is read once, as the pages are laid out. ``period_label``
    is printed under the title as given (e.g. "Ngày 20/11/2026" or "Từ ngày 01/11/2026 đến ngày
    30/11/2026"), then ``scope_label`` (:func:`scope_line`); ``books`` ("02/2026") go under the
    agency as the Quyển số; ``staff_name`` narrows the heading to one staff member; ``anchor``
    (the audit log's head) is printed above the signatures, on the page they sign.
    ``progress(done, total)`` and ``cancel`` let the UI run this on a worker thread; ``total``
    is the number of entries when known (a list's length otherwise).
    """
    width = page_width(LANDSCAPE)
    scale = width / sum(_WIDTHS_MM)
    if total is None:
        total = len(entries) if isinstance(entries, Sequence) else 0
    stream = _Stream(entries, col_widths=[w * scale for w in _WIDTHS_MM], total=total, progress=progress,
                     cancel=cancel)
    subtitles = [esc(period_label)] + [esc(s) for s in (scope_label,) if s]
    if staff_name:
        subtitles.append(f"Người tiếp nhận: {esc(staff_name)}")
    number_line = f"Quyển số: {', '.join(books)}" if books else ""
    story: list[Flowable] = heading(office, FormKind.DAILY_LOG, on=on or clock.today(), width=width,
                                    number_line=number_line)
    story += title(TITLE, *subtitles)

    def closing() -> list[Flowable]:
        return [Spacer(1, 8), KeepTogether([
            _summaries(stream, width), Spacer(1, 6),
            *([para(esc(anchor_line(anchor)), "left"), Spacer(1, 6)] if anchor else []),
            signatures([Signature("NGƯỜI LẬP SỔ", name=staff_name or ""), Signature("LÃNH ĐẠO ĐƠN VỊ")],
                       width=width, space=18 * mm),
        ])]

    story.append(_Register(stream, closing))
    return build_pdf(story, title_text=f"{TITLE} {period_label}", pagesize=LANDSCAPE, page_numbers=True)
