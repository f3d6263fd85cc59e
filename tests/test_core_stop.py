"""Stopping a dossier at the citizen's request: status 8 with its event, audit and outbox rows, or nothing."""
from __future__ import annotations

import json
from datetime import datetime

import pytest
from factories import add_users, make_store, request

from counter_app import services
from counter_app.errors import InvalidState, ValidationError
from counter_app.states import PORTAL_CODE, Action, Status

pytestmark = pytest.mark.usefixtures("november_2026")  # fixed November 2026 dates: see conftest


@pytest.fixture
def setup(tmp_path):
    store = make_store(tmp_path / "c.sqlite3")
    actors = add_users(store)
    dossier = services.receive_dossier(store, actors["staff"], request(store, received_at=datetime(2026, 11, 20, 9, 15)))
    return store, actors, dossier.code


def _rows(store, code):
    with store.read() as conn:
        events = conn.execute("SELECT e.id, e.action, e.to_status, e.portal_code, e.note FROM status_events e"
                              " JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = ? ORDER BY e.id",
                              (code,)).fetchall()
        audits = conn.execute("SELECT action, details FROM audit_log WHERE entity_id = ? ORDER BY id",
                              (code,)).fetchall()
        outbox = conn.execute("SELECT kind, event_id FROM outbox o JOIN dossiers d ON d.id = o.dossier_id"
                              " WHERE d.code = ? ORDER BY o.id", (code,)).fetchall()
    return events, audits, outbox


def test_stop_writes_status_8_event_audit_and_progress_row(setup):
    store, actors, code = setup
    services.transfer(store, actors["staff"], code, processing_agency="Công an xã Ba Vì")
    stopped = services.stop(store, actors["staff"], code, reason="Công dân có đơn xin dừng giải quyết")
    assert stopped.status == Status.STOPPED and PORTAL_CODE[Status.STOPPED] == 8
    events, audits, outbox = _rows(store, code)
    last = events[-1]
    assert (last["action"], last["to_status"], last["portal_code"]) == ("stop", "stopped", 8)
    assert last["note"] == "Công dân có đơn xin dừng giải quyết"
    assert audits[-1]["action"] == "dossier.stop" and json.loads(audits[-1]["details"])["event"] == last["id"]
    assert (outbox[-1]["kind"], outbox[-1]["event_id"]) == ("progress", last["id"])


def test_stop_needs_a_reason_and_an_undecided_dossier(setup):
    store, actors, code = setup
    before = _rows(store, code)
    with pytest.raises(ValidationError):
        services.stop(store, actors["staff"], code, reason="  ")
    services.record_result_ready(store, actors["staff"], code)
    decided = _rows(store, code)
    with pytest.raises(InvalidState):  # a decision was made: too late to stop
        services.stop(store, actors["staff"], code, reason="Xin dừng")
    assert _rows(store, code) == decided and len(decided[0]) == len(before[0]) + 1
    assert Action.STOP.value not in {e["action"] for e in decided[0]}


def test_print_stop_notice_from_the_command_line(setup, tmp_path, capsys):
    import subprocess

    from counter_cli.main import main

    store, actors, code = setup
    out = tmp_path / "stop.pdf"
    assert main(["--db", str(store.path), "print", "stop-notice", code, "-o", str(out)]) != 0  # not stopped yet
    assert "Dừng giải quyết" in capsys.readouterr().err and not out.exists()
    services.stop(store, actors["staff"], code, reason="Công dân xin dừng để bổ sung giấy tờ khác")
    assert main(["--db", str(store.path), "print", "stop-notice", code, "-o", str(out)]) == 0
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split())
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text and code in text and "Mẫu số 05" in text
    assert "Công dân xin dừng để bổ sung giấy tờ khác" in text
