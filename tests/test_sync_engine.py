"""The sync engine against the simulator in a subprocess: exactly once, refusals, pulls, offline."""
from __future__ import annotations

import copy

import pytest
from sync_helpers import FAST_BACKOFF, PORTAL_ACCOUNT, assert_portal_matches, configure_portal, receive_many

from counter_app import catalogue, services
from counter_app.dossiers import load_dossier
from counter_app.states import Status
from sync import outbox
from sync.engine import run_sync
from sync.runs import recent_runs
from sync.simulator.process import running_simulator
from sync.status import last_success

pytestmark = pytest.mark.both_stores


def test_thousand_dossiers_reach_a_faulty_portal_exactly_once(store, staff_actor, tmp_path):
    codes = receive_many(store, staff_actor, 1000)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT, fail_rate=0.2, drop_rate=0.05, session_ttl=30,
                           seed=11) as sim:
        configure_portal(store, sim.url)
        report = run_sync(store, until_empty=True, max_seconds=240, backoff=FAST_BACKOFF)
        assert report.pending == 0 and report.failed == 0 and report.error == ""
        assert outbox.pending_count(store) == 0
        assert_portal_matches(store, codes, sim.admin_dossiers())
    assert last_success(store) is not None


def test_a_refused_record_is_kept_with_the_portals_message_and_the_rest_go_through(store, staff_actor, tmp_path):
    good = receive_many(store, staff_actor, 5)
    local_only = receive_many(store, staff_actor, 1, seed=8, procedure_code="LOCAL.BHYT.CAPLAI")[0]
    more = receive_many(store, staff_actor, 5, seed=9)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        report = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        held = {item["MaHoSo"] for item in sim.admin_dossiers()}
    assert held == set(good + more)
    assert report.failed == 1
    refused = outbox.list_items(store, failed=True)
    assert [item.dossier_code for item in refused] == [local_only]
    assert "LOCAL.BHYT.CAPLAI" in refused[0].last_error and "quốc gia" in refused[0].last_error
    # Its later progress records wait behind it; the dossier is still counted as pending.
    assert {item.dossier_code for item in outbox.list_items(store, failed=False)} == {local_only}
    assert outbox.retry(store, staff_actor) == 1
    assert outbox.failed_count(store) == 0


def test_statuses_set_by_the_agency_come_back_into_the_timeline(store, staff_actor, tmp_path):
    code = services.receive_dossier(store, staff_actor, _request(store)).code
    services.transfer(store, staff_actor, code, processing_agency="UBND xã Yên Thành")
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT, process_after=0.2) as sim:
        configure_portal(store, sim.url)
        run_sync(store, until_empty=True, max_seconds=30, backoff=FAST_BACKOFF)
        _wait_for(lambda: sim.admin_dossiers()[0]["TrangThaiHoSo"] == "9")
        report = run_sync(store)
    assert report.pulled == 1
    with store.read() as conn:
        dossier = load_dossier(conn, code)
    assert dossier.status == Status.RESULT_READY.value
    last = dossier.events[-1]
    assert last.source == "portal" and last.to_status == Status.RESULT_READY.value
    assert "Đã xử lý xong" in last.note
    assert outbox.pending_count(store) == 0  # no echo back to the portal


def test_a_catalogue_change_on_the_portal_reaches_the_local_catalogue(store, staff_actor, tmp_path):
    before = catalogue.get_procedure(store, "1.004194")
    code = services.receive_dossier(store, staff_actor, _request(store)).code
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        assert run_sync(store).pulled == 0  # the same catalogue: no new versions
        changed = copy.deepcopy(next(p for p in _portal_catalogue(sim) if p["MATTHC"] == "1.004194"))
        changed["CACHTHUCTHUCHIEN"][0]["THOIGIAN"][0]["THOIGIANGIAIQUYET"] += 2
        sim.put_procedure(changed)
        assert run_sync(store).pulled == 1
    after = catalogue.get_procedure(store, "1.004194")
    assert after.version == before.version + 1
    assert after.processing_value == before.processing_value + 2
    assert [f.rule for f in after.fees] == [f.rule for f in before.fees]  # what the portal cannot say is kept
    with store.read() as conn:
        assert load_dossier(conn, code).procedure.version == before.version


def test_offline_the_queue_grows_and_drains_when_the_portal_returns(store, staff_actor, tmp_path):
    sim = running_simulator(tmp_path, account=PORTAL_ACCOUNT)
    configure_portal(store, sim.url)
    sim.stop()
    codes = receive_many(store, staff_actor, 3)
    offline = run_sync(store, backoff=FAST_BACKOFF)
    assert offline.pending == outbox.pending_count(store) > 0 and "Không kết nối" in offline.error
    codes += receive_many(store, staff_actor, 2, seed=10)
    assert outbox.pending_count(store) > offline.pending
    sim.start()
    try:
        report = run_sync(store, until_empty=True, max_seconds=30, backoff=FAST_BACKOFF)
        assert report.pending == 0 and report.error == ""
        assert_portal_matches(store, codes, sim.admin_dossiers())
    finally:
        sim.stop()
    runs = recent_runs(store)
    assert runs[0].error == "" and runs[1].error.startswith("Không kết nối")


def test_without_credentials_the_run_says_so_and_sends_nothing(store, staff_actor, tmp_path, monkeypatch):
    receive_many(store, staff_actor, 1)
    report = run_sync(store)
    assert "Chưa cấu hình" in report.error and report.pending == outbox.pending_count(store) > 0
    from sync.config import PortalConfig, save_config

    save_config(store, PortalConfig(url="http://127.0.0.1:9", username="nobody", agency_code="H15.50.05.13",
                                    insecure_http=True))
    monkeypatch.delenv("COUNTER_PORTAL_PASSWORD", raising=False)
    assert "portal set" in run_sync(store).error


def _request(store):
    from factories import request

    return request(store)


def _portal_catalogue(sim):
    import requests

    session = requests.post(f"{sim.url}/auth", json=dict(zip(("username", "password"), PORTAL_ACCOUNT,
                                                              strict=True)), timeout=5).json()["session"]
    answer = requests.post(f"{sim.url}/share", json={"session": session, "madonvi": "H15.50.05.13",
                                                     "service": "LayDanhSachTTHC"}, timeout=5).json()
    return answer["result"]


def _wait_for(condition, timeout: float = 10.0) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("condition not met in time")
        time.sleep(0.05)


def test_a_corrected_applicant_reaches_the_portal_as_an_update(store, staff_actor, tmp_path):
    dossier = services.receive_dossier(store, staff_actor, _request(store))
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        run_sync(store, until_empty=True, max_seconds=30, backoff=FAST_BACKOFF)
        services.correct_applicant(store, staff_actor, dossier.code, full_name="Trần Thị Mới",
                                   address=dossier.applicant.address, phone=dossier.applicant.phone, email="",
                                   reason="Ghi sai họ tên")
        assert run_sync(store, until_empty=True, max_seconds=30, backoff=FAST_BACKOFF).pending == 0
        held = sim.admin_dossiers()
    assert held[0]["record"]["ChuHoSo"] == "Trần Thị Mới"
    pushes = [(c["isUpdating"], c["outcome"]) for c in held[0]["calls"] if c["service"] == "DongBoHoSoMC"]
    assert pushes == [("False", "00"), ("True", "00")]
    assert_portal_matches(store, [dossier.code], held)
