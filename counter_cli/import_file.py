"""Reading a ``dossier receive --from-json`` file: strict types, every problem named by its field.

The file comes from another program or a hand edit, so nothing in it is trusted: a value of
the wrong type is refused rather than coerced (``"sets": 1.9`` is not one set, ``true`` is
not a count), unknown fields are refused (a misspelt ``recieved_at`` would otherwise be
silently ignored), and messages name the field but never repeat its value, which may be a
citizen's ID number. Bounds and the meaning of the values are the receive service's job.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from counter_app.errors import ValidationError
from counter_app.models import Applicant, Delivery, DossierPaper, PaperForm, Procedure, Subject
from counter_app.services import ReceiveRequest

# Ten thousand dossiers of about a kilobyte each; larger is not a counter's import.
MAX_FILE_BYTES = 16 * 1024 * 1024
SEX_WORDS = {"male": "male", "nam": "male", "female": "female", "nữ": "female", "nu": "female", "": ""}
DOSSIER_FIELDS = frozenset({"procedure_code", "applicant", "papers", "sets", "received_at", "delivery",
                            "delivery_address", "summary", "subject", "note", "client_ref"})
APPLICANT_FIELDS = frozenset({"full_name", "personal_id", "old_id", "birth_date", "sex", "address", "phone",
                              "email", "social_insurance_no", "hi_card_code"})
SUBJECT_FIELDS = frozenset({"full_name", "personal_id", "birth_date", "relation", "authorisation"})
PAPER_FIELDS = frozenset({"name", "form", "count"})


def read_entries(path: str) -> list[Any]:
    """The file's list of dossiers; a UTF-8 byte-order mark (Notepad's) is allowed."""
    file = Path(path)
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror or type(exc).__name__}") from None
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as exc:  # the position, not the text around it: it may be personal data
        raise ValidationError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise ValidationError(f"{path}: nested too deeply to be a list of dossiers") from None
    except ValueError:  # an integer of more than 4,300 digits
        raise ValidationError(f"{path}: holds a number too large to read") from None
    if not isinstance(entries, list):
        raise ValidationError("the JSON file must hold a list of dossiers")
    return entries


def _object(value: Any, where: str, allowed: frozenset[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(f"{where}: must be an object")
    unknown = sorted(set(value) - allowed)
    if unknown:
        # Field names come from the format, so an unknown one that looks like a name is shown.
        shown = unknown[0] if unknown[0].isascii() and unknown[0].isidentifier() and len(unknown[0]) <= 40 else "…"
        raise ValidationError(f"{where}: unknown field '{shown}'")
    return value


def _text(obj: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = obj.get(key, "")
    if not isinstance(value, str):
        raise ValidationError(f"{where}.{key}: must be text")
    if required and not value.strip():
        raise ValidationError(f"{where}.{key}: is required")
    return value


def _integer(obj: dict[str, Any], key: str, where: str, default: int) -> int:
    value = obj.get(key, default)
    if type(value) is not int:  # bool is an int subclass; 1.9 and "2" are not counts either
        raise ValidationError(f"{where}.{key}: must be a whole number")
    return value


def _choice(obj: dict[str, Any], key: str, where: str, choices: dict[str, Any], default: str) -> Any:
    value = obj.get(key, default)
    if not isinstance(value, str) or value.strip().lower() not in choices:
        raise ValidationError(f"{where}.{key}: must be one of {', '.join(sorted(c for c in choices if c))}")
    return choices[value.strip().lower()]


def _parsed(obj: dict[str, Any], key: str, where: str, parse: Any, shape: str) -> Any:
    """An ISO date or time, or None when absent; the message shows the expected shape, not the value."""
    text = _text(obj, key, where)
    if not text.strip():
        return None
    try:
        return parse(text.strip())
    except ValueError:
        raise ValidationError(f"{where}.{key}: must be {shape}") from None


def _papers(entry: dict[str, Any], where: str, procedure: Procedure) -> tuple[DossierPaper, ...]:
    """Papers given by name (taking the catalogue's form) or as {name, form, count}."""
    items = entry.get("papers", [])
    if not isinstance(items, list):
        raise ValidationError(f"{where}.papers: must be a list")
    known = {p.name: p for p in procedure.papers}
    forms = {form.value: form for form in PaperForm}
    papers = []
    for number, item in enumerate(items, start=1):
        at = f"{where}.papers[{number}]"
        if isinstance(item, str):
            spec = known.get(item)
            papers.append(DossierPaper(item, spec.form if spec else PaperForm.ORIGINAL, spec.count if spec else 1))
            continue
        paper = _object(item, at, PAPER_FIELDS)
        papers.append(DossierPaper(_text(paper, "name", at, required=True),
                                   _choice(paper, "form", at, forms, PaperForm.ORIGINAL.value),
                                   _integer(paper, "count", at, 1)))
    return tuple(papers)


def _applicant(entry: dict[str, Any], where: str) -> Applicant:
    at = f"{where}.applicant"
    person = _object(entry.get("applicant"), at, APPLICANT_FIELDS)
    texts = {key: _text(person, key, at) for key in APPLICANT_FIELDS - {"birth_date", "sex"}}
    return Applicant(**texts, birth_date=_parsed(person, "birth_date", at, date.fromisoformat, "a date YYYY-MM-DD"),
                     sex=_choice(person, "sex", at, SEX_WORDS, ""))


def _subject(entry: dict[str, Any], where: str) -> Subject | None:
    """Whom the dossier is about, when given (the receive service checks it like the form's)."""
    if "subject" not in entry:
        return None
    at = f"{where}.subject"
    person = _object(entry["subject"], at, SUBJECT_FIELDS)
    texts = {key: _text(person, key, at) for key in SUBJECT_FIELDS - {"birth_date"}}
    return Subject(**texts, birth_date=_parsed(person, "birth_date", at, date.fromisoformat, "a date YYYY-MM-DD"))


def request_from(entry: Any, number: int, procedures: dict[str, Procedure], *,
                 import_history: bool = False) -> ReceiveRequest:
    """The receive request of the file's ``number``-th dossier (1-based, as the messages say)."""
    where = f"dossier {number}"
    entry = _object(entry, where, DOSSIER_FIELDS)
    code = _text(entry, "procedure_code", where, required=True)
    if code not in procedures:
        raise ValidationError(f"{where}.procedure_code: not in the catalogue (see `counter-app catalog list`)")
    return ReceiveRequest(
        procedure_code=code, applicant=_applicant(entry, where), papers=_papers(entry, where, procedures[code]),
        sets_count=_integer(entry, "sets", where, 1),
        delivery=_choice(entry, "delivery", where, {d.value: d for d in Delivery}, Delivery.COUNTER.value),
        delivery_address=_text(entry, "delivery_address", where),
        received_at=_parsed(entry, "received_at", where, datetime.fromisoformat,
                            'a time "YYYY-MM-DD HH:MM" (office time) or ISO 8601 with a zone'),
        summary=_text(entry, "summary", where), subject=_subject(entry, where), note=_text(entry, "note", where),
        client_ref=_text(entry, "client_ref", where), import_history=import_history,
    )
