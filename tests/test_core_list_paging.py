"""The dossier list at any size: keyset pages, capped counts, bounded searches, saves beside reads (issue 12).

Every dossier here is received at the same pinned instant, so received and due times tie and
only the keys' last column (the dossier id) keeps the order: a page boundary in the middle of a
tie is where a wrong keyset condition skips or repeats rows.
"""
from __future__ import annotations

import random
import threading
from datetime import datetime, time, timedelta

import pytest
from factories import request

from counter_app import catalogue, clock, search, services
from counter_app.search import DossierQuery, count_dossiers, list_dossiers
from counter_app.states import Status

pytestmark = [pytest.mark.both_stores, pytest.mark.usefixtures("november_2026")]

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Nguyễn Văn An", "Lê Văn Cường", "Nguyễn Thị Đào",
         "Trần Thị Bình", "Phạm Văn Em", "Nguyễn Văn An", "Vũ Thị Giang", "Đỗ Văn Hải", "Nguyễn Hữu Ích"]


@pytest.fixture
def filled(store, staff_actor):
    rng = random.Random(12)
    made = [services.receive_dossier(store, staff_actor, request(store, rng=rng, full_name=n)) for n in NAMES]
    for dossier in made[::3]:  # a few in another status, so the status order has runs of ties
        services.transfer(store, staff_actor, dossier.code, processing_agency="UBND xã")
    return made


def _walk(store, query: DossierQuery, size: int) -> list[int]:
    """Every row of the list, page after page, each page read after the previous page's last row."""
    seen: list[int] = []
    page = list_dossiers(store, query, limit=size)
    while page:
        seen += [r.id for r in page]
        page = list_dossiers(store, query, after=page[-1].sort_key, limit=size)
    return seen


def _walk_back(store, query: DossierQuery, size: int) -> list[int]:
    """From the last page to the first, each page read before the previous page's first row."""
    seen: list[int] = []
    page = list_dossiers(store, query, last=True, limit=size)
    while page:
        seen = [r.id for r in page] + seen
        page = list_dossiers(store, query, before=page[0].sort_key, limit=size)
    return seen


@pytest.mark.parametrize("sort", ["received_at", "code", "applicant", "due_at", "status"])
@pytest.mark.parametrize("descending", [True, False])
def test_pages_by_key_list_every_dossier_once_in_order_both_ways(store, filled, sort, descending):
    query = DossierQuery(sort=sort, descending=descending)
    whole = list_dossiers(store, query, limit=100)
    assert sorted(r.id for r in whole) == sorted(d.id for d in filled)
    expected = {
        "received_at": lambda r: (r.received_at, r.id), "due_at": lambda r: (r.due_at, r.id),
        "code": lambda r: r.code, "applicant": lambda r: r.applicant_name, "status": lambda r: r.status.value,
    }[sort]
    assert [expected(r) for r in whole] == sorted((expected(r) for r in whole), reverse=descending)
    for size in (1, 3, 4):
        assert _walk(store, query, size) == [r.id for r in whole]
        assert _walk_back(store, query, size) == [r.id for r in whole]


@pytest.fixture
def spread(store, staff_actor):
    """Dossiers received on different days of November (so due at different times), three finished."""
    rng = random.Random(5)
    made = [services.receive_dossier(store, staff_actor, request(store, rng=rng, received_at=datetime(2026, 11, day, 9)))
            for day in (23, 2, 16, 9, 25, 5, 19, 12, 26)]
    for dossier in made[1::3]:
        services.record_result_ready(store, staff_actor, dossier.code)
    return made


def test_overdue_and_due_today_list_by_due_time_most_overdue_first(store, spread, monkeypatch):
    open_ = sorted((d for i, d in enumerate(spread) if i % 3 != 1), key=lambda d: (d.due_at, d.id))
    now = open_[3].due_at  # three open dossiers are overdue then; the fourth is due that very moment
    monkeypatch.setattr(clock, "now", lambda: now)
    overdue = [d.id for d in open_ if d.due_at < now]
    today = [d.id for d in open_ if now <= d.due_at < datetime.combine(now.date() + timedelta(days=1), time())]
    assert len(overdue) == 3 and today[0] == open_[3].id  # the premises
    for sort, descending in (("received_at", True), ("applicant", False), ("code", True), ("status", False)):
        for due, expected in (("overdue", overdue), ("due_today", today)):
            query = DossierQuery(due=due, sort=sort, descending=descending)
            assert [r.id for r in list_dossiers(store, query)] == expected, (due, sort)
            assert _walk(store, query, 1) == expected and _walk_back(store, query, 2) == expected
            assert count_dossiers(store, query) == len(expected)
    by_due = DossierQuery(due="overdue", sort="due_at", descending=True)  # sorted by due time: as chosen
    assert [r.id for r in list_dossiers(store, by_due)] == overdue[::-1] == _walk(store, by_due, 2)


