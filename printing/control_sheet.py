"""Phiếu kiểm soát quá trình giải quyết hồ sơ: who held the dossier when, and whether it was late.

The sheet travels with the paper dossier; each handover is one row that the giver and receiver
sign. We prefill the rows from the dossier's status events, so a late step is visible before
anyone signs. Event ``data`` keys read here: ``agency`` (transfer), ``recipient`` (return),
``handler`` (portal updates), and ``giver``/``receiver`` when a future service records them;
missing ones are left blank for the signatures.
"""
from __future__ import annotations

from datetime import date, datetime

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from counter_app.models import Dossier, Office, StatusEvent
from counter_app.states import ACTION_LABEL_VI, Action

from .layout import build_pdf, dmy_hm, esc, field, grid_style, heading, page_width, para, title, vn_datetime
from .regulations import FormKind, receiving_unit

TITLE = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
# Steps whose timing is judged against the due time (the others are internal handovers).
_JUDGED = {Action.RESULT_READY.value, Action.RETURN_RESULT.value}


def timeliness(at: datetime, due: datetime) -> str:
    """"Trước hạn" before the due day, "Đúng hạn" on it (by the due hour), else "Quá hạn"."""
    if at > due:
        return "Quá hạn"
    return "Trước hạn" if at.date() < due.date() else "Đúng hạn"


def _row(office: Office, dossier: Dossier, n: int, event: StatusEvent) -> list:
    """One handover row: agency, time, giver, receiver, timeliness, note."""
    data = event.data or {}
    action = event.action
    counter = receiving_unit(office.regulation_profile)
    if action == Action.RECEIVE.value:
        agency, giver, receiver = counter, dossier.applicant.full_name, event.user_full_name
    elif action == Action.TRANSFER.value:
        agency = data.get("agency") or dossier.processing_agency
        giver, receiver = event.user_full_name, data.get("receiver", "")
    elif action == Action.RESULT_READY.value:
        agency, giver, receiver = counter, event.user_full_name, data.get("receiver", "")
    elif action == Action.RETURN_RESULT.value:
        agency = counter
        receiver = data.get("recipient") or data.get("receiver") or dossier.returned_to or dossier.applicant.full_name
        giver = event.user_full_name
    else:
        agency = data.get("agency") or (counter if event.source == "counter" else dossier.processing_agency)
        giver, receiver = data.get("giver") or data.get("handler") or event.user_full_name, data.get("receiver", "")
    try:
        label = ACTION_LABEL_VI[Action(action)]
    except ValueError:
        label = action
    note = label + (f": {event.note}" if event.note else "")
    result = timeliness(event.at, dossier.due_at) if action in _JUDGED else ""
    cells = [str(n), agency, dmy_hm(event.at), data.get("giver") or giver, receiver, result, note]
    return [cells[0]] + [para(esc(c), "cell_center" if i in (1, 4) else "cell") for i, c in enumerate(cells[1:])]


def build_control_sheet(office: Office, dossier: Dossier, *, on: date | None = None,
                        coordinating_agency: str = "") -> bytes:
    """The control sheet with one row per recorded step, then blank rows to fill by hand."""
    width = page_width()
    story: list[Flowable] = heading(office, FormKind.CONTROL_SHEET, on=on or dossier.received_at.date(), width=width)
    story += title(TITLE)
    story += [
        field("Kèm theo hồ sơ của", dossier.applicant.full_name, bold=True),
        para(f"Mã hồ sơ: <b>{esc(dossier.code)}</b>", "left"),
        field("Nội dung yêu cầu giải quyết", dossier.summary or dossier.procedure.name),
        field("Cơ quan (bộ phận) giải quyết hồ sơ", dossier.processing_agency or dossier.procedure.agency),
        field("Cơ quan phối hợp giải quyết hồ sơ", coordinating_agency),
        para(f"Thời gian hẹn trả kết quả: <b>{vn_datetime(dossier.due_at)}</b>", "left"),
        Spacer(1, 6),
    ]
    heads = ("TT", "Tên cơ quan", "Thời gian giao, nhận hồ sơ", "Người giao", "Người nhận",
             "Kết quả giải quyết hồ sơ (trước hạn/ đúng hạn/ quá hạn)", "Ghi chú")
    rows: list[list] = [[para(h, "cell_head") for h in heads]]
    events = sorted(dossier.events, key=lambda e: (e.at, e.id))
    rows += [_row(office, dossier, n, e) for n, e in enumerate(events, start=1)]
    for n in range(len(events) + 1, max(len(events), 4) + 3):  # room for the steps still to come
        rows.append([str(n), "", "", "", "", "", ""])
    fractions = (0.05, 0.19, 0.13, 0.15, 0.15, 0.17, 0.16)
    table = Table(rows, colWidths=[f * width for f in fractions], repeatRows=1, rowHeights=None)
    table.setStyle(TableStyle(grid_style() + [("ALIGN", (0, 1), (0, -1), "CENTER")]))
    story.append(table)
    return build_pdf(story, title_text=f"{TITLE} {dossier.code}")
