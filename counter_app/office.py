"""The office profile, settings and the office's calendar overrides."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, fields
from datetime import date

from . import audit
from .codes import COUNTER_NUMBERS
from .errors import NotFound, ValidationError
from .models import Actor, Office, OfficeHours, Role
from .store import Store
from .users import require_role
from .workdays import WorkCalendar

AGENCY_CODE_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.")


def validate_office(office: Office) -> None:
    """Raise ValidationError (Vietnamese) for a profile that cannot be saved; the set-up wizard checks early."""
    if not office.agency_code or not set(office.agency_code) <= AGENCY_CODE_CHARS:
        raise ValidationError("Mã định danh cơ quan chỉ gồm chữ in hoa, chữ số và dấu chấm (ví dụ H15.50.05.13).")
    if not office.agency_name.strip() or not office.parent_agency_name.strip():
        raise ValidationError("Chưa nhập tên cơ quan và tên cơ quan chủ quản.")
    if office.counter_no not in COUNTER_NUMBERS:
        raise ValidationError("Số quầy phải từ 1 đến 99 (mỗi quầy trong cơ quan một số khác nhau).")
    periods = office.office_hours.periods
    if not periods or any(a >= b for a, b in periods) or any(
        periods[i][1] > periods[i + 1][0] for i in range(len(periods) - 1)
    ):
        raise ValidationError("Giờ làm việc không hợp lệ: các buổi phải tăng dần và không chồng lên nhau.")


DIVISION_PREFIXES = ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ", "Thị trấn ")


def place_name_of(division: str) -> str:
    """"Xã Ba Vì" → "Ba Vì": the place written before the date on papers ("Ba Vì, ngày …")."""
    for prefix in DIVISION_PREFIXES:
        if division.startswith(prefix):
            return division[len(prefix):]
    return division


OFFICE_SQL = "SELECT * FROM office WHERE id = 1"


def load_office_row(conn: sqlite3.Connection) -> Office | None:
    return office_from_row(conn.execute(OFFICE_SQL).fetchone())


def office_from_row(row: sqlite3.Row | None) -> Office | None:
    """The profile in an answer to :data:`OFFICE_SQL` (a caller may send it early and read it later)."""
    if row is None:
        return None
    values = {f.name: row[f.name] for f in fields(Office) if f.name != "office_hours"}
    return Office(**values, office_hours=OfficeHours.from_json(json.loads(row["office_hours"])))


def installation_id(conn: sqlite3.Connection) -> str:
    """This database's random identity, sent with every dossier record so the portal's copy can be told ours."""
    return str(conn.execute("SELECT value FROM settings WHERE key = 'installation_id'").fetchone()[0])


def this_counter(store: Store, office: Office) -> int:
    """The counter number this installation receives under: the one it took when it joined a
    shared office database (``store.counter_no``), else the office profile's."""
    return store.counter_no or office.counter_no


def get_office(store: Store) -> Office:
    with store.read() as conn:
        office = load_office_row(conn)
    if office is None:
        raise NotFound("Chưa thiết lập thông tin cơ quan.")
    return office


def is_initialised(store: Store) -> bool:
    with store.read() as conn:
        return conn.execute("SELECT 1 FROM office").fetchone() is not None and (
            conn.execute("SELECT 1 FROM users WHERE role = 'admin' AND active = 1").fetchone() is not None
        )


def save_office(store: Store, office: Office, *, by: Actor | None) -> None:
    """Create or replace the office profile. ``by`` is None only during first-run set-up."""
    validate_office(office)
    with store.write() as conn:
        if by is not None:
            require_role(by, Role.ADMIN)
        values = asdict(office)
        values["office_hours"] = json.dumps(office.office_hours.to_json())
        columns = ", ".join(values)
        conn.execute(
            f"INSERT INTO office (id, {columns}) VALUES (1, {', '.join('?' * len(values))})"
            f" ON CONFLICT (id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in values)}",
            tuple(values.values()),
        )
        audit.append(conn, username=by.username if by else "", action="office.save",
                     entity="office", entity_id=office.agency_code)


def get_setting(store: Store, key: str, default: str | None = None) -> str | None:
    with store.read() as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def set_setting(store: Store, key: str, value: str) -> None:
    with store.write() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


OVERRIDES_SQL = "SELECT day, kind FROM calendar_overrides"


def load_calendar(conn: sqlite3.Connection) -> WorkCalendar:
    """The working-day calendar with this office's hours and overrides."""
    overrides = conn.execute(OVERRIDES_SQL)
    return calendar_of(load_office_row(conn), overrides)


def calendar_of(office: Office | None, overrides: Iterable[sqlite3.Row]) -> WorkCalendar:
    """The calendar from the profile and an answer to :data:`OVERRIDES_SQL`."""
    hours = office.office_hours if office else OfficeHours()
    days_off: set[date] = set()
    workdays: set[date] = set()
    for row in overrides:
        (days_off if row["kind"] == "day_off" else workdays).add(date.fromisoformat(row["day"]))
    return WorkCalendar(hours, days_off=days_off, extra_workdays=workdays)


def get_calendar(store: Store) -> WorkCalendar:
    with store.read() as conn:
        return load_calendar(conn)


def set_calendar_override(store: Store, *, day: date, kind: str, note: str = "", by: Actor) -> None:
    """Mark a day off (extra holiday) or a make-up working day."""
    require_role(by, Role.SUPERVISOR)
    if kind not in ("day_off", "workday"):
        raise ValidationError("Loại ngày phải là ngày nghỉ hoặc ngày làm bù.")
    with store.write() as conn:
        conn.execute(
            "INSERT INTO calendar_overrides (day, kind, note) VALUES (?, ?, ?)"
            " ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, note = excluded.note",
            (day.isoformat(), kind, note.strip()),
        )
        audit.append(conn, username=by.username, action=f"calendar.{kind}", entity="calendar",
                     entity_id=day.isoformat())


def remove_calendar_override(store: Store, *, day: date, by: Actor) -> None:
    require_role(by, Role.SUPERVISOR)
    with store.write() as conn:
        conn.execute("DELETE FROM calendar_overrides WHERE day = ?", (day.isoformat(),))
        audit.append(conn, username=by.username, action="calendar.remove", entity="calendar",
                     entity_id=day.isoformat())


def list_calendar_overrides(store: Store) -> list[tuple[date, str, str]]:
    with store.read() as conn:
        return [
            (date.fromisoformat(r["day"]), r["kind"], r["note"])
            for r in conn.execute("SELECT * FROM calendar_overrides ORDER BY day")
        ]
