"""Attached files to the portal: each uploaded once, whole and hash-checked, before a record names it.

Why resumable and keyed by hash (``contract.md``, "Attached files"): a 20 MB scan over a link that
drops half its answers must still arrive exactly once. The portal holds a file once under its
SHA-256 and answers every call with how much of it it holds, so a chunk resent after a lost
answer is harmless and a new run resumes where the portal is. ``portal_files`` keeps what the
portal last said; a file it confirmed whole is never sent again.

Files are read only through ``counter_app.attachments.read_content`` (which checks the hash):
where they live is that module's business.
"""
from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from counter_app import attachments, clock
from counter_app.attachments import Attachment
from counter_app.store import Store

from . import contract
from .client import FileState, PortalClient
from .errors import PortalUnavailable, SyncError

# Settings key: the highest dossier_attachments id already looked at for dossiers the portal holds.
ATTACHMENT_MARK_KEY = "portal_attachment_mark"
# "07"/"08" answers in a row for one file before the engine gives up on it for this round.
MAX_RESTARTS = 3
# Lost answers in a row on one file call before the round gives up (the rows then wait their backoff).
MAX_TRIES = 6


class FileMissing(SyncError):
    """A file a dossier's record would name is missing or altered on this computer: that dossier waits."""

    def __init__(self, attachment: Attachment) -> None:
        what = "kết quả" if attachment.paper is None else f"giấy tờ số {attachment.paper}"
        super().__init__(f"Tệp đính kèm của {what} (mã {attachment.sha256[:12]}) bị thiếu hoặc đã bị thay đổi trên "
                         "máy này: hồ sơ chưa được gửi. Hãy khôi phục tệp từ bản sao lưu (lệnh check chỉ ra tệp "
                         "nào), rồi gửi lại bản ghi.")


@dataclass(frozen=True)
class Progress:
    """What this database knows of one file's upload."""

    sha256: str
    bytes: int
    held: int
    confirmed: bool


def attachments_of(store: Store, dossier_ids: Iterable[int]) -> dict[int, list[Attachment]]:
    """The attached files of each dossier (``attachments.current_of``, the owner's query), by dossier id.

    Only the current copies: a withdrawn file is neither uploaded nor named (``contract.md``).
    One query for the whole batch: the office's server answers each over the network.
    """
    ids = sorted(set(dossier_ids))
    with store.read() as conn:
        return attachments.current_of(conn, ids)


def progress_of(store: Store, hashes: Iterable[str]) -> dict[str, Progress]:
    wanted = sorted(set(hashes))
    if not wanted:
        return {}
    with store.read() as conn:
        rows = conn.execute(f"SELECT * FROM portal_files WHERE sha256 IN ({','.join('?' * len(wanted))})",
                            wanted).fetchall()
    return {r["sha256"]: Progress(r["sha256"], r["bytes"], r["held"], r["confirmed_at"] is not None) for r in rows}


def forget_in(conn: sqlite3.Connection, hashes: Iterable[str]) -> None:
    """The portal says it does not hold these files whole after all ("09"): upload them again."""
    wanted = sorted(set(hashes))
    if wanted:
        conn.execute(f"UPDATE portal_files SET confirmed_at = NULL WHERE sha256 IN ({','.join('?' * len(wanted))})",
                     wanted)


def queue_updates_for_new_files(store: Store) -> int:
    """Queue an update record for each dossier the portal holds that got files since it was last sent.

    Attaching a file writes no outbox row (``attachments`` knows nothing of the portal); a
    result scanned at "Đã có kết quả" must still reach the portal. Walks only the attachment
    rows added since the last run (a mark in ``settings``), in a write transaction so that no
    attach in flight can commit a lower id after the mark moved. A dossier with a dossier row
    still queued needs none: that row is built from its current files when it goes.
    """
    with store.write() as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (ATTACHMENT_MARK_KEY,)).fetchone()
        mark = int(row["value"]) if row else 0
        top = int(conn.execute("SELECT coalesce(max(id), 0) FROM dossier_attachments").fetchone()[0])
        if top <= mark:
            return 0
        queued = conn.execute(
            "INSERT INTO outbox (dossier_id, kind, created_at)"
            " SELECT DISTINCT a.dossier_id, 'dossier', ? FROM dossier_attachments a"
            " JOIN portal_dossiers p ON p.dossier_id = a.dossier_id"
            " WHERE a.id > ? AND a.id <= ?"
            " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dossier_id = a.dossier_id AND o.kind = 'dossier')",
            (clock.to_db(clock.now()), mark, top)).rowcount
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (ATTACHMENT_MARK_KEY, str(top)))
    return max(queued, 0)


