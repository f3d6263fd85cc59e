"""Thông báo dừng giải quyết hồ sơ (Mẫu số 05, Circular 03/2025/TT-VPCP): the citizen asked to stop.

Decree 118/2025/NĐ-CP Art. 21(1) lets a citizen ask to stop a dossier on which no decision was
made yet; the office answers in writing, so the citizen holds proof that nothing more will be
done and the dossier does not count as late. The form's own text was not found: the wording
here restates what the receipt says (code, request, received time) and the request's reason,
and the head of the office signs, as on the apology letter.
"""
from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from counter_app import clock
from counter_app.models import Dossier, Office
from counter_app.states import Action

from .blocks import addressee, head_signature, honorific, last_event
from .layout import BLANK, build_pdf, esc, heading, page_width, para, title, vn_date, vn_datetime
from .regulations import FormKind
from .wording import request_text

TITLE = "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
LEGAL_GROUND = "khoản 1 Điều 21 Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ"


def build_stop_notice(office: Office, dossier: Dossier, *, reason: str | None = None,
                      signer_title: str = "THỦ TRƯỞNG CƠ QUAN", signer_name: str = "",
                      on: date | None = None) -> bytes:
    """The stop notice; reason and date default to the latest "Dừng giải quyết" event's."""
    event = last_event(dossier, Action.STOP)
    if event is None and reason is None:
        raise ValueError("Hồ sơ chưa được dừng giải quyết: hãy ghi nhận việc dừng trước khi in thông báo.")
    reason = reason if reason is not None else event.note  # type: ignore[union-attr]
    asked_on = event.at.date() if event else (on or clock.today())
    width = page_width()
    who = honorific(dossier.applicant)
    agency = esc(office.agency_name)
    story: list[Flowable] = heading(office, FormKind.STOP_NOTICE, on=on or asked_on, width=width)
    story += title(TITLE, f"Mã hồ sơ: <b>{esc(dossier.code)}</b>")
    story += addressee(dossier)
    story += [
        para(f"{agency} tiếp nhận hồ sơ của {who} vào "
             f"{vn_datetime(dossier.received_at)}.", "prose"),
        para(f"Nội dung yêu cầu giải quyết: {esc(request_text(dossier))}", "prose"),
        para(f"N{vn_date(asked_on)[1:]}, {who} đề nghị dừng giải quyết hồ sơ nêu trên với lý do: "
             f"{esc(reason) or BLANK}", "prose"),
        para(f"Căn cứ {LEGAL_GROUND}, {agency} thông báo dừng giải quyết hồ sơ của {who} kể từ "
             f"{vn_date(asked_on)}.", "prose"),
        para(f"Xin thông báo để {who} được biết./.", "prose"),
    ]
    story += head_signature(signer_title, signer_name, width=width)
    return build_pdf(story, title_text=f"{TITLE} {dossier.code}")
