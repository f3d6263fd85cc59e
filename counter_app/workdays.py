"""Working-day calendar: when a dossier counts as received and when its result is due.

Processing times are set in working days or working hours (Decree 61/2018 and 118/2025):
Monday–Friday within office hours, skipping public holidays (Labour Code 2019, days moved
by government notice included, as ``holidays.country_holidays("VN")`` lists them). The
office can add days off and make-up working days (often a Saturday) that the library does
not know. Times are naive local datetimes (Asia/Ho_Chi_Minh), as everywhere in the app.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import pairwise

import holidays

from .models import OfficeHours, ProcessingUnit

__all__ = ["WorkCalendar", "due_state", "public_holidays"]

# No real calendar has a year without a working day; stop searching long before that.
_MAX_SEARCH_DAYS = 366
# The longest processing time in any catalogue is a few months; beyond about four years a
# count is a typo, and counting 3,000,000 days would run for minutes and then overflow.
MAX_WORKING_DAYS = 1000
MAX_WORKING_HOURS = MAX_WORKING_DAYS * 8


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    """Vietnamese public holidays of one year, cached: building them computes the lunar calendar."""
    return frozenset(holidays.country_holidays("VN", years=year))


def public_holiday_names(year: int) -> list[tuple[date, str]]:
    """The year's public holidays with their Vietnamese names, for staff to see why a day is off."""
    return sorted(holidays.country_holidays("VN", years=year, language="vi").items())


def due_state(due_at: datetime, now: datetime) -> str:
    """Deadline colour of a dossier list: "overdue", "due_today" or "on_time".

    A dossier due later today is "due_today" so that staff finish it before closing;
    one whose due time has passed is "overdue" even on the same day.
    """
    if now > due_at:
        return "overdue"
    if now.date() == due_at.date():
        return "due_today"
    return "on_time"


class WorkCalendar:
    """Office periods plus the holiday calendar and the office's own overrides."""

    def __init__(
        self,
        hours: OfficeHours | None = None,
        *,
        days_off: Iterable[date] = (),
        extra_workdays: Iterable[date] = (),
    ) -> None:
        """Check the office periods once, so that every computation can trust them.

        ``days_off`` are extra days the office is closed; ``extra_workdays`` are make-up
        working days (a Saturday worked in exchange for a bridge day off). A date in both
        is a day off: closing is the safer reading for a citizen's appointment.
        """
        self.hours = hours or OfficeHours()
        periods = self.hours.periods
        if not periods:
            raise ValueError("Giờ làm việc phải có ít nhất một buổi.")
        for start, end in periods:
            if start >= end:
                raise ValueError("Mỗi buổi làm việc phải kết thúc sau khi bắt đầu.")
        for (_, end), (start, _) in pairwise(periods):
            if start < end:
                raise ValueError("Các buổi làm việc phải theo thứ tự và không chồng lên nhau.")
        self.periods: tuple[tuple[time, time], ...] = tuple(periods)
        self.days_off: frozenset[date] = frozenset(days_off)
        self.extra_workdays: frozenset[date] = frozenset(extra_workdays)

    # -- days -------------------------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        """Office overrides first, then weekends, then the public holidays."""
        if d in self.days_off:
            return False
        if d in self.extra_workdays:
            return True
        return d.weekday() < 5 and d not in public_holidays(d.year)

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        for offset in range(1, _MAX_SEARCH_DAYS + 1):
            candidate = d + timedelta(days=offset)
            if self.is_working_day(candidate):
                return candidate
        raise ValueError("Không tìm thấy ngày làm việc nào trong một năm sau ngày đã cho.")

    def working_days_between(self, a: date, b: date) -> int:
        """Working days ``d`` with ``a < d <= b`` (negative when ``b`` is before ``a``).

        Used for "overdue by N working days": due on Monday and still open on Wednesday
        is 2 days late; the day of the deadline itself is not a late day.
        """
        if b < a:
            return -self.working_days_between(b, a)
        return sum(
            self.is_working_day(a + timedelta(days=offset)) for offset in range(1, (b - a).days + 1)
        )

    # -- moments ----------------------------------------------------------------------------

    def _at(self, d: date, t: time) -> datetime:
        return datetime.combine(d, t)

    def _first_period_start(self, d: date) -> datetime:
        return self._at(d, self.periods[0][0])

    def _day_end(self, d: date) -> datetime:
        return self._at(d, self.periods[-1][1])

    def start_of_service(self, dt: datetime) -> datetime:
        """When a receipt at ``dt`` starts counting: ``dt`` itself inside a period, otherwise
        the start of the next working period (lunch → afternoon, evening or holiday → the
        next working morning). A period's end belongs to the break after it.
        """
        if self.is_working_day(dt.date()):
            clock = dt.time()
            for start, end in self.periods:
                if clock < start:
                    return self._at(dt.date(), start)
                if clock < end:
                    return dt
        return self._first_period_start(self.next_working_day(dt.date()))

    def add_working_days(self, received: datetime, n: int) -> datetime:
        """Due time of an N-working-day procedure: the same clock time as the (normalised)
        receipt, on the N-th working day after the day of receipt.

        Normalising first means a Saturday receipt is due as if received Monday at opening.
        """
        if not 0 <= n <= MAX_WORKING_DAYS:
            raise ValueError(f"Số ngày làm việc phải từ 0 đến {MAX_WORKING_DAYS}.")
        start = self.start_of_service(received)
        day = start.date()
        for _ in range(n):
            day = self.next_working_day(day)
        return self._at(day, start.time())

    def add_working_hours(self, received: datetime, hours: float) -> datetime:
        """Add working time along the office periods (over lunch, nights, weekends, holidays).

        A result that lands exactly on the end of a period stays there ("by 11:30"), rather
        than jumping to the start of the next period.
        """
        if not 0 <= hours <= MAX_WORKING_HOURS:  # also refuses NaN
            raise ValueError(f"Số giờ làm việc phải từ 0 đến {MAX_WORKING_HOURS}.")
        cursor = self.start_of_service(received)
        remaining = timedelta(hours=hours)
        day = cursor.date()
        while True:
            for start, end in self.periods:
                period_end = self._at(day, end)
                if period_end <= cursor:
                    continue
                segment_start = max(cursor, self._at(day, start))
                available = period_end - segment_start
                if remaining <= available:
                    return segment_start + remaining
                remaining -= available
            day = self.next_working_day(day)
            cursor = self._first_period_start(day)

    def same_day_due(self, received: datetime, cutoff: time = time(15, 0)) -> datetime:
        """Due time of a "trong ngày" procedure.

        Received on a working day before the cutoff: the end of that day's office hours.
        Otherwise (late afternoon, weekend, holiday): the end of the next working day.
        """
        day = received.date()
        if self.is_working_day(day) and received.time() < cutoff:
            return self._day_end(day)
        return self._day_end(self.next_working_day(day))

    def due_at(self, received: datetime, unit: ProcessingUnit, value: float) -> datetime:
        """Due time of a procedure from its processing unit and value (the catalogue's fields)."""
        if unit is ProcessingUnit.SAME_DAY:
            return self.same_day_due(received)
        if unit is ProcessingUnit.WORKING_DAYS:
            if value != int(value):
                raise ValueError("Thời gian giải quyết theo ngày làm việc phải là số nguyên.")
            return self.add_working_days(received, int(value))
        if unit is ProcessingUnit.WORKING_HOURS:
            return self.add_working_hours(received, value)
        raise ValueError(f"Đơn vị thời gian giải quyết không hợp lệ: {unit!r}.")

    due_state = staticmethod(due_state)
