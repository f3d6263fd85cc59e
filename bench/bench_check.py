"""``check`` over years of dossiers: time at 200,000 and 1,000,000, against SQLite's own integrity check.

Target (issue 12): ``check`` at 1M dossiers < 60 s. ``check`` runs SQLite's integrity and
foreign-key checks, the audit chain, the office profile and every dossier's records
(:func:`counter_app.db_check.file_problems`); the baseline is ``PRAGMA integrity_check`` alone on
the same file in the same run, the floor any check of the whole file pays.
Run: ``.venv/bin/python -m bench.bench_check [--runs R] [--sizes 200000 1000000]``.
"""
from __future__ import annotations

import argparse
import statistics

from counter_app import db_check
from counter_app.db.sqlite import connect_file

from .bench_core import _timed
from .dataset import large_database


def _integrity_only(path) -> None:  # type: ignore[no-untyped-def]
    conn = connect_file(path, read_only="immutable")
    try:
        conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def bench_check(size: int, runs: int) -> None:
    path = large_database(size)
    problems = db_check.file_problems(path, in_use=False)
    assert problems == [], problems
    check = statistics.median(_timed(lambda: db_check.file_problems(path, in_use=False)) for _ in range(runs)) / 1000
    floor = statistics.median(_timed(lambda: _integrity_only(path)) for _ in range(runs)) / 1000
    print(f"check: {size:,} dossiers ({path.stat().st_size / 2**30:.2f} GiB), median of {runs}: {check:.1f} s"
          f" (target < 60 s at 1M); PRAGMA integrity_check alone {floor:.1f} s; ratio {check / floor:.2f}x")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    args = parser.parse_args(argv)
    for size in args.sizes:
        bench_check(size, args.runs)


if __name__ == "__main__":
    main()
