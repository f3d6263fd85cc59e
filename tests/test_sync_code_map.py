"""A LOCAL.* procedure mapped to its national code: its refused dossiers reach the portal, exactly once."""
from __future__ import annotations

import json

import pytest
from factories import PASSWORD
from sync_helpers import FAST_BACKOFF, PORTAL_ACCOUNT, assert_portal_matches, configure_portal, receive_many
from test_core_cli import run

from counter_app import catalogue
from counter_app.errors import NotFound, PermissionDenied, ValidationError
from sync import outbox
from sync.engine import run_sync
from sync.mapping import portal_procedure
from sync.simulator.process import running_simulator

LOCAL = "LOCAL.BHYT.CAPLAI"
# Test data: a code the simulator's catalogue is given below (Decision 2306/QĐ-BYT's "cấp thẻ BHYT").
NATIONAL = "1.014137"


def _audits(store):
    with store.read() as conn:
        return [(r["entity_id"], json.loads(r["details"])) for r in
                conn.execute("SELECT entity_id, details FROM audit_log WHERE action = 'catalogue.map_code'")]


def test_a_refused_local_dossier_is_mapped_then_accepted_exactly_once(store, staff_actor, admin_actor, tmp_path):
    good = receive_many(store, staff_actor, 2)
    local = receive_many(store, staff_actor, 2, seed=8, procedure_code=LOCAL)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        first = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        assert first.failed == 2 and {i.dossier_code for i in outbox.list_items(store, failed=True)} == set(local)
        with store.read() as conn:
            entry = catalogue.current_entry(conn, LOCAL)
        sim.put_procedure(portal_procedure({**entry, "code": NATIONAL}, "sim.2"))

        assert catalogue.map_code(store, admin_actor, LOCAL, NATIONAL) == 2
        assert catalogue.get_procedure(store, LOCAL).portal_code == NATIONAL
        second = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        assert (second.failed, second.pending) == (0, 0)
        assert run_sync(store, until_empty=True, max_seconds=30, backoff=FAST_BACKOFF).pushed == 0
        held = sim.admin_dossiers()
    assert_portal_matches(store, good + local, held)  # each created once, every step once
    assert {h["record"]["MaTTHC"] for h in held if h["MaHoSo"] in local} == {NATIONAL}
    assert _audits(store) == [(LOCAL, {"national_code": NATIONAL, "previous": None, "dossiers": 2, "requeued": 2})]


def test_mapping_is_refused_with_one_message_and_nothing_changed(store, staff_actor, admin_actor):
    receive_many(store, staff_actor, 1, procedure_code=LOCAL)
    for local, national, error in [(LOCAL, "LOCAL.X", ValidationError), (LOCAL, "1.01413", ValidationError),
                                   ("1.004194", NATIONAL, ValidationError), ("LOCAL.NONE", NATIONAL, NotFound)]:
        with pytest.raises(error):
            catalogue.map_code(store, admin_actor, local, national)
    with pytest.raises(PermissionDenied):
        catalogue.map_code(store, staff_actor, LOCAL, NATIONAL)
    assert _audits(store) == [] and catalogue.get_procedure(store, LOCAL).portal_code == LOCAL
    catalogue.map_code(store, admin_actor, LOCAL, NATIONAL)
    with pytest.raises(ValidationError, match="đã được ánh xạ"):
        catalogue.map_code(store, admin_actor, LOCAL, NATIONAL)
    assert len(_audits(store)) == 1


def test_catalog_map_from_the_command_line(store, capsys):
    as_admin = ("--admin", "admin", "--password-stdin")
    code, _, err = run(capsys, "--db", str(store.path), "catalog", "map", LOCAL, "not-a-code", *as_admin,
                       stdin=f"{PASSWORD}\n")
    assert code != 0 and err.count("\n") == 1 and "Traceback" not in err
    code, out, _ = run(capsys, "--db", str(store.path), "catalog", "map", LOCAL, NATIONAL, *as_admin,
                       stdin=f"{PASSWORD}\n")
    assert code == 0 and f"{LOCAL} -> {NATIONAL}" in out
    assert catalogue.get_procedure(store, LOCAL).portal_code == NATIONAL
