"""Attached pages and results: content-addressed, private, listed, and checked by ``check``."""
from __future__ import annotations

import hashlib
import json
import stat

import pytest
from factories import PASSWORD, add_users, make_store, request
from test_core_cli import run

from counter_app import services
from counter_app.attachments import attachments_dir, content_path

PNG = b"\x89PNG\r\n\x1a\n" + b"page-%d" * 10
PDF = b"%PDF-1.7\n% a result\n%%EOF\n"


@pytest.fixture
def dossier(tmp_path):
    store = make_store(tmp_path / "a.sqlite3")
    staff = add_users(store)["staff"]
    code = services.receive_dossier(store, staff, request(store)).code
    store.close()
    pages = []
    for n in range(1, 4):
        page = tmp_path / f"page{n}.png"
        page.write_bytes(PNG.replace(b"%d", str(n).encode()))
        pages.append(page)
    result = tmp_path / "ket-qua.pdf"
    result.write_bytes(PDF)
    return str(tmp_path / "a.sqlite3"), code, pages, result


def _attach(capsys, db: str, code: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "--db", db, "dossier", "attach", code, *args, "--as", "canbo", "--password-stdin",
               stdin=PASSWORD + "\n")


def test_pages_and_result_are_stored_by_hash_listed_and_checked(dossier, capsys, tmp_path):
    db, code, pages, result = dossier
    assert _attach(capsys, db, code, "--paper", "1", *map(str, pages))[0] == 0
    assert _attach(capsys, db, code, "--result", str(result))[0] == 0
    status, out, _ = run(capsys, "--db", db, "dossier", "attachments", code, "--json")
    items = json.loads(out)
    assert status == 0
    assert [(i["kind"], i["paper"], i["seq"]) for i in items] == [
        ("paper", 1, 1), ("paper", 1, 2), ("paper", 1, 3), ("result", None, 1)]
    assert [i["sha256"] for i in items[:3]] == [hashlib.sha256(p.read_bytes()).hexdigest() for p in pages]
    assert items[3]["bytes"] == len(PDF) and items[3]["media_type"] == "application/pdf"
    stored = content_path(attachments_dir(tmp_path / "a.sqlite3"), items[0]["sha256"])
    assert stored.read_bytes() == pages[0].read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert run(capsys, "--db", db, "check") == (0, "ok\n", "")

    stored.unlink()
    content_path(attachments_dir(tmp_path / "a.sqlite3"), items[1]["sha256"]).write_bytes(b"\x89PNG edited")
    orphan = content_path(attachments_dir(tmp_path / "a.sqlite3"), "ab" * 32)  # a crash before its row
    orphan.parent.mkdir()
    orphan.write_bytes(b"left over")
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
    status, _out, err = _attach(capsys, db, code, "--paper", "9", str(pages[0]))
    assert status == 2 and "giấy tờ số 9" in err
    assert json.loads(run(capsys, "--db", db, "dossier", "attachments", code, "--json")[1]) == []
    assert not attachments_dir(tmp_path / "a.sqlite3").exists()
