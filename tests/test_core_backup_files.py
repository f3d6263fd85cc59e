"""Backups carry the attached files (one shared store per backup folder) and restore brings them back."""
from __future__ import annotations

import json
import shutil
import stat
from datetime import datetime
from pathlib import Path

import pytest
from factories import actors_of, add_users, make_store, request
from scans import pdf_of_pages, scanned_pages
from test_core_cli import run

from counter_app import clock, maintenance, services, settings
from counter_app.attachment_files import attachments_dir, content_path, digest_of
from counter_app.attachments import attach_pages, attach_pdf, read_content
from counter_app.maintenance import BACKUP_FILES
from counter_app.page_pdf import Page
from counter_app.paths import default_backup_dir
from counter_app.store import Store


@pytest.fixture
def office(tmp_path, monkeypatch):
    """A closed live database whose dossier has a 3-page paper and a result attached; its path and the code."""
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 11, 30, 10, 0))
    live = tmp_path / "office" / "counter.sqlite3"
    store = make_store(live)
    staff = add_users(store)["staff"]
    code = services.receive_dossier(store, staff, request(store)).code
    attach_pages(store, staff, code, [Page(p) for p in scanned_pages(tmp_path, 3)], paper=1)
    attach_pdf(store, staff, code, pdf_of_pages(2), paper=None)
    store.close()
    return live, code


def _backup(capsys, live: Path, monkeypatch, when: datetime, *more: str) -> Path:
    monkeypatch.setattr(clock, "now", lambda: when)
    status, out, err = run(capsys, "--db", str(live), "backup", *more)
    assert status == 0, err
    return Path(out.strip())


def _listing(capsys, live: Path, code: str) -> list[dict]:
    status, out, err = run(capsys, "--db", str(live), "dossier", "attachments", code, "--json")
    assert status == 0, err
    return json.loads(out)


def _stored_files(folder: Path) -> list[Path]:
    return sorted(p for p in (folder / BACKUP_FILES).glob("??/*") if p.is_file())


def _attach_more(live: Path, code: str) -> str:
    with Store(live) as store:
        return attach_pdf(store, actors_of(store)["staff"], code, pdf_of_pages(4), paper=1).sha256


def test_a_restore_over_nothing_brings_back_every_file_with_its_hash(office, capsys, monkeypatch):
    live, code = office
    before = _listing(capsys, live, code)
    backup = _backup(capsys, live, monkeypatch, datetime(2026, 11, 30, 11, 0))
    shutil.rmtree(attachments_dir(live))
    for path in live.parent.glob(f"{live.name}*"):
        path.unlink()

    status, _out, err = run(capsys, "--db", str(live), "restore", str(backup))
    assert status == 0, err
    assert _listing(capsys, live, code) == before  # pages counted from the files read back
    with Store(live) as store:
        assert all(digest_of(read_content(store, item["sha256"])) == item["sha256"] for item in before)
    assert run(capsys, "--db", str(live), "check") == (0, "ok\n", "")


def test_backups_share_one_owner_only_copy_of_each_file_and_thinning_keeps_them(office, capsys, monkeypatch):
    live, code = office
    folder = default_backup_dir(live)
    first = _backup(capsys, live, monkeypatch, datetime(2026, 11, 1, 11, 0))
    second = _backup(capsys, live, monkeypatch, datetime(2026, 11, 2, 11, 0))
    files = _stored_files(folder)
    assert len(files) == 2  # the paper and the result, once for both backups
    assert stat.S_IMODE((folder / BACKUP_FILES).stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)

    added = _attach_more(live, code)
    with Store(live) as store:  # keep the newest backup only: the two older copies are thinned away
        settings.write(store, {settings.BACKUP_KEEP_DAILY: 1, settings.BACKUP_KEEP_WEEKLY: 0,
                               settings.BACKUP_KEEP_MONTHLY: 0}, by=actors_of(store)["admin"])
    third = _backup(capsys, live, monkeypatch, datetime(2026, 11, 3, 11, 0))
    kept = [path for _stamp, path in maintenance.list_backups(folder)]
    assert kept == [third] and first not in kept and second not in kept
    assert [f.name for f in _stored_files(folder)] == sorted([*(f.name for f in files), added])
    assert run(capsys, "--db", str(third), "check") == (0, "ok\n", "")  # found in the folder's store


def test_check_of_a_backup_looks_in_its_folder_and_ignores_files_of_other_backups(office, capsys, monkeypatch):
    live, code = office
    first = _backup(capsys, live, monkeypatch, datetime(2026, 11, 1, 11, 0))
    added = _attach_more(live, code)
    _backup(capsys, live, monkeypatch, datetime(2026, 11, 2, 11, 0))
    assert run(capsys, "--db", str(first), "check") == (0, "ok\n", "")  # the newer backup's file is no orphan
    kept = _stored_files(first.parent)
    victim = next(f for f in kept if f.name != added)
    victim.unlink()
    status, _out, err = run(capsys, "--db", str(first), "check")
    assert status == 1 and f"attachment {victim.name[:12]} of dossier {code} is missing" in err


def test_a_restore_that_would_lose_a_file_names_the_dossier_and_needs_force(office, capsys, monkeypatch):
    live, code = office
    backup = _backup(capsys, live, monkeypatch, datetime(2026, 11, 30, 11, 0))
    paper, result = _listing(capsys, live, code)
    content_path(attachments_dir(live), result["sha256"]).write_bytes(b"%PDF-1.7 edited")  # mended from the backup
    content_path(attachments_dir(live), paper["sha256"]).unlink()
    (backup.parent / BACKUP_FILES / paper["sha256"][:2] / paper["sha256"]).unlink()  # neither folder has it
    before = live.read_bytes()

    status, _out, err = run(capsys, "--db", str(live), "restore", str(backup))
    assert status == 2 and "cannot be brought back" in err and "nothing was changed" in err
    assert f"1 dossier(s) ({code}) would lose an attached file" in err and "Traceback" not in err
    assert live.read_bytes() == before and not content_path(attachments_dir(live), paper["sha256"]).exists()

    status, _out, err = run(capsys, "--db", str(live), "restore", str(backup), "--force")
    assert status == 0 and f"--force: 1 dossier(s) ({code}) would lose an attached file" in err
    with Store(live) as store:
        assert digest_of(read_content(store, result["sha256"])) == result["sha256"]
        assert read_content(store, paper["sha256"]) is None
    status, _out, err = run(capsys, "--db", str(live), "check")
    assert status == 1 and f"attachment {paper['sha256'][:12]} of dossier {code} is missing" in err
    assert "altered" not in err
