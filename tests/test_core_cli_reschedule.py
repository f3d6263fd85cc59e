"""``dossier reschedule CODE --due … --reason … --as USER [--print FILE.pdf]``: the new appointment and its letter."""
from __future__ import annotations

import io
from datetime import datetime

import pytest
from factories import PASSWORD, actors_of, initialised_database, request
from pypdf import PdfReader
from test_core_cli import run

from counter_app import services
from counter_app.dossiers import get_dossier
from counter_app.store import Store

pytestmark = pytest.mark.usefixtures("november_2026")  # the office clock reads 30/11/2026 10:00


@pytest.fixture
def received(tmp_path) -> tuple[str, str]:
    """A database and the code of a dossier received 20/11/2026 09:15, due 26/11 09:15."""
    path = initialised_database(tmp_path / "c.sqlite3")
    store = Store(str(path))
    try:
        code = services.receive_dossier(store, actors_of(store)["staff"],
                                        request(store, received_at=datetime(2026, 11, 20, 9, 15))).code
    finally:
        store.close()
    return str(path), code


def _reschedule(capsys, db: str, code: str, *extra: str, user: str = "lanhdao") -> tuple[int, str, str]:
    return run(capsys, "--db", db, "dossier", "reschedule", code, "--due", "2026-12-04 15:30", "--reason",
               "Chờ xác minh của Công an xã", "--as", user, "--password-stdin", *extra, stdin=PASSWORD + "\n")


def _due(db: str, code: str) -> datetime:
    store = Store(db)
    try:
        return get_dossier(store, code).due_at
    finally:
        store.close()


def test_a_supervisor_reschedules_and_the_letter_is_written(capsys, tmp_path, received):
    db, code = received
    out = tmp_path / "xin-loi.pdf"
    status, stdout, err = _reschedule(capsys, db, code, "--print", str(out))
    assert status == 0, err
    assert stdout.splitlines()[0] == f"{code}\t04/12/2026 15:30"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages).split())
    assert "15 giờ 30 phút, ngày 04 tháng 12 năm 2026" in text and "ngày 26 tháng 11 năm 2026" in text
    assert "Chờ xác minh của Công an xã" in text
    assert _due(db, code) == datetime(2026, 12, 4, 15, 30)


def test_a_clerk_may_not_and_nothing_is_written(capsys, tmp_path, received):
    db, code = received
    out = tmp_path / "xin-loi.pdf"
    status, stdout, err = _reschedule(capsys, db, code, "--print", str(out), user="canbo")
    assert status == 2 and stdout == "" and "lãnh đạo" in err and "Traceback" not in err
    assert not out.exists()
    assert _due(db, code) == datetime(2026, 11, 26, 9, 15)
