"""Working-day calendar. Expected dates were worked out by hand from the real calendar and the
Vietnamese holidays that ``holidays`` 0.109 lists (checked in the first tests):
2026 — Tết Mon 16/2–Fri 20/2, Hùng Kings Sun 26/4 observed Mon 27/4, Thu 30/4, Fri 1/5,
Mon 31/8 (moved from Sat 22/8), Tue 1/9, Wed 2/9, Tue 24/11 (Vietnam Culture Day);
2027 — Tết Thu 4/2–Wed 10/2.
"""
from __future__ import annotations

from datetime import date, datetime, time

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.models import OfficeHours, ProcessingUnit
from counter_app.workdays import WorkCalendar, due_state

CAL = WorkCalendar()


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_holiday_source_lists_the_days_these_tests_rely_on() -> None:
    vn = holidays.country_holidays("VN", years=[2026, 2027])
    expected = {
        "2026-02-16", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31",
        "2026-09-01", "2026-09-02", "2026-11-24", "2027-02-04", "2027-02-05", "2027-02-08",
        "2027-02-10", "2027-05-03",
    }
    assert {date.fromisoformat(d) for d in expected} <= set(vn)
    assert date(2027, 2, 11) not in vn


# -- days -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2026-10-16", True),  # Friday
        ("2026-10-17", False),  # Saturday
        ("2026-10-18", False),  # Sunday
        ("2026-04-30", False),
        ("2026-05-01", False),
        ("2026-09-02", False),
        ("2027-02-08", False),  # Tết
        ("2027-02-11", True),  # first day back after Tết 2027
        ("2026-08-22", False),  # make-up Saturday, unknown to the library
    ],
)
def test_is_working_day(day: str, working: bool) -> None:
    assert CAL.is_working_day(date.fromisoformat(day)) is working


def test_overrides_win_over_weekends_and_weekdays() -> None:
    cal = WorkCalendar(days_off={date(2026, 10, 20)}, extra_workdays={date(2026, 8, 22)})
    assert cal.is_working_day(date(2026, 8, 22))
    assert not cal.is_working_day(date(2026, 10, 20))
    both = WorkCalendar(days_off={date(2026, 8, 22)}, extra_workdays={date(2026, 8, 22)})
    assert not both.is_working_day(date(2026, 8, 22))


def test_next_working_day() -> None:
    assert CAL.next_working_day(date(2026, 10, 16)) == date(2026, 10, 19)
    assert CAL.next_working_day(date(2027, 2, 3)) == date(2027, 2, 11)
    assert CAL.next_working_day(date(2026, 4, 29)) == date(2026, 5, 4)


def test_working_days_between() -> None:
    assert CAL.working_days_between(date(2026, 10, 16), date(2026, 10, 21)) == 3
    assert CAL.working_days_between(date(2026, 10, 21), date(2026, 10, 16)) == -3
    assert CAL.working_days_between(date(2026, 10, 16), date(2026, 10, 16)) == 0
    # Tue 2/2/2027 to Fri 12/2/2027: Wed 3, Thu 11, Fri 12 (Tết in between).
    assert CAL.working_days_between(date(2027, 2, 2), date(2027, 2, 12)) == 3


# -- start of service ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("received", "start"),
    [
        ("2026-10-19 09:15", "2026-10-19 09:15"),  # inside the morning
        ("2026-10-19 07:30", "2026-10-19 07:30"),
        ("2026-10-19 06:45", "2026-10-19 07:30"),  # before opening
        ("2026-10-19 11:30", "2026-10-19 13:30"),  # end of morning belongs to lunch
        ("2026-10-19 12:10", "2026-10-19 13:30"),  # lunch break
        ("2026-10-19 17:00", "2026-10-20 07:30"),
        ("2026-10-16 18:20", "2026-10-19 07:30"),  # Friday evening
        ("2026-10-17 09:00", "2026-10-19 07:30"),  # Saturday
        ("2027-02-06 09:00", "2027-02-11 07:30"),  # during Tết
    ],
)
def test_start_of_service(received: str, start: str) -> None:
    assert CAL.start_of_service(dt(received)) == dt(start)


