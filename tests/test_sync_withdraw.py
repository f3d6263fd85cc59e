"""A withdrawn electronic copy leaves the portal's record, and one withdrawn before it was sent is never uploaded."""
from __future__ import annotations

import random

import pytest
from factories import request
from sync_files_helpers import attach, pdf_bytes, referenced
from sync_helpers import FAST_BACKOFF, PORTAL_ACCOUNT, configure_portal

from counter_app import services
from counter_app.attachments import withdraw
from sync.engine import run_sync
from sync.simulator.process import running_simulator

pytestmark = pytest.mark.both_stores


def _record(sim, code: str) -> dict:
    return {item["MaHoSo"]: item for item in sim.admin_dossiers()}[code]["record"]


def _sync(store) -> None:
    report = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
    assert report.error == "" and report.pending == 0 and report.failed == 0


def test_the_record_is_sent_again_without_the_withdrawn_file_and_then_with_its_replacement(store, staff_actor,
                                                                                          tmp_path):
    code = services.receive_dossier(store, staff_actor, request(store, rng=random.Random(1))).code
    wrong = attach(store, staff_actor, code, pdf_bytes(200_000, seed=1), paper=1)
    kept = attach(store, staff_actor, code, pdf_bytes(200_000, seed=2), paper=2)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        _sync(store)
        assert referenced(_record(sim, code)) == {"papers": [wrong, kept], "results": []}

        withdraw(store, staff_actor, code, paper=1, seq=1, reason="Quét nhầm giấy tờ của người khác")
        _sync(store)  # nothing else changed: the withdrawal itself queued the record
        record = _record(sim, code)
        assert referenced(record) == {"papers": [kept], "results": []}
        assert wrong not in str(record)

        right = attach(store, staff_actor, code, pdf_bytes(200_000, seed=3), paper=1)
        _sync(store)
        assert referenced(_record(sim, code)) == {"papers": [right, kept], "results": []}  # paper order


def test_a_file_withdrawn_before_it_was_uploaded_never_is(store, staff_actor, tmp_path):
    code = services.receive_dossier(store, staff_actor, request(store, rng=random.Random(2))).code
    wrong = attach(store, staff_actor, code, pdf_bytes(300_000, seed=4), paper=1)
    withdraw(store, staff_actor, code, paper=1, seq=1, reason="Giấy tờ của hồ sơ khác")
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        _sync(store)
        record = _record(sim, code)
        assert referenced(record) == {"papers": [], "results": []}
        assert record["HoSoCoThanhPhanSoHoa"] == "0"
        assert wrong not in [f["MaBam"] for f in sim.admin_files()]
        assert sim.admin_files() == []
