"""The admin command line, run in-process: results on stdout, refusals non-zero with nothing written."""
from __future__ import annotations

import gc
import getpass
import io
import json

import pytest
from test_printing_support import has_code

from counter_app import users
from counter_app.models import Role
from counter_app.store import Store
from counter_cli.main import main

pytestmark = pytest.mark.usefixtures("november_2026")  # fixed November 2026 dates: see conftest

PAPERS = ["Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp"]


def run(capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    capsys.readouterr()
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv))
    finally:
        sys.stdin = old
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path, capsys):
    path = str(tmp_path / "c.sqlite3")
    code, _out, err = run(capsys, "--db", path, "init", "--agency-code", "H15.50.05.13", "--agency-name",
                         "Trung tâm Phục vụ hành chính công xã Tân Hòa", "--parent-name", "UBND xã Tân Hòa",
                         "--admin", "admin", "--admin-name", "Nguyễn Văn Quản", "--password-stdin",
                         stdin="matkhau123\n")
    assert code == 0, err
    assert run(capsys, "--db", path, "user", "add", "canbo", "--full-name", "Lê Văn Cán", "--admin", "admin",
               "--password-stdin", stdin=ADMIN_THEN_NEW)[0] == 0
    return path


ADMIN = ("--admin", "admin", "--password-stdin")
ADMIN_PASSWORD = "matkhau123\n"
ADMIN_THEN_NEW = "matkhau123\nmatkhau123\n"  # the admin's password first, then the new account's


def receive(capsys, db: str, batch, *, password: str = "matkhau123") -> tuple[int, str, str]:
    """``dossier receive`` as the clerk canbo, the password given on stdin."""
    return run(capsys, "--db", db, "dossier", "receive", "--from-json", str(batch), "--as", "canbo",
               "--password-stdin", stdin=password + "\n")


def _dossier(**overrides):
    entry = {
        "procedure_code": "1.004194",
        "applicant": {"full_name": "Lê Thị Hồng Đào", "personal_id": "037185000123", "birth_date": "1985-03-02",
                      "sex": "Nữ", "address": "Xóm 3, thôn Đông, xã Tân Hòa", "phone": "0912345678"},
        "papers": PAPERS, "sets": 1, "received_at": "2026-11-20 09:15", "delivery": "counter",
    }
    entry.update(overrides)
    return entry


def _count(db_path: str) -> int:
    with Store(db_path) as store, store.read() as conn:
        return conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]


def test_receive_prints_one_code_per_line_then_show_and_search(db, tmp_path, capsys):
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([_dossier(), _dossier(received_at="2026-11-20 10:00")], ensure_ascii=False))
    code, out, _ = receive(capsys, db, batch)
    assert code == 0
    assert out.split() == ["H15.50.05.13-261120-010001", "H15.50.05.13-261120-010002"]
    code, out, _ = run(capsys, "--db", db, "dossier", "show", "H15.50.05.13-261120-010002", "--json")
    shown = json.loads(out)
    assert shown["applicant"]["full_name"] == "Lê Thị Hồng Đào"
    assert shown["due_at"] == "2026-11-26 10:00:00"
    code, out, _ = run(capsys, "--db", db, "search", "hong dao", "--json")
    assert [r["code"] for r in json.loads(out)] == ["H15.50.05.13-261120-010002", "H15.50.05.13-261120-010001"]


def test_one_bad_dossier_rolls_back_the_whole_batch(db, tmp_path, capsys):
    batch = tmp_path / "batch.json"
    bad = _dossier(applicant={"full_name": "Ai Đó", "personal_id": "0371850001"})
    batch.write_text(json.dumps([_dossier(), bad], ensure_ascii=False))
    code, out, err = receive(capsys, db, batch)
    assert code != 0 and out == ""
    assert "dossier 2" in err and "12 chữ số" in err
    assert _count(db) == 0


def test_due_date_counts_working_days_and_hours(db, capsys):
    code, out, _ = run(capsys, "--db", db, "due-date", "--received", "2026-11-20 16:10", "--days", "3")
    assert (code, out.strip()) == (0, "2026-11-26 16:10")  # 24/11 (Vietnam Culture Day) skipped
    code, out, _ = run(capsys, "--db", db, "due-date", "--received", "2026-11-20 16:00", "--hours", "2")
    assert (code, out.strip()) == (0, "2026-11-23 08:30")
    with pytest.raises(SystemExit) as refused:
        run(capsys, "--db", db, "due-date", "--received", "20/11/2026", "--days", "3")
    assert refused.value.code == 2
    assert "YYYY-MM-DD HH:MM" in capsys.readouterr().err


