"""Phiếu xin lỗi và hẹn lại ngày trả kết quả (2018; "Văn bản xin lỗi và đề nghị gia hạn thời gian giải
quyết hồ sơ" since Circular 03/2025): the office apologises in writing for a late result.

The old due time comes from the receipt the citizen holds; the new one is what the supervisor
promised when rescheduling. The head of the office signs (and stamps), not the counter clerk.
"""
from __future__ import annotations

from datetime import date, datetime

from reportlab.platypus import Flowable

from counter_app import clock
from counter_app.models import Dossier, Office
from counter_app.states import Action

from .blocks import addressee, event_time, head_signature, honorific, last_event
from .layout import BLANK, build_pdf, esc, heading, page_width, para, title, vn_date, vn_datetime
from .regulations import FormKind, form_info
from .wording import request_text

TITLE = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"


def build_apology(office: Office, dossier: Dossier, *, new_due_at: datetime | None = None, reason: str | None = None,
                  old_due_at: datetime | None = None, signer_title: str = "THỦ TRƯỞNG CƠ QUAN",
                  signer_name: str = "", on: date | None = None) -> bytes:
    """The apology letter.

    Unset arguments come from the latest reschedule event (``old_due_at``/``new_due_at`` in its
    data, its note as the reason); without one, the old time is the dossier's due time and a
    new one must be given.
    """
    event = last_event(dossier, Action.RESCHEDULE)
    new = new_due_at or event_time(event, "new_due_at")
    if new is None:
        raise ValueError("Chưa có ngày hẹn trả mới: hãy ghi nhận việc hẹn lại trước khi in phiếu xin lỗi.")
    old = old_due_at or event_time(event, "old_due_at") or dossier.due_at
    reason = reason if reason is not None else (event.note if event else "")
    width = page_width()
    who = honorific(dossier.applicant)
    agency = esc(office.agency_name)
    paper_title = form_info(office.regulation_profile, FormKind.APOLOGY).title or TITLE
    story: list[Flowable] = heading(office, FormKind.APOLOGY, on=on or clock.today(), width=width)
    story += title(paper_title)
    story += addressee(dossier)
    story += [
        para(f"N{vn_date(dossier.received_at)[1:]}, {agency} tiếp nhận giải quyết hồ sơ của {who}.", "prose"),
        para(f"Nội dung yêu cầu giải quyết: {esc(request_text(dossier))}", "prose"),
        para(f"Mã hồ sơ: <b>{esc(dossier.code)}</b>", "prose"),
        para(f"Thời gian hẹn trả kết quả giải quyết hồ sơ: {vn_datetime(old)}.", "prose"),
        para(f"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ của {who} đúng hạn ghi trên "
             "Giấy tiếp nhận hồ sơ và hẹn trả kết quả.", "prose"),
        para(f"Lý do: {esc(reason) or BLANK}", "prose"),
        para(f"Sự chậm trễ này đã gây phiền hà cho {who}. {agency} xin lỗi {who} và sẽ trả kết quả "
             f"giải quyết hồ sơ cho {who} vào <b>{vn_datetime(new)}</b>.", "prose"),
        para(f"Xin trân trọng cảm ơn sự hợp tác của {who}./.", "prose"),
    ]
    story += head_signature(signer_title, signer_name, width=width)
    return build_pdf(story, title_text=f"{paper_title} {dossier.code}")
