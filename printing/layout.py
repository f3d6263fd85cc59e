"""The A4 frame every one-stop paper shares, and the Vietnamese wording of dates and amounts.

Every document module builds a *story* (a list of flowables) from these pieces and hands it to
:func:`build_pdf`, so the heading, margins, fonts and signature blocks look the same on every
paper and follow Decree 30/2020/NĐ-CP (Times-metric serif, 13 pt body, 30 mm left margin).
Styles are built once and reused: creating them per document was measurable in the receipt's
80 ms budget.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from num2words import num2words
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from counter_app.models import Office
from counter_app.text import vnd_text

from .fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts

# Re-exported: documents take their whole toolkit from this module.
from .pdf import LANDSCAPE, PORTRAIT, build_pdf, page_width, write_pdf  # noqa: F401
from .regulations import FormInfo, FormKind, form_info

BLANK = "………………"


def esc(text: object) -> str:
    """Escape user text for Paragraph markup: a name with "&" must not break the whole paper."""
    return escape(str(text))


# ---------------------------------------------------------------- wording of dates and amounts
def vn_date(value: date) -> str:
    """"ngày 05 tháng 01 năm 2026": two-digit day and month, as papers are written."""
    return f"ngày {value.day:02d} tháng {value.month:02d} năm {value.year}"


def vn_datetime(value: datetime) -> str:
    """"08 giờ 30 phút, ngày 22 tháng 11 năm 2026": the receipt's wording of a due time."""
    return f"{value.hour:02d} giờ {value.minute:02d} phút, {vn_date(value)}"


def dmy(value: date | datetime | None) -> str:
    """dd/mm/yyyy for tables, where the long wording does not fit; empty for no date."""
    return value.strftime("%d/%m/%Y") if value else ""


def dmy_hm(value: datetime | None) -> str:
    """dd/mm/yyyy hh:mm for handover tables, where the hour matters."""
    return value.strftime("%H:%M %d/%m/%Y") if value else ""


def place_date(office: Office, value: date) -> str:
    """"Tân Hòa, ngày 22 tháng 11 năm 2026"; the place falls back to the commune's name."""
    place = office.place_name or office.commune or office.province or BLANK
    return f"{place}, {vn_date(value)}"


def format_amount(amount_vnd: int) -> str:
    """"1.234.000 đ": dots for thousands, as the glossary says."""
    return vnd_text(amount_vnd)


def amount_in_words(amount_vnd: int) -> str:
    """"Một triệu hai trăm ba mươi bốn nghìn đồng": num2words' Vietnamese with a capital first."""
    words = "không" if amount_vnd == 0 else num2words(amount_vnd, lang="vi")
    words = f"{words} đồng"
    return words[0].upper() + words[1:]


# ----------------------------------------------------------------------------------- styles
@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    """All paragraph styles, each with an explicit Liberation fontName (no base-14 fallback)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=SERIF, fontSize=13, leading=16.5, alignment=TA_JUSTIFY)
    s = {
        "body": base,
        "left": ParagraphStyle("left", parent=base, alignment=TA_LEFT),
        "prose": ParagraphStyle("prose", parent=base, firstLineIndent=10 * mm),
        "indent": ParagraphStyle("indent", parent=base, leftIndent=10 * mm, alignment=TA_LEFT),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "italic_center": ParagraphStyle("italic_center", parent=base, fontName=SERIF_ITALIC, alignment=TA_CENTER),
        "right_italic": ParagraphStyle("right_italic", parent=base, fontName=SERIF_ITALIC, alignment=TA_RIGHT),
        "title": ParagraphStyle(
            "title", parent=base, fontName=SERIF_BOLD, fontSize=14, leading=18, alignment=TA_CENTER, spaceBefore=8
        ),
        "head": ParagraphStyle("head", parent=base, fontSize=12, leading=14.5, alignment=TA_CENTER),
        "head_bold": ParagraphStyle("head_bold", parent=base, fontName=SERIF_BOLD, fontSize=12, leading=14.5, alignment=TA_CENTER),
        "motto": ParagraphStyle("motto", parent=base, fontName=SERIF_BOLD, fontSize=13, leading=16, alignment=TA_CENTER),
        "form_no": ParagraphStyle("form_no", parent=base, fontName=SERIF_BOLD, fontSize=11, leading=13, alignment=TA_RIGHT),
        "basis": ParagraphStyle("basis", parent=base, fontName=SERIF_ITALIC, fontSize=9, leading=11, alignment=TA_RIGHT),
        "sign_title": ParagraphStyle("sign_title", parent=base, fontName=SERIF_BOLD, fontSize=12.5, leading=15, alignment=TA_CENTER),
        "sign_hint": ParagraphStyle("sign_hint", parent=base, fontName=SERIF_ITALIC, fontSize=11.5, leading=14, alignment=TA_CENTER),
        "sign_name": ParagraphStyle("sign_name", parent=base, fontName=SERIF_BOLD, fontSize=13, leading=16, alignment=TA_CENTER),
        "cell": ParagraphStyle("cell", parent=base, fontSize=11.5, leading=13.5, alignment=TA_LEFT),
        "cell_center": ParagraphStyle("cell_center", parent=base, fontSize=11.5, leading=13.5, alignment=TA_CENTER),
        "cell_head": ParagraphStyle("cell_head", parent=base, fontName=SERIF_BOLD, fontSize=11.5, leading=13.5, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=9, leading=10.5, alignment=TA_LEFT),
        "small_center": ParagraphStyle("small_center", parent=base, fontSize=9, leading=10.5, alignment=TA_CENTER),
        "small_head": ParagraphStyle("small_head", parent=base, fontName=SERIF_BOLD, fontSize=9, leading=10.5, alignment=TA_CENTER),
    }
    return s


class CellParagraph(Paragraph):
    """A Paragraph that remembers its line breaks for the width it was last wrapped to.

    reportlab's Table wraps every cell when it measures rows, again when it splits across pages
    and again when it draws; breaking the same lines four times was most of the daily log's
    build time. Cells never change text or width between those calls, so one break is enough.
    """

    _wrapped_for: float = -1.0
    _wrapped: tuple[float, float] = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth != self._wrapped_for:
            self._wrapped = super().wrap(availWidth, availHeight)
            self._wrapped_for = availWidth
        return self._wrapped


def code_cell(code: str, room: float, size: float, min_size: float) -> tuple[str, float]:
    """A dossier code in a table cell ``room`` wide, and its type size: one line at ``size``, or
    shrunk no smaller than ``min_size``, else broken after the agency part ("H26.49.09-" / "261130-010001")."""
    width = stringWidth(code, SERIF, size)
    if width <= room:
        return code, size
    if width * min_size / size <= room:
        return code, size * room / width
    agency, _sep, rest = code.partition("-")
    return f"{agency}-\n{rest}", size


def para(text: str, style: str = "body") -> Paragraph:
    """A Paragraph in one of the shared styles (``text`` is markup: escape user data first)."""
    return Paragraph(text, styles()[style])


def field(label: str, value: object, *, bold: bool = False, style: str = "left") -> Paragraph:
    """"Label: value" with the value escaped, or dotted leaders where nothing is known."""
    shown = esc(value) if value not in (None, "") else BLANK
    if bold and shown != BLANK:
        shown = f"<b>{shown}</b>"
    return para(f"{label}: {shown}", style)


def grid_style(*, header_rows: int = 1, font_size: float = 11.5) -> list[tuple]:
    """Grid, padding and fonts for a bordered table; plain-string cells need FONTNAME too."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), SERIF_BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("LEADING", (0, 0), (-1, -1), font_size + 2),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


