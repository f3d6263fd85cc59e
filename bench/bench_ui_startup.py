"""Process start -> usable main window (``python -m counter_cli --smoke``), median of several runs, against a
bare QApplication + QMainWindow baseline measured in the same run. Target: median < 1.5 s."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

BASELINE = ("from PySide6.QtWidgets import QApplication, QMainWindow; from PySide6.QtTest import QTest;"
            "a = QApplication([]); w = QMainWindow(); w.show(); QTest.qWaitForWindowExposed(w)")


def _time(args: list[str], runs: int) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), LANG="C.UTF-8")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(runs: int = 5) -> None:
    base = _time(["-c", BASELINE], runs)
    app = _time(["-m", "counter_cli", "--smoke"], runs)
    print(f"startup to usable main window: median {app:.3f} s over {runs} runs (target < 1.5 s)")
    print(f"bare QApplication+QMainWindow baseline: median {base:.3f} s; ratio {app / base:.2f}")


if __name__ == "__main__":
    main()
