"""Joining an office server: the connection test says what is wrong, and each counter keeps its own number.

The server asks passwords (scram-sha-256) as a real office server does, so a wrong password is
refused by PostgreSQL itself, not simulated.
"""
from __future__ import annotations

import pytest
from factories import OFFICE_ROLE_PASSWORD as ROLE_PASSWORD
from factories import TEST_OFFICE, add_users, make_store

from counter_app import counter_numbers, migrations, office
from counter_app.errors import ValidationError
from counter_app.office_server import ProbeFailed, Problem, ServerState, probe, server_url
from counter_app.store import Store


def _problem(url: str, password: str) -> Problem:
    with pytest.raises(ProbeFailed) as failed:
        probe(url, password)
    return failed.value.problem


def test_the_connection_test_names_what_is_wrong(office_db, office_server):
    port = office_server.cluster.port
    assert _problem(office_db, "wrong") is Problem.LOGIN
    assert _problem(server_url(host="127.0.0.1", port=port, dbname="quay_office", user="nobody"),
                    ROLE_PASSWORD) is Problem.LOGIN
    assert _problem(server_url(host="127.0.0.1", port=port, dbname="no_such_db", user="quay_owner"),
                    ROLE_PASSWORD) is Problem.NO_DATABASE
    closed_port = port + 1 if port < 65535 else port - 1
    assert _problem(server_url(host="127.0.0.1", port=closed_port, dbname="quay_office", user="quay_owner"),
                    ROLE_PASSWORD) is Problem.UNREACHABLE


def test_the_connection_test_tells_empty_set_up_foreign_and_too_new_databases(office_db, office_server):
    assert probe(office_db, ROLE_PASSWORD) is ServerState.EMPTY
    with pytest.MonkeyPatch.context() as env:
        env.setenv("COUNTER_DB_PASSWORD", ROLE_PASSWORD)
        store = Store(office_db)  # the schema, as `counter-app --db URL init` creates it
        try:
            assert probe(office_db, ROLE_PASSWORD) is ServerState.NOT_SET_UP
            office.save_office(store, TEST_OFFICE, by=None)
            add_users(store)
            assert probe(office_db, ROLE_PASSWORD) is ServerState.READY
            with store.write() as conn:
                store.backend.set_schema_version(conn, migrations.SCHEMA_VERSION + 1)
        finally:
            store.close()
    assert _problem(office_db, ROLE_PASSWORD) is Problem.TOO_NEW
    office_server.execute_in(office_server.cluster.url("postgres"), "CREATE DATABASE other_app OWNER quay_owner")
    try:
        office_server.execute_in(office_server.cluster.url("other_app"), "CREATE TABLE invoices (id int)")
        other = server_url(host="127.0.0.1", port=office_server.cluster.port, dbname="other_app", user="quay_owner")
        assert _problem(other, ROLE_PASSWORD) is Problem.FOREIGN
    finally:
        office_server.execute("DROP DATABASE other_app WITH (FORCE)")


def test_the_url_carries_no_password_and_quotes_what_needs_it():
    assert server_url(host=" may-chu ", port=5432, dbname="quay office", user="quầy") == (
        "postgresql://qu%E1%BA%A7y@may-chu:5432/quay%20office")
    assert server_url(host="::1", port=5433, dbname="q", user="u") == "postgresql://u@[::1]:5433/q"


def _receive(store: Store, actor) -> str:  # type: ignore[no-untyped-def]
    from sync_helpers import receive_many
    [code] = receive_many(store, actor, 1)
    return code


@pytest.mark.both_stores
def test_counter_numbers_are_claimed_once_per_office(db_target, backend):
    first = make_store(db_target)  # set up at counter 1 (the office profile's number)
    actors = add_users(first)
    second = Store(db_target)
    try:
        assert counter_numbers.free_numbers(second, "machine-b")[0] == 2
        with pytest.raises(ValidationError, match="Số quầy 1"):
            counter_numbers.claim(second, 1, "machine-b")
        counter_numbers.claim(second, 3, "machine-b")
        assert second.counter_no == 3
        with pytest.raises(ValidationError, match="Số quầy 3"):
            counter_numbers.claim(first, 3, "machine-c")  # another machine cannot take it
        counter_numbers.claim(second, 3, "machine-b")  # the same machine joining again keeps it
        counter_numbers.claim(second, 4, "machine-b")  # and changing its number frees the old one
        assert 3 in counter_numbers.free_numbers(first, "machine-c")
        with pytest.raises(ValidationError):
            counter_numbers.claim(second, 100, "machine-b")
        assert _receive(first, actors["staff"]).split("-")[-1].startswith("01")
        assert _receive(second, actors["staff"]).split("-")[-1].startswith("04")
    finally:
        second.close()
        first.close()
