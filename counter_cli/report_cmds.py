"""``report 766``: the Decision 766/QĐ-TTg figures the counter's data can compute, for a period."""
from __future__ import annotations

import argparse
import sys

from counter_app.errors import ValidationError
from counter_app.reports.score766 import Figure, Period, Report766, Tally, report_766
from counter_app.reports.table766 import score_text, target_text, value_text, write_xlsx

from .common import parse_date, print_json, store_from


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser("report", help="office reports").add_subparsers(dest="report_command", required=True)
    score = report.add_parser("766", help="Decision 766/QĐ-TTg indicators for a period (received in it)")
    score.add_argument("--from", dest="start", required=True, type=parse_date, metavar="YYYY-MM-DD")
    score.add_argument("--to", dest="end", required=True, type=parse_date, metavar="YYYY-MM-DD",
                       help="last day included")
    score.add_argument("--clerk", metavar="USER", help="only the dossiers this clerk received")
    score.add_argument("--procedure", metavar="CODE", help="only this procedure's dossiers")
    score.add_argument("--json", action="store_true", help="figures, per clerk and per procedure, as JSON")
    score.add_argument("--xlsx", metavar="FILE",
                       help="also write the indicators, per clerk and per procedure to an Excel workbook")
    score.set_defaults(handler=cmd_report_766)


def _figure_json(f: Figure) -> dict:
    i = f.indicator
    return {"code": i.code, "name": i.name, "formula": i.formula, "unit": i.unit.value, "target": i.target,
            "points": i.points, "points_source": i.points_source, "numerator": f.numerator,
            "denominator": f.denominator, "value": f.value, "score": f.score, "reason": f.reason}


def _tally_json(tally: Tally) -> dict:
    return {"label": tally.label, "received": tally.received, "figures": [_figure_json(f) for f in tally.figures()]}


def report_json(report: Report766) -> dict:
    return {
        "decision": "766/QĐ-TTg", "from": report.period.start, "to": report.period.end, "as_of": report.as_of,
        "total": _tally_json(report.total),
        "by_clerk": {user: _tally_json(t) for user, t in sorted(report.by_clerk.items())},
        "by_procedure": {code: _tally_json(t) for code, t in sorted(report.by_procedure.items())},
    }


def cmd_report_766(args: argparse.Namespace) -> int:
    period = Period(args.start, args.end)
    if args.xlsx and not args.xlsx.lower().endswith(".xlsx"):  # Excel refuses a workbook under another name
        raise ValidationError("the Excel file's name must end in .xlsx")
    clerk = args.clerk.strip().lower() if args.clerk else None
    with store_from(args) as store:
        report = report_766(store, period, clerk=clerk, procedure=args.procedure)
    if args.xlsx:
        print(f"Saved to {write_xlsx(report, args.xlsx)}", file=sys.stderr)
    if args.json:
        print_json(report_json(report))
        return 0
    print(f"Decision 766/QĐ-TTg — dossiers received {period.start} … {period.end}: {report.total.received}")
    total = 0.0
    for f in report.total.figures():
        i = f.indicator
        print(f"{i.code}  {i.name}\n      {value_text(f)}; target {target_text(f)};"
              f" points {score_text(f)} / {i.points:g}")
        total += f.score or 0.0
    print(f"Points from the indicators with data: {total:.2f}")
    return 0
