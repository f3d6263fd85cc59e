"""Withdrawing a wrongly attached electronic copy ("Gỡ bản điện tử"): no longer the dossier's copy anywhere
(listing, digitised state, Decision 766, reuse, the portal's queue), its row and file kept, refusals change nothing."""
from __future__ import annotations

import json

import pytest
from report766_seed import END_OF_MARCH, MARCH, seed_march
from test_core_cli import run
from test_core_reuse import citizen  # noqa: F401 - the fixture: one citizen's dossiers with captures

from counter_app import users
from counter_app.attachments import attach_pdf, list_attachments, read_content, withdraw
from counter_app.dossiers import get_dossier
from counter_app.errors import PermissionDenied, ValidationError
from counter_app.models import Actor
from counter_app.reports.score766 import dossiers_behind, report_766
from counter_app.reuse import earlier_captures, reuse_capture

pytestmark = pytest.mark.both_stores
REASON = "Quét nhầm CCCD của Nguyễn Thị Bình"  # names a third party: must never reach the audit log


@pytest.fixture
def march(store):
    return store, seed_march(store)


def _clerk(store, name: str = "canbo") -> Actor:
    return Actor.of(users.get_user(store, name))


def _pdf(label: str) -> bytes:
    return b"%PDF-1.7\n% " + label.encode() + b"\n%%EOF\n"


def _digitised(store) -> list[str]:
    return dossiers_behind(store, MARCH, "4.2", as_of=END_OF_MARCH)


def _with_result(store) -> list[str]:
    return dossiers_behind(store, MARCH, "4.1", as_of=END_OF_MARCH)


def _digitise_whole(store, clerk: Actor, code: str) -> None:
    attach_pdf(store, clerk, code, _pdf(f"result of {code}"), paper=None)
    for number, _paper in enumerate(get_dossier(store, code).papers, start=1):
        attach_pdf(store, clerk, code, _pdf(f"paper {number} of {code}"), paper=number)


def _trail(store) -> tuple[list, int, int]:
    """Everything a withdrawal writes: the attachment rows (withdrawn ones too), dossiers' audit records (a
    command's log-in is audited too), outbox rows."""
    with store.read() as conn:
        audits = conn.execute("SELECT count(*) FROM audit_log WHERE action LIKE 'dossier.%'").fetchone()[0]
        queued = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    rows = []
    for code in _codes(store):
        rows += list_attachments(store, code, withdrawn=True)
    return rows, audits, queued


def _codes(store) -> list[str]:
    with store.read() as conn:
        return [row[0] for row in conn.execute("SELECT code FROM dossiers ORDER BY id")]


def test_a_withdrawn_capture_is_no_longer_the_papers_copy_and_a_second_capture_stays(march, capsys):
    store, c = march
    clerk = _clerk(store)
    _digitise_whole(store, clerk, c["A"])
    wrong = list_attachments(store, c["A"])[0]
    right = attach_pdf(store, clerk, c["A"], _pdf("paper 1 again"), paper=1)
    assert (wrong.paper, wrong.seq, right.seq) == (1, 1, 2)
    assert _digitised(store) == [c["A"]]

    withdrawn = withdraw(store, clerk, c["A"], paper=1, seq=1, reason=f"  {REASON} ")
    assert (withdrawn.sha256, withdrawn.withdrawn_by, withdrawn.withdrawn_reason) == (wrong.sha256, "canbo", REASON)
    current = list_attachments(store, c["A"])
    assert [(a.paper, a.seq) for a in current if a.paper == 1] == [(1, 2)]  # the second capture stays
    assert _digitised(store) == [c["A"]]  # paper 1 still has a copy
    every = list_attachments(store, c["A"], withdrawn=True)
    [old] = [a for a in every if a.withdrawn_at is not None]
    assert (old.paper, old.seq, old.sha256, old.withdrawn_by, old.withdrawn_reason) == (
        1, 1, wrong.sha256, "canbo", REASON)
    assert read_content(store, wrong.sha256) is not None  # the file stays: audit trail, backups
    assert run(capsys, "--db", str(store.target), "check") == (0, "ok\n", "")  # still referenced, not an orphan

    withdraw(store, clerk, c["A"], paper=2, seq=None, reason="Nhầm trang")  # its only capture: seq not needed
    assert all(a.paper != 2 for a in list_attachments(store, c["A"]))  # "chưa số hóa" again
    assert _digitised(store) == [] and _with_result(store) == [c["A"]]
    withdraw(store, clerk, c["A"], paper=None, seq=None, reason="Sai tệp kết quả")
    assert _with_result(store) == []
    attach_pdf(store, clerk, c["A"], _pdf("paper 2, the right one"), paper=2)  # replaced: "Số hóa" again
    attach_pdf(store, clerk, c["A"], _pdf("the right result"), paper=None)
    assert _digitised(store) == [c["A"]]
    assert [(a.paper, a.seq) for a in list_attachments(store, c["A"]) if a.paper in (2, None)] == [(2, 2), (None, 2)]


