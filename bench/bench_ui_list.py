"""Dossier list over 200,000 dossiers: does the window ever freeze while typing or scrolling?

A 10 ms QTimer heartbeat records the gaps between its ticks on the GUI thread; the longest
gap minus the interval is the worst stall the user could feel. Measured offscreen:
- typing four searches into the search box at a brisk 8 keys per second, until each query's
  results are on screen (target: no stall > 100 ms);
- dragging the scroll bar to the end of the rows held, again and again, each time waiting
  for the page after the last row (keyset paging), until 20 pages are on screen (target: no
  stall > 50 ms);
- an idle event loop, as the baseline of what the machine itself adds.
The 200,000-dossier database is the benchmarks' cached bulk-built one (bench/dataset.py).
Run: ``.venv/bin/python -m bench.bench_ui_list [--runs 3] [--count 200000]``.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import ui.widgets  # noqa: F401 - installs the PySide6 6.12 reference-count guard
from counter_app import office, users
from counter_app.models import Actor
from counter_app.store import Store
from ui.context import AppContext
from ui.tasks import TaskRunner

from .dataset import large_database

HEARTBEAT_MS = 10
QUERIES = ("nguyen van duc", "tran thi hoa", "bui quynh", "thon dinh bang")
KEY_INTERVAL_MS = 120
SCROLL_PAGES = 20
SCROLL_STEPS = 6  # scroll bar moves per page, from where it was to the end of the rows held
SCROLL_STEP_MS = 16


class Heartbeat:
    """Ticks every 10 ms and keeps the longest gap between two ticks."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.worst = 0.0
        self.last = time.perf_counter()
        self.timer.start()

    def stop_ms(self) -> float:
        """The longest gap between two ticks, in ms (the interval itself included)."""
        self._tick()
        self.timer.stop()
        return self.worst * 1000


def wait_until(condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the list did not settle in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)


def run_steps(steps: list[Callable[[], None]], interval_ms: int) -> None:
    """Run each step from a timer, ``interval_ms`` apart, as a user's hand would."""
    pending = list(steps)
    timer = QTimer()
    timer.setInterval(interval_ms)

    def next_step() -> None:
        if pending:
            pending.pop(0)()
        else:
            timer.stop()

    timer.timeout.connect(next_step)
    timer.start()
    wait_until(lambda: not pending and not timer.isActive())


def settled(page) -> bool:
    model = page.model
    return not model.in_flight and not page.filters.debounce.isActive() and model.shown_generation == model.generation


def measure_idle(beat: Heartbeat) -> float:
    beat.start()
    end = time.perf_counter() + 1.0
    wait_until(lambda: time.perf_counter() > end)
    return beat.stop_ms()


def measure_typing(page, beat: Heartbeat) -> float:
    search = page.filters.search
    beat.start()
    for query in QUERIES:
        steps: list[Callable[[], None]] = [search.clear]
        steps += [lambda ch=ch: QTest.sendKeyEvent(QTest.KeyAction.Click, search, Qt.Key.Key_unknown, ch,
                                                   Qt.KeyboardModifier.NoModifier) for ch in query]
        run_steps(steps, KEY_INTERVAL_MS)
        wait_until(lambda: settled(page))
    return beat.stop_ms()


def measure_scrolling(page, beat: Heartbeat) -> float:
    """Drag the scroll bar to the end of what the list holds until SCROLL_PAGES pages arrived."""
    bar = page.view.verticalScrollBar()
    bar.setValue(0)
    wait_until(lambda: settled(page))
    beat.start()
    target = SCROLL_PAGES * page.model.page_size
    while page.model.rowCount() < target:
        held = page.model.rowCount()
        top, bottom = bar.value(), bar.maximum()
        run_steps([lambda v=top + (bottom - top) * i // SCROLL_STEPS: bar.setValue(v)
                   for i in range(SCROLL_STEPS + 1)], SCROLL_STEP_MS)
        wait_until(lambda held=held: page.model.rowCount() > held and settled(page))
    stall = beat.stop_ms()
    last = page.model.rowCount() - 1
    assert page.model.data(page.model.index(last, 0)) not in (None, "")
    return stall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--count", type=int, default=200_000)
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    app = QApplication.instance() or QApplication([])
    started = time.perf_counter()
    path = large_database(args.count)
    store = Store(path)
    print(f"ui list: database of {args.count:,} dossiers ready in {time.perf_counter() - started:.1f} s")
    context = AppContext(store=store, actor=Actor.of(users.get_user(store, "canbo")),
                         office=office.get_office(store), tasks=TaskRunner())
    from ui.dossier_list import DossiersPage

    page = DossiersPage(context)
    page.resize(1280, 800)
    page.show()
    wait_until(lambda: page.model.total > 0 and settled(page))
    beat = Heartbeat()
    idle, typing, scrolling = [], [], []
    for _ in range(args.runs):
        idle.append(measure_idle(beat))
        typing.append(measure_typing(page, beat))
        page.filters.search.clear()
        wait_until(lambda: settled(page) and page.model.total == min(args.count, page.model.count_cap + 1))
        scrolling.append(measure_scrolling(page, beat))
    base, t, s = (statistics.median(x) for x in (idle, typing, scrolling))

    def stalls(gaps: list[float]) -> list[float]:
        return [round(max(0.0, g - HEARTBEAT_MS), 1) for g in gaps]

    print(f"ui list: idle loop, longest heartbeat gap median {base:.1f} ms (interval {HEARTBEAT_MS} ms; baseline)")
    print(f"ui list: typing {len(QUERIES)} searches, worst stall median {max(0.0, t - HEARTBEAT_MS):.1f} ms "
          f"{stalls(typing)} over {args.runs} runs (target < 100 ms); gap ratio to idle {t / base:.2f}x")
    print(f"ui list: scrolling {SCROLL_PAGES} pages of {args.count:,} rows, worst stall median {max(0.0, s - HEARTBEAT_MS):.1f} ms "
          f"{stalls(scrolling)} (target < 50 ms); gap ratio to idle {s / base:.2f}x")
    page.close()
    context.tasks.shutdown()
    store.close()
    del app


if __name__ == "__main__":
    main()
