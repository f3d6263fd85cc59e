"""Electronic copies of a dossier's papers and result: content-addressed files plus one row each.

Why content-addressed: the same scan attached twice is stored once, a file's name says what
its bytes must hash to (so ``check`` finds an altered file without trusting the row alone), and
nothing is ever overwritten in place. Where the bytes live is :mod:`counter_app.attachment_files`'
business, chosen here once (:func:`contents_in`): a folder beside a SQLite file, the office
database's own table on PostgreSQL. Order of durability: a file is stored (written, fsynced and
renamed into place; in the office's table, in the same transaction) before the transaction that
adds its row commits, so a crash can leave an unreferenced file (which ``check`` reports as
such) but never a row without its file.

Accepted: PDF, PNG, JPEG and TIFF, recognised by their first bytes, each at most
``MAX_FILE_BYTES``. A capture (the pages of one paper, or the result) becomes one PDF
(``page_pdf``), pages in the order given, at most ``MAX_FILE_BYTES`` too: the size the portal
contract accepts for one file (``sync/contract.md``).

A wrong capture (another person's paper, the wrong result) is *withdrawn* (:func:`withdraw`),
never deleted: its row and file stay for the audit trail (the file may be shared with other rows
and is referred to by backups, so ``check`` and backups go on counting it), and everything that
means "this dossier's copy" reads only the current rows (:func:`current_sql`).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from . import audit, clock, page_pdf
from .attachment_files import Contents, FolderContents, TableContents, attachments_dir, digest_of, seal_for
from .db import keys as db_keys
from .dossiers import dossier_id_for_code
from .errors import PermissionDenied, ValidationError
from .limits import DETACH_REASON
from .models import Actor, Role
from .page_pdf import Page
from .services.journal import queue_dossier_record
from .states import STATUS_LABEL_VI, Status
from .store import Store
from .users import require_role

T = TypeVar("T")
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILES = 200
_MEDIA_TYPES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
MIN_REASON_CHARS = 3
# The citizen holds the result from "Đã trả kết quả" on (the last state): taking it back is a supervisor's call.
RESULT_HANDED_OVER = frozenset({Status.RETURNED})
_ROWS_SQL = (
    "SELECT a.id, a.dossier_id, a.kind, a.paper_position, a.seq, a.sha256, a.bytes, a.media_type, s.code AS reused_from,"
    " a.added_at, a.withdrawn_at, w.username AS withdrawn_by, a.withdrawn_reason"
    " FROM dossier_attachments a LEFT JOIN dossiers s ON s.id = a.reused_from LEFT JOIN users w ON w.id = a.withdrawn_by"
)


@dataclass(frozen=True)
class Attachment:
    kind: str  # "paper" or "result"
    paper: int | None  # 1-based paper number as printed on the receipt; None for the result
    seq: int
    sha256: str
    bytes: int
    media_type: str
    reused_from: str | None = None  # the code of the dossier whose capture this is (``counter_app.reuse``)
    added_at: datetime | None = None  # None only before its row is written
    withdrawn_at: datetime | None = None  # set once withdrawn (``withdraw``): no longer the dossier's copy
    withdrawn_by: str | None = None  # the username
    withdrawn_reason: str = ""  # may name a third party: kept in the row, never in the audit log


def current_sql(alias: str) -> str:
    """The condition a ``dossier_attachments`` row named ``alias`` meets while it is the dossier's copy (not withdrawn).

    The one rule, for every query that means "this dossier's copy": listings, Decision 766, reuse.
    """
    return f"{alias}.withdrawn_at IS NULL"


def contents_in(store: Store, conn: Any) -> Contents:
    """Where ``store`` keeps its files: a folder beside a SQLite file, the office database's table (through ``conn``)."""
    return TableContents(conn) if store.path is None else folder_of(store)


def folder_of(store: Store) -> FolderContents:
    """A SQLite store's files: beside its file, sealed under its key when it is encrypted.

    The other keys kept for it are asked only for a file sealed before an interrupted key rotation.
    """
    path = store.path
    assert path is not None, "the office's files are in its database (contents_in)"
    return FolderContents(attachments_dir(path), seal_for([store.key] if store.key else [],
                                                          lambda: db_keys.candidates(path)))