def test_a_withdrawal_is_audited_without_its_reason_and_queues_the_record_again(store):
    from factories import request

    from counter_app import services

    clerk = store.test_actors["staff"]
    code = services.receive_dossier(store, clerk, request(store)).code
    wrong = attach_pdf(store, clerk, code, _pdf("someone else's paper"), paper=1)
    with store.write() as conn:  # the portal confirmed the dossier: nothing queued for it any more
        conn.execute("DELETE FROM outbox")
    withdraw(store, clerk, code, paper=1, seq=1, reason=REASON)
    with store.read() as conn:
        rows = conn.execute("SELECT action, entity_id, details FROM audit_log ORDER BY id").fetchall()
        queued = conn.execute("SELECT o.kind, d.code FROM outbox o JOIN dossiers d ON d.id = o.dossier_id").fetchall()
    assert (rows[-1][0], rows[-1][1]) == ("dossier.detach", code)
    assert json.loads(rows[-1][2]) == {"kind": "paper", "paper": 1, "seq": 1, "sha256": wrong.sha256,
                                       "reason_given": True}
    assert not any("Bình" in row[2] or "Quét nhầm" in row[2] for row in rows)
    assert [tuple(row) for row in queued] == [("dossier", code)]


def test_refusals_change_nothing(march):
    store, c = march
    clerk, supervisor = _clerk(store), _clerk(store, "lanhdao")
    _digitise_whole(store, clerk, c["C"])  # C: "Đã trả kết quả"
    attach_pdf(store, clerk, c["A"], _pdf("one"), paper=1)
    attach_pdf(store, clerk, c["A"], _pdf("two"), paper=1)
    before = _trail(store)
    refusals = [
        (ValidationError, "lý do", dict(code=c["A"], paper=1, seq=1, reason="  ")),
        (ValidationError, "ít nhất 3", dict(code=c["A"], paper=1, seq=1, reason="ab")),
        (ValidationError, "tối đa 200", dict(code=c["A"], paper=1, seq=1, reason="x" * 201)),
        (ValidationError, "không có bản điện tử số 3", dict(code=c["A"], paper=1, seq=3, reason=REASON)),
        (ValidationError, "hãy chọn bản", dict(code=c["A"], paper=1, seq=None, reason=REASON)),
        (ValidationError, "chưa có bản điện tử", dict(code=c["A"], paper=2, seq=None, reason=REASON)),
        (ValidationError, "giấy tờ số 9", dict(code=c["A"], paper=9, seq=1, reason=REASON)),
        (PermissionDenied, "chỉ lãnh đạo", dict(code=c["C"], paper=None, seq=1, reason=REASON)),
    ]
    for error, message, arguments in refusals:
        with pytest.raises(error, match=message):
            withdraw(store, clerk, **arguments)
        assert _trail(store) == before, message
    withdraw(store, clerk, c["A"], paper=1, seq=2, reason=REASON)
    with pytest.raises(ValidationError, match="không có bản điện tử số 2"):  # withdrawn already
        withdraw(store, clerk, c["A"], paper=1, seq=2, reason=REASON)
    # On a dossier whose result the citizen holds, a wrong paper scan is still the clerk's to withdraw;
    # the result is the supervisor's.
    withdraw(store, clerk, c["C"], paper=1, seq=1, reason=REASON)
    withdraw(store, supervisor, c["C"], paper=None, seq=1, reason=REASON)
    assert [a.paper for a in list_attachments(store, c["C"])] == list(range(2, len(get_dossier(store, c["C"]).papers)
                                                                           + 1))


