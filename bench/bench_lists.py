"""Lists, searches, the due filters and the procedure picker at 200,000 and 1,000,000 dossiers (issue 12).

Targets: any list page (first screen with its count, last page, sorted by applicant) < 50 ms
at 1M; name search p95 < 30 ms; code-prefix search p95 < 5 ms; picker < 50 ms. Each figure is
the median (or p95) of several runs on the benchmarks' cached bulk-built databases
(``bench/dataset.py``; the 1M one takes a minute or two to build the first time), with a
primary-key lookup of the same run as the floor.
Run: ``.venv/bin/python -m bench.bench_lists [--counts 200000 1000000] [--runs 7]``.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from counter_app import catalogue
from counter_app.clock import from_db
from counter_app.search import DossierQuery, count_dossiers, list_dossiers, search
from counter_app.states import Status
from counter_app.store import Store

from .dataset import large_database

PAGE = 200


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm the cache: the figures are for a counter that has the database open
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _p95_ms(fns: list[Callable[[], object]]) -> tuple[float, float]:
    times = []
    for fn in fns:
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    ordered = sorted(times)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _first_screen(store: Store, query: DossierQuery, *, now: datetime | None = None) -> None:
    """What the list shows on opening: the capped count and the first page."""
    count_dossiers(store, query, now=now)
    list_dossiers(store, query, limit=PAGE, now=now)


def bench_lists(count: int, runs: int) -> None:
    store = Store(large_database(count))
    newest = DossierQuery(sort="received_at")
    by_name = DossierQuery(sort="applicant", descending=False)
    returns = DossierQuery(statuses=frozenset({Status.RESULT_READY}), sort="received_at")
    middle = list_dossiers(store, newest, limit=1)[0].id // 2
    with store.snapshot() as conn:
        deep = conn.execute("SELECT received_at, id FROM dossiers WHERE id = ?", (middle,)).fetchone()
    figures = {
        "first screen (count + page)": lambda: _first_screen(store, newest),
        "last page (keyset)": lambda: list_dossiers(store, newest, last=True, limit=PAGE),
        "a page in the middle (after a key)": lambda: list_dossiers(store, newest, after=tuple(deep), limit=PAGE),
        "sort by applicant, first screen": lambda: _first_screen(store, by_name),
        "sort by applicant, last page": lambda: list_dossiers(store, by_name, last=True, limit=PAGE),
        "sort by due time, last page": lambda: list_dossiers(store, DossierQuery(sort="due_at"), last=True,
                                                             limit=PAGE),
        "Returns tab first screen": lambda: _first_screen(store, returns),
        "picker (most used first)": lambda: catalogue.list_procedures(store, most_used_first=True),
        **_due_figures(store, middle_received=deep[0]),
    }
    with store.snapshot() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM dossiers ORDER BY random() LIMIT 200")]
    floor = _median_ms(lambda: [_by_id(store, i) for i in ids[:20]], runs) / 20
    label = f"{count:,}"
    for name, fn in figures.items():
        print(f"lists {label}: {name}: median {_median_ms(fn, runs):.1f} ms over {runs} runs", flush=True)
    names, codes, tails = _search_samples(store)
    for name, texts in (("name search", names), ("code-prefix search", codes), ("code-tail search", tails)):
        median, p95 = _p95_ms([lambda t=t: search(store, t) for t in texts])
        print(f"lists {label}: {name}, {len(texts)} queries: median {median:.1f} ms, p95 {p95:.1f} ms", flush=True)
    print(f"lists {label}: primary-key lookup {floor:.3f} ms (floor)", flush=True)
    store.close()


def _due_figures(store: Store, *, middle_received: str) -> dict[str, Callable[[], object]]:
    """The "overdue" and "due today" filters, seen at the due time of the middle dossier.

    The bulk-built dossiers are all due three days after receipt and three in five are still
    open, so on that day half the open dossiers are overdue and the day's own are due today.
    """
    now = from_db(middle_received) + timedelta(days=3)
    overdue, today = (DossierQuery(due=due, sort="received_at") for due in ("overdue", "due_today"))
    by_name = replace(today, sort="applicant", descending=False)
    return {
        "overdue first screen (count + page)": lambda: _first_screen(store, overdue, now=now),
        "overdue last page": lambda: list_dossiers(store, overdue, last=True, limit=PAGE, now=now),
        "due today first screen": lambda: _first_screen(store, today, now=now),
        "due today sorted by applicant, first screen": lambda: _first_screen(store, by_name, now=now),
    }


def _by_id(store: Store, dossier_id: int) -> None:
    with store.snapshot() as conn:
        conn.execute("SELECT * FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()


def _search_samples(store: Store) -> tuple[list[str], list[str], list[str]]:
    """Names as clerks type them (whole, family + given, fragments), code prefixes and tails."""
    rng = random.Random(12)
    with store.snapshot() as conn:
        sample = conn.execute("SELECT d.code, a.full_name FROM dossiers d JOIN applicants a ON a.id = d.applicant_id"
                              " WHERE d.id IN (SELECT id FROM dossiers ORDER BY random() LIMIT 60)").fetchall()
    names, codes, tails = [], [], []
    for code, name in sample:
        words = name.split()
        names += [name, f"{words[0]} {words[-1]}", words[-1][:3].lower()]
        day = code[: code.rindex("-")]
        codes += [code, day, day[:-2]]  # the whole code, its day, its month
        tails.append(code[-4:])
    rng.shuffle(names)
    return names, codes, tails


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(sys.argv[1:] if argv is None and __name__ == "__main__" else argv or [])
    for count in args.counts:
        bench_lists(count, args.runs)


if __name__ == "__main__":
    main()
