"""Office mode beside the embedded store, in the same run (issue 9).

Targets on PostgreSQL over loopback: receive median < 10 ms, also with 4 counters receiving
at once; search over 200,000 dossiers p95 < 50 ms. The PostgreSQL cluster is a throwaway one
with fsync on, as an office server runs. Run: ``.venv/bin/python -m bench.bench_office``
(``--no-search``: the receive figures alone, with the round trips of one receive).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from counter_app import services, users
from counter_app.models import Actor
from counter_app.store import Store

from .bench_core import bench_search
from .dataset import large_database

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import pg_cluster
from factories import RECEIVER_PREAMBLE, TESTS_DIR, add_users, make_store, request
from pg_round_trips import Tracer

# Tables in an order that keeps every foreign key satisfied while copying.
TABLES = ("office", "users", "procedures", "procedure_papers", "procedure_fees", "applicants", "dossiers",
          "dossier_papers", "dossier_fees", "status_events", "audit_log", "outbox", "settings",
          "calendar_overrides", "code_sequences", "log_sequences")
COUNTER = RECEIVER_PREAMBLE + """
import json, time
rng = random.Random({seed})
times = []
for i in range({count}):
    r = request(store, rng=rng)
    start = time.perf_counter()
    services.receive_dossier(store, actor, r)
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps(times))
"""


def _figures(times: list[float]) -> str:
    ordered = sorted(times)
    return f"median {statistics.median(ordered):.2f} ms, p95 {ordered[int(0.95 * (len(ordered) - 1))]:.2f} ms"


def receive_alone(target: str, count: int) -> str:
    store = make_store(target)
    staff = add_users(store)["staff"]
    rng = random.Random(5)
    requests = [request(store, rng=rng) for _ in range(count)]
    times = []
    for item in requests:
        start = time.perf_counter()
        services.receive_dossier(store, staff, item)
        times.append((time.perf_counter() - start) * 1000)
    store.close()
    return _figures(times)


def receive_round_trips(target: str) -> str:
    """What one receive waits for on the office server, from libpq's trace (tests/pg_round_trips.py)."""
    with Store(target) as store:
        staff = Actor.of(users.get_user(store, "canbo"))
        rng = random.Random(9)
        items = [request(store, rng=rng) for _ in range(10)]  # well past psycopg's prepare threshold (5)
    with Store(target) as store:  # a fresh connection: the tracer must see every statement it prepares
        tracer = Tracer(store.conn.raw)
        for item in items:
            with tracer.trace() as trace:
                services.receive_dossier(store, staff, item)
    held = trace.held("pg_advisory_xact_lock", "COMMIT")
    return (f"{trace.round_trips} round trips, {len(held)} of them holding the office write lock;"
            f" {len(trace.statements)} statements")


def receive_four_counters(target: str, count: int) -> str:
    """Four processes on one database, each timing its own receives."""
    counters = [subprocess.Popen([sys.executable, "-c", COUNTER.format(tests=TESTS_DIR, db=target, seed=seed,
                                                                        count=count)],
                                 stdout=subprocess.PIPE, text=True) for seed in range(4)]
    times = [t for counter in counters for t in json.loads(counter.communicate()[0])]
    return _figures(times)


def copy_into_postgres(source: Path, url: str) -> None:
    """The cached 200,000-dossier SQLite database, copied row for row into an empty office database."""
    Store(url).close()  # the schema, through the same steps
    lite = sqlite3.connect(str(source))
    store = Store(url)
    raw = store.conn.raw
    with raw.transaction():
        for table in (*TABLES, "dossier_search"):
            columns = (["rowid", "name", "address"] if table == "dossier_search"
                       else [r[1] for r in lite.execute(f"PRAGMA table_info({table})")])
            names = ", ".join(columns)
            with raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in lite.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
        for table in TABLES:
            if "id" in [r[1] for r in lite.execute(f"PRAGMA table_info({table})")]:
                raw.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1))"
                            f" FROM {table} WHERE pg_get_serial_sequence('{table}', 'id') IS NOT NULL")
    raw.execute("ANALYZE")
    store.close()
    lite.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--receive", type=int, default=1000, help="dossiers to receive on each store")
    parser.add_argument("--no-search", action="store_true", help="receive only (skip the 200,000-dossier search)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp())
    cluster = pg_cluster.start_cluster(durable=True)
    try:
        for name in ("alone", "four", "big"):
            cluster.psql(f"CREATE DATABASE {name}")
        print(f"receive, one counter: SQLite {receive_alone(str(folder / 'alone.sqlite3'), args.receive)};"
              f" PostgreSQL {receive_alone(cluster.url('alone'), args.receive)} (target median < 10 ms)")
        print(f"a receive on PostgreSQL: {receive_round_trips(cluster.url('alone'))}")
        per_counter = max(1, args.receive // 4)
        sqlite_four = folder / "four.sqlite3"
        for target in (str(sqlite_four), cluster.url("four")):
            store = make_store(target)
            add_users(store)
            store.close()
        print(f"receive, 4 counters at once ({per_counter} each):"
              f" SQLite {receive_four_counters(str(sqlite_four), per_counter)};"
              f" PostgreSQL {receive_four_counters(cluster.url('four'), per_counter)}")
        print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        if args.no_search:
            return
        big = large_database(200_000)
        copy_into_postgres(big, cluster.url("big"))
        print("search on SQLite:", end=" ", flush=True)
        bench_search(big)
        print("search on PostgreSQL (target p95 < 50 ms):", end=" ", flush=True)
        bench_search(cluster.url("big"))  # type: ignore[arg-type]
    finally:
        cluster.stop()
        pg_cluster.remove(cluster)


if __name__ == "__main__":
    main()
