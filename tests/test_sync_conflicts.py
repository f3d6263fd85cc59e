"""Several counters of one agency: codes never collide, and the portal's dossiers are never overwritten (issue 9).

Two standalone databases stand for two counters of the office H15.50.05.13; the simulator in
a subprocess stands for the portal.
"""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
from factories import TEST_OFFICE, add_users, make_store, request
from sync_helpers import FAST_BACKOFF, PORTAL_ACCOUNT, configure_portal

from counter_app import office, services
from counter_app.dossiers import get_dossier
from counter_app.errors import InvalidState
from counter_app.models import Actor
from counter_app.store import Store
from counter_cli.main import main
from sync import outbox
from sync.engine import run_sync
from sync.simulator.process import running_simulator

MORNING = datetime.combine(datetime.now().date() - timedelta(days=1), time(9, 0))  # one day for both counters
DAY = f"{MORNING:%y%m%d}"


def _counter(tmp_path, name: str, counter_no: int) -> tuple[Store, dict[str, Actor]]:
    store = make_store(tmp_path / f"{name}.sqlite3")
    actors = add_users(store)
    office.save_office(store, replace(TEST_OFFICE, counter_no=counter_no), by=actors["admin"])
    return store, actors


def _receive(store: Store, actor: Actor, seed: int) -> str:
    import random
    return services.receive_dossier(store, actor, request(store, rng=random.Random(seed), received_at=MORNING)).code


def _held(sim) -> dict[str, tuple]:
    """What the portal holds of each dossier: its record and its progress records."""
    return {item["MaHoSo"]: (item["record"], item["progress"]) for item in sim.admin_dossiers()}


@pytest.fixture
def two_counters(tmp_path):
    first, second = _counter(tmp_path, "quay1", 1), _counter(tmp_path, "quay2", 2)
    yield first, second
    first[0].close()
    second[0].close()


def test_two_counters_of_one_agency_give_distinct_codes_and_log_numbers(two_counters):
    (one, one_actors), (two, two_actors) = two_counters
    codes_one = [_receive(one, one_actors["staff"], seed) for seed in range(3)]
    codes_two = [_receive(two, two_actors["staff"], seed) for seed in range(3)]
    assert not set(codes_one) & set(codes_two)
    assert all(code.startswith(f"H15.50.05.13-{DAY}-01") for code in codes_one)
    assert all(code.startswith(f"H15.50.05.13-{DAY}-02") for code in codes_two)
    books = {(get_dossier(s, c).log_book_label, get_dossier(s, c).log_number)
             for s, cs in ((one, codes_one), (two, codes_two)) for c in cs}
    assert len(books) == 6  # Quyển số 01/2026 and 02/2026: the receipt numbers never repeat either


def test_both_counters_sync_and_the_portal_holds_each_dossier_unchanged(two_counters, tmp_path):
    (one, one_actors), (two, two_actors) = two_counters
    code_one, code_two = _receive(one, one_actors["staff"], 1), _receive(two, two_actors["staff"], 2)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        for store in (one, two):
            configure_portal(store, sim.url)
            report = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
            assert (report.pending, report.conflicts, report.error) == (0, 0, "")
        held = {item["MaHoSo"]: item["record"] for item in sim.admin_dossiers()}
    assert set(held) == {code_one, code_two}
    assert held[code_one]["ChuHoSo"] == get_dossier(one, code_one).applicant.full_name
    assert held[code_two]["ChuHoSo"] == get_dossier(two, code_two).applicant.full_name