# -- working days -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        ("2026-10-16 16:00", 3, "2026-10-21 16:00"),  # Fri → Mon, Tue, Wed
        ("2026-10-17 09:00", 1, "2026-10-20 07:30"),  # Saturday counts from Monday 07:30
        ("2026-10-19 12:00", 2, "2026-10-21 13:30"),  # lunch counts from 13:30
        ("2026-10-19 10:00", 0, "2026-10-19 10:00"),
        ("2027-02-03 10:00", 2, "2027-02-12 10:00"),  # before Tết 2027 → Thu 11, Fri 12
        ("2027-02-08 10:00", 1, "2027-02-12 07:30"),  # during Tết: received Thu 11 07:30
        ("2026-04-24 09:00", 2, "2026-04-29 09:00"),  # Mon 27/4 Hùng Kings (observed) skipped
        ("2026-04-29 14:00", 1, "2026-05-04 14:00"),  # 30/4 and 1/5 skipped
        ("2026-04-29 14:00", 5, "2026-05-08 14:00"),
        ("2026-08-28 10:00", 1, "2026-09-03 10:00"),  # 31/8, 1/9, 2/9 skipped
        ("2026-11-20 16:00", 3, "2026-11-26 16:00"),  # Tue 24/11 Vietnam Culture Day skipped
        ("2026-12-30 09:00", 2, "2027-01-04 09:00"),  # 1/1/2027 is a Friday holiday
    ],
)
def test_add_working_days(received: str, days: int, due: str) -> None:
    assert CAL.add_working_days(dt(received), days) == dt(due)


def test_make_up_saturday_counts_when_listed() -> None:
    received = dt("2026-08-21 10:00")
    assert CAL.add_working_days(received, 1) == dt("2026-08-24 10:00")
    cal = WorkCalendar(extra_workdays={date(2026, 8, 22)})
    assert cal.add_working_days(received, 1) == dt("2026-08-22 10:00")
    assert cal.start_of_service(dt("2026-08-22 08:00")) == dt("2026-08-22 08:00")


def test_day_off_override_is_skipped() -> None:
    cal = WorkCalendar(days_off={date(2026, 10, 20)})
    assert cal.add_working_days(dt("2026-10-19 08:00"), 1) == dt("2026-10-21 08:00")
    assert cal.start_of_service(dt("2026-10-20 09:00")) == dt("2026-10-21 07:30")


def test_negative_values_are_refused() -> None:
    with pytest.raises(ValueError):
        CAL.add_working_days(dt("2026-10-19 08:00"), -1)
    with pytest.raises(ValueError):
        CAL.add_working_hours(dt("2026-10-19 08:00"), -0.5)


# -- working hours ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("received", "hours", "due"),
    [
        ("2026-10-19 08:00", 2, "2026-10-19 10:00"),
        ("2026-10-19 10:30", 2, "2026-10-19 14:30"),  # across lunch
        ("2026-10-19 10:30", 1, "2026-10-19 11:30"),  # lands on the end of the morning: stays
        ("2026-10-19 07:30", 7.5, "2026-10-19 17:00"),  # a full day ends at 17:00, not next morning
        ("2026-10-19 16:00", 2, "2026-10-20 08:30"),  # overnight
        ("2026-10-19 12:00", 1, "2026-10-19 14:30"),  # received at lunch
        ("2026-10-19 18:00", 1, "2026-10-20 08:30"),  # received in the evening
        ("2026-10-16 16:30", 8, "2026-10-19 17:00"),  # Friday → weekend → Monday
        ("2026-10-19 09:00", 0.5, "2026-10-19 09:30"),
        ("2026-10-19 09:00", 16, "2026-10-21 10:00"),  # 6 h Mon + 7.5 h Tue + 2.5 h Wed
        ("2026-04-29 16:00", 4, "2026-05-04 10:30"),  # 1 h Wed, then Mon 4/5 after 30/4–1/5
        ("2027-02-03 15:00", 3, "2027-02-11 08:30"),  # 2 h before Tết, 1 h after it
    ],
)
def test_add_working_hours(received: str, hours: float, due: str) -> None:
    assert CAL.add_working_hours(dt(received), hours) == dt(due)


