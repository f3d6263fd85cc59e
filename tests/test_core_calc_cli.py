"""``counter-app calc``: the same figures as the calculators, as JSON for scripts and refusals as one line."""
from __future__ import annotations

import json

from counter_cli.main import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_household_json_lists_each_month_across_the_new_year(capsys):
    code, out, err = run(capsys, "calc", "hi-household", "--members", "2", "--start", "2026-11", "--months", "3",
                         "--paid-on", "2026-07-01", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [m["month"] for m in data["months"]] == ["2026-11", "2026-12", "2027-01"]
    assert all(m["members_vnd"] == [113_850, 79_695] for m in data["months"])
    assert data["total_vnd"] == 3 * (113_850 + 79_695)


def test_household_paid_before_july_2026_uses_the_old_base_salary(capsys):
    code, out, _ = run(capsys, "calc", "hi-household", "--members", "1", "--start", "2026-07", "--months", "1",
                       "--paid-on", "2026-06-30", "--json")
    assert code == 0 and json.loads(out)["total_vnd"] == 105_300


def test_voluntary_json_has_support_and_the_citizens_total(capsys):
    code, out, err = run(capsys, "calc", "voluntary-si", "--income", "2000000", "--category", "near-poor",
                         "--start", "2026-07", "--months", "6", "--paid-on", "2026-07-01", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [m["citizen_vnd"] for m in data["months"]] == [440_000 - 132_000] * 6
    assert data["total_vnd"] == 6 * 308_000 and data["state_support_vnd"] == 6 * 132_000


def test_text_output_gives_the_total(capsys):
    code, out, _ = run(capsys, "calc", "hi-household", "--members", "1", "--start", "2026-07", "--months", "12",
                       "--paid-on", "2026-07-01")
    assert code == 0 and "1.366.200 đ" in out  # 12 × 113,850


def test_bad_input_is_one_line_and_non_zero(capsys):
    code, out, err = run(capsys, "calc", "voluntary-si", "--income", "1000000", "--category", "other",
                         "--start", "2026-07", "--months", "1", "--paid-on", "2026-07-01")
    assert code != 0 and out == ""
    assert err.count("\n") == 1 and "1.500.000 đ" in err and "Traceback" not in err
