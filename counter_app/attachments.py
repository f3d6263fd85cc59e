"""Electronic copies of a dossier's papers and result: content-addressed files plus one row each.

Why content-addressed: the same scan attached twice is stored once, a file's name says what
its bytes must hash to (so ``check`` finds an altered file without trusting the row alone), and
nothing is ever overwritten in place. Files live beside the database in
``<database name>-attachments/<first two hex digits>/<sha256>``, owner-only (0600, folders
0700). Order of durability: every file is written, fsynced and renamed into place *before* the
transaction that adds its rows commits, so a crash can leave an unreferenced file (which
``check`` reports as such) but never a row without its file.

Accepted: PDF, PNG, JPEG and TIFF, recognised by their first bytes, each at most
``MAX_FILE_BYTES``. A capture (the pages of one paper, or the result) becomes one PDF
(``page_pdf``), pages in the order given, at most ``MAX_FILE_BYTES`` too: the size the portal
contract accepts for one file (``sync/contract.md``).
"""
from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from . import audit, clock, page_pdf, safe_files
from .dossiers import dossier_id_for_code
from .errors import ValidationError
from .models import Actor, Role
from .page_pdf import Page
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


@dataclass(frozen=True)
class Attachment:
    kind: str  # "paper" or "result"
    paper: int | None  # 1-based paper number as printed on the receipt; None for the result
    seq: int
    sha256: str
    bytes: int
    media_type: str


def attachments_dir(db_path: Path) -> Path:
    """Where one database's files live: beside it, so a copy of the folder carries both."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.name}-attachments")


def content_path(root: Path, sha256: str) -> Path:
    return root / sha256[:2] / sha256


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


def put_content(root: Path, data: bytes) -> str:
    """Store ``data`` under its hash (durably; an existing sound copy is kept) and return the hash."""
    digest = hashlib.sha256(data).hexdigest()
    target = content_path(root, digest)
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == digest:
        return digest
    safe_files.private_dir(root)
    safe_files.private_dir(target.parent)
    safe_files.write_private(target, data)
    return digest


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
        _check_paper(conn, dossier_id, paper)
    digest = put_content(attachments_dir(store.path), pdf)  # durable before its row exists
    kind, position = ("result", None) if paper is None else ("paper", paper - 1)
    with store.write() as conn:
        seq = conn.execute(
            "SELECT coalesce(max(seq), 0) FROM dossier_attachments WHERE dossier_id = ? AND kind = ?"
            " AND paper_position IS ?", (dossier_id, kind, position)).fetchone()[0] + 1
        conn.execute(
            "INSERT INTO dossier_attachments (dossier_id, kind, paper_position, seq, sha256, bytes, media_type,"
            " added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (dossier_id, kind, position, seq, digest, len(pdf), kind_of, clock.to_db(clock.now()), actor.user_id))
        audit.append(conn, username=actor.username, action="dossier.attach", entity="dossier", entity_id=code,
                     details={"kind": kind, "paper": paper, "bytes": len(pdf), "sha256": digest})
    return Attachment(kind, paper, seq, digest, len(pdf), kind_of)


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


def _check_paper(conn: sqlite3.Connection, dossier_id: int, paper: int | None) -> None:
    if paper is None:
        return
    found = conn.execute("SELECT 1 FROM dossier_papers WHERE dossier_id = ? AND position = ?",
                         (dossier_id, paper - 1)).fetchone()
    if not found:
        raise ValidationError(f"Hồ sơ không có giấy tờ số {paper}.")


def list_attachments(store: Store, code: str) -> list[Attachment]:
    with store.read() as conn:
        dossier_id = dossier_id_for_code(conn, code)
        rows = conn.execute(
            "SELECT kind, paper_position, seq, sha256, bytes, media_type FROM dossier_attachments"
            " WHERE dossier_id = ? ORDER BY kind, paper_position, seq", (dossier_id,)).fetchall()
    return [Attachment(r["kind"], None if r["paper_position"] is None else r["paper_position"] + 1, r["seq"],
                       r["sha256"], r["bytes"], r["media_type"]) for r in rows]


def read_content(store: Store, sha256: str) -> bytes | None:
    """The bytes of a stored file, checked against its hash (None: missing or altered, which ``check`` reports).

    The one way other packages (the portal upload, the viewer, the command line) read a file, so
    that where the files live stays this module's business.
    """
    path = content_path(attachments_dir(store.path), sha256)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def stored_pages(store: Store, attachment: Attachment) -> int | None:
    """The pages of an attached file as stored (None: missing or unreadable, which ``check`` reports)."""
    data = read_content(store, attachment.sha256)
    return None if data is None else page_pdf.page_count(data)


def file_problems(conn: sqlite3.Connection, db_path: Path) -> list[str]:
    """Missing, altered and unreferenced attachment files (for ``check``); no personal data in the lines."""
    root = attachments_dir(db_path)
    problems: list[str] = []
    known: set[str] = set()
    for row in conn.execute("SELECT DISTINCT a.sha256, d.code FROM dossier_attachments a"
                            " JOIN dossiers d ON d.id = a.dossier_id ORDER BY d.code"):
        digest = row["sha256"]
        known.add(digest)
        path = content_path(root, digest)
        if not path.exists():
            problems.append(f"attachment {digest[:12]} of dossier {row['code']} is missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"attachment {digest[:12]} of dossier {row['code']} was altered (its hash differs)")
    if root.exists():
        for path in sorted(root.glob("??/*")):
            if path.name not in known and not path.name.startswith("."):
                problems.append(f"attachment file {path.name[:12]} belongs to no dossier (left by an interrupted"
                                " attach; it can be deleted)")
    return problems
