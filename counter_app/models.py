"""Plain data objects shared by the store, the services, printing, sync and the UI.

They are frozen dataclasses with no behaviour beyond small derived properties, so that
printing and sync can be tested with hand-made values and never need a database.
Times are naive ``datetime`` values in office local time (Asia/Ho_Chi_Minh).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import IntEnum, StrEnum

from . import fees
from .fees import FeeRule


class Role(StrEnum):
    """What a user may do. Each role includes the rights of the ones before it."""

    STAFF = "staff"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def at_least(self, other: Role) -> bool:
        return self.rank >= other.rank


class PaperForm(StrEnum):
    """How a paper is handed in (bản chính / bản sao chứng thực / bản photo), or only shown (xuất trình).

    A paper only shown to the clerk and handed back is not kept, so it is exempt from
    digitisation (``counter_app.digitisation``).
    """

    ORIGINAL = "original"
    CERTIFIED_COPY = "certified_copy"
    PHOTOCOPY = "photocopy"
    ORIGINAL_OR_COPY = "original_or_copy"
    SHOWN = "shown"


class ProcessingUnit(StrEnum):
    """How a procedure's processing time is counted."""

    SAME_DAY = "same_day"
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"


class PaymentMethod(StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"
    EXEMPT = "exempt"


class Delivery(StrEnum):
    """Where the citizen gets the result."""

    COUNTER = "counter"
    POST = "post"


class OutboxState(IntEnum):
    """Where an outbox row stands (column ``outbox.failed``, named before conflicts existed)."""

    PENDING = 0  # to send, when due
    REFUSED = 1  # the portal refused it: staff fix the dossier, then retry
    CONFLICT = 2  # the portal holds another dossier under its code: never sent until re-coded


@dataclass(frozen=True)
class OfficeHours:
    """Working periods of a day, Monday to Friday unless the calendar says otherwise."""

    periods: tuple[tuple[time, time], ...] = (
        (time(7, 30), time(11, 30)),
        (time(13, 30), time(17, 0)),
    )

    def to_json(self) -> list[list[str]]:
        return [[a.strftime("%H:%M"), b.strftime("%H:%M")] for a, b in self.periods]

    @classmethod
    def from_json(cls, value: list[list[str]]) -> OfficeHours:
        return cls(tuple((time.fromisoformat(a), time.fromisoformat(b)) for a, b in value))


@dataclass(frozen=True)
class Office:
    """The office profile: who is receiving, printed on every paper."""

    agency_code: str  # mã định danh cơ quan, e.g. H15.50.05.13
    agency_name: str  # e.g. "Trung tâm Phục vụ hành chính công xã Tân Hòa"
    parent_agency_name: str  # e.g. "UBND XÃ TÂN HÒA"
    address: str = ""
    province: str = ""
    commune: str = ""
    place_name: str = ""  # "{place}, ngày … tháng … năm …"
    counter_name: str = "Quầy số 1"
    counter_no: int = 1  # 1–99, unique within the office: part of every dossier code and log book
    phone: str = ""
    office_hours: OfficeHours = field(default_factory=OfficeHours)
    status_lookup_url: str = ""
    regulation_profile: str = "nd118-2025"


@dataclass(frozen=True)
class User:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool = True


@dataclass(frozen=True)
class Actor:
    """The logged-in user on whose behalf a service runs."""

    user_id: int
    username: str
    full_name: str
    role: Role

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(user.id, user.username, user.full_name, user.role)


@dataclass(frozen=True)
class PaperSpec:
    """A paper the procedure asks for (catalogue)."""

    name: str
    form: PaperForm
    count: int = 1
    required: bool = True  # conditional papers ("nếu có", "khi …") are not


@dataclass(frozen=True)
class FeeSpec:
    """A fee or charge of a procedure; amount is None when the province sets it."""

    name: str
    amount_vnd: int | None
    rule: str = ""  # the law's wording, shown to staff
    calc_json: str = ""  # the catalogue's ``calc`` as stored; '' for a fixed amount per dossier

    @property
    def computation(self) -> FeeRule:
        """How the amount follows from pages, copies and sets (checked when the catalogue was imported)."""
        return fees.rule_from_json(self.calc_json, self.amount_vnd)


def short_agency(agency: str, agency_short: str) -> str:
    """The agency as a register column prints it: the catalogue's short name, else the
    description up to its first explanation ("Công an cấp xã (nộp ở…)" → "Công an cấp xã")."""
    return agency_short or re.split(r"[(;]", agency, maxsplit=1)[0].strip()


def agency_label(processing_agency: str, agency: str, agency_short: str) -> str:
    """The processing agency for narrow columns: the one a dossier was transferred to, else the procedure's short name.

    A function of the stored columns, so the streamed daily log and a loaded dossier agree.
    """
    if processing_agency and processing_agency != agency:
        return processing_agency
    return short_agency(agency, agency_short)


def book_label(counter_no: int, year: int) -> str:
    """Quyển số as printed: each counter keeps its own book a year ("02/2026"), so numbers never repeat."""
    return f"{counter_no:02d}/{year}"


@dataclass(frozen=True)
class Procedure:
    id: int
    code: str  # national code where known, else a local one (see catalogue notes)
    version: int
    name: str
    field: str
    processing_value: int
    processing_unit: ProcessingUnit
    processing_note: str = ""
    result: str = ""
    agency: str = ""  # cơ quan chủ trì giải quyết, as the catalogue describes it (often a sentence)
    agency_short: str = ""  # the agency's name alone, for narrow columns ('' : the description's first part)
    papers: tuple[PaperSpec, ...] = ()
    fees: tuple[FeeSpec, ...] = ()
    national_code: bool = True
    confidence: str = "confirmed"
    sources: tuple[str, ...] = ()
    mapped_code: str = ""  # the national code a local one was mapped to (catalogue.map_code)

    @property
    def portal_code(self) -> str:
        """The code the portal knows this procedure by: the mapped national code, else its own."""
        return self.mapped_code or self.code

    @property
    def short_agency(self) -> str:
        """The agency as a register column prints it (:func:`short_agency`)."""
        return short_agency(self.agency, self.agency_short)

    @property
    def processing_label(self) -> str:
        """Vietnamese wording of the processing time, as printed on the receipt."""
        if self.processing_unit is ProcessingUnit.SAME_DAY:
            return "Trong ngày"
        unit = "ngày làm việc" if self.processing_unit is ProcessingUnit.WORKING_DAYS else "giờ làm việc"
        return f"{self.processing_value:02d} {unit}"


@dataclass(frozen=True)
class Applicant:
    full_name: str
    personal_id: str = ""
    old_id: str = ""
    birth_date: date | None = None
    sex: str = ""  # "male" / "female" / ""
    address: str = ""
    phone: str = ""
    email: str = ""
    social_insurance_no: str = ""
    hi_card_code: str = ""
    kind: str = "citizen"  # citizen / organisation (LoaiDoiTuong 1 / 2)


@dataclass(frozen=True)
class Subject:
    """Người được cấp / chủ hồ sơ: whom the dossier is about, when not the submitter.

    The newborn of a birth registration, the deceased of a death registration, the person who
    authorised the submitter. The portal names them as ``ChuHoSo``; the receipt's trích yếu
    names them ("Đăng ký khai sinh cho Nguyễn Văn An").
    """

    full_name: str
    personal_id: str = ""
    birth_date: date | None = None
    relation: str = ""  # to the submitter: "con", "bố", "người ủy quyền"…
    authorisation: str = ""  # the authorisation paper, e.g. "Giấy ủy quyền số 12/2026, UBND xã…"


@dataclass(frozen=True)
class DossierPaper:
    name: str
    form: PaperForm
    count: int = 1
    received: bool = True


# A line whose name starts so is a contribution the counter collects on behalf of Viet Nam Social
# Security (household health insurance, voluntary social insurance), not a fee (phí, lệ phí): it
# gets no fee receipt, stays out of the fee totals, the Sổ thu phí, lệ phí and Decision 766's
# indicator 3.6, and is not sent to the portal as a fee. The catalogue writes such lines "Tiền
# đóng … (không phải lệ phí)" and the insurance calculator's lines start the same way.
CONTRIBUTION_PREFIX = "Tiền đóng"


@dataclass(frozen=True)
class DossierFee:
    name: str
    amount_vnd: int
    method: PaymentMethod = PaymentMethod.CASH
    exempt_reason: str = ""
    detail: str = ""  # what the amount was computed on, e.g. "10 trang × 3 bản"; '' for a fixed fee

    @property
    def collected_vnd(self) -> int:
        """What the counter takes in for this fee (nothing when exempt)."""
        return 0 if self.method is PaymentMethod.EXEMPT else self.amount_vnd

    @property
    def is_contribution(self) -> bool:
        """An insurance contribution collected for Social Security, not a fee (``CONTRIBUTION_PREFIX``)."""
        return self.name.startswith(CONTRIBUTION_PREFIX)


@dataclass(frozen=True)
class StatusEvent:
    id: int
    at: datetime
    action: str
    from_status: str | None
    to_status: str
    portal_code: int
    username: str
    user_full_name: str
    note: str = ""
    data: dict = field(default_factory=dict)
    source: str = "counter"  # "counter" or "portal" (pulled)


@dataclass(frozen=True)
class Dossier:
    """A dossier as loaded from the store, with everything printing and sync need."""

    id: int
    code: str
    status: str
    procedure: Procedure
    applicant: Applicant
    received_at: datetime
    due_at: datetime
    sets_count: int
    papers: tuple[DossierPaper, ...]
    fees: tuple[DossierFee, ...]
    delivery: Delivery
    delivery_address: str
    received_by: str  # username
    received_by_name: str
    log_book: int  # the year of the counter's tracking log
    log_number: int  # Số thứ tự in the book
    counter_no: int = 1  # the counter (numbering range) that received it
    processing_agency: str = ""
    note: str = ""
    summary: str = ""  # trích yếu
    subject: Subject | None = None  # chủ hồ sơ when not the submitter
    events: tuple[StatusEvent, ...] = ()
    transferred_at: datetime | None = None
    result_ready_at: datetime | None = None
    returned_at: datetime | None = None
    returned_to: str = ""
    updated_at: datetime | None = None
    fee_receipt_book: int | None = None  # the year of the fee receipt series; None: nothing collected
    fee_receipt_number: int | None = None  # Số of the fee receipt in its counter's series for that year

    @property
    def agency_label(self) -> str:
        """The processing agency for narrow columns: the one it was transferred to, else the procedure's short name."""
        return agency_label(self.processing_agency, self.procedure.agency, self.procedure.agency_short)

    @property
    def log_book_label(self) -> str:
        """Quyển số as printed: each counter keeps its own book a year ("02/2026"), so numbers never repeat."""
        return book_label(self.counter_no, self.log_book)

    @property
    def charges(self) -> tuple[DossierFee, ...]:
        """The fees proper (phí, lệ phí): what a fee receipt and the fee totals are about."""
        return tuple(f for f in self.fees if not f.is_contribution)

    @property
    def contributions(self) -> tuple[DossierFee, ...]:
        """Insurance contributions collected for Social Security (``CONTRIBUTION_PREFIX``)."""
        return tuple(f for f in self.fees if f.is_contribution)

    @property
    def total_fee_vnd(self) -> int:
        """Fees collected (phí, lệ phí), contributions left out."""
        return sum(f.collected_vnd for f in self.charges)

    @property
    def total_collected_vnd(self) -> int:
        """Everything taken in at the counter for this dossier: fees and contributions."""
        return sum(f.collected_vnd for f in self.fees)

    @property
    def fee_receipt_book_label(self) -> str:
        """Quyển of the fee receipt: one series per counter and year, like the tracking log's book."""
        return book_label(self.counter_no, self.fee_receipt_book) if self.fee_receipt_book else ""