def media_type(data: bytes) -> str:
    for magic, kind in _MEDIA_TYPES:
        if data.startswith(magic):
            return kind
    raise ValidationError("Tệp không phải PDF, PNG, JPEG hay TIFF.")


def _read(path: Path) -> bytes:
    size = path.stat().st_size
    if size == 0:
        raise ValidationError("Tệp rỗng.")
    if size > MAX_FILE_BYTES:
        raise ValidationError(f"Tệp lớn hơn {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    return path.read_bytes()


def prepare_pdf(pages: Sequence[Page]) -> bytes:
    """The one PDF a capture becomes (``page_pdf.build_pdf``), every file checked first; nothing is stored.

    Separate from ``attach_pdf`` so that a caller recording an action with its result can turn the
    pages into a PDF (where almost every refusal happens) before it changes anything.
    """
    if not pages:
        raise ValidationError("Chưa chọn tệp nào.")
    if len(pages) > MAX_FILES:
        raise ValidationError(f"Mỗi lần đính kèm tối đa {MAX_FILES} tệp.")
    contents = [_read(page.path) for page in pages]
    for data in contents:
        media_type(data)
    pdf = page_pdf.build_pdf(pages, contents)
    if len(pdf) > MAX_FILE_BYTES:
        raise ValidationError(f"Tệp PDF lớn hơn {MAX_FILE_BYTES // (1024 * 1024)} MB: hãy quét ở độ phân giải thấp hơn.")
    return pdf


def attach_pdf(store: Store, actor: Actor, code: str, pdf: bytes, *, paper: int | None) -> Attachment:
    """Add one PDF (from ``prepare_pdf``) to paper number ``paper`` of the dossier, or to its result.

    A later capture of the same paper is added after the earlier ones (``seq``), never over them.
    """
    require_role(actor, Role.STAFF)
    kind_of = media_type(pdf)
    with store.read() as conn:
        dossier_id = dossier_id_for_code(conn, code)
        check_paper(conn, dossier_id, paper)
    with store.write() as conn:
        digest = contents_in(store, conn).put(pdf)  # durable before its row commits
        return add_row(conn, actor, code, Attachment("result" if paper is None else "paper", paper, 0, digest,
                                                     len(pdf), kind_of), dossier_id=dossier_id)


def add_row(conn: Any, actor: Actor, code: str, attachment: Attachment, *, dossier_id: int,
            reused_from: int | None = None) -> Attachment:
    """The row (and its audit record) for a file already stored, after the paper's earlier captures (``seq``).

    The one place a dossier gains an attachment, so a capture and a reuse are numbered, dated and
    audited alike; ``reused_from`` is the source dossier's id, ``attachment.reused_from`` its code.
    """
    position = None if attachment.paper is None else attachment.paper - 1
    seq = conn.execute(
        "SELECT coalesce(max(seq), 0) FROM dossier_attachments WHERE dossier_id = ? AND kind = ?"
        " AND paper_position IS NOT DISTINCT FROM ?", (dossier_id, attachment.kind, position)).fetchone()[0] + 1
    added_at = clock.now()
    conn.execute(
        "INSERT INTO dossier_attachments (dossier_id, kind, paper_position, seq, sha256, bytes, media_type,"
        " added_at, added_by, reused_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (dossier_id, attachment.kind, position, seq, attachment.sha256, attachment.bytes, attachment.media_type,
         clock.to_db(added_at), actor.user_id, reused_from))
    details: dict[str, object] = {"kind": attachment.kind, "paper": attachment.paper, "bytes": attachment.bytes,
                                  "sha256": attachment.sha256}
    if attachment.reused_from is not None:
        details["reused_from"] = attachment.reused_from
    audit.append(conn, username=actor.username, action="dossier.attach", entity="dossier", entity_id=code,
                 details=details)
    return replace(attachment, seq=seq, added_at=added_at)


