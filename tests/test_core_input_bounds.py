"""Bounded input in the core: invisible characters stripped, field lengths, believable dates,
time zones, idempotent client references. Each case was accepted (or crashed) before."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from factories import add_users, make_store, request

from counter_app import clock, limits, services
from counter_app.db import sqlite_driver
from counter_app.errors import PermissionDenied, ValidationError
from counter_app.models import DossierFee, PaymentMethod
from counter_app.search import search
from counter_app.text import clean_text, fold
from counter_app.workdays import WorkCalendar

INVISIBLE = ["\x00", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
             "\u200e", "\u200f", "\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"]


@pytest.fixture
def setup(tmp_path):
    store = make_store(tmp_path / "c.sqlite3")
    yield store, add_users(store)
    store.close()


def _count(store, table: str = "dossiers") -> int:
    with store.read() as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def _yesterday_at(hour: int) -> datetime:
    return datetime.combine(clock.now().date() - timedelta(days=1), datetime.min.time()).replace(hour=hour)


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_clean_text_strips_each_invisible_character(char):
    assert clean_text(f"Nguy{char}ễn{char} Văn") == "Nguyễn Văn"
    assert fold(f"nguy{char}en") == "nguyen"


def test_clean_text_keeps_line_breaks_of_notes_only_when_asked():
    assert clean_text("dòng 1\n\tdòng 2 ") == "dòng 1 dòng 2"
    assert clean_text("dòng 1\ndòng 2\x00", one_line=False) == "dòng 1\ndòng 2"


def test_name_with_a_zero_width_space_is_stored_clean_and_found_by_plain_letters(setup):
    store, actors = setup
    dossier = services.receive_dossier(store, actors["staff"], request(
        store, full_name="Nguy\u200bễn\u202e Văn\x00 Đức", address="thôn\ufeff Đông"))
    assert dossier.applicant.full_name == "Nguyễn Văn Đức"
    assert dossier.applicant.address == "thôn Đông"
    assert [row.code for row in search(store, "nguyen van duc")] == [dossier.code]


@pytest.mark.parametrize(("field", "limit"), [("full_name", limits.FULL_NAME), ("address", limits.ADDRESS)])
def test_overlong_applicant_text_is_refused_naming_the_field(setup, field, limit):
    store, actors = setup
    req = request(store)
    long = replace(req, applicant=replace(req.applicant, **{field: "a" * 3_000_000}))
    with pytest.raises(ValidationError, match=limit.label) as refused:
        services.receive_dossier(store, actors["staff"], long)
    assert str(limit.max_length) in str(refused.value) and "aaaa" not in str(refused.value)
    at_limit = replace(req, applicant=replace(req.applicant, **{field: "Ă" * limit.max_length}))
    services.receive_dossier(store, actors["staff"], at_limit)
    assert _count(store) == 1


def test_overlong_email_phone_paper_note_and_delivery_address_are_refused(setup):
    store, actors = setup
    req = request(store)
    cases = {
        limits.EMAIL: replace(req, applicant=replace(req.applicant, email="a" * 250 + "@x.vn")),
        limits.PHONE: replace(req, applicant=replace(req.applicant, phone="0" * 21)),
        limits.PAPER_NAME: replace(req, papers=(replace(req.papers[0], name="p" * 301), *req.papers[1:])),
        limits.NOTE: replace(req, note="n" * 2001),
        limits.SUMMARY: replace(req, summary="s" * 501),
        limits.DELIVERY_ADDRESS: replace(req, delivery_address="d" * 301),
        limits.CLIENT_REF: replace(req, client_ref="r" * 65),
        limits.EXEMPT_REASON: replace(req, fees=(DossierFee("Lệ phí", 0, PaymentMethod.EXEMPT, "x" * 301),)),
        limits.FEE_NAME: replace(req, fees=(DossierFee("f" * 301, 1000),)),
    }
    for limit, bad in cases.items():
        with pytest.raises(ValidationError, match=limit.label):
            services.receive_dossier(store, actors["staff"], bad)
    assert _count(store) == 0


def test_counts_and_amounts_are_bounded_before_sqlite_overflows(setup):
    store, actors = setup
    req = request(store)
    for bad in (replace(req, sets_count=10**30), replace(req, sets_count=0),
                replace(req, fees=(DossierFee("Lệ phí", 10**30),)),
                replace(req, papers=(replace(req.papers[0], count=10**30), *req.papers[1:]))):
        with pytest.raises(ValidationError):
            services.receive_dossier(store, actors["staff"], bad)
    assert _count(store) == 0


def test_action_reasons_are_bounded_too(setup):
    store, actors = setup
    code = services.receive_dossier(store, actors["staff"], request(store)).code
    with pytest.raises(ValidationError, match=limits.REASON.label):
        services.refuse(store, actors["staff"], code, reason="r" * 3_000_000)
    with pytest.raises(ValidationError, match=limits.FULL_NAME.label):
        services.correct_applicant(store, actors["staff"], code, full_name="x" * 101, address="", phone="",
                                   email="", reason="sai tên")


@pytest.mark.parametrize("birth", [date(2099, 1, 1), date(1899, 12, 31)])
def test_birth_date_in_the_future_or_before_1900_is_refused(setup, birth):
    store, actors = setup
    req = request(store)
    bad = replace(req, applicant=replace(req.applicant, personal_id="", birth_date=birth))
    with pytest.raises(ValidationError, match="Ngày sinh"):
        services.receive_dossier(store, actors["staff"], bad)


@pytest.mark.parametrize("received_at", [
    pytest.param(lambda now: now + timedelta(minutes=6), id="beyond-skew"),
    pytest.param(lambda now: datetime(2031, 1, 1, 9, 0), id="2031"),
    pytest.param(lambda now: datetime(1901, 1, 1, 9, 0), id="1901"),
    pytest.param(lambda now: now - timedelta(days=366), id="over-a-year"),
])
def test_unbelievable_received_times_are_refused(setup, received_at):
    store, actors = setup
    with pytest.raises(ValidationError, match="Thời gian nhận"):
        services.receive_dossier(store, actors["staff"], request(store, received_at=received_at(clock.now())))
    assert _count(store) == 0


def test_a_few_minutes_of_clock_skew_are_accepted(setup):
    store, actors = setup
    ahead = clock.now() + timedelta(minutes=4)
    dossier = services.receive_dossier(store, actors["staff"], request(store, received_at=ahead))
    assert dossier.received_at == ahead


def test_history_import_is_for_administrators_and_audited(setup):
    store, actors = setup
    old = clock.now() - timedelta(days=400)
    history = replace(request(store, received_at=old), import_history=True)
    with pytest.raises(PermissionDenied):
        services.receive_dossier(store, actors["staff"], history)
    dossier = services.receive_dossier(store, actors["admin"], history)
    assert dossier.received_at == old
    with store.read() as conn:
        row = conn.execute("SELECT username, entity_id, details FROM audit_log WHERE action = 'dossier.import_history'"
                           ).fetchone()
    assert (row["username"], row["entity_id"]) == ("admin", dossier.code)
    with pytest.raises(ValidationError, match="tương lai"):  # the flag never allows the future
        services.receive_dossier(store, actors["admin"], replace(history, received_at=datetime(2031, 1, 1)))


def test_a_time_with_a_zone_is_converted_to_office_time(setup):
    store, actors = setup
    day = clock.now().date() - timedelta(days=1)
    utc = datetime.combine(day, datetime.min.time()).replace(hour=2, minute=15, tzinfo=UTC)
    dossier = services.receive_dossier(store, actors["staff"], request(store, received_at=utc))
    assert dossier.received_at == datetime.combine(day, datetime.min.time()).replace(hour=9, minute=15)


def test_a_zoned_time_with_no_local_equivalent_is_refused_not_overflowed():
    edge = datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5)))
    with pytest.raises(ValidationError):
        clock.to_office(edge)


def test_same_client_ref_returns_the_first_dossier_and_writes_nothing(setup):
    store, actors = setup
    first = services.receive_dossier(store, actors["staff"], replace(request(store), client_ref="batch7-0001"))
    tables = ("dossiers", "applicants", "audit_log", "outbox", "status_events")
    before = {t: _count(store, t) for t in tables}
    again = services.receive_dossier(store, actors["staff"], replace(request(store), client_ref="batch7-0001"))
    assert again.code == first.code
    assert {t: _count(store, t) for t in tables} == before


def test_a_client_ref_reused_for_another_citizen_is_refused(setup):
    store, actors = setup
    services.receive_dossier(store, actors["staff"], replace(request(store), client_ref="r1"))
    other = replace(request(store, rng=random.Random(99)), client_ref="r1")
    with pytest.raises(ValidationError, match="client_ref"):
        services.receive_dossier(store, actors["staff"], other)


def test_client_ref_column_is_unique_in_the_schema(setup):
    store, actors = setup
    services.receive_dossier(store, actors["staff"], replace(request(store), client_ref="r1"))
    with pytest.raises(sqlite_driver.IntegrityError, match="client_ref"), store.write() as conn:
        conn.execute("INSERT INTO dossiers (code, agency_code, procedure_id, applicant_id, status, received_at,"
                     " due_at, sets_count, delivery, received_by, log_book, log_number, updated_at, client_ref)"
                     " SELECT 'X', agency_code, procedure_id, applicant_id, status, received_at, due_at, sets_count,"
                     " delivery, received_by, log_book, log_number + 1, updated_at, 'r1' FROM dossiers")


def test_due_date_refuses_counts_that_would_run_for_minutes():
    calendar = WorkCalendar()
    start = _yesterday_at(9)
    with pytest.raises(ValueError, match="1000"):
        calendar.add_working_days(start, 3_000_000)
    with pytest.raises(ValueError, match="8000"):
        calendar.add_working_hours(start, float("nan"))
    assert calendar.add_working_days(start, 1000) > start
