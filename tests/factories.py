"""Builders for core tests: an initialised store and valid receive requests (no Qt)."""
from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

from counter_app import catalogue, office, services, users
from counter_app.models import Actor, Applicant, DossierPaper, Office, Role
from counter_app.paths import open_store
from counter_app.store import Store

AGENCY = "H15.50.05.13"
PASSWORD = "matkhau123"
OFFICE_ROLE_PASSWORD = "mat-khau-quay-1"  # the office server's database role (tests' office_db)
TEST_OFFICE = Office(
    agency_code=AGENCY,
    agency_name="Trung tâm Phục vụ hành chính công xã Tân Hòa",
    parent_agency_name="UBND xã Tân Hòa",
    place_name="Tân Hòa",
)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ", "Vũ", "Võ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Hồng", "Ngọc"]
GIVEN = ["Đức", "Hòa", "An", "Bình", "Dũng", "Hương", "Lan", "Thủy", "Quỳnh", "Tuấn", "Đào"]
PLACES = ["thôn Đông", "xóm Chợ", "thôn Đình Bảng", "ấp Tân Thành", "bản Mường Lò"]


def make_store(path: Path) -> Store:
    """A store with the office profile saved and the bundled catalogue loaded (no users)."""
    store = open_store(path)
    office.save_office(store, TEST_OFFICE, by=None)
    return store


def add_users(store: Store) -> dict[str, Actor]:
    """admin, supervisor and staff accounts, all with PASSWORD."""
    admin = users.create_user(store, username="admin", full_name="Nguyễn Văn Quản", role=Role.ADMIN,
                              password=PASSWORD, by=None)
    by = Actor.of(admin)
    sup = users.create_user(store, username="lanhdao", full_name="Trần Thị Lãnh", role=Role.SUPERVISOR,
                            password=PASSWORD, by=by)
    staff = users.create_user(store, username="canbo", full_name="Lê Văn Cán", role=Role.STAFF,
                              password=PASSWORD, by=by)
    return {"admin": by, "supervisor": Actor.of(sup), "staff": Actor.of(staff)}


def initialised_database(path: Path) -> Path:
    """A closed database file with office and users, for tests that work on it from other processes."""
    store = make_store(path)
    add_users(store)
    store.close()
    return path


# Start of a script run in a child process: a store on ``{db}`` and the staff actor "canbo".
RECEIVER_PREAMBLE = """
import random, sys
from datetime import datetime, timedelta
sys.path.insert(0, {tests!r})
from counter_app import services, users
from counter_app.models import Actor
from counter_app.store import Store
from factories import request
store = Store({db!r})
actor = Actor.of(users.get_user(store, "canbo"))
"""
TESTS_DIR = str(Path(__file__).resolve().parent)


def personal_id(rng: random.Random, birth_year: int, female: bool, province: str = "001") -> str:
    century = (birth_year // 100 - 19) * 2 + int(female)
    return f"{province}{century}{birth_year % 100:02d}{rng.randrange(10**6):06d}"


def request(
    store: Store,
    *,
    procedure_code: str = "1.004194",
    rng: random.Random | None = None,
    received_at: datetime | None = None,
    full_name: str | None = None,
    address: str | None = None,
) -> services.ReceiveRequest:
    """A valid request for the procedure with every required paper ticked."""
    rng = rng or random.Random(1)
    procedure = catalogue.get_procedure(store, procedure_code)
    year = rng.randrange(1950, 2005)
    female = rng.random() < 0.5
    name = full_name or f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    applicant = Applicant(
        full_name=name,
        personal_id=personal_id(rng, year, female),
        birth_date=date(year, rng.randrange(1, 13), rng.randrange(1, 29)),
        sex="female" if female else "male",
        address=address or f"Số {rng.randrange(1, 200)}, {rng.choice(PLACES)}, xã Yên Thành, tỉnh Ninh Bình",
        phone=f"09{rng.randrange(10**8):08d}",
    )
    papers = tuple(DossierPaper(p.name, p.form, p.count) for p in procedure.papers if p.required)
    return services.ReceiveRequest(procedure_code=procedure_code, applicant=applicant, papers=papers,
                                   received_at=received_at)


def actors_of(store: Store) -> dict[str, Actor]:
    """The accounts :func:`add_users` made, read back (from a database cloned from a template)."""
    return {key: Actor.of(users.get_user(store, name))
            for key, name in (("admin", "admin"), ("supervisor", "lanhdao"), ("staff", "canbo"))}