def test_a_withdrawn_capture_is_never_offered_for_reuse(store, citizen):  # noqa: F811
    c = citizen
    staff = store.test_actors["staff"]
    withdraw(store, staff, c["second"], paper=2, seq=1, reason="Giấy khai sinh của người khác")
    assert [e.sha256 for e in earlier_captures(store, c["new"])] == [c["ids"].sha256]
    with pytest.raises(ValidationError, match="không có bản số hóa này"):
        reuse_capture(store, staff, c["new"], 2, c["second"], c["birth"].sha256)
    assert list_attachments(store, c["new"]) == []


def test_a_withdrawn_reused_copy_no_longer_counts_as_reuse(march):
    store, c = march
    clerk = _clerk(store)
    with store.write() as conn:  # the same citizen for G (February) and A
        conn.execute("UPDATE applicants SET personal_id = (SELECT a.personal_id FROM applicants a JOIN dossiers d"
                     " ON d.applicant_id = a.id WHERE d.code = ?)"
                     " WHERE id = (SELECT applicant_id FROM dossiers WHERE code = ?)", (c["G"], c["A"]))
    earlier = attach_pdf(store, clerk, c["G"], _pdf("identity card"), paper=1)
    reuse_capture(store, clerk, c["A"], 1, c["G"], earlier.sha256)
    assert dossiers_behind(store, MARCH, "4.3", as_of=END_OF_MARCH) == [c["A"]]
    withdraw(store, clerk, c["A"], paper=1, seq=1, reason="Không phải giấy tờ của hồ sơ này")
    assert dossiers_behind(store, MARCH, "4.3", as_of=END_OF_MARCH) == []
    total = {f.indicator.code: f for f in report_766(store, MARCH, as_of=END_OF_MARCH).total.figures()}
    assert total["4.3"].numerator == 0


def _detach(capsys, store, code: str, *args: str, user: str = "canbo") -> tuple[int, str, str]:
    from factories import PASSWORD

    return run(capsys, "--db", str(store.target), "dossier", "detach", code, *args, "--as", user, "--password-stdin",
               stdin=PASSWORD + "\n")


def test_the_command_line_detaches_one_capture_and_lists_it_only_when_asked(march, capsys):
    store, c = march
    clerk = _clerk(store)
    first = attach_pdf(store, clerk, c["A"], _pdf("wrong"), paper=1)
    attach_pdf(store, clerk, c["A"], _pdf("right"), paper=1)
    _digitise_whole(store, clerk, c["C"])  # C: "Đã trả kết quả"
    before = _trail(store)
    with pytest.raises(SystemExit) as refused:  # argparse's own refusal
        _detach(capsys, store, c["A"], "--paper", "1")
    assert refused.value.code == 2 and "required: --reason" in capsys.readouterr().err
    status, _out, err = _detach(capsys, store, c["A"], "--paper", "1", "--reason", REASON)
    assert status == 2 and "hãy chọn bản" in err and "Traceback" not in err
    status, _out, err = _detach(capsys, store, c["C"], "--result", "--reason", REASON)
    assert status != 0 and "chỉ lãnh đạo" in err and "Traceback" not in err
    assert _trail(store) == before

    status, out, _err = _detach(capsys, store, c["A"], "--paper", "1", "--seq", "1", "--reason", REASON)
    assert (status, out) == (0, f"withdrawn paper 1 capture 1  {first.sha256}\n")
    listing = run(capsys, "--db", str(store.target), "dossier", "attachments", c["A"])[1]
    assert first.sha256 not in listing and len(listing.splitlines()) == 1
    status, listing, _err = run(capsys, "--db", str(store.target), "dossier", "attachments", c["A"], "--withdrawn")
    [line] = [line for line in listing.splitlines() if first.sha256 in line]
    assert status == 0 and line.split()[:2] == ["paper", "1"] and f"by canbo: {REASON}" in line
    items = json.loads(run(capsys, "--db", str(store.target), "dossier", "attachments", c["A"], "--withdrawn",
                           "--json")[1])
    assert [(i["seq"], i["withdrawn_by"], i["withdrawn_reason"]) for i in items] == [(1, "canbo", REASON), (2, None, "")]
    assert _detach(capsys, store, c["C"], "--result", "--reason", REASON, user="lanhdao")[0] == 0
