"""One entry point from "this kind of paper for this dossier" to PDF bytes.

The CLI and the app both print through here, so a document's inputs are taken from the
dossier's recorded events in exactly one way (the refusal's reason is the refusal event's note,
the apology's dates are the reschedule event's, and so on).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

from counter_app import audit
from counter_app.daily_log import LogQuery, log_books, log_entries
from counter_app.dossiers import dossiers_received_between
from counter_app.models import Dossier, Office, book_label
from counter_app.states import ACTION_LABEL_VI, Action
from counter_app.store import Store
from counter_app.users import get_user

from .apology import build_apology
from .control_sheet import build_control_sheet
from .daily_log import build_daily_log, scope_line
from .fee_ledger import build_fee_ledger
from .fee_receipt import build_fee_receipt
from .hi_card_request import build_hi_card_request
from .kinds import KINDS
from .layout import dmy
from .receipt import build_receipt
from .refusal import build_refusal
from .regulations import office_for
from .stop_notice import build_stop_notice
from .supplement import build_supplement


def _last_note(dossier: Dossier, action: Action) -> str:
    for event in reversed(dossier.events):
        if event.action == action.value:
            return event.note
    raise ValueError(f"Hồ sơ {dossier.code} chưa có bước «{ACTION_LABEL_VI[action]}»: hãy ghi nhận bước đó trước khi in.")


def render(kind: str, office: Office, dossier: Dossier) -> bytes:
    """The PDF of one paper for one dossier; ValueError when the dossier lacks what it needs.

    The paper follows the regulation the dossier was received under (:func:`office_for`).
    """
    office = office_for(office, dossier)
    if kind == "receipt":
        return build_receipt(office, dossier)
    if kind == "supplement":
        return build_supplement(office, dossier, reason=_last_note(dossier, Action.REQUEST_SUPPLEMENT))
    if kind == "refusal":
        return build_refusal(office, dossier, reason=_last_note(dossier, Action.REFUSE))
    if kind == "apology":
        _last_note(dossier, Action.RESCHEDULE)
        return build_apology(office, dossier)
    if kind == "control":
        return build_control_sheet(office, dossier)
    if kind == "stop-notice":
        _last_note(dossier, Action.STOP)
        return build_stop_notice(office, dossier)
    if kind == "hi-card-request":
        return build_hi_card_request(office, dossier)
    if kind == "fee":
        return build_fee_receipt(office, dossier)
    raise ValueError(f"Không có loại giấy «{kind}» (chọn một trong: {', '.join(KINDS)}).")


def render_daily_log(
    store: Store,
    office: Office,
    *,
    start: date,
    end: date | None = None,
    counter_no: int | None = None,
    staff: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> bytes:
    """Sổ theo dõi hồ sơ for a day or a date range: one counter's (``counter_no``) or the whole office's (None).

    Rows, books, totals and the audit anchor come from one read snapshot; the rows stream from
    it while the pages are laid out, so a month's log keeps no list of its dossiers.
    """
    end = end or start
    if end < start:
        raise ValueError("Ngày kết thúc đứng trước ngày bắt đầu.")
    staff_name = get_user(store, staff).full_name if staff else None
    query = LogQuery(start, end, counter_no=counter_no, staff=staff)
    label = f"Ngày {dmy(start)}" if start == end else f"Từ ngày {dmy(start)} đến ngày {dmy(end)}"
    with store.snapshot() as conn:  # the read connection: a month's log never holds up a save
        anchor = audit.chain_head(conn)
        books = log_books(conn, query)
        labels = [b.label for b in books] or (
            [book_label(counter_no, y) for y in range(start.year, end.year + 1)] if counter_no is not None else [])
        return build_daily_log(office, log_entries(conn, query), period_label=label, scope_label=scope_line(counter_no),
                               books=labels, total=sum(b.count for b in books), staff_name=staff_name, anchor=anchor,
                               progress=progress, cancel=cancel)


def render_fee_ledger(store: Store, office: Office, *, day: date, counter_no: int | None = None,
                      staff: str | None = None) -> bytes:
    """Sổ thu phí, lệ phí for a day: one counter's (``counter_no``) or the whole office's (None), all clerks or one."""
    staff_name = get_user(store, staff).full_name if staff else None
    dossiers = dossiers_received_between(store, day, day, counter_no=counter_no, staff=staff)
    return build_fee_ledger(office, dossiers, day_label=f"Ngày {dmy(day)}", scope_label=scope_line(counter_no),
                            staff_name=staff_name)
