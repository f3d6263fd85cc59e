"""The same attachments on either store: a folder beside the SQLite file, the office database's own table."""
from __future__ import annotations

import pytest
from factories import request
from scans import page_widths, pdf_of_pages, scanned_pages
from test_core_cli import run

from counter_app import services
from counter_app.attachment_files import attachments_dir, content_path, digest_of
from counter_app.attachments import attach_pages, attach_pdf, contents_in, list_attachments, read_content
from counter_app.page_pdf import Page

pytestmark = pytest.mark.both_stores


def _check(capsys, store) -> tuple[int, str, str]:
    return run(capsys, "--db", str(store.target), "check")


def _lose(store, digest: str) -> None:
    """Delete a stored file: the file of a SQLite store, the row of the office's table."""
    if store.path is None:
        with store.write() as conn:
            conn.execute("DELETE FROM attachment_contents WHERE sha256 = ?", (digest,))
    else:
        content_path(attachments_dir(store.path), digest).unlink()


def _alter(store, digest: str) -> None:
    """Change a stored file's bytes behind the application's back."""
    if store.path is None:
        with store.write() as conn:
            conn.execute("UPDATE attachment_contents SET content = ? WHERE sha256 = ?", (b"%PDF-1.7 edited", digest))
    else:
        content_path(attachments_dir(store.path), digest).write_bytes(b"%PDF-1.7 edited")


def _stored(store) -> set[str]:
    with store.read() as conn:
        return contents_in(store, conn).present()


def test_attached_files_are_stored_once_listed_read_back_and_checked(store, tmp_path, capsys):
    staff = store.test_actors["staff"]
    code = services.receive_dossier(store, staff, request(store)).code
    paper = attach_pages(store, staff, code, [Page(p) for p in scanned_pages(tmp_path, 3)], paper=1)
    result = attach_pdf(store, staff, code, pdf_of_pages(2), paper=None)
    again = attach_pdf(store, staff, code, pdf_of_pages(2), paper=None)  # the same bytes captured twice

    assert list_attachments(store, code) == [paper, result, again]
    assert (result.seq, again.seq, again.sha256) == (1, 2, result.sha256)
    assert _stored(store) == {paper.sha256, result.sha256}  # stored once
    assert page_widths(read_content(store, paper.sha256)) == [110, 120, 130]  # the three scans, in order
    assert digest_of(read_content(store, result.sha256)) == result.sha256
    assert read_content(store, "ab" * 32) is None
    assert _check(capsys, store) == (0, "ok\n", "")

    _lose(store, paper.sha256)
    _alter(store, result.sha256)
    assert read_content(store, paper.sha256) is None and read_content(store, result.sha256) is None
    status, _out, err = _check(capsys, store)
    assert status == 1
    assert f"attachment {paper.sha256[:12]} of dossier {code} is missing" in err
    assert f"attachment {result.sha256[:12]} of dossier {code} was altered" in err
    assert "belongs to no dossier" not in err


def test_a_capture_again_mends_an_altered_copy_and_a_file_without_a_row_is_reported(store, capsys):
    staff = store.test_actors["staff"]
    code = services.receive_dossier(store, staff, request(store)).code
    result = attach_pdf(store, staff, code, pdf_of_pages(1), paper=None)
    _alter(store, result.sha256)
    attach_pdf(store, staff, code, pdf_of_pages(1), paper=None)
    assert digest_of(read_content(store, result.sha256)) == result.sha256
    with store.write() as conn:  # stored, then the transaction that would add its row never commits
        orphan = contents_in(store, conn).put(b"%PDF-1.7 interrupted")
    status, _out, err = _check(capsys, store)
    assert status == 1 and f"attachment file {orphan[:12]} belongs to no dossier" in err
    assert "of dossier" not in err