def test_calendar_override_changes_due_dates(db, capsys):
    assert run(capsys, "--db", db, "calendar", "add-day-off", "2026-11-23", *ADMIN, stdin=ADMIN_PASSWORD)[0] == 0
    _, out, _ = run(capsys, "--db", db, "due-date", "--received", "2026-11-20 16:10", "--days", "3")
    assert out.strip() == "2026-11-27 16:10"
    assert run(capsys, "--db", db, "calendar", "add-workday", "2026-11-21", *ADMIN, stdin=ADMIN_PASSWORD)[0] == 0
    _, out, _ = run(capsys, "--db", db, "due-date", "--received", "2026-11-20 16:10", "--days", "3")
    assert out.strip() == "2026-11-26 16:10"
    _, out, _ = run(capsys, "--db", db, "calendar", "list")
    assert out.split() == ["2026-11-21", "workday", "2026-11-23", "day_off"]


def test_catalog_list_and_refused_init_twice(db, capsys):
    code, out, _ = run(capsys, "--db", db, "catalog", "list", "--json")
    assert code == 0 and len(json.loads(out)) >= 12
    code, _, err = run(capsys, "--db", db, "init", "--agency-code", "X1", "--agency-name", "A", "--parent-name",
                       "B", "--admin", "x", "--admin-name", "X", "--password-stdin", stdin="matkhau123\n")
    assert code != 0 and "already" in err


def test_backup_and_restore(db, tmp_path, capsys):
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([_dossier()], ensure_ascii=False))
    receive(capsys, db, batch)
    code, out, _ = run(capsys, "--db", db, "backup", "--to", str(tmp_path / "bk"))
    backup_file = out.strip()
    assert code == 0
    receive(capsys, db, batch)
    assert _count(db) == 2
    code, out, err = run(capsys, "--db", db, "restore", backup_file)
    assert code != 0 and "older than the live database" in err and _count(db) == 2
    gc.collect()  # the in-process commands above leave their stores to the collector (a real run is a process)
    code, out, err = run(capsys, "--db", db, "restore", backup_file, "--force")
    assert code == 0, err
    assert "1 dossier(s)" in err and _count(db) == 1
    assert run(capsys, "--db", db, "check")[0] == 0


def test_print_receipt_and_daily_log(db, tmp_path, capsys):
    import subprocess

    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([_dossier()], ensure_ascii=False))
    code = receive(capsys, db, batch)[1].strip()
    receipt = tmp_path / "receipt.pdf"
    assert run(capsys, "--db", db, "print", "receipt", code, "-o", str(receipt))[0] == 0
    text = subprocess.run(["pdftotext", str(receipt), "-"], capture_output=True, text=True).stdout
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text and code in text and "Lê Thị Hồng Đào" in text
    log = tmp_path / "log.pdf"
    assert run(capsys, "--db", db, "print", "daily-log", "--date", "2026-11-20", "--staff", "canbo",
               "-o", str(log))[0] == 0
    assert code in subprocess.run(["pdftotext", str(log), "-"], capture_output=True, text=True).stdout
    for scope, heading, listed in ((["--counter", "2"], "Quầy số 02", False), (["--office"], "Toàn bộ phận một cửa", True),
                                   ([], "Quầy số 01", True)):  # this counter's book by default
        assert run(capsys, "--db", db, "print", "daily-log", "--date", "2026-11-20", *scope, "-o", str(log))[0] == 0
        text = subprocess.run(["pdftotext", str(log), "-"], capture_output=True, text=True).stdout
        assert heading in text and (code in text) == listed, scope
    refused, _, err = run(capsys, "--db", db, "print", "refusal", code, "-o", str(tmp_path / "r.pdf"))
    assert refused != 0 and "Từ chối tiếp nhận" in err and not (tmp_path / "r.pdf").exists()


def _usernames(db_path: str) -> list[str]:
    with Store(db_path) as store, store.read() as conn:
        return [r[0] for r in conn.execute("SELECT username FROM users ORDER BY username")]


def test_account_commands_need_an_administrators_password(db, capsys):
    with pytest.raises(SystemExit):  # no --admin: argparse refuses before anything runs
        run(capsys, "--db", db, "user", "add", "mallory", "--full-name", "M", "--role", "admin", "--password-stdin",
            stdin="matkhau123\n")
    code, _, err = run(capsys, "--db", db, "user", "add", "mallory", "--full-name", "M", "--role", "admin", *ADMIN,
                       stdin="doan-thu-xem\nmatkhau123\n")
    assert code != 0 and "không đúng" in err
    code, _, err = run(capsys, "--db", db, "user", "reset-password", "admin", "--admin", "canbo", "--password-stdin",
                       stdin="matkhau123\nmatkhau-moi-1\n")  # the right password of a staff account
    assert code != 0 and "không có quyền" in err
    assert run(capsys, "--db", db, "user", "disable", "canbo", *ADMIN, stdin="doan-thu-xem\n")[0] != 0
    assert run(capsys, "--db", db, "catalog", "import", "/nonexistent.json", *ADMIN, stdin="sai\n")[0] != 0
    assert _usernames(db) == ["admin", "canbo"]
    with Store(db) as store:
        assert users.authenticate(store, "admin", "matkhau123").role is Role.ADMIN  # not reset


