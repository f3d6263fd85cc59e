"""The insurance declaration of a dossier ("hi-card-request"): the form its date and procedure call for.

:func:`printing.regulations.insurance_form` chooses it: the TK1-TS of Decision 490 for a dossier
received before 1/5/2026; from then on Decision 366's TK1-TS (voluntary social insurance),
Decree 188/2025's Mẫu số 4 (household health insurance) or its Mẫu số 2 (every other
health-insurance-only procedure, a card reissue among them). The reason a card is reissued
(lost, damaged, changed details) is the one given, else the one the dossier's summary says.
"""
from __future__ import annotations

from datetime import date

from counter_app.models import Dossier, Office

from .declaration_parts import Reason, chosen_reason
from .insurance_forms_2026 import build_hi_declaration, build_household_list, build_tk1_ts_2026
from .regulations import HI_DECLARATION_188, HOUSEHOLD_LIST_188, INSURANCE_FORMS, TK1_TS_366, TK1_TS_490, insurance_form
from .tk1_ts_2023 import build_tk1_ts_2023


def build_hi_card_request(office: Office, dossier: Dossier, *, reason: Reason | str | None = None,
                          form: str | None = None, on: date | None = None) -> bytes:
    """The declaration for ``dossier`` (``form``: a key of ``INSURANCE_FORMS`` to print another one).

    With no reason known, no box is marked and the citizen ticks one.
    """
    chosen = form or insurance_form(dossier)
    if chosen is None:
        raise ValueError(f"Hồ sơ {dossier.code} không thuộc thủ tục BHYT, BHXH: không có tờ khai bảo hiểm để in.")
    if chosen not in INSURANCE_FORMS:
        raise ValueError(f"Không có mẫu tờ khai «{chosen}» (chọn một trong: {', '.join(INSURANCE_FORMS)}).")
    why = chosen_reason(dossier, reason)
    signed_on = on or dossier.received_at.date()
    if chosen == TK1_TS_490:
        return build_tk1_ts_2023(office, dossier, why, signed_on)
    if chosen == TK1_TS_366:
        return build_tk1_ts_2026(office, dossier, why, signed_on)
    if chosen == HOUSEHOLD_LIST_188:
        return build_household_list(office, dossier, signed_on)
    assert chosen == HI_DECLARATION_188
    return build_hi_declaration(office, dossier, why, signed_on)
