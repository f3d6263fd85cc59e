"""Upload progress in the store, on SQLite and PostgreSQL: it survives a restart, a confirmed file is never
offered again, and files attached after the portal confirmed a dossier queue one update."""
from __future__ import annotations

import random

import pytest
from factories import request
from sync_files_helpers import attach, lose_local_file, pdf_bytes
from sync_helpers import PORTAL_ACCOUNT, configure_portal

from counter_app import attachments, clock, services
from counter_app.attachments import Attachment
from sync import files
from sync.client import PortalClient
from sync.config import get_password
from sync.engine import SyncEngine
from sync.simulator.process import running_simulator

pytestmark = pytest.mark.both_stores
CHUNK = 64 * 1024


def _receive(store, actor, seed: int) -> str:
    return services.receive_dossier(store, actor, request(store, rng=random.Random(seed))).code


def _progress(store, sha: str) -> tuple[int, bool]:
    with store.read() as conn:
        row = conn.execute("SELECT held, confirmed_at FROM portal_files WHERE sha256 = ?", (sha,)).fetchone()
    return row["held"], row["confirmed_at"] is not None


class Chunks:
    """A stop that says "now" after ``limit`` answered chunks: the deadline, as the engine sees it."""

    def __init__(self, limit: int) -> None:
        self.limit, self.answered = limit, 0

    def stop(self) -> bool:
        return self.answered >= self.limit


def _engine(store, config, stop) -> SyncEngine:
    client = PortalClient(config, get_password(config))
    engine = SyncEngine(store, client, stop=stop.stop, chunk_bytes=CHUNK)
    answered = engine.uploader.answered
    engine.uploader.answered = lambda: (setattr(stop, "answered", stop.answered + 1), answered())
    return engine


def test_progress_survives_a_restart_and_the_upload_resumes_without_resending(store, staff_actor, tmp_path):
    code = _receive(store, staff_actor, seed=1)
    data = pdf_bytes(10 * CHUNK + 5, seed=2)
    sha = attach(store, staff_actor, code, data, paper=1)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        config = configure_portal(store, sim.url)
        assert _engine(store, config, Chunks(4)).push_round().confirmed == 0  # stopped between chunks
        held, confirmed = _progress(store, sha)
        assert held == 3 * CHUNK and not confirmed  # the open, then three chunks answered
        assert _engine(store, config, Chunks(1000)).push_round().confirmed == 1  # a new process, same store
        assert _progress(store, sha) == (len(data), True)
        [item] = sim.admin_files()
        assert item["HoanTat"] and item["SoByteDaGhi"] == len(data) and item["BamNoiDung"] == sha


class NoFileCalls:
    def open_file(self, *_args):
        raise AssertionError("a confirmed file was offered again")

    put_chunk = open_file


def test_a_confirmed_file_is_never_offered_again(store, staff_actor):
    code = _receive(store, staff_actor, seed=3)
    sha = attach(store, staff_actor, code, pdf_bytes(1000, seed=4), paper=1)
    with store.write() as conn:
        conn.execute("INSERT INTO portal_files VALUES (?, 1000, 1000, ?)", (sha, clock.to_db(clock.now())))
    uploader = files.FileUploader(store, NoFileCalls())
    assert uploader.upload_all([Attachment("paper", 1, 1, sha, 1000, "application/pdf")])


def test_a_missing_file_is_reported_before_any_call(store, staff_actor):
    code = _receive(store, staff_actor, seed=5)
    sha = attach(store, staff_actor, code, pdf_bytes(1000, seed=6), paper=2)
    lose_local_file(store, sha)
    with pytest.raises(files.FileMissing, match="giấy tờ số 2"):
        files.FileUploader(store, NoFileCalls()).upload_all(attachments.list_attachments(store, code))


def _dossier_rows(store, code: str) -> int:
    with store.read() as conn:
        return conn.execute("SELECT count(*) FROM outbox o JOIN dossiers d ON d.id = o.dossier_id"
                            " WHERE d.code = ? AND o.kind = 'dossier'", (code,)).fetchone()[0]


def test_files_attached_after_the_portal_confirmed_a_dossier_queue_one_update(store, staff_actor):
    sent = _receive(store, staff_actor, seed=7)
    waiting = _receive(store, staff_actor, seed=8)
    with store.write() as conn:  # the portal confirmed the first one: its dossier row left the outbox
        conn.execute("DELETE FROM outbox WHERE kind = 'dossier' AND dossier_id = (SELECT id FROM dossiers"
                     " WHERE code = ?)", (sent,))
        conn.execute("INSERT INTO portal_dossiers SELECT id, ? FROM dossiers WHERE code = ?",
                     (clock.to_db(clock.now()), sent))
    for n, code in enumerate((sent, sent, waiting)):
        attach(store, staff_actor, code, pdf_bytes(500 + n, seed=n), paper=1)
    assert files.queue_updates_for_new_files(store) == 1
    assert _dossier_rows(store, sent) == 1 and _dossier_rows(store, waiting) == 1  # its own row carries them
    assert files.queue_updates_for_new_files(store) == 0  # nothing new since
