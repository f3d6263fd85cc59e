"""How long the papers take to build: ``.venv/bin/python -m bench.bench_printing``.

Budgets from issue 4: the receipt (warm, both copies) under 80 ms so it prints "with one key",
the daily log of 1,000 dossiers under 2 s. Each figure is the median of several runs, and each
is also given as a ratio to a bare reportlab page with one paragraph measured in the same run,
so a slow machine and a slow change can be told apart.
"""
from __future__ import annotations

import io
import statistics
import time
from collections.abc import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from printing import demo_data as demo
from printing.daily_log import build_daily_log
from printing.fonts import SERIF, register_fonts
from printing.receipt import build_receipt

RECEIPT_BUDGET_S = 0.080
LOG_BUDGET_S = 2.0


def median_seconds(work: Callable[[], object], *, runs: int, warmup: int = 1) -> float:
    """Median wall time of ``runs`` calls after ``warmup`` untimed ones (fonts, caches)."""
    for _ in range(warmup):
        work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_page() -> bytes:
    """The baseline: one Liberation Serif paragraph on an A4 page, nothing else."""
    buffer = io.BytesIO()
    style = ParagraphStyle("bare", fontName=SERIF, fontSize=13, leading=16)
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=SERIF).build(
        [Paragraph("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", style)])
    return buffer.getvalue()


def main() -> None:
    register_fonts()
    office = demo.OFFICE
    dossier = demo.residence_dossier()
    lines = demo.log_lines(demo.many_dossiers(1000))
    baseline = median_seconds(bare_page, runs=21)
    receipt = median_seconds(lambda: build_receipt(office, dossier), runs=21)
    log = median_seconds(lambda: build_daily_log(office, lines, period_label="Tháng 11/2026"), runs=5)
    rows = [
        ("baseline: one-paragraph page", baseline, None),
        ("receipt, 2 copies, warm", receipt, RECEIPT_BUDGET_S),
        ("daily log, 1,000 dossiers", log, LOG_BUDGET_S),
    ]
    print(f"{'printing benchmark':34} {'median':>10} {'× baseline':>11} {'budget':>9}")
    for name, seconds, budget in rows:
        verdict = "" if budget is None else f"{budget * 1000:6.0f} ms {'ok' if seconds < budget else 'OVER'}"
        print(f"{name:34} {seconds * 1000:7.1f} ms {seconds / baseline:10.1f}× {verdict}")


if __name__ == "__main__":
    main()