def test_admin_commands_audit_the_admin_and_the_os_account(db, capsys):
    """stdin: the admin's password, then the new account's; both land where they belong."""
    code, _, err = run(capsys, "--db", db, "user", "add", "lanhdao", "--full-name", "Trần Thị Lãnh", "--role",
                       "supervisor", *ADMIN, stdin="matkhau123\nmat-khau-lanh-dao\n")
    assert code == 0, err
    with Store(db) as store:
        assert users.authenticate(store, "lanhdao", "mat-khau-lanh-dao").role is Role.SUPERVISOR
        with store.read() as conn:
            row = conn.execute("SELECT username, details FROM audit_log WHERE action = 'user.create'"
                               " AND entity_id = 'lanhdao'").fetchone()
    assert row["username"] == "admin"
    assert json.loads(row["details"])["origin"] == {"via": "cli", "os_account": getpass.getuser()}


def test_password_stdin_says_which_line_is_missing(db, capsys):
    code, _, err = run(capsys, "--db", db, "user", "disable", "canbo", *ADMIN, stdin="")
    assert code != 0 and "stdin ended" in err and "admin" in err
    assert _usernames(db) == ["admin", "canbo"]


def test_receive_as_a_user_needs_their_password_and_respects_lockout_and_disabling(db, tmp_path, capsys):
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([_dossier()], ensure_ascii=False))
    unknown = run(capsys, "--db", db, "dossier", "receive", "--from-json", str(batch), "--as", "khongco",
                  "--password-stdin", stdin="matkhau123\n")
    assert unknown[0] != 0 and unknown[2] == receive(capsys, db, batch, password="doan-thu-xem")[2]
    for _ in range(4):
        code, out, err = receive(capsys, db, batch, password="doan-thu-xem")
        assert code != 0 and out == "" and "không đúng" in err
    code, _, err = receive(capsys, db, batch)  # the right password, but the account is locked now
    assert code != 0 and "không đúng" in err
    assert _count(db) == 0
    assert run(capsys, "--db", db, "user", "reset-password", "canbo", *ADMIN, stdin=ADMIN_THEN_NEW)[0] == 0
    assert receive(capsys, db, batch)[0] == 0  # unlocked by the reset
    assert run(capsys, "--db", db, "user", "disable", "canbo", *ADMIN, stdin=ADMIN_PASSWORD)[0] == 0
    code, _, err = receive(capsys, db, batch)
    assert code != 0 and "không đúng" in err
    assert _count(db) == 1


def test_init_is_closed_once_an_account_exists_and_writes_nothing_when_refused(tmp_path, capsys):
    path = str(tmp_path / "new.sqlite3")

    def init(admin: str, password: str) -> tuple[int, str, str]:
        return run(capsys, "--db", path, "init", "--agency-code", "H15.50.05.13", "--agency-name", "A",
                   "--parent-name", "B", "--admin", admin, "--admin-name", "Quản Trị", "--password-stdin",
                   stdin=password + "\n")

    code, _, err = init("admin", "ngan")  # too short: neither the office nor the admin is written
    assert code != 0 and "ít nhất 8" in err
    with Store(path) as store, store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM office").fetchone()[0] == 0
    assert init("admin", "matkhau123")[0] == 0  # so set-up can simply be run again
    code, _, err = init("mallory", "matkhau123")
    assert code != 0 and "already initialised" in err
    assert _usernames(path) == ["admin"]


def test_fee_receipt_and_fee_ledger(db, tmp_path, capsys):
    """The receipt carries its own series' number; the day's Sổ thu lists it with the clerk's total."""
    import subprocess

    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([_dossier()], ensure_ascii=False))
    code = receive(capsys, db, batch)[1].strip()
    receipt, ledger = tmp_path / "fee.pdf", tmp_path / "ledger.pdf"
    assert run(capsys, "--db", db, "print", "fee", code, "-o", str(receipt))[0] == 0
    text = " ".join(subprocess.run(["pdftotext", str(receipt), "-"], capture_output=True, text=True).stdout.split())
    assert "Quyển số: 01/2026 Số: 0000001" in text
    assert run(capsys, "--db", db, "print", "fee-ledger", "--date", "2026-11-20", "--staff", "canbo",
               "-o", str(ledger))[0] == 0
    text = " ".join(subprocess.run(["pdftotext", str(ledger), "-"], capture_output=True, text=True).stdout.split())
    assert "SỔ THU PHÍ, LỆ PHÍ" in text and has_code(text, code) and "0000001" in text
    assert "Cộng Lê Văn Cán" in text and "Tổng cộng 1" in text and "15.000 đ" in text
