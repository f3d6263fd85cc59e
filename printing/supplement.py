"""Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: what the citizen must bring back, and why.

The citizen leaves with one paper listing each missing document and the form it must take, so
they come back once; the table follows the template's columns (TT, paper, original, certified
copy, photocopy) with the number of copies in the column that applies.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from counter_app import clock
from counter_app.models import Dossier, DossierPaper, Office, PaperForm
from counter_app.states import Action

from .blocks import applicant_block, last_event
from .layout import (
    BLANK,
    Signature,
    build_pdf,
    esc,
    grid_style,
    heading,
    page_width,
    para,
    signatures,
    title,
)
from .regulations import FormKind

TITLE = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
_COLUMNS = (PaperForm.ORIGINAL, PaperForm.CERTIFIED_COPY, PaperForm.PHOTOCOPY)


def _counts(paper: DossierPaper | str) -> list[str]:
    """The three count cells; "original or copy" shows in both the original and certified columns.

    A paper known only by name (as the supplement request event records it) leaves them empty
    for the clerk to tick by hand.
    """
    if isinstance(paper, str):
        return ["", "", ""]
    n = f"{paper.count:02d}"
    if paper.form is PaperForm.ORIGINAL_OR_COPY:
        return [n, f"hoặc {n}", ""]
    if paper.form is PaperForm.SHOWN:  # an original the citizen shows: the original column
        return [n, "", ""]
    return [n if paper.form is col else "" for col in _COLUMNS]


def _name(paper: DossierPaper | str) -> str:
    return paper if isinstance(paper, str) else paper.name


def _requested(dossier: Dossier) -> tuple[list[DossierPaper | str], str]:
    """Papers and reason of the latest supplement request, else the papers not yet received.

    A paper ticked from the procedure's list prints with the form and count the catalogue asks.
    """
    event = last_event(dossier, Action.REQUEST_SUPPLEMENT)
    if event is None or not (event.data or {}).get("missing_papers"):
        return [p for p in dossier.papers if not p.received], event.note if event else ""
    known = {p.name: DossierPaper(p.name, p.form, p.count) for p in dossier.procedure.papers}
    known.update({p.name: p for p in dossier.papers})  # as received, where the counter recorded it
    return [known.get(name, name) for name in event.data["missing_papers"]], event.note


def _papers_table(papers: Sequence[DossierPaper | str], width: float) -> Table:
    head = [para(t, "cell_head") for t in ("TT", "Thành phần hồ sơ", "Bản chính", "Bản chứng thực", "Bản photo")]
    rows: list[list] = [head]
    for i, paper in enumerate(papers, start=1):
        rows.append([str(i), para(esc(_name(paper)), "cell"), *_counts(paper)])
    if not papers:
        rows.append(["1", para(BLANK, "cell"), "", "", ""])
    count_w = 22 * width / 165
    table = Table(rows, colWidths=[10 * width / 165, width - 10 * width / 165 - 3 * count_w] + [count_w] * 3,
                  repeatRows=1)
    table.setStyle(TableStyle(grid_style() + [("ALIGN", (0, 1), (0, -1), "CENTER"),
                                              ("ALIGN", (2, 1), (-1, -1), "CENTER")]))
    return table


def build_supplement(office: Office, dossier: Dossier, *, reason: str | None = None,
                     papers: Sequence[DossierPaper | str] | None = None,
                     guide_name: str | None = None, contact_phone: str | None = None,
                     on: date | None = None) -> bytes:
    """The supplement request; ``papers`` and ``reason`` default to the latest request event's
    (``missing_papers`` and note), else to the dossier's papers not yet received.

    ``guide_name`` (the staff member who explains, and signs as NGƯỜI HƯỚNG DẪN) defaults to
    whoever received the dossier, ``contact_phone`` to the office's phone.
    """
    width = page_width()
    recorded, recorded_reason = _requested(dossier)
    missing = list(papers) if papers is not None else recorded
    reason = reason if reason is not None else recorded_reason
    guide = guide_name if guide_name is not None else dossier.received_by_name
    phone = contact_phone if contact_phone is not None else office.phone
    story: list[Flowable] = heading(office, FormKind.SUPPLEMENT, on=on or clock.today(), width=width)
    story += title(TITLE, f"Mã hồ sơ: <b>{esc(dossier.code)}</b>")
    story += applicant_block(dossier, request_first=True)
    story += [
        para("Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", "left"),
        Spacer(1, 3),
        _papers_table(missing, width),
        Spacer(1, 6),
        para(f"Lý do: {esc(reason) or BLANK}", "prose"),
        para(f"Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông (bà) liên hệ với "
             f"{esc(guide) or BLANK}, số điện thoại {esc(phone) or BLANK} để được hướng dẫn./.", "prose"),
        Spacer(1, 8),
        KeepTogether([signatures([Signature(""), Signature("NGƯỜI HƯỚNG DẪN", name=guide)], width=width)]),
    ]
    return build_pdf(story, title_text=f"{TITLE} {dossier.code}")
