"""Backups are thinned to 7 daily, 4 weekly and 12 monthly copies."""
from __future__ import annotations

from datetime import datetime, timedelta

from counter_app import backup_pages
from counter_app.db import sqlite_driver
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


def _backup_cli(db, to: str, capsys) -> tuple[int, str]:
    from counter_cli.main import main

    code = main(["--db", str(db), "backup", "--to", to])
    return code, capsys.readouterr().err


def test_a_backup_target_that_is_a_file_gives_one_clear_line(tmp_path, capsys):
    from factories import initialised_database

    db = initialised_database(tmp_path / "c.sqlite3")
    a_file = tmp_path / "passwd"
    a_file.write_text("root:x:0:0\n")
    for target in (a_file, a_file / "backups"):
        code, err = _backup_cli(db, str(target), capsys)
        assert code == 2 and err.startswith("error: cannot ") and str(a_file) in err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert a_file.read_text() == "root:x:0:0\n"


FULL_DISK = """
import resource, signal, sys
sys.path.insert(0, {tests!r})
from counter_cli.main import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a full disk: writes past the limit fail with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
sys.exit(main(["--db", {db!r}, "backup", "--to", {folder!r}]))
"""


def test_a_backup_that_meets_a_full_disk_leaves_nothing_that_looks_like_a_backup(tmp_path):
    import subprocess
    import sys

    from factories import TESTS_DIR, initialised_database

    db = initialised_database(tmp_path / "c.sqlite3")
    assert db.stat().st_size > 64 * 1024
    folder = tmp_path / "backups"
    script = FULL_DISK.format(tests=TESTS_DIR, db=str(db), folder=str(folder))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: cannot write a backup to") and "Traceback" not in result.stderr
    # The page store may have been created before the disk filled; it holds no backup and is sound.
    assert [p.name for p in folder.iterdir()] in ([], [backup_pages.REPO_NAME])
    assert backup_pages.snapshots(folder) == []
    if backup_pages.repo_path(folder).exists():
        conn = sqlite_driver.connect(backup_pages.repo_path(folder))
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
