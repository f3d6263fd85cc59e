"""Which database layer for office mode: a thin DB-API layer, or SQLAlchemy Core? (issue 9)

Measures one receive-shaped write transaction (a sequence bump with RETURNING, two inserts
with RETURNING, four paper rows in one executemany, seven more inserts, two look-ups by id;
a durable commit) through each layer, on SQLite (WAL, synchronous=FULL) and on a durable
local PostgreSQL cluster over loopback; then the real ``receive_dossier`` on both stores.
Needs SQLAlchemy, which the project does not depend on:
``pip install sqlalchemy && python -m bench.measure_db_layer [--runs N]``.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import pg_cluster
from factories import add_users, make_store, request

from counter_app import services
from counter_app.db.postgres import PostgresBackend

SCHEMA = [
    "CREATE TABLE seq (k TEXT PRIMARY KEY, last INTEGER NOT NULL)",
    "CREATE TABLE rows (id {pk}, a TEXT, b TEXT, c INTEGER, d TEXT, e TEXT, f TEXT, g INTEGER)",
]
INSERT = "INSERT INTO rows (a, b, c, d, e, f, g) VALUES (?, ?, ?, ?, ?, ?, ?)"
ROW = ("Nguyễn Văn Đức", "Thôn Đông, xã Tân Hòa", 1, "2026-11-20 09:15:00", "received", "{}", 3)


def transaction(execute: Callable[..., object], executemany: Callable[..., object], fetch1: Callable[..., object],
                begin: str, commit: Callable[[], object]) -> None:
    execute(begin)
    fetch1("INSERT INTO seq (k, last) VALUES (?, 1) ON CONFLICT (k) DO UPDATE SET last = seq.last + 1"
           " RETURNING last", ("H15-261120",))
    first = fetch1(INSERT + " RETURNING id", ROW)
    fetch1(INSERT + " RETURNING id", ROW)
    executemany(INSERT, [ROW] * 4)
    for _ in range(7):
        execute(INSERT, ROW)
    fetch1("SELECT * FROM rows WHERE id = ?", (first,))
    fetch1("SELECT a, b FROM rows WHERE id = ?", (first,))
    commit()


def _timed(fn: Callable[[], object], runs: int) -> list[float]:
    return _interleaved({"": fn}, runs)[""]


def _interleaved(variants: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Each variant once per round, in turn, so that a busy machine's drift hits all alike."""
    times: dict[str, list[float]] = {label: [] for label in variants}
    for fn in variants.values():
        fn()  # warm up (prepared statements, caches)
    for _ in range(runs):
        for label, fn in variants.items():
            start = time.perf_counter()
            fn()
            times[label].append((time.perf_counter() - start) * 1000)
    return times


def _report(label: str, times: list[float], reference: float | None = None) -> float:
    median = statistics.median(times)
    p95 = sorted(times)[int(0.95 * (len(times) - 1))]
    ratio = f", {median / reference:.2f}x the thin layer" if reference else ""
    print(f"  {label:<46} median {median:6.3f} ms, p95 {p95:6.3f} ms{ratio}")
    return median


def _report_all(times: dict[str, list[float]]) -> None:
    reference = None
    for label, values in times.items():
        median = _report(label, values, reference)
        reference = reference or median


def sqlite_layers(folder: Path, runs: int, synchronous: str) -> None:
    import sqlalchemy as sa

    path = folder / f"layers-{synchronous}.sqlite3"
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {synchronous}")
    for statement in SCHEMA:
        conn.execute(statement.format(pk="INTEGER PRIMARY KEY"))

    def thin() -> None:
        transaction(conn.execute, conn.executemany, lambda s, p: conn.execute(s, p).fetchone()[0],
                    "BEGIN IMMEDIATE", lambda: conn.execute("COMMIT"))

    engine = sa.create_engine(f"sqlite:///{path}", isolation_level="AUTOCOMMIT")
    sa_conn = engine.connect()
    sa_conn.exec_driver_sql(f"PRAGMA synchronous = {synchronous}")
    print(f"SQLite (WAL, synchronous={synchronous}), one receive-shaped transaction:")
    _report_all(_interleaved({"thin layer (sqlite3 itself)": thin,
                              **_sqlalchemy_variants(sa, sa_conn, "BEGIN IMMEDIATE")}, runs))
    sa_conn.close()
    conn.close()


