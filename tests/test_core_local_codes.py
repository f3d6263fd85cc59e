"""The local procedures an administrator resolves: each with its dossiers received and refused by the portal."""
from __future__ import annotations

import pytest
from sync_helpers import receive_many

from counter_app import catalogue
from counter_app.local_codes import list_local_procedures, portal_catalogue_pulled

pytestmark = pytest.mark.both_stores

LOCAL = "LOCAL.BHYT.CAPLAI"


def _refuse(store, codes: list[str]) -> None:
    """What the sync engine does with a record the portal refused (test data for the counts)."""
    with store.write() as conn:
        for code in codes:
            conn.execute("UPDATE outbox SET failed = 1 WHERE dossier_id = (SELECT id FROM dossiers WHERE code = ?)",
                         (code,))


def _counts(store) -> dict[str, tuple[int, int, str]]:
    return {lp.procedure.code: (lp.received, lp.refused, lp.procedure.mapped_code) for lp in list_local_procedures(store)}


def test_each_local_procedure_with_its_dossiers_received_and_refused(store, staff_actor, admin_actor):
    local = receive_many(store, staff_actor, 3, procedure_code=LOCAL)  # some with several outbox rows each
    receive_many(store, staff_actor, 2)  # national ones: not counted anywhere
    _refuse(store, local[:2])
    counts = _counts(store)
    assert set(counts) == {"LOCAL.BHYT.CAPLAI", "LOCAL.BHYT.HGD", "LOCAL.CUTRU.XACNHAN"}
    assert counts[LOCAL] == (3, 2, "") and counts["LOCAL.BHYT.HGD"] == (0, 0, "")

    assert catalogue.map_code(store, admin_actor, LOCAL, "1.014137") >= 2
    assert _counts(store)[LOCAL] == (3, 0, "1.014137")  # re-queued, and shown mapped


def test_no_portal_catalogue_before_the_first_sync(store):
    assert not portal_catalogue_pulled(store)
