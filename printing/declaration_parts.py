"""Pieces every insurance declaration is made of: numbered items, the participant, the reason, the signer.

The TK1-TS (Decisions 490/2023 and 366/2026) and Decree 188/2025's Mẫu số 2 and 4 are the
citizen's own declarations, partly prefilled from the dossier: an item the dossier knows is
printed with its value, one it does not gets a dotted line to write on (:class:`FillIn`). The
person the form is about is the dossier's subject when one was filed for (a card reissued for
an elderly parent), else the applicant; the applicant signs as the declarant either way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from counter_app import ids
from counter_app.models import Applicant, Delivery, Dossier, DossierPaper, Office
from counter_app.text import fold

from .fill_in import FillIn
from .fonts import SERIF
from .layout import Signature, esc, para, place_date, signatures

SEX_VI = {"male": "Nam", "female": "Nữ"}


class Reason(StrEnum):
    """Why the card is reissued; marked among the boxes of the request."""

    LOST = "lost"
    DAMAGED = "damaged"
    CHANGED = "changed"


REASON_VI = {Reason.LOST: "mất", Reason.DAMAGED: "hỏng", Reason.CHANGED: "thay đổi thông tin"}
# Whole words of the dossier's summary that say the reason (folded: typed with or without marks).
_REASON_WORDS = {Reason.LOST: re.compile(r"\bmat\b"), Reason.DAMAGED: re.compile(r"\b(hong|hu|rach)\b"),
                 Reason.CHANGED: re.compile(r"\b(thay doi|sai|dieu chinh)\b")}


def reason_of(dossier: Dossier) -> Reason | None:
    """The reason the counter typed in the summary ("Cấp lại thẻ BHYT do bị mất"), if it says one."""
    text = fold(dossier.summary)
    found = [r for r, words in _REASON_WORDS.items() if words.search(text)]
    return found[0] if len(found) == 1 else None


def chosen_reason(dossier: Dossier, reason: Reason | str | None) -> Reason | None:
    """The reason given to the printer, else the one the summary says."""
    return Reason(reason) if reason else reason_of(dossier)


def boxes(choices: list[tuple[str, bool]]) -> str:
    """"■ chosen □ other", as the forms mark one answer among printed boxes."""
    return "&nbsp;&nbsp;&nbsp;".join(f"{'■' if chosen else '□'} {esc(label)}" for label, chosen in choices)


def reissue_request(reason: Reason | None, card_code: str) -> str:
    """The card reissue request with its reason marked (paragraph markup)."""
    card = esc(card_code) if card_code else "…………………………"
    marks = boxes([(REASON_VI[r], r is reason) for r in Reason])
    return f"Cấp lại thẻ BHYT, mã thẻ BHYT: <b>{card}</b><br/>Lý do:&nbsp;&nbsp;{marks}"


def item(number: str, label: str, value: str, *, bold: bool = False) -> Flowable:
    """"[nn]. label: value", or the label and a dotted line when the value is unknown (no number: unnumbered)."""
    if not value:
        return FillIn(f"{label}:", number=f"[{number}]." if number else "")
    shown = f"<b>{esc(value)}</b>" if bold else esc(value)
    prefix = f"<b>[{number}].</b> " if number else ""
    return para(f"{prefix}{esc(label)}: {shown}", "left")


def marked(number: str, label: str, choices: list[tuple[str, bool]]) -> Flowable:
    """"[nn]. label: ■ one □ other": an item answered by ticking a printed box."""
    return para(f"<b>[{number}].</b> {esc(label)}: {boxes(choices)}", "left")


def pair(left: Flowable, right: Flowable, width: float) -> Table:
    """Two short items side by side, as the forms set them, so a declaration fits one page."""
    table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), 8),
                               ("RIGHTPADDING", (1, 0), (1, 0), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def participant(dossier: Dossier) -> Applicant:
    """The insured person the form is about: the dossier's subject when one was filed for, else the applicant.

    A card reissued for an elderly parent names the parent in the personal items and on the
    members' list; the applicant stays the declarant who signs, and the contact for the result.
    The card and social insurance numbers are the ones the clerk typed for this dossier.
    """
    a, s = dossier.applicant, dossier.subject
    if s is None:
        return a
    try:
        sex = ids.parse_personal_id(s.personal_id).sex if len(s.personal_id) == 12 else ""
    except ValueError:
        sex = ""
    return replace(a, full_name=s.full_name, birth_date=s.birth_date, sex=sex,
                   personal_id=s.personal_id if len(s.personal_id) == 12 else "",
                   old_id=s.personal_id if len(s.personal_id) == 9 else "")


def nationality(person: Applicant) -> str:
    """Only Vietnamese citizens hold a 12-digit personal identification number; otherwise left to write."""
    return "Việt Nam" if len(person.personal_id) == 12 else ""


def attached_papers(dossier: Dossier) -> list[DossierPaper]:
    """The papers received with the declaration, the declaration ("Tờ khai …") left out: it is the paper printed."""
    return [p for p in dossier.papers if p.received and not fold(p.name).startswith("to khai")]


def paper_lines(papers: list[DossierPaper]) -> list[Flowable]:
    """One "- name: NN bản" line per attached paper, or a dotted line to list them by hand."""
    return [para(f"- {esc(p.name)}: {p.count:02d} bản", "indent") for p in papers] or [FillIn(indent=10 * mm)]


@dataclass(frozen=True)
class PostalAddress:
    """An address cut into the three boxes the 2026 forms give it (no district since 1/7/2025)."""

    street: str  # số nhà, đường/phố, thôn/xóm
    commune: str  # xã, phường, đặc khu
    province: str  # tỉnh, thành phố


def postal_address(text: str) -> PostalAddress:
    """Cut "Thôn Cẩm Thượng, xã Ba Vì, Hà Nội" at its last two commas; fewer parts stay whole in the first box.

    Addresses are typed free-form at the counter; the last two parts are the commune and the
    province whenever the clerk wrote both, which the receive form asks for.
    """
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 3:
        return PostalAddress(", ".join(parts), "", "")
    return PostalAddress(", ".join(parts[:-2]), parts[-2], parts[-1])


def result_address(dossier: Dossier, person: Applicant) -> str:
    """Where the paper result goes: the postal address asked for, else the participant's own."""
    return dossier.delivery_address if dossier.delivery is Delivery.POST else person.address


def declarant(office: Office, dossier: Dossier, on: date, width: float, *,
              left: Signature = Signature(""), title: str = "NGƯỜI KÊ KHAI",
              hint: str = "(Ký, ghi rõ họ tên)") -> Flowable:
    """The applicant's signature, dated at the office's place, on the right; ``left`` beside it."""
    return KeepTogether([signatures([left, Signature(title, hint, name=dossier.applicant.full_name,
                                                    above=place_date(office, on))], width=width, space=16 * mm)])


def is_child(person: Applicant, on: date) -> bool | None:
    """Under six on ``on`` (None: birth date unknown)."""
    if person.birth_date is None:
        return None
    born = person.birth_date
    return (on.year - born.year - ((on.month, on.day) < (born.month, born.day))) < 6
