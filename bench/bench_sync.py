"""Pushing 10,000 dossiers to the simulated portal on loopback: ``.venv/bin/python -m bench.bench_sync``.

With ``--backlog 10000 200000`` it measures instead a month offline: the drain rate from each
backlog in runs bounded by ``--seconds`` (and whether that bound holds).

Budget from issue 5: at least 500 dossiers/s. The baseline, measured in the same run against a
fresh simulator, is a bare ``requests`` loop posting the very same payloads (login once, then
DongBoHoSoMC and CapNhatTienDoHoSoMC in batches), so the ratio is the price of the engine's
bookkeeping: reading the outbox, mapping, validating, and recording each confirmation durably.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

from counter_app.dossiers import load_dossier_by_id
from counter_app.office import get_office, installation_id
from counter_app.store import Store
from sync import contract, mapping
from sync.config import PortalConfig, save_config
from sync.engine import run_sync
from sync.simulator.process import running_simulator

from .dataset import large_database

ACCOUNT = ("bench", "matkhau-bench")
BATCH = 50


def _copy_with_national_procedures(source: Path, target: Path) -> Store:
    """A fresh copy of the dataset whose dossiers all use procedures the portal knows."""
    shutil.copyfile(source, target)
    store = Store(target)
    with store.write() as conn:
        national = conn.execute("SELECT id FROM procedures WHERE national_code = 1 AND is_current = 1"
                                " ORDER BY id LIMIT 1").fetchone()[0]
        conn.execute("UPDATE dossiers SET procedure_id = ? WHERE procedure_id IN"
                     " (SELECT id FROM procedures WHERE national_code = 0)", (national,))
    return store


def _payloads(store: Store) -> tuple[list[dict], list[dict]]:
    """The records the engine will send, built once, for the bare loop."""
    office = get_office(store)
    dossiers, progress = [], []
    with store.read() as conn:
        installation = installation_id(conn)
        for (dossier_id,) in conn.execute("SELECT id FROM dossiers ORDER BY id").fetchall():
            dossier = load_dossier_by_id(conn, dossier_id)
            dossiers.append(mapping.dossier_record(dossier, office, installation))
            progress.append(mapping.progress_record(dossier.events[0], dossier, office))
    return dossiers, progress


def bare_login(http: requests.Session, url: str) -> str:
    """The bare loops' session: one login, nothing of the engine."""
    return http.post(f"{url}/auth", json=dict(zip(("username", "password"), ACCOUNT, strict=True)),
                     timeout=30).json()["session"]


def bare_post_records(http: requests.Session, url: str, session: str, dossiers: list[dict],
                      progress: list[dict]) -> None:
    """Post the records, then the progress records, in the engine's batches; each must be accepted."""
    envelope = {"session": session, "madonvi": "H15.50.05.13"}
    for records, fields in ((dossiers, {"service": contract.PUSH_DOSSIERS, "isUpdating": "False"}),
                            (progress, {"service": contract.PUSH_PROGRESS})):
        for start in range(0, len(records), BATCH):
            answer = http.post(f"{url}/integration", json={**envelope, **fields, "data": records[start:start + BATCH]},
                               timeout=30).json()
            assert contract.is_success(answer["error_code"]) and all(
                r["error_code"] == "00" for r in answer["result"]), answer


def _bare_loop(url: str, dossiers: list[dict], progress: list[dict]) -> float:
    with requests.Session() as http:
        http.headers.update(contract.HEADERS)
        started = time.perf_counter()
        bare_post_records(http, url, bare_login(http, url), dossiers, progress)
        return time.perf_counter() - started


def timed_drain(store: Store, url: str, *, max_seconds: float = 600, what: str = "") -> float:
    """Seconds the engine takes to send everything to the simulator at ``url``; all must be accepted."""
    save_config(store, PortalConfig(url=url, username=ACCOUNT[0], agency_code="H15.50.05.13", batch_size=BATCH,
                                    insecure_http=True))
    started = time.perf_counter()
    report = run_sync(store, until_empty=True, max_seconds=max_seconds)
    elapsed = time.perf_counter() - started
    assert report.pending == 0 and report.failed == 0, (what, report)
    return elapsed