def test_custom_office_hours() -> None:
    hours = OfficeHours(((time(8, 0), time(12, 0)), (time(13, 0), time(17, 0))))
    cal = WorkCalendar(hours)
    assert cal.start_of_service(dt("2026-10-19 07:45")) == dt("2026-10-19 08:00")
    assert cal.add_working_hours(dt("2026-10-19 11:00"), 2) == dt("2026-10-19 14:00")
    assert cal.same_day_due(dt("2026-10-19 09:00")) == dt("2026-10-19 17:00")


@pytest.mark.parametrize(
    "periods",
    [(), ((time(11, 0), time(9, 0)),), ((time(13, 0), time(17, 0)), (time(7, 0), time(11, 0)))],
)
def test_bad_office_hours_are_refused(periods: tuple[tuple[time, time], ...]) -> None:
    with pytest.raises(ValueError):
        WorkCalendar(OfficeHours(periods))


# -- same day, dispatch, due state --------------------------------------------------------------

@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2026-10-19 14:59", "2026-10-19 17:00"),
        ("2026-10-19 07:00", "2026-10-19 17:00"),
        ("2026-10-19 15:00", "2026-10-20 17:00"),  # at the cutoff: next working day
        ("2026-10-16 16:00", "2026-10-19 17:00"),  # Friday afternoon → Monday
        ("2026-10-17 09:00", "2026-10-19 17:00"),  # Saturday → Monday
        ("2026-04-29 15:30", "2026-05-04 17:00"),  # before 30/4–1/5
    ],
)
def test_same_day_due(received: str, due: str) -> None:
    assert CAL.same_day_due(dt(received)) == dt(due)


def test_same_day_custom_cutoff() -> None:
    assert CAL.same_day_due(dt("2026-10-19 15:30"), cutoff=time(16, 0)) == dt("2026-10-19 17:00")


def test_due_at_dispatches_on_unit() -> None:
    received = dt("2026-10-16 16:00")
    assert CAL.due_at(received, ProcessingUnit.WORKING_DAYS, 3) == dt("2026-10-21 16:00")
    assert CAL.due_at(received, ProcessingUnit.WORKING_HOURS, 2) == dt("2026-10-19 08:30")
    assert CAL.due_at(received, ProcessingUnit.SAME_DAY, 0) == dt("2026-10-19 17:00")
    with pytest.raises(ValueError):
        CAL.due_at(received, ProcessingUnit.WORKING_DAYS, 1.5)


def test_due_state() -> None:
    due = dt("2026-10-21 16:00")
    assert due_state(due, dt("2026-10-20 09:00")) == "on_time"
    assert due_state(due, dt("2026-10-21 08:00")) == "due_today"
    assert due_state(due, dt("2026-10-21 16:00")) == "due_today"
    assert due_state(due, dt("2026-10-21 16:01")) == "overdue"
    assert due_state(due, dt("2026-10-22 07:30")) == "overdue"
    assert CAL.due_state(due, dt("2026-10-22 07:30")) == "overdue"


# -- properties ---------------------------------------------------------------------------------

moments = st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0)
)


def in_office(cal: WorkCalendar, moment: datetime, *, end_inclusive: bool) -> bool:
    clock = moment.time()
    return cal.is_working_day(moment.date()) and any(
        start <= clock < end or (end_inclusive and clock == end) for start, end in cal.periods
    )


@given(received=moments, days=st.integers(0, 40))
def test_add_working_days_lands_in_office_hours(received: datetime, days: int) -> None:
    due = CAL.add_working_days(received, days)
    start = CAL.start_of_service(received)
    assert in_office(CAL, due, end_inclusive=False)
    assert due.time() == start.time()
    assert CAL.working_days_between(start.date(), due.date()) == days


@given(received=moments, first=st.integers(1, 900), second=st.integers(1, 900))
def test_add_working_hours_is_additive(received: datetime, first: int, second: int) -> None:
    step = CAL.add_working_hours(CAL.add_working_hours(received, first / 60), second / 60)
    total = CAL.add_working_hours(received, (first + second) / 60)
    assert step == total
    assert in_office(CAL, total, end_inclusive=True)
