"""Backups are thinned to 7 daily, 4 weekly and 12 monthly copies."""
from __future__ import annotations

from datetime import datetime, timedelta

from counter_app.maintenance import backups_to_keep, thin


def test_thinning_keeps_newest_per_day_week_and_month():
    start = datetime(2026, 11, 22, 17, 0)
    stamps = [start - timedelta(hours=12 * i) for i in range(2 * 400)]  # two a day for 400 days
    keep = backups_to_keep(stamps)
    days = {s.date() for s in keep}
    assert start in keep
    for back in range(7):
        assert (start - timedelta(days=back)).date() in days
    months = {(s.year, s.month) for s in keep}
    assert len(months) == 12
    assert len(keep) <= 7 + 4 + 12
    assert all(s == max(x for x in stamps if x.date() == s.date()) for s in keep)  # newest of its day


def test_thin_deletes_the_rest(tmp_path):
    for i in range(30):
        stamp = datetime(2026, 11, 22) - timedelta(days=i)
        (tmp_path / f"counter-{stamp:%Y%m%d-%H%M%S}.sqlite3").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("not a backup")
    removed = thin(tmp_path)
    left = sorted(p.name for p in tmp_path.glob("counter-*.sqlite3"))
    assert len(left) + len(removed) == 30
    assert "counter-20261122-000000.sqlite3" in left and (tmp_path / "notes.txt").exists()
    assert len(left) <= 7 + 4 + 12
