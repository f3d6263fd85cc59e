"""Attached pages and results: content-addressed, private, listed, and checked by ``check``."""
from __future__ import annotations

import hashlib
import json
import stat

import pytest
from factories import PASSWORD, add_users, make_store, request
from scans import page_widths, pdf_of_pages, scanned_pages
from test_core_cli import run

from counter_app import services
from counter_app.attachment_files import attachments_dir, content_path
from counter_app.attachments import read_content
from counter_app.store import Store


@pytest.fixture
def dossier(tmp_path):
    store = make_store(tmp_path / "a.sqlite3")
    staff = add_users(store)["staff"]
    code = services.receive_dossier(store, staff, request(store)).code
    store.close()
    pages = scanned_pages(tmp_path, 3)
    result = tmp_path / "ket-qua.pdf"
    result.write_bytes(pdf_of_pages(2))
    return str(tmp_path / "a.sqlite3"), code, pages, result


def _attach(capsys, db: str, code: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "--db", db, "dossier", "attach", code, *args, "--as", "canbo", "--password-stdin",
               stdin=PASSWORD + "\n")


def test_pages_become_one_pdf_per_paper_stored_by_hash_listed_and_checked(dossier, capsys, tmp_path):
    db, code, pages, result = dossier
    status, out, _ = _attach(capsys, db, code, "--paper", "1", *map(str, pages))
    assert status == 0
    assert _attach(capsys, db, code, "--result", str(result))[0] == 0
    status, listing, _ = run(capsys, "--db", db, "dossier", "attachments", code, "--json")
    items = json.loads(listing)
    assert status == 0
    assert [(i["kind"], i["paper"], i["seq"], i["pages"], i["media_type"]) for i in items] == [
        ("paper", 1, 1, 3, "application/pdf"), ("result", None, 1, 2, "application/pdf")]
    assert out.split() == [items[0]["sha256"], str(items[0]["bytes"])]
    stored = content_path(attachments_dir(tmp_path / "a.sqlite3"), items[0]["sha256"])
    with Store(db) as store:  # the database is encrypted (conftest), so its files are sealed under its key
        paper_pdf, result_pdf = (read_content(store, item["sha256"]) for item in items)
    assert hashlib.sha256(paper_pdf).hexdigest() == items[0]["sha256"]
    assert page_widths(paper_pdf) == [110, 120, 130]  # the three scans, in the order given
    assert page_widths(result_pdf) == [210, 220]
    assert not stored.read_bytes().startswith(b"%PDF") and paper_pdf[-4096:] not in stored.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert run(capsys, "--db", db, "check") == (0, "ok\n", "")

    result_file = content_path(attachments_dir(tmp_path / "a.sqlite3"), items[1]["sha256"])
    stored.unlink()
    result_file.write_bytes(b"%PDF-1.7 edited")
    orphan = content_path(attachments_dir(tmp_path / "a.sqlite3"), "ab" * 32)  # a crash before its row
    orphan.parent.mkdir()
    orphan.write_bytes(b"left over")
    listing = run(capsys, "--db", db, "dossier", "attachments", code)[1].splitlines()
    assert [line.split()[:4] for line in listing] == [["paper", "1", "1", "?"], ["result", "1", "?", "p"]]
    status, _out, err = run(capsys, "--db", db, "check")
    assert status == 1
    assert f"attachment {items[0]['sha256'][:12]} of dossier {code} is missing" in err
    assert f"attachment {items[1]['sha256'][:12]} of dossier {code} was altered" in err
    assert "belongs to no dossier" in err


def test_a_bad_file_or_paper_changes_nothing(dossier, capsys, tmp_path):
    db, code, pages, _result = dossier
    text = tmp_path / "note.txt"
    text.write_text("không phải ảnh")
    status, _out, err = _attach(capsys, db, code, "--paper", "1", str(pages[0]), str(text))
    assert status == 2 and "PDF, PNG, JPEG" in err and "Traceback" not in err
    damaged = tmp_path / "hong.png"
    damaged.write_bytes(b"\x89PNG\r\n\x1a\n" + b"cut short")
    status, _out, err = _attach(capsys, db, code, "--paper", "1", str(pages[0]), str(damaged))
    assert status == 2 and "Tệp thứ 2 hỏng" in err and "Traceback" not in err
    status, _out, err = _attach(capsys, db, code, "--paper", "9", str(pages[0]))
    assert status == 2 and "giấy tờ số 9" in err
    assert json.loads(run(capsys, "--db", db, "dossier", "attachments", code, "--json")[1]) == []
    assert not attachments_dir(tmp_path / "a.sqlite3").exists()


def test_a_result_is_built_before_its_action_is_recorded(tmp_path):
    from counter_app.attachments import list_attachments, record_with_result
    from counter_app.errors import ValidationError
    from counter_app.page_pdf import Page

    store = make_store(tmp_path / "r.sqlite3")
    staff = add_users(store)["staff"]
    code = services.receive_dossier(store, staff, request(store)).code
    recorded = []
    damaged = tmp_path / "ket-qua.png"
    damaged.write_bytes(b"\x89PNG\r\n\x1a\n" + b"cut short")
    with pytest.raises(ValidationError, match="Tệp thứ 1 hỏng"):
        record_with_result(lambda: recorded.append(code), store, staff, code, [Page(damaged)])
    assert recorded == [] and list_attachments(store, code) == []

    [scan] = scanned_pages(tmp_path, 1)
    record_with_result(lambda: recorded.append(code), store, staff, code, [Page(scan)])
    assert recorded == [code]
    assert [(a.kind, a.paper) for a in list_attachments(store, code)] == [("result", None)]
    store.close()
