"""A capture killed (SIGKILL) at any point leaves no row without its file, and ``check`` reports every file
without a row. The child process says where it stopped on its stdout and waits; it is killed only then."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from factories import TESTS_DIR, request
from test_core_cli import run

from counter_app import services
from counter_app.attachment_files import referenced_digests
from counter_app.attachments import contents_in, read_content

pytestmark = pytest.mark.both_stores

CHILD = """
import sys
sys.path.insert(0, {tests!r})
from counter_app import attachments, audit, safe_files
from counter_app.store import Store
from factories import actors_of
from scans import pdf_of_pages

def pause(here):
    if here == {point!r}:
        print(here, flush=True)
        sys.stdin.read()  # the test kills this process here

write_private, contents_in, append = safe_files.write_private, attachments.contents_in, audit.append

def half_then_whole(path, data):  # a folder's file: killed with half of it written under its temporary name
    with safe_files.atomic_target(path) as temp:
        temp.write_bytes(data[: len(data) // 2])
        pause("half written")
        temp.write_bytes(data)

def paused_contents(store, conn):  # the file stored, its row not yet written
    contents = contents_in(store, conn)
    put = contents.put
    def paused_put(data):
        digest = put(data)
        pause("stored")
        return digest
    contents.put = paused_put
    return contents

def paused_append(conn, **record):  # the row and its audit record written, not committed
    append(conn, **record)
    pause("row written")

safe_files.write_private, attachments.contents_in, audit.append = half_then_whole, paused_contents, paused_append
store = Store({db!r})
attachments.attach_pdf(store, actors_of(store)["staff"], {code!r}, pdf_of_pages({pages}), paper=None)
pause("committed")
"""


def _kill_at(point: str, *, db: str, code: str, pages: int) -> None:
    script = CHILD.format(tests=TESTS_DIR, point=point, db=db, code=code, pages=pages)
    child = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        reached = child.stdout.readline().strip()  # type: ignore[union-attr]
        os.kill(child.pid, signal.SIGKILL)
        _out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert reached == point, err
    assert child.returncode == -signal.SIGKILL


def _state(store) -> tuple[set[str], set[str]]:
    """The files the rows refer to, and the files stored."""
    with store.read() as conn:
        return referenced_digests(conn), contents_in(store, conn).present()


def test_a_capture_killed_anywhere_leaves_no_row_without_its_file_and_check_names_every_orphan(store, capsys):
    code = services.receive_dossier(store, store.test_actors["staff"], request(store)).code
    points = ["stored", "row written", "committed"]
    if store.path is not None:
        points.insert(0, "half written")
    for pages, point in enumerate(points, start=1):  # a different file each time
        before, _ = _state(store)
        _kill_at(point, db=str(store.target), code=code, pages=pages)
        referenced, present = _state(store)
        new = referenced - before
        assert all(read_content(store, digest) is not None for digest in referenced), point  # no row without its file
        assert len(new) == (point == "committed"), point
        orphans = present - referenced
        status, _out, err = run(capsys, "--db", str(store.target), "check")
        assert status == (1 if orphans else 0), (point, err)
        for digest in orphans:
            assert f"attachment file {digest[:12]} belongs to no dossier" in err, point
        assert "of dossier" not in err  # nothing missing or altered
    # a folder keeps the files of the killed captures (reported above); the office's transaction kept neither
    assert len(present - referenced) == (2 if store.path is not None else 0)
