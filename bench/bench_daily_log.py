"""The daily log of a month: ``.venv/bin/python -m bench.bench_daily_log``.

Targets from issue 12: a log of 40,000 rows (a month of a busy district centre) in under 30 s
and 300 MB, memory flat in the number of rows and time linear, checked against a log of 2,000
rows. Each database holds a month of dossiers (``bench/dataset.py``, built once and cached) and
the log covers all of it, through the same ``render_daily_log`` the app and the command line
use (store query, layout, PDF). Each run is a fresh process, so its peak resident memory is its
own; the figures are medians of three runs, and "above start" is the peak less the process's
memory before the log (Python, reportlab, fonts, the open store).
"""
from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

from .dataset import large_database

ROWS = (2_000, 40_000)
RUNS = 3
DAYS = 30
TIME_BUDGET_S = 30.0
MEMORY_BUDGET_MB = 300.0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def one_run(path: str) -> dict[str, float]:
    """Make the month's log from ``path`` in this process: seconds, peak RSS, pages."""
    import io

    import pypdf

    from counter_app.office import get_office
    from counter_app.store import Store
    from printing.documents import render_daily_log
    from printing.fonts import register_fonts

    register_fonts()
    store = Store(path)
    with store.read() as conn:
        first = date.fromisoformat(conn.execute("SELECT MIN(received_at) FROM dossiers").fetchone()[0][:10])
    before = _rss_mb()
    start = time.perf_counter()
    pdf = render_daily_log(store, get_office(store), start=first, end=first + timedelta(days=DAYS), counter_no=None)
    seconds = time.perf_counter() - start
    peak = _rss_mb()
    store.close()
    return {"seconds": seconds, "peak_mb": peak, "above_start_mb": peak - before,
            "pages": len(pypdf.PdfReader(io.BytesIO(pdf)).pages), "pdf_mb": len(pdf) / 2**20}


def measure(rows: int) -> dict[str, float]:
    """Medians of ``RUNS`` fresh processes over a month's database of ``rows`` dossiers."""
    path = str(large_database(rows, days=DAYS))
    runs = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-m", "bench.bench_daily_log", "--one", path],
                             check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out))
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def main() -> None:
    results = {rows: measure(rows) for rows in ROWS}
    print(f"{'daily log (month, whole office)':32} {'median':>9} {'per row':>9} {'peak RSS':>9} {'above start':>12}"
          f" {'pages':>6} {'PDF':>8}")
    for rows, r in results.items():
        print(f"{rows:>7,} rows{'':20} {r['seconds']:7.1f} s {r['seconds'] / rows * 1000:6.2f} ms"
              f" {r['peak_mb']:6.0f} MB {r['above_start_mb']:9.0f} MB {r['pages']:6.0f} {r['pdf_mb']:5.1f} MB")
    small, big = (results[n] for n in ROWS)
    ratio = big["seconds"] / small["seconds"]
    print(f"time 40k/2k: {ratio:.1f}× for {ROWS[1] / ROWS[0]:.0f}× the rows; peak RSS 40k − 2k:"
          f" {big['peak_mb'] - small['peak_mb']:.0f} MB (the 40k PDF itself: {big['pdf_mb']:.1f} MB)")
    ok = big["seconds"] < TIME_BUDGET_S and big["peak_mb"] < MEMORY_BUDGET_MB
    print(f"40,000 rows: budget {TIME_BUDGET_S:.0f} s and {MEMORY_BUDGET_MB:.0f} MB: {'ok' if ok else 'OVER'}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(one_run(sys.argv[2])))
    else:
        main()
