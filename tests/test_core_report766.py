"""Decision 766 figures for a seeded month, checked against counts worked out by hand below."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from report766_seed import END_OF_MARCH, MARCH, seed_march
from xlsx_reader import read_xlsx

from counter_app.dossiers import get_dossier
from counter_app.errors import ValidationError
from counter_app.reports.indicators766 import BY_CODE, score
from counter_app.reports.score766 import Period, dossiers_behind, report_766

pytestmark = pytest.mark.both_stores  # the supervisors of an office read the same figures from its server


@pytest.fixture
def march(store):
    return store, seed_march(store)


def _figures(tally) -> dict:
    return {f.indicator.code: f for f in tally.figures()}


def test_the_month_matches_the_counts_done_by_hand(march) -> None:
    store, c = march
    # The premises of the hand count: three working days from receipt.
    assert get_dossier(store, c["A"]).due_at == datetime(2026, 3, 5, 9, 0)
    assert get_dossier(store, c["B"]).due_at < datetime(2026, 3, 9, 15, 0)
    assert get_dossier(store, c["D"]).due_at < END_OF_MARCH < get_dossier(store, c["E"]).due_at
    report = report_766(store, MARCH, as_of=END_OF_MARCH)
    f = _figures(report.total)
    assert report.total.received == 6  # A B C D E F
    assert (f["1.4"].numerator, f["1.4"].denominator) == (3, 6)  # A C D
    assert f["1.4"].value == pytest.approx(0.5)
    assert f["1.4"].score == pytest.approx(0.5 * 4)
    assert (f["2.1"].numerator, f["2.1"].denominator) == (2, 4)  # A C of A B C D
    assert f["2.1"].score == pytest.approx(0.5 * 10)
    assert f["2.2"].value == pytest.approx((2 + 5 + 0) / 3)
    assert (f["3.6"].numerator, f["3.6"].denominator) == (2, 3)  # A E of A B E
    assert f["3.6"].score == pytest.approx(2 / 3 * 10)
    assert (f["4.1"].numerator, f["4.1"].denominator, f["4.1"].score) == (0, 3, 0)  # no file attached yet
    assert (f["4.2"].numerator, f["4.2"].denominator) == (0, 3)
    assert (f["4.3"].numerator, f["4.3"].denominator, f["4.3"].score) == (0, 6, 0)  # nothing reused yet


def test_average_time_scores_full_when_faster_than_allotted(march) -> None:
    store, _ = march
    figure = _figures(report_766(store, MARCH, as_of=END_OF_MARCH).total)["2.2"]
    # Allotted: 3 working days each for A, B, C (9) against 7 taken: faster than allotted on average.
    assert figure.score == BY_CODE["2.2"].points


def test_per_clerk_and_per_procedure(march) -> None:
    store, _ = march
    report = report_766(store, MARCH, as_of=END_OF_MARCH)
    assert set(report.by_clerk) == {"canbo", "lanhdao"}
    supervisor = _figures(report.by_clerk["lanhdao"])  # B and E
    assert (supervisor["2.1"].numerator, supervisor["2.1"].denominator) == (0, 1)
    assert (supervisor["1.4"].numerator, supervisor["1.4"].denominator) == (0, 2)
    assert report.by_procedure["1.004194"].received == 6
    only = report_766(store, MARCH, as_of=END_OF_MARCH, clerk="canbo")
    assert only.total.received == 4


def test_drill_down_names_the_dossiers_behind_a_number(march) -> None:
    store, c = march
    assert dossiers_behind(store, MARCH, "2.1", as_of=END_OF_MARCH) == [c["A"], c["C"]]
    assert dossiers_behind(store, MARCH, "2.1", numerator=False, as_of=END_OF_MARCH) == [c[k] for k in "ABCD"]
    assert dossiers_behind(store, MARCH, "1.4", as_of=END_OF_MARCH) == [c[k] for k in "ACD"]


def test_an_open_dossier_is_not_judged_before_its_due_time(march) -> None:
    store, c = march
    early = report_766(store, MARCH, as_of=datetime(2026, 3, 5, 12, 0))
    assert c["D"] not in dossiers_behind(store, MARCH, "2.1", numerator=False, as_of=datetime(2026, 3, 5, 12, 0))
    assert _figures(early.total)["2.1"].denominator == 3  # A B C (B finished late on 9/3, already recorded)


def test_an_empty_period_has_no_data_rather_than_zero(march) -> None:
    store, _ = march
    f = _figures(report_766(store, Period(date(2025, 1, 1), date(2025, 1, 31))).total)
    assert f["2.1"].value is None and f["2.1"].reason


def test_scoring_rule_and_period_checks() -> None:
    assert score(BY_CODE["4.2"], 0.9) == BY_CODE["4.2"].points
    assert score(BY_CODE["4.2"], 0.4) == pytest.approx(0.4 * 7 / 0.8)
    with pytest.raises(ValidationError):
        Period(date(2026, 3, 2), date(2026, 3, 1))


def test_the_query_reads_the_received_at_index(march) -> None:
    from counter_app.reports.score766 import _FEES_SQL, _TALLY_SQL, _bound, _load_workdays

    store, _ = march
    if store.backend.name != "sqlite":
        pytest.skip("SQLite's query plan (the office server's planner has its own)")
    with store.read() as conn:
        _load_workdays(conn, MARCH, END_OF_MARCH, sqlite=True)
        plans = [" | ".join(r["detail"] for r in conn.execute(
                     *_bound("EXPLAIN QUERY PLAN " + sql, MARCH, END_OF_MARCH, None, None)))
                 for sql in (_TALLY_SQL, _FEES_SQL)]
    for plan in plans:
        assert "SEARCH d USING INDEX dossiers_received_at" in plan, plan
        assert "SCAN d " not in plan + " " and "SCAN f" not in plan, plan
    # 4.3 reads only the rows that reused a paper; 4.1, 4.2 and 4.3 answer "a current copy exists"
    # from the indexes alone (a withdrawn copy counts for nothing, and no attachment row is read).
    assert "USING COVERING INDEX dossier_attachments_reused" in plans[0], plans[0]
    assert "USING COVERING INDEX dossier_attachments_dossier" in plans[0], plans[0]
    assert "dossier_attachments a USING INDEX" not in plans[0], plans[0]


def test_cli_prints_the_same_figures_as_json(march, capsys) -> None:
    import json

    from counter_cli.main import main

    store, _ = march
    store.close()
    # The CLI judges open dossiers against the end of the period (March is over by now).
    assert main(["--db", str(store.target), "report", "766", "--from", "2026-03-01", "--to", "2026-03-31", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    figures = {f["code"]: f for f in data["total"]["figures"]}
    assert (figures["2.1"]["numerator"], figures["2.1"]["denominator"]) == (2, 4)
    assert (figures["1.4"]["numerator"], figures["1.4"]["denominator"]) == (3, 6)
    assert (figures["4.3"]["numerator"], figures["4.3"]["denominator"]) == (0, 6)
    assert set(data["by_clerk"]) == {"canbo", "lanhdao"}
    assert main(["--db", str(store.target), "report", "766", "--from", "2026-03-01", "--to", "2026-03-31"]) == 0
    assert "2.1  Tỷ lệ hồ sơ giải quyết đúng hạn" in capsys.readouterr().out


def test_cli_writes_the_workbook_and_refuses_a_bad_file(march, tmp_path, capsys) -> None:
    from counter_cli.main import main

    store, _ = march
    store.close()
    march_args = ["--db", str(store.target), "report", "766", "--from", "2026-03-01", "--to", "2026-03-31"]
    assert main([*march_args, "--json", "--xlsx", str(tmp_path / "out" / "m.xlsx")]) == 0
    captured = capsys.readouterr()
    assert '"decision": "766/QĐ-TTg"' in captured.out and "m.xlsx" in captured.err  # stdout stays JSON
    on_time = next(row for row in read_xlsx(tmp_path / "out" / "m.xlsx")["Chỉ số"] if row[0][0] == "2.1")
    assert on_time[4] == ("0.5", '0.0%" (2/4)"')
    (tmp_path / "a-file").write_text("x")
    for target in (tmp_path / "m.csv", tmp_path / "a-file" / "m.xlsx"):
        assert main([*march_args, "--xlsx", str(target)]) == 2
        captured = capsys.readouterr()
        assert captured.err.startswith("error: ") and "Traceback" not in captured.err
        assert not target.exists()


def test_cli_refuses_a_reversed_period(march, capsys) -> None:
    from counter_cli.main import main

    store, _ = march
    store.close()
    assert main(["--db", str(store.target), "report", "766", "--from", "2026-03-31", "--to", "2026-03-01"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("error: ") and "Traceback" not in captured.err


def test_xlsx_and_pdf_exports_carry_the_same_figures(march, tmp_path) -> None:
    import os
    import subprocess

    from counter_app import office
    from counter_app.reports.table766 import write_xlsx
    from printing.pdf import write_pdf
    from printing.report766 import report_766_pdf

    store, _ = march
    report = report_766(store, MARCH, as_of=END_OF_MARCH)
    path = write_xlsx(report, tmp_path / "r.xlsx")
    assert os.stat(path).st_mode & 0o077 == 0  # owner-only: it names clerks
    sheets = read_xlsx(path)
    assert list(sheets) == ["Chỉ số", "Theo cán bộ", "Theo thủ tục"]
    rows = {row[0][0]: row for row in sheets["Chỉ số"][2:]}
    assert [text for text, _format in sheets["Chỉ số"][1]][:2] == ["Mã", "Chỉ số"]
    # 2.1: on time 2 of 4, a number the spreadsheet can sort, shown as "50,0% (2/4)" through its format.
    assert rows["2.1"][1][0] == "Tỷ lệ hồ sơ giải quyết đúng hạn"
    assert rows["2.1"][4] == ("0.5", '0.0%" (2/4)"') and rows["2.1"][5] == ("5", "0.00")
    assert rows["2.1"][3] == ("1", '"≥ "0.0%') and rows["2.1"][6] == ("10", "0")
    assert rows["4.3"][4] == ("0", '0.0%" (0/6)"')
    clerks = {row[0][0]: row for row in sheets["Theo cán bộ"][2:]}
    assert clerks["Lê Văn Cán (canbo)"][1] == ("4", "0")
    pdf = write_pdf(report_766_pdf(report, office.get_office(store), on=date(2026, 4, 1)), tmp_path / "r.pdf")
    pdf_text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
    assert "QUYẾT ĐỊNH 766/QĐ-TTg" in pdf_text and "50,0% (2/4)" in pdf_text and "0,0% (0/6)" in pdf_text


def _digitise_a_and_part_of_c(store, c) -> None:
    """A result file for A and C; every received paper scanned for A, only the first for C."""
    from counter_app import users
    from counter_app.attachments import attach_pdf
    from counter_app.models import Actor

    clerk = Actor.of(users.get_user(store, "canbo"))
    for key in ("A", "C"):
        attach_pdf(store, clerk, c[key], b"%PDF-1.7\n% result\n%%EOF\n", paper=None)
    for number, _paper in enumerate(get_dossier(store, c["A"]).papers, start=1):
        attach_pdf(store, clerk, c["A"], b"%PDF-1.7\n% page " + bytes([48 + number]) + b"\n%%EOF\n", paper=number)
    attach_pdf(store, clerk, c["C"], b"%PDF-1.7\n% page 1\n%%EOF\n", paper=1)


def test_digitisation_counts_results_and_papers_attached(march) -> None:
    store, c = march
    assert len(get_dossier(store, c["C"]).papers) > 1  # so that C lacks papers below
    _digitise_a_and_part_of_c(store, c)
    f = _figures(report_766(store, MARCH, as_of=END_OF_MARCH).total)
    assert (f["4.1"].numerator, f["4.1"].denominator) == (2, 3)  # A C of the finished A B C
    assert f["4.1"].score == pytest.approx(2 / 3 * 8)
    assert (f["4.2"].numerator, f["4.2"].denominator) == (1, 3)  # A only
    assert f["4.2"].score == pytest.approx(1 / 3 * 7 / 0.8)
    assert dossiers_behind(store, MARCH, "4.2", as_of=END_OF_MARCH) == [c["A"]]


def test_papers_scanned_without_a_result_file_are_not_digitised(march) -> None:
    """4.2 needs the result file too: a dossier with every paper scanned but no result counts in neither."""
    from counter_app import users
    from counter_app.attachments import attach_pdf
    from counter_app.models import Actor

    store, c = march
    clerk = Actor.of(users.get_user(store, "canbo"))
    for number, _paper in enumerate(get_dossier(store, c["B"]).papers, start=1):
        attach_pdf(store, clerk, c["B"], b"%PDF-1.7\n% page " + bytes([48 + number]) + b"\n%%EOF\n", paper=number)
    _digitise_a_and_part_of_c(store, c)
    f = _figures(report_766(store, MARCH, as_of=END_OF_MARCH).total)
    assert (f["4.1"].numerator, f["4.2"].numerator) == (2, 1)  # A C, and A: not B
    assert c["B"] not in dossiers_behind(store, MARCH, "4.1", as_of=END_OF_MARCH)
    assert dossiers_behind(store, MARCH, "4.2", as_of=END_OF_MARCH) == [c["A"]]


def test_papers_only_shown_are_not_missing_from_digitisation(march) -> None:
    store, c = march
    _digitise_a_and_part_of_c(store, c)
    with store.write() as conn:  # C's unscanned papers were only shown at the counter (xuất trình)
        conn.execute("UPDATE dossier_papers SET form = 'shown' WHERE position > 0 AND dossier_id ="
                     " (SELECT id FROM dossiers WHERE code = ?)", (c["C"],))
    f = _figures(report_766(store, MARCH, as_of=END_OF_MARCH).total)
    assert (f["4.2"].numerator, f["4.2"].denominator) == (2, 3)  # A, and C whose other papers are exempt
    assert dossiers_behind(store, MARCH, "4.2", as_of=END_OF_MARCH) == [c["A"], c["C"]]


def test_a_paper_the_catalogue_names_shown_is_exempt_without_anyone_choosing(march) -> None:
    from factories import request

    from counter_app import services, users
    from counter_app.attachments import attach_pdf
    from counter_app.digitisation import needs_scan
    from counter_app.models import Actor

    store, _ = march
    clerk = Actor.of(users.get_user(store, "canbo"))
    certified = services.receive_dossier(store, clerk, request(store, procedure_code="1.000656",
                                                               received_at=datetime(2026, 3, 6, 9, 0))).code
    services.record_result_ready(store, clerk, certified, at=datetime(2026, 3, 6, 15, 0))
    papers = get_dossier(store, certified).papers
    assert [needs_scan(p) for p in papers].count(False) == 1  # "Giấy tờ tùy thân … (xuất trình)", form "original"
    attach_pdf(store, clerk, certified, b"%PDF-1.7\n% result\n%%EOF\n", paper=None)
    for number, paper in enumerate(papers, start=1):
        if needs_scan(paper):
            attach_pdf(store, clerk, certified, b"%PDF-1.7\n% page " + bytes([48 + number]) + b"\n%%EOF\n",
                       paper=number)
    assert dossiers_behind(store, MARCH, "4.2", as_of=END_OF_MARCH) == [certified]


def test_reuse_counts_the_dossiers_received_in_the_period_that_reused_a_digitised_paper(march) -> None:
    """4.3 by hand: the citizen of G (received in February, identity papers digitised) comes back for A,
    D and H; A reuses two papers, D one, H (received in April) one; E's paper is scanned anew.
    Received in March: A B C D E F (6); with a reused paper: A, D (2). 2/6 against the 80% target."""
    from counter_app import users
    from counter_app.attachments import attach_pdf
    from counter_app.models import Actor
    from counter_app.reuse import reuse_capture

    store, c = march
    clerk = Actor.of(users.get_user(store, "canbo"))
    with store.write() as conn:  # the same citizen: G's personal ID on A's, D's and H's applicants
        conn.execute("UPDATE applicants SET personal_id = (SELECT a.personal_id FROM applicants a JOIN dossiers d"
                     " ON d.applicant_id = a.id WHERE d.code = ?)"
                     " WHERE id IN (SELECT applicant_id FROM dossiers WHERE code IN (?, ?, ?))",
                     (c["G"], c["A"], c["D"], c["H"]))
    first = attach_pdf(store, clerk, c["G"], b"%PDF-1.7\n% identity card\n%%EOF\n", paper=1)
    second = attach_pdf(store, clerk, c["G"], b"%PDF-1.7\n% household book\n%%EOF\n", paper=2)
    reuse_capture(store, clerk, c["A"], 1, c["G"], first.sha256)
    reuse_capture(store, clerk, c["A"], 2, c["G"], second.sha256)
    reuse_capture(store, clerk, c["D"], 1, c["G"], first.sha256)
    reuse_capture(store, clerk, c["H"], 1, c["G"], first.sha256)
    attach_pdf(store, clerk, c["E"], b"%PDF-1.7\n% scanned again\n%%EOF\n", paper=1)

    report = report_766(store, MARCH, as_of=END_OF_MARCH)
    f = _figures(report.total)["4.3"]
    assert (f.numerator, f.denominator) == (2, 6)
    assert f.value == pytest.approx(1 / 3)
    assert f.score == pytest.approx(1 / 3 * 7 / 0.8)  # below the 80% target: ratio × points ÷ target
    assert (_figures(report.by_clerk["canbo"])["4.3"].numerator, report.by_clerk["canbo"].received) == (2, 4)
    assert _figures(report.by_clerk["lanhdao"])["4.3"].numerator == 0
    # The dashboard's, the workbook's and the PDF's table per clerk show it too: 2 of canbo's 4 dossiers.
    from counter_app.reports.table766 import breakdown_headers, breakdown_rows

    column = breakdown_headers("Cán bộ").index("4.3")
    assert [row[column] for row in breakdown_rows(report.by_clerk) if "(canbo)" in row[0]] == ["50,0%"]
    assert dossiers_behind(store, MARCH, "4.3", as_of=END_OF_MARCH) == [c["A"], c["D"]]
    assert dossiers_behind(store, MARCH, "4.3", numerator=False, as_of=END_OF_MARCH) == [c[k] for k in "ABCDFE"]