def _engine_run(work: Path, source: Path, run: int) -> tuple[float, int]:
    store = _copy_with_national_procedures(source, work / f"engine-{run}.sqlite3")
    with running_simulator(work / f"sim-engine-{run}", account=ACCOUNT) as sim:
        elapsed = timed_drain(store, sim.url)
        held = len(sim.admin_dossiers())
    store.close()
    return elapsed, held


def _slice_of_backlog(work: Path, source: Path, seconds: float, run: int) -> tuple[float, int]:
    """One ``--max-seconds`` run over a whole database waiting to be sent: (wall time, dossiers confirmed)."""
    store = _copy_with_national_procedures(source, work / f"backlog-{run}.sqlite3")
    with running_simulator(work / f"sim-backlog-{run}", account=ACCOUNT) as sim:
        save_config(store, PortalConfig(url=sim.url, username=ACCOUNT[0], agency_code="H15.50.05.13",
                                        batch_size=BATCH, insecure_http=True))
        started = time.perf_counter()
        run_sync(store, until_empty=True, max_seconds=seconds)
        elapsed = time.perf_counter() - started
        held = len(sim.admin_dossiers())
    store.close()
    (work / f"backlog-{run}.sqlite3").unlink()
    return elapsed, held


def backlog(sizes: list[int], seconds: float, runs: int) -> None:
    """A month offline: the drain rate from a small and a huge backlog, and whether ``--max-seconds`` holds.

    Each run copies a database whose every dossier is still to be sent and syncs for ``seconds``;
    the rate is what the portal confirmed per second of wall time. Bounded work per round means
    the same rate whatever the backlog (issue 12 measured 755/s at 10,000 and 126/s at 200,000),
    and the run ending within a round of its limit.
    """
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for size in sizes:
            source = large_database(size)
            results = []
            for run in range(runs):
                (work / f"sim-backlog-{run}").mkdir(exist_ok=True)
                results.append(_slice_of_backlog(work, source, seconds, run))
                shutil.rmtree(work / f"sim-backlog-{run}")
            walls = [w for w, _ in results]
            rates[size] = statistics.median(held / wall for wall, held in results)
            print(f"sync backlog {size:,}: median {rates[size]:,.0f} dossiers/s confirmed in a {seconds:g} s run;"
                  f" wall times {[round(w, 1) for w in walls]} s (limit {seconds:g} s, longest over by"
                  f" {max(walls) - seconds:.1f} s)")
    small, large = min(sizes), max(sizes)
    print(f"sync backlog: rate at {large:,} / rate at {small:,} = {rates[large] / rates[small]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--backlog", type=int, nargs="*", metavar="SIZE",
                        help="instead: drain rate and --max-seconds from backlogs of these sizes (e.g. 10000 200000)")
    parser.add_argument("--seconds", type=float, default=20.0, help="the --max-seconds of each backlog run")
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    os.environ["COUNTER_PORTAL_PASSWORD"] = ACCOUNT[1]  # this process only; nothing is stored
    if args.backlog:
        backlog(args.backlog, args.seconds, args.runs)
        return
    source = large_database(args.count)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        dossiers, progress = _payloads(_copy_with_national_procedures(source, work / "payloads.sqlite3"))
        engine_times, bare_times = [], []
        for run in range(args.runs):
            (work / f"sim-engine-{run}").mkdir()
            (work / f"sim-bare-{run}").mkdir()
            elapsed, held = _engine_run(work, source, run)
            assert held == args.count
            engine_times.append(elapsed)
            with running_simulator(work / f"sim-bare-{run}", account=ACCOUNT) as sim:
                bare_times.append(_bare_loop(sim.url, dossiers, progress))
    engine, bare = statistics.median(engine_times), statistics.median(bare_times)
    print(f"sync: push {args.count:,} dossiers (+ their progress records) to the simulator, batches of {BATCH}")
    print(f"sync: engine median {engine:.2f} s = {args.count / engine:,.0f} dossiers/s (target >= 500/s); "
          f"runs {[round(t, 2) for t in engine_times]}")
    print(f"sync: bare requests loop, same payloads, median {bare:.2f} s = {args.count / bare:,.0f} dossiers/s; "
          f"engine/bare time ratio {engine / bare:.2f}x")


if __name__ == "__main__":
    main()
