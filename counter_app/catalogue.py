"""The procedure catalogue: bundled JSON, validated, imported into the store with versions.

A procedure whose content changes gets a new version row; the old row stays, because a
dossier keeps the procedure version it was received under.
"""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from . import audit, clock, fees
from .errors import NotFound, ValidationError
from .models import Actor, FeeSpec, PaperForm, PaperSpec, Procedure, ProcessingUnit, Role
from .resources import resource_path
from .store import Store
from .text import fold
from .users import require_role

BUNDLED = ("catalogue", "procedures.json")


def bundled_path() -> Path:
    return resource_path(*BUNDLED)


def load_file(path: Path | str) -> dict[str, Any]:
    """Read and check a catalogue file; raise ValidationError naming the first problem."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValidationError(f"Không đọc được tệp danh mục thủ tục: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("procedures"), list):
        raise ValidationError("Tệp danh mục phải có 'catalogue_version' và danh sách 'procedures'.")
    doc.setdefault("catalogue_version", "unversioned")
    for index, entry in enumerate(doc["procedures"], start=1):
        _check_entry(entry, index)
    return doc


def _check_entry(entry: dict[str, Any], index: int) -> None:
    where = f"Thủ tục thứ {index}"
    for key in ("code", "name", "field", "processing_time"):
        if not entry.get(key):
            raise ValidationError(f"{where}: thiếu trường '{key}'.")
    unit = entry["processing_time"].get("unit")
    if unit not in {u.value for u in ProcessingUnit}:
        raise ValidationError(f"{where} ({entry['code']}): đơn vị thời gian '{unit}' không hợp lệ.")
    if not isinstance(entry["processing_time"].get("value"), int) or entry["processing_time"]["value"] < 0:
        raise ValidationError(f"{where} ({entry['code']}): thời gian giải quyết phải là số nguyên không âm.")
    for paper in entry.get("papers", []):
        if paper.get("form") not in {f.value for f in PaperForm} or not paper.get("name"):
            raise ValidationError(f"{where} ({entry['code']}): giấy tờ '{paper.get('name')}' không hợp lệ.")
    for fee in entry.get("fees", []):
        amount = fee.get("amount_vnd")
        if not fee.get("name") or (amount is not None and (not isinstance(amount, int) or amount < 0)):
            raise ValidationError(f"{where} ({entry['code']}): phí/lệ phí '{fee.get('name')}' không hợp lệ.")
        try:
            fees.rule_from_calc(fee.get("calc"), amount)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValidationError(f"{where} ({entry['code']}): cách tính phí '{fee['name']}' không hợp lệ ({exc}).") from exc


def _calc_text(fee: dict[str, Any]) -> str:
    """A fee's ``calc`` as stored: canonical JSON, '' for a fixed amount."""
    return json.dumps(fee["calc"], ensure_ascii=False, sort_keys=True) if fee.get("calc") else ""


def _content_key(entry: dict[str, Any]) -> str:
    """What makes two versions of a procedure different (not notes or sources)."""
    time = entry["processing_time"]
    normal = {
        "name": entry["name"],
        "field": entry["field"],
        "time": [time["value"], time["unit"], time.get("note", "")],
        "fees": [[f["name"], f.get("amount_vnd"), f.get("rule", ""), _calc_text(f)] for f in entry.get("fees", [])],
        "papers": [
            [p["name"], p["form"], p.get("count", 1), bool(p.get("required", True))] for p in entry.get("papers", [])
        ],
        "result": entry.get("result", ""),
        "agency": entry.get("agency", ""),
        "agency_short": entry.get("agency_short", ""),
    }
    return json.dumps(normal, ensure_ascii=False, sort_keys=True)


def current_entry(conn: sqlite3.Connection, code: str) -> dict[str, Any] | None:
    """The current version of a procedure in the catalogue file's form (None when unknown)."""
    row = conn.execute("SELECT id FROM procedures WHERE code = ? AND is_current = 1", (code,)).fetchone()
    if row is None:
        return None
    proc = _load(conn, row["id"])
    return {
        "code": proc.code,
        "version": proc.version,
        "national_code": proc.national_code,
        "confidence": proc.confidence,
        "sources": list(proc.sources),
        "name": proc.name,
        "field": proc.field,
        "processing_time": {"value": proc.processing_value, "unit": proc.processing_unit.value,
                            "note": proc.processing_note},
        "fees": [{"name": f.name, "amount_vnd": f.amount_vnd, "rule": f.rule, **_calc_entry(f)} for f in proc.fees],
        "papers": [
            {"name": p.name, "form": p.form.value, "count": p.count, "required": p.required} for p in proc.papers
        ],
        "result": proc.result,
        "agency": proc.agency,
        "agency_short": proc.agency_short,
    }