def test_a_code_the_portal_holds_for_another_dossier_is_a_conflict_never_an_overwrite(tmp_path, capsys):
    """Two installations that still share a counter number (as every one did before counter numbers)."""
    (first, first_actors), (second, second_actors) = _counter(tmp_path, "a", 1), _counter(tmp_path, "b", 1)
    code = _receive(first, first_actors["staff"], 1)
    assert _receive(second, second_actors["staff"], 2) == code  # the collision issue 9 found
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(first, sim.url)
        assert run_sync(first, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF).pending == 0
        before = _held(sim)

        configure_portal(second, sim.url)
        report = run_sync(second, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        assert report.conflicts == 1 and report.pushed == 0
        assert report.pending == 1  # its progress record waits behind it, never sent either
        assert _held(sim) == before  # nothing of the second citizen reached the portal

        # The sync section shows both versions; the command line counts the conflict and does not exit 0.
        [item] = [i for i in outbox.list_items(second) if i.portal_version is not None]
        assert item.dossier_code == code and item.portal_version["ChuHoSo"] == get_dossier(first, code).applicant.full_name
        second.close()
        assert main(["--db", str(tmp_path / "b.sqlite3"), "sync", "--once", "--json"]) == 1
        assert json.loads(capsys.readouterr().out)["conflicts"] == 1
        second = Store(tmp_path / "b.sqlite3")

        # Staff cannot re-code; a supervisor gives the dossier a new code and it reaches the portal once.
        with pytest.raises(Exception, match="quyền"):
            services.assign_new_code(second, second_actors["staff"], code)
        renamed = services.assign_new_code(second, second_actors["supervisor"], code).code
        assert renamed != code
        report = run_sync(second, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        assert (report.pending, report.conflicts, report.error) == (0, 0, "")
        held = {item["MaHoSo"]: item for item in sim.admin_dossiers()}
    assert (held[code]["record"], held[code]["progress"]) == before[code]
    assert held[renamed]["record"]["ChuHoSo"] == get_dossier(second, renamed).applicant.full_name
    assert [c["isUpdating"] for c in held[renamed]["calls"] if c["service"] == "DongBoHoSoMC"] == ["False"]
    with pytest.raises(InvalidState):
        services.assign_new_code(second, second_actors["supervisor"], renamed)
    second.close()
    first.close()


def test_a_lost_answer_still_updates_our_own_dossier(store, staff_actor, tmp_path):
    """The portal kept our record but the answer was lost: the look-up proves it ours, so no conflict."""
    code = _receive(store, staff_actor, 3)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        with store.write() as conn:  # forget the confirmation, as if the answer had never arrived
            conn.execute("DELETE FROM portal_dossiers")
            conn.execute("INSERT INTO outbox (dossier_id, kind, event_id, created_at, attempts)"
                         " SELECT id, 'dossier', NULL, received_at, 1 FROM dossiers")
        report = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        assert (report.pending, report.conflicts, report.error) == (0, 0, "")
        [held] = sim.admin_dossiers()
    assert held["MaHoSo"] == code


def test_the_simulator_refuses_an_update_from_another_installation(tmp_path):
    from test_sync_simulator import ACCOUNT, RECORD, Portal

    from sync import contract

    ours = {**RECORD, contract.INSTALLATION_FIELD: "counter-a"}
    with running_simulator(tmp_path, account=ACCOUNT) as handle:
        portal = Portal(handle.url)
        assert portal.call(contract.PUSH_DOSSIERS, isUpdating="False", data=[ours])["result"][0]["error_code"] == "00"
        corrected = {**ours, "ChuHoSo": "Lê Thị Hồng Đào (đã sửa)"}
        other = {**ours, "ChuHoSo": "Phạm Văn Khác", contract.INSTALLATION_FIELD: "counter-b"}
        legacy_other = {k: v for k, v in other.items() if k != contract.INSTALLATION_FIELD} | {"MaDoiTuong": "1"}
        verdicts = [portal.call(contract.PUSH_DOSSIERS, isUpdating="True", data=[record])["result"][0]["error_code"]
                    for record in (other, legacy_other, corrected)]
        [held] = handle.admin_dossiers()
    assert verdicts == [contract.CONFLICT, contract.CONFLICT, contract.OK]
    assert held["record"]["ChuHoSo"] == "Lê Thị Hồng Đào (đã sửa)"


def test_each_sync_run_leaves_the_audit_chains_head_with_the_portal(store, staff_actor, tmp_path):
    """A chain rewritten later disagrees with the head the portal holds, as with the printed daily log."""
    from counter_app import audit
    from counter_app.office import installation_id

    _receive(store, staff_actor, 4)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        report = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        with store.read() as conn:
            head, installation = audit.chain_head(conn), installation_id(conn)
        _receive(store, staff_actor, 5)
        run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        anchors = sim.admin_anchors()
    assert report.anchor == str(head)
    first = next(a for a in anchors if a["SoBanGhi"] == head.record_id)
    assert (first["MaCaiDat"], first["MaBam"]) == (installation, head.hash)
    assert len(anchors) == 2 and anchors[1]["SoBanGhi"] > head.record_id
    with store.read() as conn:  # the head the portal holds verifies against the chain as it stands
        assert audit.verify_to_anchor(conn, audit.Anchor(first["SoBanGhi"], first["MaBam"])) is None
