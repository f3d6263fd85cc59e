"""Turning 10 A4 pages scanned at 300 dpi into one PDF (issue 14): median time and file size.

Pages are JPEG (what most counter scanners save) of a synthetic page: a white A4 sheet at
2480 × 3508 pixels with lines of dark "text" blocks, so the JPEG size is close to a real scan's.
``page_pdf.build_pdf`` against a bare ``img2pdf.convert`` of the same files shows what the join
and the turns cost. Run: ``.venv/bin/python -m bench.bench_capture``.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import img2pdf
from PIL import Image, ImageDraw

from counter_app.page_pdf import Page, build_pdf

A4_300DPI = (2480, 3508)
PAGES = 10
ROUNDS = 7


def _scans(folder: Path) -> list[Path]:
    paths = []
    for n in range(PAGES):
        image = Image.new("L", A4_300DPI, 250)
        draw = ImageDraw.Draw(image)
        for row in range(300, 3300, 60):
            for col in range(250, 2200, 90 + 7 * (n % 3)):
                draw.rectangle((col, row, col + 70, row + 28), fill=40 + (row + col) % 60)
        path = folder / f"scan-{n}.jpg"
        image.save(path, quality=85, dpi=(300, 300))
        paths.append(path)
    return paths


def _median(fn) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = _scans(Path(folder))
        contents = [p.read_bytes() for p in paths]
        pages = [Page(p, 90 if n == 3 else 0) for n, p in enumerate(paths)]
        pdf = build_pdf(pages, contents)
        ours = _median(lambda: build_pdf(pages, contents))
        bare = _median(lambda: img2pdf.convert(contents))
        print(f"10 A4 pages at 300 dpi (JPEG, {sum(map(len, contents)) / 1e6:.1f} MB in): one PDF in median "
              f"{ours * 1000:.0f} ms, {len(pdf) / 1e6:.1f} MB (bare img2pdf {bare * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
