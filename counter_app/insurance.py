"""How much a citizen pays: household health insurance and voluntary social insurance.

These are the first questions asked at the counter for the insurance procedures, so the answer
must be the same on the screen, on the receipt and from the command line: one module computes it.

Rules and their sources (the dated amounts live in ``resources/data/insurance-amounts.json``):

- Household health insurance, Decree 188/2025/NĐ-CP: the first member pays 4.5% of the base
  salary a month; members joining in the same year pay 70%, 60%, 50% of the first member's
  amount for the 2nd, 3rd, 4th and 40% from the 5th (the ladder is the Law on Health Insurance's,
  Art. 13(6) as amended by Law 51/2024/QH15 Art. 1(11)). Months paid in advance are priced with
  the base salary in force on the payment date and no difference is collected when it rises
  during them: the rule of Decree 146/2018/NĐ-CP Art. 10(3)(b) and of the collection procedure
  Decision 595/QĐ-BHXH Art. 19(8)(8.2), which Decree 188/2025 and Decision 366/QĐ-BHXH (2026)
  replaced. Decision 366 is silent on it and the article of Decree 188 that keeps it was not
  found, so this stays *as we read Decree 188/2025*.
- Voluntary social insurance, Decree 159/2025/NĐ-CP Art. 5: 22% of the income the citizen
  chooses, from the rural poverty line up to 20 × the reference level (which, as we read the
  Law on Social Insurance 2024, equals the base salary until the Government sets one). The State
  pays 50% (poor households, island communes), 40% (near-poor), 30% (ethnic minority) or 20%
  (others) of 22% × the rural poverty line, for at most 120 months in all.

Amounts are whole đồng. Each monthly amount is computed exactly (fractions, no floats) and
rounded once, half up, to the đồng; totals are sums of those monthly amounts, so the lines on a
receipt always add up to its total. With today's figures every monthly amount is exact anyway
(4.5% of 2,340,000 is 105,300), so the rounding only matters for chosen incomes such as
1,500,001 đ.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from .errors import ValidationError
from .models import CONTRIBUTION_PREFIX, Procedure
from .resources import resource_path
from .text import fold, vnd_text

HOUSEHOLD_RATE = Fraction(45, 1000)
# Share of the first member's amount, by order of joining in the year (1st, 2nd, 3rd, 4th); 5th on: last.
HOUSEHOLD_SHARES = (Fraction(1), Fraction(70, 100), Fraction(60, 100), Fraction(50, 100))
HOUSEHOLD_SHARE_FROM_5TH = Fraction(40, 100)
HOUSEHOLD_MAX_MONTHS = 12

VOLUNTARY_RATE = Fraction(22, 100)
VOLUNTARY_MAX_INCOME_FACTOR = 20
VOLUNTARY_SUPPORT_MAX_MONTHS = 120
# Periods paid at once without discount (Decree 159/2025); several years ahead are discounted by
# the fund's interest rate, which this calculator does not know, so it does not offer them.
VOLUNTARY_PERIODS = (1, 3, 6, 12)


class Category(StrEnum):
    """Who the citizen is, for the State's support of voluntary social insurance."""

    POOR = "poor"  # hộ nghèo; also people living in island communes
    NEAR_POOR = "near-poor"  # hộ cận nghèo
    ETHNIC = "ethnic"  # người dân tộc thiểu số
    OTHER = "other"


SUPPORT_SHARE: dict[Category, Fraction] = {
    Category.POOR: Fraction(50, 100),
    Category.NEAR_POOR: Fraction(40, 100),
    Category.ETHNIC: Fraction(30, 100),
    Category.OTHER: Fraction(20, 100),
}


@dataclass(frozen=True)
class DatedAmount:
    """An amount in force from ``start`` until the next row of its table."""

    start: date
    vnd: int
    source: str


@functools.cache
def _tables() -> dict[str, tuple[DatedAmount, ...]]:
    raw = json.loads(resource_path("data", "insurance-amounts.json").read_text(encoding="utf-8"))
    return {
        name: tuple(sorted((DatedAmount(date.fromisoformat(r["from"]), int(r["vnd"]), r["source"]) for r in rows),
                           key=lambda r: r.start))
        for name, rows in raw.items() if isinstance(rows, list)
    }


def _in_force(table: str, on: date) -> DatedAmount:
    rows = [r for r in _tables()[table] if r.start <= on]
    if not rows:
        raise ValidationError(f"Không có số liệu {table} áp dụng cho ngày {on:%d/%m/%Y}.")
    return rows[-1]