# --------------------------------------------------------------------------------- heading
class Rule(Flowable):
    """A short centred line under the agency name and the motto, as Decree 30/2020 draws them."""

    def __init__(self, width: float, *, thickness: float = 0.6) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        return availWidth, 6

    def draw(self) -> None:
        x = (self._avail - self.rule_width) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, 1, x + self.rule_width, 1)


def form_corner(office: Office, kind: FormKind) -> list[Flowable]:
    """Form number and legal basis, right-aligned above the heading, from the office's profile."""
    return corner(form_info(office.regulation_profile, kind))


def corner(info: FormInfo, *, space: float = 3) -> list[Flowable]:
    """A form's number over the text that issued it, right-aligned, as every official form starts."""
    return [para(esc(info.number), "form_no"), para(f"({esc(info.legal_basis)})", "basis"), Spacer(1, space)]


MOTTO = "Độc lập - Tự do - Hạnh phúc"


def national_heading() -> list[Flowable]:
    """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM over the motto, underlined by a rule as long as it."""
    motto = styles()["motto"]
    return [
        para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "head_bold"),
        para(MOTTO, "motto"),
        Rule(stringWidth(MOTTO, motto.fontName, motto.fontSize)),
    ]


def heading(office: Office, kind: FormKind | None, *, on: date, width: float, number_line: str = "") -> list[Flowable]:
    """Form number, the two-column national heading, and the place-and-date line.

    ``kind`` selects the form number and legal basis from the office's regulation profile; the
    left column carries the parent agency (upper case) over the receiving unit (bold), the
    right one the national name and the underlined motto, as on the official templates.
    """
    story: list[Flowable] = form_corner(office, kind) if kind is not None else []
    left_w = width * (0.42 if width < 600 else 0.5)  # landscape: room for the unit on one line
    right_w = width - left_w
    left = [
        para(esc(office.parent_agency_name.upper()), "head"),
        para(esc(office.agency_name.upper()), "head_bold"),
        Rule(28 * mm),
    ]
    if number_line:
        left += [Spacer(1, 3), para(esc(number_line).replace("  ", "&nbsp;&nbsp;"), "head")]
    right = national_heading() + [Spacer(1, 4), para(esc(place_date(office, on)), "italic_center")]
    table = Table([[left, right]], colWidths=[left_w, right_w])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
    ]))
    story.append(table)
    return story


def title(text: str, *subtitles: str) -> list[Flowable]:
    """The centred bold title, with italic lines under it (dossier code, copy number…)."""
    story: list[Flowable] = [Spacer(1, 6), para(esc(text), "title")]
    story += [para(s, "italic_center") for s in subtitles]
    story.append(Spacer(1, 8))
    return story


# ------------------------------------------------------------------------------ signatures
@dataclass(frozen=True)
class Signature:
    """One signature column: who signs, what to write, and the printed name under the space."""

    title: str
    hint: str = "(Ký và ghi rõ họ tên)"
    name: str = ""
    above: str = ""  # e.g. the place-and-date line that some forms put over the signer


def signatures(blocks: Sequence[Signature], *, width: float, space: float = 22 * mm) -> Table:
    """Side-by-side signature columns with room to sign, names printed at the bottom."""
    cols: list[list[Flowable]] = []
    for block in blocks:
        cell: list[Flowable] = []
        if not block.title:  # an empty column pushes the signer to the right, as templates do
            cols.append(cell)
            continue
        if block.above:
            cell.append(para(esc(block.above), "italic_center"))
        cell += [para(esc(block.title), "sign_title"), para(esc(block.hint), "sign_hint"), Spacer(1, space)]
        cell.append(para(esc(block.name), "sign_name"))
        cols.append(cell)
    table = Table([cols], colWidths=[width / len(blocks)] * len(blocks))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), SERIF)]))
    return table
