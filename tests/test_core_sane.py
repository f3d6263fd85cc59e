"""Scanning through SANE, with its virtual ``test`` scanner: devices, a 3-page paper, refusals."""
from __future__ import annotations

import gc
import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from factories import PASSWORD, make_store
from sane_backend import require_test_scanner, scanner_config
from test_core_attachments import dossier  # noqa: F401 - the fixture: a received dossier, its database
from test_core_cli import run

from counter_app import sane_source, settings
from counter_app.errors import ValidationError
from counter_app.sane_source import SaneSource

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _test_scanner():
    require_test_scanner()


def _attach_scan(capsys, db: str, code: str, *args: str) -> tuple[int, str, str]:
    return run(capsys, "--db", db, "dossier", "attach", code, "--paper", "1", "--scan", *args,
               "--as", "canbo", "--password-stdin", stdin=PASSWORD + "\n")


def test_the_virtual_scanner_is_listed_by_name_vendor_and_model(capsys):
    assert sane_source.ScannerDevice("test:0", "Noname", "frontend-tester") in sane_source.devices()
    status, out, _ = run(capsys, "scanner", "list")
    assert status == 0
    assert "test:0\tNoname\tfrontend-tester" in out.splitlines()
    assert {"name": "test:0", "vendor": "Noname", "model": "frontend-tester"} in json.loads(
        run(capsys, "scanner", "list", "--json")[1])


def test_pages_come_from_the_feeder_as_private_jpegs_removed_at_close():
    with SaneSource("test:0", pages=3, dpi=150, colour=False) as source:
        pages = source.take()
        assert [page.name for page in pages] == ["trang-001.jpg", "trang-002.jpg", "trang-003.jpg"]
        assert stat.S_IMODE(source.folder.stat().st_mode) == 0o700
        assert {stat.S_IMODE(page.stat().st_mode) for page in pages} == {0o600}
        from PIL import Image

        with Image.open(pages[0]) as image:
            assert image.mode == "L" and image.info["dpi"] == (150, 150)
            assert image.width == round(80 / 25.4 * 150)  # the test scanner's 80 mm wide area
        assert [page.name for page in source.take()] == ["trang-004.jpg", "trang-005.jpg", "trang-006.jpg"]
    assert not source.folder.exists()
    with SaneSource("test:0") as source:  # no count: until the feeder is empty (the test scanner's holds 10)
        assert len(source.take()) == 10
    dropped = SaneSource("test:0", pages=1)
    folder = dropped.take()[0].parent
    del dropped  # a capture that never closed its source (the app quit, a dialog dropped)
    gc.collect()
    assert not folder.exists()


def test_a_three_page_scan_becomes_one_three_page_pdf_of_the_paper(dossier, capsys, tmp_path, monkeypatch):  # noqa: F811
    db, code, _pages, _result = dossier
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    status, out, err = _attach_scan(capsys, db, code, "--device", "test:0", "--pages", "3")
    assert (status, err) == (0, "")
    items = json.loads(run(capsys, "--db", db, "dossier", "attachments", code, "--json")[1])
    assert [(item["paper"], item["pages"], item["media_type"]) for item in items] == [(1, 3, "application/pdf")]
    assert out.split() == [items[0]["sha256"], str(items[0]["bytes"])]
    assert run(capsys, "--db", db, "check") == (0, "ok\n", "")
    assert not list((tmp_path / "tmp").iterdir())  # the scanned pages are not kept


def test_the_remembered_device_is_the_default(dossier, capsys):  # noqa: F811
    db, code, _pages, _result = dossier
    store = make_store(Path(db))
    settings.remember(store, settings.SCANNER_DEVICE, "test:7")
    store.close()
    status, _out, err = _attach_scan(capsys, db, code, "--pages", "1")
    assert status == 2 and "Không tìm thấy máy quét đã chọn" in err
    assert sane_source.default_device("") == "test:0"  # nothing remembered: the first found


def test_a_bad_device_name_is_one_vietnamese_line_and_attaches_nothing(dossier, capsys):  # noqa: F811
    db, code, _pages, _result = dossier
    with pytest.raises(ValidationError, match="Không tìm thấy máy quét đã chọn"):
        SaneSource("khong-co:0").take()
    status, out, err = _attach_scan(capsys, db, code, "--device", "test:9")
    assert (status, out) == (2, "")
    assert err == "error: Không tìm thấy máy quét đã chọn: hãy cắm lại máy hoặc chọn máy quét khác.\n"
    assert json.loads(run(capsys, "--db", db, "dossier", "attachments", code, "--json")[1]) == []


def test_files_and_scan_together_or_neither_are_refused(dossier, capsys, tmp_path):  # noqa: F811
    db, code, _pages, _result = dossier
    assert _attach_scan(capsys, db, code, str(tmp_path / "x.png"))[0] == 2
    status, _out, err = run(capsys, "--db", db, "dossier", "attach", code, "--paper", "1", "--as", "canbo",
                            "--password-stdin", stdin=PASSWORD + "\n")
    assert status == 2 and "either FILEs or --scan" in err
    status, _out, err = run(capsys, "--db", db, "dossier", "attach", code, "--paper", "1", str(tmp_path / "x.png"),
                            "--bogus", "--as", "canbo", "--password-stdin", stdin=PASSWORD + "\n")
    assert status == 2 and "unrecognized arguments: --bogus" in err


def test_without_python_sane_scanning_is_refused_in_vietnamese(monkeypatch):
    monkeypatch.setattr(sane_source, "available", lambda: False)
    with pytest.raises(ValidationError, match="chưa cài gói python-sane"):
        sane_source.devices()


def test_a_scan_leaves_a_write_to_a_closed_connection_an_error_not_the_end_of_the_app():
    """SANE's reader threads reset SIGPIPE to "terminate"; the sync writes to sockets a dropped link closes."""
    script = ("import os\n"
              "from counter_app.sane_source import SaneSource\n"
              "with SaneSource('test:0', pages=1) as source:\n"
              "    source.take()\n"
              "read, write = os.pipe()\n"
              "os.close(read)\n"
              "try:\n"
              "    os.write(write, b'x')\n"
              "except BrokenPipeError:\n"
              "    print('still running')\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout) == (0, "still running\n")


@pytest.mark.parametrize(("status", "message"), [
    ("SANE_STATUS_JAMMED", "Giấy bị kẹt trong khay nạp"),
    ("SANE_STATUS_DEVICE_BUSY", "Máy quét đang bận"),
    ("SANE_STATUS_COVER_OPEN", "Nắp máy quét đang mở"),
])
def test_a_scanner_failing_mid_scan_is_named_and_attaches_nothing(dossier, tmp_path, status, message, capsys):  # noqa: F811
    """In a child process: SANE keeps the configuration of its first start for the whole process."""
    db, code, _pages, _result = dossier
    env = {**os.environ, "SANE_CONFIG_DIR": str(scanner_config(tmp_path / "sane", **{"read-status-code": status})),
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "counter_cli", "--db", db, "dossier", "attach", code, "--paper", "1",
                           "--scan", "--device", "test:0", "--as", "canbo", "--password-stdin"],
                          input=PASSWORD + "\n", capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {message}") and "Traceback" not in done.stderr
    assert json.loads(run(capsys, "--db", db, "dossier", "attachments", code, "--json")[1]) == []
