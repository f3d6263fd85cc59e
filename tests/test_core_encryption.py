"""Encryption at rest (issue 10): the store, its WAL and its backups are SQLCipher files; the key
lives in the keyring (or, warned, a key file), opens every copy, survives a new machine through
the recovery sheet, and can be rotated without a moment where no kept key opens a file.

The rest of the suite runs with ``COUNTER_DB_KEY`` (conftest); these tests unset it to go through
the keyring (the in-memory one of conftest) and the key file.
"""
from __future__ import annotations

import io
import json
import random
import shutil
import stat
from pathlib import Path

import keyring
import pytest
from factories import PASSWORD, TEST_OFFICE, actors_of, add_users, make_store, request
from pypdf import PdfReader
from reportlab.pdfgen import canvas
from test_core_cli import run

from counter_app import attachments, backup_pages, db_check, encryption, maintenance, office, services
from counter_app.attachment_files import attachments_dir, content_path
from counter_app.db import keys as db_keys
from counter_app.db import sqlite_driver
from counter_app.db.sqlite import connect_file
from counter_app.file_seal import Seal
from counter_app.paths import default_backup_dir, open_store
from counter_app.restore import restore
from counter_app.store import Store

CITIZEN_NAME = "Hoàng Thị Xuân Quỳnh"
CITIZEN_ID = "037185000123"
CITIZEN_PHONE = "0912345678"
CITIZEN_STREET = "Số 17 ngõ Trúc Lạc"


@pytest.fixture(autouse=True)
def _keys_kept_on_this_machine(monkeypatch):
    monkeypatch.delenv(db_keys.KEY_ENV, raising=False)


def _receive_citizen(store: Store) -> str:
    staff = add_users(store)["staff"]
    base = request(store, rng=random.Random(3))
    applicant = base.applicant.__class__(**{**base.applicant.__dict__, "full_name": CITIZEN_NAME,
                                            "personal_id": CITIZEN_ID, "phone": CITIZEN_PHONE,
                                            "address": f"{CITIZEN_STREET}, xã Yên Thành, tỉnh Ninh Bình",
                                            "birth_date": base.applicant.birth_date.replace(year=1985),
                                            "sex": "female"})
    code = services.receive_dossier(store, staff, services.ReceiveRequest(
        **{**base.__dict__, "applicant": applicant})).code
    attachments.attach_pdf(store, staff, code, _scan_of_the_id_card(), paper=1)
    return code


