"""A citizen's earlier digitised papers offered again and reused: same citizen by ID only, no new file, audited."""
from __future__ import annotations

import json
import random
from dataclasses import replace
from datetime import date

import pytest
from factories import request
from scans import pdf_of_pages
from test_core_cli import run

from counter_app import services
from counter_app.attachments import attach_pdf, contents_in, list_attachments
from counter_app.dossiers import get_dossier
from counter_app.errors import ValidationError
from counter_app.reuse import earlier_captures, reuse_capture, reuse_same_paper

ID = "001090123456"
OTHER_ID = "001090654321"


def _receive(store, *, seed: int, personal_id: str = ID, old_id: str = "", name: str | None = None) -> str:
    base = request(store, rng=random.Random(seed), full_name=name)
    applicant = replace(base.applicant, personal_id=personal_id, old_id=old_id, birth_date=date(1990, 5, 17),
                        sex="male")  # as the IDs below say
    return services.receive_dossier(store, store.test_actors["staff"], replace(base, applicant=applicant)).code


def _stored(store) -> set[str]:
    with store.read() as conn:
        return contents_in(store, conn).present()


def _audit(store) -> list[tuple[str, str, dict]]:
    with store.read() as conn:
        rows = conn.execute("SELECT action, entity_id, details FROM audit_log ORDER BY id").fetchall()
    return [(r[0], r[1], json.loads(r[2])) for r in rows]


@pytest.fixture
def citizen(store):
    """Two earlier dossiers of the citizen ``ID`` (typed with two spellings of the name), with captures;
    a namesake with another ID and a capture; the citizen's new dossier, not digitised yet."""
    staff = store.test_actors["staff"]
    first = _receive(store, seed=1, name="Nguyễn Văn Đức")
    second = _receive(store, seed=2, name="Nguyen Van Duc")
    namesake = _receive(store, seed=3, personal_id=OTHER_ID, name="Nguyễn Văn Đức")
    identity_card = pdf_of_pages(2)
    ids = attach_pdf(store, staff, first, identity_card, paper=1)
    birth = attach_pdf(store, staff, second, pdf_of_pages(3), paper=2)
    again = attach_pdf(store, staff, second, identity_card, paper=1)  # the same file as ``ids``
    strange = attach_pdf(store, staff, namesake, pdf_of_pages(4), paper=1)
    new = _receive(store, seed=4, name="Nguyễn Văn Đức")
    return {"first": first, "second": second, "namesake": namesake, "new": new, "ids": ids, "birth": birth,
            "again": again, "strange": strange}


@pytest.mark.both_stores
def test_the_citizens_other_dossiers_captures_are_offered_newest_first_each_file_once(store, citizen):
    c = citizen
    papers = get_dossier(store, c["second"]).papers
    offered = earlier_captures(store, c["new"])
    assert [(e.dossier_code, e.paper_name, e.pages, e.sha256) for e in offered] == [
        (c["second"], papers[0].name, 2, c["ids"].sha256),  # newest: the same file as the first dossier's
        (c["second"], papers[1].name, 3, c["birth"].sha256),
    ]  # never the namesake's capture (another ID), never the new dossier's own
    assert all(e.added_at is not None for e in offered)
    # From the first dossier, the others of the same citizen are the second and the new one.
    assert {e.sha256 for e in earlier_captures(store, c["first"])} == {c["ids"].sha256, c["birth"].sha256}


@pytest.mark.both_stores
def test_a_reuse_points_at_the_same_file_marks_its_source_and_is_audited_without_personal_data(store, citizen,
                                                                                              capsys):
    c = citizen
    staff = store.test_actors["staff"]
    files_before = _stored(store)
    reused = reuse_capture(store, staff, c["new"], 2, c["second"], c["birth"].sha256)

    assert list_attachments(store, c["new"]) == [reused]
    assert (reused.paper, reused.seq, reused.sha256, reused.bytes, reused.reused_from) == (
        2, 1, c["birth"].sha256, c["birth"].bytes, c["second"])
    assert _stored(store) == files_before  # no new file: the row points at the stored one
    action, entity, details = _audit(store)[-1]
    assert (action, entity) == ("dossier.attach", c["new"])
    assert details["reused_from"] == c["second"] and details["sha256"] == c["birth"].sha256
    text = json.dumps(details, ensure_ascii=False)
    assert ID not in text and "Đức" not in text and "Duc" not in text
    status, _out, _err = run(capsys, "--db", str(store.target), "check")
    assert status == 0


