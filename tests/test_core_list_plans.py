"""The list's, the search's and the picker's queries walk indexes (issue 12), read from SQLite's plans.

At 1,000,000 dossiers a query that scans ``dossiers`` or sorts it before ``LIMIT`` takes
seconds; these tests record the SQL each call runs on the read connection and fail when
``EXPLAIN QUERY PLAN`` shows a bare scan of the table or a sort of it, so a change of schema
or query cannot bring them back.
"""
from __future__ import annotations

import random
import re
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta

import pytest
from factories import request

from counter_app import catalogue, clock, services
from counter_app.search import DossierQuery, count_dossiers, list_dossiers, search
from counter_app.states import Status

BARE_SCAN = re.compile(r"^SCAN (d|dossiers)$")  # every row of the table, in no useful order
SORTED = "TEMP B-TREE FOR ORDER BY"


class Recorder:
    """The read connection, noting each statement with its parameters."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.statements: list[tuple[str, tuple]] = []

    def execute(self, sql: str, params=()):
        self.statements.append((sql, tuple(params)))
        return self.conn.execute(sql, params)


@pytest.fixture
def recorded(store, staff_actor, monkeypatch):
    """The store, with the statements its snapshots run kept in ``store.recorded``."""
    rng = random.Random(4)
    for _ in range(6):
        services.receive_dossier(store, staff_actor, request(store, rng=rng))
    snapshot = store.snapshot
    seen: list[tuple[str, tuple]] = []

    @contextmanager
    def recording():
        with snapshot() as conn:
            recorder = Recorder(conn)
            yield recorder
            seen.extend(recorder.statements)

    monkeypatch.setattr(store, "snapshot", recording)
    store.recorded = seen
    return store


def _plans(store, call) -> list[list[str]]:
    """The plan of every statement ``call`` runs, one list of lines per statement."""
    store.recorded.clear()
    call()
    assert store.recorded, "nothing was read through the snapshot"
    with store.read() as conn:
        return [[row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
                for sql, params in store.recorded]


def _assert_bounded(plans: list[list[str]]) -> str:
    text = " | ".join(" / ".join(p) for p in plans)
    for plan in plans:
        assert not any(BARE_SCAN.match(line) for line in plan), text
        assert not any(SORTED in line for line in plan), text
    return text


@pytest.mark.parametrize(("sort", "index"), [
    ("received_at", "dossiers_received_at"), ("code", "sqlite_autoindex_dossiers_1"),
    ("applicant", "applicants_name"), ("due_at", "dossiers_due"), ("status", "dossiers_status_due"),
])
@pytest.mark.parametrize("descending", [True, False])
def test_every_page_walks_the_index_of_its_order(recorded, sort, index, descending):
    query = DossierQuery(sort=sort, descending=descending)
    first = list_dossiers(recorded, query, limit=2)
    assert index in _assert_bounded(_plans(recorded, lambda: list_dossiers(recorded, query, limit=2)))
    after = _assert_bounded(_plans(recorded, lambda: list_dossiers(recorded, query, after=first[-1].sort_key, limit=2)))
    assert index in after and "SEARCH" in after
    assert index in _assert_bounded(_plans(recorded, lambda: list_dossiers(recorded, query, last=True, limit=2)))
    before = _assert_bounded(_plans(recorded, lambda: list_dossiers(recorded, query, before=first[-1].sort_key,
                                                                    limit=2)))
    assert index in before


@pytest.mark.parametrize("due", ["overdue", "due_today"])
@pytest.mark.parametrize(("sort", "descending"), [("received_at", True), ("applicant", False), ("due_at", True)])
def test_the_due_filters_walk_the_open_dossiers_due_index(recorded, due, sort, descending):
    """Whatever column is sorted, "overdue" and "due today" read the open dossiers in due order."""
    later = clock.now() + timedelta(days=60)  # every dossier received here is overdue by then
    query = DossierQuery(due=due, sort=sort, descending=descending)
    key = list_dossiers(recorded, replace(query, due="overdue"), limit=2, now=later)[-1].sort_key
    for page in ({}, {"after": key}, {"before": key}, {"last": True}):
        plan = _assert_bounded(_plans(recorded, lambda p=page: list_dossiers(recorded, query, limit=2, now=later, **p)))
        assert "dossiers_open_due" in plan, (page, plan)
    count = _assert_bounded(_plans(recorded, lambda: count_dossiers(recorded, query, now=later)))
    assert "dossiers_open_due" in count and all("LIMIT" in sql for sql, _ in recorded.recorded)


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_on_postgresql_the_due_filters_walk_the_same_index(recorded):
    """PostgreSQL proves the partial index's condition from the query's own (the same words)."""
    later = clock.now() + timedelta(days=60)
    query = DossierQuery(due="overdue", sort="received_at")
    key = list_dossiers(recorded, query, limit=2, now=later)[-1].sort_key
    for page in ({}, {"after": key}, {"last": True}):
        recorded.recorded.clear()
        list_dossiers(recorded, query, limit=2, now=later, **page)
        with recorded.read() as conn:
            conn.execute("SET LOCAL enable_seqscan = off")  # a handful of rows: scanning would win
            conn.execute("SET LOCAL enable_sort = off")  # a sort only where no index gives the order
            [(sql, params)] = recorded.recorded
            plan = "\n".join(r[0] for r in conn.execute(f"EXPLAIN {sql}", params))
        assert "dossiers_open_due" in plan and "Sort" not in plan, plan


def test_the_returns_tab_walks_status_and_received_time(recorded):
    query = DossierQuery(statuses=frozenset({Status.RESULT_READY}), sort="received_at")
    plan = _assert_bounded(_plans(recorded, lambda: list_dossiers(recorded, query, limit=2)))
    assert "dossiers_status_received" in plan


def test_a_name_search_reads_its_matches_from_the_full_text_index_with_a_limit(recorded):
    plans = _plans(recorded, lambda: search(recorded, "nguyen"))
    text = _assert_bounded(plans)
    full_text = [sql for sql, _ in recorded.recorded if "dossier_search" in sql]
    assert full_text and all("LIMIT" in sql for sql in full_text), full_text
    assert "VIRTUAL TABLE INDEX" in text and "SEARCH d USING INTEGER PRIMARY KEY" in text


@pytest.mark.parametrize("text", ["H26.49.09-2611", "0975", "-010975"])
def test_code_prefixes_and_tails_use_an_index_of_the_code(recorded, text):
    plan = _assert_bounded(_plans(recorded, lambda: search(recorded, text)))
    assert "sqlite_autoindex_dossiers_1" in plan or "dossiers_code_tail" in plan, plan


@pytest.mark.parametrize("query", [DossierQuery(), DossierQuery(statuses=frozenset({Status.RESULT_READY})),
                                   DossierQuery(text="nguyen"), DossierQuery(text="0975")])
def test_counts_are_capped_and_use_indexes(recorded, query):
    _assert_bounded(_plans(recorded, lambda: count_dossiers(recorded, query)))
    assert all("LIMIT" in sql for sql, _ in recorded.recorded)


def test_the_pickers_usage_reads_only_the_latest_dossiers(store):
    with store.read() as conn:
        plan = [r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {catalogue.RECENT_USE_SQL}", (10,))]
    assert any(line.startswith("SEARCH dossiers USING INTEGER PRIMARY KEY (rowid>?)") for line in plan), plan
    assert not any(BARE_SCAN.match(line) for line in plan), plan


def test_the_search_index_keeps_prefix_lists(store):
    """A prefix query reads one stored list instead of merging every word's list before LIMIT."""
    with store.read() as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'dossier_search'").fetchone()[0]
    assert "prefix = '1 2 3 4 5 6 7'" in sql
