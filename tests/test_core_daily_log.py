"""The daily log's rows from the store: one counter's or the whole office's, streamed in chunks, each row once."""
from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from factories import request
from test_printing_support import flat, pdf_text, write

from counter_app import office, services
from counter_app.daily_log import LogQuery, log_books, log_entries
from counter_app.dossiers import get_dossier
from counter_app.fee_ledger import fee_totals
from counter_app.models import DossierFee, PaymentMethod
from printing.documents import render_daily_log, render_fee_ledger
from printing.layout import format_amount

pytestmark = [pytest.mark.usefixtures("november_2026"),  # fixed November 2026 dates: see conftest
              pytest.mark.both_stores]

DAY = date(2026, 11, 20)
FEE = DossierFee("Lệ phí đăng ký thường trú", 20_000, PaymentMethod.CASH)


def _switch_counter(store, number: int) -> None:
    """This installation becomes counter ``number`` (as another counter of the office would be)."""
    office.save_office(store, replace(office.get_office(store), counter_no=number), by=store.test_actors["admin"])


def _receive(store, *, at: datetime, rng: random.Random, fee: bool = False) -> str:
    req = request(store, rng=rng, received_at=at)
    if fee:
        req = replace(req, fees=(FEE,))
    return services.receive_dossier(store, store.test_actors["staff"], req).code


@pytest.fixture
def two_counters(store):
    """Counter 1 receives 5 dossiers (3 paying), counter 2 receives 4 (1 paying), interleaved in time;
    two of each counter's share one received time (keys tie on time, differ on id)."""
    rng = random.Random(9)
    codes: dict[int, list[str]] = {1: [], 2: []}
    times = {1: [(8, 0), (8, 0), (9, 10), (10, 0), (14, 5)], 2: [(8, 30), (9, 10), (9, 10), (15, 0)]}
    for number in (1, 2):
        _switch_counter(store, number)
        for i, (h, m) in enumerate(times[number]):
            codes[number].append(_receive(store, at=datetime(2026, 11, 20, h, m), rng=rng, fee=(i % 2 == 0) == (number == 1)))
    _receive(store, at=datetime(2026, 11, 21, 8, 0), rng=rng)  # the next day: in no log of the 20th
    return store, codes


def _in_print_order(store, codes: list[str]) -> list[str]:
    dossiers = [get_dossier(store, c) for c in codes]
    return [d.code for d in sorted(dossiers, key=lambda d: (d.received_at, d.id))]


@pytest.mark.parametrize("chunk", [1, 2, 500])
def test_each_scope_lists_its_dossiers_once_in_order_whatever_the_chunk(two_counters, chunk: int) -> None:
    store, codes = two_counters
    for counter_no, expected in ((1, codes[1]), (2, codes[2]), (None, codes[1] + codes[2])):
        with store.read() as conn:
            got = [e.code for e in log_entries(conn, LogQuery(DAY, DAY, counter_no=counter_no), chunk=chunk)]
        assert got == _in_print_order(store, expected), (counter_no, chunk)


def test_books_and_counts_follow_the_scope(two_counters) -> None:
    store, _codes = two_counters
    with store.read() as conn:
        assert [(b.label, b.count) for b in log_books(conn, LogQuery(DAY, DAY, counter_no=2))] == [("02/2026", 4)]
        office_books = log_books(conn, LogQuery(DAY, date(2026, 11, 21)))
    assert [(b.label, b.count) for b in office_books] == [("01/2026", 5), ("02/2026", 5)]


def test_fee_lines_and_names_come_with_the_rows(two_counters) -> None:
    store, codes = two_counters
    with store.read() as conn:
        entries = list(log_entries(conn, LogQuery(DAY, DAY, counter_no=1), chunk=2))
    assert fee_totals(entries) == fee_totals(get_dossier(store, c) for c in codes[1])
    assert sum(f.name == FEE.name for e in entries for f in e.fees) == 3
    assert {e.received_by_name for e in entries} == {store.test_actors["staff"].full_name}