def _calc_entry(fee: FeeSpec) -> dict[str, Any]:
    return {"calc": json.loads(fee.calc_json)} if fee.calc_json else {}


def _current_key(conn: sqlite3.Connection, code: str) -> tuple[int, str] | None:
    entry = current_entry(conn, code)
    return None if entry is None else (entry["version"], _content_key(entry))


def import_entries(conn: sqlite3.Connection, entries: list[dict[str, Any]], catalogue_version: str) -> int:
    """Add new procedures and new versions of changed ones; returns how many rows were added."""
    added = 0
    for entry in entries:
        current = _current_key(conn, entry["code"])
        if current is not None and current[1] == _content_key(entry):
            continue
        version = current[0] + 1 if current else 1
        conn.execute("UPDATE procedures SET is_current = 0 WHERE code = ?", (entry["code"],))
        time = entry["processing_time"]
        cur = conn.execute(
            "INSERT INTO procedures (code, version, catalogue_version, name, name_fold, field,"
            " processing_value, processing_unit, processing_note, result, agency, national_code,"
            " confidence, sources, agency_short) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                entry["code"], version, catalogue_version, entry["name"], fold(entry["name"]),
                entry["field"], time["value"], time["unit"], time.get("note", ""),
                entry.get("result", ""), entry.get("agency", ""), int(entry.get("national_code", True)),
                entry.get("confidence", "confirmed"), json.dumps(entry.get("sources", []), ensure_ascii=False),
                entry.get("agency_short", ""),
            ),
        )
        pid = cur.fetchone()[0]
        conn.executemany(
            "INSERT INTO procedure_papers (procedure_id, position, name, form, count, required)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (pid, i, p["name"], p["form"], p.get("count", 1), int(p.get("required", True)))
                for i, p in enumerate(entry.get("papers", []))
            ],
        )
        conn.executemany(
            "INSERT INTO procedure_fees (procedure_id, position, name, amount_vnd, rule, calc) VALUES (?, ?, ?, ?, ?, ?)",
            [(pid, i, f["name"], f.get("amount_vnd"), f.get("rule", ""), _calc_text(f))
             for i, f in enumerate(entry.get("fees", []))],
        )
        added += 1
    return added


def import_file(store: Store, path: Path | str, *, by: Actor | None) -> int:
    """Import a catalogue file (``by`` None: the bundled one at first start)."""
    doc = load_file(path)
    with store.write() as conn:
        if by is not None:
            require_role(by, Role.SUPERVISOR)
        added = import_entries(conn, doc["procedures"], doc["catalogue_version"])
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('catalogue_version', ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (doc["catalogue_version"],),
        )
        audit.append(conn, username=by.username if by else "", action="catalogue.import",
                     details={"version": doc["catalogue_version"], "added": added})
    return added


def ensure_bundled(store: Store) -> None:
    """Load the bundled catalogue into an empty store."""
    with store.read() as conn:
        empty = conn.execute("SELECT 1 FROM procedures LIMIT 1").fetchone() is None
    if empty:
        import_file(store, bundled_path(), by=None)


def _load(conn: sqlite3.Connection, procedure_id: int) -> Procedure:
    # All four sent before the first answer is read: one round trip in a batch on the office server.
    head = conn.execute("SELECT * FROM procedures WHERE id = ?", (procedure_id,))
    paper_rows = conn.execute("SELECT * FROM procedure_papers WHERE procedure_id = ? ORDER BY position",
                              (procedure_id,))
    fee_rows = conn.execute("SELECT * FROM procedure_fees WHERE procedure_id = ? ORDER BY position", (procedure_id,))
    mapping = conn.execute("SELECT national_code FROM procedure_code_map"
                           " WHERE local_code = (SELECT code FROM procedures WHERE id = ?)", (procedure_id,))
    row = head.fetchone()
    if row is None:
        raise NotFound(f"Không có thủ tục số {procedure_id}.")
    papers = tuple(PaperSpec(r["name"], PaperForm(r["form"]), r["count"], bool(r["required"])) for r in paper_rows)
    fees = tuple(FeeSpec(r["name"], r["amount_vnd"], r["rule"], r["calc"]) for r in fee_rows)
    mapped = mapping.fetchone()
    return Procedure(
        id=row["id"], code=row["code"], version=row["version"], name=row["name"], field=row["field"],
        processing_value=row["processing_value"], processing_unit=ProcessingUnit(row["processing_unit"]),
        processing_note=row["processing_note"], result=row["result"], agency=row["agency"],
        agency_short=row["agency_short"],
        papers=papers, fees=fees, national_code=bool(row["national_code"]), confidence=row["confidence"],
        sources=tuple(json.loads(row["sources"])), mapped_code=mapped[0] if mapped else "",
    )


def load_procedure(conn: sqlite3.Connection, procedure_id: int) -> Procedure:
    return _load(conn, procedure_id)


