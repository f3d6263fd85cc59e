"""Blocks of lines several papers print the same way (who the dossier belongs to, what it asks).

The supplement request, the refusal and the apology all restate the applicant and the request;
one function keeps their wording identical, as the templates do.
"""
from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app import clock
from counter_app.models import Applicant, Dossier, StatusEvent
from counter_app.states import Action

from .layout import BLANK, Signature, esc, field, para, signatures
from .wording import request_text


def contact(applicant: Applicant) -> Flowable:
    """"Số điện thoại: … Email: …" on one line, dotted where unknown."""
    phone = esc(applicant.phone) or BLANK
    email = esc(applicant.email) or BLANK
    return para(f"Số điện thoại: {phone}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;Email: {email}", "left")


def applicant_block(dossier: Dossier, *, label: str = "Hồ sơ của", request_first: bool = False) -> list[Flowable]:
    """Name (bold), address, phone and e-mail, request: the lines at the top of Mẫu 02 and 03."""
    a = dossier.applicant
    request = field("Nội dung yêu cầu giải quyết", request_text(dossier))
    lines = [field(label, a.full_name, bold=True)]
    if request_first:
        lines.append(request)
    lines += [field("Địa chỉ", a.address), contact(a)]
    if not request_first:
        lines.append(request)
    return lines


def addressee(dossier: Dossier) -> list[Flowable]:
    """"Kính gửi: Ông/Bà …", centred: the letters the office writes to the citizen open with it."""
    name = esc(dossier.applicant.full_name)
    return [para(f"Kính gửi: {honorific(dossier.applicant)} <b>{name}</b>", "center"), Spacer(1, 6)]


def head_signature(title: str, name: str, *, width: float) -> list[Flowable]:
    """The head of the office signs and stamps on the right: letters sent in the office's name."""
    return [Spacer(1, 10), KeepTogether([signatures(
        [Signature(""), Signature(title, "(Ký, ghi rõ họ tên và đóng dấu)", name=name)], width=width)])]


def honorific(applicant: Applicant) -> str:
    """"Ông", "Bà" or "Ông/Bà": papers address the citizen politely by sex when known."""
    return {"male": "Ông", "female": "Bà"}.get(applicant.sex, "Ông/Bà")


def last_event(dossier: Dossier, action: Action) -> StatusEvent | None:
    """The latest event of ``action``: the papers print what the services recorded there.

    The services keep ``missing_papers`` on a supplement request, ``old_due_at``/``new_due_at``
    on a reschedule and ``recipient`` on a return, so a reprint says the same as the first print.
    """
    found = [e for e in dossier.events if e.action == action.value]
    return max(found, key=lambda e: (e.at, e.id)) if found else None


def event_time(event: StatusEvent | None, key: str) -> datetime | None:
    """A time stored in an event's data in the store's format (None when absent or unreadable)."""
    value = (event.data or {}).get(key) if event else None
    if isinstance(value, datetime):
        return value
    try:
        return clock.from_db(value) if isinstance(value, str) else None
    except ValueError:
        return None
