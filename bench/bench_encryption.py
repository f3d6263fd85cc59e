"""What encryption at rest costs: receive and search on SQLCipher vs plain SQLite, in the same run.

Target (issue 10): receive time with SQLCipher ≤ 1.5× plain. Both stores are made the same way
(``open_store`` with the key choice ``none`` or a key given in ``COUNTER_DB_KEY``); receives
alternate between them so that the machine's load falls on both alike. Search runs over the
200,000-dossier benchmark database and an encrypted copy of it.
Run: ``.venv/bin/python -m bench.bench_encryption [--receive N] [--runs R]``.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from counter_app import office, services
from counter_app.db import keys as db_keys
from counter_app.db.sqlite import rekey_file
from counter_app.paths import open_store
from counter_app.search import search
from counter_app.store import Store

from .bench_core import _percentile, _timed
from .dataset import large_database

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from factories import TEST_OFFICE, add_users, request

KEY = db_keys.Key("a5" * 32, db_keys.KeyStore.ENV)


def _new_store(path: Path, *, encrypted: bool) -> Store:
    if encrypted:
        os.environ[db_keys.KEY_ENV] = KEY.value
    try:
        store = open_store(path, key_choice=db_keys.KeyChoice.NONE)
    finally:
        os.environ.pop(db_keys.KEY_ENV, None)
    office.save_office(store, TEST_OFFICE, by=None)
    return store


def bench_receive(count: int, runs: int) -> None:
    medians: dict[bool, list[float]] = {False: [], True: []}
    for run in range(runs):
        folder = Path(tempfile.mkdtemp())
        stores = {encrypted: _new_store(folder / f"{encrypted}.sqlite3", encrypted=encrypted)
                  for encrypted in (False, True)}
        staff = {encrypted: add_users(store)["staff"] for encrypted, store in stores.items()}
        assert stores[True].key is not None and stores[False].key is None
        rng = random.Random(run)
        times: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(count):
            for encrypted, store in stores.items():
                one = request(store, rng=rng)
                clerk = staff[encrypted]
                times[encrypted].append(_timed(lambda s=store, c=clerk, r=one: services.receive_dossier(s, c, r)))
        for encrypted, store in stores.items():
            medians[encrypted].append(statistics.median(times[encrypted]))
            store.close()
        shutil.rmtree(folder)
    plain, cipher = statistics.median(medians[False]), statistics.median(medians[True])
    print(f"receive: {count} dossiers × {runs} runs, median of run medians: plain {plain:.2f} ms, "
          f"SQLCipher {cipher:.2f} ms; ratio {cipher / plain:.2f}× (target ≤ 1.5×)")


def bench_search(runs: int) -> None:
    plain_path = large_database(200_000)
    cipher_path = Path(tempfile.mkdtemp()) / "encrypted.sqlite3"
    shutil.copyfile(plain_path, cipher_path)
    rekey_file(cipher_path, None, KEY)
    stores = {False: Store(plain_path), True: Store(cipher_path, key=KEY)}
    with stores[False].read() as conn:
        sample = conn.execute("SELECT d.code, a.personal_id, a.full_name FROM dossiers d"
                              " JOIN applicants a ON a.id = d.applicant_id ORDER BY random() LIMIT 60").fetchall()
    queries = [q for code, pid, name in sample for q in (code, pid, name.split()[-1][:3].lower(), name)]
    results: dict[bool, list[float]] = {False: [], True: []}
    for store in stores.values():
        search(store, "warm up")
    for _ in range(runs):
        for query in queries:
            for encrypted, store in stores.items():
                results[encrypted].append(_timed(lambda s=store, q=query: search(s, q)))
    for store in stores.values():
        store.close()
    shutil.rmtree(cipher_path.parent)
    figures = {e: (statistics.median(t), _percentile(t, 0.95)) for e, t in results.items()}
    print(f"search over 200,000 dossiers, {len(queries)} queries × {runs}: plain median {figures[False][0]:.2f} ms,"
          f" p95 {figures[False][1]:.2f} ms; SQLCipher median {figures[True][0]:.2f} ms, p95 {figures[True][1]:.2f} ms;"
          f" ratio of medians {figures[True][0] / figures[False][0]:.2f}×")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--receive", type=int, default=500, help="dossiers per store and run")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    bench_receive(args.receive, args.runs)
    bench_search(args.runs)


if __name__ == "__main__":
    main()