@pytest.mark.both_stores
@pytest.mark.parametrize("case", ["namesake's file", "own dossier", "unknown file", "wrong source"])
def test_a_file_not_of_the_same_citizens_earlier_dossier_is_refused_and_nothing_changes(store, citizen, case):
    c = citizen
    staff = store.test_actors["staff"]
    from_code, digest = {
        "namesake's file": (c["namesake"], c["strange"].sha256),
        "own dossier": (c["new"], c["ids"].sha256),
        "unknown file": (c["second"], "ab" * 32),
        "wrong source": (c["first"], c["birth"].sha256),  # the birth certificate is the second dossier's
    }[case]
    audit_before = _audit(store)
    with pytest.raises(ValidationError, match="không có bản số hóa này của cùng công dân"):
        reuse_capture(store, staff, c["new"], 1, from_code, digest)
    assert list_attachments(store, c["new"]) == []
    assert _audit(store) == audit_before


@pytest.mark.both_stores
def test_a_missing_file_is_not_reused(store, citizen):
    c = citizen
    if store.path is None:
        with store.write() as conn:
            conn.execute("DELETE FROM attachment_contents WHERE sha256 = ?", (c["birth"].sha256,))
    else:
        from counter_app.attachment_files import attachments_dir, content_path
        content_path(attachments_dir(store.path), c["birth"].sha256).unlink()
    assert [e.pages for e in earlier_captures(store, c["new"])] == [2, None]  # shown as unreadable
    with pytest.raises(ValidationError, match="bị mất hoặc bị sửa"):
        reuse_capture(store, store.test_actors["staff"], c["new"], 2, c["second"], c["birth"].sha256)
    assert list_attachments(store, c["new"]) == []


def test_without_a_personal_id_the_old_cmnd_says_who_the_citizen_is(store):
    staff = store.test_actors["staff"]
    old = _receive(store, seed=1, personal_id="", old_id="123456789")
    attach_pdf(store, staff, old, pdf_of_pages(1), paper=1)
    other = _receive(store, seed=2, personal_id="", old_id="987654321")
    attach_pdf(store, staff, other, pdf_of_pages(2), paper=1)
    again = _receive(store, seed=3, personal_id="", old_id="123456789")
    nobody = _receive(store, seed=4, personal_id="", old_id="")  # no number at all: nobody to match
    assert [e.dossier_code for e in earlier_captures(store, again)] == [old]
    assert earlier_captures(store, nobody) == []


def test_the_command_line_reuses_the_paper_of_the_same_name_and_lists_its_source(store, citizen, capsys):
    c = citizen
    store.close()
    db = str(store.path)
    status, out, err = run(capsys, "--db", db, "dossier", "attach", c["new"], "--paper", "2", "--reuse", c["second"],
                           "--as", "canbo", "--password-stdin", stdin="matkhau123\n")
    assert (status, err) == (0, "") and c["birth"].sha256 in out
    status, out, _err = run(capsys, "--db", db, "dossier", "attachments", c["new"], "--json")
    [listed] = json.loads(out)
    assert (listed["paper"], listed["sha256"], listed["reused_from"], listed["pages"]) == (
        2, c["birth"].sha256, c["second"], 3)
    # The first dossier never captured paper 2: a clear refusal, nothing added.
    status, out, err = run(capsys, "--db", db, "dossier", "attach", c["new"], "--paper", "2", "--reuse", c["first"],
                           "--as", "canbo", "--password-stdin", stdin="matkhau123\n")
    assert status != 0 and "không có bản số hóa" in err and "Traceback" not in err
    # Files and --reuse exclude each other.
    status, _out, err = run(capsys, "--db", db, "dossier", "attach", c["new"], "x.pdf", "--paper", "1", "--reuse",
                            c["second"], "--as", "canbo", "--password-stdin", stdin="matkhau123\n")
    assert status != 0 and "Traceback" not in err
    status, _out, err = run(capsys, "--db", db, "dossier", "attach", c["new"], "--paper", "1", "--bogus",
                            "--as", "canbo", "--password-stdin", stdin="matkhau123\n")
    assert status != 0 and "unrecognized arguments: --bogus" in err
    status, out, _err = run(capsys, "--db", db, "dossier", "attachments", c["new"], "--json")
    assert len(json.loads(out)) == 1
    status, out, _err = run(capsys, "--db", db, "dossier", "attachments", c["new"])
    assert f"reused from {c['second']}" in out


def test_reuse_same_paper_refuses_a_paper_number_the_dossier_lacks(store, citizen):
    with pytest.raises(ValidationError, match="không có giấy tờ số 9"):
        reuse_same_paper(store, store.test_actors["staff"], citizen["new"], 9, citizen["second"])


def test_the_look_up_reads_indexes_only(store, citizen):
    from counter_app.reuse import _EARLIER_SQL

    with store.read() as conn:
        for column in ("personal_id", "old_id"):
            sql = _EARLIER_SQL.format(id_column=column, extra="")
            plan = " | ".join(r["detail"] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, (1, 50)))
            index = "applicants_personal_id" if column == "personal_id" else "applicants_old_id"
            assert f"INDEX {index} ({column}=?)" in plan, plan
            assert "dossiers_applicant" in plan and "dossier_attachments_dossier" in plan, plan
            assert "SCAN " not in plan.replace("SCAN CONSTANT ROW", ""), plan