def current_procedure(conn: sqlite3.Connection, code: str) -> Procedure:
    """The current version of a procedure by its code, inside the caller's transaction."""
    row = conn.execute("SELECT id FROM procedures WHERE code = ? AND is_current = 1", (code,)).fetchone()
    if row is None:
        raise NotFound(f"Không có thủ tục mã «{code}» trong danh mục.")
    return _load(conn, row["id"])


def get_procedure(store: Store, code: str) -> Procedure:
    """The current version of a procedure by its code."""
    with store.read(batched=True) as conn:
        return current_procedure(conn, code)


USAGE_WINDOW = 10_000  # the latest dossiers whose procedures "most used first" counts


def list_procedures(store: Store, *, most_used_first: bool = False) -> list[Procedure]:
    """Current procedures, alphabetical, or by how often they were used lately (for the picker).

    "Lately" is the latest :data:`USAGE_WINDOW` dossiers (a few weeks at a busy counter), counted
    in one grouped query over that id range: counting every dossier ever received took one scan
    of the table per procedure, 1.6 s at 1,000,000 dossiers (issue 12), and the counter's work of
    the last weeks is the better guess of what the next citizen wants anyway.
    """
    with store.read() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM procedures WHERE is_current = 1 ORDER BY name_fold")]
        uses = dict(conn.execute(RECENT_USE_SQL, (USAGE_WINDOW,)).fetchall()) if most_used_first else {}
        procedures = [_load(conn, i) for i in ids]
    return sorted(procedures, key=lambda p: -uses.get(p.code, 0))  # stable: alphabetical among equals


# Dossiers per procedure code among the latest ones (ids are allocated in receiving order).
# Grouped by procedure first, so the id range is read once rather than once per procedure.
RECENT_USE_SQL = (
    "SELECT p.code, SUM(u.n) FROM (SELECT procedure_id, COUNT(*) AS n FROM dossiers"
    " WHERE id > (SELECT COALESCE(MAX(id), 0) FROM dossiers) - ? GROUP BY procedure_id) u"
    " JOIN procedures p ON p.id = u.procedure_id GROUP BY p.code"
)


# A national procedure code: "1.004194", optionally with its publication suffix ("….000.00.00.H42").
NATIONAL_CODE = re.compile(r"^[1-3]\.\d{6}(\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?$")


def map_code(store: Store, actor: Actor, local_code: str, national_code: str) -> int:
    """Resolve a local procedure code to the national one the portal's catalogue offers.

    From then on every dossier received under any version of the local procedure is sent with
    the national code; those the portal refused are queued again in the same transaction, with
    one audit record for the mapping. Returns how many outbox rows were re-queued. Only an
    administrator maps codes: a wrong mapping sends citizens' dossiers under another procedure.
    """
    require_role(actor, Role.ADMIN)
    national = national_code.strip()
    if not NATIONAL_CODE.fullmatch(national):
        raise ValidationError(f"«{national}» không phải mã thủ tục quốc gia (dạng 1.004194 hoặc "
                              "1.002179.000.00.00.H42).")
    with store.write() as conn:
        row = conn.execute("SELECT national_code FROM procedures WHERE code = ? AND is_current = 1",
                           (local_code,)).fetchone()
        if row is None:
            raise NotFound(f"Không có thủ tục mã «{local_code}» trong danh mục.")
        if row["national_code"]:
            raise ValidationError(f"Mã «{local_code}» đã là mã quốc gia: không cần ánh xạ.")
        before = conn.execute("SELECT national_code FROM procedure_code_map WHERE local_code = ?",
                              (local_code,)).fetchone()
        if before is not None and before[0] == national:
            raise ValidationError(f"Mã «{local_code}» đã được ánh xạ sang «{national}».")
        conn.execute("INSERT INTO procedure_code_map (local_code, national_code, mapped_at, mapped_by) VALUES (?, ?, ?, ?)"
                     " ON CONFLICT (local_code) DO UPDATE SET national_code = excluded.national_code,"
                     " mapped_at = excluded.mapped_at, mapped_by = excluded.mapped_by",
                     (local_code, national, clock.to_db(clock.now()), actor.username))
        dossiers = "SELECT d.id FROM dossiers d JOIN procedures p ON p.id = d.procedure_id WHERE p.code = ?"
        count = conn.execute(f"SELECT COUNT(*) FROM ({dossiers}) AS mapped", (local_code,)).fetchone()[0]
        requeued = conn.execute(
            f"UPDATE outbox SET failed = 0, next_attempt_at = NULL WHERE failed = 1 AND dossier_id IN ({dossiers})",
            (local_code,),
        ).rowcount
        audit.append(conn, username=actor.username, action="catalogue.map_code", entity="procedure",
                     entity_id=local_code, details={"national_code": national, "previous": before[0] if before else None,
                                                    "dossiers": count, "requeued": requeued})
    return requeued
