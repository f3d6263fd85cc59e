"""A month of dossiers whose Decision 766 figures are counted by hand (core and UI tests)."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime

from factories import request

from counter_app import services, users
from counter_app.models import Actor, DossierFee, PaymentMethod
from counter_app.reports.score766 import Period
from counter_app.store import Store

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
END_OF_MARCH = datetime(2026, 3, 31, 17, 0)
FEE = "Lệ phí đăng ký tạm trú"


def _receive(store, actor, at: datetime, seed: int, method: PaymentMethod | None = None) -> str:
    base = request(store, rng=random.Random(seed), received_at=at)
    reason = "Người có công" if method is PaymentMethod.EXEMPT else ""
    fees = () if method is None else (DossierFee(FEE, 15000, method, reason),)
    return services.receive_dossier(store, actor, replace(base, fees=fees)).code


def _synced(store, *codes: str) -> None:
    with store.write() as conn:
        for code in codes:
            conn.execute("INSERT INTO portal_dossiers (dossier_id, confirmed_at)"
                         " SELECT id, '2026-03-31 18:00:00' FROM dossiers WHERE code = ?", (code,))


def seed_march(store: Store) -> dict[str, str]:
    """Temporary residence (3 working days), March 2026 (no public holiday), two clerks.

    A Mon 2/3 09:00 → result Wed 4/3: on time, 2 working days; synced; fee by transfer.
    B Mon 2/3 10:00 → result Mon 9/3: late, 5 working days; fee in cash.               (clerk 2)
    C Tue 3/3 → result the same afternoon, returned the next day: on time, 0 days; synced; fee exempt.
    D Wed 4/3, still processing on 31/3: overdue, so judged late; synced.
    E Mon 30/3, open, due in April: not judged yet; fee by transfer.                    (clerk 2)
    F Thu 5/3, refused: counted for 1.4 only.
    G 27/2 and H 1/4: outside the period (G synced, late).
    """
    clerk, other = (Actor.of(users.get_user(store, name)) for name in ("canbo", "lanhdao"))
    c = {
        "A": _receive(store, clerk, datetime(2026, 3, 2, 9, 0), 1, PaymentMethod.TRANSFER),
        "B": _receive(store, other, datetime(2026, 3, 2, 10, 0), 2, PaymentMethod.CASH),
        "C": _receive(store, clerk, datetime(2026, 3, 3, 8, 30), 3, PaymentMethod.EXEMPT),
        "D": _receive(store, clerk, datetime(2026, 3, 4, 9, 0), 4),
        "E": _receive(store, other, datetime(2026, 3, 30, 9, 0), 5, PaymentMethod.TRANSFER),
        "F": _receive(store, clerk, datetime(2026, 3, 5, 9, 0), 6),
        "G": _receive(store, clerk, datetime(2026, 2, 27, 9, 0), 7),
        "H": _receive(store, clerk, datetime(2026, 3, 31, 16, 0), 8),
    }
    services.record_result_ready(store, clerk, c["A"], at=datetime(2026, 3, 4, 10, 0))
    services.record_result_ready(store, other, c["B"], at=datetime(2026, 3, 9, 15, 0))
    services.record_result_ready(store, clerk, c["C"], at=datetime(2026, 3, 3, 15, 0))
    services.return_result(store, clerk, c["C"], recipient="Người nhận", at=datetime(2026, 3, 4, 8, 0))
    services.transfer(store, clerk, c["D"], processing_agency="Công an xã", at=datetime(2026, 3, 4, 10, 0))
    services.refuse(store, clerk, c["F"], reason="Thiếu giấy tờ", at=datetime(2026, 3, 5, 9, 30))
    services.record_result_ready(store, clerk, c["G"], at=datetime(2026, 3, 10, 9, 0))
    _synced(store, c["A"], c["C"], c["D"], c["G"])
    with store.write() as conn:  # H was received on 1 April (the clock check needs a past time at receipt)
        conn.execute("UPDATE dossiers SET received_at = '2026-04-01 08:00:00' WHERE code = ?", (c["H"],))
    return c


