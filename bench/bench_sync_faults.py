"""Draining 300 dossiers through a bad link: ``.venv/bin/python -m bench.bench_sync_faults``.

Issue 12's goal: with 20% of requests failing and 5% of answers dropped, the drain takes at most
5x the time of a clean link. The baseline is the same drain against a clean simulator in the
same run; each case is the median of several runs on fresh copies.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from sync.simulator.process import running_simulator

from .bench_sync import ACCOUNT, _copy_with_national_procedures, timed_drain
from .dataset import large_database

CASES = {
    "clean": {},
    "20% failures": {"fail_rate": 0.2},
    "20% failures + 5% drops": {"fail_rate": 0.2, "drop_rate": 0.05},
    "20% failures + 5% drops, 5 s sessions": {"fail_rate": 0.2, "drop_rate": 0.05, "session_ttl": 5},
}


def _drain(work: Path, source: Path, name: str, faults: dict[str, float], run: int) -> float:
    folder = work / f"{name}-{run}".replace(" ", "_").replace("%", "")
    folder.mkdir()
    store = _copy_with_national_procedures(source, folder / "counter.sqlite3")
    with running_simulator(folder, account=ACCOUNT, seed=run, **faults) as sim:
        elapsed = timed_drain(store, sim.url, max_seconds=300, what=name)
    store.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    os.environ["COUNTER_PORTAL_PASSWORD"] = ACCOUNT[1]  # this process only; nothing is stored
    source = large_database(args.count)
    medians: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, faults in CASES.items():
            times = [_drain(Path(tmp), source, name, faults, run) for run in range(args.runs)]
            medians[name] = statistics.median(times)
            print(f"sync faults: {name}: median {medians[name]:.2f} s, runs {[round(t, 2) for t in times]}"
                  + ("" if name == "clean" else f"; {medians[name] / medians['clean']:.1f}x clean (target <= 5x)"),
                  flush=True)


if __name__ == "__main__":
    main()