def _sqlalchemy_variants(sa, sa_conn, begin: str) -> dict[str, Callable[[], None]]:  # type: ignore[no-untyped-def]
    from counter_app.db.postgres import to_pyformat

    pyformat = sa_conn.dialect.paramstyle != "qmark"

    def driver_sql(statement: str) -> str:
        return to_pyformat(statement) if pyformat else statement

    def exec_driver() -> None:
        transaction(
            lambda s, p=None: sa_conn.exec_driver_sql(driver_sql(s) if p else s, p) if p else sa_conn.exec_driver_sql(s),
            lambda s, rows: sa_conn.exec_driver_sql(driver_sql(s), list(rows)),
            lambda s, p: sa_conn.exec_driver_sql(driver_sql(s), p).scalar(),
            begin, lambda: sa_conn.exec_driver_sql("COMMIT"),
        )

    texts: dict[str, object] = {}

    def named(statement: str) -> object:
        if statement not in texts:
            parts = statement.split("?")
            texts[statement] = sa.text("".join(p + (f":p{i}" if i < len(parts) - 1 else "")
                                               for i, p in enumerate(parts)))
        return texts[statement]

    def as_dict(params: tuple) -> dict:  # type: ignore[type-arg]
        return {f"p{i}": v for i, v in enumerate(params)}

    def core_text() -> None:
        transaction(
            lambda s, p=None: sa_conn.execute(named(s), as_dict(p)) if p else sa_conn.exec_driver_sql(s),
            lambda s, rows: sa_conn.execute(named(s), [as_dict(r) for r in rows]),
            lambda s, p: sa_conn.execute(named(s), as_dict(p)).scalar(),
            begin, lambda: sa_conn.exec_driver_sql("COMMIT"),
        )

    return {"SQLAlchemy Core, exec_driver_sql": exec_driver, "SQLAlchemy Core, text() with bound parameters": core_text}


def postgres_layers(cluster: pg_cluster.Cluster, runs: int, synchronous_commit: str) -> None:
    import sqlalchemy as sa

    name = f"layers_{synchronous_commit}"
    cluster.psql(f"CREATE DATABASE {name}")
    cluster.psql(f"ALTER DATABASE {name} SET synchronous_commit = {synchronous_commit}")
    backend = PostgresBackend(cluster.url(name))
    conn = backend.connect()
    for statement in SCHEMA:
        conn.execute(statement.format(pk="BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"))

    def thin() -> None:
        transaction(conn.execute, conn.executemany, lambda s, p: conn.execute(s, p).fetchone()[0],
                    "BEGIN", lambda: conn.execute("COMMIT"))

    engine = sa.create_engine(f"postgresql+psycopg://postgres@127.0.0.1:{cluster.port}/{name}",
                              isolation_level="AUTOCOMMIT")
    sa_conn = engine.connect()
    print(f"PostgreSQL 15 on loopback (synchronous_commit={synchronous_commit}), one receive-shaped transaction:")
    _report_all(_interleaved({"thin layer (psycopg 3 + ? translation, Row)": thin,
                              **_sqlalchemy_variants(sa, sa_conn, "BEGIN")}, runs))
    sa_conn.close()
    conn.close()


def real_receive(target: str, label: str, runs: int) -> None:
    store = make_store(target)
    staff = add_users(store)["staff"]
    rng = random.Random(5)
    requests = [request(store, rng=rng) for _ in range(runs + 1)]
    queue = iter(requests)
    _report(label, _timed(lambda: services.receive_dossier(store, staff, next(queue)), runs))
    store.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1000)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp())
    for synchronous in ("FULL", "OFF"):  # durable as shipped; then the layers' own cost alone
        sqlite_layers(folder, args.runs, synchronous)
    cluster = pg_cluster.start_cluster(durable=True)
    try:
        for synchronous_commit in ("on", "off"):
            postgres_layers(cluster, args.runs, synchronous_commit)
        print("receive_dossier through the thin layer (applicant, 2 papers, event, audit, outbox):")
        real_receive(str(folder / "receive.sqlite3"), "SQLite", args.runs)
        cluster.psql("CREATE DATABASE receive")
        real_receive(cluster.url("receive"), "PostgreSQL", args.runs)
    finally:
        cluster.stop()
        pg_cluster.remove(cluster)


if __name__ == "__main__":
    main()