def _collected(store, codes: list[str]) -> str:
    """The fee table's last line for these dossiers: how many fees were paid, and how much."""
    paid = [f for c in codes for f in get_dossier(store, c).fees if f.collected_vnd]
    return f"Tổng cộng {len(paid)} {format_amount(sum(f.collected_vnd for f in paid))}"


def test_the_paper_names_its_scope_book_and_totals(two_counters, tmp_path: Path) -> None:
    store, codes = two_counters  # this installation is counter 2 now
    profile = office.get_office(store)
    mine = flat(pdf_text(write(tmp_path, render_daily_log(store, profile, start=DAY, counter_no=2)), layout=True))
    assert "Quầy số 02" in mine and "Quyển số: 02/2026" in mine
    assert "Tổng cộng 4" in mine and _collected(store, codes[2]) in mine
    whole = flat(pdf_text(write(tmp_path, render_daily_log(store, profile, start=DAY, counter_no=None), "office.pdf"),
                          layout=True))
    assert "Toàn bộ phận một cửa" in whole and "Quyển số: 01/2026, 02/2026" in whole
    assert "Tổng cộng 9" in whole and _collected(store, codes[1] + codes[2]) in whole


def test_a_counter_without_dossiers_still_names_its_book(store, tmp_path: Path) -> None:
    text = flat(pdf_text(write(tmp_path, render_daily_log(store, office.get_office(store), start=DAY, counter_no=7))))
    assert "Quầy số 07" in text and "Quyển số: 07/2026" in text and "Tổng cộng 0" in text


def test_the_query_reads_only_the_rows_it_returns(store, backend: str) -> None:
    """EXPLAIN QUERY PLAN: one counter's rows through (counter_no, received_at), the office's through
    received_at, both in print order without sorting the period."""
    if backend != "sqlite":
        pytest.skip("SQLite's query plan")
    from counter_app import daily_log
    for counter_no, index in ((3, "dossiers_counter_received"), (None, "dossiers_received_at")):
        for after in (None, ("2026-11-20 09:00:00", 12)):
            where, params = LogQuery(DAY, DAY, counter_no=counter_no).where(after=after)
            with store.read() as conn:
                plan = " | ".join(r[3] for r in conn.execute(
                    f"EXPLAIN QUERY PLAN {daily_log._COLUMNS}{where} ORDER BY d.received_at, d.id LIMIT 5", params))
            assert f"SEARCH d USING INDEX {index}" in plan, plan
            assert "TEMP B-TREE" not in plan and "SCAN d" not in plan, plan


def test_the_fee_ledger_follows_the_same_scope(two_counters, tmp_path: Path) -> None:
    store, codes = two_counters
    profile = office.get_office(store)
    for counter_no, heading, listed in ((2, "Quầy số 02", codes[2]), (None, "Toàn bộ phận một cửa", codes[1] + codes[2])):
        text = flat(pdf_text(write(tmp_path, render_fee_ledger(store, profile, day=DAY, counter_no=counter_no)),
                             layout=True))
        paying = [c for c in listed if get_dossier(store, c).total_fee_vnd]
        assert heading in text and _collected(store, listed) in text
        # The Sổ thu breaks a code after its agency part: the day-and-number part names each dossier.
        assert sorted(set(re.findall(r"261120-\d{6}", text))) == sorted(c.split("-", 1)[1] for c in paying), counter_no


def test_a_save_goes_ahead_while_the_log_is_being_built(two_counters):
    """The log reads on the store's read connection: a receive on another thread finishes while
    the pages are laid out (it would wait for the whole log behind the store's lock)."""
    import threading

    store, _codes = two_counters
    finished: list[str] = []

    def receive_meanwhile(_built: int, _total: int) -> None:
        if finished:
            return
        clerk = threading.Thread(target=lambda: finished.append(
            _receive(store, at=datetime(2026, 11, 20, 16, 0), rng=random.Random(4))))
        clerk.start()
        clerk.join(timeout=30)
        assert finished, "the receive waited for the daily log"

    render_daily_log(store, office.get_office(store), start=DAY, counter_no=None, progress=receive_meanwhile)
    assert finished and get_dossier(store, finished[0]).code == finished[0]
