"""Phiếu từ chối tiếp nhận giải quyết hồ sơ: a refusal must be in writing and give its reason.

The regulation forbids refusing a dossier by word of mouth; this paper states the legal ground
and the reason so the citizen can complain or fix the dossier elsewhere.
"""
from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, KeepTogether, Spacer

from counter_app import clock
from counter_app.models import Dossier, Office

from .blocks import applicant_block
from .layout import BLANK, Signature, build_pdf, esc, field, heading, page_width, para, signatures, title
from .regulations import FormKind, receiving_unit

TITLE = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"


def build_refusal(office: Office, dossier: Dossier, *, reason: str, legal_basis: str = "",
                  receiver_name: str | None = None, on: date | None = None) -> bytes:
    """The refusal slip; ``legal_basis`` is the "Căn cứ quy định tại …" text (dotted if empty)."""
    width = page_width()
    receiver = receiver_name if receiver_name is not None else dossier.received_by_name
    story: list[Flowable] = heading(office, FormKind.REFUSAL, on=on or clock.today(), width=width)
    story += title(TITLE, f"Mã hồ sơ: <b>{esc(dossier.code)}</b>")
    unit = receiving_unit(office.regulation_profile)
    story.append(field(unit, office.agency_name))
    story += applicant_block(dossier, label="Tiếp nhận hồ sơ của")
    story += [
        para(f"Căn cứ quy định tại {esc(legal_basis) or BLANK}, {esc(unit)} "
             "thông báo từ chối tiếp nhận, giải quyết hồ sơ này với lý do sau:", "prose"),
        para(f"<b>{esc(reason)}</b>" if reason else BLANK, "indent"),
        para("Xin thông báo cho Ông/Bà được biết và thực hiện./.", "prose"),
        Spacer(1, 10),
        KeepTogether([signatures([Signature(""), Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", name=receiver)], width=width)]),
    ]
    return build_pdf(story, title_text=f"{TITLE} {dossier.code}")
