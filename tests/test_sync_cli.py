"""``counter-app portal set`` and ``counter-app sync`` as an operator uses them."""
from __future__ import annotations

import json

import keyring
import pytest
from factories import PASSWORD
from sync_helpers import PORTAL_ACCOUNT, receive_many
from test_core_cli import run

from counter_app.store import Store
from counter_cli.main import main
from sync.config import KEYRING_SERVICE, load_config
from sync.simulator.process import running_simulator

pytestmark = pytest.mark.both_stores


def test_portal_set_then_sync_until_empty(store, staff_actor, tmp_path, capsys, monkeypatch):
    receive_many(store, staff_actor, 3)
    db = str(store.target)
    monkeypatch.delenv("COUNTER_PORTAL_PASSWORD", raising=False)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        code, out, err = run(capsys, "--db", db, "portal", "set", "--url", sim.url, "--username", PORTAL_ACCOUNT[0],
                             "--agency-code", "H15.50.05.13", "--insecure-http", "--admin", "admin", "--password-stdin",
                             stdin=f"{PASSWORD}\n{PORTAL_ACCOUNT[1]}\n")  # the admin's password, then the portal's
        assert code == 0, err
        assert keyring.get_password(KEYRING_SERVICE, PORTAL_ACCOUNT[0]) == PORTAL_ACCOUNT[1]
        with Store(db) as other:
            assert PORTAL_ACCOUNT[1] not in json.dumps(load_config(other).__dict__)  # never in the database
        code, out, err = run(capsys, "--db", db, "sync", "--until-empty", "--max-seconds", "30", "--json")
        report = json.loads(out)
        assert code == 0 and report["pending"] == 0 and report["pushed"] > 0
        assert len(sim.admin_dossiers()) == 3


def test_sync_with_work_left_exits_non_zero_and_says_why(store, staff_actor, capsys):
    receive_many(store, staff_actor, 1)
    code, out, err = run(capsys, "--db", str(store.target), "sync", "--once")
    assert code == 1 and "pending" in out and "portal set" in err


def test_portal_set_refuses_a_bad_url_and_writes_nothing(store, capsys):
    code, _, err = run(capsys, "--db", str(store.target), "portal", "set", "--url", "cong-dvc", "--username", "u",
                       "--agency-code", "H15.50.05.13", "--no-password", "--admin", "admin", "--password-stdin",
                       stdin=PASSWORD + "\n")
    assert code == 2 and "cong-dvc" in err
    assert load_config(store) is None


def test_portal_set_needs_an_administrators_password(store, capsys):
    for admin, password in (("admin", "doan-thu-xem"), ("canbo", PASSWORD)):  # wrong; right but only staff
        code, _, err = run(capsys, "--db", str(store.target), "portal", "set", "--url", "https://cong.example/dvcqg",
                           "--username", "u", "--agency-code", "H15.50.05.13", "--no-password", "--admin", admin,
                           "--password-stdin", stdin=password + "\n")
        assert code == 2 and err, admin
    assert load_config(store) is None


def test_portal_sim_takes_the_simulators_own_options():
    with pytest.raises(SystemExit) as done:
        main(["portal-sim", "--help"])
    assert done.value.code == 0