def attach_pages(store: Store, actor: Actor, code: str, pages: Sequence[Page], *, paper: int | None) -> Attachment:
    """Scanned pages (images or PDFs, in order, each with its rotation) as one PDF of a paper or of the result.

    Every file is checked before anything is written; a refusal changes nothing.
    """
    return attach_pdf(store, actor, code, prepare_pdf(pages), paper=paper)


def record_with_result(record: Callable[[], T], store: Store, actor: Actor, code: str, pages: Sequence[Page]) -> T:
    """Record an action that ends with a result ("Đã có kết quả", "Trả kết quả") and attach the result.

    The PDF is built first, where a damaged or oversized file is refused before anything changes;
    then ``record()`` (the action's service); then the file and its row. Only a failure to write
    the file or its row after the action committed leaves the action without its result, which
    the detail then shows as "chưa số hóa" for staff to capture again.
    """
    pdf = prepare_pdf(pages)
    recorded = record()
    attach_pdf(store, actor, code, pdf, paper=None)
    return recorded


def check_paper(conn: sqlite3.Connection, dossier_id: int, paper: int | None) -> None:
    if paper is None:
        return
    found = conn.execute("SELECT 1 FROM dossier_papers WHERE dossier_id = ? AND position = ?",
                         (dossier_id, paper - 1)).fetchone()
    if not found:
        raise ValidationError(f"Hồ sơ không có giấy tờ số {paper}.")


def list_attachments(store: Store, code: str, *, withdrawn: bool = False) -> list[Attachment]:
    """The dossier's electronic copies in paper order (the result last); with ``withdrawn``, also those withdrawn.

    Withdrawn copies are left out by default because every caller but the audit listing
    (``dossier attachments --withdrawn``) asks what the dossier holds now: the detail's digitised
    state, the portal's record. The detail does not strike them through: a clerk replacing a wrong
    scan needs the paper's state, and the withdrawn one stays readable from the command line.
    """
    shown = "" if withdrawn else f" AND {current_sql('a')}"
    with store.read() as conn:
        dossier_id = dossier_id_for_code(conn, code)
        rows = conn.execute(f"{_ROWS_SQL} WHERE a.dossier_id = ?{shown} ORDER BY a.kind, a.paper_position, a.seq",
                            (dossier_id,)).fetchall()
    return [_attachment(row) for row in rows]


def current_of(conn: Any, dossier_ids: Sequence[int]) -> dict[int, list[Attachment]]:
    """The current copies of several dossiers in one query (as :func:`list_attachments` orders them), by dossier id;
    a dossier without any is left out. For the portal's round, which names the files of a batch of records."""
    found: dict[int, list[Attachment]] = {}
    if not dossier_ids:
        return found
    marks = ",".join("?" * len(dossier_ids))
    for row in conn.execute(f"{_ROWS_SQL} WHERE a.dossier_id IN ({marks}) AND {current_sql('a')}"
                            " ORDER BY a.dossier_id, a.kind, a.paper_position, a.seq", list(dossier_ids)):
        found.setdefault(row["dossier_id"], []).append(_attachment(row))
    return found


def _attachment(row: Any) -> Attachment:
    return Attachment(row["kind"], None if row["paper_position"] is None else row["paper_position"] + 1, row["seq"],
                      row["sha256"], row["bytes"], row["media_type"], row["reused_from"], clock.from_db(row["added_at"]),
                      clock.from_db(row["withdrawn_at"]), row["withdrawn_by"], row["withdrawn_reason"] or "")


