"""Insurance calculators: the figures a citizen is told at the counter, checked by hand and by property."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app import catalogue
from counter_app.errors import ValidationError
from counter_app.insurance import (
    VOLUNTARY_PERIODS,
    Category,
    FeeTerms,
    Scheme,
    fee_name,
    fee_terms,
    household_health_insurance,
    scheme_of,
    voluntary_income_range,
    voluntary_social_insurance,
)

BEFORE = date(2026, 6, 30)  # base salary 2,340,000 đ
AFTER = date(2026, 7, 1)  # base salary 2,530,000 đ

# Hand-checked: 4.5% × 2,340,000 = 105,300; × 70/60/50/40% = 73,710 / 63,180 / 52,650 / 42,120.
MONTHLY_BEFORE = [105_300, 73_710, 63_180, 52_650, 42_120, 42_120]
# 4.5% × 2,530,000 = 113,850; × 70/60/50/40% = 79,695 / 68,310 / 56,925 / 45,540.
MONTHLY_AFTER = [113_850, 79_695, 68_310, 56_925, 45_540, 45_540]


@pytest.mark.parametrize("members", range(1, 7))
@pytest.mark.parametrize(("paid_on", "monthly"), [(BEFORE, MONTHLY_BEFORE), (AFTER, MONTHLY_AFTER)])
def test_household_members_one_to_six_before_and_after_the_raise(members, paid_on, monthly):
    quote = household_health_insurance(members=members, start=date(2026, 7, 1), months=12, paid_on=paid_on)
    assert list(quote.monthly_vnd) == monthly[:members]
    assert quote.total_vnd == 12 * sum(monthly[:members])


def test_first_person_pays_113850_from_july_2026_and_105300_before():
    after = household_health_insurance(members=1, start=date(2026, 7, 1), months=1, paid_on=AFTER)
    before = household_health_insurance(members=1, start=date(2026, 7, 1), months=1, paid_on=BEFORE)
    assert (after.total_vnd, after.base_salary_vnd) == (113_850, 2_530_000)
    assert (before.total_vnd, before.base_salary_vnd) == (105_300, 2_340_000)


def test_months_paid_before_the_raise_keep_the_old_amount_even_after_it():
    # Paid on 15/6/2026 for Jun 2026–Nov 2026: the raise of 1/7/2026 changes nothing already paid.
    quote = household_health_insurance(members=2, start=date(2026, 6, 1), months=6, paid_on=date(2026, 6, 15))
    assert [m.month for m in quote.months] == [date(2026, m, 1) for m in range(6, 12)]
    assert {m.total_vnd for m in quote.months} == {105_300 + 73_710}
    assert quote.total_vnd == 6 * 179_010


@pytest.mark.parametrize(("members", "months"), [(0, 12), (1, 0), (1, 13)])
def test_household_refuses_impossible_requests(members, months):
    with pytest.raises(ValidationError):
        household_health_insurance(members=members, start=date(2026, 1, 1), months=months, paid_on=AFTER)


@given(members=st.integers(1, 12), months=st.integers(1, 12),
       paid_on=st.dates(date(2024, 7, 1), date(2030, 12, 31)))
def test_household_properties(members, months, paid_on):
    quote = household_health_insurance(members=members, start=date(2027, 1, 1), months=months, paid_on=paid_on)
    assert quote.total_vnd == sum(m.total_vnd for m in quote.months)
    assert len(quote.months) == months
    # Nobody after the first pays more than the one before; the first pays 4.5% (rounded).
    assert list(quote.monthly_vnd) == sorted(quote.monthly_vnd, reverse=True)
    assert abs(quote.monthly_vnd[0] - quote.base_salary_vnd * 0.045) <= 0.5
    # A household of one more person pays exactly that person's amount more.
    bigger = household_health_insurance(members=members + 1, start=date(2027, 1, 1), months=months, paid_on=paid_on)
    assert bigger.total_vnd - quote.total_vnd == months * bigger.monthly_vnd[-1]


# Hand-checked: 22% × 1,500,000 = 330,000; support 50/40/30/20% of it = 165,000 / 132,000 / 99,000 / 66,000.
@pytest.mark.parametrize(("category", "support"), [
    (Category.POOR, 165_000), (Category.NEAR_POOR, 132_000), (Category.ETHNIC, 99_000), (Category.OTHER, 66_000),
])
def test_voluntary_support_by_category(category, support):
    quote = voluntary_social_insurance(income_vnd=2_000_000, category=category, start=date(2026, 7, 1),
                                       months=3, paid_on=AFTER)
    assert [m.contribution_vnd for m in quote.months] == [440_000] * 3  # 22% × 2,000,000
    assert [m.state_support_vnd for m in quote.months] == [support] * 3
    assert quote.total_vnd == 3 * (440_000 - support)
    assert quote.state_support_vnd == 3 * support


def test_support_stops_after_120_months():
    quote = voluntary_social_insurance(income_vnd=1_500_000, category=Category.OTHER, start=date(2026, 7, 1),
                                       months=12, paid_on=AFTER, supported_before=115)
    assert quote.supported_months == 5
    assert [m.citizen_vnd for m in quote.months] == [264_000] * 5 + [330_000] * 7
    done = voluntary_social_insurance(income_vnd=1_500_000, category=Category.POOR, start=date(2026, 7, 1),
                                      months=1, paid_on=AFTER, supported_before=120)
    assert done.state_support_vnd == 0 and done.total_vnd == 330_000


def test_income_bounds_follow_the_poverty_line_and_twenty_base_salaries():
    assert voluntary_income_range(BEFORE) == (1_500_000, 46_800_000)
    assert voluntary_income_range(AFTER) == (1_500_000, 50_600_000)
    for income in (1_499_999, 50_600_001):
        with pytest.raises(ValidationError):
            voluntary_social_insurance(income_vnd=income, category=Category.OTHER, start=date(2026, 7, 1),
                                       months=1, paid_on=AFTER)
    with pytest.raises(ValidationError):  # several years ahead are discounted: not offered
        voluntary_social_insurance(income_vnd=1_500_000, category=Category.OTHER, start=date(2026, 7, 1),
                                   months=24, paid_on=AFTER)


def test_the_2027_poverty_line_raises_the_lowest_income_and_the_support():
    """Decree 351/2025: rural poverty line 1,500,000 đ through 2026, 2,200,000 đ from 1/1/2027."""
    last_day, new_year = date(2026, 12, 31), date(2027, 1, 1)
    assert voluntary_income_range(last_day)[0] == 1_500_000
    assert voluntary_income_range(new_year)[0] == 2_200_000
    with pytest.raises(ValidationError, match=r"2\.200\.000"):
        voluntary_social_insurance(income_vnd=1_500_000, category=Category.OTHER, start=new_year, months=1,
                                   paid_on=new_year)
    # 22% × 2,200,000 = 484,000; the poor get half of it: 242,000.
    quote = voluntary_social_insurance(income_vnd=2_200_000, category=Category.POOR, start=new_year, months=1,
                                       paid_on=new_year)
    assert (quote.contribution_vnd, quote.state_support_vnd, quote.total_vnd) == (484_000, 242_000, 242_000)


def test_fractional_contribution_rounds_half_up_to_the_dong():
    # 22% × 1,500,001 = 330,000.22 → 330,000; 22% × 1,500,003 = 330,000.66 → 330,001.
    low = voluntary_social_insurance(income_vnd=1_500_001, category=Category.OTHER, start=AFTER, months=1,
                                     paid_on=AFTER)
    high = voluntary_social_insurance(income_vnd=1_500_003, category=Category.OTHER, start=AFTER, months=1,
                                      paid_on=AFTER)
    assert (low.contribution_vnd, high.contribution_vnd) == (330_000, 330_001)


@given(data=st.data(), category=st.sampled_from(list(Category)),
       months=st.sampled_from([1, 3, 6, 12]), before=st.integers(0, 130),
       paid_on=st.dates(date(2025, 7, 1), date(2030, 12, 31)))
def test_voluntary_properties(data, category, months, before, paid_on):
    income = data.draw(st.integers(*voluntary_income_range(paid_on)))
    quote = voluntary_social_insurance(income_vnd=income, category=category, start=date(2027, 1, 1),
                                       months=months, paid_on=paid_on, supported_before=before)
    assert quote.contribution_vnd == quote.state_support_vnd + quote.total_vnd
    assert quote.total_vnd == sum(m.citizen_vnd for m in quote.months)
    assert quote.supported_months == max(0, min(months, 120 - before))
    assert all(0 < m.citizen_vnd <= m.contribution_vnd for m in quote.months)
    assert all(abs(m.contribution_vnd - income * 0.22) <= 0.5 for m in quote.months)


def test_the_procedure_says_which_contribution_it_collects(store):
    by_code = {p.code: p for p in catalogue.list_procedures(store)}
    assert scheme_of(by_code["LOCAL.BHYT.HGD"]) is Scheme.HOUSEHOLD
    assert scheme_of(by_code["1.002179.000.00.00.H42"]) is Scheme.VOLUNTARY
    assert scheme_of(by_code["LOCAL.BHYT.CAPLAI"]) is None  # a reissue collects nothing


@given(members=st.integers(1, 9), months=st.integers(1, 12), year=st.integers(2026, 2030), month=st.integers(1, 12))
def test_a_household_fee_line_reads_back_its_terms(members, months, year, month):
    quote = household_health_insurance(members=members, start=date(year, month, 1), months=months,
                                       paid_on=date(2026, 11, 30))
    assert fee_terms(fee_name(quote)) == FeeTerms(Scheme.HOUSEHOLD, months, date(year, month, 1), members=members)


@given(months=st.sampled_from(VOLUNTARY_PERIODS), extra=st.integers(0, 5_000_000))
def test_a_voluntary_fee_line_reads_back_its_terms(months, extra):
    low, _high = voluntary_income_range(date(2026, 11, 30))
    quote = voluntary_social_insurance(income_vnd=low + extra, category=Category.OTHER, start=date(2026, 12, 1),
                                       months=months, paid_on=date(2026, 11, 30))
    assert fee_terms(fee_name(quote)) == FeeTerms(Scheme.VOLUNTARY, months, date(2026, 12, 1), income_vnd=low + extra)
    assert fee_terms("Lệ phí đăng ký hộ kinh doanh") is None
