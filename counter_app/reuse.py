"""Reusing a citizen's earlier digitised papers instead of scanning them again (issue 14, Decision 766 4.3).

When a citizen comes back, the papers digitised for their other dossiers (the identity card
copy, a birth certificate…) can be attached to the new dossier as they are. The citizen is the
same when the applicant's personal identification number is the same, or, for an applicant
without one, the old 9-digit CMND number; never by name (two people share a name, and one person's
name is typed in many ways). A reuse adds a row pointing at the same content-addressed file (no
bytes are copied) and says which dossier it came from (``reused_from``), which Decision 766's
indicator 4.3 counts (``counter_app.reports.score766``).

The look-up reads the applicant's ID index, then each of that citizen's dossiers and their
papers' attachments by their indexes: a few rows however large the office's database is, and
at most ``MAX_EARLIER`` captures are offered.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import clock, page_pdf
from .attachment_files import digest_of
from .attachments import Attachment, add_row, check_paper, contents_in, current_sql
from .dossiers import dossier_id_for_code
from .errors import ValidationError
from .models import Actor, Role
from .store import Store
from .users import require_role

MAX_EARLIER = 50

# The same citizen's other dossiers' paper captures, newest first. ``:id_column`` is chosen in
# Python (personal_id, or old_id for an applicant without one), never taken from input. A
# withdrawn copy (``attachments.withdraw``) is never offered.
_EARLIER_SQL = """
SELECT p.name AS paper_name, d.code, d.id AS dossier_id, a.added_at, a.sha256, a.bytes, a.media_type
FROM dossiers here
JOIN applicants me ON me.id = here.applicant_id
JOIN applicants them ON them.{id_column} = me.{id_column}
JOIN dossiers d ON d.applicant_id = them.id AND d.id != here.id
JOIN dossier_attachments a ON a.dossier_id = d.id AND a.kind = 'paper' AND """ + current_sql("a") + """
JOIN dossier_papers p ON p.dossier_id = d.id AND p.position = a.paper_position
WHERE here.id = ? {extra}
ORDER BY a.added_at DESC, a.id DESC
LIMIT ?
"""


@dataclass(frozen=True)
class EarlierCapture:
    """One digitised paper of another dossier of the same citizen."""

    paper_name: str
    dossier_code: str
    added_at: datetime
    pages: int | None  # None: the file is missing or unreadable (``check`` reports it)
    sha256: str


def _id_column(conn: Any, dossier_id: int) -> str | None:
    """Which number says who the citizen is: the personal ID, else the old CMND; None when there is neither."""
    row = conn.execute("SELECT a.personal_id, a.old_id FROM dossiers d JOIN applicants a ON a.id = d.applicant_id"
                       " WHERE d.id = ?", (dossier_id,)).fetchone()
    if row["personal_id"]:
        return "personal_id"
    return "old_id" if row["old_id"] else None


def _earlier_rows(conn: Any, dossier_id: int, *, extra: str = "", params: tuple[object, ...] = (),
                  limit: int = MAX_EARLIER) -> list[Any]:
    column = _id_column(conn, dossier_id)
    if column is None:
        return []
    sql = _EARLIER_SQL.format(id_column=column, extra=extra)
    return conn.execute(sql, (dossier_id, *params, limit)).fetchall()


def earlier_captures(store: Store, code: str) -> list[EarlierCapture]:
    """The digitised papers of the citizen's other dossiers, newest first, each file once."""
    with store.read() as conn:
        rows = _earlier_rows(conn, dossier_id_for_code(conn, code))
        contents = contents_in(store, conn)
        found: dict[str, EarlierCapture] = {}
        for row in rows:
            if row["sha256"] in found:  # the same file reused into several dossiers: offered once, newest
                continue
            data = contents.get(row["sha256"])
            pages = page_pdf.page_count(data) if data is not None and digest_of(data) == row["sha256"] else None
            found[row["sha256"]] = EarlierCapture(row["paper_name"], row["code"], clock.from_db(row["added_at"]),
                                                  pages, row["sha256"])
    return list(found.values())


def reuse_capture(store: Store, actor: Actor, code: str, paper: int, from_code: str, sha256: str) -> Attachment:
    """Attach to paper number ``paper`` of ``code`` the capture ``sha256`` of the same citizen's dossier ``from_code``.

    Refused, changing nothing, unless ``sha256`` is a digitised paper of another dossier of the
    same citizen and its file is there and sound: a reuse must never add a row without its file.
    """
    require_role(actor, Role.STAFF)
    with store.write() as conn:
        dossier_id = dossier_id_for_code(conn, code)
        check_paper(conn, dossier_id, paper)
        rows = _earlier_rows(conn, dossier_id, extra="AND d.code = ? AND a.sha256 = ?",
                             params=(from_code.strip().upper(), sha256), limit=1)
        if not rows:
            raise ValidationError(f"Hồ sơ {from_code} không có bản số hóa này của cùng công dân để dùng lại.")
        source = rows[0]
        data = contents_in(store, conn).get(sha256)
        if data is None or digest_of(data) != sha256:
            raise ValidationError("Tệp của bản số hóa đã có bị mất hoặc bị sửa: hãy số hóa lại giấy tờ này.")
        reused = Attachment("paper", paper, 0, sha256, source["bytes"], source["media_type"], source["code"])
        return add_row(conn, actor, code, reused, dossier_id=dossier_id, reused_from=source["dossier_id"])


def reuse_same_paper(store: Store, actor: Actor, code: str, paper: int, from_code: str) -> Attachment:
    """Reuse ``from_code``'s newest capture of the paper named as paper ``paper`` of ``code`` (the command line's way)."""
    with store.read() as conn:
        dossier_id = dossier_id_for_code(conn, code)
        check_paper(conn, dossier_id, paper)
        name = conn.execute("SELECT name FROM dossier_papers WHERE dossier_id = ? AND position = ?",
                            (dossier_id, paper - 1)).fetchone()[0]
        rows = _earlier_rows(conn, dossier_id, extra="AND d.code = ? AND p.name = ?",
                             params=(from_code.strip().upper(), name), limit=1)
    if not rows:
        raise ValidationError(f"Hồ sơ {from_code} của cùng công dân không có bản số hóa của giấy tờ «{name}».")
    return reuse_capture(store, actor, code, paper, from_code, rows[0]["sha256"])
