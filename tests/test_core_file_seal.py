"""Attached files sealed under the database's key: opened only by it, bound to their name, and told from plain ones."""
from __future__ import annotations

import secrets

from factories import add_users, make_store, request
from hypothesis import given
from hypothesis import strategies as st
from scans import pdf_of_pages
from test_core_cli import run

from counter_app import attachment_files, maintenance, services
from counter_app.attachment_files import attachments_dir, content_path, digest_of
from counter_app.attachments import attach_pdf, folder_of, read_content
from counter_app.file_seal import HEADER_BYTES, Seal, is_sealed
from counter_app.store import Store

KEY, OTHER_KEY = secrets.token_hex(32), secrets.token_hex(32)


@given(st.binary(max_size=4096))
def test_a_sealed_file_opens_to_its_bytes_under_its_key_only(data):
    name = digest_of(data)
    sealed = Seal([KEY]).close(data, name)
    assert is_sealed(sealed) and len(sealed) > len(data)
    assert Seal([KEY]).open(sealed, name) == data
    assert Seal([OTHER_KEY]).open(sealed, name) is None
    assert Seal([OTHER_KEY, KEY]).open(sealed, name) == data  # the key before a rotation still opens it


def test_an_edited_or_renamed_file_does_not_open():
    data = pdf_of_pages(1)
    sealed = Seal([KEY]).close(data, digest_of(data))
    flipped = bytearray(sealed)
    flipped[-20] ^= 1
    assert Seal([KEY]).open(bytes(flipped), digest_of(data)) is None
    assert Seal([KEY]).open(sealed, digest_of(b"another file")) is None  # swapped for another file's name


def test_a_plain_file_reads_as_it_is_and_is_not_current():
    data = pdf_of_pages(1)
    seal = Seal([KEY])
    assert seal.open(data, digest_of(data)) == data
    assert not seal.current(data[:HEADER_BYTES])
    assert seal.current(seal.close(data, digest_of(data)))
    assert not Seal([OTHER_KEY, KEY]).current(seal.close(data, digest_of(data)))


def test_further_keys_are_asked_once_and_only_for_a_file_under_none_of_the_known_ones():
    data = b"%PDF-1.7 scan"
    asked: list[int] = []

    def more() -> list[str]:
        asked.append(1)
        return [OTHER_KEY]

    seal = Seal([KEY], more)
    assert seal.open(seal.close(data, "n"), "n") == data and asked == []
    older = Seal([OTHER_KEY]).close(data, "n")
    assert seal.open(older, "n") == data and seal.open(older, "n") == data and asked == [1]


def test_check_names_a_plain_file_in_an_encrypted_store_and_a_backup_seals_its_folders_copy(tmp_path, capsys):
    db = tmp_path / "a.sqlite3"
    store = make_store(db)  # encrypted (conftest's key)
    staff = add_users(store)["staff"]
    code = services.receive_dossier(store, staff, request(store)).code
    data = pdf_of_pages(2)
    attach_pdf(store, staff, code, data, paper=1)
    stored = content_path(attachments_dir(db), digest_of(data))
    assert is_sealed(stored.read_bytes())
    stored.write_bytes(data)  # as a store encrypted after this file was attached would hold it
    backups = tmp_path / "usb"
    (backups / maintenance.BACKUP_FILES / stored.parent.name).mkdir(parents=True)
    in_backup = backups / maintenance.BACKUP_FILES / stored.parent.name / stored.name
    in_backup.write_bytes(data)  # left by a backup taken before the database was encrypted
    assert read_content(store, digest_of(data)) == data
    store.close()

    status, _out, err = run(capsys, "--db", str(db), "check")
    assert status == 1 and "1 attached file(s) are not encrypted under the database's key" in err
    assert code not in err  # the finding is a count: no dossier is named for a sound file

    with Store(db) as reopened:
        name = maintenance.backup(reopened, backups)
        assert attachment_files.reseal(folder_of(reopened)) == 1  # what key rotate does to the live folder
        assert read_content(reopened, digest_of(data)) == data
    assert is_sealed(in_backup.read_bytes()) and is_sealed(stored.read_bytes())
    assert run(capsys, "--db", str(db), "check")[0] == 0
    assert run(capsys, "--db", str(name), "check")[0] == 0

