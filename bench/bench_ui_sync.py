"""GUI responsiveness while the app pushes 10,000 dossiers: ``.venv/bin/python -m bench.bench_ui_sync``.

Budget from issue 5: no event-loop stall over 50 ms on the GUI thread while the background sync
runs. A 10 ms heartbeat timer records the longest gap between its ticks, first with the window
idle (the baseline, same run), then while the sync worker drains the outbox to the simulator.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

import ui.widgets  # noqa: F401 - installs the PySide6 6.12 reference-count guard
from counter_app import office, users
from counter_app.models import Actor
from sync.config import PortalConfig, save_config
from sync.simulator.process import running_simulator
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

from .bench_sync import ACCOUNT, BATCH, _copy_with_national_procedures
from .bench_ui_list import HEARTBEAT_MS, Heartbeat, measure_idle, wait_until
from .dataset import large_database


def one_run(count: int, work: Path) -> tuple[float, int, float, float]:
    """(seconds, dossiers the portal holds, idle gap ms, longest gap ms during the sync)."""
    store = _copy_with_national_procedures(large_database(count), work / "counter.sqlite3")
    office.set_setting(store, "sync_interval_minutes", "60")  # one pass, started below
    with running_simulator(work, account=ACCOUNT) as sim:
        tasks = TaskRunner()
        context = AppContext(store=store, actor=Actor.of(users.get_user(store, "canbo")),
                             office=office.get_office(store), tasks=tasks)
        window = MainWindow(context)  # no portal configured yet: its first check finds nothing to do
        runs: list[object] = []
        window.sync_worker.runFinished.connect(runs.append)
        window.resize(1366, 768)
        window.show()
        wait_until(lambda: window.dossiers_page.model.total > 0 and not window.sync_worker.busy)
        beat = Heartbeat()
        idle = measure_idle(beat)
        save_config(store, PortalConfig(url=sim.url, username=ACCOUNT[0], agency_code="H15.50.05.13",
                                        batch_size=BATCH, insecure_http=True))
        beat.start()
        started = time.perf_counter()
        window.sync_worker.sync_now()  # as the "Sync now" button does
        wait_until(lambda: runs and window.sync_worker.state.pending == 0, 600)
        elapsed = time.perf_counter() - started
        busy = beat.stop_ms()
        held = len(sim.admin_dossiers())
        window.close()
        tasks.shutdown()
    store.close()
    return elapsed, held, idle, busy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    os.environ["COUNTER_PORTAL_PASSWORD"] = ACCOUNT[1]  # this process only; nothing is stored
    app = QApplication.instance() or QApplication([])
    results = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            results.append(one_run(args.count, Path(tmp)))
        assert results[-1][1] == args.count, "the portal does not hold every dossier"
    del app
    elapsed, _, idle, busy = (statistics.median(r[i] for r in results) for i in range(4))
    stalls = [round(max(0.0, r[3] - HEARTBEAT_MS), 1) for r in results]
    print(f"ui sync: {args.count:,} dossiers pushed by the app's background worker, median {elapsed:.1f} s "
          f"({args.count / elapsed:,.0f} dossiers/s) over {args.runs} runs")
    print(f"ui sync: idle loop, longest heartbeat gap median {idle:.1f} ms (interval {HEARTBEAT_MS} ms; baseline)")
    print(f"ui sync: during the sync, worst stall median {max(0.0, busy - HEARTBEAT_MS):.1f} ms {stalls} "
          f"(target < 50 ms); gap ratio to idle {busy / idle:.2f}x")


if __name__ == "__main__":
    main()
