"""Office-local time. The store keeps naive ISO timestamps in Asia/Ho_Chi_Minh."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from .errors import ValidationError

OFFICE_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
_FORMAT = "%Y-%m-%d %H:%M:%S"


def now() -> datetime:
    """Current office-local time to the second, without tzinfo (as stored)."""
    return datetime.now(OFFICE_TZ).replace(tzinfo=None, microsecond=0)


def today() -> date:
    """The office's date: what every paper, default and check means by "today", whatever the computer's zone."""
    return now().date()


def to_office(value: datetime) -> datetime:
    """``value`` as stored: office-local, naive, to the second.

    A time with a zone (``…T09:15:00Z`` from another system) is converted, so 09:15 UTC is
    16:15 here; a naive time is office-local already.
    """
    if value.tzinfo is not None:
        try:
            value = value.astimezone(OFFICE_TZ).replace(tzinfo=None)
        except OverflowError:  # 9999-12-31T23:00-05:00 has no local equivalent
            raise ValidationError("Thời gian nằm ngoài khoảng cho phép.") from None
    return value.replace(microsecond=0)


def to_db(value: datetime) -> str:
    return value.strftime(_FORMAT)


def from_db(value: str | None) -> datetime | None:
    return datetime.strptime(value, _FORMAT) if value else None


def date_from_db(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