def base_salary_on(on: date) -> DatedAmount:
    """The base salary (mức lương cơ sở) in force on ``on``."""
    return _in_force("base_salary_vnd", on)


def rural_poverty_line_on(on: date) -> DatedAmount:
    """The rural poverty line (chuẩn nghèo khu vực nông thôn) in force on ``on``."""
    return _in_force("rural_poverty_line_vnd", on)


def round_vnd(amount: Fraction) -> int:
    """Half up to the whole đồng (amounts are never negative here)."""
    return int(amount + Fraction(1, 2))


def month_list(start: date, months: int) -> tuple[date, ...]:
    """The first day of each month paid for, from ``start``'s month."""
    index = start.year * 12 + start.month - 1
    return tuple(date((index + i) // 12, (index + i) % 12 + 1, 1) for i in range(months))


def _check_months(months: int, allowed: tuple[int, ...] | range, what: str) -> None:
    if months not in allowed:
        choices = ", ".join(str(m) for m in allowed) if isinstance(allowed, tuple) else f"1–{allowed[-1]}"
        raise ValidationError(f"Số tháng đóng {what} phải là {choices} (đã nhập {months}).")


# ----------------------------------------------------------------------- household health insurance
@dataclass(frozen=True)
class HouseholdMonth:
    month: date  # first day of the month
    members_vnd: tuple[int, ...]  # in the members' order of joining
    total_vnd: int


@dataclass(frozen=True)
class HouseholdQuote:
    paid_on: date
    base_salary_vnd: int
    base_salary_source: str
    members: int
    monthly_vnd: tuple[int, ...]  # each member's monthly amount, in order
    months: tuple[HouseholdMonth, ...]
    total_vnd: int


def household_share(order: int) -> Fraction:
    """The share of the first member's amount the ``order``-th member (1-based) pays."""
    if order < 1:
        raise ValueError("member order starts at 1")
    return HOUSEHOLD_SHARES[order - 1] if order <= len(HOUSEHOLD_SHARES) else HOUSEHOLD_SHARE_FROM_5TH


def household_health_insurance(*, members: int, start: date, months: int, paid_on: date) -> HouseholdQuote:
    """What a household pays for ``members`` people joining in the same year, ``months`` from ``start``.

    Every month is priced on the base salary in force on ``paid_on`` (see the module notes).
    """
    if members < 1:
        raise ValidationError("Hộ gia đình phải có ít nhất 1 người tham gia.")
    _check_months(months, range(1, HOUSEHOLD_MAX_MONTHS + 1), "BHYT hộ gia đình")
    salary = base_salary_on(paid_on)
    first = HOUSEHOLD_RATE * salary.vnd
    monthly = tuple(round_vnd(first * household_share(order)) for order in range(1, members + 1))
    rows = tuple(HouseholdMonth(m, monthly, sum(monthly)) for m in month_list(start, months))
    return HouseholdQuote(paid_on, salary.vnd, salary.source, members, monthly, rows, sum(r.total_vnd for r in rows))


# -------------------------------------------------------------------- voluntary social insurance
@dataclass(frozen=True)
class VoluntaryMonth:
    month: date
    contribution_vnd: int  # 22% of the chosen income
    state_support_vnd: int  # 0 once the 120 supported months are used up
    citizen_vnd: int  # what the citizen pays at the counter


@dataclass(frozen=True)
class VoluntaryQuote:
    paid_on: date
    income_vnd: int
    category: Category
    poverty_line_vnd: int
    max_income_vnd: int
    months: tuple[VoluntaryMonth, ...]
    supported_months: int  # months of this payment with State support
    contribution_vnd: int
    state_support_vnd: int
    total_vnd: int  # the citizen's part: what is collected


def voluntary_income_range(on: date) -> tuple[int, int]:
    """Lowest and highest monthly income a citizen may choose on ``on``."""
    return rural_poverty_line_on(on).vnd, VOLUNTARY_MAX_INCOME_FACTOR * base_salary_on(on).vnd


def voluntary_social_insurance(*, income_vnd: int, category: Category, start: date, months: int, paid_on: date,
                               supported_before: int = 0) -> VoluntaryQuote:
    """The contribution, the State's support and the citizen's part for ``months`` from ``start``.

    ``supported_before`` is how many months of support the citizen has already had: support
    stops after 120 in all, so only the first months of this payment may still carry it.
    """
    _check_months(months, VOLUNTARY_PERIODS, "BHXH tự nguyện")
    if supported_before < 0:
        raise ValidationError("Số tháng đã được hỗ trợ không thể âm.")
    low, high = voluntary_income_range(paid_on)
    if not low <= income_vnd <= high:
        raise ValidationError(f"Mức thu nhập chọn đóng phải từ {vnd_text(low)} đến {vnd_text(high)} "
                              f"(đã nhập {vnd_text(income_vnd)}).")
    contribution = round_vnd(VOLUNTARY_RATE * income_vnd)
    support = round_vnd(SUPPORT_SHARE[category] * VOLUNTARY_RATE * low)
    supported = max(0, min(months, VOLUNTARY_SUPPORT_MAX_MONTHS - supported_before))
    rows = tuple(
        VoluntaryMonth(m, contribution, support if i < supported else 0,
                       contribution - (support if i < supported else 0))
        for i, m in enumerate(month_list(start, months))
    )
    return VoluntaryQuote(
        paid_on=paid_on, income_vnd=income_vnd, category=category, poverty_line_vnd=low, max_income_vnd=high,
        months=rows, supported_months=supported, contribution_vnd=sum(r.contribution_vnd for r in rows),
        state_support_vnd=sum(r.state_support_vnd for r in rows), total_vnd=sum(r.citizen_vnd for r in rows),
    )


class Scheme(StrEnum):
    HOUSEHOLD = "household"  # household health insurance
    VOLUNTARY = "voluntary"  # voluntary social insurance


# Words of the catalogue's contribution line ("Tiền đóng BHYT hộ gia đình (không phải lệ phí)").
_SCHEME_WORDS = ((Scheme.HOUSEHOLD, "bhyt ho gia dinh"), (Scheme.VOLUNTARY, "bhxh tu nguyen"))


def scheme_of(procedure: Procedure) -> Scheme | None:
    """The contribution a procedure collects, from its fee lines: the calculator opens on it."""
    for fee in procedure.fees:
        folded = fold(fee.name)
        for scheme, words in _SCHEME_WORDS:
            if words in folded:
                return scheme
    return None


@dataclass(frozen=True)
class FeeTerms:
    """What a contribution's fee line says (:func:`fee_name`), read back for the forms that ask it."""

    scheme: Scheme
    months: int
    start: date  # first day of the first month
    members: int = 0  # household health insurance
    income_vnd: int = 0  # voluntary social insurance


_FEE_TERMS = (
    (Scheme.HOUSEHOLD, re.compile(rf"^{CONTRIBUTION_PREFIX} BHYT hộ gia đình: (?P<members>\d+) người × "
                                  r"(?P<months>\d+) tháng \(từ (?P<month>\d\d)/(?P<year>\d{4})\)$")),
    (Scheme.VOLUNTARY, re.compile(rf"^{CONTRIBUTION_PREFIX} BHXH tự nguyện: (?P<months>\d+) tháng "
                                  r"\(từ (?P<month>\d\d)/(?P<year>\d{4})\), mức thu nhập (?P<income>[\d.]+) đ$")),
)


def fee_terms(name: str) -> FeeTerms | None:
    """The terms a fee line made by :func:`fee_name` carries; None for any other line."""
    for scheme, pattern in _FEE_TERMS:
        found = pattern.match(name)
        if found:
            parts = found.groupdict()
            return FeeTerms(scheme, int(parts["months"]), date(int(parts["year"]), int(parts["month"]), 1),
                            members=int(parts.get("members") or 0),
                            income_vnd=int((parts.get("income") or "0").replace(".", "")))
    return None


def fee_name(quote: HouseholdQuote | VoluntaryQuote) -> str:
    """The line a quote becomes on the dossier and its receipt: a contribution, not a fee (data: always Vietnamese)."""
    if isinstance(quote, HouseholdQuote):
        return (f"{CONTRIBUTION_PREFIX} BHYT hộ gia đình: {quote.members} người × {len(quote.months)} tháng "
                f"(từ {quote.months[0].month:%m/%Y})")
    return (f"{CONTRIBUTION_PREFIX} BHXH tự nguyện: {len(quote.months)} tháng (từ {quote.months[0].month:%m/%Y}), "
            f"mức thu nhập {vnd_text(quote.income_vnd)}")
