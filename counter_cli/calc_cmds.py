"""``calc hi-household`` and ``calc voluntary-si``: what a citizen pays, without opening a database."""
from __future__ import annotations

import argparse
from datetime import date, datetime

from counter_app import clock
from counter_app.insurance import (
    Category,
    HouseholdQuote,
    VoluntaryQuote,
    household_health_insurance,
    voluntary_social_insurance,
)
from counter_app.text import vnd_text

from .common import parse_date, print_json


def parse_month(text: str) -> date:
    try:
        return datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month (YYYY-MM)") from None


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--start", required=True, type=parse_month, metavar="YYYY-MM", help="first month paid for")
    parser.add_argument("--months", required=True, type=int, metavar="M", help="how many months are paid now")
    parser.add_argument("--paid-on", type=parse_date, metavar="YYYY-MM-DD", help="payment date (default: today)")
    parser.add_argument("--json", action="store_true", help="each month's amounts and total_vnd as JSON")


def register(commands: argparse._SubParsersAction) -> None:
    calc = commands.add_parser("calc", help="insurance contributions a citizen pays").add_subparsers(
        dest="calc_command", required=True
    )
    household = calc.add_parser("hi-household", help="household health insurance (Decree 188/2025)")
    household.add_argument("--members", required=True, type=int, metavar="N", help="members joining this year")
    _common(household)
    household.set_defaults(handler=cmd_hi_household)
    voluntary = calc.add_parser("voluntary-si", help="voluntary social insurance (Decree 159/2025 Art. 5)")
    voluntary.add_argument("--income", required=True, type=int, metavar="VND", help="chosen monthly income")
    voluntary.add_argument("--category", required=True, choices=[c.value for c in Category])
    voluntary.add_argument("--supported-before", type=int, default=0, metavar="K",
                           help="months of State support already received (support stops at 120)")
    _common(voluntary)
    voluntary.set_defaults(handler=cmd_voluntary_si)


def _paid_on(args: argparse.Namespace) -> date:
    return args.paid_on or clock.now().date()


def _household_json(quote: HouseholdQuote) -> dict:
    return {
        "paid_on": quote.paid_on, "base_salary_vnd": quote.base_salary_vnd, "base_salary_source": quote.base_salary_source,
        "members": quote.members, "member_monthly_vnd": quote.monthly_vnd,
        "months": [{"month": m.month.strftime("%Y-%m"), "members_vnd": m.members_vnd, "total_vnd": m.total_vnd}
                   for m in quote.months],
        "total_vnd": quote.total_vnd,
    }


def cmd_hi_household(args: argparse.Namespace) -> int:
    quote = household_health_insurance(members=args.members, start=args.start, months=args.months,
                                       paid_on=_paid_on(args))
    if args.json:
        print_json(_household_json(quote))
        return 0
    print(f"base salary on {quote.paid_on:%d/%m/%Y}: {vnd_text(quote.base_salary_vnd)}")
    for order, amount in enumerate(quote.monthly_vnd, start=1):
        print(f"member {order}: {vnd_text(amount)} a month")
    print(f"{len(quote.months)} months from {quote.months[0].month:%m/%Y}: total {vnd_text(quote.total_vnd)}")
    return 0


def _voluntary_json(quote: VoluntaryQuote) -> dict:
    return {
        "paid_on": quote.paid_on, "income_vnd": quote.income_vnd, "category": quote.category,
        "poverty_line_vnd": quote.poverty_line_vnd, "max_income_vnd": quote.max_income_vnd,
        "supported_months": quote.supported_months,
        "months": [{"month": m.month.strftime("%Y-%m"), "contribution_vnd": m.contribution_vnd,
                    "state_support_vnd": m.state_support_vnd, "citizen_vnd": m.citizen_vnd} for m in quote.months],
        "contribution_vnd": quote.contribution_vnd, "state_support_vnd": quote.state_support_vnd,
        "total_vnd": quote.total_vnd,
    }


def cmd_voluntary_si(args: argparse.Namespace) -> int:
    quote = voluntary_social_insurance(income_vnd=args.income, category=Category(args.category), start=args.start,
                                       months=args.months, paid_on=_paid_on(args),
                                       supported_before=args.supported_before)
    if args.json:
        print_json(_voluntary_json(quote))
        return 0
    print(f"contribution (22% of {vnd_text(quote.income_vnd)}) × {len(quote.months)} months: "
          f"{vnd_text(quote.contribution_vnd)}")
    print(f"State support ({quote.supported_months} months): {vnd_text(quote.state_support_vnd)}")
    print(f"the citizen pays: {vnd_text(quote.total_vnd)}")
    return 0
