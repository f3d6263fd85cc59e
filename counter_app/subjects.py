"""The dossier's subject (chủ hồ sơ) where it shows: the trích yếu, the search index, the store.

Validation lives in the receive service (:func:`counter_app.services.receive.clean_subject`);
this module only says how a stored subject reads and is found.
"""
from __future__ import annotations

import re
import sqlite3

from .clock import date_from_db
from .models import Applicant, Procedure, Subject
from .text import fold

__all__ = ["SUBJECT_SQL", "default_summary", "indexed_name", "save_subject", "subject_from_row"]

# "Thủ tục đăng ký khai sinh" → "Đăng ký khai sinh": the word "thủ tục" says nothing in a summary.
_PROCEDURE_WORD = re.compile(r"^\s*thủ tục\s+", re.IGNORECASE)


def default_summary(procedure: Procedure, subject: Subject | None) -> str:
    """The trích yếu the form proposes: the procedure, and for whom ("… cho Nguyễn Văn An")."""
    if subject is None or not subject.full_name:
        return procedure.name
    action = _PROCEDURE_WORD.sub("", procedure.name)
    return f"{action[:1].upper()}{action[1:]} cho {subject.full_name}"


def indexed_name(applicant: Applicant, subject: Subject | None) -> str:
    """The folded name text of the search index: the submitter's, then the subject's.

    Searching "nguyen van an" finds the birth registration his father filed. A name with an
    apostrophe ("H'Hen Niê") is indexed a second time without it: the index breaks words at the
    apostrophe ("h", "hen"), and a clerk may type the name whole ("hhen").
    """
    folded = [fold(n) for n in (applicant.full_name, subject.full_name if subject else "") if n]
    joined = [name.translate(_NO_APOSTROPHES) for name in folded if "'" in name or "\u2019" in name]
    return " ".join(folded + joined)


_NO_APOSTROPHES = str.maketrans("", "", "'\u2019")


def save_subject(conn: sqlite3.Connection, dossier_id: int, subject: Subject) -> None:
    conn.execute(
        "INSERT INTO dossier_subjects (dossier_id, full_name, personal_id, birth_date, relation, authorisation)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (dossier_id, subject.full_name, subject.personal_id,
         subject.birth_date.isoformat() if subject.birth_date else None, subject.relation, subject.authorisation),
    )


SUBJECT_SQL = "SELECT * FROM dossier_subjects WHERE dossier_id = ?"


def subject_from_row(row: sqlite3.Row | None) -> Subject | None:
    """The subject in an answer to :data:`SUBJECT_SQL` (None: the submitter is the subject)."""
    if row is None:
        return None
    return Subject(full_name=row["full_name"], personal_id=row["personal_id"],
                   birth_date=date_from_db(row["birth_date"]), relation=row["relation"],
                   authorisation=row["authorisation"])
