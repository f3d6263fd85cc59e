"""The syncing process killed with SIGKILL at random moments: still exactly once, nothing lost."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sync_helpers import PORTAL_ACCOUNT, assert_portal_matches, configure_portal, receive_many

from sync import outbox
from sync.simulator.process import running_simulator

pytestmark = pytest.mark.both_stores

KILLS = 20
ROOT = Path(__file__).resolve().parent.parent


def _sync_process(db: str) -> subprocess.Popen:
    env = {**os.environ, "COUNTER_PORTAL_PASSWORD": PORTAL_ACCOUNT[1], "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "counter_cli.main", "--db", str(db), "sync", "--until-empty", "--max-seconds", "120"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def test_sigkill_at_random_moments_loses_nothing_and_repeats_nothing(store, staff_actor, tmp_path):
    codes = receive_many(store, staff_actor, 400)
    rng = random.Random(2026)
    # Small batches and some latency so that the kills land in the middle of the work.
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT, latency_ms=15, drop_rate=0.05, seed=5) as sim:
        configure_portal(store, sim.url, batch_size=10)
        db = store.target
        killed_with_work_left = 0
        for _ in range(KILLS):
            proc = _sync_process(db)
            time.sleep(rng.uniform(0.4, 1.2))  # a random moment in the process's life is the point here
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed_with_work_left += outbox.pending_count(store) > 0
        assert killed_with_work_left >= KILLS // 2  # the kills really interrupted the sync
        final = _sync_process(db)
        assert final.wait(timeout=120) == 0
        assert outbox.pending_count(store) == 0 and outbox.failed_count(store) == 0
        assert_portal_matches(store, codes, sim.admin_dossiers())