def test_the_last_page_is_the_end_of_the_list(store, filled):
    query = DossierQuery(sort="received_at", descending=True)
    assert [r.id for r in list_dossiers(store, query, last=True, limit=2)] == [filled[1].id, filled[0].id]


def test_counts_stop_at_the_cap(store, filled):
    assert count_dossiers(store) == len(filled)
    assert count_dossiers(store, cap=4) == 5  # "more than 4"
    assert count_dossiers(store, DossierQuery(text="nguyen"), cap=2) == 3
    assert count_dossiers(store, DossierQuery(text="nguyen van an")) == 3
    transferred = DossierQuery(text="nguyen van an", statuses=frozenset({Status.PROCESSING}))
    assert count_dossiers(store, transferred) == 1  # of the three, only the first was transferred
    assert count_dossiers(store, DossierQuery(text="zzz")) == 0


def test_a_name_search_pages_through_its_matches_newest_first(store, filled, monkeypatch):
    monkeypatch.setattr(search, "WORD_CHUNK", 2)  # the status filter thins each chunk of matches out
    matches = [d.id for d in reversed(filled) if d.applicant.full_name.startswith("Nguyễn")]
    assert _walk(store, DossierQuery(text="nguyen"), 2) == matches
    assert _walk(store, DossierQuery(text="nguyen", descending=False), 2) == matches[::-1]
    processing = {d.id for d in filled[::3]}
    query = DossierQuery(text="nguyen", statuses=frozenset({Status.PROCESSING}))
    assert _walk(store, query, 1) == [i for i in matches if i in processing]


def test_a_code_prefix_or_the_tail_digits_find_the_dossier(store, filled):
    target = filled[4]
    day_prefix = target.code[: target.code.rindex("-") + 1]
    assert [r.code for r in list_dossiers(store, DossierQuery(text=day_prefix))] == sorted(
        (d.code for d in filled), reverse=True)
    tail = target.code[-4:]
    assert [r.code for r in search.search(store, tail)] == [target.code]
    assert [r.code for r in search.search(store, "-" + target.code[-6:])] == [target.code]
    assert search.search(store, "9" + target.code[-4:]) == []  # the counter's digits must match too


def test_the_picker_ranks_by_the_latest_dossiers(store, staff_actor, monkeypatch):
    rng = random.Random(3)
    for _ in range(3):
        services.receive_dossier(store, staff_actor, request(store, rng=rng, procedure_code="1.004194"))
    usual = catalogue.list_procedures(store, most_used_first=True)[0].code
    assert usual == "1.004194"
    recent = "1.001193"
    for _ in range(2):
        services.receive_dossier(store, staff_actor, request(store, rng=rng, procedure_code=recent))
    assert catalogue.list_procedures(store, most_used_first=True)[0].code == usual  # 3 against 2
    monkeypatch.setattr(catalogue, "USAGE_WINDOW", 2)  # only the two latest dossiers count
    assert catalogue.list_procedures(store, most_used_first=True)[0].code == recent


def test_a_save_completes_while_a_long_list_query_holds_its_snapshot(store, staff_actor):
    reading, release = threading.Event(), threading.Event()
    seen_before: list[int] = []

    def long_list_query() -> None:
        with store.snapshot() as conn:
            seen_before.append(int(conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]))
            reading.set()
            release.wait(30)  # the list query is still running

    reader = threading.Thread(target=long_list_query)
    reader.start()
    try:
        assert reading.wait(10)
        saved: list[str] = []
        saver = threading.Thread(target=lambda: saved.append(
            services.receive_dossier(store, staff_actor, request(store)).code))
        saver.start()
        saver.join(10)
        assert saved, "the save waited for the list query"
    finally:
        release.set()
        reader.join(10)
    assert seen_before == [0]
    assert [r.code for r in search.search(store, saved[0])] == saved  # the next query sees it


def test_a_search_inside_a_write_sees_what_the_write_did(store, staff_actor):
    """A batch (an import) that searches what it has written so far reads its own transaction."""
    with store.write():
        code = services.receive_dossier(store, staff_actor, request(store)).code
        assert [r.code for r in search.search(store, code)] == [code]
