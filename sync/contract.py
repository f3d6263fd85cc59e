"""The portal contract in code: endpoints, services, error codes, dates, and schema validation.

Both sides read this module: the client checks what it sends and what it gets back, and the
simulator checks what it receives and what it answers, against the same JSON schemas in
``sync/schemas/``. ``sync/contract.md`` explains each part and where it comes from.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError

from counter_app.clock import OFFICE_TZ

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"

# Endpoints under the adapter URL.
AUTH = "auth"
INTEGRATION = "integration"
SHARE = "share"

# Services.
PUSH_DOSSIERS = "DongBoHoSoMC"
PUSH_PROGRESS = "CapNhatTienDoHoSoMC"
LOOKUP = "TraCuuHoSo"
LIST_PROCEDURES = "LayDanhSachTTHC"
GET_PROCEDURE = "LayThuTuc"
PUSH_ANCHOR = "GuiDauKiemNhatKy"  # ours: the audit chain's head, kept outside the counter (contract.md)
ENDPOINT_OF_SERVICE = {
    PUSH_DOSSIERS: INTEGRATION,
    PUSH_PROGRESS: INTEGRATION,
    LOOKUP: INTEGRATION,
    LIST_PROCEDURES: SHARE,
    GET_PROCEDURE: SHARE,
    PUSH_ANCHOR: INTEGRATION,
}
LOOKUP_BATCH = 100  # most codes one DanhSachMaHoSo look-up may carry

# Attached files (ours, contract.md "Attached files"): PUT {url}/files/{sha256} opens or resumes an
# upload, PUT {url}/files/{sha256}/chunks/{offset} carries the bytes, GET {url}/files/{sha256} serves them.
FILES = "files"
CHUNK_BYTES = 1024 * 1024  # what the client sends per chunk
MAX_CHUNK_BYTES = 4 * 1024 * 1024  # what the portal accepts per chunk
SESSION_HEADER = "session"  # file calls carry the session here: their bodies are the file's bytes

# Error codes.
OK = "00"
INVALID = "01"
SESSION_EXPIRED = "02"
BAD_CREDENTIALS = "03"
ALREADY_EXISTS = "04"
UNKNOWN_DOSSIER = "05"
CONFLICT = "06"  # ours: an update for a code the portal holds for another dossier (contract.md)
WRONG_OFFSET = "07"  # ours: a chunk not at the end of what the portal holds; the answer says where that is
HASH_MISMATCH = "08"  # ours: the whole file does not hash to its name; the portal dropped it, start again
FILE_NOT_HELD = "09"  # ours: a record names a file the portal does not hold whole; upload it, send again
INTERNAL = "99"

TIME_FORMAT = "%Y%m%d%H%M%S"
HEADERS = {"Content-Type": "application/json", "Charset": "utf-8"}


class ContractError(Exception):
    """A message that breaks the contract; ``code`` is the portal error code to answer with."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# Ours (contract.md, "Dossier codes and conflicts"): which installation received the dossier.
INSTALLATION_FIELD = "MaCaiDatTiepNhan"
# What tells two dossiers apart when one side carries no installation id.
IDENTITY_FIELDS = ("NgayTiepNhan", "MaTTHC", "MaDoiTuong")


def same_dossier(ours: dict[str, Any], held: dict[str, Any]) -> bool:
    """Whether the record the portal holds under a code is the dossier we hold under it.

    Both sides use this before a record may replace another: a create answered "04" or a
    look-up that finds the code must not become an update of another citizen's dossier. The
    installation id proves ownership whatever was corrected since (name, ID, procedure); a
    record without one (an older client, another system) must match on received time,
    procedure and the subject's ID.
    """
    mine, theirs = ours.get(INSTALLATION_FIELD), held.get(INSTALLATION_FIELD)
    if mine and theirs:
        return bool(mine == theirs)
    return all(str(ours.get(name, "")) == str(held.get(name, "")) for name in IDENTITY_FIELDS)


def file_path(sha256: str) -> str:
    """A file's path under the portal's address (ours): opened, resumed and served there."""
    return f"{FILES}/{sha256}"


def chunk_path(sha256: str, offset: int) -> str:
    return f"{file_path(sha256)}/chunks/{offset}"


def file_url(base_url: str, sha256: str) -> str:
    """Where the portal serves a file it holds: the record's ``DuongDanTaiTepTin``/``DuongDanTepTinKetQua``."""
    return f"{base_url.rstrip('/')}/{file_path(sha256)}"


def chunk_url(base_url: str, sha256: str, offset: int) -> str:
    return f"{base_url.rstrip('/')}/{chunk_path(sha256, offset)}"


def is_success(error_code: object) -> bool:
    """The portal answers success as the number 0 or the string "00"."""
    return str(error_code) in {"0", "00"}


def format_portal_time(value: datetime) -> str:
    """``yyyyMMddHHmmss`` in office time; naive values are office time already (as stored)."""
    if value.tzinfo is not None:
        value = value.astimezone(OFFICE_TZ)
    return value.strftime(TIME_FORMAT)


def parse_portal_time(text: str) -> datetime:
    """The naive office-local datetime the store keeps."""
    return datetime.strptime(text, TIME_FORMAT)


@functools.cache
def _schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{name}.json").read_text(encoding="utf-8"))


@functools.cache
def _validator(name: str) -> Draft202012Validator:
    """The reference validator: checks the schema itself and describes what is wrong."""
    schema = _schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@functools.cache
def _fast_validator(name: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python: about 30 times faster on the sync path, where every record
    is checked before it leaves and every answer when it arrives (issue 12 measured validation
    at half the engine's time)."""
    return fastjsonschema.compile(_schema(name))


def schema_names() -> list[str]:
    return sorted(path.stem for path in SCHEMA_DIR.glob("*.json"))


def validate(schema_name: str, obj: Any) -> None:
    """Raise ContractError("01", Vietnamese message naming the field) when ``obj`` breaks the schema."""
    try:
        _fast_validator(schema_name)(obj)
        return
    except fastjsonschema.JsonSchemaException:
        pass  # rare: let the reference validator name the field in the words staff read
    errors = sorted(_validator(schema_name).iter_errors(obj), key=lambda e: (len(e.path), list(map(str, e.path))))
    if errors:
        raise ContractError(INVALID, _describe(errors[0]))
    raise ContractError(INVALID, "Nội dung không hợp lệ.")  # the two validators disagree: refuse all the same


def _describe(error: SchemaError) -> str:
    """Say which field is wrong in words a clerk can act on, without echoing its value."""
    where = ".".join(str(part) for part in error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        field = f"{where}.{missing}" if where else missing
        return f"Thiếu trường «{field}»."
    if error.validator == "type":
        return f"Trường «{where}» sai kiểu dữ liệu."
    if error.validator in {"minLength", "minItems"}:
        return f"Trường «{where}» không được để trống."
    if error.validator in {"maxLength", "maxItems"}:
        return f"Trường «{where}» quá dài."
    return f"Trường «{where or 'nội dung'}» không hợp lệ."