class FileUploader:
    """Uploads files chunk by chunk, recording after each answer how much the portal holds.

    ``stop`` is asked between chunks (the run's deadline, the window closing); ``answered`` is
    called after every answer, so the engine can tell a link that loses some requests while the
    upload moves on from a portal that fails request after request. A call whose answer is lost
    is repeated in place, at once the first time (unless the portal asked for a wait), then after
    ``pause(tries, retry_after)`` (the engine's backoff): repeating a chunk is harmless, and its
    answer says where the portal is, so a link that drops half the answers costs a repeat per
    drop, not a new round per drop. ``MAX_TRIES`` lost in a row end the round like any failed
    request.
    """

    def __init__(self, store: Store, client: PortalClient, *, chunk_bytes: int = contract.CHUNK_BYTES,
                 stop: Callable[[], bool] = lambda: False, answered: Callable[[], None] = lambda: None,
                 pause: Callable[[int, float | None], None] = lambda _tries, _retry_after: None) -> None:
        if not 1 <= chunk_bytes <= contract.MAX_CHUNK_BYTES:
            raise ValueError("chunk size out of the contract's range")
        self.store = store
        self.client = client
        self.chunk_bytes = chunk_bytes
        self.stop = stop
        self.answered = answered
        self.pause = pause

    def upload_all(self, files: Iterable[Attachment]) -> bool:
        """Make sure the portal holds each file whole; False when stopped first. Raises FileMissing, portal errors."""
        pending = {a.sha256: a for a in files}
        confirmed = {sha for sha, p in progress_of(self.store, pending).items() if p.confirmed}
        for sha256, attachment in pending.items():
            if sha256 in confirmed:
                continue
            if self.stop() or not self.upload(attachment):
                return False
        return True

    def upload(self, attachment: Attachment) -> bool:
        """One file, resumed where the portal is; True once the portal confirmed it whole, False when stopped."""
        data = attachments.read_content(self.store, attachment.sha256)
        if data is None:
            raise FileMissing(attachment)
        answer = self._try(functools.partial(self.client.open_file, attachment.sha256, len(data), attachment.media_type))
        if answer is None:
            return False
        code, state = answer
        restarts = 0
        while not state.complete:
            if state.held:  # nothing held is nothing to remember: one durable write less per small file
                self._record(state)
            chunk = data[state.held:state.held + self.chunk_bytes]
            answer = self._try(functools.partial(self.client.put_chunk, attachment.sha256, state.held, chunk))
            if answer is None:
                return False
            code, state = answer
            restarts = restarts + 1 if code != contract.OK else 0
            if restarts > MAX_RESTARTS:
                raise PortalUnavailable("Cổng DVC liên tục không nhận tệp đính kèm (sai vị trí hoặc sai mã băm).")
        self._record(state)
        return True

    def _try(self, call: Callable[[], tuple[str, FileState]]) -> tuple[str, FileState] | None:
        """The call's answer, repeated while answers are lost (up to MAX_TRIES); None when stopped first."""
        tries = 0
        while True:
            tries += 1
            if self.stop():
                return None
            try:
                answer = call()
            except PortalUnavailable as exc:
                if tries >= MAX_TRIES:
                    raise
                if tries > 1 or exc.retry_after is not None:  # one lost answer: repeat at once
                    self.pause(tries - 1, exc.retry_after)
                continue
            self.answered()
            return answer

    def _record(self, state: FileState) -> None:
        with self.store.write() as conn:
            conn.execute(
                "INSERT INTO portal_files (sha256, bytes, held, confirmed_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (sha256) DO UPDATE SET held = excluded.held, confirmed_at = excluded.confirmed_at",
                (state.sha256, state.size, state.held, clock.to_db(clock.now()) if state.complete else None))
