"""A process killed in the middle of receiving leaves a sound database with nothing half-written."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from factories import RECEIVER_PREAMBLE, TESTS_DIR, initialised_database

from counter_app import maintenance
from counter_app.store import Store

LOOP = RECEIVER_PREAMBLE + """
rng = random.Random(7)
first = True
while True:
    services.receive_dossier(store, actor, request(store, rng=rng))
    if first:
        print("receiving", flush=True)
        first = False
"""


def _wait_for_dossiers(db: Path, at_least: int, proc: subprocess.Popen) -> None:
    """Poll the database (not a clock) until the loop has committed enough dossiers."""
    store = Store(db)
    try:
        for _ in range(2000):
            assert proc.poll() is None, "the receiving process died on its own"
            with store.read() as conn:
                if conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] >= at_least:
                    return
            time.sleep(0.01)  # polling interval, not a guess about timing
        raise AssertionError("the receiving process made no progress")
    finally:
        store.close()


def test_sigkill_mid_receive_loses_nothing_saved(tmp_path):
    db = initialised_database(tmp_path / "c.sqlite3")
    for round_number in range(3):
        proc = subprocess.Popen([sys.executable, "-c", LOOP.format(tests=TESTS_DIR, db=str(db))],
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "receiving"
        _wait_for_dossiers(db, 20 * (round_number + 1), proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()

    store = Store(db)
    assert maintenance.check(store) == []
    with store.read() as conn:
        orphans = conn.execute(
            "SELECT COUNT(*) FROM dossiers d WHERE"
            " NOT EXISTS (SELECT 1 FROM status_events e WHERE e.dossier_id = d.id)"
            " OR NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dossier_id = d.id AND o.kind = 'dossier')"
            " OR NOT EXISTS (SELECT 1 FROM dossier_papers p WHERE p.dossier_id = d.id)"
            " OR NOT EXISTS (SELECT 1 FROM dossier_search s WHERE s.rowid = d.id)"
        ).fetchone()[0]
        events_without_dossier = conn.execute(
            "SELECT COUNT(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.id = o.dossier_id)"
        ).fetchone()[0]
        count, top = conn.execute("SELECT COUNT(*), MAX(log_number) FROM dossiers").fetchone()
    assert orphans == 0 and events_without_dossier == 0
    assert count >= 60 and top == count  # no gap left by the killed transactions
