"""The dossier's subject (chủ hồ sơ): stored, validated once, in the trích yếu, search, receipt and portal."""
from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date

import pytest
from factories import PASSWORD, request
from sync_helpers import FAST_BACKOFF, PORTAL_ACCOUNT, configure_portal
from test_printing_support import flat, pdf_text, write

from counter_app import catalogue, search, services
from counter_app.dossiers import get_dossier
from counter_app.errors import ValidationError
from counter_app.models import Subject
from counter_app.office import get_office
from counter_cli.main import main
from printing.receipt import build_receipt
from sync.engine import run_sync
from sync.simulator.process import running_simulator

BIRTH = "1.001193"
NEWBORN = Subject("Nguyễn Văn An", birth_date=date(2026, 11, 2), relation="con")


def _receive(store, subject: Subject | None = NEWBORN, **changes):
    base = request(store, procedure_code=BIRTH, full_name="Nguyễn Văn Bình")
    return services.receive_dossier(store, store.test_actors["staff"], replace(base, subject=subject, **changes))


def test_the_subject_is_stored_and_names_the_summary(store):
    dossier = _receive(store, Subject("  nguyễn\u200b văn  an ", birth_date=date(2026, 11, 2), relation=" con "))
    assert get_dossier(store, dossier.code).subject == Subject("nguyễn văn an", birth_date=date(2026, 11, 2),
                                                             relation="con")
    assert dossier.summary == "Đăng ký khai sinh cho nguyễn văn an"  # "Thủ tục" dropped, the subject added


def test_a_typed_summary_wins_and_no_subject_keeps_the_procedure(store):
    assert _receive(store, summary="Đăng ký khai sinh đúng hạn cho cháu An").summary == (
        "Đăng ký khai sinh đúng hạn cho cháu An")
    plain = _receive(store, subject=None)
    assert plain.subject is None and plain.summary == "Thủ tục đăng ký khai sinh"


@pytest.mark.parametrize(("subject", "message"), [
    (Subject("  "), "Chưa nhập họ và tên người được cấp"),
    (Subject("A" * 101), "Họ và tên người được cấp / chủ hồ sơ quá dài"),
    (Subject("Lê Văn Cường", personal_id="001099"), "Chủ hồ sơ:"),
    (Subject("Lê Văn Cường", personal_id="001099012345", birth_date=date(1980, 1, 1)), "Năm sinh của chủ hồ sơ"),
    (Subject("Lê Văn Cường", birth_date=date(2999, 1, 1)), "Ngày sinh ở tương lai"),
    (Subject("Lê Văn Cường", authorisation="x" * 301), "Giấy ủy quyền quá dài"),
])
def test_a_bad_subject_is_refused_with_one_message_and_nothing_written(store, subject, message):
    with pytest.raises(ValidationError) as refused:
        _receive(store, subject)
    assert str(refused.value).startswith(message)
    assert "001099" not in str(refused.value)  # personal data is not echoed
    with store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0] == 0


def test_searching_the_subjects_name_finds_the_dossier_even_after_a_correction(store):
    dossier = _receive(store)
    assert [r.code for r in search.search(store, "nguyen van an")] == [dossier.code]
    assert [r.code for r in search.search(store, "van binh")] == [dossier.code]
    assert search.search(store, "nguyen van an")[0].summary == "Đăng ký khai sinh cho Nguyễn Văn An"
    services.correct_applicant(store, store.test_actors["staff"], dossier.code, full_name="Nguyễn Văn Bính",
                               address=dossier.applicant.address, phone=dossier.applicant.phone, email="",
                               reason="gõ nhầm")
    assert [r.code for r in search.search(store, "nguyen van an")] == [dossier.code]
    assert [r.code for r in search.search(store, "van binh")] == [dossier.code]  # "Bính" folds to binh too


def test_the_receipt_says_what_is_asked_and_for_whom(store, tmp_path):
    dossier = _receive(store)
    text = flat(pdf_text(write(tmp_path, build_receipt(get_office(store), dossier))))
    assert "Nội dung yêu cầu giải quyết: Đăng ký khai sinh cho Nguyễn Văn An" in text


def test_the_portal_record_names_the_subject_as_chu_ho_so(store, tmp_path):
    about_someone = _receive(store)
    own = _receive(store, subject=None)
    with running_simulator(tmp_path, account=PORTAL_ACCOUNT) as sim:
        configure_portal(store, sim.url)
        report = run_sync(store, until_empty=True, max_seconds=60, backoff=FAST_BACKOFF)
        held = {item["MaHoSo"]: item["record"] for item in sim.admin_dossiers()}
    assert report.pending == 0 and report.failed == 0
    assert held[about_someone.code]["ChuHoSo"] == "Nguyễn Văn An"
    assert held[about_someone.code]["TrichYeuHoSo"] == "Đăng ký khai sinh cho Nguyễn Văn An"
    assert held[about_someone.code]["SoDienThoai"] == about_someone.applicant.phone  # contact stays the submitter
    assert held[own.code]["ChuHoSo"] == "Nguyễn Văn Bình"
    assert held[own.code]["TrichYeuHoSo"] == "Thủ tục đăng ký khai sinh"


def test_an_import_file_may_name_the_subject(store, tmp_path, capsys, monkeypatch):
    papers = [p.name for p in catalogue.get_procedure(store, BIRTH).papers if p.required]
    entry = {"procedure_code": BIRTH, "applicant": {"full_name": "Nguyễn Văn Bình"}, "papers": papers,
             "subject": {"full_name": "Nguyễn Văn An", "birth_date": "2026-11-02", "relation": "con"}}
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([entry, {**entry, "subject": {"full_name": "Lê Văn Cường", "birth_date": "2026-13-01"}}],
                                ensure_ascii=False), encoding="utf-8")
    argv = ["--db", str(store.path), "dossier", "receive", "--from-json", str(batch), "--as", "canbo",
            "--password-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(argv) != 0
    assert "dossier 2.subject.birth_date: must be a date YYYY-MM-DD" in capsys.readouterr().err
    batch.write_text(json.dumps([entry], ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(argv) == 0
    code = capsys.readouterr().out.strip()
    dossier = get_dossier(store, code)
    assert dossier.subject == Subject("Nguyễn Văn An", birth_date=date(2026, 11, 2), relation="con")
    assert dossier.summary == "Đăng ký khai sinh cho Nguyễn Văn An"
