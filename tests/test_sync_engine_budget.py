"""The run's time budget, the pull's retries and the backoff, against a scripted portal in this process.

A scripted portal (not the simulator) makes the timing of each call and each failure exact, so
these tests bound what the engine does without racing a real server.
"""
from __future__ import annotations

import time
from typing import Any

from sync_helpers import receive_many

from counter_app import clock
from sync import outbox
from sync.client import RecordResult
from sync.config import PortalConfig
from sync.engine import Backoff, SyncEngine, run_sync
from sync.errors import PortalUnavailable

CONFIG = PortalConfig(url="https://portal.invalid/dvcqg", username="agent", agency_code="H15.50.05.13", batch_size=10)


class ScriptedPortal:
    """Accepts everything after ``delay_s`` per call; ``fail`` says which pushes (1, 2, …) and pulls fail."""

    def __init__(self, *, delay_s: float = 0.0, fail_pushes: set[int] = frozenset(), failing_pulls: int = 0) -> None:
        self.delay_s = delay_s
        self.fail_pushes = fail_pushes
        self.failing_pulls = failing_pulls
        self.pushes = self.pulls = 0
        self.anchors: list[dict[str, Any]] = []

    def _push(self, records: list[dict[str, Any]]) -> list[RecordResult]:
        self.pushes += 1
        time.sleep(self.delay_s)  # the portal's own answer time, not a wait for anything
        if self.pushes in self.fail_pushes:
            raise PortalUnavailable("Cổng DVC đang bận hoặc lỗi (HTTP 503).")
        return [RecordResult(r["MaHoSo"], True, "00", "") for r in records]

    def push_dossiers(self, records: list[dict[str, Any]], *, updating: bool) -> list[RecordResult]:
        return self._push(records)

    def push_progress(self, records: list[dict[str, Any]]) -> list[RecordResult]:
        return self._push(records)

    def lookup(self, codes: list[str]) -> list[dict[str, Any]]:
        return []

    def list_procedures(self) -> list[dict[str, Any]]:
        self.pulls += 1
        if self.pulls <= self.failing_pulls:
            raise PortalUnavailable("Cổng DVC đang bận hoặc lỗi (HTTP 503).", retry_after=0.01)
        return []

    def push_anchor(self, anchor: dict[str, Any]) -> None:
        self.anchors.append(anchor)

    def close(self) -> None:
        pass


def test_max_seconds_holds_whatever_the_backlog(store, staff_actor):
    receive_many(store, staff_actor, 120)
    portal = ScriptedPortal(delay_s=0.1)  # 10 records a call, ~35 calls: the whole backlog takes 3.5 s and more
    started = time.monotonic()
    report = run_sync(store, config=CONFIG, client=portal, until_empty=True, max_seconds=0.5)
    elapsed = time.monotonic() - started
    assert report.pending > 0 and report.pushed > 0
    assert elapsed < 0.5 + 15 * portal.delay_s  # stopped between rounds, not after the backlog
    assert portal.pulls == 0  # no time was left to pull


def test_a_busy_portal_is_pulled_from_again_within_the_run(store, staff_actor):
    receive_many(store, staff_actor, 2)
    portal = ScriptedPortal(failing_pulls=2)
    report = run_sync(store, config=CONFIG, client=portal, until_empty=True, max_seconds=30,
                      backoff=Backoff(base=0.01, cap=0.05))
    assert (report.pending, report.error, report.pull_error) == (0, "", "")
    assert portal.pulls == 3
    assert [a["SoBanGhi"] for a in portal.anchors] == [int(report.anchor.split(":")[0])]


def test_a_pull_that_keeps_failing_is_reported_apart_from_a_complete_push(store, staff_actor):
    receive_many(store, staff_actor, 2)
    portal = ScriptedPortal(failing_pulls=100)
    report = run_sync(store, config=CONFIG, client=portal, until_empty=True, max_seconds=30,
                      backoff=Backoff(base=0.01, cap=0.05))
    assert report.pending == 0 and report.error == ""
    assert "HTTP 503" in report.pull_error


def test_one_failed_request_among_successes_postpones_by_the_base_delay_only(store, staff_actor):
    """Backoff grows with failures in a row, not with how often one unlucky row was caught in one."""
    receive_many(store, staff_actor, 30)
    with store.write() as conn:  # rows already caught in five failed requests earlier today
        conn.execute("UPDATE outbox SET attempts = 5")
    base = 60.0
    portal = ScriptedPortal(fail_pushes={2})  # one request fails between successes: the portal is up
    engine = SyncEngine(store, portal, batch_size=10, backoff=Backoff(base=base, cap=3600.0))
    engine.push_round()
    try:
        engine.push_round()
    except PortalUnavailable:
        pass
    assert engine.failures_in_a_row == 1
    now = clock.now()
    waits = [(item.next_attempt_at - now).total_seconds() for item in outbox.list_items(store) if item.next_attempt_at]
    assert waits and max(waits) <= base
    engine.push_round()
    assert engine.failures_in_a_row == 0
