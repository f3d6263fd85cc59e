"""Core benchmarks: receiving, searching and opening, each with a baseline from the same run.

Targets (issue 2): receive median < 3 ms per dossier (applicant, 4 papers, event, audit,
outbox); search over 200,000 dossiers p95 < 30 ms; open a 200,000-dossier database < 300 ms.
Run: ``.venv/bin/python -m bench.bench_core [--receive N]``.
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

from counter_app import services
from counter_app.models import DossierPaper, PaperForm
from counter_app.paths import open_store
from counter_app.search import search
from counter_app.store import Store

from .dataset import large_database

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from factories import add_users, make_store, request

EXTRA_PAPERS = (DossierPaper("Bản sao sổ hộ khẩu", PaperForm.CERTIFIED_COPY),
                DossierPaper("Giấy xác nhận của chủ hộ", PaperForm.ORIGINAL))


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_receive(count: int) -> None:
    folder = Path(tempfile.mkdtemp())
    store = make_store(folder / "receive.sqlite3")
    staff = add_users(store)["staff"]
    rng = random.Random(5)
    # Temporary residence needs 2 papers; add more so that each dossier carries 4, as the target says.
    requests = []
    for _ in range(count):
        base = request(store, rng=rng)
        requests.append(services.ReceiveRequest(**{**base.__dict__, "papers": base.papers + EXTRA_PAPERS}))
    times = [_timed(lambda r=r: services.receive_dossier(store, staff, r)) for r in requests]
    baseline = _bare_insert_baseline(folder / "bare.sqlite3", min(count, 2000))
    median = statistics.median(times)
    print(f"receive: {count} dossiers, median {median:.2f} ms, p95 {_percentile(times, 0.95):.2f} ms per dossier "
          f"(target < 3 ms); bare one-row durable insert {baseline:.2f} ms; ratio {median / baseline:.1f}x")


def _bare_insert_baseline(path: Path, count: int) -> float:
    """One durable (WAL, synchronous=FULL) single-row commit: the floor for any receive."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")

    def one() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (v) VALUES ('x')")
        conn.execute("COMMIT")

    return statistics.median(_timed(one) for _ in range(count))


def bench_search(path: Path) -> None:
    store = Store(path)
    rng = random.Random(9)
    with store.read() as conn:
        sample = conn.execute(
            "SELECT d.code, a.personal_id, a.full_name FROM dossiers d JOIN applicants a ON a.id = d.applicant_id"
            " ORDER BY random() LIMIT 100"
        ).fetchall()
    queries = []
    for code, pid, name in sample:
        words = name.split()
        queries += [code, pid, words[-1][:3].lower(), " ".join(words[1:]), words[0]]
    rng.shuffle(queries)
    search(store, "warm up")
    times = [_timed(lambda q=q: search(store, q)) for q in queries]
    with store.read() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM dossiers ORDER BY random() LIMIT 200")]
        baseline = statistics.median(
            _timed(lambda i=i: conn.execute("SELECT * FROM dossiers WHERE id = ?", (i,)).fetchone()) for i in ids
        )
    p95 = _percentile(times, 0.95)
    print(f"search: {len(queries)} queries over 200,000 dossiers (name fragments, whole names, IDs, codes): "
          f"median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms (target < 30 ms); "
          f"primary-key lookup {baseline:.3f} ms")
    store.close()


def bench_open(path: Path, runs: int = 7) -> None:
    def open_app_store() -> None:
        open_store(path).close()

    def open_bare() -> None:
        conn = sqlite3.connect(str(path))
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        conn.close()

    times = [_timed(open_app_store) for _ in range(runs)]
    bare = statistics.median(_timed(open_bare) for _ in range(runs))
    median = statistics.median(times)
    print(f"open: 200,000-dossier database, median {median:.1f} ms over {runs} runs (target < 300 ms); "
          f"bare sqlite3 open {bare:.1f} ms; ratio {median / bare:.1f}x")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--receive", type=int, default=10_000, help="dossiers to receive")
    args = parser.parse_args(argv)
    big = large_database(200_000)
    bench_receive(args.receive)
    bench_search(big)
    bench_open(big)


if __name__ == "__main__":
    main()