def _scan_of_the_id_card() -> bytes:
    """A PDF whose text (uncompressed) holds the citizen's ID number in clear, as a scan's OCR layer would."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pageCompression=0, invariant=1)  # the same bytes each time
    page.drawString(72, 720, f"CAN CUOC {CITIZEN_ID} {CITIZEN_PHONE}")
    page.save()
    return out.getvalue()


def _attached_file(store: Store) -> Path:
    with store.read() as conn:
        digest = conn.execute("SELECT sha256 FROM dossier_attachments").fetchone()[0]
    return content_path(attachments_dir(store.path), digest)


def _opens_with(file: Path, key: str) -> bool:
    return Seal([key]).open(file.read_bytes(), file.name) == _scan_of_the_id_card()


def _personal_data_in(path: Path) -> list[str]:
    data = path.read_bytes()
    needles = [CITIZEN_ID, CITIZEN_PHONE, CITIZEN_NAME, CITIZEN_STREET, "hoang thi xuan quynh", "037185"]
    return [needle for needle in needles if needle.encode() in data]


def _encrypted_store(path: Path) -> tuple[Store, str]:
    store = make_store(path)
    return store, _receive_citizen(store)


def test_a_new_database_is_encrypted_with_a_key_kept_in_the_keyring(tmp_path):
    store, _code = _encrypted_store(tmp_path / "counter.sqlite3")
    assert store.key is not None and store.key.source is db_keys.KeyStore.KEYRING
    store.close()
    assert not sqlite_driver.is_plain(tmp_path / "counter.sqlite3")
    assert keyring.get_password(db_keys.KEYRING_SERVICE, str((tmp_path / "counter.sqlite3").resolve()))
    assert not db_keys.key_folder().exists() or not any(db_keys.key_folder().iterdir())


def test_no_file_the_app_writes_holds_a_citizens_data_in_clear(tmp_path, capsys):
    """The database, its WAL, backups, safety copies, the log and the key folder: nothing greps out.

    The receipt PDF carries the citizen's name by design (the citizen takes it home): it is owner-only.
    """
    db = tmp_path / "office" / "counter.sqlite3"
    store, code = _encrypted_store(db)
    maintenance.backup(store, default_backup_dir(db), own_folder=True)
    store.close()
    for argv in (("check",), ("search", "quynh"), ("dossier", "show", code), ("backup",),
                 ("print", "receipt", code, "-o", str(tmp_path / "office" / "receipt.pdf"))):
        assert run(capsys, "--db", str(db), *argv)[0] == 0, argv
    with Store(db) as live:  # a WAL with the latest writes in it, the database still open
        services.record_result_ready(live, actors_of(live)["supervisor"], code)
        written = [p for p in (tmp_path, db_keys.key_folder()) for p in p.rglob("*") if p.is_file()]
        assert any(p.name.endswith("-wal") for p in written) and any("backups" in p.parts for p in written)
        assert any(p.name == "counter-app.log" for p in written)
        for path in written:
            if path.suffix == ".pdf":
                assert stat.S_IMODE(path.stat().st_mode) == 0o600
                continue
            assert _personal_data_in(path) == [], path


def test_a_copy_elsewhere_without_its_key_or_with_a_wrong_key_gives_a_clear_message(tmp_path, capsys, monkeypatch):
    store, _ = _encrypted_store(tmp_path / "counter.sqlite3")
    store.close()
    moved = Path(shutil.copy(tmp_path / "counter.sqlite3", tmp_path / "moved.sqlite3"))
    with pytest.raises(db_keys.KeyUnavailable, match="key import"):
        Store(moved)
    monkeypatch.setenv(db_keys.KEY_ENV, "ab" * 32)
    code, out, err = run(capsys, "--db", str(moved), "dossier", "list")
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert "none of the keys" in err and "Traceback" not in err
    assert "the key" in db_check.file_problems(moved)[0]
    monkeypatch.setenv(db_keys.KEY_ENV, "not-a-key")
    assert run(capsys, "--db", str(moved), "dossier", "list")[2].startswith("error: COUNTER_DB_KEY is not a database key")


def test_without_a_keyring_the_key_goes_to_an_owner_only_file_and_init_warns(tmp_path, capsys, monkeypatch):
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())
    db = tmp_path / "data" / "counter.sqlite3"
    code, _, err = run(capsys, "--db", str(db), "init", "--agency-code", "H26.49.09", "--agency-name", "Trung tâm",
                       "--parent-name", "UBND xã", "--admin", "admin", "--admin-name", "Nguyễn Văn An",
                       "--password-stdin", stdin=f"{PASSWORD}\n")
    assert code == 0
    assert "warning: no OS keyring" in err and str(db_keys.key_file(db)) in err
    key_file = db_keys.key_file(db)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert db.parent not in key_file.parents  # never beside the data it opens
    with Store(db) as store:
        assert store.key is not None and store.key.source is db_keys.KeyStore.FILE
    assert not sqlite_driver.is_plain(db)


def test_the_recovery_sheet_carries_the_key_and_opens_the_data_on_a_new_machine(tmp_path, capsys):
    db = tmp_path / "counter.sqlite3"
    store, code = _encrypted_store(db)
    key = store.key.value  # type: ignore[union-attr]
    store.close()
    sheet = tmp_path / "sheet.pdf"
    assert run(capsys, "--db", str(db), "key", "sheet", "--out", str(sheet), "--admin", "admin",
               "--password-stdin", stdin=f"{PASSWORD}\n")[0] == 0
    text = "".join(page.extract_text() for page in PdfReader(sheet).pages)
    printed = [line for line in text.splitlines() if len(line.replace(" ", "")) == 32]
    assert "".join(printed).replace(" ", "") == key

    new_machine = tmp_path / "new-machine" / "counter.sqlite3"
    new_machine.parent.mkdir()
    shutil.copy(db, new_machine)
    wrong = "0" * 64
    code_wrong, _, err = run(capsys, "--db", str(new_machine), "key", "import", "--key-stdin", stdin=wrong + "\n")
    assert code_wrong == 2 and "does not open" in err and db_keys.candidates(new_machine) == []
    typed = " ".join(printed).upper()  # as read off the paper: groups, spaces, capitals
    assert run(capsys, "--db", str(new_machine), "key", "import", "--key-stdin", stdin=typed + "\n")[0] == 0
    assert run(capsys, "--db", str(new_machine), "dossier", "show", code)[0] == 0


def _files_and_counts(db: Path) -> dict[Path, int]:
    counts = {}
    keys = db_keys.candidates(db)  # a backup opens with its database's key
    for path in (db, *encryption.copies_of(db)):
        with backup_pages.readable(path) as file:  # a deduplicated backup as the file it stands for
            conn = connect_file(file, keys, read_only="immutable")
            try:
                counts[path] = conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
            finally:
                conn.close()
    return counts


def test_rotation_puts_the_database_and_every_backup_under_a_new_key(tmp_path, capsys):
    db = tmp_path / "counter.sqlite3"
    store, _ = _encrypted_store(db)
    maintenance.backup(store, default_backup_dir(db), own_folder=True)
    old = store.key.value  # type: ignore[union-attr]
    scan = _attached_file(store)
    store.close()
    backup_scan = default_backup_dir(db) / maintenance.BACKUP_FILES / scan.parent.name / scan.name
    assert _opens_with(scan, old) and _opens_with(backup_scan, old)
    before = _files_and_counts(db)
    assert len(before) == 2
    status, out, _ = run(capsys, "--db", str(db), "key", "rotate", "--admin", "admin", "--password-stdin",
                         stdin=f"{PASSWORD}\n")
    assert status == 0 and "2 database file(s) and 2 attached file(s) now under the new key" in out
    kept = db_keys.candidates(db)
    assert [k.value != old for k in kept] == [True]  # the new key only: the previous one is forgotten
    assert _files_and_counts(db) == before  # every file opens with the new key
    for file in (scan, backup_scan):  # the scans too: the old recovery sheet opens none of them
        assert _opens_with(file, kept[0].value) and not _opens_with(file, old)
    for path in before:
        with backup_pages.readable(path) as file:
            conn = sqlite_driver.connect(file, old)
            assert not sqlite_driver.key_fits(conn)
            conn.close()
    with Store(db) as reopened, reopened.read() as conn:
        assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'database.key_rotate'").fetchone()[0] == 1


def test_a_rotation_killed_halfway_leaves_every_file_opened_by_a_kept_key(tmp_path, monkeypatch):
    db = tmp_path / "counter.sqlite3"
    store, code = _encrypted_store(db)
    maintenance.backup(store, default_backup_dir(db), own_folder=True)
    store.close()
    before = _files_and_counts(db)
    real = encryption.rekey_file
    done: list[Path] = []

    def dies_after_the_first(path, old, new):  # type: ignore[no-untyped-def]
        if done:
            raise KeyboardInterrupt  # the power goes
        real(path, old, new)
        done.append(path)

    monkeypatch.setattr(encryption, "rekey_file", dies_after_the_first)
    with pytest.raises(KeyboardInterrupt):
        encryption.rotate(db)
    assert len(db_keys.candidates(db)) == 2  # the new key and the previous one, both kept
    assert _files_and_counts(db) == before  # the live file under the new key, the backup under the old
    with Store(db) as halfway:  # the scans are still under the old key, which the store still finds
        assert [attachments.read_content(halfway, item.sha256) for item in attachments.list_attachments(halfway, code)
                ] == [_scan_of_the_id_card()]
        scan = _attached_file(halfway)
    monkeypatch.setattr(encryption, "rekey_file", real)
    encryption.rotate(db)
    assert len(db_keys.candidates(db)) == 1 and _files_and_counts(db) == before
    assert _opens_with(scan, db_keys.candidates(db)[0].value)


def test_a_plain_database_from_before_encryption_is_encrypted_with_its_backups(tmp_path, capsys):
    db = tmp_path / "counter.sqlite3"
    store = open_store(db, key_choice=db_keys.KeyChoice.NONE)
    office.save_office(store, TEST_OFFICE, by=None)
    _receive_citizen(store)
    maintenance.backup(store, default_backup_dir(db), own_folder=True)
    scan = _attached_file(store)
    store.close()
    backup_scan = default_backup_dir(db) / maintenance.BACKUP_FILES / scan.parent.name / scan.name
    assert _personal_data_in(scan) and _personal_data_in(backup_scan)  # a plain database's files are plain
    assert sqlite_driver.is_plain(db)
    assert "NOT encrypted" in run(capsys, "--db", str(db), "key", "status")[1]
    before = _files_and_counts(db)
    assert run(capsys, "--db", str(db), "key", "encrypt", "--admin", "admin", "--password-stdin",
               stdin=f"{PASSWORD}\n")[0] == 0
    assert _files_and_counts(db) == before
    for path in before:
        with backup_pages.readable(path) as file:
            assert not sqlite_driver.is_plain(file) and _personal_data_in(file) == [], path
    # The deduplicated backups' page store kept no plain page, not even in its free space.
    assert _personal_data_in(backup_pages.repo_path(default_backup_dir(db))) == []
    key = db_keys.candidates(db)[0].value
    assert _personal_data_in(scan) == [] and _opens_with(scan, key)
    assert _personal_data_in(backup_scan) == [] and _opens_with(backup_scan, key)
    assert db_check.file_problems(db) == [] and run(capsys, "--db", str(db), "check")[0] == 0
    assert run(capsys, "--db", str(db), "key", "encrypt", "--admin", "admin", "--password-stdin",
               stdin=f"{PASSWORD}\n")[0] == 2  # already encrypted: refused, nothing changed


def test_restoring_a_plain_backup_keeps_the_live_database_encrypted(tmp_path):
    plain = tmp_path / "old" / "counter.sqlite3"
    store = open_store(plain, key_choice=db_keys.KeyChoice.NONE)
    office.save_office(store, TEST_OFFICE, by=None)
    _receive_citizen(store)
    plain_backup = maintenance.backup(store, tmp_path / "old-backups")
    store.close()

    live = tmp_path / "live" / "counter.sqlite3"
    make_store(live).close()
    restore(live, plain_backup, force=True)
    assert not sqlite_driver.is_plain(live) and _personal_data_in(live) == []
    with Store(live) as restored, restored.read() as conn:
        assert conn.execute("SELECT count(*) FROM dossiers").fetchone()[0] == 1
        scan = _attached_file(restored)  # brought back from the plain backup's folder, sealed on the way
        assert _personal_data_in(scan) == [] and _opens_with(scan, restored.key.value)  # type: ignore[union-attr]


def test_an_encrypted_backup_restores_over_its_database(tmp_path):
    db = tmp_path / "counter.sqlite3"
    store, _ = _encrypted_store(db)
    backup = maintenance.backup(store, default_backup_dir(db), own_folder=True)
    services.receive_dossier(store, actors_of(store)["supervisor"], request(store, rng=random.Random(8)))
    store.close()
    result = restore(db, backup, force=True)
    assert result.loss.dossiers == 1
    with Store(db) as restored, restored.read() as conn:
        assert conn.execute("SELECT count(*) FROM dossiers").fetchone()[0] == 1
    assert not sqlite_driver.is_plain(result.aside)


def test_the_key_never_reaches_the_audit_log(tmp_path, capsys):
    db = tmp_path / "counter.sqlite3"
    store, _ = _encrypted_store(db)
    key = store.key.value  # type: ignore[union-attr]
    store.close()
    run(capsys, "--db", str(db), "key", "sheet", "--out", str(tmp_path / "s.pdf"), "--admin", "admin",
        "--password-stdin", stdin=f"{PASSWORD}\n")
    with Store(db) as reopened, reopened.read() as conn:
        details = [json.loads(r[0] or "{}") for r in conn.execute("SELECT details FROM audit_log")]
    assert any(r for r in details) and key not in json.dumps(details)