def withdraw(store: Store, actor: Actor, code: str, *, paper: int | None, seq: int | None,
             reason: str) -> Attachment:
    """Withdraw capture ``seq`` of paper number ``paper`` (None: the result), with the reason why ("Gỡ bản điện tử").

    ``seq`` may be left out when the paper has one current capture only. The row and its file stay
    (see the module's note); from now on the paper reads "chưa số hóa" unless another capture
    remains, and the dossier's record is queued for the portal again, without the file. The
    reason stays in the row: it may name the person whose paper it was, so the audit record only
    says that one was given. A result the citizen was handed (``RESULT_HANDED_OVER``) is withdrawn
    by a supervisor only; a wrong paper scan may be withdrawn by staff whatever the state, since it
    may be a third party's personal data. Every refusal changes nothing.
    """
    require_role(actor, Role.STAFF)
    why = _detach_reason(reason)
    with store.write() as conn:
        dossier_id = dossier_id_for_code(conn, code)
        check_paper(conn, dossier_id, paper)
        if paper is None:
            _check_result_may_go(conn, actor, dossier_id)
        target = _current_capture(conn, dossier_id, paper, seq)
        when = clock.now()
        conn.execute("UPDATE dossier_attachments SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ?"
                     " WHERE id = ?", (clock.to_db(when), actor.user_id, why, target[0]))
        withdrawn = replace(target[1], withdrawn_at=when, withdrawn_by=actor.username, withdrawn_reason=why)
        audit.append(conn, username=actor.username, action="dossier.detach", entity="dossier", entity_id=code,
                     details={"kind": withdrawn.kind, "paper": paper, "seq": withdrawn.seq,
                              "sha256": withdrawn.sha256, "reason_given": True})
        queue_dossier_record(conn, dossier_id, when)
    return withdrawn


def _detach_reason(reason: str) -> str:
    why = DETACH_REASON.clean(reason)
    if len(why) < MIN_REASON_CHARS:
        raise ValidationError(f"Hãy nhập lý do gỡ bản điện tử (ít nhất {MIN_REASON_CHARS} ký tự).")
    return why


def _check_result_may_go(conn: Any, actor: Actor, dossier_id: int) -> None:
    status = Status(conn.execute("SELECT status FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()[0])
    if status in RESULT_HANDED_OVER and not actor.role.at_least(Role.SUPERVISOR):
        raise PermissionDenied(f"Hồ sơ ở trạng thái «{STATUS_LABEL_VI[status]}»: chỉ lãnh đạo được gỡ kết quả điện tử.")


def _current_capture(conn: Any, dossier_id: int, paper: int | None, seq: int | None) -> tuple[int, Attachment]:
    """The row id and capture ``seq`` of the paper (or the result), not withdrawn; refused when there is none or
    ``seq`` is left out among several."""
    position = None if paper is None else paper - 1
    rows = conn.execute(f"{_ROWS_SQL} WHERE a.dossier_id = ? AND a.kind = ? AND a.paper_position IS NOT DISTINCT FROM ?"
                        f" AND {current_sql('a')} ORDER BY a.seq",
                        (dossier_id, "result" if paper is None else "paper", position)).fetchall()
    what = "Kết quả" if paper is None else f"Giấy tờ số {paper}"
    if not rows:
        raise ValidationError(f"{what} chưa có bản điện tử nào để gỡ.")
    left = ", ".join(str(row["seq"]) for row in rows)
    if seq is None and len(rows) > 1:
        raise ValidationError(f"{what} có {len(rows)} bản điện tử (bản số {left}): hãy chọn bản cần gỡ.")
    chosen = [row for row in rows if seq is None or row["seq"] == seq]
    if not chosen:
        raise ValidationError(f"{what} không có bản điện tử số {seq} đang dùng (các bản: {left}).")
    return int(chosen[0]["id"]), _attachment(chosen[0])


def read_content(store: Store, sha256: str) -> bytes | None:
    """The bytes of a stored file, checked against its hash (None: missing or altered, which ``check`` reports).

    The one way other packages (the portal upload, the viewer, the command line) read a file, so
    that where the files live stays this module's business.
    """
    with store.read() as conn:
        data = contents_in(store, conn).get(sha256)
    return data if data is not None and digest_of(data) == sha256 else None


def stored_pages(store: Store, attachment: Attachment) -> int | None:
    """The pages of an attached file as stored (None: missing or unreadable, which ``check`` reports)."""
    data = read_content(store, attachment.sha256)
    return None if data is None else page_pdf.page_count(data)
