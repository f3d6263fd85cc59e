"""A receive on the office server: few round trips, fewer still under the office write lock (issue 9).

Every round trip inside the lock makes the other counters of the office wait, so the bound is
the one reached, and a change that adds a wait fails here. The counts come from libpq's own
protocol trace (tests/pg_round_trips.py), not from wrapping our code.
"""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

import pytest
from factories import AGENCY, request
from pg_round_trips import Tracer

from counter_app import office, services
from counter_app.dossiers import get_dossier
from counter_app.errors import ValidationError
from counter_app.models import Subject
from counter_app.services import receive
from counter_app.store import Store

pytestmark = pytest.mark.usefixtures("november_2026")  # fixed November 2026 dates: see conftest

ROUND_TRIPS = 8  # 3 reading the procedure, office and calendar before the lock, 5 holding it (37 before)
HELD = 5  # from the advisory lock to its COMMIT (29 before)
STATEMENTS = 28  # the papers' and fees' rows count one each (38 before)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_a_receive_waits_on_the_office_server_a_bounded_number_of_times(store):
    fresh = Store(store.target)  # a connection whose every prepared statement the trace will see
    staff = store.test_actors["staff"]
    tracer = Tracer(fresh.conn.raw)
    rng = random.Random(3)
    try:
        for item in [request(store, rng=rng) for _ in range(10)]:  # well past psycopg's prepare threshold (5)
            with tracer.trace() as trace:
                dossier = services.receive_dossier(fresh, staff, item)
    finally:
        fresh.close()
    assert dossier.fees and dossier.fee_receipt_number  # the fee-receipt number is part of the count
    held = trace.held("pg_advisory_xact_lock", "COMMIT")
    assert len(held) <= HELD, [e.statements for e in held]
    assert trace.round_trips <= ROUND_TRIPS, [e.statements for e in trace.exchanges]
    assert len(trace.statements) <= STATEMENTS


@pytest.mark.both_stores
def test_the_dossier_returned_is_the_one_stored(store):
    staff = store.test_actors["staff"]
    subject = Subject(full_name="Nguyễn Văn An", relation="con")
    dossier = services.receive_dossier(store, staff, replace(request(store), subject=subject, note="bản sao"))
    assert dossier == get_dossier(store, dossier.code)
    assert dossier.subject == subject and dossier.events[0].username == "canbo"


@pytest.mark.both_stores
def test_an_office_profile_saved_while_receiving_gives_the_new_agency_code(store, monkeypatch):
    """The profile is read before the write lock; one saved in between must not leave its old code behind."""
    admin, staff = store.test_actors["admin"], store.test_actors["staff"]
    read_before_lock = receive._references

    def then_renamed(*args: object) -> receive._References:
        refs = read_before_lock(*args)
        if refs.office.agency_code == AGENCY:
            office.save_office(store, replace(refs.office, agency_code="H15.50.05.99"), by=admin)
        return refs

    monkeypatch.setattr(receive, "_references", then_renamed)
    dossier = services.receive_dossier(store, staff, request(store, received_at=datetime(2026, 11, 20, 9, 0)))
    assert dossier.code == "H15.50.05.99-261120-010001"


@pytest.mark.both_stores
def test_a_profile_that_keeps_changing_refuses_the_receive_and_writes_nothing(store, monkeypatch):
    admin, staff = store.test_actors["admin"], store.test_actors["staff"]
    read_before_lock = receive._references
    agencies = iter(["H15.50.05.91", "H15.50.05.92"])

    def always_renamed(*args: object) -> receive._References:
        refs = read_before_lock(*args)
        office.save_office(store, replace(refs.office, agency_code=next(agencies)), by=admin)
        return refs

    monkeypatch.setattr(receive, "_references", always_renamed)
    with pytest.raises(ValidationError, match="Thông tin cơ quan vừa được thay đổi"):
        services.receive_dossier(store, staff, request(store))
    with store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM code_sequences").fetchone()[0] == 0
